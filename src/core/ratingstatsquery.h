#pragma once

#include "validation.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QUrlQuery>
#include <array>
#include <optional>
#include <variant>

namespace core {

// Calendar days in the rating statistics' time zone, numbered as days since 1970-01-01
// (local). The server's implementation reads the same offsets as its database triggers;
// the query only needs these two mappings to turn days into instants.
class DayCalendar
{
public:
    static constexpr qint64 DayMsecs = 24 * 3600 * 1000LL;
    // The statistics know instants from the epoch to this one (2100-01-01T00:00:00Z).
    static constexpr qint64 LastInstant = 4102444800000LL;

    virtual ~DayCalendar() = default;
    // The local day of an instant (milliseconds since the epoch).
    virtual qint64 dayOf(qint64 msecs) const = 0;
    // The first instant of a local day: its midnight, or the end of a gap over midnight.
    virtual qint64 startOf(qint64 day) const = 0;
    bool isStartOfDay(qint64 msecs) const { return startOf(dayOf(msecs)) == msecs; }

    static QDate date(qint64 day) { return QDate::fromJulianDay(day + JulianEpoch); }
    static qint64 day(QDate date) { return date.toJulianDay() - JulianEpoch; }

private:
    static constexpr qint64 JulianEpoch = 2440588; // the Julian day of 1970-01-01
};

// The period GET /stats/ratings covers: [from, to), and the one of the same length just
// before it, [previousFrom, from). Milliseconds since the epoch.
struct RatingStatsPeriod {
    qint64 from = 0;
    qint64 to = 0;
    qint64 previousFrom = 0;
    bool operator==(const RatingStatsPeriod &) const = default;
};

// The parameters of GET /stats/ratings, parsed here so that no store reads the URL. Days
// need the statistics' zone to become instants: period() makes them, with the store's
// calendar.
struct RatingStatsQuery {
    static constexpr int DefaultLimit = 50;
    static constexpr int MaxLimit = 200;
    static constexpr int MaxRangeDays = 3700;
    static constexpr int MaxFilterIds = 100;
    // Without `from`: this many local days up to `to`; without `to`: up to the end of today.
    static constexpr int DefaultDays = 30;

    enum class GroupBy { Day, Week, Month };
    // The filters and breakdowns, in the order of `filters`.
    enum class Dimension { Assignee, Fleet, Flow, Template, Customer };
    static constexpr int DimensionCount = 5;
    // A bound: a local day (its first instant in the statistics' zone, like the buckets)
    // or an instant.
    using Bound = std::variant<QDate, qint64>;
    struct Cursor {
        qint64 createdAt = 0; // low ratings before (createdAt, id), newest first
        qint64 id = 0;
        bool operator==(const Cursor &) const = default;
    };

    std::optional<Bound> from;
    std::optional<Bound> to;
    GroupBy groupBy = GroupBy::Day;
    std::array<QList<qint64>, DimensionCount> filters; // ids per dimension; empty: no filter
    int limit = DefaultLimit;
    std::optional<Cursor> cursor;

    // Unknown or repeated parameters and malformed values are 400 invalid_parameter with
    // the parameter named in `field`.
    static std::variant<RatingStatsQuery, ApiProblem> fromUrlQuery(const QUrlQuery &query);
    // The period in `days`' zone, `now` deciding the defaults. A day outside the instants
    // the statistics know, `from` not before `to`, or more than MaxRangeDays: 400 as above.
    std::variant<RatingStatsPeriod, ApiProblem> period(const DayCalendar &days, qint64 now) const;

    const QList<qint64> &ids(Dimension d) const { return filters[size_t(d)]; }
    bool filtered() const;

    static QString parameterName(Dimension d);
    static QString toString(GroupBy g);

    bool operator==(const RatingStatsQuery &other) const;
};

} // namespace core
