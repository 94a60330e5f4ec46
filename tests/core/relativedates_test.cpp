// Relative created days (`createdFrom=-7d`): GET /tickets' parameters, their round trip,
// their resolution on a given day, and how the search syntax's created: terms map to them
// (relative days stay relative in what is kept, so a saved view stays "the last 7 days").
#include "core/searchsyntax.h"
#include "core/ticketquery.h"

#include <QTimeZone>
#include <QUrlQuery>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace core;

static void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}

namespace {

class NoNames final : public SearchDirectory
{
public:
    QList<qint64> idsOf(Kind, const QString &) const override { return {}; }
    QString nameOf(Kind, qint64) const override { return {}; }
    QStringList completions(Kind, const QString &, int) const override { return {}; }
};

std::variant<TicketQuery, ApiProblem> parse(const QString &query)
{
    return TicketQuery::fromUrlQuery(QUrlQuery(query));
}

const QTimeZone Zone(3600);
const QDateTime Now(QDate(2026, 12, 7), QTime(15, 0), Zone);

qint64 startOf(QDate day)
{
    return QDateTime(day, QTime(0, 0), Zone).toMSecsSinceEpoch();
}

} // namespace

TEST(RelativeDates, ParsedAndWrittenBack)
{
    struct Row {
        QString query;
        std::optional<int> from;
        std::optional<int> to;
    };
    const QList<Row> table = {
        {u"createdFrom=-7d"_s, 7, {}},
        {u"createdTo=-0d"_s, {}, 0},
        {u"createdFrom=-14d&createdTo=-6d"_s, 14, 6},
        {u"createdFrom=-36500d"_s, 36500, {}},
        {u"createdFrom=-00007d"_s, 7, {}},
    };
    for (const Row &row : table) {
        SCOPED_TRACE(row.query.toStdString());
        const auto parsed = parse(row.query);
        ASSERT_TRUE(std::holds_alternative<TicketQuery>(parsed));
        const TicketQuery &q = std::get<TicketQuery>(parsed);
        EXPECT_EQ(q.createdFromDaysAgo, row.from);
        EXPECT_EQ(q.createdToDaysAgo, row.to);
        EXPECT_FALSE(q.createdFrom);
        EXPECT_FALSE(q.createdTo);
        EXPECT_TRUE(q.hasRelativeDates());
        // Written back relative, and read back alike.
        const QUrlQuery written = q.toUrlQuery();
        if (row.from) {
            EXPECT_EQ(written.queryItemValue(u"createdFrom"_s), u"-%1d"_s.arg(*row.from));
        }
        EXPECT_EQ(std::get<TicketQuery>(TicketQuery::fromUrlQuery(written)), q);
    }
    // A relative bound and a time mix.
    const auto mixed = parse(u"createdFrom=2026-11-01T00:00:00Z&createdTo=-2d"_s);
    ASSERT_TRUE(std::holds_alternative<TicketQuery>(mixed));
    const QUrlQuery mixedWritten = std::get<TicketQuery>(mixed).toUrlQuery();
    EXPECT_EQ(mixedWritten.queryItemValue(u"createdFrom"_s, QUrl::FullyDecoded),
              u"2026-11-01T00:00:00.000Z"_s);
    EXPECT_EQ(mixedWritten.queryItemValue(u"createdTo"_s), u"-2d"_s);
}

TEST(RelativeDates, BadFormsAreRefused)
{
    const QList<std::pair<QString, int>> table = {
        {u"createdFrom=-d"_s, 400},
        {u"createdFrom=-99999d"_s, 400},
        {u"createdFrom=-36501d"_s, 400},
        {u"createdFrom=7d"_s, 400},
        {u"createdFrom=-7w"_s, 400},
        {u"createdTo=+7d"_s, 400},
        {u"createdTo=-7D"_s, 400},
        {u"createdTo=-1.5d"_s, 400},
        {u"createdFrom=-7d&createdFrom=-6d"_s, 400},
        // Two relative bounds that hold no day, whatever the day: 422 as two times.
        {u"createdFrom=-3d&createdTo=-3d"_s, 422},
        {u"createdFrom=-3d&createdTo=-5d"_s, 422},
    };
    for (const auto &[query, status] : table) {
        SCOPED_TRACE(query.toStdString());
        const auto parsed = parse(query);
        ASSERT_TRUE(std::holds_alternative<ApiProblem>(parsed));
        EXPECT_EQ(std::get<ApiProblem>(parsed).httpStatus, status);
    }
}

