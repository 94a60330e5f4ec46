// Unread marks in the ticket table against a real ticket-server: news by someone else makes
// a row unread (bold, a dot at the title, "unread" for screen readers), my own posts and a
// clocks-only update do not; opening marks it seen on the server, Shift+U's DELETE makes it
// unread again, and a mark the server refuses does not leave the row shown read.

#include "models/tickettablemodel.h"
#include "models/unreadtracker.h"
#include "ticketmodeltestsupport.h"

#include <QFont>
#include <QIcon>
#include <QJsonDocument>
#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using models::TicketTableModel;
using models::UnreadTracker;

namespace {

class UnreadTrackerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_FALSE(http.loginStaff(u"anna"_s).isEmpty());
        ASSERT_FALSE(colleague.loginStaff(u"jonas"_s).isEmpty());
        ASSERT_TRUE(client.signIn(server.baseUrl(), u"anna"_s));
        ASSERT_TRUE(events.open(server.baseUrl(), http.token()));
        tracker.setMyId(client.api.myId());
        tracker.setDelay(0);
        core::TicketQuery open;
        open.statuses = {core::Status::New, core::Status::Open, core::Status::Waiting};
        model.setQuery(open);
        ASSERT_TRUE(QTest::qWaitFor([&] { return !model.isLoading(); }, 15000));
        ASSERT_GT(model.rowCount(), 3);
        // The demo tickets are news to everyone: the first rows are read first. A note of
        // my own (no news) tells the latest seq.
        note(http, model.idAt(model.rowCount() - 1), u"Start"_s);
        applyUntil(u"note.created"_s, model.idAt(model.rowCount() - 1));
        for (int row = 0; row < 4; ++row) {
            markRead(model.idAt(row));
            ASSERT_FALSE(unread(model.idAt(row))) << row;
        }
    }

    // The client's requests go nowhere (nobody listens there), or to the server again.
    void setServerAway(bool away)
    {
        if (away) {
            m_base = client.api.baseUrl();
            client.api.setBaseUrl(QUrl(u"http://127.0.0.1:1/api/v1"_s));
        } else {
            client.api.setBaseUrl(m_base);
        }
    }
    QUrl m_base;

    void markRead(qint64 id)
    {
        ASSERT_EQ(http.send("PUT", u"/tickets/%1/seen"_s.arg(id),
                            QJsonDocument(QJsonObject{{u"seq"_s, m_seq}}).toJson(),
                            {{"Content-Type", "application/json"}})
                      .status,
                  200);
        applyUntil(u"ticket.seen"_s, id);
    }

    // Every event up to one of `type` for `ticketId`, handed to the model and the tracker in
    // the app's order (the table first).
    void applyUntil(const QString &type, qint64 ticketId)
    {
        const QJsonObject frame = events.waitFor([&](const QJsonObject &f) {
            return f.value(u"seq"_s).toInteger() > m_seq && f.value(u"type"_s) == type &&
                   f.value(u"ticketId"_s).toInteger() == ticketId;
        });
        ASSERT_FALSE(frame.isEmpty()) << "no " << type.toStdString();
        for (const QJsonObject &f : events.frames()) {
            const core::Event e = core::Event::fromJson(f);
            if (e.seq <= m_seq || e.seq > frame.value(u"seq"_s).toInteger() ||
                e.type == u"presence")
                continue;
            m_seq = e.seq;
            model.applyEvent(e);
            tracker.applyEvent(e);
        }
    }
    bool unread(qint64 id) const
    {
        return model.index(model.rowOf(id), 0).data(TicketTableModel::UnreadRole).toBool();
    }
    bool serverUnread(qint64 id)
    {
        const testsupport::HttpResult r = http.get(u"/tickets/%1"_s.arg(id));
        EXPECT_EQ(r.status, 200);
        return r.object().value(u"unread"_s).toBool();
    }
    void note(testsupport::ApiClient &as, qint64 id, const QString &body)
    {
        ASSERT_EQ(as.post(u"/tickets/%1/notes"_s.arg(id), {{u"body"_s, body}}).status, 201);
    }

    testsupport::TestServer server;
    testsupport::ApiClient http{server.baseUrl()};
    testsupport::ApiClient colleague{server.baseUrl()};
    testsupport::EventClient events;
    modeltest::SignedInClient client;
    modeltest::TesterFailures failures;
    TicketTableModel model{&client.api};
    std::unique_ptr<QAbstractItemModelTester> tester = modeltest::TesterFailures::attach(&model);
    qint64 m_seq = 0;
    qint64 m_latest = -1; // what the tracker names as the latest seq (-1: m_seq)
    UnreadTracker tracker{&client.api, &model, [this] {
                              return m_latest >= 0 ? m_latest : m_seq;
                          }};
};

