#pragma once

#include "store/store.h"

#include <QJsonObject>
#include <optional>

namespace server::sqlite {

class Connection;

// Who holds a ticket and how that was decided.
struct AssignmentDecision {
    std::optional<qint64> assigneeId;
    QJsonObject assignment; // {assigneeId, by, rule, at[, unassigned]}; empty: unassigned
    bool ok = true;         // false: a database error, the transaction must fail
};

// The one place that decides the assignee of a new ticket, inside the creating
// transaction (so that concurrent creations see each other's turn and workload): the
// active staff member the creating staff named; nobody when staff sent `assigneeId: null`;
// else the device's fleet decides by its strategy (round_robin, least_open, manual), its
// flow rule for the ticket's flow, skipping absent and inactive members. When no member is
// available the ticket stays unassigned and the record says so (`unassigned: true`).
AssignmentDecision assignOnCreate(Connection &c, const NewTicket &ticket, qint64 fleetId,
                                  const Caller &caller, qint64 now);

// How a fleet's rule chose: the parts a client shows without parsing `rule`.
struct RuleSource {
    qint64 fleetId = 0;
    QString fleet;
    core::FleetStrategy strategy = core::FleetStrategy::Manual;
    std::optional<qint64> flowId; // set when a flow rule of the fleet applied
    QString flow;                 // that flow's name
};

// The `assignment` record of an automatic assignment: {assigneeId, by: "rule", rule, at,
// fleetId, fleet, strategy[, flowId, flow]}; with nobody chosen it is flagged
// `unassigned: true`. The demo generator writes the same records through this.
QJsonObject ruleAssignment(std::optional<qint64> assigneeId, const RuleSource &source, qint64 at);

// The `assignment` record of a hand-made assignment (or unassignment, assigneeId null) by a
// staff member: {assigneeId, by: <staff id>, byName, rule: null, at}.
QJsonObject manualAssignment(std::optional<qint64> assigneeId, qint64 byId, const QString &byName,
                             qint64 at);
QJsonObject manualAssignment(std::optional<qint64> assigneeId, const Caller &by, qint64 now);

} // namespace server::sqlite
