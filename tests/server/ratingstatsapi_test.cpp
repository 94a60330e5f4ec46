// GET /stats/ratings against a real ticket-server: the answer equals a brute-force
// computation over the raw rows of its database for generated data and several periods,
// filters and groupings; buckets start at Berlin midnights, also across the clock changes
// of 2024 (ratings written into the stopped server's database at chosen instants); and a
// change of the server's time zone rebuilds the pre-aggregated days.
#include "ratingstats_aggregates.h"
#include "ratingstats_oracle.h"
#include "sharedservertest.h"
#include "store/sqlite/statsdays.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace testsupport;
using namespace ratingstats;

namespace {

// The server's local days agree with Qt's calendar at any instant, for zones with and
// without daylight saving time.
TEST(LocalDaysTest, AgreesWithQtsCalendar)
{
    QElapsedTimer timer;
    timer.start();
    const server::sqlite::LocalDays berlinDays;
    std::printf("LocalDays(Europe/Berlin): %lld ms, %lld offsets\n", qint64(timer.elapsed()),
                qint64(berlinDays.offsets().size()));
    QRandomGenerator rng(4711);
    for (const QByteArray &id : {QByteArray("Europe/Berlin"), QByteArray("America/New_York"),
                                 QByteArray("Asia/Kolkata"), QByteArray("UTC")}) {
        const QTimeZone zone(id);
        ASSERT_TRUE(zone.isValid()) << id.toStdString();
        const server::sqlite::LocalDays days(zone);
        for (int i = 0; i < 20000; ++i) {
            // 1971 to 2100
            const qint64 t =
                31'536'000'000LL + qint64(rng.bounded(4'070'000'000.0)) * 1000 + rng.bounded(1000);
            const QDate date = QDateTime::fromMSecsSinceEpoch(t, zone).date();
            ASSERT_EQ(server::sqlite::LocalDays::date(days.dayOf(t)), date)
                << id.toStdString() << " " << t;
            ASSERT_EQ(days.startOf(days.dayOf(t)), midnight(date, zone)) << id.toStdString();
        }
    }
    const server::sqlite::LocalDays days;
    const qint64 march31 = server::sqlite::LocalDays::day(QDate(2024, 3, 31));
    const qint64 october27 = server::sqlite::LocalDays::day(QDate(2024, 10, 27));
    EXPECT_EQ(days.startOf(march31 + 1) - days.startOf(march31), 23 * 3600 * 1000LL);
    EXPECT_EQ(days.startOf(october27 + 1) - days.startOf(october27), 25 * 3600 * 1000LL);
    EXPECT_EQ(days.localIso(days.startOf(march31 + 1)), u"2024-04-01T00:00:00+02:00"_s);
}

class GeneratedStatsTest : public ::testing::Test
{
protected:
    TestServer m_server{{true, {u"--generate"_s, u"1500"_s}}};
    ApiClient staff{m_server.baseUrl()};
};

// The most rated ids of a dimension in `raw`.
QList<qint64> mostRated(const Raw &raw, int dimension, int n)
{
    std::map<qint64, int> counts;
    for (const RawRating &r : raw.ratings) {
        if (r.dims[dimension] > 0)
            ++counts[r.dims[dimension]];
    }
    QList<std::pair<int, qint64>> sorted;
    for (const auto &[id, c] : counts)
        sorted.append({c, id});
    std::sort(sorted.rbegin(), sorted.rend());
    QList<qint64> out;
    for (int i = 0; i < n && i < sorted.size(); ++i)
        out.append(sorted[i].second);
    return out;
}

