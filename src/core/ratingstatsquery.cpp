#include "ratingstatsquery.h"

#include <QDateTime>
#include <QHash>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace core {
namespace {

ApiProblem problem(const QString &message, const QString &field)
{
    return ApiProblem{400, u"invalid_parameter"_s, message, field};
}

QString badBound(const QString &name)
{
    return name + u" must be a day YYYY-MM-DD or an ISO 8601 time, 1970 to 2100."_s;
}

// A day "YYYY-MM-DD" or an ISO 8601 time (UTC unless it names an offset). Instants from
// 1970 to 2100; days the same, give or take the zone, which period() settles.
std::optional<RatingStatsQuery::Bound> parseBound(const QString &text)
{
    static const QRegularExpression dayPattern(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    if (dayPattern.match(text).hasMatch()) {
        const QDate day = QDate::fromString(text, Qt::ISODate);
        if (!day.isValid() || day < QDate(1970, 1, 1) || day > QDate(2100, 1, 1))
            return std::nullopt;
        return day;
    }
    if (!text.contains(u'T'))
        return std::nullopt;
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeZone(QTimeZone::utc());
    const qint64 at = t.toMSecsSinceEpoch();
    if (at < 0 || at > DayCalendar::LastInstant)
        return std::nullopt;
    return at;
}

// A day's first instant in `days`' zone, or an instant as it is; nullopt outside the
// instants the statistics know (1970-01-01 begins before the epoch east of UTC).
std::optional<qint64> instantOf(const RatingStatsQuery::Bound &bound, const DayCalendar &days)
{
    const qint64 at = std::holds_alternative<QDate>(bound)
                          ? days.startOf(DayCalendar::day(std::get<QDate>(bound)))
                          : std::get<qint64>(bound);
    if (at < 0 || at > DayCalendar::LastInstant)
        return std::nullopt;
    return at;
}

} // namespace

QString RatingStatsQuery::parameterName(Dimension d)
{
    switch (d) {
    case Dimension::Assignee:
        return u"assignee"_s;
    case Dimension::Fleet:
        return u"fleet"_s;
    case Dimension::Flow:
        return u"flow"_s;
    case Dimension::Template:
        return u"template"_s;
    case Dimension::Customer:
        return u"customer"_s;
    }
    return {};
}

QString RatingStatsQuery::toString(GroupBy g)
{
    switch (g) {
    case GroupBy::Day:
        return u"day"_s;
    case GroupBy::Week:
        return u"week"_s;
    case GroupBy::Month:
        return u"month"_s;
    }
    return {};
}

std::variant<RatingStatsQuery, ApiProblem> RatingStatsQuery::fromUrlQuery(const QUrlQuery &urlQuery)
{
    QStringList allowed{u"from"_s, u"to"_s, u"groupBy"_s, u"limit"_s, u"cursor"_s};
    for (int d = 0; d < DimensionCount; ++d)
        allowed.append(parameterName(Dimension(d)));
    QHash<QString, QString> params;
    for (const auto &[name, value] : urlQuery.queryItems(QUrl::FullyDecoded)) {
        if (!allowed.contains(name))
            return problem(u"Unknown parameter."_s, name);
        if (params.contains(name))
            return problem(u"This parameter may appear once."_s, name);
        params.insert(name, value);
    }

    RatingStatsQuery query;
    if (params.contains(u"groupBy"_s)) {
        const QString g = params.value(u"groupBy"_s);
        if (g == u"day")
            query.groupBy = GroupBy::Day;
        else if (g == u"week")
            query.groupBy = GroupBy::Week;
        else if (g == u"month")
            query.groupBy = GroupBy::Month;
        else
            return problem(u"groupBy must be day, week or month."_s, u"groupBy"_s);
    }
    for (const QString &name : {u"to"_s, u"from"_s}) {
        if (!params.contains(name))
            continue;
        const std::optional<Bound> bound = parseBound(params.value(name));
        if (!bound)
            return problem(badBound(name), name);
        (name == u"to" ? query.to : query.from) = bound;
    }
    for (int d = 0; d < DimensionCount; ++d) {
        const QString name = parameterName(Dimension(d));
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
            query.filters[size_t(d)].append(id);
        }
    }
    if (params.contains(u"limit"_s)) {
        bool ok = false;
        query.limit = params.value(u"limit"_s).toInt(&ok);
        if (!ok || query.limit < 1 || query.limit > MaxLimit)
            return problem(u"limit must be a number from 1 to 200."_s, u"limit"_s);
    }
    if (params.contains(u"cursor"_s)) {
        const QStringList parts = params.value(u"cursor"_s).split(u'.');
        bool ok1 = false, ok2 = false;
        const qint64 at = parts.value(0).toLongLong(&ok1), id = parts.value(1).toLongLong(&ok2);
        if (parts.size() != 2 || !ok1 || !ok2)
            return problem(u"This cursor is not one of ours."_s, u"cursor"_s);
        query.cursor = Cursor{at, id};
    }
    return query;
}

std::variant<RatingStatsPeriod, ApiProblem> RatingStatsQuery::period(const DayCalendar &days,
                                                                     qint64 now) const
{
    RatingStatsPeriod p;
    // Default: the last 30 local days, today included.
    p.to = days.startOf(days.dayOf(now) + 1);
    if (to) {
        const std::optional<qint64> at = instantOf(*to, days);
        if (!at)
            return problem(badBound(u"to"_s), u"to"_s);
        p.to = *at;
    }
    p.from = days.startOf(days.dayOf(p.to) - DefaultDays);
    if (from) {
        const std::optional<qint64> at = instantOf(*from, days);
        if (!at)
            return problem(badBound(u"from"_s), u"from"_s);
        p.from = *at;
    }
    if (p.from >= p.to)
        return problem(u"from must be before to."_s, u"from"_s);
    if (p.to - p.from > MaxRangeDays * DayCalendar::DayMsecs)
        return problem(u"The period may span at most %1 days."_s.arg(MaxRangeDays), u"from"_s);
    // The previous period: as many local days before, when the period is whole days
    // (a day across a clock change is 23 or 25 hours); else the same duration.
    if (days.isStartOfDay(p.from) && days.isStartOfDay(p.to)) {
        const qint64 first = days.dayOf(p.from);
        p.previousFrom = days.startOf(first - (days.dayOf(p.to) - first));
    } else {
        p.previousFrom = p.from - (p.to - p.from);
    }
    return p;
}

bool RatingStatsQuery::filtered() const
{
    return std::any_of(filters.cbegin(), filters.cend(),
                       [](const QList<qint64> &ids) { return !ids.isEmpty(); });
}

bool RatingStatsQuery::operator==(const RatingStatsQuery &o) const
{
    // Element by element: Qt 6.4's QList == hands memcmp a null pointer for an empty list.
    auto same = [](const QList<qint64> &a, const QList<qint64> &b) {
        return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend());
    };
    for (int d = 0; d < DimensionCount; ++d) {
        if (!same(filters[size_t(d)], o.filters[size_t(d)]))
            return false;
    }
    return from == o.from && to == o.to && groupBy == o.groupBy && limit == o.limit &&
           cursor == o.cursor;
}

} // namespace core
