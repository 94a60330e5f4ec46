// Unread tickets in the REAL main window against a REAL ticket-server, by keyboard: U goes
// to the next unread ticket, which loses its bold once open (and the server agrees); a code
// user's message on a waiting ticket of mine shows it open and bold in "My tickets";
// Shift+U makes a ticket unread again; "Needs reply" lists exactly the server's
// awaiting=staff tickets, with its count, and unread counts stand beside the queues.
#include "guiclient.h"
#include "testsupport.h"

#include "models/queuefilter.h"
#include "models/tickettablemodel.h"
#include "models/unreadtracker.h"
#include "shortcutsdialog.h"
#include "tableactions.h"
#include "ticketlistcontroller.h"
#include "ticketwindow/ticketwindow.h"
#include "ticketwindow/ticketwindows.h"
#include "unreadactions.h"

#include <QAction>
#include <QFont>
#include <QJsonDocument>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QTableView>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <limits>

using namespace Qt::StringLiterals;
using guitest::Client;
using guitest::waitFor;
using models::Queue;
using models::QueueListModel;
using models::TicketTableModel;
using testsupport::ApiClient;
using testsupport::TestServer;

namespace {

class UnreadGuiTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning());
        ASSERT_FALSE(anna.loginStaff(u"anna"_s).isEmpty());
        ASSERT_FALSE(colleague.loginStaff(u"jonas"_s).isEmpty());
        ASSERT_FALSE(codeUser.loginDevice(testsupport::demoDeviceCode(0), u"Feld A"_s).isEmpty());
    }

    static bool unread(const Client &c, qint64 id)
    {
        const int row = c.table()->rowOf(id);
        return row >= 0 && c.table()->index(row, 0).data(TicketTableModel::UnreadRole).toBool();
    }
    static bool bold(const Client &c, qint64 id)
    {
        const int row = c.table()->rowOf(id);
        return row >= 0 && c.table()
                               ->index(row, TicketTableModel::TitleColumn)
                               .data(Qt::FontRole)
                               .value<QFont>()
                               .bold();
    }
    bool serverUnread(qint64 id)
    {
        const testsupport::HttpResult r = anna.get(u"/tickets/%1"_s.arg(id));
        EXPECT_EQ(r.status, 200);
        return r.object().value(u"unread"_s).toBool();
    }
    static bool connected(const Client &c)
    {
        return waitFor([&] { return c.events.state() == client::EventStream::State::Connected; });
    }
    // The demo tickets are news to everyone: the open ones are marked read first, up to the
    // latest seq (a stream asked for one beyond it answers with a resync naming it).
    void markOpenTicketsRead()
    {
        testsupport::EventClient events;
        ASSERT_TRUE(
            events.open(server.baseUrl(), anna.token(), std::numeric_limits<qint64>::max() / 2));
        const QJsonObject resync =
            events.waitFor([](const QJsonObject &f) { return f.value(u"type"_s) == u"resync"_s; });
        const qint64 latest = resync.value(u"seq"_s).toInteger();
        ASSERT_GT(latest, 0);
        for (qint64 id : serverIds(models::queueQuery(Queue::AllOpen))) {
            ASSERT_EQ(anna.send("PUT", u"/tickets/%1/seen"_s.arg(id),
                                QJsonDocument(QJsonObject{{u"seq"_s, latest}}).toJson(),
                                {{"Content-Type", "application/json"}})
                          .status,
                      200);
        }
    }
    static QueueListModel *queues(const Client &c)
    {
        return qobject_cast<QueueListModel *>(c.find<QListView>("queueListView")->model());
    }
    // Picks a built-in queue in the sidebar by keyboard (Home, then Down).
    static void chooseQueue(Client &c, Queue queue)
    {
        auto *list = c.find<QListView>("queueListView");
        list->setFocus(Qt::OtherFocusReason);
        QTest::keyClick(list, Qt::Key_Home);
        const int row = queues(c)->rowOf(queue);
        for (int i = 0; i < row; ++i)
            QTest::keyClick(list, Qt::Key_Down);
        const core::TicketQuery wanted = models::queueQuery(queue);
        ASSERT_TRUE(waitFor([&] {
            const core::TicketQuery &q = c.table()->query();
            return q.awaitingStaff == wanted.awaitingStaff && q.assigneeMe == wanted.assigneeMe &&
                   q.statuses == wanted.statuses && !c.table()->isLoading();
        }));
    }
    static int unreadCount(const Client &c, Queue queue)
    {
        QueueListModel *q = queues(c);
        return q->index(q->rowOf(queue)).data(QueueListModel::UnreadCountRole).toInt();
    }
    // GET /tickets for `query`, every page: the server's list.
    QList<qint64> serverIds(core::TicketQuery query)
    {
        QList<qint64> ids;
        query.limit = core::TicketQuery::MaxLimit;
        for (int guard = 0; guard < 100; ++guard) {
            const testsupport::HttpResult r =
                anna.get(u"/tickets?"_s + query.toUrlQuery().toString(QUrl::FullyEncoded));
            EXPECT_EQ(r.status, 200);
            for (const QJsonValue &v : r.items())
                ids.append(v.toObject().value(u"id"_s).toInteger());
            query.cursor = r.object().value(u"nextCursor"_s).toString();
            if (query.cursor.isEmpty())
                break;
        }
        return ids;
    }

    TestServer server;
    ApiClient anna{server.baseUrl()};
    ApiClient colleague{server.baseUrl()};
    ApiClient codeUser{server.baseUrl()};
    QTemporaryDir dir;
};

