// Many tickets at once from the keyboard (issue 13), the real main window against a real
// ticket-server: Shift+J selects, 3 makes all selected high on the server, a ticket another
// client changed first is listed and reapplied, Ctrl+Z undoes, "select all N matching"
// uses the query form, and the single keys never fire while typing in a text field.
#include "guiclient.h"
#include "testsupport.h"

#include "conversationtabs.h"
#include "models/bulkeditor.h"
#include "shortcutsdialog.h"
#include "tableactions.h"
#include "ticketlistcontroller.h"
#include "widgets/messagebanner.h"
#include "widgets/selectionbar.h"

#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using guitest::Client;
using guitest::waitFor;

namespace {

class SelectionTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning());
        ASSERT_FALSE(check.loginStaff(u"anna"_s).isEmpty());
    }
    QString priorityOf(qint64 id)
    {
        return check.get(u"/tickets/"_s + QString::number(id))
            .object()
            .value(u"priority"_s)
            .toString();
    }
    // The window active and the table focused on the first row, as a user starts.
    QTableView *focusTable(Client &c)
    {
        auto *view = c.find<QTableView>("ticketTableView");
        c.open(c.table()->idAt(0));
        c.window->activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(c.window.get()));
        view->setFocus(Qt::OtherFocusReason);
        EXPECT_TRUE(waitFor([&] { return view->hasFocus(); }));
        return view;
    }
    // The first five rows' tickets set to `priority` on the server, seen in the table.
    QList<qint64> firstFive(Client &c, const QString &priority)
    {
        QList<qint64> ids;
        for (int row = 0; row < 5; ++row)
            ids.append(c.table()->idAt(row));
        for (qint64 id : ids) {
            if (priorityOf(id) != priority) {
                EXPECT_EQ(check.editTicket(id, {{u"priority"_s, priority}}).status, 200);
            }
        }
        EXPECT_TRUE(waitFor([&] {
            return std::all_of(ids.cbegin(), ids.cend(), [&](qint64 id) {
                const core::TicketSummary *t = c.table()->summary(id);
                return t && core::toString(t->priority) == priority;
            });
        }));
        return ids;
    }
    void selectFiveByKeyboard(Client &c, QTableView *view)
    {
        for (int i = 0; i < 4; ++i)
            QTest::keyClick(view, Qt::Key_J, Qt::ShiftModifier);
        ASSERT_EQ(c.window->ticketList()->selectedIds().size(), 5);
    }

    guitest::Language english{u"en"_s}; // plural forms as the user reads them
    testsupport::TestServer server;
    testsupport::ApiClient check{server.baseUrl()};
    QTemporaryDir dir;
};

TEST_F(SelectionTest, ShiftJSelectsFiveAndThreeMakesThemHighOnTheServerAndCtrlZUndoes)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    const QList<qint64> ids = firstFive(c, u"low"_s);
    QTableView *view = focusTable(c);
    ASSERT_EQ(c.window->document()->id(), ids[0]);
    selectFiveByKeyboard(c, view);
    EXPECT_EQ(c.window->ticketList()->selectedIds(), ids);
    // The detail pane shows the current ticket (the last one reached).
    EXPECT_TRUE(waitFor([&] { return c.window->document()->id() == ids[4]; }));
    auto *bar = c.find<SelectionBar>("selectionBar");
    EXPECT_TRUE(bar->isVisible());
    EXPECT_EQ(c.find<QLabel>("selectionCountLabel")->text(), u"5 tickets selected"_s);

    QTest::keyClick(view, Qt::Key_3);
    ASSERT_TRUE(waitFor([&] {
        return std::all_of(ids.cbegin(), ids.cend(),
                           [&](qint64 id) { return priorityOf(id) == u"high"; });
    }));
    for (qint64 id : ids)
        EXPECT_EQ(c.table()->summary(id)->priority, core::Priority::High);
    auto *banner = c.find<MessageBanner>("messageBanner");
    ASSERT_TRUE(waitFor([&] { return banner->message().startsWith(u"Changed 5 tickets"_s); }));

    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_TRUE(waitFor([&] {
        return std::all_of(ids.cbegin(), ids.cend(),
                           [&](qint64 id) { return priorityOf(id) == u"low"; });
    }));
    EXPECT_TRUE(waitFor([&] { return !c.window->tableActions()->bulkEditor()->canUndo(); }));
    // Said as an undo, not as another change.
    EXPECT_TRUE(waitFor([&] { return banner->message().startsWith(u"Undone: 5 tickets"_s); }))
        << banner->message().toStdString();
}

