// core::parseSearch, searchText and completeSearch: the search box's field terms, free
// words, phrases and negation, parsed into a TicketQuery, written back and completed.
#include "core/searchsyntax.h"

#include <QMap>
#include <QTimeZone>
#include <QUrlQuery>
#include <gtest/gtest.h>
#include <random>

using namespace Qt::StringLiterals;
using namespace core;
using Kind = SearchDirectory::Kind;
using Reason = SearchProblem::Reason;

static void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}

namespace {

// The caller's names: what the client would answer from its staff, fleet and device lists.
class FakeDirectory final : public SearchDirectory
{
public:
    FakeDirectory()
    {
        m_names[Kind::Staff] = {{3, u"jonas"_s}, {4, u"Jörg Müller"_s}, {5, u"me"_s}};
        m_names[Kind::Fleet] = {{10, u"Süd"_s}, {11, u"Nord"_s}};
        m_names[Kind::Flow] = {{20, u"spare-part"_s}, {21, u"problem"_s}};
        m_names[Kind::Device] = {{30, u"Aufzug Haupthaus"_s},
                                 {31, u"Aufzug Nebenhaus"_s},
                                 {32, u"Pumpe"_s},
                                 {33, u"Pumpe"_s},
                                 {34, u"Tür \"A\", Ost"_s},
                                 {35, u" Tor "_s}};
        m_names[Kind::Customer] = {{40, u"Stadtwerke Köln"_s}};
    }
    QList<qint64> idsOf(Kind kind, const QString &name) const override
    {
        QList<qint64> ids;
        for (auto it = m_names[kind].cbegin(); it != m_names[kind].cend(); ++it) {
            if (it.value().compare(name, Qt::CaseInsensitive) == 0)
                ids.append(it.key());
        }
        return ids;
    }
    QString nameOf(Kind kind, qint64 id) const override { return m_names[kind].value(id); }
    QStringList completions(Kind kind, const QString &prefix, int max) const override
    {
        QStringList out;
        for (const QString &name : m_names[kind]) {
            if (name.startsWith(prefix, Qt::CaseInsensitive) && out.size() < max)
                out.append(name);
        }
        return out;
    }

private:
    mutable QMap<Kind, QMap<qint64, QString>> m_names;
};

struct Expected {
    QString text;
    QList<Status> statuses;
    QList<Priority> priorities;
    bool me = false;
    bool none = false;
    QList<qint64> assignees;
    QList<qint64> fleets;
    QList<qint64> flows;
    QList<qint64> devices;
    QList<qint64> customers;
    QString freeText;
    QStringList phrases;
    QStringList excluded;
};

} // namespace

