#pragma once

#include "businesshours.h"
#include "enums.h"

#include <QList>
#include <QStringList>
#include <array>
#include <optional>

namespace core {

// Targets of one priority, in business milliseconds; nullopt = no target (no clock).
struct ClockTargets {
    std::optional<qint64> firstReply;
    std::optional<qint64> resolution;
    friend bool operator==(const ClockTargets &, const ClockTargets &) = default;
};

// Targets per priority, indexed by int(Priority).
using ServiceLevels = std::array<ClockTargets, PriorityCount>;

// What the clocks depend on in a ticket's life. Changes are in time order; those after
// `now` are ignored. The ticket starts in status `new` with `initialPriority`.
struct TicketTimeline {
    struct PriorityChange {
        qint64 at = 0;
        Priority priority = Priority::Normal;
    };
    struct StatusChange {
        qint64 at = 0;
        Status status = Status::New;
    };
    qint64 createdAt = 0;
    Priority initialPriority = Priority::Normal;
    QList<PriorityChange> priorityChanges;
    QList<StatusChange> statusChanges;
    std::optional<qint64> firstStaffMessageAt;
};

// One clock (first reply or resolution).
struct ClockState {
    std::optional<qint64> due;      // see computeClocks
    std::optional<qint64> soonFrom; // when one business hour is left (due - 1 h business)
    std::optional<qint64> breachAt; // due if this clock is or will be breached there
    bool running = false;           // still ticking towards its due time
};

struct TicketClocks {
    ClockState firstReply;
    ClockState resolution;
    std::optional<qint64> firstReplyAt;
    std::optional<qint64> pausedSince;

    // The breached clocks as of `now` ("firstReply", "resolution").
    QStringList breached(qint64 now) const;
    // The earliest due time of a running clock (what sort=due orders by), its soon
    // instant, and the earliest breach instant.
    std::optional<qint64> nextDue() const;
    std::optional<qint64> nextSoon() const;
    std::optional<qint64> firstBreach() const;
};

inline constexpr qint64 SoonBusinessMsecs = 3600000;

// The clocks of a ticket as of `now`. Precisely:
// - The clock time C(t) is the business time (per `calendar`) in [createdAt, t) while
//   the ticket is `new` or `open`; it does not advance while `waiting` (paused),
//   `resolved` or `closed` (stopped). A ticket reopened from `resolved` runs again.
// - A clock with target T is due at the earliest instant its clock time reaches T
//   (T = 0: at creation). The target is that of the priority in effect when the clock
//   is read: at `now` while it runs, else when it stopped. A priority change therefore
//   counts the new target from creation: the due time moves, possibly into the past.
// - The first-reply clock stops at the first staff message; both clocks stop when the
//   ticket is resolved or closed. A stopped clock keeps the due time it had just before
//   it stopped (the ticket's state then continued); it is breached when it stopped
//   after that due time.
// - While the ticket waits the future is unknown: a running clock whose time has not
//   reached its target has no due time (null) and `pausedSince` says since when; one
//   that reached it keeps that past due time and is breached.
// - A calendar with no business hours never advances: due times are null (except a
//   target of 0, due at creation) and nothing is breached.
// - Breached: the due time lies strictly before now (running) or before the stop.
// - Soon: a running clock with at most one business hour left (soonFrom <= now < due).
TicketClocks computeClocks(const ServiceLevels &levels, const BusinessCalendar &calendar,
                           const TicketTimeline &timeline, qint64 now);

} // namespace core
