// Response clocks on the server: who may read and write the service levels and business
// hours, that refused input changes nothing, that the clocks staff see equal the core
// computation (core/clocks.h) for the tickets' timelines, that a priority change moves and
// waiting pauses them, sort=due with its paging, and due=breached|soon with their facets
// against an oracle over every page. Code users never see clocks or targets.
#include "tickets_fixture.h"

#include "core/clocksjson.h"
#include "core/timeutil.h"
#include "core/types.h"

#include <QJsonArray>

using namespace ticketstest;

namespace {

constexpr qint64 Minute = 60000;

QString iso(const std::optional<qint64> &ms)
{
    return ms ? core::toIsoUtc(*ms) : QString();
}

QString text(const QJsonValue &v)
{
    return v.isNull() ? QString() : v.toString();
}

class ServiceLevelsTest : public TicketsTest
{
protected:
    HttpResult put(ApiClient &as, const QString &path, const QJsonObject &body)
    {
        return as.send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                       {{"Content-Type", "application/json"}});
    }
    QJsonObject levels(qint64 hiFirst, qint64 hiRes, qint64 noFirst, qint64 noRes, qint64 loFirst,
                       qint64 loRes)
    {
        const auto pair = [](qint64 f, qint64 r) {
            return QJsonObject{{u"firstReplyMinutes"_s, f}, {u"resolutionMinutes"_s, r}};
        };
        return {{u"high"_s, pair(hiFirst, hiRes)},
                {u"normal"_s, pair(noFirst, noRes)},
                {u"low"_s, pair(loFirst, loRes)}};
    }
    QList<qint64> fleetIds()
    {
        QList<qint64> out;
        for (const QJsonValue &f : admin.get(u"/fleets"_s).items())
            out.append(f[u"id"_s].toInteger());
        return out;
    }
    qint64 fleetOf(qint64 ticketId)
    {
        const qint64 device =
            admin.get(u"/tickets/%1"_s.arg(ticketId)).object()[u"deviceId"_s].toInteger();
        return admin.get(u"/devices/%1"_s.arg(device)).object()[u"fleetId"_s].toInteger();
    }
    // The core computation for a ticket from its stored timeline (the history), as of now.
    core::TicketClocks expected(qint64 id)
    {
        const QJsonObject t = admin.get(u"/tickets/%1"_s.arg(id)).object();
        core::TicketTimeline timeline;
        timeline.createdAt = *core::parseIsoUtc(t[u"createdAt"_s].toString());
        timeline.initialPriority = *core::parsePriority(t[u"priority"_s].toString());
        bool first = true;
        for (const QJsonValue &h : admin.get(u"/tickets/%1/history"_s.arg(id)).items()) {
            const qint64 at = *core::parseIsoUtc(h[u"at"_s].toString());
            if (h[u"field"_s] == u"status"_s)
                timeline.statusChanges.append({at, *core::parseStatus(h[u"to"_s].toString())});
            if (h[u"field"_s] == u"priority"_s) {
                if (first)
                    timeline.initialPriority = *core::parsePriority(h[u"from"_s].toString());
                first = false;
                timeline.priorityChanges.append({at, *core::parsePriority(h[u"to"_s].toString())});
            }
        }
        const auto levels = std::get<core::ServiceLevels>(
            core::serviceLevelsFromJson(admin.get(u"/service-levels"_s).object()));
        const auto hours = std::get<core::BusinessHours>(core::businessHoursFromJson(
            admin.get(u"/fleets/%1/business-hours"_s.arg(fleetOf(id))).object()));
        return core::computeClocks(levels, core::BusinessCalendar(hours), timeline,
                                   core::nowMsecs());
    }
    void expectClocksAsComputed(qint64 id)
    {
        const QJsonObject clocks =
            admin.get(u"/tickets/%1"_s.arg(id)).object()[u"clocks"_s].toObject();
        const core::TicketClocks want = expected(id);
        EXPECT_EQ(text(clocks[u"firstReplyDue"_s]), iso(want.firstReply.due)) << id;
        EXPECT_EQ(text(clocks[u"resolutionDue"_s]), iso(want.resolution.due)) << id;
        EXPECT_EQ(text(clocks[u"pausedSince"_s]), iso(want.pausedSince)) << id;
        EXPECT_EQ(text(clocks[u"firstReplyAt"_s]), iso(want.firstReplyAt)) << id;
    }
};

