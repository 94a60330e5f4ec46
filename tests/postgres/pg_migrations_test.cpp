// PostgreSQL's schema migrations: a fresh database gets the whole schema (SQLite's after
// its 14 migrations), instances starting at once migrate once, and a database from a
// newer ticket-server is refused.
#include "pgfixture.h"
#include "store/postgres/migrations.h"

#include <latch>
#include <thread>

using namespace Qt::StringLiterals;
using namespace pgtest;

namespace {

using PgMigrationsTest = PgTest;

int known()
{
    return int(server::postgres::migrations().size());
}

TEST_F(PgMigrationsTest, AFreshDatabaseGetsTheWholeSchema)
{
    auto c = connect(m_db, u"fresh"_s);
    ASSERT_TRUE(c);
    QString error;
    ASSERT_TRUE(c->migrate(&error)) << error.toStdString();
    EXPECT_EQ(c->schemaVersion(), known());
    QSqlDatabase &db = c->database();
    for (const char *table : {"staff",           "customers",
                              "flows",           "templates",
                              "template_flows",  "fleets",
                              "fleet_members",   "fleet_flow_rules",
                              "devices",         "code_users",
                              "tokens",          "tickets",
                              "messages",        "notes",
                              "attachments",     "ratings",
                              "history",         "events",
                              "idempotency",     "counters",
                              "stats_settings",  "stats_zone_offsets",
                              "rating_days",     "rating_day_totals",
                              "rating_day_dims", "staff_workload",
                              "text_modules",    "macros",
                              "views",           "ticket_seen",
                              "service_levels",  "business_hours"}) {
        EXPECT_EQ(number(db, u"SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public' AND "
                             "tablename = '%1'"_s.arg(QLatin1StringView(table))),
                  1)
            << table;
    }
    // The partial and covering indexes of SQLite migrations 7, 11, 13 and 14 keep their
    // conditions; the full-text columns have GIN indexes.
    const QStringList partial = rows(db, u"SELECT indexname FROM pg_indexes WHERE indexdef LIKE "
                                         "'% WHERE %' ORDER BY indexname"_s);
    EXPECT_EQ(partial.join(u' '),
              u"attachments_code_user messages_code_user messages_staff ratings_low "
              "ticket_seen_read tickets_awaiting tickets_code_user tickets_first_reply_clock "
              "tickets_resolved_clock tickets_sole_actor tickets_unnotable"_s);
    EXPECT_EQ(rows(db, u"SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%USING gin%' "
                       "ORDER BY indexname"_s)
                  .join(u' '),
              u"customers_search devices_search messages_search tickets_search"_s);
    EXPECT_EQ(number(db, u"SELECT COUNT(*) FROM pg_indexes WHERE schemaname = 'public'"_s), 85);
    EXPECT_EQ(rows(db, u"SELECT DISTINCT tgname FROM pg_trigger WHERE NOT tgisinternal "
                       "ORDER BY tgname"_s)
                  .join(u' '),
              u"rating_days_fixed_key rating_days_roll_up ratings_stats ticket_seen_added "
              "ticket_seen_follows ticket_seen_moved tickets_stats_deleted tickets_stats_inserted "
              "tickets_stats_updated tickets_workload"_s);

    // Migrating again finds nothing to do.
    ASSERT_TRUE(c->migrate(&error)) << error.toStdString();
    EXPECT_EQ(number(db, u"SELECT COUNT(*) FROM schema_version"_s), known());
}

TEST_F(PgMigrationsTest, InstancesStartingAtOnceMigrateOnce)
{
    constexpr int Instances = 4;
    std::latch ready(Instances);
    QString errors[Instances];
    bool ok[Instances] = {};
    std::vector<std::thread> threads;
    for (int i = 0; i < Instances; ++i) {
        threads.emplace_back([&, i] {
            QString error;
            auto c = server::postgres::Connection::open(settingsFor(m_db), u"instance-%1"_s.arg(i),
                                                        &error);
            ready.arrive_and_wait(); // every instance connected: they migrate at once
            ok[i] = c && c->migrate(&error);
            errors[i] = error;
        });
    }
    for (std::thread &t : threads)
        t.join();
    for (int i = 0; i < Instances; ++i)
        EXPECT_TRUE(ok[i]) << "instance " << i << ": " << errors[i].toStdString();

    auto c = connect(m_db, u"check"_s);
    ASSERT_TRUE(c);
    QStringList expected;
    for (int v = 1; v <= known(); ++v)
        expected.append(QString::number(v));
    EXPECT_EQ(rows(c->database(), u"SELECT version FROM schema_version ORDER BY version"_s),
              expected);
}

TEST_F(PgMigrationsTest, ADatabaseOfANewerServerIsRefused)
{
    QString error;
    {
        auto c = connect(m_db, u"current"_s);
        ASSERT_TRUE(c);
        ASSERT_TRUE(c->migrate(&error)) << error.toStdString();
        ASSERT_TRUE(
            c->exec(u"INSERT INTO schema_version (version) VALUES (%1)"_s.arg(known() + 1)));
    }
    auto c = connect(m_db, u"older"_s);
    ASSERT_TRUE(c);
    EXPECT_FALSE(c->migrate(&error));
    EXPECT_EQ(error, u"the database was written by a newer ticket-server (PostgreSQL schema "
                     "%1, this one knows %2)"_s.arg(known() + 1)
                         .arg(known()));
}

} // namespace