TEST_F(SelectionTest, ATicketChangedByAnotherClientIsListedAndReapplied)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    const QList<qint64> ids = firstFive(c, u"normal"_s);
    QTableView *view = focusTable(c);
    selectFiveByKeyboard(c, view);
    // Another client edits the third ticket; this window has not heard of it yet.
    c.events.stop();
    ASSERT_EQ(check.editTicket(ids[2], {{u"title"_s, u"Changed by a colleague"_s}}).status, 200);

    QTest::keyClick(view, Qt::Key_3);
    auto *banner = c.find<MessageBanner>("messageBanner");
    const QString number = c.table()->summary(ids[2])->number;
    auto *reapply = c.find<QToolButton>("messageBannerActionButton");
    ASSERT_TRUE(waitFor([&] {
        return banner->isVisible() && banner->message().contains(number) && reapply->isVisible() &&
               reapply->defaultAction() &&
               reapply->defaultAction()->objectName() == u"reapplyBulkAction";
    })) << banner->message().toStdString();
    EXPECT_NE(priorityOf(ids[2]), u"high"_s);
    EXPECT_EQ(priorityOf(ids[0]), u"high"_s);
    // The detail pane shows the current ticket's new priority without the event stream.
    EXPECT_TRUE(waitFor(
        [&] { return c.window->document()->ticket().summary.priority == core::Priority::High; }));
    guitest::saveScreenshot(c.window.get(), u"selection-failures"_s);

    QTest::mouseClick(reapply, Qt::LeftButton);
    EXPECT_TRUE(waitFor([&] { return priorityOf(ids[2]) == u"high"; }));
    EXPECT_TRUE(
        waitFor([&] { return c.table()->summary(ids[2])->priority == core::Priority::High; }));
}

TEST_F(SelectionTest, SelectAllMatchingUsesTheQueryFormBeyondTheLoadedPage)
{
    // More matches than the first page (100 rows) holds.
    const QString word = u"Sammelprobe"_s;
    for (int i = 0; i < 105; ++i)
        ASSERT_FALSE(testsupport::createTicket(check, word + u' ' + QString::number(i),
                                               {{u"deviceId"_s, testsupport::demoDeviceId(0)}})
                         .isEmpty());
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    auto *search = c.find<QLineEdit>("searchLineEdit");
    search->setText(word);
    ASSERT_TRUE(waitFor([&] {
        return c.table()->query().text == word && c.table()->rowCount() == 100 &&
               !c.table()->isLoading();
    }));
    const int total = check.get(u"/tickets/facets?q="_s + word).object().value(u"total"_s).toInt();
    ASSERT_GE(total, 105);
    QTableView *view = focusTable(c);
    QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
    auto *all = c.find<QPushButton>("selectAllMatchingButton");
    // It waits for the server's count of the matches: under the sanitizers on a busy
    // machine that took over ten seconds once (2.5 s alone).
    ASSERT_TRUE(waitFor([&] { return all->isVisible(); }, 30000));
    EXPECT_EQ(all->text(), u"Select all %1 tickets matching this view"_s.arg(total));
    EXPECT_EQ(c.find<QLabel>("selectionCountLabel")->text(), u"100 tickets selected"_s);
    QTest::mouseClick(all, Qt::LeftButton);
    EXPECT_EQ(c.find<QLabel>("selectionCountLabel")->text(), u"%1 tickets selected"_s.arg(total));
    EXPECT_TRUE(c.window->tableActions()->allMatchingChosen());

    const auto highCount = [&] {
        return check.get(u"/tickets/facets?priority=high&q="_s + word)
            .object()
            .value(u"total"_s)
            .toInt();
    };
    const int highBefore = highCount();
    ASSERT_LT(highBefore, total);
    view->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(view, Qt::Key_3);
    // All of them on the server, also those the table never loaded.
    EXPECT_TRUE(waitFor([&] { return highCount() == total; }));
    // Undo restores every one of them, also beyond the loaded page.
    ASSERT_TRUE(waitFor([&] { return c.window->tableActions()->bulkEditor()->canUndo(); }));
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_TRUE(waitFor([&] { return highCount() == highBefore; }));
}