TEST(SearchSyntax, TermsBecomeFilters)
{
    const FakeDirectory dir;
    const QList<Expected> table{
        {u""_s},
        {u"printer jam"_s, {}, {}, false, false, {}, {}, {}, {}, {}, u"printer jam"_s},
        {u"priority:high status:new,open"_s, {Status::New, Status::Open}, {Priority::High}},
        {u"STATUS:Open,open status:new"_s, {Status::Open, Status::New}},
        {u"assignee:me assignee:jonas"_s, {}, {}, true, false, {3}},
        {u"assignee:none,\"Jörg Müller\""_s, {}, {}, false, true, {4}},
        {u"assignee:\"me\""_s, {}, {}, false, false, {5}}, // quoted: a name
        {u"fleet:Süd fleet:süd,nord"_s, {}, {}, false, false, {}, {10, 11}},
        {u"flow:spare-part"_s, {}, {}, false, false, {}, {}, {20}},
        {u"device:\"Aufzug Haupthaus\",#99"_s, {}, {}, false, false, {}, {}, {}, {30, 99}},
        {u"device:\"Tür \\\"A\\\", Ost\""_s, {}, {}, false, false, {}, {}, {}, {34}},
        {u"customer:\"Stadtwerke Köln\" Wärmepumpe"_s,
         {},
         {},
         false,
         false,
         {},
         {},
         {},
         {},
         {40},
         u"Wärmepumpe"_s},
        {u"Größe: 10:30 5\" \"a:b\""_s,
         {},
         {},
         false,
         false,
         {},
         {},
         {},
         {},
         {},
         u"Größe: 10:30 5\" a:b"_s},
        {u"\"exact  phrase\" word -skip -\"not this\" -"_s,
         {},
         {},
         false,
         false,
         {},
         {},
         {},
         {},
         {},
         u"word - exact phrase"_s,
         {u"exact phrase"_s},
         {u"skip"_s, u"not this"_s}},
    };
    for (const Expected &e : table) {
        SCOPED_TRACE(e.text.toStdString());
        const SearchParseResult r = parseSearch(e.text, dir);
        EXPECT_TRUE(r.ok());
        EXPECT_EQ(r.query.statuses, e.statuses);
        EXPECT_EQ(r.query.priorities, e.priorities);
        EXPECT_EQ(r.query.assigneeMe, e.me);
        EXPECT_EQ(r.query.assigneeNone, e.none);
        EXPECT_EQ(r.query.assigneeIds, e.assignees);
        EXPECT_EQ(r.query.fleetIds, e.fleets);
        EXPECT_EQ(r.query.flowIds, e.flows);
        EXPECT_EQ(r.query.deviceIds, e.devices);
        EXPECT_EQ(r.query.customerIds, e.customers);
        EXPECT_EQ(r.query.text, e.freeText);
        EXPECT_EQ(r.extras.phrases, e.phrases);
        EXPECT_EQ(r.extras.excluded, e.excluded);
        // GET /tickets' `phrase` and `exclude` take them as they are.
        EXPECT_EQ(r.query.phrases, e.phrases);
        EXPECT_EQ(r.query.excluded, e.excluded);
    }
}

// Phrases, excluded words and the created range as GET /tickets takes them: a comma is a
// space (the list's separator), terms GET /tickets refuses are problems, and created days
// become local midnights (the end day inclusive).
TEST(SearchSyntax, ExtrasBecomeTheQueryOfGetTickets)
{
    const FakeDirectory dir;
    SearchParseResult r =
        parseSearch(u"\"Tür, klemmt\" -\"a,b\" -\"A B\" created:2026-11-01..2026-11-30"_s, dir);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.query.phrases, QStringList{u"Tür klemmt"_s});
    EXPECT_EQ(r.query.excluded, QStringList{u"a b"_s});
    const QDateTime now(QDate(2026, 12, 7), QTime(15, 0), QTimeZone(3600));
    TicketQuery q = resolvedQuery(r, now);
    EXPECT_EQ(q.createdFrom,
              QDateTime(QDate(2026, 11, 1), QTime(0, 0), QTimeZone(3600)).toMSecsSinceEpoch());
    EXPECT_EQ(q.createdTo,
              QDateTime(QDate(2026, 12, 1), QTime(0, 0), QTimeZone(3600)).toMSecsSinceEpoch());
    // What is sent is what GET /tickets takes back.
    EXPECT_EQ(std::get<TicketQuery>(TicketQuery::fromUrlQuery(q.toUrlQuery())), q);

    // Relative: created:>7d is from the day six days ago; open at the other end.
    r = parseSearch(u"created:>7d"_s, dir);
    q = resolvedQuery(r, now);
    EXPECT_EQ(q.createdFrom,
              QDateTime(QDate(2026, 12, 1), QTime(0, 0), QTimeZone(3600)).toMSecsSinceEpoch());
    EXPECT_FALSE(q.createdTo);
    // Crossing days (an absolute day after a relative one) hold nothing, and are sendable.
    r = parseSearch(u"created:2026-12-06..3d"_s, dir);
    ASSERT_TRUE(r.ok());
    q = resolvedQuery(r, now);
    EXPECT_FALSE(q.createdFrom);
    EXPECT_EQ(q.createdTo, 1);
    EXPECT_TRUE(std::holds_alternative<TicketQuery>(TicketQuery::fromUrlQuery(q.toUrlQuery())));
    // No created term: no range, whatever the base had.
    EXPECT_FALSE(resolvedQuery(parseSearch(u"word"_s, dir), now).createdFrom);

    // What GET /tickets would refuse is the problem of its terms.
    QStringList many;
    for (int i = 0; i <= TicketQuery::MaxTextTerms; ++i)
        many.append(u"-w"_s + QString::number(i));
    r = parseSearch(u"ok "_s + many.join(u' '), dir);
    ASSERT_EQ(r.problems.size(), many.size());
    EXPECT_EQ(r.problems.first(), (SearchProblem{3, 3, Reason::Refused}));
    r = parseSearch(u"ok -\"--\""_s, dir);
    EXPECT_EQ(r.problems, (QList<SearchProblem>{{3, 5, Reason::Refused}}));
    r = parseSearch(u"ok \"-- ++\""_s, dir);
    EXPECT_EQ(r.problems, (QList<SearchProblem>{{3, 7, Reason::Refused}}));
}

