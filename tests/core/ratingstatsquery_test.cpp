// core::RatingStatsQuery: the parameters of GET /stats/ratings, parsed and checked, and
// the period they make in the statistics' zone.
#include "core/ratingstatsquery.h"

#include <QDateTime>
#include <QStringList>
#include <QUrlQuery>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace core;

// Readable failure messages (found by argument-dependent lookup).
static void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}

namespace {

// A zone with one fixed UTC offset: local midnights are easy to name.
class FixedOffsetDays final : public DayCalendar
{
public:
    explicit FixedOffsetDays(qint64 offsetHours)
        : m_offset(offsetHours * 3600 * 1000)
    {}
    qint64 dayOf(qint64 msecs) const override
    {
        const qint64 local = msecs + m_offset;
        return local / DayMsecs - (local % DayMsecs < 0 ? 1 : 0);
    }
    qint64 startOf(qint64 day) const override { return day * DayMsecs - m_offset; }

private:
    qint64 m_offset;
};

qint64 utc(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODateWithMs).toMSecsSinceEpoch();
}

std::variant<RatingStatsQuery, ApiProblem> parse(const QString &query)
{
    return RatingStatsQuery::fromUrlQuery(QUrlQuery(query));
}

RatingStatsQuery parseOk(const QString &query)
{
    auto r = parse(query);
    if (auto *p = std::get_if<ApiProblem>(&r))
        ADD_FAILURE() << qPrintable(query) << ": " << qPrintable(p->field) << ": "
                      << qPrintable(p->message);
    return std::get_if<RatingStatsQuery>(&r) ? std::get<RatingStatsQuery>(r) : RatingStatsQuery{};
}

// The problem of a query refused already when parsed.
ApiProblem refused(const QString &query)
{
    auto r = parse(query);
    if (auto *p = std::get_if<ApiProblem>(&r))
        return *p;
    ADD_FAILURE() << qPrintable(query) << " was accepted";
    return {};
}

std::variant<RatingStatsPeriod, ApiProblem> periodOf(const QString &query, const DayCalendar &days,
                                                     qint64 now = utc(u"2024-06-15T10:00:00Z"_s))
{
    return parseOk(query).period(days, now);
}

RatingStatsPeriod periodOk(const QString &query, const DayCalendar &days)
{
    auto r = periodOf(query, days);
    if (auto *p = std::get_if<ApiProblem>(&r))
        ADD_FAILURE() << qPrintable(query) << ": " << qPrintable(p->field) << ": "
                      << qPrintable(p->message);
    return std::get_if<RatingStatsPeriod>(&r) ? std::get<RatingStatsPeriod>(r)
                                              : RatingStatsPeriod{};
}

ApiProblem periodRefused(const QString &query, const DayCalendar &days)
{
    auto r = periodOf(query, days);
    if (auto *p = std::get_if<ApiProblem>(&r))
        return *p;
    ADD_FAILURE() << qPrintable(query) << " made a period";
    return {};
}

const QString BoundMessage = u" must be a day YYYY-MM-DD or an ISO 8601 time, 1970 to 2100."_s;

} // namespace

TEST(RatingStatsQuery, DefaultsAndEveryParameter)
{
    const RatingStatsQuery empty = parseOk(QString());
    EXPECT_EQ(empty, RatingStatsQuery{});
    EXPECT_FALSE(empty.from);
    EXPECT_FALSE(empty.to);
    EXPECT_EQ(empty.groupBy, RatingStatsQuery::GroupBy::Day);
    EXPECT_EQ(empty.limit, 50);
    EXPECT_FALSE(empty.cursor);
    EXPECT_FALSE(empty.filtered());

    const RatingStatsQuery q =
        parseOk(u"from=2024-05-01&to=2024-06-01T12:00:00%2B02:00&groupBy=week&assignee=3,4&fleet=1"
                "&flow=2&template=7&customer=9&limit=200&cursor=1714000000000.42"_s);
    ASSERT_TRUE(q.from && q.to);
    EXPECT_EQ(std::get<QDate>(*q.from), QDate(2024, 5, 1));
    EXPECT_EQ(std::get<qint64>(*q.to), utc(u"2024-06-01T10:00:00Z"_s));
    EXPECT_EQ(q.groupBy, RatingStatsQuery::GroupBy::Week);
    EXPECT_EQ(q.ids(RatingStatsQuery::Dimension::Assignee), (QList<qint64>{3, 4}));
    EXPECT_EQ(q.ids(RatingStatsQuery::Dimension::Fleet), QList<qint64>{1});
    EXPECT_EQ(q.ids(RatingStatsQuery::Dimension::Flow), QList<qint64>{2});
    EXPECT_EQ(q.ids(RatingStatsQuery::Dimension::Template), QList<qint64>{7});
    EXPECT_EQ(q.ids(RatingStatsQuery::Dimension::Customer), QList<qint64>{9});
    EXPECT_TRUE(q.filtered());
    EXPECT_EQ(q.limit, 200);
    ASSERT_TRUE(q.cursor);
    EXPECT_EQ(q.cursor->createdAt, 1714000000000);
    EXPECT_EQ(q.cursor->id, 42);

    EXPECT_EQ(parseOk(u"groupBy=month"_s).groupBy, RatingStatsQuery::GroupBy::Month);
    EXPECT_EQ(parseOk(u"groupBy=day"_s).groupBy, RatingStatsQuery::GroupBy::Day);
    EXPECT_EQ(RatingStatsQuery::toString(RatingStatsQuery::GroupBy::Week), u"week"_s);
    // A time without a zone is UTC.
    EXPECT_EQ(std::get<qint64>(*parseOk(u"from=2024-05-01T08:30:00"_s).from),
              utc(u"2024-05-01T08:30:00Z"_s));
    EXPECT_EQ(parseOk(u"limit=1"_s).limit, 1);
}

