// The facets of SqliteTicketStore over the tickets unread for the staff member who asks.
#include "ticketstore.h"

#include "ticketpage.h"
#include "unread.h"

#include <QMap>

using namespace Qt::StringLiterals;

namespace server::sqlite {
namespace {

// "Unread for S" (unread.h) is a comparison per ticket with a look-up in ticket_seen:
// counted directly, the facets read every ticket under the filters (951 ms at 1,000,000).
// They are counted as a difference instead, of counts that never read the whole table:
//   unread = all - never notable for S - read by S
// - all: the plain facets under the same filters (kept while nothing is written);
// - never notable for S (nothing happened on it that S did not do: its threshold is -1):
//   the tickets without any notable event (those from before migration 11), through the
//   partial index tickets_unnotable, and those whose only notable actor is S, through
//   tickets_sole_actor; neither when S's assignment by someone else makes it notable;
// - read by S: S's own ticket_seen rows whose seq reaches the ticket's threshold (their
//   `read`, kept by triggers when either side changes, migration 13).
// The cost grows with the tickets S has read under the filters, not with the table.

// Whether the query filters by nothing but status, priority and assignee: what S's rows
// of ticket_seen copy from their tickets (migration 13).
bool seenColumnsSuffice(const core::TicketQuery &q)
{
    return q.visibilities.isEmpty() && q.flowIds.isEmpty() && q.deviceIds.isEmpty() &&
           q.customerIds.isEmpty() && q.fleetIds.isEmpty() && q.text.isEmpty() &&
           !q.hasCreatedRange() && q.excluded.isEmpty() && q.phrases.isEmpty() && !q.unreadOnly &&
           !q.awaitingStaff && !q.due;
}
const QString NotAssignedByOthers = u"NOT (t.assignee_id IS ? AND t.assigned_seq > -1)"_s;

void subtract(Facets &from, const Facets &part)
{
    for (size_t i = 0; i < from.byStatus.size(); ++i)
        from.byStatus[i] -= part.byStatus[i];
    for (size_t i = 0; i < from.byPriority.size(); ++i)
        from.byPriority[i] -= part.byPriority[i];
    from.total -= part.total;
    QMap<std::optional<qint64>, qint64> byAssignee;
    for (const auto &[assignee, n] : std::as_const(from.byAssignee))
        byAssignee[assignee] += n;
    for (const auto &[assignee, n] : std::as_const(part.byAssignee))
        byAssignee[assignee] -= n;
    from.byAssignee.clear();
    for (auto it = byAssignee.cbegin(); it != byAssignee.cend(); ++it) {
        if (it.value() > 0) // no row for an assignee without unread tickets, as counted
            from.byAssignee.append({it.key(), it.value()});
    }
    std::stable_sort(from.byAssignee.begin(), from.byAssignee.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
}

} // namespace

std::optional<Facets> SqliteTicketStore::countUnreadFacets(const core::TicketQuery &query,
                                                           const Caller &caller)
{
    core::TicketQuery all = query;
    all.unreadOnly = false;
    const qint64 s = caller.id;
    ticketsql::FacetSource unnotable{u"tickets t INDEXED BY tickets_unnotable"_s, {}};
    unnotable.extra.add(u"t.notable_seq = -1"_s);
    unnotable.extra.add(NotAssignedByOthers, {s});
    ticketsql::FacetSource soleActor{u"tickets t INDEXED BY tickets_sole_actor"_s, {}};
    soleActor.extra.add(
        u"t.notable_actor = ? AND t.notable_actor <> 0 AND t.notable_other_seq = -1"_s, {s});
    soleActor.extra.add(NotAssignedByOthers, {s});
    // S's read tickets: with filters on status, priority and assignee only, S's rows of
    // ticket_seen alone (their copy of those columns, read = 1: a range of the partial
    // index ticket_seen_read), else those rows joined to their tickets for the filters.
    const bool seenOnly = seenColumnsSuffice(all);
    ticketsql::FacetSource read{
        seenOnly ? u"ticket_seen t INDEXED BY ticket_seen_read"_s
                 : u"ticket_seen ts CROSS JOIN tickets t ON t.id = ts.ticket_id"_s,
        {}};
    const QString seen = seenOnly ? u"t"_s : u"ts"_s;
    read.extra.add(seen + u".staff_id = ? AND "_s + seen + u".read = 1"_s, {s});
    std::optional<Facets> out = m_cacheFacets && !query.due && !query.awaitingStaff
                                    ? std::optional<Facets>(facets(all, caller))
                                    : countFacets(all, caller);
    if (!out)
        return std::nullopt;
    for (const ticketsql::FacetSource *part : {&unnotable, &soleActor, &read}) {
        const std::optional<Facets> counted = countFacets(all, caller, *part);
        if (!counted)
            return std::nullopt;
        subtract(*out, *counted);
    }
    return out;
}

} // namespace server::sqlite
