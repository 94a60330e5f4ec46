// The HTTP front over raw sockets: limits before buffering, timeouts, connection caps,
// pipelining and back-pressure (src/server/http).
#include "http/parse.h"
#include "rawsocket.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTest>
#include <QThread>
#include <cstdio>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;
using fronttest::RawSocket;
using fronttest::statuses;

namespace {

const QByteArray Health = "GET /api/v1/health HTTP/1.1\r\nHost: t\r\n\r\n";

// Sends `request` on a fresh connection; the first answer's status, 0 when none came.
int statusOf(quint16 port, const QByteArray &request, RawSocket **keep = nullptr)
{
    auto *socket = new RawSocket(port);
    socket->send(request);
    socket->readUntil(fronttest::hasCompleteAnswer, 5000);
    const QList<int> s = statuses(socket->received());
    if (keep)
        *keep = socket;
    else
        delete socket;
    return s.isEmpty() ? 0 : s.first();
}

qint64 residentKb(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

class FrontTest : public ::testing::Test
{
protected:
    explicit FrontTest(const QStringList &args = {})
        : server(TestServer::Options{true, args})
    {}
    void SetUp() override { ASSERT_TRUE(server.isRunning()) << server.output().toStdString(); }
    quint16 port() const { return server.port(); }
    QByteArray staffToken()
    {
        ApiClient api(server.baseUrl());
        return api.loginStaff(demoLogin(u"admin"_s));
    }

    TestServer server;
};

TEST_F(FrontTest, HeadLimitsAreAnsweredBeforeAnyRoute)
{
    EXPECT_EQ(statusOf(port(), Health), 200);
    // 16 KiB of head at most: 431; a request line over 8 KiB: 414.
    EXPECT_EQ(statusOf(port(), "GET /api/v1/health HTTP/1.1\r\nX-Big: " + QByteArray(17000, 'a') +
                                   "\r\n\r\n"),
              431);
    EXPECT_EQ(statusOf(port(), "GET /api/v1/health?" + QByteArray(9000, 'a') + " HTTP/1.1\r\n\r\n"),
              414);
    EXPECT_EQ(
        statusOf(port(), "GET /api/v1/health?" + QByteArray(20000, 'a') + " HTTP/1.1\r\n\r\n"),
        414);
    // 100 fields pass, 101 do not (never dropped silently).
    QByteArray fields;
    for (int i = 0; i < 99; ++i)
        fields += "X-F" + QByteArray::number(i) + ": 1\r\n";
    EXPECT_EQ(statusOf(port(), "GET /api/v1/health HTTP/1.1\r\nHost: t\r\n" + fields + "\r\n"),
              200);
    EXPECT_EQ(
        statusOf(port(), "GET /api/v1/health HTTP/1.1\r\nHost: t\r\nX-F: 2\r\n" + fields + "\r\n"),
        431);
}

TEST_F(FrontTest, BadContentLengthsAreRefusedAndTheConnectionClosed)
{
    const QByteArray post = "POST /api/v1/auth/login HTTP/1.1\r\nHost: t\r\n"
                            "Content-Type: application/json\r\n";
    for (const QByteArray &lengths :
         {QByteArray("Content-Length: -1\r\n"),
          QByteArray("Content-Length: 99999999999999999999999\r\n"),
          QByteArray("Content-Length: 2\r\nContent-Length: 3\r\n"),
          QByteArray("Transfer-Encoding: chunked\r\nContent-Length: 2\r\n"),
          QByteArray("Content-Length: 2\r\nTransfer-Encoding: chunked\r\n"),
          QByteArray("Transfer-Encoding: gzip\r\n"),
          QByteArray("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n")}) {
        RawSocket socket(port());
        socket.send(post + lengths + "\r\n{}" + Health);
        socket.readFor(3000);
        EXPECT_EQ(statuses(socket.received()), QList<int>{400}) << lengths.toStdString();
        EXPECT_TRUE(socket.peerClosed()) << lengths.toStdString();
    }
}

TEST_F(FrontTest, OversizedJsonIsRefusedFromTheDeclaredLength)
{
    // Only the head is sent: the 413 must not wait for the body.
    RawSocket socket(port());
    socket.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                "Content-Length: 1048577\r\n\r\n");
    socket.readUntil(fronttest::hasCompleteAnswer, 3000);
    ASSERT_EQ(statuses(socket.received()), QList<int>{413});
    const QJsonObject error =
        parseObject(socket.received().mid(socket.received().indexOf("\r\n\r\n") + 4))
            .value(u"error"_s)
            .toObject();
    EXPECT_EQ(error.value(u"code"_s).toString(), u"too_large"_s);
    EXPECT_EQ(error.value(u"maxBytes"_s).toInteger(), 1048576);

    // Chunked: refused as soon as the chunks pass the limit.
    RawSocket chunked(port());
    chunked.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                 "Transfer-Encoding: chunked\r\n\r\n");
    for (int i = 0; i < 17; ++i)
        chunked.send("10000\r\n" + QByteArray(65536, ' ') + "\r\n");
    chunked.readUntil(fronttest::hasCompleteAnswer, 3000);
    EXPECT_EQ(statuses(chunked.received()), QList<int>{413});
}

