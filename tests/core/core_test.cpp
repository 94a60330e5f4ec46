// Unit tests of src/core: JSON mapping of the domain types, enumerations, the status
// life cycle and request validation (the ticket query: ticketquery_test.cpp).
#include "core/enums.h"
#include "core/statusflow.h"
#include "core/ticketquery.h"
#include "core/timeutil.h"
#include "core/types.h"
#include "core/validation.h"

#include <QJsonDocument>
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

constexpr qint64 T0 = 1764187189123; // 2025-11-26T19:59:49.123Z
constexpr qint64 T1 = T0 + 86'400'000;

QByteArray dump(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// toJson(fromJson(toJson(x))) == toJson(x): nothing is lost in either direction.
template <typename T, typename... A> void expectRoundTrip(const T &x, A... args)
{
    const QJsonObject once = x.toJson(args...);
    EXPECT_EQ(dump(T::fromJson(once).toJson(args...)), dump(once));
}

UserRef user(const QString &type, qint64 id, const QString &name)
{
    return {type, id, name};
}

Attachment attachment(const QString &id, bool internal)
{
    return Attachment(id, u"photo 1.jpg"_s, 1234, u"image/jpeg"_s, QString(64, u'a'), internal, T0,
                      user(u"staff"_s, 2, u"Ann"_s));
}

} // namespace

TEST(Enums, PrintAndParseEveryValue)
{
    const QStringList priorities{u"low"_s, u"normal"_s, u"high"_s};
    for (int i = 0; i < PriorityCount; ++i) {
        EXPECT_EQ(toString(Priority(i)), priorities[i]);
        EXPECT_EQ(parsePriority(priorities[i]), Priority(i));
    }
    const QStringList statuses{u"new"_s, u"open"_s, u"waiting"_s, u"resolved"_s, u"closed"_s};
    for (int i = 0; i < StatusCount; ++i) {
        EXPECT_EQ(toString(Status(i)), statuses[i]);
        EXPECT_EQ(parseStatus(statuses[i]), Status(i));
    }
    EXPECT_EQ(toString(Visibility::Public), u"public"_s);
    EXPECT_EQ(toString(Visibility::Internal), u"internal"_s);
    EXPECT_EQ(parseVisibility(u"internal"), Visibility::Internal);
    for (Role r : {Role::Agent, Role::Admin, Role::CodeUser})
        EXPECT_EQ(parseRole(toString(r)), r);
    EXPECT_EQ(toString(Role::CodeUser), u"code_user"_s);
    const QStringList strategies{u"round_robin"_s, u"least_open"_s, u"manual"_s};
    for (int i = 0; i < FleetStrategyCount; ++i) {
        EXPECT_EQ(toString(FleetStrategy(i)), strategies[i]);
        EXPECT_EQ(parseFleetStrategy(strategies[i]), FleetStrategy(i));
    }
    EXPECT_TRUE(isStaff(Role::Agent) && isStaff(Role::Admin) && !isStaff(Role::CodeUser));
}

TEST(Enums, RefuseUnknownNames)
{
    for (const QString &s : {u""_s, u"Open"_s, u" open"_s, u"opened"_s, u"0"_s}) {
        EXPECT_FALSE(parseStatus(s)) << qPrintable(s);
        EXPECT_FALSE(parsePriority(s)) << qPrintable(s);
        EXPECT_FALSE(parseVisibility(s)) << qPrintable(s);
        EXPECT_FALSE(parseRole(s)) << qPrintable(s);
        EXPECT_FALSE(parseFleetStrategy(s)) << qPrintable(s);
    }
    EXPECT_FALSE(parseFleetStrategy(u"Round robin"));
    EXPECT_FALSE(parsePriority(u"urgent"));
    EXPECT_FALSE(parseRole(u"root"));
}

