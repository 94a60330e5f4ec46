// Response clocks against an independent oracle: the oracle steps minute by minute
// through UTC, reads each minute's local wall-clock time with QDateTime in the fleet's
// zone, and counts the minutes that are business time while the ticket's status lets
// the clock run. The computation under test walks zone transitions and whole intervals
// instead; the two must agree on every due time.
#include "core/clocks.h"

#include <QDateTime>
#include <QHash>
#include <QTimeZone>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using core::BusinessCalendar;
using core::BusinessHours;
using core::Priority;
using core::Status;
using core::TicketTimeline;

namespace {

constexpr qint64 Minute = 60000;
constexpr qint64 Hour = 60 * Minute;

const QTimeZone &berlin()
{
    static const QTimeZone zone("Europe/Berlin");
    return zone;
}

qint64 local(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), berlin()).toMSecsSinceEpoch();
}

BusinessHours office()
{
    BusinessHours hours;
    hours.timeZone = "Europe/Berlin";
    for (int day = 0; day < 5; ++day)
        hours.days[day] = {{8 * 60, 17 * 60}};
    hours.holidays = {QDate(2026, 4, 3), QDate(2026, 10, 26), QDate(2026, 12, 24),
                      QDate(2026, 12, 25)};
    return hours;
}

BusinessHours allDay()
{
    BusinessHours hours;
    hours.timeZone = "Europe/Berlin";
    for (auto &day : hours.days)
        day = {{0, 1440}};
    return hours;
}

// Opening hours inside the nights the clocks change (Sunday 01:00-04:00), a split day
// and an interval up to midnight.
BusinessHours nights()
{
    BusinessHours hours;
    hours.timeZone = "Europe/Berlin";
    hours.days[0] = {{9 * 60, 12 * 60}, {13 * 60, 18 * 60}};
    hours.days[2] = {{22 * 60, 1440}};
    hours.days[6] = {{60, 4 * 60}};
    hours.holidays = {QDate(2026, 12, 24)};
    return hours;
}

// --- the oracle -----------------------------------------------------------------

bool oracleIsBusinessMinute(const BusinessHours &hours, qint64 utcMs)
{
    const QDateTime wall = QDateTime::fromMSecsSinceEpoch(utcMs, QTimeZone(hours.timeZone));
    const QDate date = wall.date();
    if (hours.holidays.contains(date))
        return false;
    const int minute = wall.time().hour() * 60 + wall.time().minute();
    for (const auto &interval : hours.days[date.dayOfWeek() - 1])
        if (minute >= interval.startMinute && minute < interval.endMinute)
            return true;
    return false;
}

Status oracleStatusAt(const TicketTimeline &timeline, qint64 at)
{
    Status status = Status::New;
    for (const auto &change : timeline.statusChanges)
        if (change.at <= at)
            status = change.status;
    return status;
}

// The end of the minute in which the running business time reaches `target` minutes,
// stepping until `limit`; nullopt if it never does.
std::optional<qint64> oracleDue(const BusinessHours &hours, const TicketTimeline &timeline,
                                qint64 targetMinutes, qint64 limit)
{
    if (targetMinutes == 0)
        return timeline.createdAt;
    qint64 counted = 0;
    for (qint64 t = timeline.createdAt; t < limit; t += Minute) {
        const Status s = oracleStatusAt(timeline, t);
        if ((s == Status::New || s == Status::Open) && oracleIsBusinessMinute(hours, t)) {
            if (++counted == targetMinutes)
                return t + Minute;
        }
    }
    return std::nullopt;
}

// The same walk for several targets at once (the sweeps' many created times).
QHash<qint64, qint64> oracleDues(const BusinessHours &hours, const TicketTimeline &timeline,
                                 const QList<qint64> &targetMinutes)
{
    QHash<qint64, qint64> dues;
    const qint64 last = *std::max_element(targetMinutes.begin(), targetMinutes.end());
    if (targetMinutes.contains(0))
        dues.insert(0, timeline.createdAt);
    qint64 counted = 0;
    for (qint64 t = timeline.createdAt; counted < last && t < timeline.createdAt + 60LL * 24 * Hour;
         t += Minute) {
        if (oracleIsBusinessMinute(hours, t) && targetMinutes.contains(++counted))
            dues.insert(counted, t + Minute);
    }
    return dues;
}