TEST(RatingStatsQuery, EachBadParameterIsNamed)
{
    struct Case {
        QString query;
        QString field;
        QString message;
    };
    const QString ids = u"Give positive ids, comma-separated."_s;
    const QString limit = u"limit must be a number from 1 to 200."_s;
    const QString cursor = u"This cursor is not one of ours."_s;
    const QList<Case> cases{
        {u"color=red"_s, u"color"_s, u"Unknown parameter."_s},
        {u"from=2024-05-01&from=2024-05-02"_s, u"from"_s, u"This parameter may appear once."_s},
        {u"groupBy=year"_s, u"groupBy"_s, u"groupBy must be day, week or month."_s},
        {u"groupBy=Day"_s, u"groupBy"_s, u"groupBy must be day, week or month."_s},
        {u"from=yesterday"_s, u"from"_s, u"from"_s + BoundMessage},
        {u"to=2024-13-01"_s, u"to"_s, u"to"_s + BoundMessage},
        {u"to=2024-02-30"_s, u"to"_s, u"to"_s + BoundMessage},
        {u"from=2024-05-01T25:00:00Z"_s, u"from"_s, u"from"_s + BoundMessage},
        {u"from=1969-12-31"_s, u"from"_s, u"from"_s + BoundMessage},
        {u"from=1969-12-31T23:59:59Z"_s, u"from"_s, u"from"_s + BoundMessage},
        {u"to=2100-01-02"_s, u"to"_s, u"to"_s + BoundMessage},
        {u"to=2100-01-01T00:00:00.001Z"_s, u"to"_s, u"to"_s + BoundMessage},
        // `to` is looked at before `from`, whatever the order in the URL.
        {u"from=x&to=y"_s, u"to"_s, u"to"_s + BoundMessage},
        {u"fleet=abc"_s, u"fleet"_s, ids},
        {u"fleet=1,,2"_s, u"fleet"_s, ids},
        {u"flow=0"_s, u"flow"_s, ids},
        {u"assignee=-1"_s, u"assignee"_s, ids},
        {u"customer=01"_s, u"customer"_s, ids},
        {u"template="_s, u"template"_s, ids},
        {u"limit=0"_s, u"limit"_s, limit},
        {u"limit=201"_s, u"limit"_s, limit},
        {u"limit=ten"_s, u"limit"_s, limit},
        {u"cursor=zzz"_s, u"cursor"_s, cursor},
        {u"cursor=1.2.3"_s, u"cursor"_s, cursor},
        {u"cursor=1."_s, u"cursor"_s, cursor},
    };
    for (const Case &c : cases) {
        const ApiProblem p = refused(c.query);
        EXPECT_EQ(p.httpStatus, 400) << qPrintable(c.query);
        EXPECT_EQ(p.code, u"invalid_parameter"_s) << qPrintable(c.query);
        EXPECT_EQ(p.field, c.field) << qPrintable(c.query);
        EXPECT_EQ(p.message, c.message) << qPrintable(c.query);
    }
}

TEST(RatingStatsQuery, AtMostAHundredIdsPerDimension)
{
    QStringList hundred;
    for (int i = 1; i <= RatingStatsQuery::MaxFilterIds; ++i)
        hundred.append(QString::number(i));
    EXPECT_EQ(parseOk(u"customer="_s + hundred.join(u','))
                  .ids(RatingStatsQuery::Dimension::Customer)
                  .size(),
              100);
    const ApiProblem p = refused(u"customer="_s + hundred.join(u',') + u",101"_s);
    EXPECT_EQ(p.field, u"customer"_s);
    EXPECT_EQ(p.message, u"Too many ids."_s);
}

