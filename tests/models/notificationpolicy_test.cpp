// NotificationPolicy as plain logic: which events of the stream notify me, and the clock
// warnings, with an injected clock (no waiting). Without a translator loaded the source
// strings are what comes out; the GUI test checks the wording. How a burst is summarised:
// notificationpolicy_burst_test.cpp.
#include "notificationpolicy_fixture.h"

#include <QSignalSpy>

using namespace notificationpolicytest;

namespace {

TEST_F(NotificationPolicyTest, NewUnassignedTicketInMyFleetNotifies)
{
    policy.handleEvent(created(1));
    ASSERT_EQ(shown.size(), 1);
    EXPECT_EQ(shown[0].kind, NotificationKind::NewInFleet);
    EXPECT_EQ(shown[0].ticketId, 1);
    EXPECT_EQ(shown[0].summary, u"New ticket in fleet Nord"_s);
    EXPECT_EQ(shown[0].body, u"T-1 Title 1"_s);
    EXPECT_EQ(policy.newInMyFleets(), 1);
}

TEST_F(NotificationPolicyTest, NewTicketElsewhereOrAlreadyAssignedIsQuiet)
{
    policy.handleEvent(created(1, DeviceSued));
    policy.handleEvent(created(2, DeviceNord, Other));
    EXPECT_TRUE(shown.isEmpty());
    EXPECT_EQ(policy.newInMyFleets(), 0);
}

TEST_F(NotificationPolicyTest, UnknownDeviceIsLookedUpAndTheEventWaitsForIt)
{
    policy.handleEvent(created(1, 300));
    EXPECT_TRUE(shown.isEmpty());
    ASSERT_EQ(lookups, QList<qint64>{1});
    core::Ticket t;
    t.summary = core::TicketSummary::fromJson(summary(1, 300, std::nullopt));
    t.device.id = 300;
    t.device.fleetId = Nord;
    t.device.fleetName = u"Nord"_s;
    policy.setTicketFacts(t);
    ASSERT_EQ(shown.size(), 1);
    EXPECT_EQ(shown[0].ticketId, 1);
}

// Found by the selection suite under the sanitizers: sixty new tickets on one device made
// sixty look-ups, which queued the window's other requests behind them for seconds. One
// look-up per device; if it fails, the next new ticket of the device is asked for instead.
TEST_F(NotificationPolicyTest, ABurstOfNewTicketsOnAnUnknownDeviceIsLookedUpOnce)
{
    for (qint64 id = 1; id <= 5; ++id)
        policy.handleEvent(created(id, 300));
    EXPECT_EQ(lookups, QList<qint64>{1});
    policy.lookupFailed(1);
    ASSERT_EQ(lookups, (QList<qint64>{1, 2}));
    core::Ticket t;
    t.summary = core::TicketSummary::fromJson(summary(2, 300, std::nullopt));
    t.device.id = 300;
    t.device.fleetId = Nord;
    t.device.fleetName = u"Nord"_s;
    policy.setTicketFacts(t);
    EXPECT_EQ(lookups.size(), 2);
    EXPECT_EQ(policy.newInMyFleets(), 4); // 2..5: the failed one is not known
    policy.handleEvent(created(6, 300));  // the device is known now: no look-up
    EXPECT_EQ(lookups.size(), 2);
    EXPECT_EQ(policy.newInMyFleets(), 5);
}

TEST_F(NotificationPolicyTest, AssignedToMeBySomeoneElseNotifiesButNotMyOwnChange)
{
    policy.handleEvent(created(1, DeviceSued));
    policy.handleEvent(assigned(1, Me));
    ASSERT_EQ(shown.size(), 1);
    EXPECT_EQ(shown[0].kind, NotificationKind::AssignedToMe);
    EXPECT_EQ(shown[0].summary, u"Ticket T-1 was assigned to you"_s);

    policy.handleEvent(created(2, DeviceSued));
    now += NotificationPolicy::MinIntervalMs;
    policy.noteOwnChange(2);
    policy.handleEvent(assigned(2, Me));
    EXPECT_EQ(shown.size(), 1) << "I assigned it to myself";
    // Long after my own change, someone else's update is news again.
    policy.handleEvent(assigned(2, Other));
    now += NotificationPolicy::OwnChangeMs + 1;
    policy.noteOwnChange(3);
    policy.handleEvent(assigned(2, Me));
    EXPECT_EQ(shown.size(), 2);
}

TEST_F(NotificationPolicyTest, ClocksUpdateDoesNotUseUpMyOwnChange)
{
    // A colleague's first message stops the first-reply clock: ticket.updated with
    // changes {clocks} only, arriving between my assigning the ticket to myself and the
    // update of that assignment.
    policy.handleEvent(created(1, DeviceSued));
    now += NotificationPolicy::MinIntervalMs;
    policy.noteOwnChange(1);
    QJsonObject clocks = summary(1, DeviceSued, std::nullopt);
    clocks.insert(u"changes"_s, QJsonObject{{u"clocks"_s, QJsonObject{}}});
    policy.handleEvent(event(u"ticket.updated"_s, 1, clocks));
    policy.handleEvent(assigned(1, Me));
    EXPECT_TRUE(shown.isEmpty()) << "I assigned it to myself";
}

TEST_F(NotificationPolicyTest, AssigningANewTicketTakesItOffTheNewCount)
{
    QSignalSpy counts(&policy, &NotificationPolicy::newInMyFleetsChanged);
    policy.handleEvent(created(1));
    policy.handleEvent(created(2));
    EXPECT_EQ(policy.newInMyFleets(), 2);
    policy.handleEvent(assigned(1, Other));
    EXPECT_EQ(policy.newInMyFleets(), 1);
    policy.acknowledgeNew();
    EXPECT_EQ(policy.newInMyFleets(), 0);
    EXPECT_EQ(counts.size(), 4);
}

TEST_F(NotificationPolicyTest, CodeUsersMessageOnMyTicketNotifies)
{
    mine(1);
    policy.handleEvent(message(1, u"The  printer\nis on fire"_s));
    ASSERT_EQ(shown.size(), 1);
    EXPECT_EQ(shown[0].kind, NotificationKind::CodeUserMessage);
    EXPECT_EQ(shown[0].summary, u"Author 50 wrote on T-1"_s);
    EXPECT_EQ(shown[0].body, u"The printer is on fire"_s);
}

TEST_F(NotificationPolicyTest, MessagesNotFromACodeUserOrNotOnMyTicketAreQuiet)
{
    mine(1);
    policy.handleEvent(created(2, DeviceSued, Other));
    policy.handleEvent(message(2));
    policy.handleEvent(post(u"message.created"_s, 1, u"staff"_s, Me, u"my answer"_s));
    policy.handleEvent(post(u"message.created"_s, 1, u"staff"_s, Other, u"a colleague"_s));
    EXPECT_TRUE(shown.isEmpty());
}

TEST_F(NotificationPolicyTest, MessageOnUnknownTicketIsDecidedAfterTheLookup)
{
    policy.handleEvent(message(5));
    policy.handleEvent(message(5, u"again"_s));
    EXPECT_EQ(lookups, QList<qint64>{5}) << "one lookup per ticket";
    core::Ticket t;
    t.summary = core::TicketSummary::fromJson(summary(5, DeviceSued, Me));
    t.device.id = DeviceSued;
    policy.setTicketFacts(t);
    ASSERT_EQ(shown.size(), 1);
    now += NotificationPolicy::MinIntervalMs;
    policy.flush();
    ASSERT_EQ(shown.size(), 2);
    EXPECT_EQ(shown[1].body, u"again"_s);
}

TEST_F(NotificationPolicyTest, NoteNamingMyLoginNotifies)
{
    policy.handleEvent(created(1, DeviceSued, Other));
    policy.handleEvent(note(1, u"@Anna, could you look at this?"_s));
    ASSERT_EQ(shown.size(), 1);
    EXPECT_EQ(shown[0].kind, NotificationKind::Mention);
    EXPECT_EQ(shown[0].summary, u"Author 8 named you in a note on T-1"_s);
}

TEST_F(NotificationPolicyTest, MentionMatchesTheWholeLoginOnly)
{
    EXPECT_TRUE(NotificationPolicy::mentions(u"@anna"_s, u"anna"_s));
    EXPECT_TRUE(NotificationPolicy::mentions(u"ask @anna."_s, u"anna"_s));
    EXPECT_TRUE(NotificationPolicy::mentions(u"(@anna)"_s, u"anna"_s));
    EXPECT_FALSE(NotificationPolicy::mentions(u"ask @annabelle"_s, u"anna"_s));
    EXPECT_FALSE(NotificationPolicy::mentions(u"ask @anna.b"_s, u"anna"_s));
    EXPECT_FALSE(NotificationPolicy::mentions(u"mail@anna"_s, u"anna"_s));
    EXPECT_FALSE(NotificationPolicy::mentions(u"anna"_s, u"anna"_s));
    EXPECT_FALSE(NotificationPolicy::mentions(u"@jo"_s, u"j.o"_s));

    policy.handleEvent(created(1, DeviceSued, Other));
    policy.handleEvent(note(1, u"@annabelle will do it"_s));
    EXPECT_TRUE(shown.isEmpty());
}

TEST_F(NotificationPolicyTest, MyOwnNoteNamingMeIsQuiet)
{
    policy.handleEvent(created(1, DeviceSued, Other));
    policy.handleEvent(note(1, u"note to self @anna"_s, Me));
    EXPECT_TRUE(shown.isEmpty());
}

TEST_F(NotificationPolicyTest, NothingForTheTicketInFrontOfMe)
{
    mine(1);
    policy.setTicketInFront(1);
    policy.handleEvent(message(1));
    policy.handleEvent(note(1, u"@anna"_s));
    policy.handleEvent(assigned(1, Me));
    EXPECT_TRUE(shown.isEmpty());
    policy.setTicketInFront(0); // the window is no longer active
    policy.handleEvent(message(1));
    EXPECT_EQ(shown.size(), 1);
}

TEST_F(NotificationPolicyTest, NothingWhileIAmAbsent)
{
    core::StaffMember me;
    me.id = Me;
    me.login = u"anna"_s;
    me.fleetIds = {Nord};
    me.absentFrom = now - 1000;
    me.absentTo = now + 60'000;
    policy.setMe(me);
    mine(1);
    policy.handleEvent(created(2));
    policy.handleEvent(message(1));
    policy.handleEvent(note(1, u"@anna"_s));
    EXPECT_TRUE(shown.isEmpty());
    now += 60'000; // back
    policy.handleEvent(message(1));
    EXPECT_EQ(shown.size(), 1);
}

TEST_F(NotificationPolicyTest, EachKindCanBeSwitchedOff)
{
    mine(1);
    policy.handleEvent(created(2, DeviceSued, Other));
    for (int k = 0; k < models::NotificationKindCount; ++k)
        policy.setEnabled(static_cast<NotificationKind>(k), false);
    policy.handleEvent(created(3));
    policy.handleEvent(assigned(2, Me));
    policy.handleEvent(message(1));
    policy.handleEvent(note(1, u"@anna"_s));
    core::TicketSummary t = core::TicketSummary::fromJson(summary(1, DeviceSued, Me));
    policy.offerClockWarning(t, 10);
    EXPECT_TRUE(shown.isEmpty());

    QList<NotificationKind> kinds;
    for (int k = 0; k < models::NotificationKindCount; ++k) {
        const auto kind = static_cast<NotificationKind>(k);
        policy.setEnabled(kind, true);
        EXPECT_TRUE(policy.isEnabled(kind));
    }
    policy.handleEvent(created(4));
    policy.handleEvent(assigned(3, Me));
    policy.handleEvent(message(1));
    policy.handleEvent(note(1, u"@anna"_s));
    policy.offerClockWarning(t, 10);
    for (const Notification &n : std::as_const(shown))
        kinds.append(n.kind);
    EXPECT_EQ(kinds,
              (QList<NotificationKind>{NotificationKind::NewInFleet, NotificationKind::AssignedToMe,
                                       NotificationKind::CodeUserMessage, NotificationKind::Mention,
                                       NotificationKind::ClockBreaching}));
    EXPECT_EQ(shown.last().summary, u"T-1 breaches its target in 10 minute(s)"_s);
}

TEST_F(NotificationPolicyTest, SwitchingOneKindOffLeavesTheOthers)
{
    mine(1);
    policy.setEnabled(NotificationKind::NewInFleet, false);
    policy.handleEvent(created(2));
    policy.handleEvent(message(1));
    ASSERT_EQ(shown.size(), 1);
    EXPECT_EQ(shown[0].kind, NotificationKind::CodeUserMessage);
}

TEST_F(NotificationPolicyTest, OneKindDoesNotHoldBackAnother)
{
    mine(1);
    policy.handleEvent(created(2));
    policy.handleEvent(message(1));
    policy.handleEvent(created(3));
    ASSERT_EQ(shown.size(), 2);
    EXPECT_EQ(shown[0].kind, NotificationKind::NewInFleet);
    EXPECT_EQ(shown[1].kind, NotificationKind::CodeUserMessage);
}

constexpr qint64 Minute = 60'000;

// A ticket as GET /tickets?due=soon lists it: its next running due time.
core::TicketSummary dueTicket(qint64 id, std::optional<qint64> assignee, qint64 due)
{
    core::TicketSummary t;
    t.id = id;
    t.number = u"T-%1"_s.arg(id);
    t.title = u"Title %1"_s.arg(id);
    t.assigneeId = assignee;
    t.clocks = core::TicketClockFields{};
    t.clocks->resolutionDue = due;
    t.dueOrder = due;
    return t;
}

TEST_F(NotificationPolicyTest, AClockDueWithinFifteenMinutesOnMyTicketWarnsOncePerDueTime)
{
    const qint64 due = now + 12 * Minute;
    const QList<core::TicketSummary> tickets{
        dueTicket(1, Me, due),                    // mine, within 15 minutes: warned
        dueTicket(2, Me, now + 40 * Minute),      // mine, later
        dueTicket(3, Other, now + 5 * Minute),    // someone else's
        dueTicket(4, std::nullopt, now + Minute), // nobody's
        dueTicket(5, Me, now - Minute),           // already breached
    };
    policy.checkClocks(tickets);
    ASSERT_EQ(shown.size(), 1);
    EXPECT_EQ(shown[0].kind, NotificationKind::ClockBreaching);
    EXPECT_EQ(shown[0].ticketId, 1);
    EXPECT_EQ(shown[0].summary, u"T-1 breaches its target in 12 minute(s)"_s);

    // The next rounds: nothing new for the same due time, not even after the interval.
    now += NotificationPolicy::MinIntervalMs + Minute;
    policy.checkClocks(tickets);
    EXPECT_EQ(shown.size(), 1);
    EXPECT_EQ(policy.msUntilDue(), -1);
    // Ticket 2 comes within reach; ticket 1's due time moves (a priority change): both warn.
    now += 25 * Minute;
    policy.checkClocks({dueTicket(1, Me, now + 10 * Minute), tickets[1]});
    policy.flush();
    now += NotificationPolicy::MinIntervalMs;
    policy.flush();
    ASSERT_EQ(shown.size(), 3);
    EXPECT_EQ(shown[1].ticketId, 1);
    EXPECT_EQ(shown[2].ticketId, 2);

    // Switched off: nothing.
    policy.setEnabled(NotificationKind::ClockBreaching, false);
    now += NotificationPolicy::MinIntervalMs;
    policy.checkClocks({dueTicket(6, Me, now + Minute)});
    EXPECT_EQ(shown.size(), 3);
}

} // namespace
