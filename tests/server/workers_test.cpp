// The worker pool (--workers N): requests are answered on N threads, each with its own
// database connection. A slow request on one worker leaves the others, and the event
// stream, answering; concurrent writes through several workers lose nothing and keep
// their guarantees (one winner per version, fair round robin, sign-out at once).
#include "parallelrequests.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTest>
#include <QTimer>
#include <gtest/gtest.h>
#include <memory>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

constexpr int NordDevice = 0; // round robin over its fleet's members

class WorkersTest : public ::testing::Test
{
protected:
    TestServer server{{true, {u"--workers"_s, u"2"_s}}};
    ApiClient staff{server.baseUrl()};

    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_FALSE(staff.loginStaff(demoLogin(u"admin"_s)).isEmpty());
    }
};

// A bulk edit of 1000 tickets keeps one worker busy for a while (a transaction per
// ticket). Once its first ticket.updated event arrived (so it runs), /health, a ticket
// list and a ticket read are answered on the other worker while the bulk's answer is
// still outstanding; its events keep flowing meanwhile.
TEST(WorkersSlowRequestTest, ASlowBulkEditLeavesTheOtherWorkerAndTheEventStreamAnswering)
{
    TestServer server{{true, {u"--workers"_s, u"2"_s, u"--generate"_s, u"1100"_s}}};
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    ApiClient staff(server.baseUrl());
    ASSERT_FALSE(staff.loginStaff(demoLogin(u"admin"_s)).isEmpty());
    QJsonArray targets;
    int changing = 0; // tickets not high yet: each gets a ticket.updated event
    QString cursor;
    while (targets.size() < 1000) {
        const HttpResult page = staff.get(u"/tickets?limit=200"_s +
                                          (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor));
        ASSERT_EQ(page.status, 200) << page.body.left(300).toStdString();
        for (const QJsonValue &t : page.items()) {
            if (targets.size() >= 1000)
                break;
            targets.append(QJsonObject{{u"id"_s, t[u"id"_s]}, {u"version"_s, t[u"version"_s]}});
            changing += t[u"priority"_s].toString() != u"high"_s ? 1 : 0;
        }
        cursor = page.object().value(u"nextCursor"_s).toString();
        ASSERT_FALSE(cursor.isEmpty() && targets.size() < 1000) << "fewer than 1000 tickets";
    }
    EventClient events;
    ASSERT_TRUE(events.open(server.baseUrl(), staff.token()));

    QNetworkAccessManager bulkNam;
    QNetworkReply *bulk = bulkNam.post(
        jsonRequest(server.baseUrl() + u"/tickets/bulk"_s, staff.token()),
        QJsonDocument(QJsonObject{{u"tickets"_s, targets},
                                  {u"changes"_s, QJsonObject{{u"priority"_s, u"high"_s}}}})
            .toJson(QJsonDocument::Compact));
    const auto updated = [](const QJsonObject &f) {
        return f[u"type"_s].toString() == u"ticket.updated"_s;
    };
    ASSERT_FALSE(events.waitFor(updated, 30000).isEmpty()) << "the bulk edit never started";
    ASSERT_FALSE(bulk->isFinished()) << "the bulk edit was too quick to show anything";

    // Each on a connection of its own: the other worker answers them now.
    ApiClient other(server.baseUrl());
    other.setToken(staff.token());
    EXPECT_EQ(other.get(u"/health"_s).status, 200);
    EXPECT_EQ(other.get(u"/tickets?limit=50&status=new,open"_s).status, 200);
    EXPECT_EQ(other.get(u"/tickets/%1"_s.arg(targets.last()[u"id"_s].toInteger())).status, 200);
    EXPECT_FALSE(bulk->isFinished()) << "answered only after the slow request: one thread";
    const qsizetype seenMeanwhile = events.frames().size();

    QEventLoop loop;
    QObject::connect(bulk, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!bulk->isFinished())
        loop.exec();
    EXPECT_EQ(bulk->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonObject answer = QJsonDocument::fromJson(bulk->readAll()).object();
    EXPECT_EQ(answer[u"applied"_s].toInt(), 1000)
        << QJsonDocument(answer).toJson().left(300).data();
    // Every changed ticket's event arrives, in seq order.
    ASSERT_GT(changing, 500);
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            return std::count_if(events.frames().begin(), events.frames().end(), updated) >=
                   changing;
        },
        30000));
    EXPECT_GE(events.frames().size(), seenMeanwhile);
    qint64 lastSeq = 0;
    for (const QJsonObject &f : events.frames()) {
        const qint64 seq = f[u"seq"_s].toInteger();
        if (seq == 0)
            continue; // frames without a seq (hello, presence)
        EXPECT_GT(seq, lastSeq) << "events out of order";
        lastSeq = seq;
    }
}

