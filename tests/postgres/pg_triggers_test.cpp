// PostgreSQL's trigger functions do what SQLite's triggers do: the same hand-written
// statements run on a migrated SQLite database and on a migrated PostgreSQL one, and the
// tables the triggers keep (open tickets per staff member, the seen marks' copy of their
// ticket, the per-day rating figures and their roll-ups) read the same after each step.
// Also the full-text columns: German umlauts and diacritics folded, prefix words, AND.
#include "pgfixture.h"
#include "store/sqlite/connection.h"

#include <QSqlError>

using namespace Qt::StringLiterals;
using namespace pgtest;

namespace {

// 2026-01-10 12:00 UTC and a day later, in milliseconds.
const QString Day1 = u"1768046400000"_s;
const QString Day2 = u"1768132800000"_s;

const QStringList SetupRows{
    u"INSERT INTO staff (id, login, name, role, password_salt, password_hash, "
    "password_iterations) VALUES (1, 'anna', 'Anna', 'agent', '', '', 1), "
    "(2, 'ben', 'Ben', 'agent', '', '', 1)"_s,
    u"INSERT INTO flows (id, key, name) VALUES (1, 'fault', 'Fault'), (2, 'order', 'Order')"_s,
    u"INSERT INTO templates (id, name) VALUES (1, 'Cooler')"_s,
    u"INSERT INTO fleets (id, name) VALUES (1, 'North')"_s,
    u"INSERT INTO customers (id, name, number) VALUES (1, 'Bäckerei Müller', 'K-100')"_s,
    u"INSERT INTO devices (id, name, location, code, template_id, fleet_id, customer_id) "
    "VALUES (1, 'Kühlschrank 3', 'Köln Süd', 'ABC', 1, 1, 1)"_s,
};

// A code user's public ticket assigned to Anna, and an internal one of Ben's.
const QStringList Tickets{
    u"INSERT INTO tickets (id, number, title, description, status, flow_id, device_id, "
    "customer_id, fleet_id, assignee_id, created_by_kind, created_by_id, created_at, "
    "updated_at) VALUES (1, 'T-1', 'Grüße aus Überlingen', 'Die Tür schließt nicht', 1, 1, "
    "1, 1, 1, 1, 'code_user', 7, 1, 1)"_s,
    u"INSERT INTO tickets (id, number, title, status, visibility, flow_id, device_id, "
    "assignee_id, created_by_kind, created_by_id, created_at, updated_at) VALUES (2, 'T-2', "
    "'Intern', 0, 1, 2, 1, 2, 'staff', 2, 1, 1)"_s,
};

// Each step is one or more statements; the derived tables are compared after each.
const QList<QStringList> Steps{
    {u"INSERT INTO ticket_seen (staff_id, ticket_id, seq) VALUES (1, 1, 5), (2, 1, 2)"_s},
    {u"UPDATE tickets SET notable_seq = 3, notable_actor = 0, notable_other_seq = 3 "
     "WHERE id = 1"_s},
    {u"UPDATE tickets SET priority = 2, assignee_id = 2, assigned_seq = 4 WHERE id = 1"_s},
    {u"UPDATE ticket_seen SET seq = 9 WHERE staff_id = 2 AND ticket_id = 1"_s},
    {u"UPDATE tickets SET status = 3, resolved_at = %1 WHERE id = 1"_s.arg(Day1)},
    {u"INSERT INTO ratings (ticket_id, stars, code_user_id, assignee_id, fleet_id, flow_id, "
     "template_id, customer_id, created_at) VALUES (1, 4, 7, 2, 1, 1, 1, 1, %1)"_s.arg(Day2)},
    {u"UPDATE tickets SET assignee_id = 1, flow_id = 2 WHERE id = 1"_s},
    {u"UPDATE ratings SET stars = 2 WHERE ticket_id = 1"_s},
    {u"INSERT INTO stats_zone_offsets (start, offset_ms) VALUES (0, 3600000)"_s,
     u"UPDATE tickets SET resolved_at = %1 - 1800000 WHERE id = 1"_s.arg(Day2)},
    {u"UPDATE tickets SET status = 1, assignee_id = 2 WHERE id = 2"_s},
    {u"DELETE FROM ratings WHERE ticket_id = 1"_s},
    {u"UPDATE tickets SET status = 1, resolved_at = NULL WHERE id = 1"_s},
    {u"DELETE FROM ticket_seen WHERE staff_id = 1"_s, u"DELETE FROM tickets WHERE id = 2"_s},
};

const QStringList Derived{
    u"SELECT staff_id, open_tickets FROM staff_workload ORDER BY staff_id"_s,
    u"SELECT staff_id, ticket_id, seq, status, priority, assignee_id, read FROM ticket_seen "
    "ORDER BY staff_id, ticket_id"_s,
    u"SELECT day, assignee_id, fleet_id, flow_id, template_id, customer_id, stars1, stars2, "
    "stars3, stars4, stars5, resolved, rated FROM rating_days ORDER BY day, assignee_id, "
    "fleet_id, flow_id, template_id, customer_id"_s,
    u"SELECT day, stars1, stars2, stars3, stars4, stars5, resolved, rated FROM "
    "rating_day_totals ORDER BY day"_s,
    u"SELECT day, dim, value, stars1, stars2, stars3, stars4, stars5 FROM rating_day_dims "
    "ORDER BY day, dim, value"_s,
};

bool runAll(QSqlDatabase &db, const QStringList &statements)
{
    for (const QString &sql : statements) {
        QSqlQuery q(db);
        if (!q.exec(sql)) {
            ADD_FAILURE() << db.driverName().toStdString() << ": " << sql.toStdString() << ": "
                          << q.lastError().text().toStdString();
            return false;
        }
    }
    return true;
}

class PgTriggersTest : public PgTest
{
protected:
    void SetUp() override
    {
        PgTest::SetUp();
        if (HasFatalFailure())
            return;
        QString error;
        m_pg = connect(m_db, u"triggers"_s);
        ASSERT_TRUE(m_pg && m_pg->migrate(&error)) << error.toStdString();
        m_sqlite = server::sqlite::Connection::open(u":memory:"_s, u"sqlite-triggers"_s, &error);
        ASSERT_TRUE(m_sqlite) << error.toStdString();
        ASSERT_TRUE(runAll(m_pg->database(), SetupRows + Tickets));
        ASSERT_TRUE(runAll(m_sqlite->database(), SetupRows + Tickets));
    }

