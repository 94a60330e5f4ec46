#pragma once

#include <QJsonObject>
#include <QString>
#include <functional>

// How a ticket came to its assignee, in words for staff: the server's assignment record
// ({assigneeId, by: "rule" | staff id, rule, fleet, strategy, flow, at, unassigned}).
namespace models {

struct AssignmentInfo {
    QString text; // "Automatically: fleet Nord, round robin" / "By Anna"
    QString rule; // by a rule: "Nord (round robin)", "Süd (fewest open tickets, rule for X)"
    bool flagged = false; // the rules found nobody: someone has to assign it by hand
    qint64 at = 0;        // msecs UTC; 0 when unknown
};

// `staffName` names a staff id (empty when unknown). Records written before the
// structured fields existed are read from their `rule` text ("Nord, round_robin, Flow").
AssignmentInfo describeAssignment(const QJsonObject &assignment,
                                  const std::function<QString(qint64)> &staffName);

} // namespace models
