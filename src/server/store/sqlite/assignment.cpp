#include "assignment.h"

#include "connection.h"
#include "core/timeutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <tuple>

using namespace Qt::StringLiterals;

namespace server::sqlite {

namespace {

struct Member {
    qint64 staffId = 0;
    qint64 position = 0;
    bool available = false;
    qint64 lastAssignedAt = 0;
    qint64 openTickets = 0;
};

struct Fleet {
    QString name;
    core::FleetStrategy strategy = core::FleetStrategy::Manual;
    qint64 lastInTurn = 0; // fleets.rr_position: the staff id chosen last in turn
};

std::optional<Fleet> readFleet(Connection &c, qint64 fleetId)
{
    QSqlQuery &q = c.prepared(u"SELECT name, strategy, rr_position FROM fleets WHERE id = ?"_s);
    q.addBindValue(fleetId);
    std::optional<Fleet> f;
    if (Connection::run(q) && q.next())
        f = Fleet{
            q.value(0).toString(),
            core::parseFleetStrategy(q.value(1).toString()).value_or(core::FleetStrategy::Manual),
            q.value(2).toLongLong()};
    q.finish();
    return f;
}

// The fleet's members in turn order (position, then id), whether each can take a ticket
// now (active and not absent) and their workload for least_open (kept by triggers:
// schema.cpp, migration 5).
QList<Member> readMembers(Connection &c, qint64 fleetId, qint64 now)
{
    QSqlQuery &q =
        c.prepared(u"SELECT m.staff_id, m.position, "
                   "s.active = 1 AND NOT (s.absent_from IS NOT NULL AND s.absent_from <= ? "
                   "AND (s.absent_to IS NULL OR ? < s.absent_to)), s.last_assigned_at, "
                   "COALESCE(w.open_tickets, 0) "
                   "FROM fleet_members m JOIN staff s ON s.id = m.staff_id "
                   "LEFT JOIN staff_workload w ON w.staff_id = m.staff_id WHERE m.fleet_id = ? "
                   "ORDER BY m.position, m.staff_id"_s);
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(fleetId);
    QList<Member> members;
    if (Connection::run(q)) {
        while (q.next())
            members.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toBool(),
                            q.value(3).toLongLong(), q.value(4).toLongLong()});
    }
    q.finish();
    return members;
}

// The flow rule of this fleet for the ticket's flow: its members and the flow's name.
std::optional<std::pair<QSet<qint64>, QString>> readFlowRule(Connection &c, qint64 fleetId,
                                                             qint64 flowId)
{
    QSqlQuery &q = c.prepared(u"SELECT r.member_ids, f.name FROM fleet_flow_rules r "
                              "JOIN flows f ON f.id = r.flow_id "
                              "WHERE r.fleet_id = ? AND r.flow_id = ?"_s);
    q.addBindValue(fleetId);
    q.addBindValue(flowId);
    std::optional<std::pair<QSet<qint64>, QString>> rule;
    if (Connection::run(q) && q.next()) {
        QSet<qint64> ids;
        const QJsonArray a = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).array();
        for (const QJsonValue &v : a)
            ids.insert(v.toInteger());
        rule = std::pair{ids, q.value(1).toString()};
    }
    q.finish();
    return rule;
}

// Round robin: the first available candidate after the one chosen last in the fleet's
// turn order, wrapping around. Members not available keep their place but are passed.
std::optional<qint64> nextInTurn(const QList<Member> &members, const QList<Member> &candidates,
                                 qint64 lastInTurn)
{
    if (candidates.isEmpty())
        return std::nullopt;
    for (const Member &m : members) {
        if (m.staffId != lastInTurn)
            continue;
        const auto after = std::tuple(m.position, m.staffId);
        for (const Member &cand : candidates) {
            if (std::tuple(cand.position, cand.staffId) > after)
                return cand.staffId;
        }
    }
    return candidates.first().staffId;
}

// least_open: fewest open tickets, ties by longest idle (oldest last assignment), then turn
// order.
std::optional<qint64> leastOpen(const QList<Member> &candidates)
{
    const Member *best = nullptr;
    for (const Member &m : candidates) {
        if (!best || std::tuple(m.openTickets, m.lastAssignedAt) <
                         std::tuple(best->openTickets, best->lastAssignedAt))
            best = &m;
    }
    return best ? std::optional<qint64>(best->staffId) : std::nullopt;
}