TEST_F(ServiceLevelsTest, OnlyAdminsWriteStaffReadCodeUsersAndAnonymousNeither)
{
    ApiClient anonymous{m_server.baseUrl()};
    const QJsonObject before = admin.get(u"/service-levels"_s).object();
    const qint64 fleet = fleetIds().first();
    const QString hoursPath = u"/fleets/%1/business-hours"_s.arg(fleet);
    const QJsonObject hoursBefore = admin.get(hoursPath).object();
    const QJsonObject newLevels = levels(30, 300, 120, 1200, 600, 6000);
    const QJsonObject newHours{
        {u"timeZone"_s, u"Europe/Vienna"_s},
        {u"days"_s, QJsonObject{{u"mon"_s, QJsonArray{QJsonArray{u"09:00"_s, u"12:00"_s}}}}},
        {u"holidays"_s, QJsonArray{u"2026-12-24"_s}}};

    EXPECT_EQ(anonymous.get(u"/service-levels"_s).status, 401);
    EXPECT_EQ(put(anonymous, u"/service-levels"_s, newLevels).status, 401);
    EXPECT_EQ(anonymous.get(hoursPath).status, 401);
    EXPECT_EQ(put(anonymous, hoursPath, newHours).status, 401);
    EXPECT_EQ(userA.get(u"/service-levels"_s).status, 403);
    EXPECT_EQ(put(userA, u"/service-levels"_s, newLevels).status, 403);
    EXPECT_EQ(userA.get(hoursPath).status, 403);
    EXPECT_EQ(put(userA, hoursPath, newHours).status, 403);
    EXPECT_EQ(staff.get(u"/service-levels"_s).status, 200);
    EXPECT_EQ(staff.get(hoursPath).status, 200);
    EXPECT_EQ(put(staff, u"/service-levels"_s, newLevels).status, 403);
    EXPECT_EQ(put(staff, hoursPath, newHours).status, 403);
    EXPECT_EQ(admin.get(u"/service-levels"_s).object(), before);
    EXPECT_EQ(admin.get(hoursPath).object(), hoursBefore);

    const HttpResult set = put(admin, u"/service-levels"_s, newLevels);
    EXPECT_EQ(set.status, 200) << set.body.toStdString();
    EXPECT_EQ(staff.get(u"/service-levels"_s).object(), newLevels);
    const HttpResult setHours = put(admin, hoursPath, newHours);
    ASSERT_EQ(setHours.status, 200) << setHours.body.toStdString();
    const QJsonObject stored = staff.get(hoursPath).object();
    EXPECT_EQ(stored[u"timeZone"_s].toString(), u"Europe/Vienna"_s);
    EXPECT_EQ(stored[u"days"_s][u"mon"_s].toArray(),
              (QJsonArray{QJsonArray{u"09:00"_s, u"12:00"_s}}));
    EXPECT_EQ(stored[u"days"_s][u"tue"_s].toArray(), QJsonArray());
    EXPECT_EQ(admin.get(u"/fleets/999999/business-hours"_s).status, 404);
    EXPECT_EQ(put(admin, u"/fleets/999999/business-hours"_s, newHours).status, 404);
}