TEST(SearchSyntax, ProblemsNameTheTermAndWhy)
{
    const FakeDirectory dir;
    const QList<std::tuple<QString, QList<SearchProblem>>> table{
        {u"colour:red"_s, {{0, 10, Reason::UnknownField}}},
        {u"ok status:"_s, {{3, 7, Reason::EmptyValue}}},
        {u"status:new,,open"_s, {{0, 16, Reason::EmptyValue}}},
        {u"status:new,"_s, {{0, 11, Reason::EmptyValue}}},
        {u"status:\"\""_s, {{0, 9, Reason::EmptyValue}}},
        {u"\"\""_s, {{0, 2, Reason::EmptyValue}}},
        {u"status:new,bogus"_s, {{11, 5, Reason::UnknownValue}}},
        {u"fleet:West priority:urgent"_s,
         {{6, 4, Reason::UnknownValue}, {20, 6, Reason::UnknownValue}}},
        {u"device:Pumpe"_s, {{7, 5, Reason::AmbiguousName}}},
        {u"assignee:#0 assignee:#x"_s,
         {{9, 2, Reason::UnknownValue}, {21, 2, Reason::UnknownValue}}},
        {u"Müller \"open end"_s, {{7, 9, Reason::UnterminatedQuote}}},
        {u"device:\"Aufzug"_s, {{0, 14, Reason::UnterminatedQuote}}},
        {u"-status:new"_s, {{0, 11, Reason::NegatedField}}},
        {u"created:2026-13-01"_s, {{8, 10, Reason::BadDate}}},
        {u"created:>soon"_s, {{8, 5, Reason::BadDate}}},
        {u"created:1d,2d"_s, {{8, 5, Reason::BadDate}}},
        {u"created:2026-11-30..2026-11-01"_s, {{8, 22, Reason::BadDate}}},
        {u"created:.."_s, {{8, 2, Reason::BadDate}}},
        {u"created:1d created:2d"_s, {{11, 10, Reason::RepeatedField}}},
    };
    for (const auto &[text, expected] : table) {
        SCOPED_TRACE(text.toStdString());
        const SearchParseResult r = parseSearch(text, dir);
        EXPECT_FALSE(r.ok());
        ASSERT_EQ(r.problems.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            EXPECT_EQ(r.problems[i].start, expected[i].start) << i;
            EXPECT_EQ(r.problems[i].length, expected[i].length) << i;
            EXPECT_EQ(int(r.problems[i].reason), int(expected[i].reason)) << i;
        }
    }
}