bool touchStaff(Connection &c, qint64 staffId, qint64 now)
{
    QSqlQuery &q = c.prepared(u"UPDATE staff SET last_assigned_at = ? WHERE id = ?"_s);
    q.addBindValue(now);
    q.addBindValue(staffId);
    return Connection::run(q);
}

} // namespace

AssignmentDecision assignOnCreate(Connection &c, const NewTicket &ticket, qint64 fleetId,
                                  const Caller &caller, qint64 now)
{
    AssignmentDecision d;
    if (caller.isStaff() && (ticket.assigneeId || ticket.leaveUnassigned)) {
        if (ticket.assigneeId) {
            d.assigneeId = ticket.assigneeId;
            d.assignment = manualAssignment(ticket.assigneeId, caller, now);
            d.ok = touchStaff(c, *ticket.assigneeId, now);
        }
        return d;
    }
    const std::optional<Fleet> fleet = readFleet(c, fleetId);
    if (!fleet || fleet->strategy == core::FleetStrategy::Manual)
        return d; // waits in "New and unassigned"

    const QList<Member> members = readMembers(c, fleetId, now);
    const auto rule = readFlowRule(c, fleetId, ticket.flowId);
    QList<Member> candidates;
    for (const Member &m : members) {
        if (m.available && (!rule || rule->first.contains(m.staffId)))
            candidates.append(m);
    }
    const bool roundRobin = fleet->strategy == core::FleetStrategy::RoundRobin;
    RuleSource source{fleetId, fleet->name, fleet->strategy, std::nullopt, QString()};
    if (rule) {
        source.flowId = ticket.flowId;
        source.flow = rule->second;
    }
    d.assigneeId =
        roundRobin ? nextInTurn(members, candidates, fleet->lastInTurn) : leastOpen(candidates);
    // Without an assignee the record is flagged, so that staff see why nobody holds it.
    d.assignment = ruleAssignment(d.assigneeId, source, now);
    if (!d.assigneeId)
        return d;
    if (roundRobin) {
        QSqlQuery &q = c.prepared(u"UPDATE fleets SET rr_position = ? WHERE id = ?"_s);
        q.addBindValue(*d.assigneeId);
        q.addBindValue(fleetId);
        d.ok = Connection::run(q);
    }
    d.ok = d.ok && touchStaff(c, *d.assigneeId, now);
    return d;
}

QJsonObject ruleAssignment(std::optional<qint64> assigneeId, const RuleSource &source, qint64 at)
{
    QString text = source.fleet + u", "_s + core::toString(source.strategy);
    if (source.flowId)
        text += u", "_s + source.flow;
    if (!assigneeId)
        text += u": nobody available"_s;
    QJsonObject a{{u"assigneeId"_s, core::optionalId(assigneeId)},
                  {u"by"_s, u"rule"_s},
                  {u"rule"_s, text},
                  {u"at"_s, core::toIsoUtc(at)},
                  {u"fleetId"_s, source.fleetId},
                  {u"fleet"_s, source.fleet},
                  {u"strategy"_s, core::toString(source.strategy)}};
    if (source.flowId) {
        a.insert(u"flowId"_s, *source.flowId);
        a.insert(u"flow"_s, source.flow);
    }
    if (!assigneeId)
        a.insert(u"unassigned"_s, true);
    return a;
}

QJsonObject manualAssignment(std::optional<qint64> assigneeId, qint64 byId, const QString &byName,
                             qint64 at)
{
    return {{u"assigneeId"_s, core::optionalId(assigneeId)},
            {u"by"_s, byId},
            {u"byName"_s, byName},
            {u"rule"_s, QJsonValue::Null},
            {u"at"_s, core::toIsoUtc(at)}};
}

QJsonObject manualAssignment(std::optional<qint64> assigneeId, const Caller &by, qint64 now)
{
    return manualAssignment(assigneeId, by.id, by.name, now);
}

} // namespace server::sqlite
