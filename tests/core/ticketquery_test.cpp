// core::TicketQuery: the list parameters of GET /tickets, parsed, checked, written back
// and matched against a ticket.
#include "core/ticketquery.h"
#include "core/types.h"

#include <QUrl>
#include <QUrlQuery>
#include <gtest/gtest.h>
#include <limits>

using namespace Qt::StringLiterals;
using namespace core;

// Readable failure messages (found by argument-dependent lookup).
static void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}

namespace {

std::variant<TicketQuery, ApiProblem> parse(const QString &query)
{
    return TicketQuery::fromUrlQuery(QUrlQuery(query));
}

TicketQuery parseOk(const QString &query)
{
    auto r = parse(query);
    if (auto *p = std::get_if<ApiProblem>(&r))
        ADD_FAILURE() << qPrintable(query) << ": " << qPrintable(p->field);
    return std::get_if<TicketQuery>(&r) ? std::get<TicketQuery>(r) : TicketQuery{};
}

} // namespace

TEST(TicketQuery, DefaultsAndEveryParameter)
{
    const TicketQuery empty = parseOk(QString());
    EXPECT_EQ(empty, TicketQuery{});
    EXPECT_EQ(empty.limit, 50);
    EXPECT_EQ(empty.sort, (QList<SortKey>{{SortKey::Field::CreatedAt, true}}));

    const TicketQuery q =
        parseOk(u"status=new,open,new&priority=high&assignee=me,none,7&flow=1,2&visibility=internal"
                "&device=3&customer=4&fleet=5,6&q=%20printer%20jam%20&sort=-priority,updatedAt"
                "&limit=200&cursor=abc"_s);
    EXPECT_EQ(q.statuses, (QList<Status>{Status::New, Status::Open})); // duplicates folded
    EXPECT_EQ(q.priorities, QList<Priority>{Priority::High});
    EXPECT_TRUE(q.assigneeMe);
    EXPECT_TRUE(q.assigneeNone);
    EXPECT_EQ(q.assigneeIds, QList<qint64>{7});
    EXPECT_EQ(q.flowIds, (QList<qint64>{1, 2}));
    EXPECT_EQ(q.visibilities, QList<Visibility>{Visibility::Internal});
    EXPECT_EQ(q.deviceIds, QList<qint64>{3});
    EXPECT_EQ(q.customerIds, QList<qint64>{4});
    EXPECT_EQ(q.fleetIds, (QList<qint64>{5, 6}));
    EXPECT_EQ(q.text, u"printer jam"_s);
    EXPECT_EQ(q.sort, (QList<SortKey>{{SortKey::Field::Priority, true},
                                      {SortKey::Field::UpdatedAt, false}}));
    EXPECT_EQ(q.limit, 200);
    EXPECT_EQ(q.cursor, u"abc"_s);
    EXPECT_TRUE(q.hasAssigneeFilter());
    EXPECT_EQ(parseOk(u"sort=status,-createdAt"_s).sort.size(), 2);
}

TEST(TicketQuery, ErrorsAre400WithTheParameter)
{
    // The offending parameter is always the last one of each query.
    QStringList bad = u"bogus=1 status=new&status=open status=reopened status= status=, "
                      "priority=urgent visibility=secret assignee=someone assignee=0 flow=x "
                      "device=-1 customer=0 fleet=1.5 q=a%0Ab sort=title sort=priority,-priority "
                      "sort= sort=createdAt;DROP limit=0 limit=201 limit=ten cursor= "
                      "status=open&flow=1&limit=0 q=x&Status=open"_s.split(u' ');
    bad.append(u"q="_s + QString(201, u'x'));
    // A noncharacter would not survive the URL's percent-decoding (U+FFFD instead).
    bad.append(u"q=a\U000FFFFFb"_s);
    bad.append(u"cursor=ab\U0003FFFF"_s);
    bad.append(u"cursor=a%20b"_s);
    for (const QString &query : bad) {
        const QString field = query.section(u'&', -1).section(u'=', 0, 0);
        auto r = parse(query);
        const ApiProblem *p = std::get_if<ApiProblem>(&r);
        ASSERT_TRUE(p) << qPrintable(query);
        EXPECT_EQ(p->httpStatus, 400) << qPrintable(query);
        EXPECT_EQ(p->code, u"invalid_parameter"_s) << qPrintable(query);
        EXPECT_EQ(p->field, field) << qPrintable(query);
    }
}