core::ServiceLevels levelsWith(qint64 firstReplyMinutes, qint64 resolutionMinutes)
{
    core::ServiceLevels levels;
    for (auto &l : levels)
        l = {firstReplyMinutes * Minute, resolutionMinutes * Minute};
    return levels;
}

// --- sweeps against the oracle -------------------------------------------------------

struct Window {
    const char *what;
    qint64 from;
};

void sweep(const BusinessHours &hours, const QList<Window> &windows, const QList<qint64> &targets,
           qint64 stepMinutes, int steps)
{
    const BusinessCalendar calendar(hours);
    ASSERT_TRUE(calendar.isValid());
    for (const Window &window : windows) {
        for (int i = 0; i < steps; ++i) {
            TicketTimeline timeline;
            timeline.createdAt = window.from + i * stepMinutes * Minute;
            const auto dues = oracleDues(hours, timeline, targets);
            for (qint64 target : targets) {
                const auto clocks = core::computeClocks(levelsWith(target, target), calendar,
                                                        timeline, timeline.createdAt);
                const auto expected = dues.value(target);
                ASSERT_EQ(clocks.resolution.due, expected)
                    << window.what << " created "
                    << qPrintable(QDateTime::fromMSecsSinceEpoch(timeline.createdAt, berlin())
                                      .toString(Qt::ISODate))
                    << " target " << target << " min";
                ASSERT_EQ(clocks.firstReply.due, expected);
            }
        }
    }
}

const QList<Window> &windows()
{
    static const QList<Window> w = {
        {"ordinary week, nights and weekend", local(2026, 6, 10, 6, 0)},
        {"spring DST change (29 March)", local(2026, 3, 27, 15, 0)},
        {"autumn DST change (25 October)", local(2026, 10, 23, 15, 0)},
        {"Good Friday holiday", local(2026, 4, 2, 12, 0)},
        {"Christmas holidays", local(2026, 12, 23, 7, 0)},
    };
    return w;
}

TEST(ClocksOracle, OfficeHoursAcrossNightsWeekendsHolidaysAndDst)
{
    // 0, one minute, an hour and around it, a business day, 3 and 10 days (4 h / 3 d).
    sweep(office(), windows(), {0, 1, 59, 60, 61, 240, 9 * 60, 3 * 9 * 60, 10 * 9 * 60}, 97, 40);
}

TEST(ClocksOracle, AroundTheClockCountsTheShortAndTheLongDay)
{
    sweep(allDay(), windows(), {1, 60, 8 * 60, 24 * 60, 3 * 24 * 60}, 53, 40);
    const BusinessCalendar calendar(allDay());
    EXPECT_EQ(calendar.businessMsecs(local(2026, 3, 29, 0, 0), local(2026, 3, 30, 0, 0)),
              23 * Hour);
    EXPECT_EQ(calendar.businessMsecs(local(2026, 10, 25, 0, 0), local(2026, 10, 26, 0, 0)),
              25 * Hour);
}

TEST(ClocksOracle, HoursInsideTheNightsTheClocksChange)
{
    sweep(nights(), windows(), {1, 30, 60, 90, 120, 180, 5 * 60, 14 * 60}, 131, 30);
    const BusinessCalendar calendar(nights());
    // Sunday 01:00-04:00: 02:00-03:00 does not exist in spring, happens twice in autumn.
    EXPECT_EQ(calendar.businessMsecs(local(2026, 3, 29, 0, 0), local(2026, 3, 29, 12, 0)),
              2 * Hour);
    EXPECT_EQ(calendar.businessMsecs(local(2026, 10, 25, 0, 0), local(2026, 10, 25, 12, 0)),
              4 * Hour);
}

