// client::EventStream against a real ticket-server: live events, presence between two
// staff members, and repair of a dropped stream (server killed and restarted) by `since`.
#include "client/eventstream.h"
#include "clienttestutil.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Qt::StringLiterals;
using client::EventStream;
using clienttest::wait;

namespace {

// Records what a stream reports, as plain values the assertions can compare.
struct Recorder {
    explicit Recorder(EventStream &stream)
    {
        QObject::connect(&stream, &EventStream::eventReceived, &context,
                         [this](const core::Event &e) { events.append(e); });
        QObject::connect(&stream, &EventStream::stateChanged, &context,
                         [this](EventStream::State s) { states.append(name(s)); });
        QObject::connect(&stream, &EventStream::presenceReceived, &context,
                         [this](qint64 ticketId, const core::UserRef &user, const QString &state) {
                             presence.append(u"%1 %2 %3"_s.arg(ticketId).arg(user.id).arg(state));
                         });
        QObject::connect(&stream, &EventStream::reconnected, &context, [this] { ++reconnects; });
        QObject::connect(&stream, &EventStream::resyncRequired, &context, [this] { ++resyncs; });
    }

    static QString name(EventStream::State s)
    {
        switch (s) {
        case EventStream::State::Disconnected:
            return u"Disconnected"_s;
        case EventStream::State::Connecting:
            return u"Connecting"_s;
        case EventStream::State::Connected:
            return u"Connected"_s;
        case EventStream::State::Reconnecting:
            return u"Reconnecting"_s;
        }
        return {};
    }

    bool has(const QString &type, qint64 ticketId) const
    {
        for (const core::Event &e : events) {
            if (e.type == type && e.ticketId == ticketId)
                return true;
        }
        return false;
    }

    QObject context;
    QList<core::Event> events;
    QStringList states;
    QStringList presence;
    int reconnects = 0;
    int resyncs = 0;
};

class EventStreamTest : public clienttest::ServerTest
{
protected:
    void connectStream(EventStream &stream, const QByteArray &token, qint64 since = -1)
    {
        stream.setBackoff(50, 400);
        stream.setEndpoint(QUrl(server.baseUrl()), token);
        stream.start(since);
        ASSERT_TRUE(
            QTest::qWaitFor([&] { return stream.state() == EventStream::State::Connected; }, 5000));
    }
};

TEST_F(EventStreamTest, DeliversTicketCreated)
{
    EventStream stream;
    Recorder seen(stream);
    connectStream(stream, api.token());
    EXPECT_EQ(seen.states, QStringList({u"Connecting"_s, u"Connected"_s}));

    const qint64 id = newTicket(u"Ereignis bitte"_s);
    ASSERT_GT(id, 0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return seen.has(u"ticket.created"_s, id); }, 5000));
    const core::Event &created = seen.events.last();
    EXPECT_GT(created.seq, 0);
    EXPECT_GE(stream.lastSeq(), created.seq);
    EXPECT_EQ(created.data.value(u"id"_s).toInteger(), id);
    EXPECT_EQ(seen.reconnects, 0);

    stream.stop();
    EXPECT_EQ(stream.state(), EventStream::State::Disconnected);
    EXPECT_EQ(seen.states.last(), u"Disconnected"_s);
}

// Started without a seq, the stream learns the server's latest one at once (what marking a
// ticket seen names), with nothing replayed and no reload asked for.
TEST_F(EventStreamTest, FirstConnectionLearnsTheLatestSeqWithoutAResync)
{
    const qint64 before = newTicket(u"Vorher"_s);
    ASSERT_GT(before, 0);
    EventStream stream;
    Recorder seen(stream);
    // Known when "connected" goes out: its receivers (pending /seen marks) can name it.
    qint64 atConnected = -2;
    QObject::connect(&stream, &EventStream::stateChanged, &seen.context,
                     [&](EventStream::State state) {
                         if (state == EventStream::State::Connected)
                             atConnected = stream.lastSeq();
                     });
    connectStream(stream, api.token());
    ASSERT_TRUE(QTest::qWaitFor([&] { return stream.lastSeq() > 0; }, 5000));
    EXPECT_EQ(atConnected, stream.lastSeq());
    const qint64 latest = stream.lastSeq();
    EXPECT_EQ(seen.resyncs, 0);
    EXPECT_TRUE(seen.events.isEmpty());

    const qint64 id = newTicket(u"Nachher"_s);
    ASSERT_TRUE(QTest::qWaitFor([&] { return seen.has(u"ticket.created"_s, id); }, 5000));
    EXPECT_GT(seen.events.last().seq, latest);
    EXPECT_FALSE(seen.has(u"ticket.created"_s, before));
    EXPECT_EQ(seen.resyncs, 0);
    stream.stop();
}