TEST_F(UnreadGuiTest, NextUnreadGoesToTheNextUnreadTicketWhichLosesItsBoldWhenOpen)
{
    markOpenTicketsRead();
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    ASSERT_TRUE(connected(c));
    auto *view = c.find<QTableView>("ticketTableView");
    view->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(view, Qt::Key_Home); // the first row
    ASSERT_TRUE(waitFor([&] { return c.window->document()->id() == c.table()->idAt(0); }))
        << c.window->document()->id() << " " << c.table()->idAt(0);
    // A colleague's notes on two tickets further down: both become bold, live.
    const qint64 first = c.table()->idAt(3);
    const qint64 second = c.table()->idAt(6);
    for (qint64 id : {second, first})
        ASSERT_EQ(colleague.post(u"/tickets/%1/notes"_s.arg(id), {{u"body"_s, u"Look"_s}}).status,
                  201);
    ASSERT_TRUE(waitFor([&] { return bold(c, first) && bold(c, second); }));
    EXPECT_FALSE(bold(c, c.table()->idAt(1)));
    // The unread counts beside the queues follow.
    ASSERT_TRUE(waitFor([&] { return unreadCount(c, Queue::AllOpen) >= 2; }));
    guitest::saveScreenshot(c.window.get(), u"unread-list"_s);

    // U: the next unread row after the current one.
    QTest::keyClick(view, Qt::Key_U);
    ASSERT_EQ(c.window->ticketList()->currentTicket(), first);
    EXPECT_TRUE(bold(c, first)); // not yet: it has to be open for a second
    ASSERT_TRUE(waitFor([&] { return !bold(c, first); }));
    ASSERT_TRUE(waitFor([&] { return !serverUnread(first); }));
    EXPECT_TRUE(bold(c, second));

    QTest::keyClick(view, Qt::Key_U);
    ASSERT_EQ(c.window->ticketList()->currentTicket(), second);
    ASSERT_TRUE(waitFor([&] { return !bold(c, second); }));
    ASSERT_TRUE(waitFor([&] { return !serverUnread(second); }));
    // Nothing unread any more: U stays where it is.
    QTest::keyClick(view, Qt::Key_U);
    EXPECT_EQ(c.window->ticketList()->currentTicket(), second);
    // The counts come down again.
    EXPECT_TRUE(waitFor([&] { return unreadCount(c, Queue::AllOpen) <= 0; }));
}

