#pragma once

#include "ticketsql.h"

// The statements of GET /tickets pages and of facets, built from ticketsql's pieces.
namespace server::sqlite::ticketsql {

// The page statement of GET /tickets: at most `limit` summaries (ticketrows::SummaryColumns)
// under the query's filters, after the cursor when there is one (its sort values and id).
// unionPage() where its shape applies, generalPage() otherwise. The rows come in no
// particular order: sort them with ticketrows::comesBefore. `textPlan`: see TextPlan.
Statement pageStatement(const core::TicketQuery &query, const Caller &caller,
                        const std::optional<QList<qint64>> &cursor, int limit,
                        TextPlan textPlan = TextPlan::MatchSet);

// One statement for every shape: the filters and the keyset condition over the whole
// table, in sort order. Its cost grows with the rows the sort index walks past.
Statement generalPage(const core::TicketQuery &query, const Caller &caller,
                      const std::optional<QList<qint64>> &cursor, int limit,
                      TextPlan textPlan = TextPlan::MatchSet);

// A staff query with a status filter whose sort is by status and priority (any of them,
// any direction), then by createdAt or updatedAt: one ordered range of tickets_sp_created
// or tickets_sp_updated per allowed (status, priority) pair, merged by UNION ALL under
// the page's ORDER BY and LIMIT. The merge reads each range lazily, so a page reads about
// `limit` + pairs index entries, however many tickets there are. nullopt for other shapes
// (full text, device or customer filters, code users, too many pairs).
std::optional<Statement> unionPage(const core::TicketQuery &query, const Caller &caller,
                                   const std::optional<QList<qint64>> &cursor, int limit);

// One grouped count of the facets: rows are the grouped columns (status, priority,
// assignee_id, those in `grouped`, in that order) then COUNT(*). The base count applies
// every filter and groups by the dimensions without a filter; each filtered dimension has
// its own count under the other filters. The base is left out when every dimension is
// filtered (the total is then the status counts of the chosen statuses).
struct FacetCount {
    int grouped = NoDimension;
    bool base = false;
    Statement statement;
};
// Where the counted tickets come from: `tickets t` under the filters by default; the
// unread counts (unreadfacets.cpp) count subsets through a partial index or from a staff
// member's ticket_seen rows, with conditions of their own added to every statement.
struct FacetSource {
    QString from = QStringLiteral("tickets t");
    Where extra;
};
QList<FacetCount> facetCounts(const core::TicketQuery &query, const Caller &caller,
                              const FacetSource &source = {});

} // namespace server::sqlite::ticketsql
