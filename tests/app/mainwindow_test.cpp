// GUI tests of the real main window, offscreen, against a real ticket-server: widgets are
// found by object name and driven with QTest; the server's state is checked afterwards.
#include "guiclient.h"
#include "testsupport.h"

#include "client/apiclient.h"
#include "client/draftstore.h"
#include "client/eventstream.h"
#include "client/outbox.h"
#include "conversationtabs.h"
#include "core/version.h"
#include "mainwindow.h"
#include "models/postlistmodel.h"
#include "models/queuefilter.h"
#include "models/ticketdocument.h"
#include "models/tickettablemodel.h"
#include "ticketlistcontroller.h"
#include "widgets/attachmentlistwidget.h"
#include "widgets/conflictbanner.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using guitest::Client;
using guitest::waitFor;
using testsupport::ApiClient;
using testsupport::TestServer;

namespace {

class MainWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning());
        ASSERT_FALSE(check.loginStaff(u"anna"_s).isEmpty());
    }
    QJsonObject ticket(qint64 id) { return check.get(u"/tickets/%1"_s.arg(id)).object(); }

    TestServer server;
    ApiClient check{server.baseUrl()};
    QTemporaryDir dir;
};

TEST_F(MainWindowTest, WorksATicketFromAFilteredQueue)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());

    // The "New and unassigned" queue: every row it shows is new and has nobody.
    auto *queues = c.find<QListView>("queueListView");
    const int row = c.window->findChild<QListView *>(u"queueListView"_s)
                        ->model()
                        ->match(queues->model()->index(0, 0), models::QueueListModel::QueueRole,
                                int(models::Queue::NewUnassigned))
                        .value(0)
                        .row();
    QTest::mouseClick(queues->viewport(), Qt::LeftButton, {},
                      queues->visualRect(queues->model()->index(row, 0)).center());
    ASSERT_TRUE(waitFor([&] {
        return c.table()->query().assigneeNone && c.table()->rowCount() > 0 &&
               !c.table()->isLoading();
    }));
    for (int r = 0; r < c.table()->rowCount(); ++r) {
        const auto *t = c.table()->summary(c.table()->idAt(r));
        ASSERT_NE(t, nullptr);
        EXPECT_EQ(t->status, core::Status::New);
        EXPECT_FALSE(t->assigneeId.has_value());
    }
    const qint64 id = c.table()->idAt(0);
    c.open(id);

    // Priority by keyboard on the combo box.
    auto *priority = c.find<QComboBox>("priorityComboBox");
    const QString before = ticket(id).value(u"priority"_s).toString();
    priority->setFocus();
    QTest::keyClick(priority, before == u"high" ? Qt::Key_Up : Qt::Key_Down);
    ASSERT_TRUE(waitFor([&] { return ticket(id).value(u"priority"_s).toString() != before; }));

    // Assign to me.
    QTest::mouseClick(c.find<QPushButton>("assignToMeButton"), Qt::LeftButton);
    ASSERT_TRUE(
        waitFor([&] { return ticket(id).value(u"assigneeId"_s).toInteger() == c.api.myId(); }));

    // An internal note, sent with Ctrl+Enter.
    c.window->conversation()->showTab(ConversationTabs::Tab::Notes);
    auto *note = c.find<QPlainTextEdit>("noteTextEdit");
    QTest::keyClicks(note, u"Ersatzteil bestellt, <b>kein</b> Markup"_s);
    QTest::keyClick(note, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(waitFor([&] {
        const QJsonArray items = check.get(u"/tickets/%1/notes"_s.arg(id)).items();
        return !items.isEmpty() && items.last().toObject().value(u"body"_s).toString() ==
                                       u"Ersatzteil bestellt, <b>kein</b> Markup"_s;
    }));
    EXPECT_TRUE(note->toPlainText().isEmpty());

    // A message: a double click on Send sends it once.
    c.window->conversation()->showTab(ConversationTabs::Tab::Messenger);
    auto *message = c.find<QPlainTextEdit>("messageTextEdit");
    QTest::keyClicks(message, u"Wir kommen morgen vorbei."_s);
    auto *send = c.find<QPushButton>("sendMessageButton");
    QTest::mouseClick(send, Qt::LeftButton);
    QTest::mouseClick(send, Qt::LeftButton);
    QTest::keyClick(message, Qt::Key_Return, Qt::ControlModifier);
    auto countMessages = [&] {
        int n = 0;
        for (const QJsonValue &m : check.get(u"/tickets/%1/messages"_s.arg(id)).items())
            n += m.toObject().value(u"body"_s).toString() == u"Wir kommen morgen vorbei."_s;
        return n;
    };
    ASSERT_TRUE(waitFor([&] { return countMessages() == 1; }));
    // Sentinel: a later message sent the same way; the outbox sends in order, so a second
    // copy of the first would be on the server before it.
    QTest::keyClicks(message, u"Bis dann."_s);
    QTest::keyClick(message, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(waitFor([&] {
        const QJsonArray items = check.get(u"/tickets/%1/messages"_s.arg(id)).items();
        return !items.isEmpty() &&
               items.last().toObject().value(u"body"_s).toString() == u"Bis dann."_s;
    }));
    EXPECT_EQ(countMessages(), 1);
    EXPECT_TRUE(c.outbox.allItems().isEmpty());

    // An attachment through the "Add file" button (the file dialog answered by the hook).
    QTemporaryDir files;
    const QString path = files.filePath(u"fehlerbild.txt"_s);
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("Fehler E42 seit Montag\n");
    f.close();
    c.dialogs.nextOpenFileNames({path});
    QTest::mouseClick(c.find<QPushButton>("addAttachmentButton"), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] {
        for (const QJsonValue &a : ticket(id).value(u"attachments"_s).toArray())
            if (a.toObject().value(u"name"_s).toString() == u"fehlerbild.txt")
                return true;
        return false;
    }));
}