TEST(RatingStatsQuery, DefaultPeriodIsTheLastThirtyLocalDays)
{
    const FixedOffsetDays utcDays(0);
    const RatingStatsPeriod p = periodOk(QString(), utcDays);
    EXPECT_EQ(p.to, utc(u"2024-06-16T00:00:00Z"_s)); // today included
    EXPECT_EQ(p.from, utc(u"2024-05-17T00:00:00Z"_s));
    EXPECT_EQ(p.previousFrom, utc(u"2024-04-17T00:00:00Z"_s));

    // Only `to`: the thirty days before it; only `from`: up to the end of today.
    const RatingStatsPeriod untilMay = periodOk(u"to=2024-05-01"_s, utcDays);
    EXPECT_EQ(untilMay.from, utc(u"2024-04-01T00:00:00Z"_s));
    EXPECT_EQ(periodOk(u"from=2024-06-01"_s, utcDays).to, utc(u"2024-06-16T00:00:00Z"_s));
}

TEST(RatingStatsQuery, DaysBeginAtTheZonesMidnight)
{
    const FixedOffsetDays east(1), west(-5);
    const RatingStatsPeriod e = periodOk(u"from=2024-05-01&to=2024-05-08"_s, east);
    EXPECT_EQ(e.from, utc(u"2024-04-30T23:00:00Z"_s));
    EXPECT_EQ(e.to, utc(u"2024-05-07T23:00:00Z"_s));
    EXPECT_EQ(e.previousFrom, utc(u"2024-04-23T23:00:00Z"_s)); // seven local days before
    const RatingStatsPeriod w = periodOk(u"from=2024-05-01&to=2024-05-08"_s, west);
    EXPECT_EQ(w.from, utc(u"2024-05-01T05:00:00Z"_s));

    // Instants stay as they are; a period not of whole days is followed by one as long.
    const RatingStatsPeriod partial =
        periodOk(u"from=2024-05-01T06:00:00Z&to=2024-05-01T18:00:00Z"_s, east);
    EXPECT_EQ(partial.from, utc(u"2024-05-01T06:00:00Z"_s));
    EXPECT_EQ(partial.to, utc(u"2024-05-01T18:00:00Z"_s));
    EXPECT_EQ(partial.previousFrom, utc(u"2024-04-30T18:00:00Z"_s));

    // 1970-01-01 begins before the epoch east of UTC, 2100-01-01 after the last instant
    // west of it: the zone decides.
    EXPECT_EQ(periodOk(u"from=1970-01-01&to=1970-02-01"_s, west).from, 5 * 3600 * 1000);
    const ApiProblem early = periodRefused(u"from=1970-01-01&to=1970-02-01"_s, east);
    EXPECT_EQ(early.field, u"from"_s);
    EXPECT_EQ(early.message, u"from"_s + BoundMessage);
    EXPECT_EQ(periodOk(u"from=2099-12-01&to=2100-01-01"_s, east).to,
              utc(u"2099-12-31T23:00:00Z"_s));
    const ApiProblem late = periodRefused(u"from=2099-12-01&to=2100-01-01"_s, west);
    EXPECT_EQ(late.field, u"to"_s);
    EXPECT_EQ(late.message, u"to"_s + BoundMessage);
}

TEST(RatingStatsQuery, FromBeforeToAndAtMost3700Days)
{
    const FixedOffsetDays utcDays(0);
    for (const QString &query :
         {u"from=2024-06-01&to=2024-05-01"_s, u"from=2024-05-01&to=2024-05-01"_s,
          u"from=2024-05-01T00:00:00Z&to=2024-05-01"_s, u"from=2024-06-20"_s}) {
        const ApiProblem p = periodRefused(query, utcDays);
        EXPECT_EQ(p.httpStatus, 400) << qPrintable(query);
        EXPECT_EQ(p.code, u"invalid_parameter"_s) << qPrintable(query);
        EXPECT_EQ(p.field, u"from"_s) << qPrintable(query);
        EXPECT_EQ(p.message, u"from must be before to."_s) << qPrintable(query);
    }
    // 2000-01-01 + 3700 days = 2010-02-17.
    ASSERT_EQ(QDate(2000, 1, 1).addDays(RatingStatsQuery::MaxRangeDays), QDate(2010, 2, 17));
    const RatingStatsPeriod longest = periodOk(u"from=2000-01-01&to=2010-02-17"_s, utcDays);
    EXPECT_EQ(longest.to - longest.from, 3700 * DayCalendar::DayMsecs);
    const ApiProblem tooLong =
        periodRefused(u"from=2000-01-01&to=2010-02-17T00:00:00.001Z"_s, utcDays);
    EXPECT_EQ(tooLong.field, u"from"_s);
    EXPECT_EQ(tooLong.message, u"The period may span at most 3700 days."_s);
    EXPECT_EQ(periodRefused(u"from=1990-01-01&to=2024-01-01"_s, utcDays).message,
              u"The period may span at most 3700 days."_s);
}