TEST(RelativeDates, ResolvedFromTheStartOfTheDayInTheZoneOfNow)
{
    TicketQuery q;
    q.createdFromDaysAgo = 7;
    q.createdToDaysAgo = 0;
    TicketQuery r = q.resolved(Now);
    EXPECT_EQ(r.createdFrom, startOf({2026, 11, 30}));
    EXPECT_EQ(r.createdTo, startOf({2026, 12, 7}));
    EXPECT_FALSE(r.hasRelativeDates());
    // A day later, the range moved along.
    r = q.resolved(Now.addDays(1));
    EXPECT_EQ(r.createdFrom, startOf({2026, 12, 1}));
    // UTC, as the server resolves.
    const QDateTime utc(QDate(2026, 12, 7), QTime(0, 30), QTimeZone::utc());
    EXPECT_EQ(q.resolved(utc).createdTo,
              QDateTime(QDate(2026, 12, 7), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch());

    // A time after a relative end crosses: nothing, in a form GET /tickets takes.
    TicketQuery crossing;
    crossing.createdFrom = startOf({2026, 12, 6});
    crossing.createdToDaysAgo = 2;
    EXPECT_TRUE(crossing.createdRangeCrosses(Now));
    r = crossing.resolved(Now);
    EXPECT_FALSE(r.createdFrom);
    EXPECT_EQ(r.createdTo, 1);
    EXPECT_TRUE(std::holds_alternative<TicketQuery>(TicketQuery::fromUrlQuery(r.toUrlQuery())));
    EXPECT_FALSE(crossing.createdRangeCrosses(Now.addDays(5)));
}

TEST(RelativeDates, EqualityComparesTheRelativeBounds)
{
    TicketQuery a;
    TicketQuery b;
    a.createdFromDaysAgo = 7;
    EXPECT_FALSE(a == b);
    b.createdFromDaysAgo = 7;
    EXPECT_TRUE(a == b);
    b.createdToDaysAgo = 1;
    EXPECT_FALSE(a == b);
}

// What the box's created: terms keep (heldQuery) and send (resolvedQuery) on 2026-12-07,
// and how a kept query is written back into the box.
TEST(RelativeDates, SearchTermsKeepTheirRelativeDays)
{
    const NoNames dir;
    struct Row {
        QString term;
        QString urlForm; // created parameters of what is kept (a saved view's query)
        QDate firstDay;  // what is sent: from the start of this day...
        QDate endDay;    // ...to the start of this one (exclusive)
        QString writtenBack;
    };
    const QList<Row> table = {
        {u"created:>7d"_s, u"createdFrom=-6d"_s, {2026, 12, 1}, {}, u"created:>7d"_s},
        {u"created:>=7d"_s, u"createdFrom=-7d"_s, {2026, 11, 30}, {}, u"created:>8d"_s},
        {u"created:..3d"_s, u"createdTo=-2d"_s, {}, {2026, 12, 5}, u"created:<=3d"_s},
        {u"created:14d..7d"_s,
         u"createdFrom=-14d&createdTo=-6d"_s,
         {2026, 11, 23},
         {2026, 12, 1},
         u"created:14d..7d"_s},
        {u"created:yesterday"_s,
         u"createdFrom=-1d&createdTo=-0d"_s,
         {2026, 12, 6},
         {2026, 12, 7},
         u"created:1d"_s},
        // A relative end today or later: no end at all (nothing is created later).
        {u"created:today"_s, u"createdFrom=-0d"_s, {2026, 12, 7}, {}, u"created:>1d"_s},
        {u"created:2w..0d"_s, u"createdFrom=-14d"_s, {2026, 11, 23}, {}, u"created:>15d"_s},
        // Calendar days stay times.
        {u"created:2026-11-01..2026-11-30"_s,
         u"createdFrom=2026-10-31T23:00:00.000Z&createdTo=2026-11-30T23:00:00.000Z"_s,
         {2026, 11, 1},
         {2026, 12, 1},
         u"created:2026-11-01..2026-11-30"_s},
        {u"created:2026-12-01..3d"_s,
         u"createdFrom=2026-11-30T23:00:00.000Z&createdTo=-2d"_s,
         {2026, 12, 1},
         {2026, 12, 5},
         u"created:2026-12-01..3d"_s},
    };
    for (const Row &row : table) {
        SCOPED_TRACE(row.term.toStdString());
        const SearchParseResult parsed = parseSearch(row.term, dir, {}, Now.date());
        ASSERT_TRUE(parsed.ok());
        const TicketQuery held = heldQuery(parsed, Now);
        QUrlQuery url = held.toUrlQuery();
        url.removeAllQueryItems(u"sort"_s);
        EXPECT_EQ(url.toString(QUrl::FullyDecoded), row.urlForm);
        const TicketQuery sent = resolvedQuery(parsed, Now);
        EXPECT_FALSE(sent.hasRelativeDates());
        EXPECT_EQ(sent.createdFrom,
                  row.firstDay.isValid() ? std::optional(startOf(row.firstDay)) : std::nullopt);
        EXPECT_EQ(sent.createdTo,
                  row.endDay.isValid() ? std::optional(startOf(row.endDay)) : std::nullopt);
        EXPECT_EQ(sent, held.resolved(Now));
        // Into the box again: relative stays relative, and parses back to the same.
        const QString text = searchText(held, searchExtrasOf(held, Now), dir);
        EXPECT_EQ(text, row.writtenBack);
        EXPECT_EQ(heldQuery(parseSearch(text, dir, {}, Now.date()), Now), held);
    }
}

TEST(RelativeDates, CrossingDaysAreAProblemOnTheDayTheyCross)
{
    const NoNames dir;
    // On 2026-12-07 three days ago is 2026-12-04: the range 2026-12-06..3d holds no day.
    const SearchParseResult today =
        parseSearch(u"word created:2026-12-06..3d"_s, dir, {}, Now.date());
    ASSERT_EQ(today.problems.size(), 1);
    EXPECT_EQ(today.problems.first(),
              (SearchProblem{13, 14, SearchProblem::Reason::ReversedRange}));
    // Without a day to check against, and on a later day, it is fine.
    EXPECT_TRUE(parseSearch(u"word created:2026-12-06..3d"_s, dir).ok());
    EXPECT_TRUE(parseSearch(u"created:2026-12-06..3d"_s, dir, {}, QDate(2026, 12, 10)).ok());
}
