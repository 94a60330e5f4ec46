#pragma once

#include "store/store.h"

#include <QHash>
#include <QSqlQuery>

namespace server::sqlite {

class Connection;
namespace ticketsql {
struct Statement;
struct FacetSource;
enum class TextPlan;
} // namespace ticketsql

class SqliteTicketStore final : public TicketStore
{
public:
    explicit SqliteTicketStore(Connection &connection);
    ~SqliteTicketStore() override;
    Q_DISABLE_COPY_MOVE(SqliteTicketStore)

    std::variant<TicketPage, core::ApiProblem> list(const core::TicketQuery &query,
                                                    const Caller &caller) override;
    Facets facets(const core::TicketQuery &query, const Caller &caller) override;
    std::optional<StaffFacets> staffFacets(const core::TicketQuery &query,
                                           const Caller &caller) override;
    std::optional<qint64> setSeen(qint64 id, std::optional<qint64> seq, const Caller &caller,
                                  qint64 now) override;
    std::optional<core::Ticket> ticket(qint64 id, const Caller &caller) override;
    qint64 create(const NewTicket &ticket, const Caller &caller, qint64 now) override;
    PatchOutcome patch(qint64 id, const TicketPatch &patch, qint64 expectedVersion,
                       const Caller &caller, qint64 now) override;
    std::optional<QList<core::HistoryEntry>> history(qint64 id, const Caller &caller) override;
    void endReads(); // finishes the cached filter statements (Store::endReads)

private:
    // The summary of a ticket whoever may see it (for events), or nullopt.
    std::optional<core::TicketSummary> summary(qint64 id);
    bool isVisible(qint64 id, const Caller &caller);
    // A prepared statement for the SQL of a list page or a facet count, from a small
    // least-recently-used cache: the texts depend on the filter shape (how many values
    // each filter has, which pairs a union page merges), not on the values, so a few
    // dozen cover the queues in use. Comes with the statement's values bound: run, read
    // every row, then finish() before the next call, so nothing runs one re-entrantly.
    QSqlQuery &dynamic(const ticketsql::Statement &statement);
    // How a page meets the tickets of the query's text: walking them in order when the
    // text matches a large share of them (see ticketsql::TextPlan).
    ticketsql::TextPlan textPlan(const core::TicketQuery &query, const Caller &caller);
    // nullopt when a statement failed.
    std::optional<Facets> countFacets(const core::TicketQuery &query, const Caller &caller);
    std::optional<Facets> countFacets(const core::TicketQuery &query, const Caller &caller,
                                      const ticketsql::FacetSource &source);
    // The facets over the tickets unread for the staff member who asks (unreadfacets.cpp).
    std::optional<Facets> countUnreadFacets(const core::TicketQuery &query, const Caller &caller);
    // Fills the due counts of `out` (staff), kept under `key` (empty: not kept).
    bool countDue(const core::TicketQuery &query, const Caller &caller, const QString &key,
                  StaffFacets &out);

    struct CachedStatement {
        QSqlQuery *query = nullptr;
        quint64 lastUse = 0;
    };

    Connection &m_c;
    QHash<QString, CachedStatement> m_dynamic;
    quint64 m_uses = 0;

    // Facet answers, keyed by the caller's scope and the normalised filters (see
    // facetKey() in ticketstore.cpp). Every write that can change a count (create() and
    // patch(): status, priority, assignee, visibility) moves the facet generation of the
    // connections' WriteGate (on any connection of the process), which empties the cache at
    // the next facets call. Full-text filters are not cached: messages change
    // what they match. TICKET_FACETS_CACHE=off in the environment turns the cache off (to
    // measure the counts themselves).
    bool m_cacheFacets = true;
    quint64 m_facetsGeneration = ~quint64(0);
    QHash<QString, Facets> m_facets;
    // staffFacets() answers while nothing was written since (see there), without the due
    // counts (breached, soon): they change with the time, so they are kept per key with
    // when they were counted, for DueCountsMaxAgeMs only (and not past a new generation).
    std::pair<qint64, qint64> m_staffFacetsStamp{-1, -1};
    QHash<QString, StaffFacets> m_staffFacets;
    struct DueCounts {
        qint64 breached = 0;
        qint64 soon = 0;
        qint64 at = 0;
    };
    QHash<QString, DueCounts> m_dueCounts;
};

} // namespace server::sqlite