TEST_F(EventStreamTest, RelaysPresenceBetweenStaff)
{
    const qint64 id = newTicket(u"Wer schaut?"_s);
    ASSERT_GT(id, 0);
    testsupport::ApiClient admin(server.baseUrl());
    ASSERT_FALSE(admin.loginStaff(testsupport::demoLogin(u"admin"_s)).isEmpty());
    const qint64 adminId = admin.get(u"/me"_s).object().value(u"id"_s).toInteger();
    ASSERT_GT(adminId, 0);

    EventStream mine, theirs;
    Recorder mineSeen(mine), theirsSeen(theirs);
    connectStream(mine, api.token());
    connectStream(theirs, admin.token());
    const qint64 seqBefore = mine.lastSeq();

    theirs.sendPresence(id, u"typing"_s);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !mineSeen.presence.isEmpty(); }, 5000));
    EXPECT_EQ(mineSeen.presence, QStringList({u"%1 %2 typing"_s.arg(id).arg(adminId)}));
    EXPECT_GE(mine.lastSeq(), seqBefore) << "presence moved lastSeq backwards";
    EXPECT_TRUE(mineSeen.events.isEmpty()) << "presence is no ordinary event";

    mine.sendPresence(id, u"viewing"_s);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !theirsSeen.presence.isEmpty(); }, 5000));
    EXPECT_EQ(theirsSeen.presence, QStringList({u"%1 %2 viewing"_s.arg(id).arg(api.myId())}));
    // Nobody hears their own presence back: the next thing I hear is their next presence.
    theirs.sendPresence(id, u"left"_s);
    ASSERT_TRUE(QTest::qWaitFor([&] { return mineSeen.presence.size() >= 2; }, 5000));
    EXPECT_EQ(mineSeen.presence, QStringList({u"%1 %2 typing"_s.arg(id).arg(adminId),
                                              u"%1 %2 left"_s.arg(id).arg(adminId)}));
}

TEST(EventStreamOffline, PresenceWhileDisconnectedIsDropped)
{
    EventStream stream;
    stream.sendPresence(1, u"viewing"_s); // must neither crash nor queue
    EXPECT_EQ(stream.state(), EventStream::State::Disconnected);
}

TEST_F(EventStreamTest, ReconnectsAfterServerCrashAndMissesNothing)
{
    EventStream stream;
    Recorder seen(stream);
    connectStream(stream, api.token());
    const qint64 first = newTicket(u"Vor dem Absturz"_s);
    ASSERT_GT(first, 0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return seen.has(u"ticket.created"_s, first); }, 5000));

    server.killHard();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return stream.state() == EventStream::State::Reconnecting; }, 5000));
    // Until the write below is done the stream's attempts go to a closed port: it cannot
    // come back before the write, however long the restart takes.
    stream.setEndpoint(QUrl(u"http://127.0.0.1:1/api/v1"_s), api.token());
    ASSERT_TRUE(server.restart()) << server.output().toStdString();

    // Written while the stream is still finding its way back: `since` must bring it.
    testsupport::ApiClient after(server.baseUrl());
    after.setToken(helper.token());
    const qint64 second =
        testsupport::createTicket(after, u"Nach dem Neustart"_s, {{u"deviceId"_s, 1}})
            .value(u"id"_s)
            .toInteger();
    ASSERT_GT(second, 0);
    ASSERT_EQ(stream.state(), EventStream::State::Reconnecting)
        << "the stream came back too early to show that `since` brings what it missed";
    stream.setEndpoint(QUrl(server.baseUrl()), api.token()); // the next attempt gets through
    ASSERT_TRUE(QTest::qWaitFor([&] { return seen.has(u"ticket.created"_s, second); }, 8000));

    EXPECT_EQ(seen.resyncs, 0);
    EXPECT_EQ(seen.reconnects, 1);
    EXPECT_EQ(seen.states,
              QStringList({u"Connecting"_s, u"Connected"_s, u"Reconnecting"_s, u"Connected"_s}));
    // Every seq from the first event on arrived, once and in order.
    ASSERT_FALSE(seen.events.isEmpty());
    for (qsizetype i = 1; i < seen.events.size(); ++i)
        EXPECT_EQ(seen.events.at(i).seq, seen.events.at(i - 1).seq + 1) << "at index " << i;
    EXPECT_EQ(stream.lastSeq(), seen.events.last().seq);
}

TEST_F(EventStreamTest, TooOldSinceAsksForResync)
{
    EventStream stream;
    Recorder seen(stream);
    connectStream(stream, api.token(), 1000000);
    ASSERT_TRUE(QTest::qWaitFor([&] { return seen.resyncs == 1; }, 5000));
    EXPECT_LT(stream.lastSeq(), 1000000);
    EXPECT_GE(stream.lastSeq(), 0);
    EXPECT_TRUE(seen.events.isEmpty());

    // From the resync's seq on, new events flow normally.
    const qint64 id = newTicket(u"Nach dem Resync"_s);
    ASSERT_TRUE(QTest::qWaitFor([&] { return seen.has(u"ticket.created"_s, id); }, 5000));
}

