#pragma once

#include "core/types.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

// The edits an administrator makes to a fleet, as pure functions from one fleet state to
// the next, so that the admin view only says what the user did and the rules (a flow rule
// names only members; a rule with nobody in it is no rule) live in one tested place.
namespace models {

// The strategies a fleet may use, in the order the admin view offers them.
QList<core::FleetStrategy> fleetStrategies();
// "Round robin", "Fewest open tickets", "Manual" (translated).
QString strategyLabel(core::FleetStrategy strategy);
// The strategy inside a sentence: "round robin", "fewest open tickets", "manual".
QString strategyPhrase(core::FleetStrategy strategy);
// The same for a strategy's API name; a name this client does not know, as it is.
QString strategyPhrase(const QString &apiName);
// One sentence on what the strategy does with a new ticket.
QString strategyDescription(core::FleetStrategy strategy);

// Adds `staffId` at the end of the turn order, or removes them from the fleet and from
// its flow rules (a rule left empty is dropped).
core::Fleet withMember(core::Fleet fleet, qint64 staffId, bool member);
// Moves a member `delta` places in the turn order (clamped).
core::Fleet withMemberMoved(core::Fleet fleet, qint64 staffId, int delta);
// Puts a member in or out of the rule for `flowId` (created or dropped as needed). Only
// fleet members can be in a rule: others are ignored.
core::Fleet withRuleMember(core::Fleet fleet, qint64 flowId, qint64 staffId, bool inRule);
// The members a rule routes `flowId` tickets to; empty when the fleet has no rule for it.
QList<qint64> ruleMembers(const core::Fleet &fleet, qint64 flowId);

// The body of PATCH /fleets/{id} that makes the server's fleet equal `fleet`.
QJsonObject fleetPatchBody(const core::Fleet &fleet);

} // namespace models