TEST_F(SelectionTest, KeysDoNothingWhileTypingAndActOnTheCurrentTicketInTheTable)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    QTableView *view = focusTable(c);
    const qint64 id = c.table()->idAt(0);
    if (priorityOf(id) == u"high") {
        ASSERT_EQ(check.editTicket(id, {{u"priority"_s, u"normal"_s}}).status, 200);
    }
    ASSERT_TRUE(waitFor(
        [&] { return c.window->document()->ticket().summary.priority != core::Priority::High; }));
    const core::TicketSummary before = c.window->document()->ticket().summary;

    auto *search = c.find<QLineEdit>("searchLineEdit");
    search->setFocus(Qt::OtherFocusReason);
    ASSERT_TRUE(waitFor([&] { return search->hasFocus(); }));
    QTest::keyClicks(search, u"3e"_s);
    EXPECT_EQ(search->text(), u"3e"_s);
    // A shortcut would have started an edit at once (busy, or queued in the outbox).
    EXPECT_FALSE(c.window->document()->isBusy());
    EXPECT_TRUE(c.outbox.allItems().isEmpty());
    search->clear();

    ASSERT_TRUE(waitFor([&] { return c.table()->rowOf(id) >= 0 && !c.table()->isLoading(); }));
    c.window->conversation()->showTab(ConversationTabs::Tab::Messenger);
    auto *message = c.find<QPlainTextEdit>("messageTextEdit");
    ASSERT_TRUE(waitFor([&] { return message->hasFocus(); }));
    QTest::keyClicks(message, u"3mx?"_s);
    EXPECT_EQ(message->toPlainText(), u"3mx?"_s);
    EXPECT_FALSE(c.window->document()->isBusy());
    EXPECT_EQ(c.window->document()->ticket().summary.priority, before.priority);
    EXPECT_EQ(c.window->document()->ticket().summary.assigneeId, before.assigneeId);
    EXPECT_EQ(c.window->shortcutsDialog(), nullptr);
    message->clear();

    // In the table, 3 acts on the one current ticket through its document.
    c.open(id);
    view->setFocus(Qt::OtherFocusReason);
    ASSERT_TRUE(waitFor([&] { return view->hasFocus(); }));
    QTest::keyClick(view, Qt::Key_3);
    EXPECT_TRUE(waitFor([&] { return priorityOf(id) == u"high"; }));
    // R goes to the reply box.
    QTest::keyClick(view, Qt::Key_R);
    EXPECT_TRUE(waitFor([&] { return message->hasFocus(); }));
}

TEST_F(SelectionTest, QuestionMarkListsEveryShortcutAndTheContextMenuShowsTheKeys)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    QTableView *view = focusTable(c);
    QTest::keyClick(view, Qt::Key_Question);
    ASSERT_TRUE(waitFor([&] { return c.window->shortcutsDialog() != nullptr; }));
    ShortcutsDialog *dialog = c.window->shortcutsDialog();
    EXPECT_TRUE(dialog->isVisible());
    const QString rows = dialog->rows().join(u'\n');
    for (const QString &expected :
         {u"Priority high\t3"_s, u"Assign to\tA"_s, u"Assign to me\tM"_s, u"Status\tS"_s,
          u"Reply\tR"_s, u"Resolve\tE"_s, u"Find\tCtrl+F"_s, u"Keyboard shortcuts\t?"_s})
        EXPECT_TRUE(rows.contains(expected)) << expected.toStdString() << "\n"
                                             << rows.toStdString();
    dialog->close();

    QMenu menu;
    c.window->tableActions()->fillContextMenu(&menu);
    QStringList keys;
    for (const QAction *action : menu.actions())
        keys.append(action->shortcut().toString());
    EXPECT_TRUE(keys.contains(u"1"_s));
    EXPECT_TRUE(keys.contains(u"E"_s));
    EXPECT_TRUE(keys.contains(u"X, Space"_s) || keys.contains(u"X"_s));
}

