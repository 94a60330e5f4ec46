#pragma once

#include "store/store.h"

namespace server::sqlite {

class Connection;

// The service-level settings and each ticket's stored clocks (migration 12). Constructed
// where needed, like SqliteEventStore: it keeps no state but the connection.
class SqliteClockStore final : public ClockStore
{
public:
    explicit SqliteClockStore(Connection &connection)
        : m_c(connection)
    {}
    core::ServiceLevels serviceLevels() override;
    std::optional<core::BusinessHours> businessHours(qint64 fleetId) override;
    qint64 setServiceLevels(const core::ServiceLevels &levels, qint64 now) override;
    qint64 setBusinessHours(qint64 fleetId, const core::BusinessHours &hours, qint64 now) override;

    // Inside the write that changed the ticket (created, status, priority, a staff
    // message): recomputes its clocks from its timeline as of `now` and stores them.
    bool refresh(qint64 ticketId, qint64 now);
    // Recomputes every open ticket (new, open, waiting) of `fleetId`, or of all fleets.
    qint64 refreshOpen(std::optional<qint64> fleetId, qint64 now);

    // A ticket's timeline as stored (created, priority and status changes, first staff
    // message), and its fleet.
    std::optional<core::TicketTimeline> timeline(qint64 ticketId, qint64 *fleetId);

private:
    // The hours of a fleet as stored, or around the clock.
    core::BusinessHours hoursOrDefault(qint64 fleetId);
    bool store(qint64 ticketId, const core::TicketClocks &clocks);

    Connection &m_c;
};

} // namespace server::sqlite
