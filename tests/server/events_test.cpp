// The event stream: live delivery, visibility per connection, resume by `since`, presence.
#include "testsupport.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

class EventsTest : public ::testing::Test
{
protected:
    TestServer server;
    ApiClient admin{server.baseUrl()};
    ApiClient agent{server.baseUrl()};
    ApiClient userA{server.baseUrl()};
    ApiClient userB{server.baseUrl()};

    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_FALSE(admin.loginStaff(demoLogin(u"admin"_s)).isEmpty());
        ASSERT_FALSE(agent.loginStaff(demoLogin(u"agent"_s)).isEmpty());
        ASSERT_FALSE(userA.loginDevice(demoDeviceCode(0), u"Nutzer A"_s).isEmpty());
        ASSERT_FALSE(userB.loginDevice(demoDeviceCode(1), u"Nutzer B"_s).isEmpty());
    }

    static auto about(const QString &type, qint64 ticketId)
    {
        return [type, ticketId](const QJsonObject &f) {
            return f.value(u"type"_s).toString() == type &&
                   f.value(u"ticketId"_s).toInteger() == ticketId;
        };
    }
};

TEST_F(EventsTest, TicketCreatedReachesStaffAndTheDevicesCodeUserOnly)
{
    EventClient staff, sameDevice, otherDevice;
    ASSERT_TRUE(staff.open(server.baseUrl(), admin.token()));
    ASSERT_TRUE(sameDevice.open(server.baseUrl(), userA.token()));
    ASSERT_TRUE(otherDevice.open(server.baseUrl(), userB.token()));

    const QJsonObject created = createTicket(userA, u"Drucker streikt"_s);
    ASSERT_FALSE(created.isEmpty());
    const qint64 id = created.value(u"id"_s).toInteger();

    const QJsonObject seen = staff.waitFor(about(u"ticket.created"_s, id));
    ASSERT_FALSE(seen.isEmpty());
    EXPECT_GT(seen.value(u"seq"_s).toInteger(), 0);
    EXPECT_FALSE(sameDevice.waitFor(about(u"ticket.created"_s, id)).isEmpty());
    for (const QJsonObject &f : otherDevice.collect(300))
        EXPECT_NE(f.value(u"ticketId"_s).toInteger(), id) << "device B saw device A's ticket";
}

TEST_F(EventsTest, InternalTicketsAndNotesNeverReachCodeUsers)
{
    EventClient staff, codeUser;
    ASSERT_TRUE(staff.open(server.baseUrl(), agent.token()));
    ASSERT_TRUE(codeUser.open(server.baseUrl(), userA.token()));

    const QJsonObject internal =
        createTicket(admin, u"Intern: Wartungsplan"_s,
                     {{u"deviceId"_s, demoDeviceId(0)}, {u"visibility"_s, u"internal"_s}});
    ASSERT_FALSE(internal.isEmpty());
    const qint64 internalId = internal.value(u"id"_s).toInteger();
    const QJsonObject open = createTicket(userA, u"Öffentlich"_s);
    const qint64 publicId = open.value(u"id"_s).toInteger();
    ASSERT_EQ(
        admin.post(u"/tickets/%1/notes"_s.arg(publicId), {{u"body"_s, u"Nur intern"_s}}).status,
        201);
    ASSERT_EQ(admin.post(u"/tickets/%1/messages"_s.arg(publicId), {{u"body"_s, u"Hallo"_s}}).status,
              201);

    EXPECT_FALSE(staff.waitFor(about(u"ticket.created"_s, internalId)).isEmpty());
    EXPECT_FALSE(staff.waitFor(about(u"note.created"_s, publicId)).isEmpty());
    // The message comes after the note: once the code user has it, the note would be there.
    EXPECT_FALSE(codeUser.waitFor(about(u"message.created"_s, publicId)).isEmpty());
    for (const QJsonObject &f : codeUser.frames()) {
        EXPECT_NE(f.value(u"ticketId"_s).toInteger(), internalId);
        EXPECT_NE(f.value(u"type"_s).toString(), u"note.created"_s);
        EXPECT_FALSE(f.value(u"data"_s).toObject().contains(u"customerName"_s));
    }
}

TEST_F(EventsTest, FleetAndStaffChangesReachStaffOnlyWithoutATicket)
{
    EventClient staff, codeUser;
    ASSERT_TRUE(staff.open(server.baseUrl(), agent.token()));
    ASSERT_TRUE(codeUser.open(server.baseUrl(), userA.token()));
    const QJsonObject fleet = admin.get(u"/fleets"_s).items().first().toObject();
    const qint64 fleetId = fleet.value(u"id"_s).toInteger();
    const QString other =
        fleet.value(u"strategy"_s).toString() == u"manual"_s ? u"least_open"_s : u"manual"_s;
    ASSERT_EQ(admin.patch(u"/fleets/%1"_s.arg(fleetId), {{u"strategy"_s, other}}).status, 200);
    const qint64 staffId = admin.get(u"/me"_s).object().value(u"id"_s).toInteger();
    ASSERT_EQ(
        admin
            .patch(u"/staff/%1"_s.arg(staffId), {{u"absentFrom"_s, u"2030-01-01T00:00:00.000Z"_s},
                                                 {u"absentTo"_s, u"2030-01-08T00:00:00.000Z"_s}})
            .status,
        200);
    const auto ofType = [](const QString &type) {
        return [type](const QJsonObject &f) {
            return f.value(u"type"_s).toString() == type;
        };
    };
    const QJsonObject f = staff.waitFor(ofType(u"fleet.updated"_s));
    ASSERT_FALSE(f.isEmpty());
    EXPECT_TRUE(f.value(u"ticketId"_s).isNull());
    EXPECT_EQ(f.value(u"data"_s)[u"strategy"_s].toString(), other);
    const QJsonObject s = staff.waitFor(ofType(u"staff.updated"_s));
    ASSERT_FALSE(s.isEmpty());
    EXPECT_EQ(s.value(u"data"_s)[u"absentFrom"_s].toString(), u"2030-01-01T00:00:00.000Z"_s);
    // A message after them: once the code user has it, the admin events would be there.
    const qint64 id = createTicket(userA, u"Danach"_s).value(u"id"_s).toInteger();
    ASSERT_EQ(userA.post(u"/tickets/%1/messages"_s.arg(id), {{u"body"_s, u"Hallo"_s}}).status, 201);
    EXPECT_FALSE(codeUser.waitFor(about(u"message.created"_s, id)).isEmpty());
    for (const QJsonObject &frame : codeUser.frames()) {
        EXPECT_NE(frame.value(u"type"_s).toString(), u"fleet.updated"_s);
        EXPECT_NE(frame.value(u"type"_s).toString(), u"staff.updated"_s);
    }
}

