// Fleet administration: PATCH /fleets/{id} (strategy, members, flow rules) and
// PATCH /staff/{id} (absence). Who may call them, that refused requests change nothing,
// that a change takes effect on the very next ticket, the events, and the record of a
// manual reassignment.
#include "testsupport.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSet>
#include <climits>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

// Demo devices by index: 0 Nord (round_robin), 1 Süd (least_open), 2 West (manual).
constexpr int NordDevice = 0;
constexpr qint64 SparePartFlow = 3;
constexpr qint64 Hour = 3600 * 1000;

QString iso(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toString(Qt::ISODateWithMs);
}

qint64 nowMsecs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

class FleetAdminTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_FALSE(admin.loginStaff(u"anna"_s).isEmpty());
        ASSERT_FALSE(agent.loginStaff(u"jonas"_s).isEmpty());
        ASSERT_FALSE(codeUser.loginDevice(demoDeviceCode(NordDevice)).isEmpty());
        for (const QJsonValue &s : admin.get(u"/staff"_s).items())
            ids.insert(s[u"login"_s].toString(), s[u"id"_s].toInteger());
        nordId = admin.get(u"/devices/%1"_s.arg(demoDeviceId(NordDevice)))
                     .object()[u"fleetId"_s]
                     .toInteger();
        ASSERT_GT(nordId, 0);
    }

    QJsonObject fleet(qint64 id)
    {
        for (const QJsonValue &f : admin.get(u"/fleets"_s).items()) {
            if (f[u"id"_s].toInteger() == id)
                return f.toObject();
        }
        return {};
    }

    QJsonObject staffMember(qint64 id)
    {
        for (const QJsonValue &s : admin.get(u"/staff"_s).items()) {
            if (s[u"id"_s].toInteger() == id)
                return s.toObject();
        }
        return {};
    }

    HttpResult patchFleet(const QJsonObject &body, qint64 id = 0)
    {
        return admin.patch(u"/fleets/%1"_s.arg(id ? id : nordId), body);
    }

    HttpResult patchStaff(const QString &login, const QJsonObject &body)
    {
        return admin.patch(u"/staff/%1"_s.arg(ids.value(login)), body);
    }

    // A ticket created by a code user of the Nord device, as staff see it.
    QJsonObject createInNord(const QString &title, qint64 flowId = 0)
    {
        QJsonObject extra;
        if (flowId)
            extra.insert(u"flowId"_s, flowId);
        HttpResult failure;
        const QJsonObject t = createTicket(codeUser, title, extra, &failure);
        EXPECT_FALSE(t.isEmpty()) << failure.body.toStdString();
        return admin.get(u"/tickets/%1"_s.arg(t[u"id"_s].toInteger())).object();
    }

    qint64 nextAssignee(const QString &title, qint64 flowId = 0)
    {
        return createInNord(title, flowId)[u"assigneeId"_s].toInteger();
    }

    QJsonArray idArray(const QStringList &logins)
    {
        QJsonArray a;
        for (const QString &l : logins)
            a.append(ids.value(l));
        return a;
    }

    TestServer server;
    ApiClient admin{server.baseUrl()};
    ApiClient agent{server.baseUrl()};
    ApiClient codeUser{server.baseUrl()};
    ApiClient anonymous{server.baseUrl()};
    QHash<QString, qint64> ids;
    qint64 nordId = 0;
};

