#include "fleetedits.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace models {

namespace {

QJsonArray idArray(const QList<qint64> &ids)
{
    QJsonArray a;
    for (const qint64 id : ids)
        a.append(id);
    return a;
}

} // namespace

QList<core::FleetStrategy> fleetStrategies()
{
    return {core::FleetStrategy::RoundRobin, core::FleetStrategy::LeastOpen,
            core::FleetStrategy::Manual};
}

QString strategyLabel(core::FleetStrategy strategy)
{
    switch (strategy) {
    case core::FleetStrategy::RoundRobin:
        return QCoreApplication::translate("models", "Round robin");
    case core::FleetStrategy::LeastOpen:
        return QCoreApplication::translate("models", "Fewest open tickets");
    case core::FleetStrategy::Manual:
        return QCoreApplication::translate("models", "Manual");
    }
    return {};
}

QString strategyPhrase(core::FleetStrategy strategy)
{
    switch (strategy) {
    case core::FleetStrategy::RoundRobin:
        return QCoreApplication::translate("models", "round robin", "in a sentence");
    case core::FleetStrategy::LeastOpen:
        return QCoreApplication::translate("models", "fewest open tickets", "in a sentence");
    case core::FleetStrategy::Manual:
        return QCoreApplication::translate("models", "manual", "in a sentence");
    }
    return {};
}

QString strategyPhrase(const QString &apiName)
{
    const std::optional<core::FleetStrategy> strategy = core::parseFleetStrategy(apiName);
    return strategy ? strategyPhrase(*strategy) : apiName;
}

QString strategyDescription(core::FleetStrategy strategy)
{
    switch (strategy) {
    case core::FleetStrategy::RoundRobin:
        return QCoreApplication::translate(
            "models", "Each new ticket goes to the next available member in turn.");
    case core::FleetStrategy::LeastOpen:
        return QCoreApplication::translate(
            "models", "Each new ticket goes to the available member with the fewest open "
                      "tickets; on a tie, to the one who has waited longest.");
    case core::FleetStrategy::Manual:
        return QCoreApplication::translate(
            "models", "New tickets are not assigned: they wait in \u201cNew and unassigned\u201d.");
    }
    return {};
}

core::Fleet withMember(core::Fleet fleet, qint64 staffId, bool member)
{
    if (member) {
        if (!fleet.memberIds.contains(staffId))
            fleet.memberIds.append(staffId);
        return fleet;
    }
    fleet.memberIds.removeAll(staffId);
    for (core::FlowRule &rule : fleet.flowRules)
        rule.memberIds.removeAll(staffId);
    fleet.flowRules.removeIf([](const core::FlowRule &r) { return r.memberIds.isEmpty(); });
    return fleet;
}

core::Fleet withMemberMoved(core::Fleet fleet, qint64 staffId, int delta)
{
    const qsizetype from = fleet.memberIds.indexOf(staffId);
    if (from < 0)
        return fleet;
    const qsizetype to = qBound<qsizetype>(0, from + delta, fleet.memberIds.size() - 1);
    fleet.memberIds.move(from, to);
    return fleet;
}

core::Fleet withRuleMember(core::Fleet fleet, qint64 flowId, qint64 staffId, bool inRule)
{
    if (!fleet.memberIds.contains(staffId))
        return fleet;
    auto rule = std::find_if(fleet.flowRules.begin(), fleet.flowRules.end(),
                             [flowId](const core::FlowRule &r) { return r.flowId == flowId; });
    if (rule == fleet.flowRules.end()) {
        if (inRule)
            fleet.flowRules.append(core::FlowRule{flowId, {staffId}});
        return fleet;
    }
    if (inRule && !rule->memberIds.contains(staffId))
        rule->memberIds.append(staffId);
    if (!inRule)
        rule->memberIds.removeAll(staffId);
    if (rule->memberIds.isEmpty())
        fleet.flowRules.erase(rule);
    // A rule lists its members in the fleet's turn order, whatever order they were ticked
    // in: the same fleet always makes the same request and reads the same back.
    for (core::FlowRule &r : fleet.flowRules) {
        std::sort(r.memberIds.begin(), r.memberIds.end(), [&fleet](qint64 a, qint64 b) {
            return fleet.memberIds.indexOf(a) < fleet.memberIds.indexOf(b);
        });
    }
    return fleet;
}

QList<qint64> ruleMembers(const core::Fleet &fleet, qint64 flowId)
{
    for (const core::FlowRule &r : fleet.flowRules) {
        if (r.flowId == flowId)
            return r.memberIds;
    }
    return {};
}

QJsonObject fleetPatchBody(const core::Fleet &fleet)
{
    QJsonArray rules;
    for (const core::FlowRule &r : fleet.flowRules)
        rules.append(QJsonObject{{u"flowId"_s, r.flowId}, {u"memberIds"_s, idArray(r.memberIds)}});
    return {{u"strategy"_s, core::toString(fleet.strategy)},
            {u"memberIds"_s, idArray(fleet.memberIds)},
            {u"flowRules"_s, rules}};
}

} // namespace models