TEST_F(GeneratedStatsTest, MatchesABruteForceComputationOverTheRawRows)
{
    ASSERT_TRUE(m_server.isRunning()) << m_server.output().toStdString();
    ASSERT_FALSE(staff.loginStaff(demoLogin(u"admin"_s)).isEmpty());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const Raw raw = readRaw(m_server.dataDir());
    ASSERT_GT(raw.ratings.size(), 200);

    const QList<qint64> staffIds = mostRated(raw, 0, 2);
    const QList<qint64> fleets = mostRated(raw, 1, 1);
    const QList<qint64> flows = mostRated(raw, 2, 1);
    const QList<qint64> templates = mostRated(raw, 3, 1);
    const QList<qint64> customers = mostRated(raw, 4, 2);
    ASSERT_EQ(staffIds.size(), 2);
    ASSERT_EQ(customers.size(), 2);

    const QDate today = localDate(now);
    constexpr qint64 Day = server::sqlite::LocalDays::DayMsecs;
    const QDate month(today.year(), today.month(), 1);
    auto day = [](QDate d) {
        return d.toString(Qt::ISODate);
    };
    struct Period {
        QString from, to, groupBy;
    };
    const QList<Period> periods{
        {{}, {}, u"day"_s}, // the default: the last 30 days
        {day(today.addDays(-90)), day(today.addDays(1)), u"week"_s},
        {day(month.addMonths(-11)), day(month.addMonths(1)), u"month"_s},
        // Partial days at both ends, and an offset other than Berlin's.
        {iso(now - qint64(200.3 * Day)), iso(now - qint64(20.6 * Day)), u"week"_s},
        {day(today.addDays(-60)) + u"T06:30:00+05:30"_s,
         day(today.addDays(-10)) + u"T23:15:00.250Z"_s, u"day"_s},
        {{}, day(today.addDays(-100)), u"day"_s}, // only `to`: the 30 days before it
    };
    std::array<QList<qint64>, 5> none;
    QList<std::array<QList<qint64>, 5>> filterSets{none};
    filterSets.append(none);
    filterSets.last()[0] = {staffIds[0]};
    filterSets.append(none);
    filterSets.last()[0] = staffIds;
    filterSets.last()[1] = fleets;
    filterSets.append(none);
    filterSets.last()[2] = flows;
    filterSets.last()[3] = templates;
    filterSets.append(none);
    filterSets.last()[4] = customers;
    filterSets.append(none);
    filterSets.last()[0] = {staffIds[1]};
    filterSets.last()[4] = {customers[0]};
    filterSets.last()[2] = flows;

    for (const Period &p : periods) {
        for (const auto &filters : std::as_const(filterSets)) {
            Query q;
            q.from = p.from;
            q.to = p.to;
            q.groupBy = p.groupBy;
            q.filters = filters;
            q.limit = 25;
            expectAnswer(staff, raw, q, now);
        }
    }
    // The data set is not empty where it matters.
    Query year;
    year.from = periods[2].from;
    year.to = periods[2].to;
    year.groupBy = u"month"_s;
    EXPECT_GT(expect(raw, year, now).summary.count(), 200);
    EXPECT_GT(expect(raw, year, now).summary.resolved, 400);
    EXPECT_GT(expect(raw, Query{}, now).low.size(), 0);
    // The generator's rows went through the triggers like any other write.
    expectAggregatesMatchRawRows(m_server.dataDir());
}

