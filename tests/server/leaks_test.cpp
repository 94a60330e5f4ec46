// What code users learn after a ticket's visibility changed: the event stream decides who
// may see an event when it delivers it (live or replayed), history keeps what happened
// while a ticket was internal, and a code user's frames carry only their own view.
#include "testsupport.h"

#include <QJsonDocument>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

class LeaksTest : public ::testing::Test
{
protected:
    TestServer server;
    ApiClient admin{server.baseUrl()};
    ApiClient userA{server.baseUrl()};

    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_FALSE(admin.loginStaff(demoLogin(u"admin"_s)).isEmpty());
        ASSERT_FALSE(userA.loginDevice(demoDeviceCode(0), u"Nutzer A"_s).isEmpty());
    }

    // A code user of device A who signs in only now.
    QByteArray freshCodeUser(ApiClient &client)
    {
        return client.loginDevice(demoDeviceCode(0), u"Später"_s);
    }

    // Every frame a since=0 replay gives `token`, up to a marker message on `markerTicket`.
    QList<QJsonObject> replay(const QByteArray &token, qint64 markerTicket, const QString &marker)
    {
        EventClient stream;
        if (!stream.open(server.baseUrl(), token, 0))
            return {};
        const QJsonObject last = stream.waitFor([&](const QJsonObject &f) {
            return f.value(u"type"_s).toString() == u"message.created" &&
                   f.value(u"ticketId"_s).toInteger() == markerTicket &&
                   f.value(u"data"_s)[u"body"_s].toString() == marker;
        });
        EXPECT_FALSE(last.isEmpty()) << "the replay did not reach the marker";
        return stream.frames();
    }

    // A public ticket of device A with a message: the last thing every replay must reach.
    qint64 marker(const QString &text)
    {
        const qint64 id = createTicket(userA, u"Marker"_s).value(u"id"_s).toInteger();
        EXPECT_GT(id, 0);
        EXPECT_EQ(userA.post(u"/tickets/%1/messages"_s.arg(id), {{u"body"_s, text}}).status, 201);
        return id;
    }
};

TEST_F(LeaksTest, ReplayDecidesVisibilityWhenDelivered)
{
    const qint64 id = createTicket(userA, u"printer on fire"_s).value(u"id"_s).toInteger();
    ASSERT_GT(id, 0);
    ASSERT_EQ(
        userA.post(u"/tickets/%1/messages"_s.arg(id), {{u"body"_s, u"said while public"_s}}).status,
        201);
    const QString file = uploadTextFile(userA, id, false).object().value(u"id"_s).toString();
    ASSERT_FALSE(file.isEmpty());
    ASSERT_EQ(admin.editTicket(id, {{u"visibility"_s, u"internal"_s}}).status, 200);
    const qint64 end = marker(u"end of replay"_s);

    ApiClient later(server.baseUrl());
    ASSERT_FALSE(freshCodeUser(later).isEmpty());
    EXPECT_EQ(later.get(u"/tickets/%1"_s.arg(id)).status, 404);
    for (ApiClient *client : {&later, &userA}) {
        for (const QJsonObject &f : replay(client->token(), end, u"end of replay"_s)) {
            const QString text = compact(f);
            EXPECT_NE(f.value(u"ticketId"_s).toInteger(), id) << text.toStdString();
            for (const QString &secret : {u"printer on fire"_s, u"said while public"_s, file})
                EXPECT_FALSE(text.contains(secret)) << text.toStdString();
        }
    }
    // Staff still get the whole past.
    int staffFrames = 0;
    for (const QJsonObject &f : replay(admin.token(), end, u"end of replay"_s))
        staffFrames += f.value(u"ticketId"_s).toInteger() == id;
    EXPECT_GE(staffFrames, 4); // created, message, attachment, updated
}