TEST_F(ServiceLevelsTest, BadInputIsRefusedWithItsFieldAndChangesNothing)
{
    const QJsonObject before = admin.get(u"/service-levels"_s).object();
    const QString hoursPath = u"/fleets/%1/business-hours"_s.arg(fleetIds().first());
    const QJsonObject hoursBefore = admin.get(hoursPath).object();
    QJsonObject unknown = levels(1, 2, 3, 4, 5, 6);
    unknown.insert(u"urgent"_s, QJsonObject{});
    QJsonObject extraField = levels(1, 2, 3, 4, 5, 6);
    extraField[u"high"_s] = QJsonObject{
        {u"firstReplyMinutes"_s, 1}, {u"resolutionMinutes"_s, 2}, {u"warnMinutes"_s, 3}};
    QJsonObject missing = levels(1, 2, 3, 4, 5, 6);
    missing.remove(u"low"_s);
    const struct {
        QJsonObject body;
        int status;
        QString field;
    } badLevels[] = {
        {unknown, 422, u"urgent"_s},
        {extraField, 422, u"high.warnMinutes"_s},
        {missing, 422, u"low"_s},
        {levels(-1, 2, 3, 4, 5, 6), 422, u"high.firstReplyMinutes"_s},
        {levels(1, 2, 3, 4, 5, 1000000), 422, u"low.resolutionMinutes"_s},
    };
    for (const auto &bad : badLevels) {
        const HttpResult r = put(admin, u"/service-levels"_s, bad.body);
        EXPECT_EQ(r.status, bad.status) << r.body.toStdString();
        EXPECT_EQ(problemFields(r)[u"field"_s].toString(), bad.field) << r.body.toStdString();
    }
    EXPECT_EQ(admin.get(u"/service-levels"_s).object(), before);

    const auto day = [](const QJsonArray &intervals) {
        return QJsonObject{{u"mon"_s, intervals}};
    };
    const auto pair = [](const QString &a, const QString &b) {
        return QJsonArray{a, b};
    };
    QJsonArray manyHolidays;
    for (int i = 0; i < core::MaxHolidays + 1; ++i)
        manyHolidays.append(QDate(2026, 1, 1).addDays(i).toString(Qt::ISODate));
    const auto hours = [](const QString &zone, const QJsonObject &days,
                          const QJsonArray &holidays = {}) {
        return QJsonObject{{u"timeZone"_s, zone}, {u"days"_s, days}, {u"holidays"_s, holidays}};
    };
    QJsonObject unknownField = hours(u"UTC"_s, {});
    unknownField.insert(u"weekStart"_s, u"mon"_s);
    const struct {
        QJsonObject body;
        int status;
        QString field;
    } badHours[] = {
        {unknownField, 422, u"weekStart"_s},
        {hours(u"Mars/Olympus"_s, {}), 422, u"timeZone"_s},
        {hours(u"UTC"_s, QJsonObject{{u"monday"_s, QJsonArray{}}}), 422, u"days.monday"_s},
        {hours(u"UTC"_s, day({pair(u"08:00"_s, u"12:00"_s), pair(u"11:00"_s, u"17:00"_s)})), 422,
         u"days.mon"_s},
        {hours(u"UTC"_s, day({pair(u"17:00"_s, u"08:00"_s)})), 422, u"days.mon[0]"_s},
        {hours(u"UTC"_s, day({pair(u"08:00"_s, u"24:30"_s)})), 422, u"days.mon[0]"_s},
        {hours(u"UTC"_s, {}, manyHolidays), 422, u"holidays"_s},
        {hours(u"UTC"_s, {}, {u"2026-02-30"_s}), 422, u"holidays[0]"_s},
        {hours(u"UTC"_s, {}, {u"2026-12-24"_s, u"2026-12-24"_s}), 422, u"holidays[1]"_s},
    };
    for (const auto &bad : badHours) {
        const HttpResult r = put(admin, hoursPath, bad.body);
        EXPECT_EQ(r.status, bad.status) << r.body.toStdString();
        EXPECT_EQ(problemFields(r)[u"field"_s].toString(), bad.field) << r.body.toStdString();
    }
    EXPECT_EQ(admin.get(hoursPath).object(), hoursBefore);
}

TEST_F(ServiceLevelsTest, ClocksEqualTheCoreComputationAndMoveWithPriorityAndWaiting)
{
    ASSERT_EQ(put(admin, u"/service-levels"_s, levels(60, 480, 240, 1620, 540, 5400)).status, 200);
    QList<qint64> ids;
    for (const QString &priority : kPriorities)
        ids.append(idOf(create(staff, u"Uhr "_s + priority,
                               {{u"deviceId"_s, demoDeviceId(0)}, {u"priority"_s, priority}})));
    ids.append(idOf(create(userA, u"Vom Gerät"_s)));
    for (qint64 id : ids)
        expectClocksAsComputed(id);

    // The code user sees none of it, in the ticket, the list and the facets.
    const qint64 own = ids.last();
    EXPECT_FALSE(userA.get(u"/tickets/%1"_s.arg(own)).object().contains(u"clocks"_s));
    for (const QJsonObject &t : listAll(userA, {}))
        EXPECT_FALSE(t.contains(u"clocks"_s));
    EXPECT_FALSE(userA.get(u"/tickets/facets"_s).object().contains(u"due"_s));
    EXPECT_EQ(userA.get(u"/tickets?sort=due"_s).status, 400);
    EXPECT_TRUE(listAll(userA, u"due=breached"_s).isEmpty());

    // A priority change counts the new target from creation.
    const qint64 id = ids.first(); // low
    const QString lowDue =
        admin.get(u"/tickets/%1"_s.arg(id)).object()[u"clocks"_s][u"firstReplyDue"_s].toString();
    ASSERT_EQ(staff.editTicket(id, {{u"priority"_s, u"high"_s}}).status, 200);
    const QJsonObject raised = admin.get(u"/tickets/%1"_s.arg(id)).object();
    EXPECT_NE(raised[u"clocks"_s][u"firstReplyDue"_s].toString(), lowDue);
    expectClocksAsComputed(id);

    // Waiting pauses: no due time while it waits, since when it waits; resumed after.
    const HttpResult opened = staff.editTicket(id, {{u"status"_s, u"open"_s}});
    ASSERT_EQ(opened.status, 200) << opened.body.toStdString();
    ASSERT_EQ(staff.editTicket(id, {{u"status"_s, u"waiting"_s}}).status, 200);
    const QJsonObject waiting =
        admin.get(u"/tickets/%1"_s.arg(id)).object()[u"clocks"_s].toObject();
    EXPECT_FALSE(waiting[u"pausedSince"_s].isNull());
    expectClocksAsComputed(id);
    // Staff cannot move it back to open (the code user's message will); resolved stops
    // the clocks and reopening resumes them.
    ASSERT_EQ(staff.editTicket(id, {{u"status"_s, u"resolved"_s}}).status, 200);
    EXPECT_TRUE(
        admin.get(u"/tickets/%1"_s.arg(id)).object()[u"clocks"_s][u"pausedSince"_s].isNull());
    expectClocksAsComputed(id);
    ASSERT_EQ(staff.editTicket(id, {{u"status"_s, u"open"_s}}).status, 200);
    const QJsonObject reopened =
        admin.get(u"/tickets/%1"_s.arg(id)).object()[u"clocks"_s].toObject();
    EXPECT_TRUE(reopened[u"pausedSince"_s].isNull());
    EXPECT_FALSE(reopened[u"resolutionDue"_s].isNull());
    expectClocksAsComputed(id);

    // The first staff message stops the first-reply clock.
    ASSERT_EQ(
        staff.post(u"/tickets/%1/messages"_s.arg(own), {{u"body"_s, u"Wir sehen nach."_s}}).status,
        201);
    const QJsonObject answered =
        admin.get(u"/tickets/%1"_s.arg(own)).object()[u"clocks"_s].toObject();
    EXPECT_FALSE(answered[u"firstReplyAt"_s].isNull());
    EXPECT_TRUE(answered[u"breached"_s].toArray().isEmpty());
}

