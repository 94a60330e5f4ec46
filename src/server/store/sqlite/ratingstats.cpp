// GET /stats/ratings: the whole local days of a period come from the pre-aggregated
// tables (statsschema.h), the partial days at its ends from the raw rows, so that any
// period costs about as much as its number of days, not its number of ratings.
#include "connection.h"
#include "core/timeutil.h"
#include "intimestats.h"
#include "ratingstatsquery.h"
#include "ratingstore.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace server::sqlite {

using Tally = SqliteRatingStore::Tally;
using PeriodTally = SqliteRatingStore::PeriodTally;

qint64 SqliteRatingStore::Tally::count() const
{
    qint64 n = 0;
    for (qint64 s : stars)
        n += s;
    return n;
}

qint64 SqliteRatingStore::Tally::sum() const
{
    qint64 n = 0;
    for (int s = 0; s < 5; ++s)
        n += stars[s] * (s + 1);
    return n;
}

void SqliteRatingStore::Tally::add(const Tally &other)
{
    for (int s = 0; s < 5; ++s)
        stars[s] += other.stars[s];
    resolved += other.resolved;
    rated += other.rated;
    firstReplies += other.firstReplies;
    firstRepliesInTime += other.firstRepliesInTime;
    resolvedWithTarget += other.resolvedWithTarget;
    resolvedInTime += other.resolvedInTime;
}

namespace {

const QString StarSums = u"SUM(stars1), SUM(stars2), SUM(stars3), SUM(stars4), SUM(stars5)"_s;
const QString Rateable = u"t.created_by_kind = 'code_user' AND t.visibility = 0"_s;

// Five star counts from column `first` on, then resolved and rated when `withResolved`.
Tally readTally(const QSqlQuery &q, int first, bool withResolved)
{
    Tally t;
    for (int s = 0; s < 5; ++s)
        t.stars[s] = q.value(first + s).toLongLong();
    if (withResolved) {
        t.resolved = q.value(first + 5).toLongLong();
        t.rated = q.value(first + 6).toLongLong();
    }
    return t;
}

// A fresh statement: the filters make the text vary, and the cache of prepared
// statements is for fixed texts.
bool run(QSqlQuery &q, const QString &sql, const QVariantList &binds)
{
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return Connection::run(q); // logs the error
    for (const QVariant &v : binds)
        q.addBindValue(v);
    return Connection::run(q);
}

QJsonValue ratio(qint64 part, qint64 whole)
{
    return whole ? QJsonValue(double(part) / double(whole)) : QJsonValue();
}

QJsonObject figures(const Tally &t)
{
    return {{u"count"_s, t.count()},
            {u"average"_s, ratio(t.sum(), t.count())},
            {u"satisfiedShare"_s, ratio(t.stars[3] + t.stars[4], t.count())},
            {u"firstReplyCount"_s, t.firstReplies},
            {u"firstReplyInTimeShare"_s, ratio(t.firstRepliesInTime, t.firstReplies)},
            {u"resolvedWithTargetCount"_s, t.resolvedWithTarget},
            {u"resolvedInTimeShare"_s, ratio(t.resolvedInTime, t.resolvedWithTarget)}};
}

QJsonObject summaryOf(const Tally &t)
{
    QJsonObject o = figures(t);
    QJsonArray distribution;
    for (qint64 n : t.stars)
        distribution.append(n);
    o.insert(u"distribution"_s, distribution);
    o.insert(u"resolvedCount"_s, t.resolved);
    o.insert(u"responseRate"_s, ratio(t.rated, t.resolved));
    return o;
}

// Buckets are named by their first local day; weeks start on Monday.
using GroupBy = core::RatingStatsQuery::GroupBy;

qint64 bucketOf(qint64 day, GroupBy groupBy)
{
    const QDate date = LocalDays::date(day);
    switch (groupBy) {
    case GroupBy::Week:
        return day - (date.dayOfWeek() - 1);
    case GroupBy::Month:
        return LocalDays::day(QDate(date.year(), date.month(), 1));
    case GroupBy::Day:
        break;
    }
    return day;
}

qint64 nextBucket(qint64 bucket, GroupBy groupBy)
{
    switch (groupBy) {
    case GroupBy::Week:
        return bucket + 7;
    case GroupBy::Month:
        return LocalDays::day(LocalDays::date(bucket).addMonths(1));
    case GroupBy::Day:
        break;
    }
    return bucket + 1;
}

} // namespace