// A on a selection: the assignee picker filters as one types; Enter assigns them all. S
// picks a status the same way.
TEST_F(SelectionTest, PickersAssignAndSetTheStatusOfTheSelectionByTyping)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    QTableView *view = focusTable(c);
    QTest::keyClick(view, Qt::Key_J, Qt::ShiftModifier);
    QTest::keyClick(view, Qt::Key_J, Qt::ShiftModifier);
    const QList<qint64> ids = c.window->ticketList()->selectedIds();
    ASSERT_EQ(ids.size(), 3);
    // Jonas Weber, typed in part and without his capital.
    qint64 jonas = 0;
    for (const QJsonValue &v : check.get(u"/staff"_s).items()) {
        if (v.toObject().value(u"name"_s).toString() == u"Jonas Weber")
            jonas = v.toObject().value(u"id"_s).toInteger();
    }
    ASSERT_GT(jonas, 0);
    QTest::keyClick(view, Qt::Key_A);
    auto *picker = c.find<QWidget>("tablePickerPopup");
    ASSERT_TRUE(waitFor([&] { return picker->isVisible(); }));
    auto *edit = picker->findChild<QLineEdit *>(u"pickerLineEdit"_s);
    ASSERT_NE(edit, nullptr);
    // Typing goes to the picker, not to the table's single keys (j would move, s and a
    // would open pickers).
    ASSERT_TRUE(waitFor([&] { return edit->hasFocus(); }));
    QTest::keyClicks(edit, u"jonas w"_s);
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_FALSE(picker->isVisible());
    EXPECT_TRUE(waitFor([&] {
        return std::all_of(ids.cbegin(), ids.cend(), [&](qint64 id) {
            return check.get(u"/tickets/"_s + QString::number(id))
                       .object()
                       .value(u"assigneeId"_s)
                       .toInteger() == jonas;
        });
    }));

    ASSERT_TRUE(waitFor([&] { return !c.window->tableActions()->bulkEditor()->isBusy(); }));
    // The table has the focus back once the popup is gone.
    c.window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(c.window.get()));
    ASSERT_TRUE(waitFor([&] { return view->hasFocus(); }));
    QTest::keyClick(view, Qt::Key_S);
    ASSERT_TRUE(waitFor([&] { return picker->isVisible(); }));
    ASSERT_TRUE(waitFor([&] { return edit->hasFocus(); }));
    QTest::keyClicks(edit, u"wait"_s);
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_TRUE(waitFor([&] {
        return std::all_of(ids.cbegin(), ids.cend(), [&](qint64 id) {
            return check.get(u"/tickets/"_s + QString::number(id))
                       .object()
                       .value(u"status"_s)
                       .toString() == u"waiting";
        });
    })) << c.find<MessageBanner>("messageBanner")->message().toStdString()
        << " selected " << c.window->ticketList()->selectedIds().size() << " busy "
        << c.window->tableActions()->bulkEditor()->isBusy() << " failures "
        << c.window->tableActions()->bulkEditor()->failures().size() << " doc "
        << c.window->document()->isBusy();
}

// The server gone: 3 on a selection is refused beside the selection, not queued, and the rows
// keep their priorities.
TEST_F(SelectionTest, AnUnreachableServerRefusesTheBulkChangeVisibly)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    const QList<qint64> ids = firstFive(c, u"low"_s);
    QTableView *view = focusTable(c);
    selectFiveByKeyboard(c, view);
    server.killHard();
    auto *bar = c.find<SelectionBar>("selectionBar");
    auto *refusal = c.find<QLabel>("selectionErrorLabel");
    QTest::keyClick(view, Qt::Key_3);
    ASSERT_TRUE(waitFor([&] { return refusal->isVisible(); }));
    EXPECT_TRUE(bar->error().contains(u"cannot be reached"_s)) << bar->error().toStdString();
    EXPECT_EQ(refusal->text(), bar->error());
    EXPECT_TRUE(c.outbox.allItems().isEmpty());
    for (qint64 id : ids)
        EXPECT_EQ(c.table()->summary(id)->priority, core::Priority::Low);
}

