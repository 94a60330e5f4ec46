#include "ratingstatsquery.h"

#include <QDateTime>
#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace server::sqlite {
namespace {

constexpr int MaxRangeDays = 3700;
constexpr int MaxFilterIds = 100;
constexpr int DefaultDays = 30;

QJsonObject problem(const QString &message, const QString &field)
{
    return {{u"error"_s, QJsonObject{{u"code"_s, u"invalid_parameter"_s},
                                     {u"message"_s, message},
                                     {u"field"_s, field}}}};
}

// A day "YYYY-MM-DD" (its first instant in the statistics' zone, like the buckets) or an
// ISO 8601 time (UTC unless it names an offset), from 1970 to 2100.
std::optional<qint64> parseTime(const QString &text, const LocalDays &days)
{
    static const QRegularExpression dayPattern(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    std::optional<qint64> out;
    if (dayPattern.match(text).hasMatch()) {
        const QDate day = QDate::fromString(text, Qt::ISODate);
        if (day.isValid())
            out = days.startOf(LocalDays::day(day));
    } else if (text.contains(u'T')) {
        QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (t.isValid()) {
            if (t.timeSpec() == Qt::LocalTime)
                t.setTimeZone(QTimeZone::utc());
            out = t.toMSecsSinceEpoch();
        }
    }
    // The days the statistics know (LocalDays).
    if (out && (*out < 0 || *out > LocalDays::LastInstant))
        return std::nullopt;
    return out;
}

} // namespace

const std::array<StatsDimension, 5> &statsDimensions()
{
    static const std::array<StatsDimension, 5> all{{
        {u"assignee"_s, u"assignee_id"_s, 1, u"staff"_s, u"staff"_s},
        {u"fleet"_s, u"fleet_id"_s, 2, u"fleets"_s, u"fleet"_s},
        {u"flow"_s, u"flow_id"_s, 3, u"flows"_s, u"flow"_s},
        {u"template"_s, u"template_id"_s, 4, u"templates"_s, u"template"_s},
        {u"customer"_s, u"customer_id"_s, 5, u"customers"_s, u"customer"_s},
    }};
    return all;
}

bool SqliteRatingStore::StatsQuery::filtered() const
{
    return std::any_of(filters.cbegin(), filters.cend(),
                       [](const QList<qint64> &ids) { return !ids.isEmpty(); });
}

QString SqliteRatingStore::StatsQuery::filterSql(const std::function<QString(int)> &column) const
{
    // The ids are parsed integers: written into the text, they need no binding.
    QString sql;
    for (int d = 0; d < int(filters.size()); ++d) {
        if (filters[d].isEmpty())
            continue;
        QStringList ids;
        for (qint64 id : filters[d])
            ids.append(QString::number(id));
        sql += u" AND "_s + column(d) + u" IN ("_s + ids.join(u',') + u')';
    }
    return sql;
}

std::variant<SqliteRatingStore::StatsQuery, QJsonObject>
parseStatsQuery(const QUrlQuery &urlQuery, const LocalDays &days, qint64 now)
{
    const auto &dimensions = statsDimensions();
    QStringList allowed{u"from"_s, u"to"_s, u"groupBy"_s, u"limit"_s, u"cursor"_s};
    for (const StatsDimension &d : dimensions)
        allowed.append(d.param);
    SqliteRatingStore::StatsQuery query;
    query.groupBy = u"day"_s;
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
    const QString formats = u" must be a day YYYY-MM-DD or an ISO 8601 time, 1970 to 2100."_s;
    // Default: the last 30 local days, today included.
    query.to = days.startOf(days.dayOf(now) + 1);
    if (params.contains(u"to"_s)) {
        const auto to = parseTime(params.value(u"to"_s), days);
        if (!to)
            return problem(u"to"_s + formats, u"to"_s);
        query.to = *to;
    }
    query.from = days.startOf(days.dayOf(query.to) - DefaultDays);
    if (params.contains(u"from"_s)) {
        const auto from = parseTime(params.value(u"from"_s), days);
        if (!from)
            return problem(u"from"_s + formats, u"from"_s);
        query.from = *from;
    }
    if (query.from >= query.to)
        return problem(u"from must be before to."_s, u"from"_s);
    if (query.to - query.from > MaxRangeDays * LocalDays::DayMsecs)
        return problem(u"The period may span at most %1 days."_s.arg(MaxRangeDays), u"from"_s);
    // The previous period: as many local days before, when the period is whole days
    // (a day across a clock change is 23 or 25 hours); else the same duration.
    if (days.isStartOfDay(query.from) && days.isStartOfDay(query.to)) {
        const qint64 first = days.dayOf(query.from);
        query.previousFrom = days.startOf(first - (days.dayOf(query.to) - first));
    } else {
        query.previousFrom = query.from - (query.to - query.from);
    }

    for (int d = 0; d < int(dimensions.size()); ++d) {
        const QString &name = dimensions[d].param;
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
            query.filters[d].append(id);
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
    return query;
}

} // namespace server::sqlite