// Found using it: a ticket read in a window of its own stayed bold in the list. Open in a
// window, it is marked read like the one in the detail pane, also after news; closed, not.
TEST_F(UnreadGuiTest, ATicketOpenInItsOwnWindowIsMarkedRead)
{
    markOpenTicketsRead();
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    ASSERT_TRUE(connected(c));
    c.find<QAction>("markReadDelay0Action")->trigger();
    auto *view = c.find<QTableView>("ticketTableView");
    view->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(view, Qt::Key_Home);
    const qint64 inWindow = c.table()->idAt(0);
    ASSERT_TRUE(waitFor([&] { return c.window->document()->id() == inWindow; }));
    c.window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(c.window.get()));
    QTest::keyClick(view, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    TicketWindow *w = nullptr;
    ASSERT_TRUE(waitFor([&] {
        w = c.window->ticketWindows()->window(inWindow);
        return w && w->isVisible() && w->document()->isLoaded();
    }));
    // The detail pane goes on to another ticket; the window stays open.
    c.window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(c.window.get()));
    view->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(view, Qt::Key_Down);
    ASSERT_TRUE(waitFor([&] { return c.window->document()->id() == c.table()->idAt(1); }));

    // A colleague's note on the ticket in the window: read again, here and on the server.
    ASSERT_EQ(colleague.post(u"/tickets/%1/notes"_s.arg(inWindow), {{u"body"_s, u"Look"_s}}).status,
              201);
    ASSERT_TRUE(waitFor([&] { return !serverUnread(inWindow) && !bold(c, inWindow); }));

    // Closed: news makes it unread and it stays so. (Sentinel: a later note on another
    // ticket is shown bold, so the first one's news was taken in before.)
    w->close();
    ASSERT_TRUE(waitFor([&] { return c.window->ticketWindows()->windows().isEmpty(); }));
    const qint64 other = c.table()->idAt(3);
    ASSERT_EQ(
        colleague.post(u"/tickets/%1/notes"_s.arg(inWindow), {{u"body"_s, u"Again"_s}}).status,
        201);
    ASSERT_EQ(colleague.post(u"/tickets/%1/notes"_s.arg(other), {{u"body"_s, u"Also"_s}}).status,
              201);
    ASSERT_TRUE(waitFor([&] { return bold(c, other); }));
    EXPECT_TRUE(bold(c, inWindow));
    EXPECT_TRUE(serverUnread(inWindow));
}