TEST(StatusFlow, AllTwentyFivePairs)
{
    using S = Status;
    // Rows: from; columns: to (new, open, waiting, resolved, closed).
    const bool legal[StatusCount][StatusCount] = {
        {true, true, true, true, true},     // new: forward jumps
        {false, true, true, true, true},    // open
        {false, false, true, true, true},   // waiting
        {false, true, false, true, true},   // resolved: reopen to open only
        {false, true, false, false, true}}; // closed: reopen to open only
    for (int from = 0; from < StatusCount; ++from) {
        for (int to = 0; to < StatusCount; ++to) {
            EXPECT_EQ(isLegalTransition(S(from), S(to)), legal[from][to])
                << qPrintable(toString(S(from))) << " -> " << qPrintable(toString(S(to)));
        }
    }
}

TEST(Time, IsoUtcWithMilliseconds)
{
    EXPECT_EQ(toIsoUtc(T0), u"2025-11-26T19:59:49.123Z"_s);
    EXPECT_EQ(parseIsoUtc(toIsoUtc(T0)), T0);
    EXPECT_FALSE(parseIsoUtc(u"yesterday"_s));
}

TEST(Json, UserRefCustomerFlowRule)
{
    const UserRef u = user(u"code_user"_s, 7, u"Zoë"_s);
    expectRoundTrip(u);
    EXPECT_EQ(UserRef::fromJson(u.toJson()).name, u"Zoë"_s);

    const Customer c{3, u"ACME"_s, u"C-1"_s, u"Bob"_s, u"b@acme.test"_s, u"+49 1"_s, u"Street 1"_s};
    expectRoundTrip(c);
    const Customer back = Customer::fromJson(c.toJson());
    EXPECT_EQ(back.contactName, u"Bob"_s);
    EXPECT_EQ(back.address, u"Street 1"_s);

    const FlowRule rule{4, {2, 3}};
    expectRoundTrip(rule);
    EXPECT_EQ(FlowRule::fromJson(rule.toJson()).memberIds, (QList<qint64>{2, 3}));
}

TEST(Json, StaffMemberWithAbsenceAndFleets)
{
    StaffMember s{5, u"ann"_s, u"Ann"_s, u"ann@x.test"_s, Role::Admin, false, T0, T1, {1, 4}};
    expectRoundTrip(s, T0);
    const QJsonObject o = s.toJson(T0 + 1);
    EXPECT_TRUE(o.value(u"absent").toBool());
    EXPECT_FALSE(s.toJson(T1).value(u"absent").toBool()); // the end is exclusive
    EXPECT_FALSE(s.toJson(T0 - 1).value(u"absent").toBool());
    EXPECT_EQ(o.value(u"role").toString(), u"admin"_s);
    const StaffMember back = StaffMember::fromJson(o);
    EXPECT_EQ(back.absentFrom, T0);
    EXPECT_EQ(back.absentTo, T1);
    EXPECT_EQ(back.fleetIds, (QList<qint64>{1, 4}));
    EXPECT_FALSE(back.active);

    StaffMember present{6, u"bo"_s, u"Bo"_s, {}, Role::Agent, true, {}, {}, {}};
    expectRoundTrip(present, T0);
    EXPECT_TRUE(present.toJson(T0).value(u"absentFrom").isNull());
    EXPECT_FALSE(present.isAbsentAt(T0));
    present.absentFrom = T0; // open-ended absence
    EXPECT_TRUE(present.isAbsentAt(T1 * 2));
}

TEST(Json, FlowWithFieldsAndTemplate)
{
    const FlowField select{u"part"_s, u"Part"_s, u"select"_s, true, {u"A"_s, u"B"_s}, 0};
    const FlowField text{u"note"_s, u"Note"_s, u"textarea"_s, false, {}, 500};
    const Flow f{9, u"spare_part_order"_s, u"Spare part order"_s, {select, text}};
    expectRoundTrip(f);
    const QJsonObject o = f.toJson();
    const QJsonArray fields = o.value(u"fields").toArray();
    ASSERT_EQ(fields.size(), 2);
    EXPECT_FALSE(fields[0].toObject().contains(u"maxLength")); // absent when unlimited
    EXPECT_FALSE(fields[1].toObject().contains(u"options"));   // absent when none
    const Flow back = Flow::fromJson(o);
    EXPECT_EQ(back.fields[0].options, (QStringList{u"A"_s, u"B"_s}));
    EXPECT_EQ(back.fields[1].maxLength, 500);
    EXPECT_TRUE(back.fields[0].required);

    const DeviceTemplate t{2, u"Coffee"_s, u"Machines"_s, {9, 1}};
    const QJsonObject to = t.toJson();
    EXPECT_EQ(to.value(u"flowIds").toArray(), (QJsonArray{9, 1}));
    EXPECT_EQ(to.value(u"description").toString(), u"Machines"_s);
}

