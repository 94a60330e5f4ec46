// NotificationPolicy: how a burst is summarised (at most once per ten seconds per kind,
// across fleets, several messages on one ticket) and what happens to what waits when a
// kind is switched off or I become absent. Without a translator loaded the source strings
// ("5 new ticket(s)") are what comes out.
#include "notificationpolicy_fixture.h"

using namespace notificationpolicytest;

namespace {

TEST_F(NotificationPolicyTest, BurstIsSummarisedAtMostOncePerTenSecondsPerKind)
{
    QList<qint64> flushes;
    QObject::connect(&policy, &NotificationPolicy::flushWanted, &policy,
                     [&flushes](qint64 ms) { flushes.append(ms); });
    policy.handleEvent(created(1));
    ASSERT_EQ(shown.size(), 1) << "the first one at once";
    now += 1000;
    for (qint64 id = 2; id <= 6; ++id)
        policy.handleEvent(created(id));
    EXPECT_EQ(shown.size(), 1) << "the rest wait";
    EXPECT_EQ(policy.msUntilDue(), 9000);
    EXPECT_EQ(flushes.last(), 9000);

    now += 8999;
    policy.flush();
    EXPECT_EQ(shown.size(), 1) << "not before ten seconds";
    now += 1;
    policy.flush();
    ASSERT_EQ(shown.size(), 2);
    EXPECT_EQ(shown[1].summary, u"5 new ticket(s) in fleet Nord"_s);
    EXPECT_EQ(shown[1].count, 5);
    EXPECT_EQ(shown[1].ticketId, 0);
    EXPECT_EQ(shown[1].body, u"T-2 Title 2\nT-3 Title 3\nT-4 Title 4\nT-5 Title 5\nT-6 Title 6"_s);
    EXPECT_EQ(policy.msUntilDue(), -1);

    // Right after a summary, the next one waits again.
    const qsizetype before = shown.size();
    policy.handleEvent(created(7));
    policy.flush();
    EXPECT_EQ(shown.size(), before);
    EXPECT_EQ(policy.msUntilDue(), NotificationPolicy::MinIntervalMs);
    EXPECT_EQ(shown.size(), before);
}

TEST_F(NotificationPolicyTest, BurstAcrossFleetsAndMoreThanFiveTickets)
{
    core::StaffMember me;
    me.id = Me;
    me.login = u"anna"_s;
    me.fleetIds = {Nord, Sued};
    policy.setMe(me);
    policy.handleEvent(created(1));
    for (qint64 id = 2; id <= 8; ++id)
        policy.handleEvent(created(id, id % 2 ? DeviceNord : DeviceSued));
    now += NotificationPolicy::MinIntervalMs;
    policy.flush();
    ASSERT_EQ(shown.size(), 2);
    EXPECT_EQ(shown[1].summary, u"7 new ticket(s) in your fleets"_s);
    EXPECT_TRUE(shown[1].body.endsWith(u"\nand 2 more"_s)) << shown[1].body.toStdString();
}

TEST_F(NotificationPolicyTest, SeveralMessagesOnOneTicketKeepTheTicket)
{
    mine(1);
    policy.handleEvent(message(1, u"one"_s));
    policy.handleEvent(message(1, u"two"_s));
    policy.handleEvent(message(1, u"three"_s));
    now += NotificationPolicy::MinIntervalMs;
    policy.flush();
    ASSERT_EQ(shown.size(), 2);
    EXPECT_EQ(shown[1].summary, u"2 new message(s) on T-1"_s);
    EXPECT_EQ(shown[1].ticketId, 1);
}

TEST_F(NotificationPolicyTest, SwitchingOffOrBecomingAbsentDropsWhatWaits)
{
    policy.handleEvent(created(1));
    policy.handleEvent(created(2));
    policy.setEnabled(NotificationKind::NewInFleet, false);
    policy.setEnabled(NotificationKind::NewInFleet, true);
    EXPECT_EQ(policy.msUntilDue(), -1);
    now += NotificationPolicy::MinIntervalMs;
    policy.flush();
    EXPECT_EQ(shown.size(), 1);
}

} // namespace