TEST(TicketQuery, UrlRoundTripKeepsEverything)
{
    const TicketQuery q{
        .statuses = {Status::Resolved, Status::Closed},
        .priorities = {Priority::Low, Priority::High},
        .assigneeMe = true,
        .assigneeNone = true,
        .assigneeIds = {4},
        .flowIds = {1},
        .visibilities = {Visibility::Public},
        .deviceIds = {2, 9},
        .customerIds = {3},
        .fleetIds = {8},
        .text = u"a&b=c, 100% + d#e f?g/h %20 %zz"_s,
        .createdFrom = 1'764'547'200'123,
        .createdTo = 1'767'225'600'000,
        .excluded = {u"Drucker"_s, u"kein Strom & 100%"_s},
        .phrases = {u"Aufzug \"Süd\" steht"_s, u"a+b=c?"_s},
        .sort = {{SortKey::Field::Status, false}, {SortKey::Field::UpdatedAt, true}},
        .limit = 25,
        .cursor = u"c+/=="_s};
    EXPECT_EQ(parseOk(q.toUrlQuery().toString(QUrl::FullyEncoded)), q);
    // Through a real URL, as the client sends it.
    QUrl url(u"http://localhost/api/v1/tickets"_s);
    url.setQuery(q.toUrlQuery());
    const QUrl received(url.toString(QUrl::FullyEncoded));
    EXPECT_EQ(std::get<TicketQuery>(TicketQuery::fromUrlQuery(QUrlQuery(received))), q);
    // Defaults stay out of the URL.
    EXPECT_EQ(TicketQuery{}.toUrlQuery().hasQueryItem(u"limit"_s), false);
    EXPECT_EQ(parseOk(TicketQuery{}.toUrlQuery().toString(QUrl::FullyEncoded)), TicketQuery{});
}

TEST(TicketQuery, SortItemIsTheExactText)
{
    using F = SortKey::Field;
    const QList<std::pair<QList<SortKey>, QString>> cases{
        {{{F::CreatedAt, true}}, u"-createdAt"_s},
        {{{F::Priority, false}}, u"priority"_s},
        {{{F::Priority, true}, {F::Status, false}, {F::UpdatedAt, true}, {F::CreatedAt, false}},
         u"-priority,status,-updatedAt,createdAt"_s},
    };
    for (const auto &[sort, expected] : cases) {
        TicketQuery q;
        q.sort = sort;
        const QUrlQuery u = q.toUrlQuery();
        EXPECT_EQ(u.queryItemValue(u"sort"_s, QUrl::FullyDecoded), expected);
        // As the server's facet cache key and the client's page requests use it.
        EXPECT_EQ(u.toString(QUrl::FullyEncoded), u"sort="_s + expected);
        EXPECT_EQ(parseOk(u.toString(QUrl::FullyEncoded)).sort, sort);
    }
}

TEST(TicketQuery, SettersReportChanges)
{
    TicketQuery q;
    EXPECT_TRUE(q.setStatuses({Status::Open}));
    EXPECT_FALSE(q.setStatuses({Status::Open}));
    EXPECT_TRUE(q.setPriorities({Priority::Low}));
    EXPECT_FALSE(q.setPriorities({Priority::Low}));
    EXPECT_TRUE(q.setText(u" jam "_s));
    EXPECT_EQ(q.text, u"jam"_s);
    EXPECT_FALSE(q.setText(u"jam"_s));
    EXPECT_TRUE(q.setSort({{SortKey::Field::Priority, true}}));
    EXPECT_FALSE(q.setSort({{SortKey::Field::Priority, true}}));
}