TEST_F(FleetAdminTest, OnlyAdminsChangeFleetsAndAbsences)
{
    for (ApiClient *reader : {&agent, &admin}) {
        EXPECT_EQ(reader->get(u"/fleets"_s).status, 200);
        EXPECT_EQ(reader->get(u"/staff"_s).status, 200);
    }
    const QString fleetPath = u"/fleets/%1"_s.arg(nordId);
    const QString staffPath = u"/staff/%1"_s.arg(ids[u"murat"_s]);
    const QJsonObject fleetBody{{u"strategy"_s, u"manual"_s},
                                {u"memberIds"_s, QJsonArray()},
                                {u"flowRules"_s, QJsonArray()}};
    const QJsonObject staffBody{{u"absentFrom"_s, iso(nowMsecs() - Hour)},
                                {u"absentTo"_s, iso(nowMsecs() + Hour)}};
    const QByteArray fleetsBefore = admin.get(u"/fleets"_s).body;
    const QByteArray staffBefore = admin.get(u"/staff"_s).body;
    struct Case {
        ApiClient *who;
        int status;
        QString code;
    };
    for (const Case &c :
         {Case{&anonymous, 401, u"unauthorized"_s}, Case{&codeUser, 404, u"not_found"_s},
          Case{&agent, 403, u"forbidden"_s}}) {
        const HttpResult f = c.who->patch(fleetPath, fleetBody);
        EXPECT_EQ(f.status, c.status) << f.body.toStdString();
        EXPECT_EQ(f.errorCode(), c.code);
        const HttpResult s = c.who->patch(staffPath, staffBody);
        EXPECT_EQ(s.status, c.status) << s.body.toStdString();
        EXPECT_EQ(s.errorCode(), c.code);
        EXPECT_EQ(admin.get(u"/fleets"_s).body, fleetsBefore);
        EXPECT_EQ(admin.get(u"/staff"_s).body, staffBefore);
    }
    // A code user learns nothing: the answer is that of a path that does not exist.
    EXPECT_EQ(codeUser.patch(fleetPath, fleetBody).body, codeUser.get(u"/no-such-thing"_s).body);
    EXPECT_EQ(patchFleet(fleetBody).status, 200);
    EXPECT_EQ(admin.patch(staffPath, staffBody).status, 200);
}

TEST_F(FleetAdminTest, InvalidFleetChangesAreRefusedAndChangeNothing)
{
    const qint64 tobias = ids[u"tobias"_s];
    const auto rule = [](qint64 flowId, const QJsonArray &members) {
        return QJsonObject{{u"flowId"_s, flowId}, {u"memberIds"_s, members}};
    };
    struct Case {
        QJsonObject body;
        int status;
        QString field;
    };
    const QList<Case> cases{
        {{}, 422, {}},
        {{{u"colour"_s, u"blue"_s}}, 422, u"colour"_s},
        {{{u"strategy"_s, 5}}, 400, u"strategy"_s},
        {{{u"strategy"_s, u"random"_s}}, 422, u"strategy"_s},
        {{{u"memberIds"_s, u"2"_s}}, 400, u"memberIds"_s},
        {{{u"memberIds"_s, QJsonArray{2, 1.5}}}, 400, u"memberIds"_s},
        {{{u"memberIds"_s, QJsonArray{tobias, tobias}}}, 422, u"memberIds"_s},
        {{{u"memberIds"_s, QJsonArray{tobias, 99999}}}, 422, u"memberIds"_s},
        {{{u"strategy"_s, u"manual"_s}, {u"memberIds"_s, QJsonArray{tobias, 0}}},
         422,
         u"memberIds"_s},
        // Tobias holds Nord's spare-part rule: he cannot leave while it names him.
        {{{u"memberIds"_s, idArray({u"jonas"_s, u"murat"_s})}}, 422, u"memberIds"_s},
        {{{u"flowRules"_s, QJsonObject()}}, 400, u"flowRules"_s},
        {{{u"flowRules"_s, QJsonArray{5}}}, 400, u"flowRules[0]"_s},
        {{{u"flowRules"_s, QJsonArray{rule(999, {tobias})}}}, 422, u"flowRules[0].flowId"_s},
        {{{u"flowRules"_s, QJsonArray{rule(SparePartFlow, {tobias}), rule(SparePartFlow, {2})}}},
         422,
         u"flowRules[1].flowId"_s},
        {{{u"flowRules"_s, QJsonArray{rule(SparePartFlow, {})}}}, 422, u"flowRules[0].memberIds"_s},
        {{{u"flowRules"_s, QJsonArray{rule(SparePartFlow, idArray({u"sophie"_s}))}}},
         422,
         u"flowRules[0].memberIds"_s},
        {{{u"flowRules"_s, QJsonArray{QJsonObject{{u"flowId"_s, SparePartFlow}}}}},
         422,
         u"flowRules[0].memberIds"_s},
        {{{u"flowRules"_s,
           QJsonArray{
               QJsonObject{{u"flowId"_s, 1}, {u"memberIds"_s, QJsonArray{tobias}}, {u"x"_s, 1}}}}},
         422,
         u"flowRules[0].x"_s},
        // The rule must fit the members sent in the same request.
        {{{u"memberIds"_s, idArray({u"jonas"_s, u"murat"_s})},
          {u"flowRules"_s, QJsonArray{rule(SparePartFlow, {tobias})}}},
         422,
         u"flowRules[0].memberIds"_s},
    };
    const QJsonObject before = fleet(nordId);
    ASSERT_FALSE(before.isEmpty());
    for (const Case &c : cases) {
        const HttpResult r = patchFleet(c.body);
        SCOPED_TRACE(QJsonDocument(c.body).toJson(QJsonDocument::Compact).toStdString());
        EXPECT_EQ(r.status, c.status) << r.body.toStdString();
        const QJsonObject error = r.object()[u"error"_s].toObject();
        EXPECT_EQ(error[u"field"_s].toString(), c.field) << r.body.toStdString();
        EXPECT_FALSE(error[u"message"_s].toString().isEmpty());
        EXPECT_EQ(fleet(nordId), before);
    }
    const HttpResult named = patchFleet({{u"memberIds"_s, idArray({u"jonas"_s, u"murat"_s})}});
    EXPECT_TRUE(named.object()[u"error"_s][u"message"_s].toString().contains(u"Tobias Becker"_s))
        << named.body.toStdString();
    EXPECT_EQ(patchFleet({{u"strategy"_s, u"manual"_s}}, 999999).status, 404);
    EXPECT_EQ(admin.patch(u"/fleets/abc"_s, {{u"strategy"_s, u"manual"_s}}).status, 404);
    EXPECT_EQ(admin
                  .send("PATCH", u"/fleets/%1"_s.arg(nordId), "{not json",
                        {{"Content-Type", "application/json"}})
                  .status,
              400);
    EXPECT_EQ(fleet(nordId), before);
}

