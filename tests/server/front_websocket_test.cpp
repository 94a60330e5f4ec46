// The event stream's bounds on the Beast front: incoming frame size, streams per token,
// presence throttling, a bounded send queue (4408) and a replay paged under that bound.
#include "rawsocket.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QTest>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;
using fronttest::RawSocket;

namespace {

QByteArray upgradeRequest(const QByteArray &target, const QByteArray &token)
{
    QByteArray r = "GET " + target +
                   " HTTP/1.1\r\nHost: t\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
    if (!token.isEmpty())
        r += "Authorization: Bearer " + token + "\r\n";
    return r + "\r\n";
}

struct Frame {
    int opcode = 0;
    QByteArray payload;
};

// The server's frames (unmasked) after the 101 head; stops at an incomplete frame.
QList<Frame> framesOf(const QByteArray &stream)
{
    QList<Frame> frames;
    qsizetype at = stream.indexOf("\r\n\r\n");
    if (at < 0)
        return frames;
    at += 4;
    while (at + 2 <= stream.size()) {
        const int opcode = quint8(stream[at]) & 0x0f;
        quint64 length = quint8(stream[at + 1]) & 0x7f;
        qsizetype header = 2;
        if (length == 126) {
            if (at + 4 > stream.size())
                break;
            length = (quint64(quint8(stream[at + 2])) << 8) | quint8(stream[at + 3]);
            header = 4;
        } else if (length == 127) {
            if (at + 10 > stream.size())
                break;
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | quint8(stream[at + 2 + i]);
            header = 10;
        }
        if (at + header + qsizetype(length) > stream.size())
            break;
        frames.append({opcode, stream.mid(at + header, qsizetype(length))});
        at += header + qsizetype(length);
    }
    return frames;
}

int closeCodeOf(const QList<Frame> &frames)
{
    for (const Frame &f : frames) {
        if (f.opcode == 8 && f.payload.size() >= 2)
            return (quint8(f.payload[0]) << 8) | quint8(f.payload[1]);
    }
    return 0;
}

class StreamLimitsTest : public ::testing::Test
{
protected:
    StreamLimitsTest()
        : server(TestServer::Options{true, {u"--ws-queue"_s, u"64K"_s}})
    {}
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_FALSE(admin.loginStaff(demoLogin(u"admin"_s)).isEmpty());
        ASSERT_FALSE(agent.loginStaff(demoLogin(u"agent"_s)).isEmpty());
        ticket = createTicket(admin, u"Viel Verkehr"_s, {{u"deviceId"_s, demoDeviceId(0)}})
                     .value(u"id"_s)
                     .toInteger();
        ASSERT_GT(ticket, 0);
    }
    void postMessages(int count, int length)
    {
        for (int i = 0; i < count; ++i) {
            ASSERT_EQ(admin
                          .post(u"/tickets/%1/messages"_s.arg(ticket),
                                {{u"body"_s, QString(length, QChar(u'a' + i % 26))}})
                          .status,
                      201);
        }
    }

    TestServer server;
    ApiClient admin{server.baseUrl()};
    ApiClient agent{server.baseUrl()};
    qint64 ticket = 0;
};

TEST_F(StreamLimitsTest, AClientThatDoesNotReadIsClosedWith4408)
{
    RawSocket stuck(server.port(), nullptr, 4096);
    stuck.send(upgradeRequest("/api/v1/events", admin.token()));
    stuck.readUntil([](const QByteArray &r) { return r.contains("\r\n\r\n"); }, 5000);
    ASSERT_TRUE(stuck.received().startsWith("HTTP/1.1 101")) << stuck.received().toStdString();
    EventClient reader; // reads everything: stays open
    ASSERT_TRUE(reader.open(server.baseUrl(), agent.token()));

    // 2.4 MB of events against a 64 KiB queue. The reader takes each ten in before the next
    // ten go out: it reads as fast as the server writes, also on a slow (sanitizer) build
    // where it once fell behind while the workers answered the posts.
    auto messagesRead = [&reader] {
        int n = 0;
        for (const QJsonObject &f : reader.frames())
            n += f.value(u"type"_s).toString() == u"message.created"_s ? 1 : 0;
        return n;
    };
    for (int sent = 10; sent <= 150; sent += 10) {
        postMessages(10, 16000);
        ASSERT_TRUE(QTest::qWaitFor([&] { return messagesRead() >= sent; }, 15000)) << sent;
    }
    stuck.readUntil([](const QByteArray &r) { return closeCodeOf(framesOf(r)) != 0; }, 8000);
    EXPECT_EQ(closeCodeOf(framesOf(stuck.received())), 4408)
        << stuck.received().size() << " bytes received, " << framesOf(stuck.received()).size()
        << " frames";
    stuck.send(QByteArray::fromHex("8882000000001138")); // our close frame (masked, 4408)
    EXPECT_TRUE(stuck.closedWithin(3000));
    reader.collect(300);
    EXPECT_TRUE(reader.isOpen());
    int messages = 0;
    for (const QJsonObject &f : reader.frames())
        messages += f.value(u"type"_s).toString() == u"message.created"_s ? 1 : 0;
    EXPECT_EQ(messages, 150);
}

