#include "clocks.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace core {
namespace {

bool runs(Status s)
{
    return s == Status::New || s == Status::Open;
}

struct Segment {
    qint64 from = 0;
    qint64 to = 0;
};

// The clock of a timeline cut at `cut`: its running segments before the cut and
// whether it would keep running afterwards (the state in effect just before the cut).
struct ClockRun {
    QList<Segment> closed;
    std::optional<qint64> openFrom; // running from here on
};

ClockRun runUntil(const TicketTimeline &timeline, qint64 cut)
{
    ClockRun run;
    std::optional<qint64> runningSince = timeline.createdAt;
    for (const auto &change : timeline.statusChanges) {
        if (change.at >= cut)
            break;
        if (runs(change.status)) {
            if (!runningSince)
                runningSince = change.at;
        } else if (runningSince) {
            run.closed.append({*runningSince, change.at});
            runningSince.reset();
        }
    }
    run.openFrom = runningSince;
    return run;
}

std::optional<qint64> dueFor(const BusinessCalendar &calendar, const ClockRun &run,
                             qint64 createdAt, std::optional<qint64> target)
{
    if (!target)
        return std::nullopt;
    if (*target <= 0)
        return createdAt;
    qint64 remaining = *target;
    for (const Segment &segment : run.closed) {
        const qint64 inside = calendar.businessMsecs(segment.from, segment.to);
        if (remaining <= inside)
            return calendar.addBusinessMsecs(segment.from, remaining);
        remaining -= inside;
    }
    if (run.openFrom)
        return calendar.addBusinessMsecs(*run.openFrom, remaining);
    return std::nullopt;
}

Priority priorityAt(const TicketTimeline &timeline, qint64 at)
{
    Priority p = timeline.initialPriority;
    for (const auto &change : timeline.priorityChanges) {
        if (change.at > at)
            break;
        p = change.priority;
    }
    return p;
}

std::optional<qint64> minOf(std::optional<qint64> a, std::optional<qint64> b)
{
    if (!a)
        return b;
    if (!b)
        return a;
    return std::min(*a, *b);
}

// One clock read at `end` (its stop, or now when `running`).
ClockState readClock(const BusinessCalendar &calendar, const TicketTimeline &timeline,
                     const ServiceLevels &levels, bool firstReply, qint64 end, bool running)
{
    const ClockTargets &targets = levels[int(priorityAt(timeline, end))];
    const std::optional<qint64> target = firstReply ? targets.firstReply : targets.resolution;
    // A stopped clock is read as if the ticket had gone on as it was just before.
    const ClockRun run = runUntil(timeline, running ? end + 1 : end);
    ClockState state;
    state.running = running;
    state.due = dueFor(calendar, run, timeline.createdAt, target);
    if (target && state.due)
        state.soonFrom = dueFor(calendar, run, timeline.createdAt,
                                std::max<qint64>(0, *target - SoonBusinessMsecs));
    if (state.due && (running || *state.due < end))
        state.breachAt = state.due;
    return state;
}

} // namespace

QStringList TicketClocks::breached(qint64 now) const
{
    QStringList out;
    if (firstReply.breachAt && *firstReply.breachAt < now)
        out.append(u"firstReply"_s);
    if (resolution.breachAt && *resolution.breachAt < now)
        out.append(u"resolution"_s);
    return out;
}

std::optional<qint64> TicketClocks::nextDue() const
{
    return minOf(firstReply.running ? firstReply.due : std::nullopt,
                 resolution.running ? resolution.due : std::nullopt);
}

std::optional<qint64> TicketClocks::nextSoon() const
{
    return minOf(firstReply.running ? firstReply.soonFrom : std::nullopt,
                 resolution.running ? resolution.soonFrom : std::nullopt);
}

std::optional<qint64> TicketClocks::firstBreach() const
{
    return minOf(firstReply.breachAt, resolution.breachAt);
}

TicketClocks computeClocks(const ServiceLevels &levels, const BusinessCalendar &calendar,
                           const TicketTimeline &timeline, qint64 now)
{
    // The status as of now and when the clocks stopped (resolved/closed) or paused.
    // "since" is when the current phase (running, waiting, stopped) began: resolved
    // then closed stays stopped since it was resolved.
    const auto phase = [](Status s) {
        return runs(s) ? 0 : s == Status::Waiting ? 1 : 2;
    };
    Status status = Status::New;
    qint64 since = timeline.createdAt;
    for (const auto &change : timeline.statusChanges) {
        if (change.at > now)
            break;
        if (phase(change.status) != phase(status))
            since = change.at;
        status = change.status;
    }
    TicketClocks clocks;
    if (timeline.firstStaffMessageAt && *timeline.firstStaffMessageAt <= now)
        clocks.firstReplyAt = timeline.firstStaffMessageAt;
    if (status == Status::Waiting)
        clocks.pausedSince = since;
    const bool stopped = status == Status::Resolved || status == Status::Closed;
    const qint64 stopAt = stopped ? since : now;

    // Resolution: runs (or waits) until resolved/closed.
    clocks.resolution = readClock(calendar, timeline, levels, false, stopAt, !stopped);
    // First reply: also stops at the first staff message.
    if (clocks.firstReplyAt && (!stopped || *clocks.firstReplyAt < stopAt))
        clocks.firstReply =
            readClock(calendar, timeline, levels, true, *clocks.firstReplyAt, false);
    else
        clocks.firstReply = readClock(calendar, timeline, levels, true, stopAt, !stopped);
    return clocks;
}

} // namespace core