PeriodTally SqliteRatingStore::tally(const StatsQuery &query, qint64 from, qint64 to, bool detailed)
{
    PeriodTally out;
    const qint64 firstDay = m_days.dayOf(from) + (m_days.isStartOfDay(from) ? 0 : 1);
    const qint64 endDay = m_days.dayOf(to);
    if (firstDay < endDay) {
        tallyDays(query, firstDay, endDay, detailed, &out);
        tallyRaw(query, from, m_days.startOf(firstDay), detailed, &out);
        tallyRaw(query, m_days.startOf(endDay), to, detailed, &out);
    } else {
        tallyRaw(query, from, to, detailed, &out);
    }
    tallyInTime(m_c, query, from, to, detailed, &out);
    return out;
}

void SqliteRatingStore::tallyDays(const StatsQuery &query, qint64 firstDay, qint64 endDay,
                                  bool detailed, PeriodTally *out)
{
    const QVariantList range{firstDay, endDay};
    const QString where = u" WHERE day >= ? AND day < ?"_s;
    const QString filter =
        query.filterSql([](int d) { return statsDimensions()[size_t(d)].column; });
    // Without filters the roll-ups answer: a row per day, and per day and dimension value.
    const QString source = filter.isEmpty() ? u"rating_day_totals"_s : u"rating_days"_s;
    const QString sums = StarSums + u", SUM(resolved), SUM(rated)"_s;
    QSqlQuery q(m_c.database());
    if (!detailed) {
        if (run(q, u"SELECT "_s + sums + u" FROM "_s + source + where + filter, range) && q.next())
            out->total.add(readTally(q, 0, true));
        return;
    }
    if (run(q,
            u"SELECT day, "_s + sums + u" FROM "_s + source + where + filter + u" GROUP BY day"_s,
            range)) {
        while (q.next()) {
            const Tally t = readTally(q, 1, true);
            out->byDay[q.value(0).toLongLong()].add(t);
            out->total.add(t);
        }
    }
    QSqlQuery b(m_c.database());
    if (filter.isEmpty()) {
        if (!run(b,
                 u"SELECT dim, value, "_s + StarSums +
                     u" FROM rating_day_dims WHERE day >= ? AND day < ? GROUP BY dim, value"_s,
                 range))
            return;
        while (b.next()) {
            const int d = b.value(0).toInt() - 1;
            if (d >= 0 && d < int(out->byDimension.size()))
                out->byDimension[size_t(d)][b.value(1).toLongLong()].add(readTally(b, 2, false));
        }
        return;
    }
    // Filtered: fold the combinations that pass into each dimension.
    if (!run(b,
             u"SELECT assignee_id, fleet_id, flow_id, template_id, customer_id, "_s + StarSums +
                 u" FROM rating_days"_s + where + filter + u" GROUP BY 1, 2, 3, 4, 5"_s,
             range))
        return;
    while (b.next()) {
        const Tally t = readTally(b, 5, false);
        if (t.count() == 0)
            continue;
        for (size_t d = 0; d < out->byDimension.size(); ++d)
            out->byDimension[d][b.value(int(d)).toLongLong()].add(t);
    }
}