// 200 creations at once, each on its own connection: all land with distinct ids, and the
// round robin of the device's fleet stays even (at most one apart).
TEST_F(WorkersTest, TwoHundredParallelCreationsAllLandAndRoundRobinStaysEven)
{
    const QJsonObject flow = staff.get(u"/flows"_s).items().first().toObject();
    QList<QNetworkRequest> requests;
    QList<QByteArray> bodies;
    for (int i = 0; i < 200; ++i) {
        requests.append(jsonRequest(server.baseUrl() + u"/tickets"_s, staff.token()));
        bodies.append(QJsonDocument(QJsonObject{{u"flowId"_s, flow[u"id"_s]},
                                                {u"title"_s, u"Parallel %1"_s.arg(i)},
                                                {u"deviceId"_s, demoDeviceId(NordDevice)},
                                                {u"fields"_s, requiredFieldValues(flow)}})
                          .toJson(QJsonDocument::Compact));
    }
    const QList<ParallelAnswer> answers = sendInParallel(requests, "POST", bodies);
    QSet<qint64> ids;
    QHash<qint64, int> perAssignee;
    for (const ParallelAnswer &a : answers) {
        ASSERT_EQ(a.status, 201) << a.body.left(300).toStdString();
        const QJsonObject t = QJsonDocument::fromJson(a.body).object();
        ids.insert(t[u"id"_s].toInteger());
        ++perAssignee[t[u"assigneeId"_s].toInteger()];
    }
    EXPECT_EQ(ids.size(), 200) << "duplicate ids";
    ASSERT_GE(perAssignee.size(), 2);
    EXPECT_FALSE(perAssignee.contains(0)) << "a ticket went unassigned";
    int fewest = 200, most = 0;
    for (const int n : std::as_const(perAssignee)) {
        fewest = std::min(fewest, n);
        most = std::max(most, n);
    }
    EXPECT_LE(most - fewest, 1) << "round robin uneven";
    for (const qint64 id : std::as_const(ids))
        EXPECT_EQ(staff.get(u"/tickets/%1"_s.arg(id)).status, 200);
}

// Three rounds of 20 PATCHes with the same If-Match on one ticket: exactly one wins each
// round, the others get 412, and the version moves by one per round.
TEST_F(WorkersTest, ParallelPatchesWithIfMatchHaveOneWinnerPerVersion)
{
    const QJsonObject t = createTicket(staff, u"Umkämpft"_s, {{u"deviceId"_s, demoDeviceId(0)}});
    ASSERT_FALSE(t.isEmpty());
    const qint64 id = t[u"id"_s].toInteger();
    for (int round = 0; round < 3; ++round) {
        const qint64 version = staff.versionOf(id);
        QList<QNetworkRequest> requests;
        QList<QByteArray> bodies;
        for (int i = 0; i < 20; ++i) {
            QNetworkRequest r =
                jsonRequest(server.baseUrl() + u"/tickets/%1"_s.arg(id), staff.token());
            r.setRawHeader("If-Match", '"' + QByteArray::number(version) + '"');
            requests.append(r);
            bodies.append(
                QJsonDocument(QJsonObject{{u"title"_s, u"Runde %1 von %2"_s.arg(round).arg(i)}})
                    .toJson(QJsonDocument::Compact));
        }
        int won = 0;
        for (const ParallelAnswer &a : sendInParallel(requests, "PATCH", bodies)) {
            EXPECT_TRUE(a.status == 200 || a.status == 412) << a.status;
            won += a.status == 200 ? 1 : 0;
        }
        EXPECT_EQ(won, 1) << "round " << round;
        EXPECT_EQ(staff.versionOf(id), version + 1);
    }
}

// Facet counts are cached per worker (per connection); a creation on one worker empties
// every worker's cache: the counts asked on many connections right after are all fresh.
TEST_F(WorkersTest, FacetsAreFreshOnEveryWorkerAfterAWrite)
{
    QList<QNetworkRequest> reads;
    for (int i = 0; i < 8; ++i)
        reads.append(jsonRequest(server.baseUrl() + u"/tickets/facets"_s, staff.token()));
    const auto totals = [&] {
        QList<qint64> all;
        for (const ParallelAnswer &a : sendInParallel(reads, "GET", QList<QByteArray>(8))) {
            EXPECT_EQ(a.status, 200);
            all.append(QJsonDocument::fromJson(a.body).object()[u"total"_s].toInteger());
        }
        return all;
    };
    const QList<qint64> before = totals(); // cached on both workers now
    ASSERT_EQ(before.size(), 8);
    ASSERT_EQ(before.count(before.first()), 8);
    for (int i = 0; i < 3; ++i) {
        ASSERT_FALSE(createTicket(staff, u"Frisch %1"_s.arg(i), {{u"deviceId"_s, demoDeviceId(0)}})
                         .isEmpty());
        for (const qint64 total : totals())
            EXPECT_EQ(total, before.first() + i + 1) << "a stale facet count";
    }
}

