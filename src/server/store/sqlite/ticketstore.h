#pragma once

#include "store/store.h"

namespace server::sqlite {

class Connection;

class SqliteTicketStore final : public TicketStore
{
public:
    explicit SqliteTicketStore(Connection &connection)
        : m_c(connection)
    {}
    std::variant<TicketPage, core::ApiProblem> list(const core::TicketQuery &query,
                                                    const Caller &caller) override;
    Facets facets(const core::TicketQuery &query, const Caller &caller) override;
    std::optional<core::Ticket> ticket(qint64 id, const Caller &caller) override;
    qint64 create(const NewTicket &ticket, const Caller &caller, qint64 now) override;
    PatchOutcome patch(qint64 id, const TicketPatch &patch, qint64 expectedVersion,
                       const Caller &caller, qint64 now) override;
    std::optional<QList<core::HistoryEntry>> history(qint64 id, const Caller &caller) override;

private:
    // The summary of a ticket whoever may see it (for events), or nullopt.
    std::optional<core::TicketSummary> summary(qint64 id);
    bool isVisible(qint64 id, const Caller &caller);

    Connection &m_c;
};

} // namespace server::sqlite
