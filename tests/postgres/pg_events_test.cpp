// The PostgreSQL write transaction (PgWriter) and event store (PgEventStore): append,
// since, oldest and latest seq; a rolled-back transaction leaves no event and no hole in
// the seqs; the listener hears events after the commit only, in seq order; and the seq
// follows commit order, so that a reader resuming with `since` never skips an event that
// committed late, however writers on several connections interleave.
#include "pgfixture.h"
#include "store/postgres/eventstore.h"
#include "store/postgres/writer.h"

#include <QJsonObject>
#include <atomic>
#include <chrono>
#include <mutex>
#include <random>
#include <thread>

using namespace Qt::StringLiterals;
using namespace pgtest;
using server::ServerEvent;
using server::postgres::EventOrder;
using server::postgres::PgEventStore;
using server::postgres::PgWriter;

namespace {

// One connection with its writer and event store, as one server worker would have.
struct Node {
    Node(const testsupport::PgTestDatabase &db, const QString &name,
         std::shared_ptr<EventOrder> order = {})
        : connection(connect(db, name))
    {
        if (!connection)
            return;
        QString error;
        EXPECT_TRUE(connection->migrate(&error)) << error.toStdString();
        writer = std::make_unique<PgWriter>(*connection, std::move(order));
        events = std::make_unique<PgEventStore>(*writer);
    }
    std::unique_ptr<server::postgres::Connection> connection;
    std::unique_ptr<PgWriter> writer;
    std::unique_ptr<PgEventStore> events;
};

QList<qint64> seqsOf(const QList<ServerEvent> &events)
{
    QList<qint64> out;
    for (const ServerEvent &e : events)
        out.append(e.event.seq);
    return out;
}

using PgEventsTest = PgTest;

TEST_F(PgEventsTest, AppendSinceOldestLatest)
{
    Node n(m_db, u"basic"_s);
    ASSERT_TRUE(n.events);
    PgEventStore &events = *n.events;
    EXPECT_EQ(events.latestSeq(), 0);
    EXPECT_EQ(events.oldestSeq(), 0);
    EXPECT_TRUE(events.since(0, 100).isEmpty());

    qint64 mine = 0;
    ASSERT_TRUE(n.writer->write([&] {
        events.append(u"ticket.created"_s, 0, QJsonObject{{u"n"_s, 1}}, 1000);
        events.append(u"fleet.changed"_s, 0, QJsonObject{{u"n"_s, 2}}, 1001, true);
        mine = events.appendFor(7, u"ticket.seen"_s, 0, QJsonObject{{u"n"_s, 3}}, 1002);
        EXPECT_EQ(events.lastAppended(), mine);
        return true;
    }));
    EXPECT_EQ(mine, 3);
    const QList<ServerEvent> all = events.since(0, 100);
    ASSERT_EQ(seqsOf(all), (QList<qint64>{1, 2, 3}));
    EXPECT_EQ(all[0].event.type, u"ticket.created"_s);
    EXPECT_EQ(all[0].event.ticketId, 0);
    EXPECT_EQ(all[0].event.at, 1000);
    EXPECT_EQ(all[0].event.data.value(u"n"_s).toInt(), 1);
    EXPECT_FALSE(all[0].staffOnly);
    EXPECT_EQ(all[0].visibility, core::Visibility::Public);
    EXPECT_TRUE(all[1].staffOnly);
    EXPECT_EQ(all[1].recipientStaffId, 0);
    EXPECT_TRUE(all[2].staffOnly);
    EXPECT_EQ(all[2].recipientStaffId, 7);
    EXPECT_EQ(seqsOf(events.since(1, 100)), (QList<qint64>{2, 3}));
    EXPECT_EQ(seqsOf(events.since(0, 2)), (QList<qint64>{1, 2}));
    EXPECT_EQ(events.oldestSeq(), 1);
    EXPECT_EQ(events.latestSeq(), 3);

    // Rolled back, by the work or by a statement that failed inside it: no event, and
    // the next commit takes the next seq (no hole a reader could wait on).
    EXPECT_FALSE(n.writer->write([&] {
        events.append(u"ticket.created"_s, 0, {}, 1003);
        return false;
    }));
    EXPECT_FALSE(n.writer->write([&] {
        events.append(u"ticket.created"_s, 0, {}, 1004);
        n.connection->exec(u"SELECT * FROM no_such_table"_s);
        return true;
    }));
    EXPECT_FALSE(n.writer->inTransaction());
    EXPECT_TRUE(events.since(3, 100).isEmpty());
    EXPECT_EQ(events.latestSeq(), 3);
    ASSERT_TRUE(n.writer->write([&] {
        events.append(u"ticket.updated"_s, 0, {}, 1005);
        return true;
    }));
    EXPECT_EQ(seqsOf(events.since(0, 100)), (QList<qint64>{1, 2, 3, 4}));
    EXPECT_EQ(events.latestSeq(), 4);
    // A write without events commits too.
    EXPECT_TRUE(n.writer->write([] { return true; }));
    // So does one that left a forward-only query unread (QPSQL's single-row mode keeps
    // it active on the connection): that is no failed statement.
    EXPECT_TRUE(n.writer->write([&] {
        events.append(u"ticket.updated"_s, 0, {}, 1006);
        QSqlQuery rows(n.connection->database());
        rows.setForwardOnly(true);
        EXPECT_TRUE(rows.exec(u"SELECT generate_series(1, 10)"_s));
        EXPECT_TRUE(rows.next());
        return true;
    }));
    EXPECT_EQ(seqsOf(events.since(4, 100)), (QList<qint64>{5}));
}

TEST_F(PgEventsTest, AnEventOfAMissingTicketIsInternal)
{
    Node n(m_db, u"ticket"_s);
    ASSERT_TRUE(n.events);
    ASSERT_TRUE(n.writer->write([&] {
        n.events->append(u"ticket.created"_s, 4242, {}, 1);
        return true;
    }));
    // No such ticket: device 0, and since() treats it as internal (as SQLite does).
    const QList<ServerEvent> events = n.events->since(0, 10);
    ASSERT_EQ(events.size(), 1);
    EXPECT_EQ(events[0].event.ticketId, 4242);
    EXPECT_EQ(events[0].deviceId, 0);
    EXPECT_EQ(events[0].visibility, core::Visibility::Internal);
}

TEST_F(PgEventsTest, EventsOfATicketCarryItsDeviceAndVisibility)
{
    Node n(m_db, u"device"_s);
    ASSERT_TRUE(n.events);
    for (const QString &sql :
         {u"INSERT INTO flows (id, key, name) VALUES (1, 'fault', 'Fault')"_s,
          u"INSERT INTO templates (id, name) VALUES (1, 'Cooler')"_s,
          u"INSERT INTO fleets (id, name) VALUES (1, 'North')"_s,
          u"INSERT INTO devices (id, name, code, template_id, fleet_id) VALUES "
          "(5, 'Kühlschrank', 'ABC', 1, 1)"_s,
          u"INSERT INTO tickets (id, number, title, visibility, flow_id, device_id, "
          "created_by_kind, created_by_id, created_at, updated_at) VALUES "
          "(1, 'T-1', 'Public', 0, 1, 5, 'staff', 1, 1, 1), "
          "(2, 'T-2', 'Internal', 1, 1, 5, 'staff', 1, 1, 1)"_s}) {
        ASSERT_TRUE(n.connection->exec(sql)) << sql.toStdString();
    }
    QList<ServerEvent> heard;
    n.writer->setEventListener([&](const ServerEvent &e) { heard.append(e); });
    ASSERT_TRUE(n.writer->write([&] {
        n.events->append(u"ticket.updated"_s, 1, {}, 1);
        n.events->append(u"ticket.updated"_s, 2, {}, 2);
        return true;
    }));
    ASSERT_EQ(heard.size(), 2);
    EXPECT_EQ(heard[0].deviceId, 5);
    EXPECT_EQ(heard[0].visibility, core::Visibility::Public);
    EXPECT_EQ(heard[1].visibility, core::Visibility::Internal);
    // Who may see an event is decided when it is read: the ticket made internal since
    // takes its past with it.
    ASSERT_TRUE(n.connection->exec(u"UPDATE tickets SET visibility = 1 WHERE id = 1"_s));
    const QList<ServerEvent> events = n.events->since(0, 10);
    ASSERT_EQ(events.size(), 2);
    EXPECT_EQ(events[0].deviceId, 5);
    EXPECT_EQ(events[0].visibility, core::Visibility::Internal);
}

TEST_F(PgEventsTest, TheListenerHearsCommittedEventsOnlyInSeqOrder)
{
    Node n(m_db, u"listener"_s);
    ASSERT_TRUE(n.events);
    QList<qint64> heard;
    n.writer->setEventListener([&](const ServerEvent &e) { heard.append(e.event.seq); });
    ASSERT_TRUE(n.writer->write([&] {
        n.events->append(u"a"_s, 0, {}, 1);
        n.events->append(u"b"_s, 0, {}, 2);
        EXPECT_TRUE(heard.isEmpty()); // not before the commit
        return true;
    }));
    EXPECT_EQ(heard, (QList<qint64>{1, 2}));
    EXPECT_FALSE(n.writer->write([&] {
        n.events->append(u"c"_s, 0, {}, 3);
        return false;
    }));
    EXPECT_FALSE(n.writer->write([&] {
        n.events->append(u"d"_s, 0, {}, 4);
        n.connection->exec(u"SELECT 1/0"_s);
        return true;
    }));
    // COMMIT itself fails (here: a deferred unique constraint; in production e.g. a
    // serialization failure): false, no event, nothing heard.
    EXPECT_FALSE(n.writer->write([&] {
        EXPECT_TRUE(n.connection->exec(u"CREATE TEMP TABLE once (x INTEGER UNIQUE "
                                       "DEFERRABLE INITIALLY DEFERRED)"_s));
        EXPECT_TRUE(n.connection->exec(u"INSERT INTO once VALUES (1), (1)"_s));
        n.events->append(u"f"_s, 0, {}, 4);
        return true;
    }));
    EXPECT_FALSE(n.writer->inTransaction());
    EXPECT_EQ(heard, (QList<qint64>{1, 2}));
    EXPECT_EQ(n.events->latestSeq(), 2);
    ASSERT_TRUE(n.writer->write([&] {
        n.events->append(u"e"_s, 0, {}, 5);
        return true;
    }));
    EXPECT_EQ(heard, (QList<qint64>{1, 2, 3}));
}

// Writers on their own connections append events and, now and then, linger inside the
// transaction after appending (the sleep widens the window in which a later transaction
// could commit first: it is what the test provokes, not a wait for something to settle).
// A reader polls `since(last seen)` all the while. With seqs handed out by nextval the
// reader sees a higher seq before a lower one commits and then skips the lower one; with
// the seq lock every committed event is seen exactly once, in increasing seq.
TEST_F(PgEventsTest, AReaderResumingWithSinceNeverSkipsALateCommit)
{
    constexpr int Writers = 4;
    constexpr int Transactions = 40;
    {
        Node setup(m_db, u"setup"_s); // migrates once, before the threads start
        ASSERT_TRUE(setup.events);
    }
    auto order = std::make_shared<EventOrder>();
    std::mutex committedMutex;
    QList<qint64> committed;
    QList<qint64> heard; // by the listeners of all writers, which share `order`
    std::atomic<int> writing{Writers};
    std::vector<std::thread> threads;
    for (int w = 0; w < Writers; ++w) {
        threads.emplace_back([&, w] {
            Node n(m_db, u"writer%1"_s.arg(w), order);
            std::mt19937 random(w);
            if (n.events) {
                n.writer->setEventListener([&](const ServerEvent &e) {
                    std::lock_guard lock(committedMutex);
                    heard.append(e.event.seq);
                });
                for (int t = 0; t < Transactions; ++t) {
                    QList<qint64> mine;
                    const bool keep = random() % 5 != 0;
                    const bool ok = n.writer->write([&] {
                        const int count = 1 + int(random() % 3);
                        for (int i = 0; i < count; ++i) {
                            n.events->append(u"test"_s, 0, QJsonObject{{u"w"_s, w}}, t);
                            mine.append(n.events->lastAppended());
                        }
                        if (random() % 2 == 0)
                            std::this_thread::sleep_for(std::chrono::milliseconds(random() % 4));
                        return keep;
                    });
                    EXPECT_EQ(ok, keep);
                    if (ok) {
                        std::lock_guard lock(committedMutex);
                        committed.append(mine);
                    }
                }
            }
            writing.fetch_sub(1);
        });
    }
    QList<qint64> seen;
    bool ordered = true;
    threads.emplace_back([&] {
        Node reader(m_db, u"reader"_s);
        if (!reader.events)
            return;
        qint64 last = 0;
        const auto poll = [&] {
            const QList<ServerEvent> batch = reader.events->since(last, 1000);
            for (const ServerEvent &e : batch) {
                if (e.event.seq <= last)
                    ordered = false;
                last = e.event.seq;
                seen.append(last);
            }
            return !batch.isEmpty();
        };
        while (writing.load() > 0)
            poll();
        while (poll()) {
        }
    });
    for (std::thread &t : threads)
        t.join();
    std::sort(committed.begin(), committed.end());
    EXPECT_TRUE(ordered);
    EXPECT_GT(committed.size(), Writers * Transactions / 2);
    EXPECT_EQ(seen, committed) << "the reader skipped " << committed.size() - seen.size()
                               << " events that committed late";
    EXPECT_EQ(heard, committed) << "the listeners heard the events out of seq order";
    // No hole: the rolled-back transactions gave their seqs back.
    EXPECT_EQ(committed.constLast(), committed.size());
}

} // namespace