// When a dialog of the window closes and nothing else has the keyboard, the window takes it
// back: without a window manager doing so (a bare X server) Ctrl+F, Ctrl+K and Ctrl+1 did
// nothing after "Save view…" until the window was clicked.
TEST_F(MainWindowTest, TheWindowTakesTheKeyboardBackAfterADialog)
{
    Client c(server.baseUrl(), dir.path());
    c.window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(c.window.get()));
    auto *dialog = new QDialog(c.window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    dialog->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(dialog));
    // As a bare X server leaves it when the dialog's window goes: nobody has the keyboard.
    QApplication::setActiveWindow(nullptr);
    dialog->accept();
    EXPECT_TRUE(waitFor([&] { return QApplication::activeWindow() == c.window.get(); }));
}

TEST_F(MainWindowTest, StaleEditShowsTheBannerAndReappliesTheChange)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    const qint64 id = c.table()->idAt(0);
    c.open(id);
    // Our copy goes stale: the live stream is off, and someone else changes the ticket.
    c.events.stop();
    ApiClient someoneElse(server.baseUrl());
    someoneElse.loginStaff(u"jonas"_s);
    ASSERT_EQ(someoneElse.editTicket(id, {{u"title"_s, u"Von Jonas geändert"_s}}).status, 200);

    auto *priority = c.find<QComboBox>("priorityComboBox");
    const QString before = ticket(id).value(u"priority"_s).toString();
    priority->setFocus();
    QTest::keyClick(priority, before == u"high" ? Qt::Key_Up : Qt::Key_Down);
    auto *banner = c.find<ConflictBanner>("conflictBanner");
    ASSERT_TRUE(waitFor([&] { return banner->isVisible(); }));
    EXPECT_EQ(ticket(id).value(u"priority"_s).toString(), before); // nothing overwritten
    EXPECT_FALSE(c.window->document()->pendingChange().isEmpty()); // the change is kept

    QTest::mouseClick(c.find<QPushButton>("reapplyButton"), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return ticket(id).value(u"priority"_s).toString() != before; }));
    EXPECT_EQ(ticket(id).value(u"title"_s).toString(), u"Von Jonas geändert"_s);
    EXPECT_TRUE(waitFor([&] { return !banner->isVisible(); }));
}

TEST_F(MainWindowTest, DraftSurvivesARestart)
{
    qint64 id = 0;
    {
        Client c(server.baseUrl(), dir.path());
        ASSERT_TRUE(c.waitForRows());
        id = c.table()->idAt(1);
        c.open(id);
        QTest::keyClicks(c.find<QPlainTextEdit>("messageTextEdit"), u"Halb geschrieben"_s);
        c.window->conversation()->showTab(ConversationTabs::Tab::Notes);
        QTest::keyClicks(c.find<QPlainTextEdit>("noteTextEdit"), u"Notiz im Entwurf"_s);
        // As after a crash: no orderly close, only what the debounced save wrote.
        EXPECT_TRUE(waitFor([&] {
            client::DraftStore reread(dir.path() + u"/drafts.json"_s);
            return reread.draft(id, client::DraftStore::Kind::Message) == u"Halb geschrieben"_s &&
                   reread.draft(id, client::DraftStore::Kind::Note) == u"Notiz im Entwurf"_s;
        }));
    }
    Client again(server.baseUrl(), dir.path());
    ASSERT_TRUE(again.waitForRows());
    ASSERT_TRUE(waitFor([&] { return again.table()->rowOf(id) >= 0; }));
    again.open(id);
    EXPECT_EQ(again.find<QPlainTextEdit>("messageTextEdit")->toPlainText(), u"Halb geschrieben"_s);
    EXPECT_EQ(again.find<QPlainTextEdit>("noteTextEdit")->toPlainText(), u"Notiz im Entwurf"_s);
    // Nothing was sent meanwhile.
    for (const QJsonValue &m : check.get(u"/tickets/%1/messages"_s.arg(id)).items())
        EXPECT_NE(m.toObject().value(u"body"_s).toString(), u"Halb geschrieben"_s);
}