// Creations stream in through both workers while event streams resume with `since`
// mid-stream: each stream gets every ticket.created after its `since` exactly once, in seq
// order (a replay that read an event from the store is not sent it again live).
TEST_F(WorkersTest, StreamsResumedDuringWritesGetEveryEventOnceInOrder)
{
    const QJsonObject flow = staff.get(u"/flows"_s).items().first().toObject();
    QNetworkAccessManager nam;
    QList<qint64> created;
    int sent = 0, done = 0;
    constexpr int Total = 120;
    std::vector<std::unique_ptr<EventClient>> streams;
    QEventLoop loop;
    std::function<void()> sendOne = [&] {
        const int n = sent++;
        QNetworkReply *reply =
            nam.post(jsonRequest(server.baseUrl() + u"/tickets"_s, staff.token()),
                     QJsonDocument(QJsonObject{{u"flowId"_s, flow[u"id"_s]},
                                               {u"title"_s, u"Strom %1"_s.arg(n)},
                                               {u"deviceId"_s, demoDeviceId(NordDevice)},
                                               {u"fields"_s, requiredFieldValues(flow)}})
                         .toJson(QJsonDocument::Compact));
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            reply->deleteLater();
            const QJsonObject t = QJsonDocument::fromJson(reply->readAll()).object();
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201)
                created.append(t[u"id"_s].toInteger());
            if (++done == Total)
                loop.quit();
            else if (sent < Total)
                sendOne();
        });
    };
    // The seq before the stream of writes: every stream resumes from there.
    EventClient probe;
    ASSERT_TRUE(probe.open(server.baseUrl(), staff.token()));
    ASSERT_FALSE(createTicket(staff, u"Vorher"_s, {{u"deviceId"_s, demoDeviceId(0)}}).isEmpty());
    const QJsonObject before = probe.waitFor(
        [](const QJsonObject &f) { return f[u"type"_s].toString() == u"ticket.created"_s; });
    ASSERT_FALSE(before.isEmpty());
    const qint64 since = before[u"seq"_s].toInteger();
    for (int i = 0; i < 6; ++i)
        sendOne();
    // Streams open while the writes go on, each replaying from `since`.
    QTimer opener;
    QObject::connect(&opener, &QTimer::timeout, &loop, [&] {
        if (streams.size() < 4) {
            streams.push_back(std::make_unique<EventClient>());
            EXPECT_TRUE(streams.back()->open(server.baseUrl(), staff.token(), since));
        }
    });
    opener.start(20);
    loop.exec();
    opener.stop();
    ASSERT_EQ(created.size(), Total);
    ASSERT_FALSE(streams.empty());
    for (const auto &stream : streams) {
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                return std::count_if(stream->frames().begin(), stream->frames().end(),
                                     [](const QJsonObject &f) {
                                         return f[u"type"_s].toString() == u"ticket.created"_s;
                                     }) >= Total;
            },
            15000));
        QSet<qint64> tickets;
        qint64 last = since;
        for (const QJsonObject &f : stream->frames()) {
            if (f[u"type"_s].toString() != u"ticket.created"_s)
                continue;
            EXPECT_GT(f[u"seq"_s].toInteger(), last) << "a duplicate or out of order";
            last = f[u"seq"_s].toInteger();
            EXPECT_FALSE(tickets.contains(f[u"ticketId"_s].toInteger())) << "sent twice";
            tickets.insert(f[u"ticketId"_s].toInteger());
        }
        for (const qint64 id : std::as_const(created))
            EXPECT_TRUE(tickets.contains(id)) << "missed ticket " << id;
    }
}

// A sign-out answered by one worker is refused at once by every worker.
TEST_F(WorkersTest, ASignOutHoldsOnEveryWorkerAtOnce)
{
    ApiClient agent(server.baseUrl());
    const QByteArray token = agent.loginStaff(demoLogin(u"agent"_s));
    ASSERT_FALSE(token.isEmpty());
    // Requests on several connections, so that both workers cache the session.
    QList<QNetworkRequest> reads;
    for (int i = 0; i < 8; ++i)
        reads.append(jsonRequest(server.baseUrl() + u"/me"_s, token));
    for (const ParallelAnswer &a : sendInParallel(reads, "GET", QList<QByteArray>(8)))
        ASSERT_EQ(a.status, 200);
    ASSERT_EQ(agent.post(u"/auth/logout"_s, {}).status, 204);
    for (const ParallelAnswer &a : sendInParallel(reads, "GET", QList<QByteArray>(8)))
        EXPECT_EQ(a.status, 401);
}

} // namespace