// Found using it: with the local server killed, 3 on a selection was refused in the message
// bar, where the local server's crash notice replaced the refusal or was replaced by it, so
// the user never learnt that the change was not made. The refusal stays beside the selection
// until the selection changes or the user tries again; the crash notice keeps the message
// bar, in either order. (The notice is the one the composition root shows for its local
// server, see ApplicationTest.BringsTheLocalServerBackWhenItStops.)
TEST_F(SelectionTest, ARefusalStaysBesideTheSelectionWhileTheServerIsDown)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    const QList<qint64> ids = firstFive(c, u"low"_s);
    QHash<qint64, QString> assignees;
    for (qint64 id : ids)
        assignees.insert(
            id,
            check.get(u"/tickets/%1"_s.arg(id)).object()[u"assigneeId"_s].toVariant().toString());
    QTableView *view = focusTable(c);
    selectFiveByKeyboard(c, view);
    auto *bar = c.find<SelectionBar>("selectionBar");
    auto *refusal = c.find<QLabel>("selectionErrorLabel");
    auto *banner = c.find<MessageBanner>("messageBanner");
    auto *connection = c.find<QLabel>("connectionLabel");
    QSignalSpy refusals(c.window->tableActions()->bulkEditor(), &models::BulkEditor::refused);

    server.killHard();
    const auto downNotice = [](int seconds) {
        return QCoreApplication::translate("Application", "%1\n\nIt is restarted in %n second(s).",
                                           nullptr, seconds)
            .arg(QCoreApplication::translate("client::LocalServer", "The local server crashed."));
    };
    c.window->setLocalServerDown(true, downNotice(1));
    auto *restart = c.find<QToolButton>("restartLocalServerButton");
    // Both said, each in its place: the refusal beside the selection, the server's absence in
    // the message bar and the status bar.
    const auto bothShown = [&](const QString &notice) {
        return refusal->isVisible() &&
               bar->error() == refusals.last().at(0).value<client::ApiError>().message &&
               banner->isVisible() && banner->message() == notice && restart->isVisible() &&
               !c.api.isReachable() &&
               connection->toolTip() !=
                   QCoreApplication::translate("ConnectionController", "● Connected to %1 · live")
                       .arg(u"test server"_s);
    };

    // The refusal after the notice.
    QTest::keyClick(view, Qt::Key_3);
    ASSERT_TRUE(waitFor([&] { return refusals.size() == 1; }));
    EXPECT_TRUE(waitFor([&] { return bothShown(downNotice(1)); }))
        << "bar: " << bar->error().toStdString() << " banner: " << banner->message().toStdString();

    // The notice again after the refusal (the next restart failed, say).
    c.window->setLocalServerDown(true, downNotice(2));
    EXPECT_TRUE(bothShown(downNotice(2)));

    // Another single key on the selection: tried again, refused again, said again.
    QTest::keyClick(view, Qt::Key_M);
    ASSERT_TRUE(waitFor([&] { return refusals.size() == 2; }));
    EXPECT_TRUE(waitFor([&] { return bothShown(downNotice(2)); }));
    guitest::saveScreenshot(c.window.get(), u"selection-refused"_s);

    // Nothing changed, nothing queued.
    EXPECT_TRUE(c.outbox.allItems().isEmpty());
    for (qint64 id : ids) {
        EXPECT_EQ(c.table()->summary(id)->priority, core::Priority::Low);
        EXPECT_EQ(c.table()->summary(id)->assigneeId.value_or(0), assignees.value(id).toLongLong());
    }

    // Another selection: the refusal concerned the one before.
    QTest::keyClick(view, Qt::Key_K, Qt::ShiftModifier);
    ASSERT_TRUE(waitFor([&] { return bar->isVisible(); }));
    EXPECT_TRUE(bar->error().isEmpty());
    EXPECT_FALSE(refusal->isVisible());
    EXPECT_EQ(banner->message(), downNotice(2));
}