// One rated and one unrated resolved ticket at each instant, written into the database of
// the stopped server (the triggers keep the aggregates as they would for the API).
void insertAt(Database &db, const QList<std::pair<qint64, int>> &ratings, qint64 staffA,
              qint64 staffB)
{
    QSqlQuery base = db.exec(
        u"SELECT t.flow_id, t.device_id, t.customer_id, t.fleet_id, t.created_by_id, "
        "d.template_id, (SELECT MAX(id) FROM tickets) FROM tickets t JOIN devices d ON "
        "d.id = t.device_id WHERE t.created_by_kind = 'code_user' AND t.visibility = 0 LIMIT 1"_s);
    ASSERT_TRUE(base.next());
    QVariantList v;
    for (int i = 0; i < 6; ++i)
        v.append(base.value(i));
    qint64 id = base.value(6).toLongLong();
    base.finish();
    QSqlQuery t(db.db()), r(db.db());
    ASSERT_TRUE(t.prepare(
        u"INSERT INTO tickets (id, number, title, status, visibility, flow_id, device_id, "
        "customer_id, fleet_id, assignee_id, created_by_kind, created_by_id, created_at, "
        "updated_at, resolved_at) VALUES (?, ?, ?, 3, 0, ?, ?, ?, ?, ?, 'code_user', ?, ?, ?, ?)"_s));
    ASSERT_TRUE(r.prepare(
        u"INSERT INTO ratings (ticket_id, stars, comment, code_user_id, assignee_id, fleet_id, "
        "flow_id, template_id, customer_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s));
    for (int i = 0; i < ratings.size(); ++i) {
        const auto [at, stars] = ratings[i];
        const qint64 assignee = i % 2 ? staffB : staffA;
        for (bool rated : {true, false}) {
            ++id;
            t.bindValue(0, id);
            t.bindValue(1, u"T-9%1"_s.arg(id, 6, 10, QChar(u'0')));
            t.bindValue(2, u"Edge %1"_s.arg(iso(at)));
            t.bindValue(3, v[0]);
            t.bindValue(4, v[1]);
            t.bindValue(5, v[2]);
            t.bindValue(6, v[3]);
            t.bindValue(7, assignee);
            t.bindValue(8, v[4]);
            t.bindValue(9, at - 3600000);
            t.bindValue(10, at);
            t.bindValue(11, at);
            ASSERT_TRUE(t.exec()) << t.lastError().text().toStdString();
            if (!rated)
                continue;
            const QVariantList values{
                id, stars, u"Edge %1"_s.arg(i), v[4], assignee, v[3], v[0], v[5], v[2], at};
            for (int k = 0; k < values.size(); ++k)
                r.bindValue(k, values[k]);
            ASSERT_TRUE(r.exec()) << r.lastError().text().toStdString();
        }
    }
}

QList<qint64> seriesCounts(const HttpResult &r)
{
    QList<qint64> out;
    for (const QJsonValue &v : r.object().value(u"series"_s).toArray())
        out.append(v.toObject().value(u"count"_s).toInteger());
    return out;
}

QStringList seriesStarts(const HttpResult &r)
{
    QStringList out;
    for (const QJsonValue &v : r.object().value(u"series"_s).toArray())
        out.append(v.toObject().value(u"start"_s).toString());
    return out;
}

qint64 countOf(const HttpResult &r, const QString &part = u"summary"_s)
{
    QJsonObject o = r.object().value(u"summary"_s).toObject();
    if (part == u"previous")
        o = o.value(u"previous"_s).toObject();
    return o.value(u"count"_s).toInteger();
}

class ClockChangeTest : public SharedServerTest
{};

TEST_F(ClockChangeTest, BucketsStartAtBerlinMidnightsAcrossClockChanges)
{
    // Instants just before and after local midnight, and in the hours the clocks change.
    const QStringList instants{
        u"2024-03-30T23:59:59.999+01:00"_s, u"2024-03-31T00:00:00.000+01:00"_s,
        u"2024-03-31T01:59:59.999+01:00"_s, u"2024-03-31T03:00:00.000+02:00"_s,
        u"2024-03-31T23:59:59.999+02:00"_s, u"2024-04-01T00:00:00.000+02:00"_s,
        u"2024-10-26T23:59:59.999+02:00"_s, u"2024-10-27T00:00:00.000+02:00"_s,
        u"2024-10-27T02:30:00.000+02:00"_s, u"2024-10-27T02:30:00.000+01:00"_s,
        u"2024-10-27T23:59:59.999+01:00"_s, u"2024-10-28T00:00:00.000+01:00"_s};
    QList<std::pair<qint64, int>> ratings;
    for (int i = 0; i < instants.size(); ++i)
        ratings.append({parseInstant(instants[i]), 1 + (i * 3) % 5});
    const QJsonArray staffList = staff.get(u"/staff"_s).items();
    ASSERT_GE(staffList.size(), 2);
    const qint64 a = staffList.at(0).toObject().value(u"id"_s).toInteger();
    const qint64 b = staffList.at(1).toObject().value(u"id"_s).toInteger();
    ASSERT_TRUE(server().stop());
    {
        Database db(server().dataDir(), false);
        insertAt(db, ratings, a, b);
    }
    ASSERT_TRUE(server().restart()) << server().output().toStdString();
    ApiClient api(server().baseUrl());
    ASSERT_FALSE(api.loginStaff(demoLogin(u"agent"_s)).isEmpty());
    auto checkBerlin = [](ApiClient &api) {
        auto get = [&](const QString &query) {
            const HttpResult r = api.get(u"/stats/ratings?"_s + query);
            EXPECT_EQ(r.status, 200) << query.toStdString() << r.body.toStdString();
            return r;
        };
        HttpResult r = get(u"from=2024-03-30&to=2024-04-02"_s);
        EXPECT_EQ(seriesCounts(r), (QList<qint64>{1, 4, 1}));
        EXPECT_EQ(seriesStarts(r),
                  (QStringList{u"2024-03-30T00:00:00+01:00"_s, u"2024-03-31T00:00:00+01:00"_s,
                               u"2024-04-01T00:00:00+02:00"_s}));
        r = get(u"from=2024-10-26&to=2024-10-29"_s);
        EXPECT_EQ(seriesCounts(r), (QList<qint64>{1, 4, 1}));
        EXPECT_EQ(seriesStarts(r),
                  (QStringList{u"2024-10-26T00:00:00+02:00"_s, u"2024-10-27T00:00:00+02:00"_s,
                               u"2024-10-28T00:00:00+01:00"_s}));
        // A 23-hour and a 25-hour day; the previous period is the day before, whole.
        r = get(u"from=2024-03-31&to=2024-04-01"_s);
        EXPECT_EQ(countOf(r), 4);
        EXPECT_EQ(countOf(r, u"previous"_s), 1);
        EXPECT_EQ(r.object().value(u"summary"_s).toObject().value(u"resolvedCount"_s).toInt(), 8);
        EXPECT_EQ(r.object().value(u"period"_s).toObject().value(u"previousFrom"_s).toString(),
                  u"2024-03-29T23:00:00.000Z"_s);
        r = get(u"from=2024-10-27&to=2024-10-28"_s);
        EXPECT_EQ(countOf(r), 4);
        EXPECT_EQ(countOf(r, u"previous"_s), 1);
        EXPECT_EQ(r.object().value(u"period"_s).toObject().value(u"previousFrom"_s).toString(),
                  u"2024-10-25T22:00:00.000Z"_s);
        // Weeks start on Monday (both Sundays belong to the week before), months on the 1st.
        EXPECT_EQ(seriesCounts(get(u"from=2024-03-25&to=2024-04-08&groupBy=week"_s)),
                  (QList<qint64>{5, 1}));
        EXPECT_EQ(seriesCounts(get(u"from=2024-10-21&to=2024-11-04&groupBy=week"_s)),
                  (QList<qint64>{5, 1}));
        EXPECT_EQ(seriesCounts(get(u"from=2024-03-01&to=2024-05-01&groupBy=month"_s)),
                  (QList<qint64>{5, 1}));
        // Partial days: [03:00 CEST, 23:59:59.999 CEST) holds one rating; the twice-lived
        // hour of October 27 is told apart.
        EXPECT_EQ(countOf(get(u"from=2024-03-31T01:00:00Z&to=2024-03-31T21:59:59.999Z"_s)), 1);
        EXPECT_EQ(countOf(get(u"from=2024-10-27T00:30:00Z&to=2024-10-27T01:30:00Z"_s)), 1);
        EXPECT_EQ(countOf(get(u"from=2024-10-27T00:30:00Z&to=2024-10-27T01:30:00.001Z"_s)), 2);
    };
    checkBerlin(api);
    expectAggregatesMatchRawRows(server().dataDir());

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const Raw raw = readRaw(server().dataDir());
    const QList<std::array<QString, 3>> periods{
        {u"2024-03-25"_s, u"2024-04-08"_s, u"day"_s},
        {u"2024-03-25"_s, u"2024-04-08"_s, u"week"_s},
        {u"2024-03-30T12:00:00Z"_s, u"2024-04-01T12:00:00Z"_s, u"day"_s},
        {u"2024-10-01"_s, u"2024-12-01"_s, u"month"_s},
        {u"2024-10-26T22:00:00Z"_s, u"2024-10-28T01:00:00+02:00"_s, u"day"_s},
    };
    for (const auto &[from, to, groupBy] : periods) {
        for (const QList<qint64> &assignees : {QList<qint64>{}, QList<qint64>{b}}) {
            Query q;
            q.from = from;
            q.to = to;
            q.groupBy = groupBy;
            q.filters[0] = assignees;
            q.limit = 3;
            expectAnswer(api, raw, q, now);
        }
    }

    // Another time zone: the days are counted again, in UTC.
    ASSERT_TRUE(server().restart({u"--time-zone"_s, u"UTC"_s})) << server().output().toStdString();
    ApiClient utc(server().baseUrl());
    ASSERT_FALSE(utc.loginStaff(demoLogin(u"agent"_s)).isEmpty());
    const HttpResult r = utc.get(u"/stats/ratings?from=2024-03-30&to=2024-04-02"_s);
    EXPECT_EQ(r.object().value(u"period"_s).toObject().value(u"timeZone"_s).toString(), u"UTC"_s);
    EXPECT_EQ(seriesCounts(r), (QList<qint64>{2, 4, 0}));
    EXPECT_EQ(QDateTime::fromString(seriesStarts(r).value(2), Qt::ISODate),
              QDateTime(QDate(2024, 4, 1), QTime(0, 0), QTimeZone::utc()));
    for (const auto &[from, to, groupBy] : periods) {
        Query q;
        q.from = from;
        q.to = to;
        q.groupBy = groupBy;
        expectAnswer(utc, raw, q, now, QTimeZone::utc());
    }
    expectAggregatesMatchRawRows(server().dataDir(), QTimeZone::utc());

    // And back: Berlin's days again.
    ASSERT_TRUE(server().restart({u"--time-zone"_s, u"Europe/Berlin"_s}));
    ApiClient berlinAgain(server().baseUrl());
    ASSERT_FALSE(berlinAgain.loginStaff(demoLogin(u"agent"_s)).isEmpty());
    checkBerlin(berlinAgain);
    expectAggregatesMatchRawRows(server().dataDir());
}

TEST(TimeZoneOptionTest, AnUnknownZoneStopsTheServer)
{
    TestServer bad({false, {u"--time-zone"_s, u"Mars/Olympus_Mons"_s}});
    EXPECT_FALSE(bad.isRunning());
    EXPECT_TRUE(bad.output().contains(u"--time-zone"_s)) << bad.output().toStdString();
}

} // namespace