TEST_F(FrontTest, WebSocketUpgradeWithoutConnectionHeaderIsRefused)
{
    EXPECT_EQ(statusOf(port(), "GET /api/v1/events HTTP/1.1\r\nHost: t\r\nUpgrade: websocket\r\n"
                               "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                               "Sec-WebSocket-Version: 13\r\n\r\n"),
              400);
    EXPECT_EQ(statusOf(port(),
                       "GET /api/v1/events HTTP/1.1\r\nHost: t\r\nUpgrade: websocket\r\n"
                       "Connection: upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                       "Sec-WebSocket-Version: 13\r\n\r\n"),
              401);
}

TEST_F(FrontTest, PipelinedRequestsAreAnsweredInOrder)
{
    // The login answers later (its hash runs on a worker thread); /health must wait for it.
    const QByteArray body =
        QJsonDocument(QJsonObject{{u"login"_s, demoLogin(u"admin"_s)}, {u"password"_s, u"demo"_s}})
            .toJson(QJsonDocument::Compact);
    RawSocket socket(port());
    socket.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                "Content-Length: " +
                QByteArray::number(body.size()) + "\r\n\r\n" + body + Health +
                "GET /api/v1/nothing HTTP/1.1\r\nHost: t\r\n\r\n");
    socket.readUntil([](const QByteArray &r) { return statuses(r).size() >= 3; }, 10000);
    EXPECT_EQ(statuses(socket.received()), (QList<int>{200, 200, 404}));
    EXPECT_TRUE(socket.received().indexOf("\"token\"") < socket.received().indexOf("\"status\""));
}

TEST_F(FrontTest, StreamedUploadsKeepTheirBytesAndLeaveNoTemporaryFiles)
{
    const QByteArray token = staffToken();
    ApiClient api(server.baseUrl());
    api.setToken(token);
    const qint64 ticket = createTicket(api, u"Upload"_s, {{u"deviceId"_s, demoDeviceId(0)}})
                              .value(u"id"_s)
                              .toInteger();
    ASSERT_GT(ticket, 0);
    QByteArray bytes(3 * 1024 * 1024 + 17, Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i)
        bytes[i] = char((i * 7919) >> 3);
    const HttpResult up = api.send("POST", u"/tickets/%1/attachments"_s.arg(ticket), bytes,
                                   {{"Content-Type", "application/zip"},
                                    {"Content-Disposition", "attachment; filename=a.zip"}});
    ASSERT_EQ(up.status, 201) << up.body.toStdString();
    EXPECT_EQ(up.object().value(u"sha256"_s).toString().toLatin1(),
              QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const HttpResult down = api.get(u"/attachments/"_s + up.object().value(u"id"_s).toString());
    ASSERT_EQ(down.status, 200);
    EXPECT_TRUE(down.body == bytes);
    const QDir attachments(server.dataDir() + u"/attachments"_s);
    EXPECT_TRUE(attachments.entryList({u".upload-*"_s}, QDir::Files | QDir::Hidden).isEmpty());
}

class SmallUploadTest : public FrontTest
{
protected:
    SmallUploadTest()
        : FrontTest({u"--max-upload"_s, u"64K"_s})
    {}
};

TEST_F(SmallUploadTest, UploadsOverTheLimitAreRefusedAsSoonAsTheyPassIt)
{
    const QByteArray token = staffToken();
    const QByteArray head = "POST /api/v1/tickets/1/attachments HTTP/1.1\r\nHost: t\r\n"
                            "Authorization: Bearer " +
                            token +
                            "\r\nContent-Type: text/plain\r\n"
                            "Content-Disposition: attachment; filename=a.txt\r\n";
    RawSocket declared(port());
    declared.send(head + "Content-Length: 70000\r\n\r\n");
    declared.readUntil(fronttest::hasCompleteAnswer, 3000);
    EXPECT_EQ(statuses(declared.received()), QList<int>{413});
    EXPECT_TRUE(declared.received().contains("\"maxBytes\":65536"));

    // Nobody unknown gets a byte written to disk: 401 from the head alone.
    RawSocket anonymous(port());
    anonymous.send("POST /api/v1/tickets/1/attachments HTTP/1.1\r\nHost: t\r\n"
                   "Content-Type: text/plain\r\nContent-Length: 60000\r\n\r\n");
    anonymous.readUntil(fronttest::hasCompleteAnswer, 3000);
    EXPECT_EQ(statuses(anonymous.received()), QList<int>{401});

    RawSocket chunked(port());
    chunked.send(head + "Transfer-Encoding: chunked\r\n\r\n");
    for (int i = 0; i < 5; ++i)
        chunked.send("4000\r\n" + QByteArray(0x4000, 'x') + "\r\n");
    chunked.readUntil(fronttest::hasCompleteAnswer, 3000);
    EXPECT_EQ(statuses(chunked.received()), QList<int>{413});
    // The refused upload's part file goes when the refusal is done: wait for that, not a time.
    const QDir attachments(server.dataDir() + u"/attachments"_s);
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            return attachments.entryList({u".upload-*"_s}, QDir::Files | QDir::Hidden).isEmpty();
        },
        5000))
        << attachments.entryList({u".upload-*"_s}, QDir::Files | QDir::Hidden)
               .join(u' ')
               .toStdString();
}