// What GET /tickets would refuse is refused here, so the client never sends it.
TEST(SearchSyntax, RefusesWhatTheServerWould)
{
    const FakeDirectory dir;
    QStringList ids;
    for (int i = 1; i <= 201; ++i)
        ids.append(u'#' + QString::number(i));
    const QString many = u"device:"_s + ids.mid(0, 100).join(u',');
    const QString more = u"device:"_s + ids.mid(100).join(u',');
    const QString longWord(201, u'x');
    const QList<std::tuple<QString, QList<SearchProblem>>> table{
        {many + u' ' + more,
         {{0, int(many.size()), Reason::Refused},
          {int(many.size()) + 1, int(more.size()), Reason::Refused}}},
        {u"status:new "_s + longWord, {{11, 201, Reason::Refused}}},
        {u"a b\u0001c status:new"_s, {{0, 1, Reason::Refused}, {2, 3, Reason::Refused}}},
    };
    for (const auto &[text, expected] : table) {
        SCOPED_TRACE(text.left(40).toStdString());
        const SearchParseResult r = parseSearch(text, dir);
        ASSERT_EQ(r.problems.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            EXPECT_EQ(r.problems[i].start, expected[i].start) << i;
            EXPECT_EQ(r.problems[i].length, expected[i].length) << i;
            EXPECT_EQ(int(r.problems[i].reason), int(expected[i].reason)) << i;
        }
    }
    // 200 values are fine; a bad sort of the caller's own is the whole text's problem.
    EXPECT_TRUE(parseSearch(u"device:"_s + ids.mid(0, 200).join(u','), dir).ok());
    TicketQuery badBase;
    badBase.limit = 0;
    const SearchParseResult r = parseSearch(u"x"_s, dir, badBase);
    ASSERT_EQ(r.problems.size(), 1);
    EXPECT_EQ(r.problems.first(), (SearchProblem{0, 1, Reason::Refused}));
}

TEST(SearchSyntax, CreatedRangesAndRelativeDays)
{
    const FakeDirectory dir;
    const QDate today(2026, 12, 7);
    // The text, then the first and last day it takes (null: open) on `today`.
    const QList<std::tuple<QString, QDate, QDate>> table{
        {u"created:2026-11-01..2026-11-30"_s, {2026, 11, 1}, {2026, 11, 30}},
        {u"created:2026-11-01"_s, {2026, 11, 1}, {2026, 11, 1}},
        {u"created:>2026-11-01"_s, {2026, 11, 2}, {}},
        {u"created:>=2026-11-01"_s, {2026, 11, 1}, {}},
        {u"created:<2026-11-01"_s, {}, {2026, 10, 31}},
        {u"created:<=2026-11-01"_s, {}, {2026, 11, 1}},
        {u"created:2026-11-01.."_s, {2026, 11, 1}, {}},
        {u"created:..2026-11-01"_s, {}, {2026, 11, 1}},
        // Dates compare as dates: >7d is "after the day 7 days ago", the last 6 days.
        {u"created:>7d"_s, {2026, 12, 1}, {}},
        {u"created:>=7d"_s, {2026, 11, 30}, {}},
        {u"created:<7d"_s, {}, {2026, 11, 29}},
        {u"created:2w..1d"_s, {2026, 11, 23}, {2026, 12, 6}},
        {u"created:today"_s, today, today},
        {u"created:yesterday"_s, {2026, 12, 6}, {2026, 12, 6}},
    };
    for (const auto &[text, from, to] : table) {
        SCOPED_TRACE(text.toStdString());
        const SearchParseResult r = parseSearch(text, dir);
        ASSERT_TRUE(r.ok());
        ASSERT_TRUE(r.extras.created);
        const SearchDateRange &range = *r.extras.created;
        EXPECT_EQ(range.from ? range.from->resolve(today) : QDate(), from);
        EXPECT_EQ(range.to ? range.to->resolve(today) : QDate(), to);
    }
    // Relative days stay relative: the same view a day later is a day later.
    const SearchParseResult r = parseSearch(u"created:>=7d"_s, dir);
    EXPECT_EQ(r.extras.created->from->resolve(today.addDays(1)), QDate(2026, 12, 1));
}

TEST(SearchSyntax, KeepsSortAndLimitOfTheBase)
{
    const FakeDirectory dir;
    TicketQuery base;
    base.statuses = {Status::Closed};
    base.sort = {{SortKey::Field::Priority, true}};
    base.limit = 100;
    base.cursor = u"abc"_s;
    const SearchParseResult r = parseSearch(u"status:new"_s, dir, base);
    EXPECT_EQ(r.query.statuses, QList<Status>{Status::New});
    EXPECT_EQ(r.query.sort, base.sort);
    EXPECT_EQ(r.query.limit, 100);
    EXPECT_TRUE(r.query.cursor.isEmpty());
}