TEST_F(EventStreamTest, RefusedTokenNeverCountsAsConnected)
{
    EventStream stream;
    Recorder seen(stream);
    stream.setBackoff(50, 400);
    stream.setEndpoint(QUrl(server.baseUrl()), "not-a-valid-token");
    stream.start();
    // The refusal is in when the stream waits to try again; its socket is gone by then.
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return stream.state() == EventStream::State::Reconnecting; }, 5000));
    EXPECT_FALSE(seen.states.contains(u"Connected"_s)) << seen.states.join(u' ').toStdString();
    EXPECT_EQ(seen.reconnects, 0);
    EXPECT_EQ(stream.state(), EventStream::State::Reconnecting);
    stream.stop();
}

// A server that refuses every token the way ticket-server does (close 4401 right after
// the handshake), counting the attempts.
TEST(EventStreamRefusal, RefusedTokenWaitsTheLongestBackoff)
{
    QWebSocketServer refuser(u"refuser"_s, QWebSocketServer::NonSecureMode);
    ASSERT_TRUE(refuser.listen(QHostAddress::LocalHost, 0));
    int attempts = 0;
    QElapsedTimer clock;
    QList<qint64> attemptAt; // ms since the first attempt
    QObject::connect(&refuser, &QWebSocketServer::newConnection, &refuser, [&] {
        while (QWebSocket *ws = refuser.nextPendingConnection()) {
            if (attempts++ == 0)
                clock.start();
            attemptAt.append(clock.elapsed());
            ws->setParent(&refuser); // ours to delete: gone with the server at the latest
            ws->close(QWebSocketProtocol::CloseCode(4401), u"unauthorized"_s);
            QObject::connect(ws, &QWebSocket::disconnected, ws, &QObject::deleteLater);
        }
    });

    EventStream stream;
    Recorder seen(stream);
    stream.setBackoff(50, 1000);
    stream.setEndpoint(QUrl(u"http://127.0.0.1:%1/api/v1"_s.arg(refuser.serverPort())), "bad");
    stream.start();
    // Doubling from 50 ms would try again after 50 ms; a refusal waits the longest, 1 s
    // (plus up to a fifth of jitter; coarse timers may fire up to 5 % early).
    ASSERT_TRUE(QTest::qWaitFor([&] { return attempts >= 2; }, 5000));
    EXPECT_GE(attemptAt[1] - attemptAt[0], 950);
    EXPECT_FALSE(seen.states.contains(u"Connected"_s));
    stream.stop();
}

// 4408 (the server's queue for a slow client ran full): resume at once from the last seq,
// however long the backoff.
TEST(EventStreamRefusal, TooSlowResumesAtOnceFromTheLastSeq)
{
    QWebSocketServer server(u"shedder"_s, QWebSocketServer::NonSecureMode);
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0));
    QList<QUrl> urls;
    QObject::connect(&server, &QWebSocketServer::newConnection, &server, [&] {
        while (QWebSocket *ws = server.nextPendingConnection()) {
            urls.append(ws->requestUrl());
            QObject::connect(ws, &QWebSocket::disconnected, ws, &QObject::deleteLater);
            if (urls.size() == 1) {
                ws->sendTextMessage(
                    u"{\"seq\":7,\"type\":\"ticket.updated\",\"ticketId\":1,\"data\":{}}"_s);
                QTimer::singleShot(100, ws, [ws] {
                    ws->close(QWebSocketProtocol::CloseCode(4408), u"too slow"_s);
                });
            }
        }
    });
    EventStream stream;
    stream.setBackoff(5000, 10000);
    stream.setEndpoint(QUrl(u"http://127.0.0.1:%1/api/v1"_s.arg(server.serverPort())), "t");
    stream.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return urls.size() >= 2; }, 2000));
    EXPECT_EQ(QUrlQuery(urls[1]).queryItemValue(u"since"_s), u"7"_s);
    stream.stop();
}

TEST_F(EventStreamTest, StopDuringReconnectStaysStopped)
{
    EventStream stream;
    Recorder seen(stream);
    connectStream(stream, api.token());
    server.killHard();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return stream.state() == EventStream::State::Reconnecting; }, 5000));
    stream.stop();
    // A witness fails once now against a closed port and then, with a longer backoff than
    // the stopped stream's (at most 400 ms and a fifth), reaches the restarted server: by
    // the time it is connected, a retry that stop() had left would have come.
    EventStream witness;
    witness.setBackoff(600, 600);
    witness.setEndpoint(QUrl(u"http://127.0.0.1:1/api/v1"_s), api.token());
    witness.start();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return witness.state() == EventStream::State::Reconnecting; }, 5000));
    ASSERT_TRUE(server.restart());
    witness.setEndpoint(QUrl(server.baseUrl()), api.token());
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return witness.state() == EventStream::State::Connected; }, 10000));
    EXPECT_EQ(stream.state(), EventStream::State::Disconnected);
    EXPECT_EQ(seen.states.last(), u"Disconnected"_s);
}

} // namespace