TEST(Json, FleetAndDevice)
{
    const Fleet fleet{1, u"North"_s, FleetStrategy::LeastOpen, {3, 2}, {{4, {2}}, {5, {3, 2}}}};
    expectRoundTrip(fleet);
    EXPECT_EQ(fleet.toJson().value(u"strategy").toString(), u"least_open"_s);
    const Fleet back = Fleet::fromJson(fleet.toJson());
    EXPECT_EQ(back.strategy, FleetStrategy::LeastOpen);
    EXPECT_EQ(back.memberIds, (QList<qint64>{3, 2}));
    ASSERT_EQ(back.flowRules.size(), 2);
    EXPECT_EQ(back.flowRules[1].memberIds, (QList<qint64>{3, 2}));

    Device d{8, u"Dev"_s, u"SN1"_s, u"Hall"_s, 2, u"Coffee"_s, 1, u"North"_s, 3};
    expectRoundTrip(d, true);
    expectRoundTrip(d, false);
    const QJsonObject codeView = d.toJson(false);
    EXPECT_FALSE(codeView.contains(u"fleetId"));
    EXPECT_FALSE(codeView.contains(u"fleetName"));
    EXPECT_FALSE(codeView.contains(u"customerId"));
    EXPECT_EQ(Device::fromJson(d.toJson(true)).customerId, 3);
    d.customerId.reset();
    EXPECT_TRUE(d.toJson(true).value(u"customerId").isNull());
    EXPECT_FALSE(Device::fromJson(d.toJson(true)).customerId);
}

TEST(Json, AttachmentRatingPostHistoryEvent)
{
    const Attachment a = attachment(u"00ff"_s, true);
    expectRoundTrip(a);
    EXPECT_EQ(Attachment::fromJson(a.toJson()).createdAt, T0);
    EXPECT_TRUE(Attachment::fromJson(a.toJson()).internal);

    const Rating r{4, u"good"_s, T1, 5};
    expectRoundTrip(r, true);
    expectRoundTrip(r, false);
    EXPECT_FALSE(r.toJson(false).contains(u"assigneeId"));
    EXPECT_EQ(Rating::fromJson(r.toJson(true)).assigneeId, 5);

    const Post p(11, 3, 2, user(u"code_user"_s, 1, u"Max"_s), u"line 1\nline 2"_s,
                 QList{attachment(u"01"_s, false)}, T0);
    expectRoundTrip(p);
    EXPECT_EQ(Post::fromJson(p.toJson()).attachments.size(), 1);

    const HistoryEntry h{1,         T0,  user(u"staff"_s, 2, u"Ann"_s), u"status"_s, u"new"_s,
                         u"open"_s, true};
    expectRoundTrip(h);
    EXPECT_EQ(HistoryEntry::fromJson(h.toJson()).to.toString(), u"open"_s);

    const Event e{42, u"ticket.updated"_s, 3, T0, {{u"status"_s, u"open"_s}}};
    expectRoundTrip(e);
    const Event noTicket{43, u"presence"_s, 0, T0, {}};
    EXPECT_TRUE(noTicket.toJson().value(u"ticketId").isNull());
    expectRoundTrip(noTicket);
}