TEST(TicketQuery, CreatedRangeExcludedWordsAndPhrases)
{
    const TicketQuery q =
        parseOk(u"createdFrom=2026-11-01T00:00:00.000Z&createdTo=2026-12-01T00:00:00Z"
                "&exclude=drucker,%22kein%20strom%22&phrase=Aufzug%20steht"
                "&phrase=t%C3%BCr%20klemmt,%20%20zu%20%20"_s);
    EXPECT_EQ(q.createdFrom, std::optional<qint64>(1'793'491'200'000));
    EXPECT_EQ(q.createdTo, std::optional<qint64>(1'796'083'200'000));
    EXPECT_EQ(q.excluded, (QStringList{u"drucker"_s, u"\"kein strom\""_s}));
    // Repeated and comma-separated alike; inner runs of spaces become one.
    EXPECT_EQ(q.phrases, (QStringList{u"Aufzug steht"_s, u"tür klemmt"_s, u"zu"_s}));
    // Only one bound: open on the other side.
    EXPECT_EQ(parseOk(u"createdTo=2026-12-01T00:00:00Z"_s).createdFrom, std::nullopt);

    // From at or after to: 422 invalid_value.
    for (const QString &query :
         {u"createdFrom=2026-12-01T00:00:00Z&createdTo=2026-12-01T00:00:00Z"_s,
          u"createdTo=2026-11-01T00:00:00Z&createdFrom=2026-12-01T00:00:00Z"_s}) {
        auto r = parse(query);
        const ApiProblem *p = std::get_if<ApiProblem>(&r);
        ASSERT_TRUE(p) << qPrintable(query);
        EXPECT_EQ(p->httpStatus, 422);
        EXPECT_EQ(p->code, u"invalid_value"_s);
        EXPECT_EQ(p->field, u"createdFrom"_s);
    }
    // Bad values: 400 with the parameter. Each list holds at most MaxTextTerms terms of at
    // most MaxTitleLength characters, each with a letter or digit.
    QStringList bad = u"createdFrom=yesterday createdFrom=2026-11-01 "
                      u"createdFrom=2026-11-01T00:00:00 createdFrom=1969-12-31T23:59:59Z "
                      "createdTo=9999-12-31T23:00:00-05:00 createdTo= "
                      "createdTo=2026-11-01T00:00:00Z&createdTo=2026-11-02T00:00:00Z exclude= "
                      "exclude=, exclude=%2D%2D phrase=a%0Ab phrase=%22%22 phrase=,,"_s.split(u' ');
    bad.append(u"exclude="_s + QString(201, u'x'));
    bad.append(u"phrase=a\U000FFFFFb"_s);
    QStringList many;
    for (int i = 0; i <= TicketQuery::MaxTextTerms; ++i)
        many.append(u"w"_s + QString::number(i));
    bad.append(u"exclude="_s + many.join(u','));
    bad.append(u"phrase="_s + many.join(u"&phrase="_s));
    for (const QString &query : bad) {
        const QString field = query.section(u'&', -1).section(u'=', 0, 0);
        auto r = parse(query);
        const ApiProblem *p = std::get_if<ApiProblem>(&r);
        ASSERT_TRUE(p) << qPrintable(query);
        EXPECT_EQ(p->httpStatus, 400) << qPrintable(query);
        EXPECT_EQ(p->field, field) << qPrintable(query);
    }
    many.removeLast();
    EXPECT_EQ(parseOk(u"exclude="_s + many.join(u',')).excluded.size(), TicketQuery::MaxTextTerms);
}

TEST(TicketQuery, MatchesTheCreatedRange)
{
    const TicketSummary t{.createdAt = 1000};
    using Q = TicketQuery;
    EXPECT_TRUE((Q{.createdFrom = 1000}.matches(t, 1)));
    EXPECT_FALSE((Q{.createdFrom = 1001}.matches(t, 1)));
    EXPECT_TRUE((Q{.createdTo = 1001}.matches(t, 1)));
    EXPECT_FALSE((Q{.createdTo = 1000}.matches(t, 1)));
    EXPECT_TRUE((Q{.createdFrom = 0, .createdTo = 2000}.matches(t, 1)));
    // Words and phrases only the server can judge.
    EXPECT_TRUE((Q{.excluded = {u"x"_s}, .phrases = {u"y z"_s}}.matches(t, 1)));
}