TEST_F(UnreadGuiTest, KeysAreListedInTheMenusAndTheDelayIsAChoiceOfTheViewMenu)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    auto *view = c.find<QTableView>("ticketTableView");
    view->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(view, Qt::Key_Question);
    ASSERT_TRUE(waitFor([&] { return c.window->shortcutsDialog() != nullptr; }));
    const QString rows = c.window->shortcutsDialog()->rows().join(u'\n');
    EXPECT_TRUE(rows.contains(u"Next unread\tU"_s)) << rows.toStdString();
    EXPECT_TRUE(rows.contains(u"Mark as unread\tShift+U"_s)) << rows.toStdString();
    c.window->shortcutsDialog()->close();

    QMenu context;
    c.window->tableActions()->fillContextMenu(&context);
    QStringList keys;
    for (const QAction *action : context.actions())
        keys.append(action->shortcut().toString());
    EXPECT_TRUE(keys.contains(u"U"_s));
    EXPECT_TRUE(keys.contains(u"Shift+U"_s));
    auto *ticketMenu = c.find<QMenu>("ticketMenu");
    EXPECT_TRUE(ticketMenu->actions().contains(c.window->unreadActions()->nextUnreadAction()));
    EXPECT_TRUE(ticketMenu->actions().contains(c.window->unreadActions()->markUnreadAction()));

    // View › Mark as read › At once: kept in the settings; an unread ticket opened is read
    // by the time its details are in (with the default second it would still be bold).
    auto *delays = c.find<QMenu>("markReadDelayMenu");
    QAction *atOnce = c.find<QAction>("markReadDelay0Action");
    ASSERT_TRUE(delays->actions().contains(atOnce));
    atOnce->trigger();
    EXPECT_TRUE(atOnce->isChecked());
    EXPECT_EQ(c.settings.value(u"unread/markReadDelayMs"_s).toInt(), 0);
    EXPECT_EQ(c.window->unreadActions()->tracker()->delay(), 0);
    int row = 0;
    while (row < c.table()->rowCount() &&
           (!c.table()->index(row, 0).data(TicketTableModel::UnreadRole).toBool() ||
            c.table()->idAt(row) == c.window->document()->id()))
        ++row;
    ASSERT_LT(row, c.table()->rowCount()); // the demo tickets are news
    const qint64 id = c.table()->idAt(row);
    c.open(id);
    // Within 0.8 s of its details being in (at times the seq to mark arrives a moment later);
    // the default second would still show it bold.
    EXPECT_TRUE(waitFor([&] { return !unread(c, id); }, 800));
    ASSERT_TRUE(waitFor([&] { return !serverUnread(id); }));
}

TEST_F(UnreadGuiTest, CodeUsersMessageOnAWaitingTicketShowsItOpenAndBoldInMyTickets)
{
    const QJsonObject t = testsupport::createTicket(codeUser, u"Valve stuck"_s);
    const qint64 id = t.value(u"id"_s).toInteger();
    ASSERT_GT(id, 0);
    ASSERT_EQ(colleague
                  .editTicket(id, {{u"assigneeId"_s,
                                    anna.get(u"/me"_s).object().value(u"id"_s).toInteger()},
                                   {u"status"_s, u"waiting"_s}})
                  .status,
              200);
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    ASSERT_TRUE(connected(c));
    chooseQueue(c, Queue::Mine);
    ASSERT_TRUE(waitFor([&] { return c.table()->rowOf(id) >= 0; }));
    EXPECT_TRUE(bold(c, id)); // assigned to me by someone else
    // Read it (open it for a second), then go to another ticket.
    c.open(id);
    ASSERT_TRUE(waitFor([&] { return !bold(c, id); }));
    ASSERT_TRUE(waitFor([&] { return !serverUnread(id); }));
    auto *view = c.find<QTableView>("ticketTableView");
    view->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(view, c.table()->rowOf(id) == 0 ? Qt::Key_J : Qt::Key_K);
    ASSERT_TRUE(waitFor([&] { return c.window->document()->id() != id; }));

    ASSERT_EQ(
        codeUser.post(u"/tickets/%1/messages"_s.arg(id), {{u"body"_s, u"Still stuck"_s}}).status,
        201);
    ASSERT_TRUE(waitFor([&] {
        const int row = c.table()->rowOf(id);
        return row >= 0 && bold(c, id) &&
               c.table()->index(row, 0).data(TicketTableModel::StatusRole).toInt() ==
                   int(core::Status::Open);
    }));
    EXPECT_TRUE(serverUnread(id));
    EXPECT_TRUE(waitFor([&] { return unreadCount(c, Queue::Mine) >= 1; }));

    // Opened: read. Shift+U: bold again, and unread on the server, while it stays open.
    QTest::keyClick(view, c.table()->rowOf(id) == 0 ? Qt::Key_K : Qt::Key_J);
    ASSERT_TRUE(waitFor([&] { return c.window->document()->id() == id; }));
    // The stepper says why it is open again (the issue: "the status stepper shows it").
    auto *reason = c.find<QLabel>("statusReasonLabel");
    EXPECT_TRUE(waitFor([&] {
        return reason->isVisible() && reason->text().startsWith(u"Reopened by "_s);
    })) << reason->text().toStdString();
    guitest::saveScreenshot(c.window.get(), u"status-reopened"_s);
    // ...and the history says whose message moved it.
    auto *history = c.find<QListView>("historyListView");
    EXPECT_TRUE(waitFor([&] {
        const QAbstractItemModel *m = history->model();
        for (int row = 0; row < m->rowCount(); ++row) {
            if (m->index(row, 0).data().toString().contains(u"'s message moved the status"_s))
                return true;
        }
        return false;
    }));
    ASSERT_TRUE(waitFor([&] { return !bold(c, id); }));
    ASSERT_TRUE(waitFor([&] { return !serverUnread(id); }));
    QTest::keyClick(view, Qt::Key_U, Qt::ShiftModifier);
    EXPECT_TRUE(bold(c, id));
    ASSERT_TRUE(waitFor([&] { return serverUnread(id); }));
    EXPECT_TRUE(waitFor([&] { return c.api.jobsInFlight() == 0; }));
    EXPECT_TRUE(bold(c, id));
}