TEST(SearchSyntax, WritesBackWhatParsesBack)
{
    const FakeDirectory dir;
    // The text, then how it is written back (the canonical order and quoting).
    const QList<std::tuple<QString, QString>> table{
        {u""_s, u""_s},
        {u"  printer   jam "_s, u"printer jam"_s},
        {u"status:open,new priority:high visibility:internal"_s,
         u"status:open,new priority:high visibility:internal"_s},
        {u"assignee:jonas assignee:me,none"_s, u"assignee:me,none,jonas"_s},
        {u"assignee:\"ME\" assignee:\"Jörg Müller\""_s, u"assignee:\"me\",\"Jörg Müller\""_s},
        {u"fleet:süd flow:spare-part device:\"Aufzug Haupthaus\",#99 customer:#40"_s,
         u"flow:spare-part fleet:Süd device:\"Aufzug Haupthaus\",#99 "
         "customer:\"Stadtwerke Köln\""_s},
        {u"device:#32 device:\"Tür \\\"A\\\", Ost\""_s, u"device:#32,\"Tür \\\"A\\\", Ost\""_s},
        {u"created:>7d"_s, u"created:>7d"_s},
        {u"created:2026-11-01..2026-11-30"_s, u"created:2026-11-01..2026-11-30"_s},
        {u"created:<2026-11-01"_s, u"created:<=2026-10-31"_s},
        {u"created:today"_s, u"created:0d"_s},
        {u"\"exact phrase\" word -skip -\"not this\""_s,
         u"word \"exact phrase\" -skip -\"not this\""_s},
        {u"\"a:b\" \"-x\" \"\\\"q\" 5\" back\\slash"_s,
         u"\"a:b\" \"-x\" \"\\\"q\" \"5\\\"\" back\\slash"_s},
        {u"Größe: -\"a:b\" --x"_s, u"Größe: -\"a:b\" -\"-x\""_s},
    };
    for (const auto &[text, written] : table) {
        SCOPED_TRACE(text.toStdString());
        const SearchParseResult first = parseSearch(text, dir);
        ASSERT_TRUE(first.ok());
        EXPECT_EQ(searchText(first.query, first.extras, dir), written);
        const SearchParseResult second = parseSearch(written, dir);
        ASSERT_TRUE(second.ok());
        EXPECT_EQ(second.query, first.query);
        EXPECT_EQ(second.extras, first.extras);
    }
}

TEST(SearchSyntax, WritesIdsWhoseNamesDoNotReadBack)
{
    const FakeDirectory dir;
    TicketQuery q;
    q.deviceIds = {32, 777, 35}; // "Pumpe" names two devices; 777 has none; " Tor " reads as "Tor"
    q.assigneeIds = {5};         // staff named "me"
    const QString text = searchText(q, {}, dir);
    EXPECT_EQ(text, u"assignee:\"me\" device:#32,#777,#35"_s);
    EXPECT_EQ(parseSearch(text, dir).query, q);
}

// A text from elsewhere (a URL's q) comes back with its whitespace as single spaces.
TEST(SearchSyntax, WritesAnyWhitespaceAsOneSpace)
{
    const FakeDirectory dir;
    const TicketQuery fromUrl =
        std::get<TicketQuery>(TicketQuery::fromUrlQuery(QUrlQuery(u"q=a%20%20b%20c:d"_s)));
    EXPECT_EQ(searchText(fromUrl, {}, dir), u"a b \"c:d\""_s);
}

