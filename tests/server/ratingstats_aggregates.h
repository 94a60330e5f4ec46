#pragma once

// The stored per-day tables of the rating statistics compared with a recount of the raw
// rows of the server's SQLite file. Shared by the rating statistics suites.
#include "ratingstats_oracle.h"

#include <tuple>

namespace ratingstats {

// The pre-aggregated tables hold what a recount of the raw rows gives: rating_days per
// local day and combination, and its roll-ups per day and per day and dimension.
inline void expectAggregatesMatchRawRows(const QString &dataDir, const QTimeZone &zone = berlin())
{
    const Raw raw = readRaw(dataDir);
    using Key = std::pair<QDate, Dims>;
    std::map<Key, Figures> expected;
    for (const RawRating &r : raw.ratings)
        ++expected[{localDate(r.createdAt, zone), r.dims}].stars[r.stars - 1];
    for (const RawTicket &t : raw.tickets) {
        if (!t.rateable || !t.resolvedAt)
            continue;
        const auto rating = raw.ratingOfTicket.constFind(t.id);
        const bool rated = rating != raw.ratingOfTicket.cend();
        Figures &f =
            expected[{localDate(*t.resolvedAt, zone), rated ? raw.ratings[*rating].dims : t.dims}];
        ++f.resolved;
        f.rated += rated ? 1 : 0;
    }
    std::map<QDate, Figures> totals;
    std::map<std::tuple<QDate, int, qint64>, Figures> byDimension;
    for (const auto &[key, f] : expected) {
        Figures &t = totals[key.first];
        for (int s = 0; s < 5; ++s) {
            t.stars[s] += f.stars[s];
            for (int d = 0; d < 5; ++d)
                byDimension[{key.first, d + 1, key.second[d]}].stars[s] += f.stars[s];
        }
        t.resolved += f.resolved;
        t.rated += f.rated;
    }
    auto same = [](const Figures &a, const Figures &b) {
        return a.stars == b.stars && a.resolved == b.resolved && a.rated == b.rated;
    };
    auto isZero = [&](const Figures &f) {
        return same(f, Figures{});
    };
    auto dateOf = [](qint64 day) {
        return QDate::fromJulianDay(day + 2440588);
    };
    auto read = [](const QSqlQuery &q, int first, bool withResolved) {
        Figures f;
        for (int s = 0; s < 5; ++s)
            f.stars[s] = q.value(first + s).toLongLong();
        if (withResolved) {
            f.resolved = q.value(first + 5).toLongLong();
            f.rated = q.value(first + 6).toLongLong();
        }
        return f;
    };
    Database db(dataDir);
    std::map<Key, Figures> stored;
    QSqlQuery q = db.exec(u"SELECT day, assignee_id, fleet_id, flow_id, template_id, "
                          "customer_id, stars1, stars2, stars3, stars4, stars5, resolved, rated "
                          "FROM rating_days"_s);
    while (q.next()) {
        const Figures f = read(q, 6, true);
        if (!isZero(f))
            stored[{dateOf(q.value(0).toLongLong()),
                    Dims{q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong(),
                         q.value(4).toLongLong(), q.value(5).toLongLong()}}] = f;
    }
    EXPECT_EQ(stored.size(), expected.size());
    for (const auto &[key, f] : expected) {
        const auto it = stored.find(key);
        ASSERT_NE(it, stored.end()) << key.first.toString(Qt::ISODate).toStdString();
        EXPECT_TRUE(same(it->second, f)) << key.first.toString(Qt::ISODate).toStdString();
    }
    qsizetype totalRows = 0;
    QSqlQuery t = db.exec(u"SELECT day, stars1, stars2, stars3, stars4, stars5, resolved, rated "
                          "FROM rating_day_totals"_s);
    while (t.next()) {
        const Figures f = read(t, 1, true);
        if (isZero(f))
            continue;
        ++totalRows;
        EXPECT_TRUE(same(f, totals[dateOf(t.value(0).toLongLong())]))
            << dateOf(t.value(0).toLongLong()).toString(Qt::ISODate).toStdString();
    }
    EXPECT_EQ(totalRows, qsizetype(totals.size()));
    QSqlQuery d = db.exec(u"SELECT day, dim, value, stars1, stars2, stars3, stars4, stars5 FROM "
                          "rating_day_dims"_s);
    qsizetype dimensionRows = 0;
    while (d.next()) {
        const Figures f = read(d, 3, false);
        if (isZero(f))
            continue;
        ++dimensionRows;
        EXPECT_TRUE(same(f, byDimension[{dateOf(d.value(0).toLongLong()), d.value(1).toInt(),
                                         d.value(2).toLongLong()}]));
    }
    qsizetype expectedDimensionRows = 0;
    for (const auto &[key, f] : byDimension)
        expectedDimensionRows += isZero(f) ? 0 : 1;
    EXPECT_EQ(dimensionRows, expectedDimensionRows);
}

} // namespace ratingstats