TEST(ClocksOracle, WaitingPauseAcrossAWeekend)
{
    const BusinessHours hours = office();
    const BusinessCalendar calendar(hours);
    const auto levels = levelsWith(4 * 60, 3 * 9 * 60);
    TicketTimeline timeline;
    timeline.createdAt = local(2026, 6, 11, 10, 17); // Thursday
    timeline.firstStaffMessageAt = local(2026, 6, 11, 11, 0);
    timeline.statusChanges = {{local(2026, 6, 11, 11, 0), Status::Open},
                              {local(2026, 6, 12, 15, 30), Status::Waiting}, // Friday
                              {local(2026, 6, 15, 10, 45), Status::Open}};   // Monday
    // During the pause: no due time for the running resolution clock, paused since Friday.
    const auto paused = core::computeClocks(levels, calendar, timeline, local(2026, 6, 13, 12, 0));
    EXPECT_EQ(paused.pausedSince, local(2026, 6, 12, 15, 30));
    EXPECT_FALSE(paused.resolution.due);
    EXPECT_TRUE(paused.breached(local(2026, 6, 13, 12, 0)).isEmpty());
    EXPECT_EQ(paused.firstReplyAt, local(2026, 6, 11, 11, 0));

    const qint64 now = local(2026, 6, 15, 11, 0);
    const auto resumed = core::computeClocks(levels, calendar, timeline, now);
    EXPECT_FALSE(resumed.pausedSince);
    const auto expected = oracleDue(hours, timeline, 3 * 9 * 60, now + 30LL * 24 * Hour);
    ASSERT_TRUE(expected);
    EXPECT_EQ(resumed.resolution.due, expected);
    // Thu 10:17-17:00 (6:43) + Fri 08:00-15:30 (7:30) + Mon 10:45-17:00 (6:15): 6:32 on Tuesday.
    EXPECT_EQ(*expected, local(2026, 6, 16, 14, 32));
    // The first reply came in time; its clock stopped with the due time it had then.
    EXPECT_EQ(resumed.firstReply.due, local(2026, 6, 11, 14, 17));
    EXPECT_FALSE(resumed.firstReply.running);
    EXPECT_TRUE(resumed.breached(now).isEmpty());
    EXPECT_EQ(resumed.nextDue(), expected);
}

TEST(ClocksOracle, PriorityChangeMidwayCountsTheNewTargetFromCreation)
{
    const BusinessHours hours = office();
    const BusinessCalendar calendar(hours);
    core::ServiceLevels levels;
    levels[int(Priority::High)] = {1 * Hour, 8 * Hour};
    levels[int(Priority::Normal)] = {4 * Hour, 3 * 24 * Hour};
    levels[int(Priority::Low)] = {24 * Hour, 10 * 24 * Hour};
    TicketTimeline timeline;
    timeline.createdAt = local(2026, 10, 23, 15, 20); // Friday before the autumn change
    timeline.initialPriority = Priority::Low;
    const auto low = core::computeClocks(levels, calendar, timeline, timeline.createdAt + Hour);
    EXPECT_EQ(low.firstReply.due,
              oracleDue(hours, timeline, 24 * 60, timeline.createdAt + 40LL * 24 * Hour));

    // Raised to high on Tuesday (Monday is a holiday in this calendar): the 1 h first
    // reply counted from creation was reached on Friday, so it is breached at once.
    timeline.priorityChanges = {{local(2026, 10, 27, 9, 0), Priority::High}};
    const qint64 now = local(2026, 10, 27, 9, 5);
    const auto high = core::computeClocks(levels, calendar, timeline, now);
    EXPECT_EQ(high.firstReply.due, local(2026, 10, 23, 16, 20));
    EXPECT_EQ(high.firstReply.due, oracleDue(hours, timeline, 60, now));
    EXPECT_EQ(high.resolution.due, oracleDue(hours, timeline, 8 * 60, now + 30LL * 24 * Hour));
    EXPECT_EQ(high.resolution.due, local(2026, 10, 27, 14, 20));
    EXPECT_EQ(high.breached(now), QStringList{u"firstReply"_s});
    EXPECT_EQ(high.nextDue(), high.firstReply.due);
}

// --- edge cases ------------------------------------------------------------------

TEST(ClocksEdges, CreatedOutsideBusinessHoursStartsAtTheNextOpening)
{
    const BusinessCalendar calendar(office());
    TicketTimeline timeline;
    timeline.createdAt = local(2026, 6, 13, 23, 40); // Saturday night
    const auto clocks =
        core::computeClocks(levelsWith(60, 9 * 60), calendar, timeline, timeline.createdAt);
    EXPECT_EQ(clocks.firstReply.due, local(2026, 6, 15, 9, 0));
    // One business hour is all there is: soon from creation on.
    EXPECT_EQ(clocks.firstReply.soonFrom, timeline.createdAt);
    EXPECT_EQ(clocks.resolution.due, local(2026, 6, 15, 17, 0));
}