TEST_F(LeaksTest, AFileMovedOntoANoteIsInternalInReplays)
{
    const qint64 id = createTicket(userA, u"Ventil tropft"_s).value(u"id"_s).toInteger();
    ASSERT_GT(id, 0);
    // Uploaded by staff as a public file, then put on an internal note.
    const QString file = uploadTextFile(admin, id, false).object().value(u"id"_s).toString();
    ASSERT_FALSE(file.isEmpty());
    ASSERT_EQ(admin
                  .post(u"/tickets/%1/notes"_s.arg(id),
                        {{u"body"_s, u"Foto vom Ventil"_s}, {u"attachmentIds"_s, QJsonArray{file}}})
                  .status,
              201);
    const qint64 end = marker(u"after the note"_s);

    for (const QJsonObject &f : replay(userA.token(), end, u"after the note"_s))
        EXPECT_FALSE(compact(f).contains(file)) << compact(f).toStdString();
    bool staffSawIt = false;
    for (const QJsonObject &f : replay(admin.token(), end, u"after the note"_s)) {
        if (f.value(u"type"_s).toString() == u"attachment.created" &&
            f.value(u"data"_s)[u"id"_s].toString() == file) {
            staffSawIt = true;
            EXPECT_TRUE(f.value(u"data"_s)[u"internal"_s].toBool()) << compact(f).toStdString();
        }
    }
    EXPECT_TRUE(staffSawIt);
}

TEST_F(LeaksTest, PublishingAndRenamingInOneEditKeepsTheInternalTitle)
{
    const QString secret = u"SECRET while internal"_s;
    const qint64 id =
        createTicket(admin, secret,
                     {{u"deviceId"_s, demoDeviceId(0)}, {u"visibility"_s, u"internal"_s}})
            .value(u"id"_s)
            .toInteger();
    ASSERT_GT(id, 0);
    EventClient live;
    ASSERT_TRUE(live.open(server.baseUrl(), userA.token()));
    ASSERT_EQ(admin.editTicket(id, {{u"visibility"_s, u"public"_s}, {u"title"_s, u"Pumpe laut"_s}})
                  .status,
              200);
    ASSERT_EQ(admin.editTicket(id, {{u"priority"_s, u"high"_s}}).status, 200);
    const qint64 end = marker(u"after publishing"_s);

    const HttpResult history = userA.get(u"/tickets/%1/history"_s.arg(id));
    ASSERT_EQ(history.status, 200);
    bool sawPriority = false;
    for (const QJsonValue &v : history.items()) {
        const QString text = compact(v.toObject());
        EXPECT_FALSE(text.contains(u"SECRET"_s)) << text.toStdString();
        EXPECT_NE(v[u"field"_s].toString(), u"visibility"_s) << text.toStdString();
        sawPriority = sawPriority || v[u"field"_s].toString() == u"priority";
    }
    EXPECT_TRUE(sawPriority) << "a change made after publishing is the code user's to see";
    // Staff keep the whole story.
    EXPECT_TRUE(QJsonDocument(admin.get(u"/tickets/%1/history"_s.arg(id)).object())
                    .toJson()
                    .contains("SECRET while internal"));

    ASSERT_FALSE(live.waitFor([&](const QJsonObject &f) {
                         return f.value(u"ticketId"_s).toInteger() == end &&
                                f.value(u"type"_s).toString() == u"message.created";
                     })
                     .isEmpty());
    QList<QJsonObject> frames = live.frames();
    frames += replay(userA.token(), end, u"after publishing"_s);
    for (const QJsonObject &f : frames) {
        const QString text = compact(f);
        EXPECT_FALSE(text.contains(u"SECRET"_s)) << text.toStdString();
        EXPECT_FALSE(f.value(u"data"_s)[u"changes"_s].toObject().contains(u"visibility"_s))
            << text.toStdString();
    }
}

