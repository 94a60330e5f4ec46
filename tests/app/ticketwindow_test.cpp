// A ticket in a window of its own (Ctrl+Shift+O), against a real server: live through the
// session's event stream, drafts shared with the main window's composers, one window per
// ticket, Ctrl+W closes it, closing the main window closes them with their drafts saved.
#include "guiclient.h"
#include "testsupport.h"

#include "conversationtabs.h"
#include "models/postlistmodel.h"
#include "models/tickettablemodel.h"
#include "ticketwindow/ticketwindow.h"
#include "ticketwindow/ticketwindows.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using guitest::Client;
using guitest::waitFor;
using testsupport::ApiClient;
using testsupport::TestServer;

namespace {

class TicketWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning());
        ASSERT_FALSE(check.loginStaff(u"jonas"_s).isEmpty());
    }
    // Ctrl+Shift+O on the main window's current ticket; waits until the window has it.
    static TicketWindow *openInWindow(Client &c, qint64 id)
    {
        c.window->activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(c.window.get()));
        auto *table = c.find<QTableView>("ticketTableView");
        table->setFocus();
        QTest::keyClick(table, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
        TicketWindow *w = nullptr;
        EXPECT_TRUE(waitFor([&] {
            w = c.window->ticketWindows()->window(id);
            return w && w->isVisible() && w->document()->isLoaded();
        }));
        return w;
    }
    template <typename T> static T *in(QWidget *parent, const char *name)
    {
        T *w = parent->findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(w, nullptr) << name;
        return w;
    }

    TestServer server;
    ApiClient check{server.baseUrl()}; // another staff member's client
    QTemporaryDir dir;
};

TEST_F(TicketWindowTest, ShowsAnotherClientsChangesLive)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    const qint64 id = c.table()->idAt(0);
    c.open(id);
    TicketWindow *w = openInWindow(c, id);
    ASSERT_NE(w, nullptr);
    const QString number = w->document()->ticket().summary.number;
    EXPECT_EQ(w->windowTitle(), number + u" – "_s + w->document()->ticket().summary.title +
                                    u" – Ticket Backoffice"_s);

    // The main window moves on; the window stays with its ticket.
    c.open(c.table()->idAt(1));
    ASSERT_EQ(check.editTicket(id, {{u"title"_s, u"Von Jonas geändert"_s}}).status, 200);
    auto *title = in<QLabel>(w, "titleLabel");
    EXPECT_TRUE(waitFor([&] { return title->text() == u"Von Jonas geändert"_s; }));
    EXPECT_TRUE(waitFor([&] { return w->windowTitle().contains(u"Von Jonas geändert"_s); }));
    auto *notes = in<QListView>(w, "noteListView")->model();
    const int before = notes->rowCount();
    ASSERT_EQ(
        check.post(u"/tickets/%1/notes"_s.arg(id), {{u"body"_s, u"Live im Fenster"_s}}).status,
        201);
    EXPECT_TRUE(waitFor([&] {
        return notes->rowCount() == before + 1 && notes->index(notes->rowCount() - 1, 0)
                                                      .data()
                                                      .toString()
                                                      .contains(u"Live im Fenster"_s);
    }));
}

TEST_F(TicketWindowTest, DraftsAreSharedWithTheMainWindow)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    const qint64 id = c.table()->idAt(0);
    c.open(id);
    TicketWindow *w = openInWindow(c, id);
    ASSERT_NE(w, nullptr);
    auto *mainMessage = in<QPlainTextEdit>(c.window->conversation(), "messageTextEdit");
    auto *windowMessage = in<QPlainTextEdit>(w->conversation(), "messageTextEdit");
    ASSERT_NE(mainMessage, windowMessage);

    // Typed in the window: the main window's composer on the same ticket follows.
    w->conversation()->showTab(ConversationTabs::Tab::Messenger);
    QTest::keyClicks(windowMessage, u"Aus dem Fenster"_s);
    EXPECT_TRUE(waitFor([&] { return mainMessage->toPlainText() == u"Aus dem Fenster"_s; }));
    // And the other way round, without either overwriting the other.
    c.window->conversation()->showTab(ConversationTabs::Tab::Messenger);
    QTest::keyClicks(mainMessage, u", ergaenzt"_s);
    EXPECT_TRUE(
        waitFor([&] { return windowMessage->toPlainText() == u"Aus dem Fenster, ergaenzt"_s; }));

    // A note typed in the window while the main window shows another ticket is there when
    // the main window comes back to it.
    c.open(c.table()->idAt(1));
    w->conversation()->showTab(ConversationTabs::Tab::Notes);
    QTest::keyClicks(in<QPlainTextEdit>(w->conversation(), "noteTextEdit"), u"Notizentwurf"_s);
    ASSERT_TRUE(waitFor([w] {
        w->activateWindow();
        return QApplication::activeWindow() == w;
    }));
    QTest::keyClick(w, Qt::Key_W, Qt::ControlModifier); // closes, saving the draft
    EXPECT_TRUE(waitFor([&] { return c.window->ticketWindows()->windows().isEmpty(); }));
    c.open(id);
    EXPECT_EQ(in<QPlainTextEdit>(c.window->conversation(), "noteTextEdit")->toPlainText(),
              u"Notizentwurf"_s);
}