TEST_F(UnreadGuiTest, NeedsReplyListsExactlyTheServersAwaitingTickets)
{
    // One more that awaits an answer: a code user's new ticket with a message.
    const QJsonObject t = testsupport::createTicket(codeUser, u"Display flickers"_s);
    const qint64 id = t.value(u"id"_s).toInteger();
    ASSERT_EQ(
        codeUser.post(u"/tickets/%1/messages"_s.arg(id), {{u"body"_s, u"Please help"_s}}).status,
        201);
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    ASSERT_TRUE(connected(c));
    chooseQueue(c, Queue::NeedsReply);
    EXPECT_TRUE(c.table()->query().awaitingStaff);
    auto loadAll = [&] {
        while (c.table()->canFetchMore({})) {
            c.table()->fetchMore({});
            if (!waitFor([&] { return !c.table()->isLoading(); }))
                return;
        }
    };
    auto shown = [&] {
        QList<qint64> ids;
        for (int row = 0; row < c.table()->rowCount(); ++row)
            ids.append(c.table()->idAt(row));
        return ids;
    };
    core::TicketQuery awaiting = models::queueQuery(Queue::NeedsReply);
    loadAll();
    const QList<qint64> expected = serverIds(awaiting);
    ASSERT_FALSE(expected.isEmpty());
    EXPECT_TRUE(expected.contains(id));
    EXPECT_EQ(shown(), expected);
    QueueListModel *model = queues(c);
    const QModelIndex row = model->index(model->rowOf(Queue::NeedsReply));
    EXPECT_EQ(row.data().toString(), u"Needs reply"_s);
    EXPECT_TRUE(
        waitFor([&] { return row.data(QueueListModel::CountRole).toInt() == expected.size(); }));

    // A staff reply takes it out, live (unless it is the one open: that stays).
    auto *view = c.find<QTableView>("ticketTableView");
    view->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(view, c.table()->rowOf(id) == 0 ? Qt::Key_J : Qt::Key_K);
    ASSERT_TRUE(waitFor([&] {
        return c.window->document()->id() != 0 && c.window->document()->id() != id;
    })) << c.table()->rowCount()
        << " rows, open " << c.window->document()->id() << ", row of it " << c.table()->rowOf(id);
    ASSERT_EQ(
        colleague.post(u"/tickets/%1/messages"_s.arg(id), {{u"body"_s, u"On our way"_s}}).status,
        201);
    ASSERT_TRUE(waitFor([&] { return c.table()->rowOf(id) < 0 && !c.table()->isLoading(); }));
    loadAll();
    EXPECT_EQ(shown(), serverIds(awaiting));
    EXPECT_TRUE(waitFor(
        [&] { return row.data(QueueListModel::CountRole).toInt() == expected.size() - 1; }));
}

} // namespace
