#include "adminstore.h"

#include "connection.h"
#include "directorystore.h"
#include "eventstore.h"
#include "ticketrows.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QVariant>

using namespace Qt::StringLiterals;

// Administrative writes: a fleet's strategy, members and flow rules, a staff member's
// absence. The checks that need the database (staff and flows exist, rule members belong
// to the fleet) run here, inside the write transaction, so that they see what they change.
namespace server::sqlite {
namespace {

core::ApiProblem notFound()
{
    return {404, u"not_found"_s, {}, {}};
}

core::ApiProblem internal()
{
    return {500, u"internal"_s, u"The server could not complete the request."_s, {}};
}

core::ApiProblem invalid(const QString &field, const QString &message)
{
    return {422, u"invalid_value"_s, message, field};
}

// Rules compared by flow: the order a client sent them in does not matter.
QHash<qint64, QList<qint64>> rulesByFlow(const QList<core::FlowRule> &rules)
{
    QHash<qint64, QList<qint64>> out;
    for (const core::FlowRule &r : rules)
        out.insert(r.flowId, r.memberIds);
    return out;
}

} // namespace

std::optional<core::Fleet> SqliteAdminStore::fleet(qint64 id)
{
    // Few fleets: the directory's one read of all of them is cheap enough here.
    const QList<core::Fleet> all = SqliteDirectoryStore(m_c).fleets();
    for (const core::Fleet &f : all) {
        if (f.id == id)
            return f;
    }
    return std::nullopt;
}

AdminResult<core::Fleet> SqliteAdminStore::updateFleet(qint64 id, const FleetChange &change,
                                                       qint64 now)
{
    Q_ASSERT(m_c.inTransaction());
    AdminResult<core::Fleet> result;
    const std::optional<core::Fleet> before = fleet(id);
    if (!before) {
        result.problem = notFound();
        return result;
    }
    SqliteDirectoryStore directory(m_c);
    const core::FleetStrategy strategy = change.strategy.value_or(before->strategy);
    const QList<qint64> members = change.memberIds.value_or(before->memberIds);
    QList<core::FlowRule> rules = change.flowRules.value_or(before->flowRules);
    std::sort(rules.begin(), rules.end(),
              [](const core::FlowRule &a, const core::FlowRule &b) { return a.flowId < b.flowId; });

    if (change.memberIds) {
        for (qsizetype i = 0; i < members.size(); ++i) {
            const std::optional<core::StaffMember> s = directory.staffMember(members[i]);
            if (!s) {
                result.problem = invalid(u"memberIds"_s,
                                         u"There is no staff member with id %1."_s.arg(members[i]));
                return result;
            }
        }
    }
    const QSet<qint64> memberSet(members.begin(), members.end());
    // Sent rules are checked against the members; stored ones only when the members change.
    const QList<core::FlowRule> checked =
        change.flowRules ? *change.flowRules
                         : (change.memberIds ? before->flowRules : QList<core::FlowRule>());
    for (qsizetype i = 0; i < checked.size(); ++i) {
        const core::FlowRule &rule = checked[i];
        const std::optional<core::Flow> flow = directory.flow(rule.flowId);
        const QString at = u"flowRules[%1]"_s.arg(i);
        if (!flow) {
            result.problem = invalid(at + u".flowId"_s,
                                     u"There is no creation flow with id %1."_s.arg(rule.flowId));
            return result;
        }
        for (qint64 m : rule.memberIds) {
            if (memberSet.contains(m))
                continue;
            const std::optional<core::StaffMember> s = directory.staffMember(m);
            const QString who = s ? s->name : u"staff member %1"_s.arg(m);
            // Rules the request did not send are the stored ones: the members changed under
            // them, and the client has to send rules that fit.
            result.problem =
                change.flowRules
                    ? invalid(
                          at + u".memberIds"_s,
                          u"The rule for \"%1\" names %2, who is not a member of the fleet."_s.arg(
                              flow->name, who))
                    : invalid(u"memberIds"_s,
                              u"The flow rule for \"%1\" names %2, who would no longer be a "
                              "member of the fleet; send flowRules that fit the new members."_s.arg(
                                  flow->name, who));
            return result;
        }
    }

    const bool strategyChanged = strategy != before->strategy;
    const bool membersChanged = members != before->memberIds;
    const bool rulesChanged = rulesByFlow(rules) != rulesByFlow(before->flowRules);
    if (!strategyChanged && !membersChanged && !rulesChanged) {
        result.value = before;
        return result;
    }
    if (strategyChanged) {
        QSqlQuery &q = m_c.prepared(u"UPDATE fleets SET strategy = ? WHERE id = ?"_s);
        q.addBindValue(core::toString(strategy));
        q.addBindValue(id);
        if (!Connection::run(q)) {
            result.problem = internal();
            return result;
        }
    }
    if ((membersChanged && !writeMembers(id, before->memberIds, members)) ||
        (rulesChanged && !writeRules(id, rules))) {
        result.problem = internal();
        return result;
    }
    result.value = fleet(id);
    if (!result.value) {
        result.problem = internal();
        return result;
    }
    result.changed = true;
    SqliteEventStore(m_c).append(u"fleet.updated"_s, 0, result.value->toJson(), now, true);
    return result;
}

bool SqliteAdminStore::writeMembers(qint64 fleetId, const QList<qint64> &before,
                                    const QList<qint64> &after)
{
    // Round robin remembers the staff id it chose last. When that member leaves the
    // fleet, the turn passes to whoever follows their old place: the closest member
    // before it in the old order who stays stands in for them (none: start at the first).
    QSqlQuery &rq = m_c.prepared(u"SELECT rr_position FROM fleets WHERE id = ?"_s);
    rq.addBindValue(fleetId);
    if (!Connection::run(rq) || !rq.next())
        return false;
    const qint64 last = rq.value(0).toLongLong();
    rq.finish();
    if (last != 0 && !after.contains(last)) {
        qint64 standIn = 0;
        for (qsizetype i = before.indexOf(last) - 1; i >= 0; --i) {
            if (after.contains(before[i])) {
                standIn = before[i];
                break;
            }
        }
        QSqlQuery &u = m_c.prepared(u"UPDATE fleets SET rr_position = ? WHERE id = ?"_s);
        u.addBindValue(standIn);
        u.addBindValue(fleetId);
        if (!Connection::run(u))
            return false;
    }
    QSqlQuery &d = m_c.prepared(u"DELETE FROM fleet_members WHERE fleet_id = ?"_s);
    d.addBindValue(fleetId);
    if (!Connection::run(d))
        return false;
    for (qsizetype i = 0; i < after.size(); ++i) {
        QSqlQuery &q = m_c.prepared(
            u"INSERT INTO fleet_members (fleet_id, staff_id, position) VALUES (?, ?, ?)"_s);
        q.addBindValue(fleetId);
        q.addBindValue(after[i]);
        q.addBindValue(qint64(i));
        if (!Connection::run(q))
            return false;
    }
    return true;
}

bool SqliteAdminStore::writeRules(qint64 fleetId, const QList<core::FlowRule> &rules)
{
    QSqlQuery &d = m_c.prepared(u"DELETE FROM fleet_flow_rules WHERE fleet_id = ?"_s);
    d.addBindValue(fleetId);
    if (!Connection::run(d))
        return false;
    for (const core::FlowRule &r : rules) {
        QJsonArray ids;
        for (qint64 m : r.memberIds)
            ids.append(m);
        QSqlQuery &q = m_c.prepared(
            u"INSERT INTO fleet_flow_rules (fleet_id, flow_id, member_ids) VALUES (?, ?, ?)"_s);
        q.addBindValue(fleetId);
        q.addBindValue(r.flowId);
        q.addBindValue(QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact)));
        if (!Connection::run(q))
            return false;
    }
    return true;
}