TEST_F(TicketWindowTest, OneWindowPerTicketAndTheyCloseWithTheMainWindow)
{
    qint64 first = 0;
    {
        Client c(server.baseUrl(), dir.path());
        ASSERT_TRUE(c.waitForRows());
        QAction *action = c.window->ticketWindows()->openInWindowAction();
        first = c.table()->idAt(0);
        c.open(first);
        EXPECT_TRUE(action->isEnabled());
        TicketWindow *w1 = openInWindow(c, first);
        TicketWindow *again = openInWindow(c, first);
        EXPECT_EQ(w1, again);
        c.open(c.table()->idAt(1));
        TicketWindow *w2 = openInWindow(c, c.table()->idAt(1));
        EXPECT_NE(w1, w2);
        EXPECT_EQ(c.window->ticketWindows()->windows().size(), 2);
        QTest::keyClicks(in<QPlainTextEdit>(w1->conversation(), "messageTextEdit"),
                         u"Beim Schliessen gesichert"_s);
        c.window->close();
        EXPECT_TRUE(c.window->ticketWindows()->windows().isEmpty());
        EXPECT_FALSE(w2->isVisible());
        EXPECT_EQ(c.drafts.draft(first, client::DraftStore::Kind::Message),
                  u"Beim Schliessen gesichert"_s);
    }
    // The geometry of the last one closed is kept for the next.
    QSettings settings(dir.path() + u"/settings.ini"_s, QSettings::IniFormat);
    EXPECT_FALSE(settings.value(u"ticketWindow/geometry"_s).toByteArray().isEmpty());
}

// The window on a large and a small screen: the ticket's header and the composer both in
// view (and docs/screenshots shows it).
TEST_F(TicketWindowTest, FitsLargeAndSmallScreens)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    const qint64 id = c.table()->idAt(0);
    c.open(id);
    TicketWindow *w = openInWindow(c, id);
    ASSERT_NE(w, nullptr);
    for (const QSize size : {QSize(1600, 1000), QSize(1024, 640)}) {
        SCOPED_TRACE(size.width());
        w->resize(size);
        ASSERT_TRUE(waitFor([&] { return w->size() == size; }));
        for (const char *name : {"titleLabel", "messageTextEdit", "sendMessageButton"}) {
            QWidget *child = in<QWidget>(w, name);
            const QRect r(child->mapTo(w, QPoint(0, 0)), child->size());
            EXPECT_TRUE(child->isVisible()) << name;
            EXPECT_TRUE(w->rect().contains(r)) << name;
        }
        guitest::saveScreenshot(w, u"ticket-window-%1x%2"_s.arg(size.width()).arg(size.height()));
    }
}

// "All tickets of this device" in the window lists them in the main window.
TEST_F(TicketWindowTest, TheDeviceLinkListsItsTicketsInTheMainWindow)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    const qint64 id = c.table()->idAt(1);
    c.open(id);
    TicketWindow *w = openInWindow(c, id);
    ASSERT_NE(w, nullptr);
    const qint64 deviceId = w->document()->ticket().summary.deviceId;
    QTest::mouseClick(in<QToolButton>(w, "deviceTicketsButton"), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return c.table()->query().deviceIds == QList<qint64>{deviceId}; }));
    EXPECT_TRUE(w->isVisible()); // it stays open
}

} // namespace