TEST(Json, TicketSummaryAndTicketHideStaffFields)
{
    const TicketSummary s(3, u"T-0003"_s, u"Broken"_s, Status::Waiting, Priority::High,
                          Visibility::Internal, 1, u"Problem"_s, 8, u"Dev"_s, u"ACME"_s, 2,
                          u"Ann"_s, T0, T1, 7, 5);
    expectRoundTrip(s, true);
    expectRoundTrip(s, false);
    EXPECT_FALSE(s.toJson(false).contains(u"customerName"));
    const TicketSummary back = TicketSummary::fromJson(s.toJson(true));
    EXPECT_EQ(back.status, Status::Waiting);
    EXPECT_EQ(back.priority, Priority::High);
    EXPECT_EQ(back.visibility, Visibility::Internal);
    EXPECT_EQ(back.version, 7);
    EXPECT_EQ(back.ratingStars, 5);
    EXPECT_EQ(back.updatedAt, T1);

    Ticket t;
    t.summary = s;
    t.description = u"It\tbeeps"_s;
    t.fields = {{u"part"_s, u"A"_s}};
    t.device = {8, u"Dev"_s, u"SN"_s, u"Hall"_s, 2, u"Coffee"_s, 1, u"North"_s, 3};
    t.customer = Customer{3, u"ACME"_s, {}, {}, {}, {}, {}};
    t.attachments = {attachment(u"aa"_s, false), attachment(u"bb"_s, true)};
    t.createdBy = user(u"code_user"_s, 1, u"Max"_s);
    t.assignment = {{u"assigneeId"_s, 2}, {u"rule"_s, u"round_robin"_s}};
    t.rating = Rating{5, u"top"_s, T1, 2};
    expectRoundTrip(t, true);
    const QJsonObject codeView = t.toJson(false);
    EXPECT_FALSE(codeView.contains(u"customer"));
    EXPECT_FALSE(codeView.value(u"device").toObject().contains(u"customerId"));
    EXPECT_EQ(codeView.value(u"attachments").toArray().size(), 1); // internal one hidden
    const Ticket back2 = Ticket::fromJson(t.toJson(true));
    ASSERT_TRUE(back2.customer);
    EXPECT_EQ(back2.customer->name, u"ACME"_s);
    EXPECT_EQ(back2.attachments.size(), 2);
    EXPECT_EQ(back2.rating->stars, 5);
    EXPECT_EQ(back2.fields, t.fields);
}

TEST(JsonReader, UnknownFieldsAre422)
{
    JsonReader in(QJsonObject{{u"title"_s, u"x"_s}, {u"role"_s, u"admin"_s}});
    in.allowOnly({u"title"_s});
    ASSERT_FALSE(in.ok());
    EXPECT_EQ(in.problem()->httpStatus, 422);
    EXPECT_EQ(in.problem()->code, u"unknown_field"_s);
    EXPECT_EQ(in.problem()->field, u"role"_s);
}

TEST(JsonReader, WrongTypesAre400)
{
    const QJsonObject o{{u"s"_s, 1}, {u"i"_s, u"1"_s}, {u"f"_s, 1.5},          {u"b"_s, 0},
                        {u"o"_s, 1}, {u"l"_s, 1},      {u"m"_s, QJsonArray{1}}};
    auto check = [&](auto read, const QString &field) {
        JsonReader in(o);
        read(in);
        ASSERT_FALSE(in.ok()) << qPrintable(field);
        EXPECT_EQ(in.problem()->httpStatus, 400) << qPrintable(field);
        EXPECT_EQ(in.problem()->code, u"wrong_type"_s);
        EXPECT_EQ(in.problem()->field, field);
    };
    check([](JsonReader &in) { in.text(u"s"_s, true, 0, 10); }, u"s"_s);
    check([](JsonReader &in) { in.integer(u"i"_s, true, 0, 10); }, u"i"_s);
    check([](JsonReader &in) { in.integer(u"f"_s, true, 0, 10); }, u"f"_s);
    check([](JsonReader &in) { in.boolean(u"b"_s, true); }, u"b"_s);
    check([](JsonReader &in) { in.object(u"o"_s, true); }, u"o"_s);
    check([](JsonReader &in) { in.stringList(u"l"_s, true, 5, 10); }, u"l"_s);
    check([](JsonReader &in) { in.stringList(u"m"_s, true, 5, 10); }, u"m"_s);
}