TEST_F(UnreadTrackerTest, ColleaguesNoteMakesTheRowBoldWithADotAndOpeningMarksItSeen)
{
    const qint64 id = model.idAt(1);
    ASSERT_FALSE(unread(id));
    note(colleague, id, u"Checked the pump"_s);
    applyUntil(u"note.created"_s, id);
    ASSERT_TRUE(unread(id));
    const int row = model.rowOf(id);
    EXPECT_TRUE(
        model.index(row, TicketTableModel::StatusColumn).data(Qt::FontRole).value<QFont>().bold());
    const QModelIndex title = model.index(row, TicketTableModel::TitleColumn);
    EXPECT_FALSE(title.data(Qt::DecorationRole).value<QIcon>().isNull());
    EXPECT_TRUE(title.data(Qt::AccessibleTextRole).toString().startsWith(u"Unread: "_s))
        << title.data(Qt::AccessibleTextRole).toString().toStdString();
    EXPECT_TRUE(serverUnread(id));

    // A later ticket.updated (no `unread` in events) leaves the mark as it is.
    ASSERT_EQ(colleague.editTicket(id, {{u"title"_s, u"Pump, checked"_s}}).status, 200);
    applyUntil(u"ticket.updated"_s, id);
    EXPECT_TRUE(unread(id));

    // Opened (delay 0): read at once, on the server too, and the ticket.seen event agrees.
    tracker.setOpenTicket(id);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !unread(id); }, 5000));
    ASSERT_TRUE(modeltest::allAnswered(client.api));
    EXPECT_FALSE(serverUnread(id));
    applyUntil(u"ticket.seen"_s, id);
    EXPECT_FALSE(unread(id));
    EXPECT_FALSE(
        model.index(row, TicketTableModel::StatusColumn).data(Qt::FontRole).value<QFont>().bold());
}

TEST_F(UnreadTrackerTest, MyOwnNoteIsNoNewsAndMarkUnreadMakesItUnreadOnTheServer)
{
    const qint64 id = model.idAt(2);
    note(http, id, u"My own"_s);
    applyUntil(u"note.created"_s, id);
    EXPECT_FALSE(unread(id));

    // Nothing by someone else ever: the server keeps it read.
    note(colleague, id, u"Someone else's"_s);
    applyUntil(u"note.created"_s, id);
    tracker.setOpenTicket(id);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !unread(id); }, 5000));
    ASSERT_TRUE(modeltest::allAnswered(client.api));
    ASSERT_FALSE(serverUnread(id));
    applyUntil(u"ticket.seen"_s, id); // the mark's own event

    // Shift+U on the open ticket: unread, and not marked seen again while it stays open.
    tracker.markUnread(id);
    EXPECT_TRUE(unread(id));
    ASSERT_TRUE(modeltest::allAnswered(client.api));
    EXPECT_TRUE(unread(id));
    EXPECT_TRUE(serverUnread(id));
    applyUntil(u"ticket.seen"_s, id);
    EXPECT_TRUE(unread(id));
    EXPECT_TRUE(serverUnread(id));
}