TEST_F(ServiceLevelsTest, TargetChangesReachOpenTicketsAtOnceAndStaffOnly)
{
    EventClient staffEvents, codeUserEvents;
    ASSERT_TRUE(staffEvents.open(m_server.baseUrl(), staff.token()));
    ASSERT_TRUE(codeUserEvents.open(m_server.baseUrl(), userA.token()));
    const qint64 id = idOf(create(userA, u"Offen"_s));
    const QString before =
        admin.get(u"/tickets/%1"_s.arg(id)).object()[u"clocks"_s][u"resolutionDue"_s].toString();
    ASSERT_EQ(put(admin, u"/service-levels"_s, levels(10, 20, 30, 40, 50, 60)).status, 200);
    const QJsonObject after = admin.get(u"/tickets/%1"_s.arg(id)).object();
    EXPECT_NE(after[u"clocks"_s][u"resolutionDue"_s].toString(), before);
    expectClocksAsComputed(id);
    const QJsonObject event = staffEvents.waitFor(
        [](const QJsonObject &f) { return f[u"type"_s].toString() == u"serviceLevels.updated"_s; });
    ASSERT_FALSE(event.isEmpty());
    EXPECT_GT(event[u"data"_s][u"ticketsUpdated"_s].toInteger(), 0);
    // A message afterwards: once the code user has it, an earlier event would be there too.
    ASSERT_EQ(userA.post(u"/tickets/%1/messages"_s.arg(id), {{u"body"_s, u"Und?"_s}}).status, 201);
    ASSERT_FALSE(codeUserEvents
                     .waitFor([id](const QJsonObject &f) {
                         return f[u"type"_s].toString() == u"message.created"_s &&
                                f[u"ticketId"_s].toInteger() == id;
                     })
                     .isEmpty());
    EventClient replay;
    ASSERT_TRUE(replay.open(m_server.baseUrl(), userA.token(), 0));
    QList<QJsonObject> frames = codeUserEvents.frames();
    frames.append(replay.collect(300));
    for (const QJsonObject &f : frames) {
        EXPECT_NE(f[u"type"_s].toString(), u"serviceLevels.updated"_s);
        EXPECT_FALSE(f[u"data"_s].toObject().contains(u"clocks"_s))
            << f[u"type"_s].toString().toStdString();
    }
}

