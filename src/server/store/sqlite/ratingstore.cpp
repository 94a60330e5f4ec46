#include "ratingstore.h"

#include "connection.h"
#include "core/timeutil.h"
#include "eventstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>
#include <QVariant>
#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace server::sqlite {

RatingOutcome SqliteRatingStore::addRating(qint64 ticketId, int stars, const QString &comment,
                                           const Caller &caller, qint64 now, core::Rating *created)
{
    Q_ASSERT(m_c.inTransaction());
    QSqlQuery &t = m_c.prepared(
        u"SELECT t.device_id, t.visibility, t.status, t.created_by_kind, t.created_by_id, "
        "t.assignee_id, t.fleet_id, t.flow_id, t.customer_id, d.template_id, "
        "EXISTS (SELECT 1 FROM ratings r WHERE r.ticket_id = t.id) "
        "FROM tickets t JOIN devices d ON d.id = t.device_id WHERE t.id = ?"_s);
    t.addBindValue(ticketId);
    if (!Connection::run(t) || !t.next())
        return RatingOutcome::NotFound;
    if (!caller.isStaff() && (t.value(0).toLongLong() != caller.deviceId ||
                              t.value(1).toInt() != int(core::Visibility::Public)))
        return RatingOutcome::NotFound;
    if (caller.isStaff() || t.value(3).toString() != u"code_user" ||
        t.value(4).toLongLong() != caller.id)
        return RatingOutcome::NotCreator;
    if (t.value(10).toBool())
        return RatingOutcome::AlreadyRated;
    const auto status = core::Status(t.value(2).toInt());
    if (status != core::Status::Resolved && status != core::Status::Closed)
        return RatingOutcome::NotResolved;

    core::Rating rating;
    rating.stars = stars;
    rating.comment = comment;
    rating.createdAt = now;
    if (!t.value(5).isNull())
        rating.assigneeId = t.value(5).toLongLong();
    const QVariant fleet = t.value(6), flow = t.value(7), customer = t.value(8), templ = t.value(9);
    t.finish();

    // Credited: whoever holds the ticket now, not whoever holds it later.
    QSqlQuery &q =
        m_c.prepared(u"INSERT INTO ratings (ticket_id, stars, comment, code_user_id, "
                     "assignee_id, fleet_id, flow_id, template_id, customer_id, "
                     "created_at) VALUES (?, ?, COALESCE(?, ''), ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(ticketId);
    q.addBindValue(stars);
    q.addBindValue(comment);
    q.addBindValue(caller.id);
    q.addBindValue(rating.assigneeId ? QVariant(*rating.assigneeId) : QVariant());
    q.addBindValue(fleet);
    q.addBindValue(flow);
    q.addBindValue(templ);
    q.addBindValue(customer);
    q.addBindValue(now);
    // A failed statement (logged) rolls the transaction back like a refusal; the outcomes
    // have no "failed" of their own.
    if (!Connection::run(q))
        return RatingOutcome::NotFound;
    // A rating is activity on the ticket, not an edit of its fields: the version stays.
    QSqlQuery &u = m_c.prepared(
        u"UPDATE tickets SET rating_stars = ?, updated_at = MAX(updated_at, ?) WHERE id = ?"_s);
    u.addBindValue(stars);
    u.addBindValue(now);
    u.addBindValue(ticketId);
    if (!Connection::run(u))
        return RatingOutcome::NotFound;
    QJsonObject data = rating.toJson(false);
    data.insert(u"ticketId"_s, ticketId);
    SqliteEventStore(m_c).append(u"rating.created"_s, ticketId, data, now);
    if (created)
        *created = rating;
    return RatingOutcome::Ok;
}

// ---- statistics ------------------------------------------------------------------------

namespace {

constexpr qint64 DayMsecs = 24 * 3600 * 1000LL;
constexpr int MaxRangeDays = 3700;
constexpr int MaxFilterIds = 100;
const QStringList FilterNames{u"fleet"_s, u"flow"_s, u"assignee"_s, u"template"_s, u"customer"_s};

QTimeZone berlin()
{
    static const QTimeZone zone("Europe/Berlin");
    return zone.isValid() ? zone : QTimeZone::utc();
}

qint64 startOfDay(QDate day)
{
    return QDateTime(day, QTime(0, 0), berlin()).toMSecsSinceEpoch();
}

QJsonObject problem(const QString &message, const QString &field)
{
    return {{u"error"_s, QJsonObject{{u"code"_s, u"invalid_parameter"_s},
                                     {u"message"_s, message},
                                     {u"field"_s, field}}}};
}

// A day "YYYY-MM-DD" (midnight in Berlin, like the buckets) or an ISO 8601 time (UTC
// unless it names an offset).
std::optional<qint64> parseTime(const QString &text)
{
    static const QRegularExpression dayPattern(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    if (dayPattern.match(text).hasMatch()) {
        const QDate day = QDate::fromString(text, Qt::ISODate);
        return day.isValid() ? std::optional<qint64>(startOfDay(day)) : std::nullopt;
    }
    if (!text.contains(u'T'))
        return std::nullopt;
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeZone(QTimeZone::utc());
    return t.toMSecsSinceEpoch();
}

QDate bucketOf(QDate day, const QString &groupBy)
{
    if (groupBy == u"week")
        return day.addDays(1 - day.dayOfWeek());
    if (groupBy == u"month")
        return QDate(day.year(), day.month(), 1);
    return day;
}

QDate nextBucket(QDate bucket, const QString &groupBy)
{
    if (groupBy == u"week")
        return bucket.addDays(7);
    if (groupBy == u"month")
        return bucket.addMonths(1);
    return bucket.addDays(1);
}

} // namespace

struct SqliteRatingStore::StatsQuery {
    qint64 from = 0;
    qint64 to = 0;
    QString groupBy = u"day"_s;
    QHash<QString, QList<qint64>> filters; // parameter name -> ids
    int limit = 50;
    std::optional<std::pair<qint64, qint64>> cursor; // low ratings after (createdAt, id)
};

struct SqliteRatingStore::RatingRow {
    qint64 id = 0;
    qint64 ticketId = 0;
    int stars = 0;
    QString comment;
    qint64 createdAt = 0;
    QHash<QString, QVariant> dims; // filter name -> id or null
    QString number;
    QString title;
};

namespace {

// The SQL condition of the filters: `columns` maps a filter name to its column.
QString filterSql(const QHash<QString, QList<qint64>> &filters,
                  const QHash<QString, QString> &columns, QVariantList *binds)
{
    QString sql;
    for (const QString &name : FilterNames) {
        const QList<qint64> ids = filters.value(name);
        if (ids.isEmpty())
            continue;
        QStringList marks;
        for (qint64 id : ids) {
            marks.append(u"?"_s);
            binds->append(id);
        }
        sql += u" AND "_s + columns.value(name) + u" IN ("_s + marks.join(u',') + u')';
    }
    return sql;
}

// count, average, distribution and satisfied share (4 or 5 stars) of some ratings.
template <typename Rows> QJsonObject figures(const Rows &rows)
{
    std::array<qint64, 5> distribution{};
    qint64 sum = 0;
    for (const auto *r : rows) {
        ++distribution[r->stars - 1];
        sum += r->stars;
    }
    const qint64 count = rows.size();
    QJsonArray dist;
    for (qint64 n : distribution)
        dist.append(n);
    auto share = [count](qint64 n) {
        return count ? QJsonValue(double(n) / double(count)) : QJsonValue();
    };
    return {{u"count"_s, count},
            {u"average"_s, count ? QJsonValue(double(sum) / double(count)) : QJsonValue()},
            {u"distribution"_s, dist},
            {u"satisfiedShare"_s, share(distribution[3] + distribution[4])}};
}

} // namespace

QList<SqliteRatingStore::RatingRow> SqliteRatingStore::ratingRows(const StatsQuery &query,
                                                                  qint64 from, qint64 to)
{
    static const QHash<QString, QString> columns{{u"fleet"_s, u"r.fleet_id"_s},
                                                 {u"flow"_s, u"r.flow_id"_s},
                                                 {u"assignee"_s, u"r.assignee_id"_s},
                                                 {u"template"_s, u"r.template_id"_s},
                                                 {u"customer"_s, u"r.customer_id"_s}};
    QVariantList binds{from, to};
    const QString sql =
        u"SELECT r.id, r.ticket_id, r.stars, r.comment, r.created_at, r.fleet_id, r.flow_id, "
        "r.assignee_id, r.template_id, r.customer_id, t.number, t.title FROM ratings r "
        "JOIN tickets t ON t.id = r.ticket_id WHERE r.created_at >= ? AND r.created_at < ?"_s +
        filterSql(query.filters, columns, &binds);
    QSqlQuery q(m_c.database());
    q.setForwardOnly(true);
    QList<RatingRow> rows;
    if (!q.prepare(sql))
        return rows;
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    if (!Connection::run(q))
        return rows;
    while (q.next()) {
        RatingRow r;
        r.id = q.value(0).toLongLong();
        r.ticketId = q.value(1).toLongLong();
        r.stars = std::clamp(q.value(2).toInt(), 1, 5);
        r.comment = q.value(3).toString();
        r.createdAt = q.value(4).toLongLong();
        for (int i = 0; i < FilterNames.size(); ++i)
            r.dims.insert(FilterNames[i], q.value(5 + i));
        r.number = q.value(10).toString();
        r.title = q.value(11).toString();
        rows.append(r);
    }
    return rows;
}

std::pair<qint64, qint64> SqliteRatingStore::resolvedTickets(const StatsQuery &query, qint64 from,
                                                             qint64 to)
{
    // Rated tickets are filtered by what the rating recorded, the others by the ticket now.
    static const QHash<QString, QString> columns{
        {u"fleet"_s, u"COALESCE(r.fleet_id, t.fleet_id)"_s},
        {u"flow"_s, u"COALESCE(r.flow_id, t.flow_id)"_s},
        {u"assignee"_s, u"CASE WHEN r.id IS NULL THEN t.assignee_id ELSE r.assignee_id END"_s},
        {u"template"_s, u"COALESCE(r.template_id, d.template_id)"_s},
        {u"customer"_s, u"CASE WHEN r.id IS NULL THEN t.customer_id ELSE r.customer_id END"_s}};
    QVariantList binds{from, to};
    const QString sql =
        u"SELECT COUNT(*), COUNT(r.id) FROM tickets t JOIN devices d ON d.id = t.device_id "
        "LEFT JOIN ratings r ON r.ticket_id = t.id WHERE t.created_by_kind = 'code_user' "
        "AND t.visibility = 0 AND t.status IN (3, 4) AND t.resolved_at >= ? "
        "AND t.resolved_at < ?"_s +
        filterSql(query.filters, columns, &binds);
    QSqlQuery q(m_c.database());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return {0, 0};
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    if (!Connection::run(q) || !q.next())
        return {0, 0};
    return {q.value(0).toLongLong(), q.value(1).toLongLong()};
}

QHash<qint64, QString> SqliteRatingStore::names(const QString &table)
{
    QHash<qint64, QString> out;
    QSqlQuery &q = m_c.prepared(u"SELECT id, name FROM "_s + table);
    if (!Connection::run(q))
        return out;
    while (q.next())
        out.insert(q.value(0).toLongLong(), q.value(1).toString());
    return out;
}

QJsonObject SqliteRatingStore::ratingStats(const QUrlQuery &urlQuery)
{
    static const QStringList allowed =
        QStringList{u"from"_s, u"to"_s, u"groupBy"_s, u"limit"_s, u"cursor"_s} + FilterNames;
    StatsQuery query;
    QHash<QString, QString> params;
    for (const auto &[name, value] : urlQuery.queryItems(QUrl::FullyDecoded)) {
        if (!allowed.contains(name))
            return problem(u"Unknown parameter."_s, name);
        if (params.contains(name))
            return problem(u"This parameter may appear once."_s, name);
        params.insert(name, value);
    }
    if (params.contains(u"groupBy"_s)) {
        query.groupBy = params.value(u"groupBy"_s);
        if (query.groupBy != u"day" && query.groupBy != u"week" && query.groupBy != u"month")
            return problem(u"groupBy must be day, week or month."_s, u"groupBy"_s);
    }
    // Default: the last 30 days in Berlin, today included.
    const QDate today = QDateTime::currentDateTime().toTimeZone(berlin()).date();
    query.to = startOfDay(today.addDays(1));
    if (params.contains(u"to"_s)) {
        const auto to = parseTime(params.value(u"to"_s));
        if (!to)
            return problem(u"to must be a day YYYY-MM-DD or an ISO 8601 time."_s, u"to"_s);
        query.to = *to;
    }
    query.from = startOfDay(QDateTime::fromMSecsSinceEpoch(query.to, berlin()).date().addDays(-30));
    if (params.contains(u"from"_s)) {
        const auto from = parseTime(params.value(u"from"_s));
        if (!from)
            return problem(u"from must be a day YYYY-MM-DD or an ISO 8601 time."_s, u"from"_s);
        query.from = *from;
    }
    if (query.from >= query.to)
        return problem(u"from must be before to."_s, u"from"_s);
    if (query.to - query.from > MaxRangeDays * DayMsecs)
        return problem(u"The period may span at most %1 days."_s.arg(MaxRangeDays), u"from"_s);
    for (const QString &name : FilterNames) {
        if (!params.contains(name))
            continue;
        const QStringList parts = params.value(name).split(u',');
        if (parts.size() > MaxFilterIds)
            return problem(u"Too many ids."_s, name);
        for (const QString &part : parts) {
            bool ok = false;
            const qint64 id = part.toLongLong(&ok);
            if (!ok || id < 1 || part != QString::number(id))
                return problem(u"Give positive ids, comma-separated."_s, name);
            query.filters[name].append(id);
        }
    }
    if (params.contains(u"limit"_s)) {
        bool ok = false;
        query.limit = params.value(u"limit"_s).toInt(&ok);
        if (!ok || query.limit < 1 || query.limit > 200)
            return problem(u"limit must be a number from 1 to 200."_s, u"limit"_s);
    }
    if (params.contains(u"cursor"_s)) {
        const QStringList parts = params.value(u"cursor"_s).split(u'.');
        bool ok1 = false, ok2 = false;
        const qint64 at = parts.value(0).toLongLong(&ok1), id = parts.value(1).toLongLong(&ok2);
        if (parts.size() != 2 || !ok1 || !ok2)
            return problem(u"This cursor is not one of ours."_s, u"cursor"_s);
        query.cursor = std::pair{at, id};
    }

    const QList<RatingRow> rows = ratingRows(query, query.from, query.to);
    const qint64 length = query.to - query.from;
    const QList<RatingRow> before = ratingRows(query, query.from - length, query.from);
    auto summaryOf = [&](const QList<RatingRow> &list, qint64 from, qint64 to) {
        QList<const RatingRow *> all;
        for (const RatingRow &r : list)
            all.append(&r);
        QJsonObject o = figures(all);
        const auto [resolved, rated] = resolvedTickets(query, from, to);
        o.insert(u"resolvedCount"_s, resolved);
        o.insert(u"responseRate"_s,
                 resolved ? QJsonValue(double(rated) / double(resolved)) : QJsonValue());
        return o;
    };
    QJsonObject summary = summaryOf(rows, query.from, query.to);
    summary.insert(u"previous"_s, summaryOf(before, query.from - length, query.from));

    // Series: every bucket of the period, empty ones included, in Berlin time.
    std::map<QDate, QList<const RatingRow *>> byBucket;
    const QDate first =
        bucketOf(QDateTime::fromMSecsSinceEpoch(query.from, berlin()).date(), query.groupBy);
    for (QDate b = first; startOfDay(b) < query.to; b = nextBucket(b, query.groupBy))
        byBucket[b];
    for (const RatingRow &r : rows)
        byBucket[bucketOf(QDateTime::fromMSecsSinceEpoch(r.createdAt, berlin()).date(),
                          query.groupBy)]
            .append(&r);
    QJsonArray series;
    for (const auto &[bucket, list] : byBucket) {
        const QJsonObject f = figures(list);
        const QString label = bucket.toString(Qt::ISODate);
        series.append(QJsonObject{{u"bucket"_s, label},
                                  {u"period"_s, label},
                                  {u"count"_s, f.value(u"count"_s)},
                                  {u"average"_s, f.value(u"average"_s)}});
    }

    // Breakdown by the dimensions the rating recorded; null ids (unassigned, no
    // customer) form their own group.
    static const QHash<QString, QString> tables{{u"fleet"_s, u"fleets"_s},
                                                {u"flow"_s, u"flows"_s},
                                                {u"assignee"_s, u"staff"_s},
                                                {u"template"_s, u"templates"_s},
                                                {u"customer"_s, u"customers"_s}};
    QJsonObject breakdown;
    for (const QString &dim : FilterNames) {
        const QHash<qint64, QString> nameOf = names(tables.value(dim));
        std::map<qint64, QList<const RatingRow *>> groups; // 0: none
        for (const RatingRow &r : rows)
            groups[r.dims.value(dim).isNull() ? 0 : r.dims.value(dim).toLongLong()].append(&r);
        QList<QJsonObject> entries;
        for (const auto &[id, list] : groups) {
            QJsonObject e = figures(list);
            e.remove(u"distribution"_s);
            e.insert(u"id"_s, id ? QJsonValue(id) : QJsonValue());
            e.insert(u"name"_s, id ? QJsonValue(nameOf.value(id)) : QJsonValue());
            entries.append(e);
        }
        std::stable_sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) {
            return a.value(u"count"_s).toInteger() > b.value(u"count"_s).toInteger();
        });
        QJsonArray a;
        for (const QJsonObject &e : std::as_const(entries))
            a.append(e);
        breakdown.insert(dim == u"assignee" ? u"staff"_s : dim, a);
    }

    // Low ratings (1 or 2 stars), newest first, paged by (createdAt, id).
    QList<const RatingRow *> low;
    for (const RatingRow &r : rows) {
        if (r.stars <= 2 && (!query.cursor || std::pair{r.createdAt, r.id} < *query.cursor))
            low.append(&r);
    }
    std::sort(low.begin(), low.end(), [](const RatingRow *a, const RatingRow *b) {
        return std::pair{a->createdAt, a->id} > std::pair{b->createdAt, b->id};
    });
    QJsonArray lowItems;
    for (qsizetype i = 0; i < low.size() && i < query.limit; ++i) {
        const RatingRow &r = *low[i];
        lowItems.append(QJsonObject{
            {u"ticketId"_s, r.ticketId},
            {u"number"_s, r.number},
            {u"title"_s, r.title},
            {u"stars"_s, r.stars},
            {u"comment"_s, r.comment},
            {u"assigneeId"_s, r.dims.value(u"assignee"_s).isNull()
                                  ? QJsonValue()
                                  : QJsonValue(r.dims.value(u"assignee"_s).toLongLong())},
            {u"createdAt"_s, core::toIsoUtc(r.createdAt)}});
    }
    QJsonValue next;
    if (low.size() > query.limit) {
        const RatingRow &last = *low[query.limit - 1];
        next = QString(QString::number(last.createdAt) + u'.' + QString::number(last.id));
    }

    return {{u"period"_s, QJsonObject{{u"from"_s, core::toIsoUtc(query.from)},
                                      {u"to"_s, core::toIsoUtc(query.to)},
                                      {u"groupBy"_s, query.groupBy},
                                      {u"timeZone"_s, u"Europe/Berlin"_s}}},
            {u"summary"_s, summary},
            {u"series"_s, series},
            {u"breakdown"_s, breakdown},
            {u"lowRatings"_s, QJsonObject{{u"items"_s, lowItems}, {u"nextCursor"_s, next}}}};
}

} // namespace server::sqlite