TEST_F(EventsTest, ResumeBySinceDeliversWhatWasMissedInOrder)
{
    EventClient first;
    ASSERT_TRUE(first.open(server.baseUrl(), admin.token()));
    const qint64 a = createTicket(userA, u"Erstes"_s).value(u"id"_s).toInteger();
    const QJsonObject firstEvent = first.waitFor(about(u"ticket.created"_s, a));
    ASSERT_FALSE(firstEvent.isEmpty());
    const qint64 lastSeen = firstEvent.value(u"seq"_s).toInteger();

    // While nobody listens, two more things happen.
    const qint64 b = createTicket(userA, u"Zweites"_s).value(u"id"_s).toInteger();
    ASSERT_EQ(userA.post(u"/tickets/%1/messages"_s.arg(b), {{u"body"_s, u"Nachtrag"_s}}).status,
              201);

    EventClient resumed;
    ASSERT_TRUE(resumed.open(server.baseUrl(), admin.token(), lastSeen));
    EXPECT_FALSE(resumed.waitFor(about(u"message.created"_s, b)).isEmpty());
    qint64 previous = lastSeen;
    bool sawB = false;
    for (const QJsonObject &f : resumed.frames()) {
        EXPECT_GT(f.value(u"seq"_s).toInteger(), previous) << "out of order or replayed twice";
        previous = f.value(u"seq"_s).toInteger();
        EXPECT_NE(f.value(u"ticketId"_s).toInteger(), a) << "an event before `since` came again";
        sawB = sawB || f.value(u"ticketId"_s).toInteger() == b;
    }
    EXPECT_TRUE(sawB);

    // A code user resuming gets only what they may see.
    EventClient otherDevice;
    ASSERT_TRUE(otherDevice.open(server.baseUrl(), userB.token(), 0));
    for (const QJsonObject &f : otherDevice.collect(300))
        EXPECT_NE(f.value(u"ticketId"_s).toInteger(), b);
}

TEST_F(EventsTest, SinceFromTheFutureAsksForResync)
{
    EventClient client;
    ASSERT_TRUE(client.open(server.baseUrl(), admin.token(), 999999999));
    EXPECT_FALSE(client
                     .waitFor([](const QJsonObject &f) {
                         return f.value(u"type"_s).toString() == u"resync"_s;
                     })
                     .isEmpty());
}

TEST_F(EventsTest, PresenceIsRelayedToOtherStaffOnly)
{
    const qint64 id = createTicket(userA, u"Wer schaut?"_s).value(u"id"_s).toInteger();
    EventClient anna, colleague, codeUser;
    ASSERT_TRUE(anna.open(server.baseUrl(), admin.token()));
    ASSERT_TRUE(colleague.open(server.baseUrl(), agent.token()));
    ASSERT_TRUE(codeUser.open(server.baseUrl(), userA.token()));
    anna.sendJson({{u"type"_s, u"presence"_s}, {u"ticketId"_s, id}, {u"state"_s, u"typing"_s}});
    const QJsonObject p = colleague.waitFor(about(u"presence"_s, id));
    ASSERT_FALSE(p.isEmpty());
    EXPECT_EQ(p.value(u"data"_s).toObject().value(u"state"_s).toString(), u"typing"_s);
    EXPECT_EQ(p.value(u"data"_s).toObject().value(u"user"_s).toObject().value(u"type"_s).toString(),
              u"staff"_s);
    for (const QJsonObject &f : codeUser.collect(300))
        EXPECT_NE(f.value(u"type"_s).toString(), u"presence"_s);
    for (const QJsonObject &f : anna.frames())
        EXPECT_NE(f.value(u"type"_s).toString(), u"presence"_s) << "echoed to the sender";

    // Presence on a ticket the sender cannot see is refused, not relayed.
    const qint64 before = colleague.frames().size();
    EventClient stranger;
    ASSERT_TRUE(stranger.open(server.baseUrl(), userB.token()));
    stranger.sendJson(
        {{u"type"_s, u"presence"_s}, {u"ticketId"_s, id}, {u"state"_s, u"viewing"_s}});
    EXPECT_FALSE(stranger
                     .waitFor([](const QJsonObject &f) {
                         return f.value(u"type"_s).toString() == u"error"_s;
                     })
                     .isEmpty());
    colleague.collect(200);
    EXPECT_EQ(colleague.frames().size(), before);
}

TEST_F(EventsTest, UpgradeWithoutValidTokenIsRefused)
{
    EventClient anonymous, forged;
    EXPECT_FALSE(anonymous.open(server.baseUrl(), {}));
    EXPECT_FALSE(forged.open(server.baseUrl(), "forged-token"));
}

} // namespace