AdminResult<core::StaffMember>
SqliteAdminStore::updateAbsence(qint64 staffId, const AbsenceChange &change, qint64 now)
{
    Q_ASSERT(m_c.inTransaction());
    AdminResult<core::StaffMember> result;
    SqliteDirectoryStore directory(m_c);
    const std::optional<core::StaffMember> before = directory.staffMember(staffId);
    if (!before) {
        result.problem = notFound();
        return result;
    }
    // The absence as it will be, from what was sent and what is stored.
    const std::optional<qint64> from = change.setFrom ? change.absentFrom : before->absentFrom;
    const std::optional<qint64> to = change.setTo ? change.absentTo : before->absentTo;
    if (to && !from) {
        result.problem = invalid(u"absentTo"_s, u"An absence with an end needs a start: give "
                                                "absentFrom too, or absentTo null."_s);
        return result;
    }
    if (from && to && *to <= *from) {
        result.problem = invalid(u"absentTo"_s, u"absentTo must be after absentFrom."_s);
        return result;
    }
    if (from == before->absentFrom && to == before->absentTo) {
        result.value = before;
        return result;
    }
    QSqlQuery &q = m_c.prepared(u"UPDATE staff SET absent_from = ?, absent_to = ? WHERE id = ?"_s);
    q.addBindValue(ticketrows::nullable(from));
    q.addBindValue(ticketrows::nullable(to));
    q.addBindValue(staffId);
    if (!Connection::run(q)) {
        result.problem = internal();
        return result;
    }
    result.value = directory.staffMember(staffId);
    if (!result.value) {
        result.problem = internal();
        return result;
    }
    result.changed = true;
    SqliteEventStore(m_c).append(u"staff.updated"_s, 0, result.value->toJson(now), now, true);
    return result;
}

} // namespace server::sqlite