TEST_F(MainWindowTest, LiveUpdatesKeepTheSelection)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    ASSERT_TRUE(waitFor([&] { return c.events.state() == client::EventStream::State::Connected; }));
    const qint64 id = c.table()->idAt(2);
    c.open(id);
    int resets = 0;
    QObject::connect(c.table(), &QAbstractItemModel::modelReset, [&] { ++resets; });
    // A new ticket arrives from elsewhere: it appears, and we stay on ours.
    const QJsonObject created = testsupport::createTicket(
        check, u"Neu von außen"_s, {{u"deviceId"_s, testsupport::demoDeviceId(0)}});
    const qint64 newId = created.value(u"id"_s).toInteger();
    ASSERT_TRUE(waitFor([&] { return c.table()->rowOf(newId) >= 0; }));
    EXPECT_EQ(c.window->ticketList()->currentTicket(), id);
    auto *view = c.find<QTableView>("ticketTableView");
    EXPECT_EQ(c.table()->idAt(view->currentIndex().row()), id);
    // Our ticket is resolved elsewhere: it leaves "All open" only once we move away.
    ASSERT_EQ(check.editTicket(id, {{u"status"_s, u"resolved"_s}}).status, 200);
    ASSERT_TRUE(waitFor([&] {
        const auto *t = c.table()->summary(id);
        return t && t->status == core::Status::Resolved;
    }));
    EXPECT_GE(c.table()->rowOf(id), 0);
    c.open(newId);
    EXPECT_TRUE(waitFor([&] { return c.table()->rowOf(id) < 0; }));
    EXPECT_EQ(resets, 0);
}

} // namespace

namespace {

TEST_F(MainWindowTest, ShowsWhoElseIsOnTheTicket)
{
    QTemporaryDir otherDir;
    Client anna(server.baseUrl(), dir.path());
    Client jonas(server.baseUrl(), otherDir.path(), u"jonas"_s);
    ASSERT_TRUE(anna.waitForRows());
    ASSERT_TRUE(jonas.waitForRows());
    ASSERT_TRUE(waitFor([&] {
        return anna.events.state() == client::EventStream::State::Connected &&
               jonas.events.state() == client::EventStream::State::Connected;
    }));
    const qint64 id = anna.table()->idAt(0);
    anna.open(id);
    ASSERT_TRUE(waitFor([&] { return jonas.table()->rowOf(id) >= 0; }));
    jonas.open(id);
    auto *presence = anna.find<QLabel>("presenceLabel");
    ASSERT_TRUE(waitFor([&] { return presence->text().contains(u"Jonas"_s); }));
    EXPECT_TRUE(presence->text().contains(u"viewing"_s));
    EXPECT_EQ(presence->textFormat(), Qt::PlainText);

    jonas.window->conversation()->showTab(ConversationTabs::Tab::Messenger);
    QTest::keyClicks(jonas.find<QPlainTextEdit>("messageTextEdit"), u"Moment"_s);
    ASSERT_TRUE(waitFor([&] { return presence->text().contains(u"typing"_s); }));

    // Jonas moves on: the note disappears.
    jonas.open(jonas.table()->idAt(1) == id ? jonas.table()->idAt(2) : jonas.table()->idAt(1));
    EXPECT_TRUE(waitFor([&] { return !presence->text().contains(u"Jonas"_s); }));
}

TEST_F(MainWindowTest, NothingTypedIsLostWhileTheServerIsDown)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    ASSERT_TRUE(waitFor([&] { return c.events.state() == client::EventStream::State::Connected; }));
    const qint64 id = c.table()->idAt(0);
    c.open(id);

    server.killHard();
    auto *status = c.window->findChild<QLabel *>(u"connectionLabel"_s);
    ASSERT_NE(status, nullptr);
    ASSERT_TRUE(waitFor([&] { return !status->text().contains(u"live"_s); }));