    std::unique_ptr<server::postgres::Connection> m_pg;
    std::unique_ptr<server::sqlite::Connection> m_sqlite;
};

TEST_F(PgTriggersTest, KeepTheSameFiguresAsSqlite)
{
    for (qsizetype step = -1; step < Steps.size(); ++step) {
        if (step >= 0) {
            ASSERT_TRUE(runAll(m_pg->database(), Steps[step]));
            ASSERT_TRUE(runAll(m_sqlite->database(), Steps[step]));
        }
        for (const QString &sql : Derived) {
            EXPECT_EQ(rows(m_pg->database(), sql), rows(m_sqlite->database(), sql))
                << "after step " << step << ": " << sql.toStdString();
        }
    }
    // The steps reached every kind of row (else the comparison above proves little).
    EXPECT_EQ(rows(m_pg->database(), Derived[0]), (QStringList{u"1|1"_s, u"2|0"_s}));
    EXPECT_GT(number(m_pg->database(), u"SELECT COUNT(*) FROM rating_day_dims"_s), 0);
}

TEST_F(PgTriggersTest, SeenMarksFollowTheirTicket)
{
    QSqlDatabase &db = m_pg->database();
    const QString seen = u"SELECT status, priority, assignee_id, read FROM ticket_seen "
                         "WHERE staff_id = 1 AND ticket_id = 1"_s;
    ASSERT_TRUE(
        runAll(db, {u"UPDATE tickets SET notable_seq = 3 WHERE id = 1"_s,
                    u"INSERT INTO ticket_seen (staff_id, ticket_id, seq) VALUES (1, 1, 5)"_s}));
    EXPECT_EQ(rows(db, seen), QStringList{u"1|1|1|1"_s});
    ASSERT_TRUE(runAll(db, {u"UPDATE tickets SET status = 2, notable_seq = 8 WHERE id = 1"_s}));
    EXPECT_EQ(rows(db, seen), QStringList{u"2|1|1|0"_s}); // a newer event: unread again
    ASSERT_TRUE(runAll(db, {u"UPDATE ticket_seen SET seq = 8 WHERE staff_id = 1"_s}));
    EXPECT_EQ(rows(db, seen), QStringList{u"2|1|1|1"_s});
}

TEST_F(PgTriggersTest, SearchFoldsUmlautsAndFindsPrefixesOfEveryWord)
{
    QSqlDatabase &db = m_pg->database();
    const auto matches = [&](const QString &table, const QString &query) {
        return number(db, u"SELECT COUNT(*) FROM %1 WHERE search @@ "
                          "to_tsquery('ticket_search', '%2')"_s.arg(table, query));
    };
    EXPECT_EQ(matches(u"tickets"_s, u"gru:* & uberl:*"_s), 1);
    EXPECT_EQ(matches(u"tickets"_s, u"GRÜSSE:* & Tür:*"_s), 1);
    EXPECT_EQ(matches(u"tickets"_s, u"schliesst:*"_s), 1);
    EXPECT_EQ(matches(u"tickets"_s, u"gru:* & koln:*"_s), 0);
    EXPECT_EQ(matches(u"devices"_s, u"kuhl:* & sud:*"_s), 1);
    EXPECT_EQ(matches(u"customers"_s, u"backerei:* & muller:*"_s), 1);
    ASSERT_TRUE(runAll(db, {u"INSERT INTO messages (ticket_id, seq, author_kind, author_id, "
                            "author_name, body, created_at) VALUES (1, 1, 'staff', 1, 'Anna', "
                            "'Ersatzteil für Café bestellt', 2)"_s}));
    EXPECT_EQ(matches(u"messages"_s, u"cafe:* & ersatz:*"_s), 1);
}

} // namespace