TEST_F(FrontTest, AnUploadTheRouteWouldRefuseIsRefusedFromItsHead)
{
    // A code user of device B, a ticket of device A: 404 before a byte of the body.
    ApiClient owner(server.baseUrl()), stranger(server.baseUrl());
    ASSERT_FALSE(owner.loginDevice(demoDeviceCode(0), u"A"_s).isEmpty());
    ASSERT_FALSE(stranger.loginDevice(demoDeviceCode(1), u"B"_s).isEmpty());
    const qint64 id = createTicket(owner, u"Nur für A"_s).value(u"id"_s).toInteger();
    ASSERT_GT(id, 0);
    const QByteArray head = "POST /api/v1/tickets/" + QByteArray::number(id) +
                            "/attachments%1 HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer %2"
                            "\r\nContent-Type: %3\r\n"
                            "Content-Disposition: attachment; filename=a.txt\r\n"
                            "Content-Length: 20000000\r\n\r\n";
    struct Case {
        QByteArray query, token, type;
        int status;
    } cases[] = {
        {"", stranger.token(), "text/plain", 404},            // not theirs to see
        {"?internal=true", owner.token(), "text/plain", 403}, // code users upload no internal files
        {"", owner.token(), "not a type", 415},
        {"?color=red", owner.token(), "text/plain", 400},
    };
    for (const Case &c : cases) {
        RawSocket socket(port());
        QByteArray request = head;
        request.replace("%1", c.query).replace("%2", c.token).replace("%3", c.type);
        socket.send(request);
        socket.readUntil(fronttest::hasCompleteAnswer, 3000);
        EXPECT_EQ(statuses(socket.received()), QList<int>{c.status}) << c.query.constData();
    }
    const QDir attachments(server.dataDir() + u"/attachments"_s);
    EXPECT_TRUE(attachments.entryList({u".upload-*"_s}, QDir::Files | QDir::Hidden).isEmpty());
}

class ShortTimeoutTest : public FrontTest
{
protected:
    ShortTimeoutTest()
        : FrontTest({u"--header-timeout-ms"_s, u"500"_s, u"--idle-timeout-ms"_s, u"800"_s,
                     u"--min-body-rate"_s, u"100000"_s})
    {}
};