TEST_F(FleetAdminTest, InvalidAbsencesAreRefusedAndChangeNothing)
{
    const qint64 now = nowMsecs();
    struct Case {
        QJsonObject body;
        int status;
        QString field;
    };
    const QList<Case> cases{
        {{}, 422, {}},
        {{{u"absent"_s, true}}, 422, u"absent"_s},
        {{{u"absentFrom"_s, 5}}, 400, u"absentFrom"_s},
        {{{u"absentFrom"_s, u"yesterday"_s}}, 422, u"absentFrom"_s},
        {{{u"absentTo"_s, iso(now + Hour)}}, 422, u"absentTo"_s},
        {{{u"absentFrom"_s, iso(now)}, {u"absentTo"_s, iso(now)}}, 422, u"absentTo"_s},
        {{{u"absentFrom"_s, iso(now)}, {u"absentTo"_s, iso(now - Hour)}}, 422, u"absentTo"_s},
    };
    const QByteArray before = admin.get(u"/staff"_s).body;
    for (const Case &c : cases) {
        SCOPED_TRACE(QJsonDocument(c.body).toJson(QJsonDocument::Compact).toStdString());
        const HttpResult r = patchStaff(u"murat"_s, c.body);
        EXPECT_EQ(r.status, c.status) << r.body.toStdString();
        EXPECT_EQ(r.object()[u"error"_s][u"field"_s].toString(), c.field) << r.body.toStdString();
        EXPECT_EQ(admin.get(u"/staff"_s).body, before);
    }
    EXPECT_EQ(admin.patch(u"/staff/999999"_s, {{u"absentFrom"_s, QJsonValue::Null}}).status, 404);
    EXPECT_EQ(admin.get(u"/staff"_s).body, before);
}