TEST_F(LeaksTest, CodeUsersFramesCarryTheirOwnViewOnly)
{
    EventClient live;
    ASSERT_TRUE(live.open(server.baseUrl(), userA.token()));
    const qint64 id =
        createTicket(userA, u"Wie sieht mich der Code-Nutzer"_s).value(u"id"_s).toInteger();
    ASSERT_GT(id, 0);
    const QJsonObject created = live.waitFor([&](const QJsonObject &f) {
        return f.value(u"type"_s).toString() == u"ticket.created" &&
               f.value(u"ticketId"_s).toInteger() == id;
    });
    ASSERT_FALSE(created.isEmpty());
    const QJsonObject data = created.value(u"data"_s).toObject();
    const QJsonObject read = userA.get(u"/tickets/%1"_s.arg(id)).object();
    // The frame says what the code user's own read says: no assignment record, no fleet,
    // no customer.
    EXPECT_FALSE(data.contains(u"assignment"_s)) << compact(data).toStdString();
    EXPECT_FALSE(data.value(u"device"_s).toObject().contains(u"fleetId"_s));
    EXPECT_FALSE(data.value(u"device"_s).toObject().contains(u"customerId"_s));
    QStringList frameKeys = data.keys(), readKeys = read.keys();
    EXPECT_EQ(frameKeys, readKeys);

    ASSERT_EQ(admin.editTicket(id, {{u"priority"_s, u"high"_s}}).status, 200);
    const QJsonObject updated = live.waitFor([&](const QJsonObject &f) {
        return f.value(u"type"_s).toString() == u"ticket.updated" &&
               f.value(u"ticketId"_s).toInteger() == id;
    });
    ASSERT_FALSE(updated.isEmpty());
    EXPECT_EQ(updated.value(u"data"_s)[u"changes"_s].toObject(),
              (QJsonObject{{u"priority"_s, u"high"_s}}));
    EXPECT_FALSE(updated.value(u"data"_s).toObject().contains(u"customerName"_s));
}

} // namespace

namespace {

// Waits until the stream is closed by the server; returns its close code (0: still open).
int closedWith(EventClient &stream, int withinMs = 5000)
{
    for (int waited = 0; waited < withinMs && stream.isOpen(); waited += 50)
        stream.collect(50);
    return stream.isOpen() ? 0 : stream.closeCode();
}

TEST_F(LeaksTest, SigningOutClosesThatTokensStreamsAtOnce)
{
    ApiClient second(server.baseUrl());
    ASSERT_FALSE(second.loginStaff(demoLogin(u"admin"_s)).isEmpty());
    EventClient staffStream, otherStaffStream, userStream;
    ASSERT_TRUE(staffStream.open(server.baseUrl(), admin.token()));
    ASSERT_TRUE(otherStaffStream.open(server.baseUrl(), second.token()));
    ASSERT_TRUE(userStream.open(server.baseUrl(), userA.token()));

    ASSERT_EQ(admin.send("POST", u"/auth/logout"_s, {}).status, 204);
    EXPECT_EQ(closedWith(staffStream), 4401);
    ASSERT_EQ(userA.send("POST", u"/auth/logout"_s, {}).status, 204);
    EXPECT_EQ(closedWith(userStream), 4401);
    // The same person's other session goes on.
    EXPECT_TRUE(otherStaffStream.isOpen());
    EXPECT_FALSE(EventClient().open(server.baseUrl(), admin.token()));
}

TEST(SessionExpiryTest, AnExpiredTokensStreamIsClosed)
{
    TestServer::Options options;
    options.extraArgs = {u"--staff-session-seconds"_s, u"2"_s};
    TestServer server(options);
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    ApiClient staff(server.baseUrl());
    ASSERT_FALSE(staff.loginStaff(demoLogin(u"agent"_s)).isEmpty());
    EventClient stream;
    ASSERT_TRUE(stream.open(server.baseUrl(), staff.token()));
    EXPECT_EQ(closedWith(stream, 6000), 4401);
    EXPECT_EQ(staff.get(u"/me"_s).status, 401);
}

} // namespace