TEST(SearchSyntax, CompletesFieldNamesAndValues)
{
    const FakeDirectory dir;
    // The text with | at the cursor; the range replaced; the candidates.
    const QList<std::tuple<QString, int, int, QStringList>> table{
        {u"|"_s,
         0,
         0,
         {u"status:"_s, u"priority:"_s, u"visibility:"_s, u"assignee:"_s, u"flow:"_s, u"fleet:"_s,
          u"device:"_s, u"customer:"_s, u"created:"_s}},
        {u"jam st|"_s, 4, 2, {u"status:"_s}},
        {u"F|"_s, 0, 1, {u"flow:"_s, u"fleet:"_s}},
        {u"stat|us:new"_s, 0, 4, {u"status:"_s}},
        {u"status:new,o|"_s, 11, 1, {u"open"_s}},
        {u"status:|"_s, 7, 0, {u"new"_s, u"open"_s, u"waiting"_s, u"resolved"_s, u"closed"_s}},
        {u"assignee:j|"_s, 9, 1, {u"jonas"_s, u"\"Jörg Müller\""_s}},
        {u"assignee:m|"_s, 9, 1, {u"me"_s, u"\"me\""_s}}, // staff named "me"
        {u"fleet:s| x"_s, 6, 1, {u"Süd"_s}},
        {u"device:\"Aufzug H|"_s, 7, 9, {u"\"Aufzug Haupthaus\""_s}},
        {u"device:au|"_s, 7, 2, {u"\"Aufzug Haupthaus\""_s, u"\"Aufzug Nebenhaus\""_s}},
        {u"colour:r|"_s, 0, 0, {}},
        {u"-wo|"_s, 0, 0, {}},
        {u"a |"_s,
         2,
         0,
         {u"status:"_s, u"priority:"_s, u"visibility:"_s, u"assignee:"_s, u"flow:"_s, u"fleet:"_s,
          u"device:"_s, u"customer:"_s, u"created:"_s}},
    };
    for (const auto &[marked, start, length, candidates] : table) {
        SCOPED_TRACE(marked.toStdString());
        const int cursor = int(marked.indexOf(u'|'));
        QString text = marked;
        text.remove(cursor, 1);
        const SearchCompletion c = completeSearch(text, cursor, dir);
        EXPECT_EQ(c.candidates, candidates);
        if (!candidates.isEmpty()) {
            EXPECT_EQ(c.replaceStart, start);
            EXPECT_EQ(c.replaceLength, length);
        }
    }
    EXPECT_EQ(completeSearch(u"status:"_s, 7, dir, 2).candidates,
              (QStringList{u"new"_s, u"open"_s}));
}

// Any text that parses writes back to a text that parses to the same query, and writing
// that again changes nothing: random texts from the pieces that make the syntax tricky.
TEST(SearchSyntax, RoundTripOfRandomTexts)
{
    const FakeDirectory dir;
    const QStringList pieces{
        u"status:"_s,    u"assignee:"_s, u"device:"_s, u"fleet:"_s, u"created:"_s,
        u"new"_s,        u"open"_s,      u"me"_s,      u"none"_s,   u"ME"_s,
        u"jonas"_s,      u"Süd"_s,       u"Pumpe"_s,   u"#7"_s,     u"Aufzug Haupthaus"_s,
        u"Tür"_s,        u"\""_s,        u"\\"_s,      u","_s,      u":"_s,
        u"-"_s,          u" "_s,         u"  "_s,      u"\t"_s,     u"ä"_s,
        u"x"_s,          u"7d"_s,        u">"_s,       u">="_s,     u".."_s,
        u"2026-11-01"_s, u"today"_s,     u"a:b"_s};
    std::mt19937 random(13);
    int parsed = 0;
    for (int round = 0; round < 20000; ++round) {
        QString text;
        const int count = int(random() % 8);
        for (int i = 0; i < count; ++i)
            text += pieces[qsizetype(random() % pieces.size())];
        const SearchParseResult first = parseSearch(text, dir);
        if (!first.ok())
            continue;
        ++parsed;
        const QString written = searchText(first.query, first.extras, dir);
        const SearchParseResult second = parseSearch(written, dir);
        ASSERT_TRUE(second.ok()) << text.toStdString() << " -> " << written.toStdString();
        ASSERT_EQ(second.query, first.query)
            << text.toStdString() << " -> " << written.toStdString();
        ASSERT_EQ(second.extras, first.extras)
            << text.toStdString() << " -> " << written.toStdString();
        ASSERT_EQ(searchText(second.query, second.extras, dir), written) << text.toStdString();
    }
    EXPECT_GT(parsed, 2000); // the generator reaches texts that parse, not only problems
}