// For docs/screenshots: the selection bar with the table's context menu open, on a large and
// a small screen. The menu is a window of its own: it is painted onto the window's image.
TEST_F(SelectionTest, TheSelectionBarAndTheContextMenuFitLargeAndSmallScreens)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    QTableView *view = focusTable(c);
    for (int i = 0; i < 4; ++i)
        QTest::keyClick(view, Qt::Key_J, Qt::ShiftModifier);
    auto *bar = c.find<SelectionBar>("selectionBar");
    for (const QSize size : {QSize(1600, 1000), QSize(1024, 640)}) {
        c.window->resize(size);
        ASSERT_TRUE(waitFor([&] { return c.window->size() == size && bar->isVisible(); }))
            << c.window->width() << "x" << c.window->height() << ", bar minimum "
            << bar->minimumSizeHint().width() << ", queue "
            << c.find<QWidget>("queueWidget")->width();
        // Every button of the bar in view.
        for (auto *button : bar->findChildren<QAbstractButton *>()) {
            if (button->isVisible()) {
                EXPECT_LE(button->mapTo(bar, QPoint(button->width(), 0)).x(), bar->width())
                    << button->objectName().toStdString();
            }
        }
        QMenu menu;
        c.window->tableActions()->fillContextMenu(&menu);
        const QRect row = view->visualRect(view->currentIndex());
        menu.popup(view->viewport()->mapToGlobal(row.center()));
        ASSERT_TRUE(waitFor([&] { return menu.isVisible(); }));
        if (!qEnvironmentVariableIsEmpty("TICKET_SCREENSHOT_DIR")) {
            for (int i = 0; i < 3; ++i) {
                QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
                QCoreApplication::processEvents();
            }
            QPixmap image = c.window->grab();
            QPainter painter(&image);
            painter.drawPixmap(c.window->mapFromGlobal(menu.pos()), menu.grab());
            painter.end();
            const QString name =
                u"selection-menu-%1x%2-%3.png"_s.arg(size.width())
                    .arg(size.height())
                    .arg(qEnvironmentVariable("TICKET_SCREENSHOT_LANGUAGE", u"en"_s));
            image.save(qEnvironmentVariable("TICKET_SCREENSHOT_DIR") + u'/' + name);
        }
        menu.close();
    }
}

} // namespace

namespace {

// Found using it: a letter typed while the table had the focus resolved the open ticket
// (E), with no way back. A single key's change is offered for Ctrl+Z like a change to many.
TEST_F(SelectionTest, ASingleKeysChangeToTheOpenTicketIsUndoneWithCtrlZ)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    const qint64 id = c.table()->idAt(0);
    ASSERT_EQ(check.editTicket(id, {{u"status"_s, u"open"_s}}).status == 200 ||
                  check.get(u"/tickets/%1"_s.arg(id)).object()[u"status"_s] == u"open"_s,
              true);
    QTableView *view = focusTable(c);
    ASSERT_TRUE(waitFor([&] {
        return c.window->document()->id() == id && c.window->document()->isLoaded() &&
               c.window->document()->ticket().summary.status == core::Status::Open;
    }));
    const auto statusOnServer = [&] {
        return check.get(u"/tickets/%1"_s.arg(id)).object()[u"status"_s].toString();
    };
    QTest::keyClick(view, Qt::Key_E);
    ASSERT_TRUE(waitFor([&] { return statusOnServer() == u"resolved"; }));
    auto *banner = c.find<MessageBanner>("messageBanner");
    const QString number = c.window->document()->ticket().summary.number;
    ASSERT_TRUE(waitFor([&] { return banner->message().startsWith(number + u" changed"_s); }))
        << banner->message().toStdString();
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_TRUE(waitFor([&] { return statusOnServer() == u"open"; }));
    // Once undone there is nothing more to undo.
    EXPECT_TRUE(waitFor([&] {
        return !c.window->tableActions()->findChild<QAction *>(u"undoBulkAction"_s)->isEnabled();
    }));
}

} // namespace