TEST(ClocksEdges, ZeroTargetIsDueAtCreationAndBreachedRightAfter)
{
    const BusinessCalendar calendar(office());
    TicketTimeline timeline;
    timeline.createdAt = local(2026, 6, 13, 23, 40);
    const auto clocks =
        core::computeClocks(levelsWith(0, 0), calendar, timeline, timeline.createdAt + 1);
    EXPECT_EQ(clocks.firstReply.due, timeline.createdAt);
    EXPECT_EQ(clocks.breached(timeline.createdAt),
              QStringList()); // not before the due time has passed
    EXPECT_EQ(clocks.breached(timeline.createdAt + 1),
              (QStringList{u"firstReply"_s, u"resolution"_s}));
}

TEST(ClocksEdges, NoBusinessHoursMeansTheClocksNeverRun)
{
    BusinessHours none;
    none.timeZone = "Europe/Berlin";
    const BusinessCalendar calendar(none);
    TicketTimeline timeline;
    timeline.createdAt = local(2026, 6, 10, 10, 0);
    const qint64 now = timeline.createdAt + 100LL * 24 * Hour;
    const auto clocks = core::computeClocks(levelsWith(60, 600), calendar, timeline, now);
    EXPECT_FALSE(clocks.firstReply.due);
    EXPECT_FALSE(clocks.resolution.due);
    EXPECT_FALSE(clocks.nextDue());
    EXPECT_TRUE(clocks.breached(now).isEmpty());
}

TEST(ClocksEdges, NoTargetMeansNoClock)
{
    const BusinessCalendar calendar(office());
    TicketTimeline timeline;
    timeline.createdAt = local(2026, 6, 10, 10, 0);
    const auto clocks = core::computeClocks(core::ServiceLevels{}, calendar, timeline,
                                            timeline.createdAt + 1000 * Hour);
    EXPECT_FALSE(clocks.firstReply.due);
    EXPECT_FALSE(clocks.resolution.due);
    EXPECT_TRUE(clocks.breached(timeline.createdAt + 1000 * Hour).isEmpty());
}

TEST(ClocksEdges, ResolvedStopsTheClocksAndReopeningResumes)
{
    const BusinessCalendar calendar(office());
    TicketTimeline timeline;
    timeline.createdAt = local(2026, 6, 10, 10, 0); // Wednesday
    timeline.statusChanges = {{local(2026, 6, 10, 12, 0), Status::Resolved},
                              {local(2026, 6, 11, 8, 0), Status::Closed}};
    const auto levels = levelsWith(60, 3 * 60);
    const qint64 now = local(2026, 6, 20, 10, 0);
    const auto stopped = core::computeClocks(levels, calendar, timeline, now);
    // Resolved after 2 h without a reply: the 1 h first reply was breached, the
    // resolution came in time; nothing runs any more.
    EXPECT_EQ(stopped.breached(now), QStringList{u"firstReply"_s});
    EXPECT_EQ(stopped.resolution.due, local(2026, 6, 10, 13, 0));
    EXPECT_FALSE(stopped.nextDue());
    EXPECT_FALSE(stopped.pausedSince);

    timeline.statusChanges = {{local(2026, 6, 10, 12, 0), Status::Resolved},
                              {local(2026, 6, 12, 16, 0), Status::Open}}; // reopened Friday
    const auto reopened =
        core::computeClocks(levels, calendar, timeline, local(2026, 6, 12, 16, 1));
    EXPECT_EQ(reopened.resolution.due, local(2026, 6, 12, 17, 0));
    EXPECT_TRUE(reopened.resolution.running);
}

TEST(ClocksEdges, ChangesAfterNowAreIgnored)
{
    const BusinessCalendar calendar(office());
    TicketTimeline timeline;
    timeline.createdAt = local(2026, 6, 10, 10, 0);
    timeline.statusChanges = {{local(2026, 6, 10, 12, 0), Status::Waiting}};
    const auto before =
        core::computeClocks(levelsWith(60, 240), calendar, timeline, local(2026, 6, 10, 11, 0));
    EXPECT_EQ(before.resolution.due, local(2026, 6, 10, 14, 0));
    EXPECT_FALSE(before.pausedSince);
}

} // namespace