TEST_F(ServiceLevelsTest, SortByDuePagesInOrderAndDueFiltersMatchAnOracle)
{
    // Around the clock in UTC for every fleet: business time is wall time, so the oracle
    // can tell "soon" (at most an hour left) from the due times alone.
    const QJsonObject allDay = core::businessHoursToJson(core::aroundTheClock());
    for (qint64 fleet : fleetIds())
        ASSERT_EQ(put(admin, u"/fleets/%1/business-hours"_s.arg(fleet), allDay).status, 200);
    // high: soon at once; normal: far; low: breached at once.
    ASSERT_EQ(put(admin, u"/service-levels"_s, levels(30, 600, 6000, 60000, 0, 0)).status, 200);
    for (int i = 0; i < 4; ++i)
        for (const QString &priority : kPriorities)
            create(staff, u"Fällig %1"_s.arg(i),
                   {{u"deviceId"_s, demoDeviceId(i % 3)}, {u"priority"_s, priority}});

    const QList<QJsonObject> all = listAll(staff, {});
    const QList<QJsonObject> byDue = listAll(staff, u"sort=due"_s, 7);
    ASSERT_EQ(byDue.size(), all.size());
    for (qsizetype i = 1; i < byDue.size(); ++i) {
        const auto a = core::TicketSummary::fromJson(byDue[i - 1]);
        const auto b = core::TicketSummary::fromJson(byDue[i]);
        ASSERT_TRUE(a.dueOrder < b.dueOrder || (a.dueOrder == b.dueOrder && a.id < b.id))
            << a.id << " before " << b.id;
    }

    const qint64 now = core::nowMsecs();
    QSet<qint64> breached, soon;
    for (const QJsonObject &t : all) {
        const auto s = core::TicketSummary::fromJson(t);
        if (!s.clocks->breached.isEmpty())
            breached.insert(s.id);
        else if (s.dueOrder != core::TicketSummary::NoDueOrder && s.dueOrder - now <= 60 * Minute)
            soon.insert(s.id);
    }
    EXPECT_FALSE(breached.isEmpty());
    EXPECT_EQ(soon.size(), 4); // the new high tickets
    const auto idSet = [](const QList<QJsonObject> &items) {
        const QList<qint64> list = ids(items);
        return QSet<qint64>(list.begin(), list.end());
    };
    EXPECT_EQ(idSet(listAll(staff, u"due=breached"_s, 9)), breached);
    EXPECT_EQ(idSet(listAll(staff, u"due=soon&sort=due"_s, 3)), soon);
    const QJsonObject facets = staff.get(u"/tickets/facets"_s).object();
    EXPECT_EQ(facets[u"due"_s][u"breached"_s].toInteger(), breached.size());
    EXPECT_EQ(facets[u"due"_s][u"soon"_s].toInteger(), soon.size());
    // Under another filter, the counts follow it.
    qsizetype openBreached = 0;
    for (const QJsonObject &t : listAll(staff, u"status=new,open"_s))
        openBreached += breached.contains(idOf(t));
    EXPECT_EQ(staff.get(u"/tickets/facets?status=new,open"_s)
                  .object()[u"due"_s][u"breached"_s]
                  .toInteger(),
              openBreached);
    EXPECT_EQ(staff.get(u"/tickets/facets?due=soon"_s).object()[u"total"_s].toInteger(),
              soon.size());
}

TEST_F(ServiceLevelsTest, DueCountsUnderUnreadAreEachStaffMembersOwn)
{
    const QJsonObject allDay = core::businessHoursToJson(core::aroundTheClock());
    for (qint64 fleet : fleetIds())
        ASSERT_EQ(put(admin, u"/fleets/%1/business-hours"_s.arg(fleet), allDay).status, 200);
    ASSERT_EQ(put(admin, u"/service-levels"_s, levels(30, 600, 6000, 60000, 0, 0)).status, 200);
    // Only this test's ticket: low, so breached at once; created by staff, so unread for
    // the admin and not for its creator.
    const QString since = core::toIsoUtc(core::nowMsecs() - 1);
    const qint64 id = idOf(create(staff, u"Überfällig"_s,
                                  {{u"deviceId"_s, demoDeviceId(0)}, {u"priority"_s, u"low"_s}}));
    const QString createdFrom =
        u"createdFrom="_s + QString::fromLatin1(QUrl::toPercentEncoding(since));
    ASSERT_EQ(ids(listAll(admin, u"due=breached&"_s + createdFrom)), QList<qint64>{id});
    const QString query = u"/tickets/facets?unread=true&"_s + createdFrom;
    // Asked one after the other within the second the counts are kept: each their own.
    const QJsonObject mine = staff.get(query).object();
    const QJsonObject admins = admin.get(query).object();
    EXPECT_EQ(mine[u"due"_s][u"breached"_s].toInteger(), 0);
    EXPECT_EQ(admins[u"due"_s][u"breached"_s].toInteger(), 1);
    EXPECT_EQ(admins[u"unread"_s][u"total"_s].toInteger(), 1);
}

} // namespace