    // Sent while down: kept in the outbox (and shown as pending), not lost.
    auto *message = c.find<QPlainTextEdit>("messageTextEdit");
    QTest::keyClicks(message, u"Geschrieben ohne Verbindung"_s);
    QTest::keyClick(message, Qt::Key_Return, Qt::ControlModifier);
    EXPECT_TRUE(message->toPlainText().isEmpty());
    ASSERT_EQ(c.outbox.allItems().size(), 1);
    auto *list = c.find<QListView>("messageListView");
    const QModelIndex last = list->model()->index(list->model()->rowCount() - 1, 0);
    EXPECT_TRUE(last.data(models::PostListModel::PendingRole).toBool());

    ASSERT_TRUE(server.restart());
    // Reconnected and caught up: the message is on the server once, and live again.
    ASSERT_TRUE(waitFor(
        [&] {
            int n = 0;
            for (const QJsonValue &m : check.get(u"/tickets/%1/messages"_s.arg(id)).items())
                n += m.toObject().value(u"body"_s).toString() == u"Geschrieben ohne Verbindung"_s;
            return n == 1 && c.outbox.allItems().isEmpty();
        },
        30000));
    EXPECT_TRUE(waitFor([&] { return status->text().contains(u"live"_s); }, 30000));
}

} // namespace

namespace {

TEST_F(MainWindowTest, AMessageTakesTheRoomOfItsText)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    auto *banner = c.find<QWidget>("messageBanner");
    auto *splitter = c.find<QWidget>("mainSplitter");
    c.window->showInfo(u"Eine Zeile."_s);
    // Laid out: the splitter has moved below the bar.
    ASSERT_TRUE(waitFor([&] {
        return banner->isVisible() && splitter->geometry().top() >= banner->geometry().bottom();
    }));
    const int line = banner->fontMetrics().height();
    EXPECT_LE(banner->height(), 3 * line) << banner->height();
    EXPECT_GT(c.find<QWidget>("mainSplitter")->height(), c.window->height() / 2);
}

} // namespace

namespace {

TEST_F(MainWindowTest, ColumnsAndSplittersAreRememberedAcrossRestarts)
{
    QByteArray splitter;
    {
        Client c(server.baseUrl(), dir.path());
        ASSERT_TRUE(c.waitForRows());
        auto *view = c.find<QTableView>("ticketTableView");
        QHeaderView *header = view->horizontalHeader();
        view->setColumnHidden(models::TicketTableModel::DeviceColumn, true);
        view->setColumnHidden(models::TicketTableModel::RatingColumn, false);
        header->resizeSection(models::TicketTableModel::TitleColumn, 377);
        header->moveSection(header->visualIndex(models::TicketTableModel::StatusColumn), 0);
        auto *main = c.find<QSplitter>("mainSplitter");
        main->setSizes({300, 700, 500});
        splitter = main->saveState();
    } // closing the window saves its state
    Client again(server.baseUrl(), dir.path());
    ASSERT_TRUE(again.waitForRows());
    auto *view = again.find<QTableView>("ticketTableView");
    QHeaderView *header = view->horizontalHeader();
    EXPECT_TRUE(view->isColumnHidden(models::TicketTableModel::DeviceColumn));
    EXPECT_FALSE(view->isColumnHidden(models::TicketTableModel::RatingColumn));
    EXPECT_EQ(header->sectionSize(models::TicketTableModel::TitleColumn), 377);
    EXPECT_EQ(header->visualIndex(models::TicketTableModel::StatusColumn), 0);
    EXPECT_EQ(again.find<QSplitter>("mainSplitter")->saveState(), splitter);
}

} // namespace

namespace {

TEST_F(MainWindowTest, AboutIsShownThroughTheDialogSeam)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    // Every request of the start answered, the server's /health among them.
    ASSERT_TRUE(waitFor([&] { return c.api.jobsInFlight() == 0; }));
    c.find<QAction>("aboutAction")->trigger();
    ASSERT_EQ(c.dialogs.asked.size(), 1);
    const QString text = c.dialogs.asked.first().text;
    EXPECT_EQ(c.dialogs.asked.first().title, u"About Ticket Backoffice"_s);
    // The one version of the build, the connected server's version, and the licence.
    const QString version = QString::fromLatin1(core::Version);
    EXPECT_TRUE(text.startsWith(u"Ticket Backoffice "_s + version + u"\n"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"Connected to test server, version %1."_s.arg(version)))
        << text.toStdString();
    EXPECT_TRUE(text.contains(u"GPL-3.0-or-later"_s)) << text.toStdString();
}

} // namespace