TEST_F(FleetAdminTest, StrategyChangeTakesEffectOnTheNextTicket)
{
    const HttpResult r = patchFleet({{u"strategy"_s, u"least_open"_s}});
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    EXPECT_EQ(r.object(), fleet(nordId));
    EXPECT_EQ(r.object()[u"strategy"_s].toString(), u"least_open"_s);

    QHash<qint64, qint64> open;
    for (const QJsonValue &v :
         admin.get(u"/tickets/facets?status=new,open,waiting"_s).object()[u"assignee"_s].toArray())
        open.insert(v[u"assigneeId"_s].toInteger(), v[u"count"_s].toInteger());
    qint64 fewest = LLONG_MAX;
    for (const QString &login : {u"jonas"_s, u"murat"_s, u"tobias"_s}) // Lena is absent
        fewest = qMin(fewest, open.value(ids[login]));
    const QJsonObject t = createInNord(u"Nach dem Wechsel"_s);
    EXPECT_EQ(open.value(t[u"assigneeId"_s].toInteger()), fewest);
    const QJsonObject a = t[u"assignment"_s].toObject();
    EXPECT_EQ(a[u"by"_s].toString(), u"rule"_s);
    EXPECT_EQ(a[u"rule"_s].toString(), u"Nord, least_open"_s);
    EXPECT_EQ(a[u"strategy"_s].toString(), u"least_open"_s);
    EXPECT_EQ(a[u"fleetId"_s].toInteger(), nordId);
    EXPECT_EQ(a[u"fleet"_s].toString(), u"Nord"_s);
    EXPECT_FALSE(a.contains(u"flowId"_s));
    EXPECT_FALSE(a.contains(u"flow"_s));

    ASSERT_EQ(patchFleet({{u"strategy"_s, u"manual"_s}}).status, 200);
    const QJsonObject waiting = createInNord(u"Von Hand zu verteilen"_s);
    EXPECT_TRUE(waiting[u"assigneeId"_s].isNull());
    EXPECT_TRUE(waiting[u"assignment"_s].isNull());

    ASSERT_EQ(patchFleet({{u"strategy"_s, u"round_robin"_s}}).status, 200);
    EXPECT_EQ(createInNord(u"Wieder im Wechsel"_s)[u"assignment"_s][u"strategy"_s].toString(),
              u"round_robin"_s);
}

TEST_F(FleetAdminTest, RoundRobinFollowsMemberChanges)
{
    const qint64 jonas = ids[u"jonas"_s], murat = ids[u"murat"_s], tobias = ids[u"tobias"_s],
                 sophie = ids[u"sophie"_s];
    // Bring the turn to Murat (Nord: Jonas, Lena absent, Murat, Tobias).
    qint64 last = 0;
    for (int i = 0; i < 4 && last != murat; ++i)
        last = nextAssignee(u"Bis Murat %1"_s.arg(i));
    ASSERT_EQ(last, murat);

    // Murat, chosen last, leaves; Sophie joins at the end: the turn goes on after Murat's
    // old place, and Sophie comes in her place in the order.
    const HttpResult r = patchFleet({{u"memberIds"_s, QJsonArray{jonas, tobias, sophie}}});
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    EXPECT_EQ(r.object()[u"memberIds"_s].toArray(), (QJsonArray{jonas, tobias, sophie}));
    QList<qint64> got;
    for (int i = 0; i < 6; ++i)
        got.append(nextAssignee(u"Neue Reihe %1"_s.arg(i)));
    EXPECT_EQ(got, (QList<qint64>{tobias, sophie, jonas, tobias, sophie, jonas}));

    // The one chosen last (Jonas, first in the order) leaves: the turn starts at the first.
    ASSERT_EQ(patchFleet({{u"memberIds"_s, QJsonArray{tobias, sophie, murat}}}).status, 200);
    got.clear();
    for (int i = 0; i < 3; ++i)
        got.append(nextAssignee(u"Ohne Jonas %1"_s.arg(i)));
    EXPECT_EQ(got, (QList<qint64>{tobias, sophie, murat}));

    // Nobody left: the ticket stays unassigned and is flagged.
    ASSERT_EQ(patchFleet({{u"memberIds"_s, QJsonArray()}, {u"flowRules"_s, QJsonArray()}}).status,
              200);
    const QJsonObject t = createInNord(u"Niemand mehr"_s);
    EXPECT_TRUE(t[u"assigneeId"_s].isNull());
    EXPECT_TRUE(t[u"assignment"_s][u"unassigned"_s].toBool());
}