TEST(TicketQuery, Matches)
{
    const TicketSummary t{.status = Status::Open,
                          .priority = Priority::High,
                          .flowId = 2,
                          .deviceId = 5,
                          .assigneeId = 7};
    const qint64 me = 7;
    using Q = TicketQuery;
    EXPECT_TRUE((Q{}.matches(t, me)));
    EXPECT_TRUE((Q{.statuses = {Status::New, Status::Open}}.matches(t, me)));
    EXPECT_FALSE((Q{.statuses = {Status::New}}.matches(t, me)));
    EXPECT_FALSE((Q{.priorities = {Priority::Low}}.matches(t, me)));
    EXPECT_TRUE((Q{.priorities = {Priority::High}}.matches(t, me)));
    EXPECT_FALSE((Q{.visibilities = {Visibility::Internal}}.matches(t, me)));
    EXPECT_TRUE((Q{.visibilities = {Visibility::Public}}.matches(t, me)));
    EXPECT_FALSE((Q{.flowIds = {3}}.matches(t, me)));
    EXPECT_TRUE((Q{.flowIds = {3, 2}}.matches(t, me)));
    EXPECT_FALSE((Q{.deviceIds = {6}}.matches(t, me)));
    EXPECT_TRUE((Q{.deviceIds = {5}}.matches(t, me)));
    // Assignee: me, none, ids (any of them).
    const Q mine{.assigneeMe = true}, none{.assigneeNone = true};
    EXPECT_TRUE(mine.matches(t, me));
    EXPECT_FALSE(mine.matches(t, 8));
    EXPECT_FALSE(none.matches(t, me));
    TicketSummary unassigned = t;
    unassigned.assigneeId.reset();
    EXPECT_TRUE(none.matches(unassigned, me));
    EXPECT_FALSE(mine.matches(unassigned, me));
    EXPECT_TRUE((Q{.assigneeIds = {7}}.matches(t, 1)));
    EXPECT_FALSE((Q{.assigneeIds = {8}}.matches(t, 1)));
    EXPECT_TRUE((Q{.assigneeNone = true, .assigneeIds = {8}}.matches(unassigned, 1)));
    EXPECT_FALSE((Q{.statuses = {Status::Open}, .flowIds = {3}}.matches(t, me))); // all must hold
    // Filters only the server knows do not exclude anything here.
    EXPECT_TRUE((Q{.customerIds = {99}, .fleetIds = {99}, .text = u"zzz"_s}.matches(t, me)));
}

// Compared field by field: a list filled and emptied again equals one never filled (the
// sanitizer run caught QList's own == passing a null pointer to memcmp there), and every
// field counts.
TEST(TicketQuery, EqualityComparesEveryFieldAndEmptiedLists)
{
    core::TicketQuery a;
    core::TicketQuery b;
    b.fleetIds = {1, 2};
    b.fleetIds.clear();
    b.deviceIds = {3};
    b.deviceIds.clear();
    EXPECT_TRUE(a == b);
    b.createdFrom = 5;
    EXPECT_FALSE(a == b);
    b = a;
    b.excluded = {QStringLiteral("quietscht")};
    EXPECT_FALSE(a == b);
    b = a;
    b.cursor = QStringLiteral("x");
    EXPECT_FALSE(a == b);
    b = a;
    b.assigneeNone = true;
    EXPECT_FALSE(a == b);
}

TEST(TicketQuery, UnreadAndAwaitingFilters)
{
    const TicketQuery q = parseOk(u"unread=true&awaiting=staff&status=open"_s);
    EXPECT_TRUE(q.unreadOnly);
    EXPECT_TRUE(q.awaitingStaff);
    EXPECT_EQ(parseOk(q.toUrlQuery().toString(QUrl::FullyEncoded)), q);
    EXPECT_FALSE(parseOk(u"unread=false"_s).unreadOnly);
    EXPECT_EQ(parseOk(u"unread=false"_s), TicketQuery{});
    EXPECT_FALSE(q == parseOk(u"awaiting=staff&status=open"_s));
    for (const QString &bad :
         {u"unread=yes"_s, u"unread="_s, u"unread=1"_s, u"awaiting=code_user"_s, u"awaiting="_s,
          u"unread=true&unread=true"_s})
        EXPECT_TRUE(std::holds_alternative<ApiProblem>(parse(bad))) << qPrintable(bad);
    // Matching a summary: unread=true takes the staff member's own `unread`.
    TicketSummary t;
    const TicketQuery unread = parseOk(u"unread=true"_s);
    EXPECT_FALSE(unread.matches(t, 1));
    t.unread = true;
    EXPECT_TRUE(unread.matches(t, 1));
}
