#pragma once

#include "core/types.h"
#include "store/caller.h"

#include <QList>
#include <QString>
#include <QVariantList>
#include <optional>

// Unread per staff member and "needs reply" (migration 11). A ticket keeps the seq and
// actor of its last notable event (a message, a note, a status or priority change, a
// rating, its creation), the seq of the last notable event by another actor, and the seq
// of the last assignment made by someone other than the one it went to. A staff member S
// has not read a ticket when its ticket_seen seq for S is below
//   MAX(notable_actor = S ? notable_other_seq : notable_seq,
//       assignee_id = S ? assigned_seq : 0)
// which is one primary-key look-up per row: lists and filters never scan the events. -1
// stands for "none" on every side: no notable event, no assignment, never seen (so that
// seq 0, "before any event", can be seen: the demo data's tickets are notable at 0).
namespace server::sqlite {
class Connection;
}

namespace server::sqlite::unread {

// The actor of an event as the ticket stores it: a staff member's id, 0 for a code user.
qint64 actorOf(const Caller &caller);

// Records a notable event `seq` by `actor` on the ticket (inside the caller's transaction).
bool recordNotable(Connection &c, qint64 ticketId, qint64 seq, qint64 actor);
// Records that the ticket went to `assigneeId` (nullopt: nobody) in event `seq` by `actor`:
// unread for the assignee unless they took it themselves.
bool recordAssignment(Connection &c, qint64 ticketId, qint64 seq,
                      const std::optional<qint64> &assigneeId, qint64 actor);
// A message: the ticket awaits staff while the code user wrote last.
bool recordMessage(Connection &c, qint64 ticketId, bool byCodeUser);

// The condition "unread for staff member `staffId`" over `tickets t`, with its values.
QString condition();
QVariantList conditionValues(qint64 staffId);
// The condition of ?awaiting=staff over `tickets t` (the partial index tickets_awaiting).
QString awaitingCondition();

// Sets `unread` on each summary for the staff member (one statement for the whole page).
bool fill(Connection &c, QList<core::TicketSummary> &tickets, qint64 staffId);

// Stores that the staff member saw the ticket up to `seq` (a lower seq than stored is
// ignored), or forgets it (nullopt: unread again). Returns the seq now stored (-1: none).
std::optional<qint64> setSeen(Connection &c, qint64 ticketId, qint64 staffId,
                              std::optional<qint64> seq);
// setSeen() and the `ticket.seen` event {ticketId, seq, unread} for that staff member's
// streams only (never other staff, never code users). nullopt when a statement failed.
std::optional<qint64> markSeen(Connection &c, qint64 ticketId, qint64 staffId,
                               std::optional<qint64> seq, qint64 now);

} // namespace server::sqlite::unread
