#pragma once

#include "store/store.h"

#include <QJsonObject>
#include <optional>

namespace server::sqlite {

class Connection;

// Who holds a ticket and how that was decided.
struct AssignmentDecision {
    std::optional<qint64> assigneeId;
    QJsonObject assignment; // {assigneeId, by, rule, at}; empty: unassigned
};

// The one place that decides the assignee of a new ticket, inside the creating
// transaction. Today: the active staff member the creating staff named, else nobody.
// Automatic assignment through the device's fleet (strategies, flow rules, absences)
// belongs here too.
AssignmentDecision assignOnCreate(Connection &c, const NewTicket &ticket, qint64 fleetId,
                                  const Caller &caller, qint64 now);

// The `assignment` record of a hand-made assignment by a staff member.
QJsonObject manualAssignment(std::optional<qint64> assigneeId, const Caller &by, qint64 now);

} // namespace server::sqlite