TEST_F(StreamLimitsTest, AReplayIsPagedOutUnderTheQueueBound)
{
    postMessages(40, 16000); // 640 KB stored, ten times the queue
    EventClient replay;
    ASSERT_TRUE(replay.open(server.baseUrl(), admin.token(), 0));
    replay.waitFor(
        [&](const QJsonObject &) {
            int n = 0;
            for (const QJsonObject &f : replay.frames())
                n += f.value(u"type"_s).toString() == u"message.created"_s ? 1 : 0;
            return n == 40;
        },
        10000);
    qint64 previous = 0;
    int messages = 0;
    for (const QJsonObject &f : replay.frames()) {
        EXPECT_GT(f.value(u"seq"_s).toInteger(), previous);
        previous = f.value(u"seq"_s).toInteger();
        messages += f.value(u"type"_s).toString() == u"message.created"_s ? 1 : 0;
    }
    EXPECT_EQ(messages, 40);
    EXPECT_TRUE(replay.isOpen()) << "closed with " << replay.closeCode();
    // Live events follow the replay.
    postMessages(1, 10);
    EXPECT_FALSE(
        replay
            .waitFor([&](const QJsonObject &f) { return f.value(u"seq"_s).toInteger() > previous; })
            .isEmpty());
}

TEST_F(StreamLimitsTest, IncomingFramesOver64KiBCloseWith1009)
{
    EventClient client;
    ASSERT_TRUE(client.open(server.baseUrl(), admin.token()));
    client.sendJson({{u"type"_s, u"presence"_s}, {u"pad"_s, QString(70000, u'x')}});
    client.collect(1000);
    EXPECT_FALSE(client.isOpen());
    EXPECT_EQ(client.closeCode(), 1009);
}

TEST_F(StreamLimitsTest, ANinthStreamPerTokenIsClosedWith4429)
{
    std::vector<std::unique_ptr<EventClient>> streams;
    for (int i = 0; i < 8; ++i) {
        streams.push_back(std::make_unique<EventClient>());
        ASSERT_TRUE(streams.back()->open(server.baseUrl(), admin.token()));
    }
    EventClient ninth;
    ninth.open(server.baseUrl(), admin.token());
    ninth.collect(500);
    EXPECT_FALSE(ninth.isOpen());
    EXPECT_EQ(ninth.closeCode(), 4429);
    for (auto &s : streams)
        EXPECT_TRUE(s->isOpen());
    EventClient otherToken; // the cap is per token, not per person or server
    EXPECT_TRUE(otherToken.open(server.baseUrl(), agent.token()));
}

TEST_F(StreamLimitsTest, PresenceIsThrottledPerConnection)
{
    EventClient sender, colleague;
    ASSERT_TRUE(sender.open(server.baseUrl(), admin.token()));
    ASSERT_TRUE(colleague.open(server.baseUrl(), agent.token()));
    for (int i = 0; i < 30; ++i)
        sender.sendJson(
            {{u"type"_s, u"presence"_s}, {u"ticketId"_s, ticket}, {u"state"_s, u"typing"_s}});
    EXPECT_FALSE(sender
                     .waitFor([](const QJsonObject &f) {
                         return f.value(u"type"_s).toString() == u"error"_s &&
                                f.value(u"data"_s)[u"code"_s].toString() == u"rate_limited"_s;
                     })
                     .isEmpty());
    int relayed = 0;
    for (const QJsonObject &f : colleague.collect(500))
        relayed += f.value(u"type"_s).toString() == u"presence"_s ? 1 : 0;
    EXPECT_GE(relayed, 1);
    EXPECT_LE(relayed, 20); // 10 per second; the frames may straddle two windows
    EXPECT_TRUE(sender.isOpen());
}

TEST_F(StreamLimitsTest, TheTokenMayComeAsAQueryParameter)
{
    RawSocket socket(server.port());
    socket.send(upgradeRequest("/api/v1/events?access_token=" + admin.token(), {}));
    socket.readUntil([](const QByteArray &r) { return r.contains("\r\n\r\n"); }, 5000);
    EXPECT_TRUE(socket.received().startsWith("HTTP/1.1 101")) << socket.received().toStdString();
    RawSocket forged(server.port());
    forged.send(upgradeRequest("/api/v1/events?access_token=forged", {}));
    forged.readUntil([](const QByteArray &r) { return r.contains("\r\n\r\n"); }, 5000);
    EXPECT_TRUE(forged.received().startsWith("HTTP/1.1 401")) << forged.received().toStdString();
}

} // namespace