void SqliteRatingStore::tallyRaw(const StatsQuery &query, qint64 from, qint64 to, bool detailed,
                                 PeriodTally *out)
{
    if (from >= to)
        return;
    const auto &dimensions = statsDimensions();
    const QVariantList range{from, to};
    QString columns;
    for (const StatsDimension &d : dimensions)
        columns += u", COALESCE("_s + d.column + u", 0)"_s;
    QSqlQuery q(m_c.database());
    if (run(q,
            u"SELECT created_at, stars"_s + columns +
                u" FROM ratings WHERE created_at >= ? AND created_at < ?"_s +
                query.filterSql([&](int d) -> QString {
                    return u"COALESCE("_s + dimensions[size_t(d)].column + u", 0)"_s;
                }),
            range)) {
        while (q.next()) {
            Tally t;
            ++t.stars[size_t(std::clamp(q.value(1).toInt(), 1, 5) - 1)];
            out->total.add(t);
            if (!detailed)
                continue;
            out->byDay[m_days.dayOf(q.value(0).toLongLong())].add(t);
            for (size_t d = 0; d < dimensions.size(); ++d)
                out->byDimension[d][q.value(2 + int(d)).toLongLong()].add(t);
        }
    }
    // Resolved tickets: a rated one under what its rating recorded, as in rating_days.
    auto effective = [&](int d) -> QString {
        const QString &c = dimensions[size_t(d)].column;
        const QString own =
            c == u"template_id"
                ? u"COALESCE((SELECT template_id FROM devices WHERE id = t.device_id), 0)"_s
                : u"COALESCE(t."_s + c + u", 0)"_s;
        return u"(CASE WHEN r.id IS NULL THEN "_s + own + u" ELSE COALESCE(r."_s + c +
               u", 0) END)"_s;
    };
    QSqlQuery r(m_c.database());
    if (run(r,
            u"SELECT COUNT(*), COUNT(r.id) FROM tickets t LEFT JOIN ratings r ON "
            "r.ticket_id = t.id WHERE t.resolved_at >= ? AND t.resolved_at < ? AND "_s +
                Rateable + query.filterSql(effective),
            range) &&
        r.next()) {
        out->total.resolved += r.value(0).toLongLong();
        out->total.rated += r.value(1).toLongLong();
    }
}

QJsonObject SqliteRatingStore::lowRatings(const StatsQuery &query,
                                          QHash<qint64, QString> *staffNames)
{
    const auto &dimensions = statsDimensions();
    QVariantList binds{query.from, query.to};
    QString sql = u"SELECT r.id, r.ticket_id, r.stars, r.comment, r.created_at, r.assignee_id, "
                  "t.number, t.title FROM ratings r JOIN tickets t ON t.id = r.ticket_id "
                  "WHERE r.stars <= 2 AND r.created_at >= ? AND r.created_at < ?"_s;
    if (query.cursor) {
        // The plain bound lets the index walk start at the cursor.
        sql += u" AND r.created_at <= ? AND (r.created_at, r.id) < (?, ?)"_s;
        binds << query.cursor->first << query.cursor->first << query.cursor->second;
    }
    sql += query.filterSql([&](int d) -> QString {
        return u"COALESCE(r."_s + dimensions[size_t(d)].column + u", 0)"_s;
    });
    sql += u" ORDER BY r.created_at DESC, r.id DESC LIMIT ?"_s;
    binds << query.limit + 1;
    struct Row {
        qint64 id, ticketId, createdAt, assigneeId;
        int stars;
        QString comment, number, title;
    };
    QList<Row> rows;
    QSqlQuery q(m_c.database());
    if (run(q, sql, binds)) {
        while (q.next())
            rows.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(4).toLongLong(),
                         q.value(5).toLongLong(), q.value(2).toInt(), q.value(3).toString(),
                         q.value(6).toString(), q.value(7).toString()});
    }
    QList<qint64> assignees;
    for (const Row &r : std::as_const(rows)) {
        if (r.assigneeId > 0 && !staffNames->contains(r.assigneeId))
            assignees.append(r.assigneeId);
    }
    staffNames->insert(names(u"staff"_s, assignees));
    QJsonArray items;
    for (qsizetype i = 0; i < rows.size() && i < query.limit; ++i) {
        const Row &r = rows[i];
        QJsonValue assignee;
        if (r.assigneeId > 0)
            assignee = QJsonObject{{u"type"_s, u"staff"_s},
                                   {u"id"_s, r.assigneeId},
                                   {u"name"_s, staffNames->value(r.assigneeId)}};
        items.append(QJsonObject{
            {u"ratingId"_s, r.id},
            {u"ticketId"_s, r.ticketId},
            {u"number"_s, r.number},
            {u"title"_s, r.title},
            {u"stars"_s, r.stars},
            {u"comment"_s, r.comment},
            {u"assigneeId"_s, r.assigneeId > 0 ? QJsonValue(r.assigneeId) : QJsonValue()},
            {u"assignee"_s, assignee},
            {u"createdAt"_s, core::toIsoUtc(r.createdAt)}});
    }
    QJsonValue next;
    if (rows.size() > query.limit) {
        const Row &last = rows[query.limit - 1];
        next = QString(QString::number(last.createdAt) + u'.' + QString::number(last.id));
    }
    return {{u"items"_s, items}, {u"nextCursor"_s, next}};
}