// Numbers beyond qint64 are no integers (qint64(double) of them would be undefined
// behaviour: found by the json_request fuzzer); all of qint64 is one.
TEST(JsonReader, IntegersBeyondQint64AreWrongTypes)
{
    const QJsonObject o = QJsonDocument::fromJson(R"({"huge": 1e70, "low": -1e19,
        "max": 9223372036854775807, "two63": 9223372036854775808, "exact": 4.0})")
                              .object();
    ASSERT_EQ(o.size(), 5);
    for (const QString &key : {u"huge"_s, u"low"_s, u"two63"_s}) {
        EXPECT_EQ(integerValue(o.value(key)), std::nullopt) << qPrintable(key);
        JsonReader in(o);
        EXPECT_EQ(in.integer(key, true, std::numeric_limits<qint64>::min(),
                             std::numeric_limits<qint64>::max()),
                  std::nullopt);
        ASSERT_FALSE(in.ok()) << qPrintable(key);
        EXPECT_EQ(in.problem()->code, u"wrong_type"_s) << qPrintable(key);
    }
    EXPECT_EQ(integerValue(o.value(u"max"_s)), std::numeric_limits<qint64>::max());
    EXPECT_EQ(integerValue(o.value(u"exact"_s)), 4);
    EXPECT_EQ(integerValue(QJsonValue(u"4"_s)), std::nullopt);
    JsonReader in(o);
    EXPECT_EQ(in.integer(u"max"_s, true, 1, std::numeric_limits<qint64>::max()),
              std::numeric_limits<qint64>::max());
    EXPECT_TRUE(in.ok());
}