TEST_F(UnreadTrackerTest, RefusedMarkShowsTheRowUnreadAgain)
{
    const qint64 id = model.idAt(3);
    note(colleague, id, u"News"_s);
    applyUntil(u"note.created"_s, id);
    ASSERT_TRUE(unread(id));
    QSignalSpy errors(&tracker, &UnreadTracker::errorOccurred);
    m_latest = m_seq + 1000000; // beyond the server's latest: 422
    tracker.setOpenTicket(id);
    ASSERT_TRUE(errors.wait(5000));
    EXPECT_TRUE(unread(id));
    EXPECT_FALSE(tracker.isPending(id));
    ASSERT_TRUE(modeltest::allAnswered(client.api));
    EXPECT_TRUE(unread(id));
    EXPECT_TRUE(serverUnread(id));
}

TEST_F(UnreadTrackerTest, UnreachableServerKeepsTheMarkPendingAndSendsItLater)
{
    const qint64 id = model.idAt(0);
    note(colleague, id, u"News"_s);
    applyUntil(u"note.created"_s, id);
    ASSERT_TRUE(unread(id));
    setServerAway(true);
    tracker.setOpenTicket(id);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !unread(id); }, 5000)); // shown read at once
    ASSERT_TRUE(modeltest::allAnswered(client.api));
    EXPECT_TRUE(tracker.isPending(id));
    EXPECT_TRUE(serverUnread(id));
    setServerAway(false);
    tracker.retryPending();
    ASSERT_TRUE(modeltest::allAnswered(client.api));
    EXPECT_FALSE(tracker.isPending(id));
    EXPECT_FALSE(unread(id));
    EXPECT_FALSE(serverUnread(id));
}

// Found using it: Shift+U while the server was away was forgotten once it came back. The
// mark stays (shown unread) and is sent again, as seen marks are.
TEST_F(UnreadTrackerTest, MarkUnreadWhileUnreachableIsSentLater)
{
    const qint64 id = model.idAt(0);
    markRead(id);
    ASSERT_FALSE(serverUnread(id));
    setServerAway(true);
    tracker.markUnread(id);
    EXPECT_TRUE(unread(id));
    ASSERT_TRUE(modeltest::allAnswered(client.api));
    EXPECT_TRUE(tracker.isPending(id));
    EXPECT_TRUE(unread(id));
    EXPECT_FALSE(serverUnread(id));
    setServerAway(false);
    tracker.retryPending();
    ASSERT_TRUE(modeltest::allAnswered(client.api));
    EXPECT_FALSE(tracker.isPending(id));
    EXPECT_TRUE(unread(id));
    EXPECT_TRUE(serverUnread(id));
}

} // namespace

namespace {

// A burst of changes by a colleague (more than the tracker asks about one by one): the
// loaded rows are read again, and every changed one shows unread.
TEST_F(UnreadTrackerTest, BurstOfColleaguesChangesShowsEveryRowUnread)
{
    const int n = UnreadTracker::MaxSingleFetches + 5;
    ASSERT_GT(model.rowCount(), n);
    QList<qint64> ids;
    for (int row = 0; row < n; ++row) {
        ids.append(model.idAt(row));
        markRead(ids.last());
    }
    for (qint64 id : std::as_const(ids))
        ASSERT_FALSE(unread(id));
    for (qint64 id : std::as_const(ids)) {
        const QString priority =
            model.index(model.rowOf(id), 0).data(TicketTableModel::PriorityRole).toInt() ==
                    int(core::Priority::Low)
                ? u"high"_s
                : u"low"_s;
        ASSERT_EQ(colleague.editTicket(id, {{u"priority"_s, priority}}).status, 200);
    }
    applyUntil(u"ticket.updated"_s, ids.last());
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            return std::all_of(ids.cbegin(), ids.cend(), [&](qint64 id) { return unread(id); });
        },
        10000));
    ASSERT_TRUE(modeltest::allAnswered(client.api));
    for (qint64 id : std::as_const(ids))
        EXPECT_TRUE(serverUnread(id)) << id;
}

} // namespace