QHash<qint64, QString> SqliteRatingStore::names(const QString &table, const QList<qint64> &ids)
{
    QHash<qint64, QString> out;
    if (ids.isEmpty())
        return out;
    QStringList list;
    for (qint64 id : ids)
        list.append(QString::number(id));
    QSqlQuery q(m_c.database());
    if (!run(q, u"SELECT id, name FROM "_s + table + u" WHERE id IN ("_s + list.join(u',') + u')',
             {}))
        return out;
    while (q.next())
        out.insert(q.value(0).toLongLong(), q.value(1).toString());
    return out;
}

std::variant<QJsonObject, core::ApiProblem>
SqliteRatingStore::ratingStats(const core::RatingStatsQuery &parsed, qint64 now)
{
    const auto period = parsed.period(m_days, now);
    if (const auto *refusal = std::get_if<core::ApiProblem>(&period))
        return *refusal;
    const StatsQuery query(parsed, std::get<core::RatingStatsPeriod>(period));
    const ReadSnapshot snapshot(m_c); // the summary, series, breakdowns and list agree

    const PeriodTally current = tally(query, query.from, query.to, true);
    const PeriodTally previous = tally(query, query.previousFrom, query.from, false);
    QJsonObject summary = summaryOf(current.total);
    summary.insert(u"previous"_s, summaryOf(previous.total));

    // Every bucket of the period, empty ones included, in the statistics' zone.
    std::map<qint64, Tally> buckets;
    const qint64 last = bucketOf(m_days.dayOf(query.to - 1), query.groupBy);
    for (qint64 b = bucketOf(m_days.dayOf(query.from), query.groupBy); b <= last;
         b = nextBucket(b, query.groupBy))
        buckets[b];
    for (const auto &[day, t] : current.byDay)
        buckets[bucketOf(day, query.groupBy)].add(t);
    QJsonArray series;
    for (const auto &[bucket, t] : buckets) {
        const QString date = LocalDays::date(bucket).toString(Qt::ISODate);
        QJsonObject point = figures(t);
        point.insert(u"bucket"_s, date);
        point.insert(u"period"_s, date);
        point.insert(u"start"_s, m_days.localIso(m_days.startOf(bucket)));
        series.append(point);
    }

    // Breakdowns: most ratings first; 0 (no assignee, no customer) is a group of its own.
    const auto &dimensions = statsDimensions();
    QJsonObject breakdown;
    QHash<qint64, QString> staffNames;
    for (size_t d = 0; d < dimensions.size(); ++d) {
        QList<std::pair<qint64, Tally>> groups;
        QList<qint64> ids;
        for (const auto &[id, t] : current.byDimension[d]) {
            if (t.isEmpty())
                continue;
            groups.append({id, t});
            if (id > 0)
                ids.append(id);
        }
        // Ties: named before "none", then by id.
        std::sort(groups.begin(), groups.end(), [](const auto &a, const auto &b) {
            return std::tuple{-a.second.count(), a.first == 0, a.first} <
                   std::tuple{-b.second.count(), b.first == 0, b.first};
        });
        const QHash<qint64, QString> nameOf = names(dimensions[d].table, ids);
        if (dimensions[d].table == u"staff")
            staffNames = nameOf;
        QJsonArray entries;
        for (const auto &[id, t] : std::as_const(groups)) {
            QJsonObject e = figures(t);
            e.insert(u"id"_s, id > 0 ? QJsonValue(id) : QJsonValue());
            e.insert(u"name"_s, id > 0 ? QJsonValue(nameOf.value(id)) : QJsonValue());
            entries.append(e);
        }
        breakdown.insert(dimensions[d].breakdown, entries);
    }

    return QJsonObject{
        {u"period"_s, QJsonObject{{u"from"_s, core::toIsoUtc(query.from)},
                                  {u"to"_s, core::toIsoUtc(query.to)},
                                  {u"previousFrom"_s, core::toIsoUtc(query.previousFrom)},
                                  {u"previousTo"_s, core::toIsoUtc(query.from)},
                                  {u"groupBy"_s, core::RatingStatsQuery::toString(query.groupBy)},
                                  {u"timeZone"_s, m_days.zoneId()}}},
        {u"summary"_s, summary},
        {u"series"_s, series},
        {u"breakdown"_s, breakdown},
        {u"lowRatings"_s, lowRatings(query, &staffNames)}};
}

} // namespace server::sqlite