TEST(JsonReader, RangesAndRequiredFields)
{
    const QJsonObject o{{u"n"_s, 6},
                        {u"t"_s, u"  "_s},
                        {u"long"_s, QString(11, u'x')},
                        {u"l"_s, QJsonArray{u"a"_s, u"b"_s, u"c"_s}}};
    auto problem = [&](auto read) {
        JsonReader in(o);
        read(in);
        return in.problem().value_or(ApiProblem{0, {}, {}, {}});
    };
    EXPECT_EQ(problem([](JsonReader &in) { in.integer(u"n"_s, true, 1, 5); }).code,
              u"out_of_range"_s);
    EXPECT_EQ(problem([](JsonReader &in) { in.integer(u"n"_s, true, 1, 6); }).httpStatus, 0);
    EXPECT_EQ(problem([](JsonReader &in) { in.text(u"t"_s, true, 1, 5); }).code, u"too_short"_s);
    EXPECT_EQ(problem([](JsonReader &in) { in.text(u"long"_s, true, 1, 10); }).code, u"too_long"_s);
    EXPECT_EQ(problem([](JsonReader &in) { in.text(u"x"_s, true, 1, 10); }).code,
              u"missing_field"_s);
    EXPECT_EQ(problem([](JsonReader &in) { in.text(u"x"_s, false, 1, 10); }).httpStatus, 0);
    EXPECT_EQ(problem([](JsonReader &in) { in.stringList(u"l"_s, true, 2, 10); }).code,
              u"too_many"_s);
    EXPECT_EQ(problem([](JsonReader &in) { in.stringList(u"l"_s, true, 3, 0); }).httpStatus, 422);

    JsonReader in(o);
    bool isNull = false;
    EXPECT_EQ(in.integer(u"n"_s, true, 1, 10), 6);
    EXPECT_EQ(in.stringList(u"l"_s, true, 3, 1), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    JsonReader nulls(QJsonObject{{u"a"_s, QJsonValue::Null}});
    EXPECT_FALSE(nulls.nullableInteger(u"a"_s, 1, 5, &isNull));
    EXPECT_TRUE(isNull);
    EXPECT_TRUE(nulls.ok());
}

TEST(JsonReader, FirstProblemWins)
{
    JsonReader in(QJsonObject{{u"a"_s, 1}, {u"b"_s, u"x"_s}});
    in.text(u"a"_s, true, 0, 5);       // 400 wrong type
    in.integer(u"b"_s, true, 0, 5);    // another problem, ignored
    in.text(u"missing"_s, true, 0, 5); // and another
    EXPECT_EQ(in.problem()->field, u"a"_s);
    EXPECT_EQ(in.problem()->httpStatus, 400);
}

TEST(JsonReader, ControlCharactersAndMultiline)
{
    const QString multi = u"line 1\nline 2\r\n\tindented"_s;
    EXPECT_FALSE(checkText(multi, true));
    EXPECT_TRUE(checkText(multi, false));
    for (char16_t c : {u'\0', u'\x1b', u'\x7f', u'\x85', u'\x9f'}) {
        const QString s = u"a"_s + QChar(c) + u"b"_s;
        EXPECT_TRUE(checkText(s, true)) << int(c);
        EXPECT_TRUE(checkText(s, false)) << int(c);
    }
    EXPECT_FALSE(checkText(u"Grüße, Ünïcödé ✓ 😀"_s, false));

    JsonReader single(QJsonObject{{u"t"_s, multi}});
    EXPECT_FALSE(single.text(u"t"_s, true, 1, 100));
    EXPECT_EQ(single.problem()->code, u"invalid_characters"_s);
    EXPECT_EQ(single.problem()->httpStatus, 422);
    JsonReader many(QJsonObject{{u"t"_s, multi}});
    EXPECT_EQ(many.text(u"t"_s, true, 1, 100, true), multi);
    JsonReader list(QJsonObject{{u"l"_s, QJsonArray{u"a\nb"_s}}});
    EXPECT_FALSE(list.stringList(u"l"_s, true, 5, 10));
    EXPECT_EQ(list.problem()->httpStatus, 422);
}

// The sort item is joined from one string per key. Built with QT_USE_QSTRINGBUILDER, a
// lambda with a deduced return type gave back a QStringBuilder that referred to the
// lambda's temporaries: the text was read from freed stack memory (AddressSanitizer:
// stack-use-after-scope; without it, garbage or the right text by luck).

TEST(Json, TicketSummaryWritesEveryCharacterAsQJsonObjectDoes)
{
    const QString hostile = u"\"quoted\" back\\slash \t\n\r\b\f \x01\x1f\x7f "
                            "Ümlaut € 😀 </script>"_s;
    TicketSummary s(9, hostile, hostile, Status::Open, Priority::Low, Visibility::Public, 2,
                    hostile, 4, hostile, hostile, 5, hostile, T0, T1, 3, std::nullopt);
    s.title.append(QChar(0)); // NUL and a lone surrogate must not break the text either
    s.number.append(QChar(0xd800));
    QJsonObject expected{{u"id"_s, 9},
                         {u"number"_s, s.number},
                         {u"title"_s, s.title},
                         {u"status"_s, u"open"_s},
                         {u"priority"_s, u"low"_s},
                         {u"visibility"_s, u"public"_s},
                         {u"flowId"_s, 2},
                         {u"flowName"_s, hostile},
                         {u"deviceId"_s, 4},
                         {u"deviceName"_s, hostile},
                         {u"assigneeId"_s, 5},
                         {u"assigneeName"_s, hostile},
                         {u"createdAt"_s, toIsoUtc(T0)},
                         {u"updatedAt"_s, toIsoUtc(T1)},
                         {u"version"_s, 3},
                         {u"ratingStars"_s, QJsonValue()},
                         {u"customerName"_s, hostile}};
    const QJsonObject got = s.toJson(true);
    EXPECT_EQ(got.value(u"title"_s).toString(), s.title);
    EXPECT_EQ(got.value(u"number"_s).toString().left(hostile.size()), hostile);
    expected.remove(u"number"_s); // the lone surrogate is replaced, as toUtf8 does
    QJsonObject compared = got;
    compared.remove(u"number"_s);
    EXPECT_EQ(compared, expected);
    s.assigneeId.reset();
    s.customerName.clear();
    s.ratingStars = 4;
    const QJsonObject plain = s.toJson(true);
    EXPECT_TRUE(plain.value(u"assigneeId"_s).isNull());
    EXPECT_TRUE(plain.value(u"assigneeName"_s).isNull());
    EXPECT_TRUE(plain.value(u"customerName"_s).isNull());
    EXPECT_EQ(plain.value(u"ratingStars"_s).toInteger(), 4);
    EXPECT_FALSE(s.toJson(false).contains(u"customerName"_s));
}