TEST_F(FleetAdminTest, FlowRuleReplacementIsFollowed)
{
    const qint64 jonas = ids[u"jonas"_s], murat = ids[u"murat"_s];
    const HttpResult r = patchFleet(
        {{u"flowRules"_s, QJsonArray{QJsonObject{{u"flowId"_s, SparePartFlow},
                                                 {u"memberIds"_s, QJsonArray{jonas, murat}}}}}});
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    QSet<qint64> got;
    for (int i = 0; i < 4; ++i) {
        const QJsonObject t = createInNord(u"Toner %1"_s.arg(i), SparePartFlow);
        got.insert(t[u"assigneeId"_s].toInteger());
        const QJsonObject a = t[u"assignment"_s].toObject();
        EXPECT_EQ(a[u"flowId"_s].toInteger(), SparePartFlow);
        EXPECT_EQ(a[u"flow"_s].toString(), u"Ersatzteilbestellung"_s);
        EXPECT_EQ(a[u"rule"_s].toString(), u"Nord, round_robin, Ersatzteilbestellung"_s);
    }
    EXPECT_EQ(got, (QSet<qint64>{jonas, murat}));

    ASSERT_EQ(patchFleet({{u"flowRules"_s, QJsonArray()}}).status, 200);
    EXPECT_TRUE(fleet(nordId)[u"flowRules"_s].toArray().isEmpty());
    const QJsonObject a =
        createInNord(u"Toner ohne Regel"_s, SparePartFlow)[u"assignment"_s].toObject();
    EXPECT_EQ(a[u"rule"_s].toString(), u"Nord, round_robin"_s);
    EXPECT_FALSE(a.contains(u"flowId"_s));
}

TEST_F(FleetAdminTest, AbsenceThroughTheApiSkipsAndRestoresAMember)
{
    const qint64 jonas = ids[u"jonas"_s];
    const qint64 now = nowMsecs();
    const HttpResult away = patchStaff(
        u"jonas"_s, {{u"absentFrom"_s, iso(now - Hour)}, {u"absentTo"_s, iso(now + 24 * Hour)}});
    ASSERT_EQ(away.status, 200) << away.body.toStdString();
    EXPECT_TRUE(away.object()[u"absent"_s].toBool());
    EXPECT_EQ(away.object()[u"absentFrom"_s].toString(), iso(now - Hour));
    EXPECT_EQ(away.object()[u"absentTo"_s].toString(), iso(now + 24 * Hour));
    EXPECT_EQ(away.object(), staffMember(jonas));
    for (int i = 0; i < 4; ++i)
        EXPECT_NE(nextAssignee(u"Ohne Jonas %1"_s.arg(i)), jonas);

    const HttpResult back = patchStaff(
        u"jonas"_s, {{u"absentFrom"_s, QJsonValue::Null}, {u"absentTo"_s, QJsonValue::Null}});
    ASSERT_EQ(back.status, 200) << back.body.toStdString();
    EXPECT_FALSE(back.object()[u"absent"_s].toBool());
    EXPECT_TRUE(back.object()[u"absentFrom"_s].isNull());
    QList<qint64> got;
    for (int i = 0; i < 3; ++i)
        got.append(nextAssignee(u"Mit Jonas %1"_s.arg(i)));
    EXPECT_TRUE(got.contains(jonas));

    // An absence that is over counts as none; Lena's ended too: both are in turn again.
    for (const QString &login : {u"jonas"_s, u"lena"_s}) {
        const HttpResult past = patchStaff(login, {{u"absentFrom"_s, iso(now - 48 * Hour)},
                                                   {u"absentTo"_s, iso(now - 24 * Hour)}});
        ASSERT_EQ(past.status, 200) << past.body.toStdString();
        EXPECT_FALSE(past.object()[u"absent"_s].toBool());
    }
    got.clear();
    for (int i = 0; i < 4; ++i)
        got.append(nextAssignee(u"Alle da %1"_s.arg(i)));
    EXPECT_TRUE(got.contains(jonas));
    EXPECT_TRUE(got.contains(ids[u"lena"_s]));
}