TEST_F(ShortTimeoutTest, SlowHeadersSlowBodiesAndIdleConnectionsAreClosed)
{
    RawSocket silent(port());
    RawSocket halfHead(port());
    halfHead.send("GET /api/v1/health HTTP/1.1\r\nHost:");
    RawSocket idle(port());
    idle.send(Health);
    RawSocket slowBody(port());
    slowBody.send(
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
        "Content-Length: 100000\r\n\r\n{");
    RawSocket trickle(port()); // a byte of head every 100 ms: the head's time runs out
    QElapsedTimer timer;
    timer.start();
    const QByteArray head =
        "GET /api/v1/health HTTP/1.1\r\nHost: t\r\nX-Slow: aaaaaaaaaaaaaaaaaaaa";
    for (qsizetype i = 0; i < head.size() && !trickle.peerClosed(); ++i) {
        trickle.send(head.mid(i, 1));
        trickle.readFor(100);
    }
    EXPECT_TRUE(trickle.peerClosed()) << "a head trickling in byte by byte stayed open";
    EXPECT_LT(timer.elapsed(), 1500);
    EXPECT_TRUE(statuses(trickle.received()).isEmpty());
    for (int i = 0; i < 15 && !slowBody.peerClosed(); ++i) {
        slowBody.send(" ");
        slowBody.readFor(100);
    }
    EXPECT_TRUE(slowBody.peerClosed()) << "a body under the minimum rate was not cut";
    EXPECT_TRUE(silent.closedWithin(2000));
    EXPECT_TRUE(halfHead.closedWithin(2000));
    EXPECT_EQ(statuses(idle.readFor(3000)), QList<int>{200});
    EXPECT_TRUE(idle.peerClosed()) << "an idle keep-alive connection stayed open";
    EXPECT_LT(timer.elapsed(), 5500);
    // A connection in use stays open meanwhile.
    RawSocket busy(port());
    for (int i = 0; i < 4; ++i) {
        busy.send(Health);
        busy.readFor(300);
    }
    EXPECT_EQ(statuses(busy.received()).size(), 4);
}

TEST_F(FrontTest, SlowlorisFromOneAddressLeavesOthersServed)
{
    // 2,000 connections from 127.0.0.1 that send half a header; the per-address cap (256)
    // closes the rest at once.
    std::vector<std::unique_ptr<RawSocket>> loris;
    for (int i = 0; i < 2000; ++i) {
        loris.push_back(std::make_unique<RawSocket>(port(), "127.0.0.1"));
        loris.back()->send("GET /api/v1/health HTTP/1.1\r\nHost: t\r\nX-A:");
    }
    QList<qint64> times;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        RawSocket other(port(), "127.0.0.2");
        ASSERT_TRUE(other.isValid());
        other.send(Health);
        other.readUntil(fronttest::hasCompleteAnswer, 5000);
        times.append(timer.elapsed());
        ASSERT_EQ(statuses(other.received()), QList<int>{200});
    }
    std::sort(times.begin(), times.end());
    std::printf("/health from 127.0.0.2 beside 2,000 slow connections: %lld..%lld ms\n",
                times.first(), times.last());
    EXPECT_LT(times[2], 100) << "median of /health from another address, ms";
    // Over the cap, 127.0.0.1 gets nothing but a closed connection.
    RawSocket more(port(), "127.0.0.1");
    more.send(Health);
    more.readFor(2000);
    EXPECT_TRUE(statuses(more.received()).isEmpty());
    EXPECT_TRUE(more.peerClosed());
}

class SmallCapTest : public FrontTest
{
protected:
    SmallCapTest()
        : FrontTest(
              {u"--max-connections"_s, u"20"_s, u"--max-connections-per-address"_s, u"1000"_s})
    {}
};

TEST_F(SmallCapTest, ConnectionsOverTheGlobalCapAreClosedAtOnce)
{
    std::vector<std::unique_ptr<RawSocket>> held;
    for (int i = 0; i < 20; ++i) {
        held.push_back(std::make_unique<RawSocket>(port(), "127.0.0.1"));
        held.back()->send(Health);
        held.back()->readUntil(fronttest::hasCompleteAnswer, 3000);
        ASSERT_EQ(statuses(held.back()->received()), QList<int>{200}) << i;
    }
    RawSocket over(port(), "127.0.0.2");
    over.send(Health);
    EXPECT_TRUE(over.closedWithin(2000));
    EXPECT_TRUE(statuses(over.received()).isEmpty());
    held.pop_back(); // one leaves: there is room again, once the server has seen it go
    EXPECT_TRUE(QTest::qWaitFor([&] { return statusOf(port(), Health) == 200; }, 5000));
}