TEST_F(FleetAdminTest, ChangesAreStaffOnlyEvents)
{
    EventClient staffStream, userStream;
    ASSERT_TRUE(staffStream.open(server.baseUrl(), agent.token()));
    ASSERT_TRUE(userStream.open(server.baseUrl(), codeUser.token()));
    const auto ofType = [](const QString &type) {
        return [type](const QJsonObject &f) {
            return f[u"type"_s].toString() == type;
        };
    };
    // Changing nothing publishes nothing.
    ASSERT_EQ(patchFleet({{u"strategy"_s, u"round_robin"_s}}).status, 200);
    ASSERT_EQ(patchFleet({{u"strategy"_s, u"least_open"_s}}).status, 200);
    const QJsonObject fleetEvent = staffStream.waitFor(ofType(u"fleet.updated"_s));
    ASSERT_FALSE(fleetEvent.isEmpty());
    EXPECT_TRUE(fleetEvent[u"ticketId"_s].isNull());
    EXPECT_EQ(fleetEvent[u"data"_s].toObject(), fleet(nordId));

    ASSERT_EQ(patchStaff(u"murat"_s, {{u"absentFrom"_s, iso(nowMsecs())}}).status, 200);
    const QJsonObject staffEvent = staffStream.waitFor(ofType(u"staff.updated"_s));
    ASSERT_FALSE(staffEvent.isEmpty());
    EXPECT_TRUE(staffEvent[u"ticketId"_s].isNull());
    EXPECT_EQ(staffEvent[u"data"_s][u"id"_s].toInteger(), ids[u"murat"_s]);
    EXPECT_TRUE(staffEvent[u"data"_s][u"absent"_s].toBool());

    // A ticket event after them: once the code user has it, theirs would have come.
    const qint64 id = createTicket(codeUser, u"Nach der Änderung"_s)[u"id"_s].toInteger();
    EXPECT_FALSE(userStream
                     .waitFor([id](const QJsonObject &f) {
                         return f[u"type"_s] == u"ticket.created"_s &&
                                f[u"ticketId"_s].toInteger() == id;
                     })
                     .isEmpty());
    int fleetEvents = 0;
    for (const QJsonObject &f : staffStream.frames())
        fleetEvents += f[u"type"_s] == u"fleet.updated"_s ? 1 : 0;
    EXPECT_EQ(fleetEvents, 1) << "an unchanged fleet was announced";
    for (const QJsonObject &f : userStream.frames()) {
        EXPECT_NE(f[u"type"_s].toString(), u"fleet.updated"_s);
        EXPECT_NE(f[u"type"_s].toString(), u"staff.updated"_s);
    }
    // Nor when a code user catches up from the start.
    EventClient replay;
    ASSERT_TRUE(replay.open(server.baseUrl(), codeUser.token(), 0));
    for (const QJsonObject &f : replay.collect(300)) {
        EXPECT_NE(f[u"type"_s].toString(), u"fleet.updated"_s);
        EXPECT_NE(f[u"type"_s].toString(), u"staff.updated"_s);
    }
}

TEST_F(FleetAdminTest, ManualReassignmentIsRecordedForStaffOnly)
{
    const QJsonObject created = createInNord(u"Umverteilen"_s);
    const qint64 id = created[u"id"_s].toInteger();
    const QJsonObject automatic = created[u"assignment"_s].toObject();
    EXPECT_EQ(automatic[u"by"_s].toString(), u"rule"_s);
    EXPECT_EQ(automatic[u"fleetId"_s].toInteger(), nordId);

    const qint64 mia = ids[u"mia"_s], anna = ids[u"anna"_s];
    const HttpResult r = admin.editTicket(id, {{u"assigneeId"_s, mia}});
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    const QJsonObject record = r.object()[u"assignment"_s].toObject();
    EXPECT_EQ(record[u"assigneeId"_s].toInteger(), mia);
    EXPECT_EQ(record[u"by"_s].toInteger(), anna);
    EXPECT_EQ(record[u"byName"_s].toString(), u"Anna Schmidt"_s);
    EXPECT_TRUE(record[u"rule"_s].isNull());
    EXPECT_FALSE(record[u"at"_s].toString().isEmpty());

    const HttpResult unassigned = admin.editTicket(id, {{u"assigneeId"_s, QJsonValue::Null}});
    ASSERT_EQ(unassigned.status, 200) << unassigned.body.toStdString();
    const QJsonObject none = unassigned.object()[u"assignment"_s].toObject();
    EXPECT_TRUE(none[u"assigneeId"_s].isNull());
    EXPECT_EQ(none[u"by"_s].toInteger(), anna);
    EXPECT_EQ(none[u"byName"_s].toString(), u"Anna Schmidt"_s);
    EXPECT_TRUE(none.contains(u"rule"_s) && none[u"rule"_s].isNull());

    QList<QJsonObject> records;
    for (const QJsonValue &h : admin.get(u"/tickets/%1/history"_s.arg(id)).items()) {
        if (h[u"field"_s] == u"assignment"_s)
            records.append(h[u"to"_s].toObject());
    }
    EXPECT_EQ(records, (QList<QJsonObject>{automatic, record, none}));
    for (const QJsonValue &h : codeUser.get(u"/tickets/%1/history"_s.arg(id)).items())
        EXPECT_NE(h[u"field"_s].toString(), u"assignment"_s);
}

} // namespace