TEST_F(FrontTest, DownloadsAreReadOnlyAsFastAsTheClientTakesThem)
{
    const QByteArray token = staffToken();
    ApiClient api(server.baseUrl());
    api.setToken(token);
    const qint64 ticket =
        createTicket(api, u"Groß"_s, {{u"deviceId"_s, demoDeviceId(0)}}).value(u"id"_s).toInteger();
    const HttpResult up = api.send("POST", u"/tickets/%1/attachments"_s.arg(ticket),
                                   QByteArray(20 * 1024 * 1024, 'z'),
                                   {{"Content-Type", "application/zip"},
                                    {"Content-Disposition", "attachment; filename=z.zip"}});
    ASSERT_EQ(up.status, 201) << up.body.toStdString();
    const QByteArray get = "GET /api/v1/attachments/" +
                           up.object().value(u"id"_s).toString().toLatin1() +
                           " HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + token + "\r\n\r\n";
    QThread::msleep(300);
    const qint64 before = residentKb(server.pid());
    ASSERT_GT(before, 0);
    RawSocket reader(port(), nullptr, 4096);
    QByteArray thirty;
    for (int i = 0; i < 30; ++i)
        thirty += get;
    reader.send(thirty);
    QThread::msleep(1500); // the server writes what the socket takes, then waits
    const qint64 after = residentKb(server.pid());
    std::printf("30 pipelined 20 MB downloads, unread: VmRSS %lld kB -> %lld kB\n", before, after);
    EXPECT_LT(after - before, 8 * 1024)
        << "RSS grew from " << before << " kB to " << after << " kB";
    // The client then takes the first download whole.
    reader.readUntil([](const QByteArray &r) { return r.size() > 20 * 1024 * 1024 + 200; }, 20000);
    EXPECT_EQ(statuses(reader.received()).value(0), 200);
}

TEST(ParseRequest, GivesTheRequestOrTheFrontsRefusal)
{
    using server::http::parseRequest;
    const server::http::Limits limits;
    auto parsed = parseRequest("POST /api/v1/x%2Fy/z?a=1&b=%C3%A4 HTTP/1.1\r\nHost: t\r\n"
                               "X-Case: V\r\nContent-Length: 2\r\n\r\n{}",
                               limits);
    ASSERT_TRUE(std::holds_alternative<server::http::Request>(parsed));
    const auto &r = std::get<server::http::Request>(parsed);
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.segments, (QStringList{u"api"_s, u"v1"_s, u"x/y"_s, u"z"_s}));
    EXPECT_EQ(r.query.queryItemValue(u"b"_s, QUrl::FullyDecoded), u"ä"_s);
    EXPECT_EQ(r.header("x-case"), "V");
    EXPECT_EQ(r.body, "{}");
    const auto status = [&](const QByteArray &raw) {
        const auto p = parseRequest(raw, limits);
        return std::holds_alternative<server::http::Response>(p)
                   ? std::get<server::http::Response>(p).status
                   : 0;
    };
    EXPECT_EQ(status("GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n"), 400);
    EXPECT_EQ(status("GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"), 400);
    EXPECT_EQ(status("POST / HTTP/1.1\r\nContent-Length: 2000000\r\n\r\n"), 413);
    EXPECT_EQ(status("GET /" + QByteArray(9000, 'a') + " HTTP/1.1\r\n\r\n"), 414);
    EXPECT_EQ(status("GET / HTTP/1.1\r\nX: " + QByteArray(17000, 'a') + "\r\n\r\n"), 431);
    EXPECT_EQ(status("GET / HTTP/1.1\r\nHost: t\r\n"), 400); // incomplete
    EXPECT_EQ(status("\x01\x02 garbage\r\n\r\n"), 400);
    EXPECT_EQ(status("GET / HTTP/1.1\r\nHost: t\r\n\r\n"), 0);
}

} // namespace
