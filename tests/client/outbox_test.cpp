// client::Outbox against a real ticket-server: persisted before sending, sent exactly once
// (Idempotency-Key), kept while the server is away, dropped from retries when refused.
#include "client/outbox.h"
#include "clienttestutil.h"
#include "scriptednetwork.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using client::ApiError;
using client::Outbox;
using client::OutboxItem;

namespace {

// What an outbox reports, as plain values.
struct Recorder {
    explicit Recorder(Outbox &outbox)
    {
        QObject::connect(&outbox, &Outbox::sent, &context,
                         [this](const OutboxItem &item, const core::Post &post) {
                             sentKeys.append(item.key);
                             posts.append(post);
                         });
        QObject::connect(&outbox, &Outbox::failed, &context,
                         [this](const OutboxItem &item, const ApiError &error) {
                             failedKeys.append(item.key);
                             errors.append(error);
                         });
    }
    QObject context;
    QStringList sentKeys;
    QList<core::Post> posts;
    QStringList failedKeys;
    QList<ApiError> errors;
};

class OutboxTest : public clienttest::ServerTest
{
protected:
    void SetUp() override
    {
        clienttest::ServerTest::SetUp();
        ticketId = newTicket(u"Nachrichten bitte"_s);
        ASSERT_GT(ticketId, 0);
        file = dir.filePath(u"outbox.json"_s);
    }

    QJsonArray posted(const QString &kind = u"messages"_s)
    {
        testsupport::ApiClient http(server.baseUrl());
        http.setToken(helper.token());
        return http.get(u"/tickets/%1/%2"_s.arg(ticketId).arg(kind)).items();
    }

    QByteArray fileContent() const
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    qint64 ticketId = 0;
    QTemporaryDir dir;
    QString file;
};

TEST_F(OutboxTest, SendsAMessageOnce)
{
    Outbox outbox(&api, file);
    Recorder seen(outbox);
    const QString key = outbox.enqueue(ticketId, OutboxItem::Kind::Message, u"Hallo"_s);
    ASSERT_FALSE(key.isEmpty());
    // Written down before the answer is in.
    EXPECT_TRUE(fileContent().contains(key.toUtf8()));
    EXPECT_EQ(outbox.items(ticketId, OutboxItem::Kind::Message).size(), 1);

    ASSERT_TRUE(QTest::qWaitFor([&] { return !seen.sentKeys.isEmpty(); }, 5000));
    EXPECT_EQ(seen.sentKeys, QStringList{key});
    EXPECT_EQ(seen.posts.first().body, u"Hallo"_s);
    EXPECT_EQ(seen.posts.first().ticketId, ticketId);
    EXPECT_GT(seen.posts.first().id, 0);
    EXPECT_TRUE(outbox.allItems().isEmpty());
    EXPECT_FALSE(fileContent().contains(key.toUtf8()));

    const QJsonArray messages = posted();
    ASSERT_EQ(messages.size(), 1);
    EXPECT_EQ(messages.first().toObject().value(u"body"_s).toString(), u"Hallo"_s);
}

TEST_F(OutboxTest, NotesGoToTheNotes)
{
    Outbox outbox(&api, file);
    Recorder seen(outbox);
    outbox.enqueue(ticketId, OutboxItem::Kind::Note, u"Intern"_s);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !seen.sentKeys.isEmpty(); }, 5000));
    EXPECT_EQ(posted(u"notes"_s).size(), 1);
    EXPECT_EQ(posted(u"messages"_s).size(), 0);
}

TEST_F(OutboxTest, DoubleEnqueueIsOneMessage)
{
    Outbox outbox(&api, file);
    Recorder seen(outbox);
    const QString a = outbox.enqueue(ticketId, OutboxItem::Kind::Message, u"Doppelklick"_s);
    const QString b = outbox.enqueue(ticketId, OutboxItem::Kind::Message, u"Doppelklick"_s);
    EXPECT_EQ(a, b);
    EXPECT_EQ(outbox.allItems().size(), 1);
    // Another text, kind or ticket is another item.
    const QString c = outbox.enqueue(ticketId, OutboxItem::Kind::Note, u"Doppelklick"_s);
    EXPECT_NE(c, a);
    ASSERT_TRUE(QTest::qWaitFor([&] { return seen.sentKeys.size() == 2; }, 5000));
    // A later message is the next thing sent: the double click went out once.
    const QString later = outbox.enqueue(ticketId, OutboxItem::Kind::Message, u"Danach"_s);
    ASSERT_TRUE(QTest::qWaitFor([&] { return seen.sentKeys.size() >= 3; }, 5000));
    EXPECT_EQ(seen.sentKeys.size(), 3);
    EXPECT_EQ(seen.sentKeys.last(), later);
    EXPECT_EQ(posted().size(), 2);
}

TEST_F(OutboxTest, KeepsItemsWhileTheServerIsDownAndSendsThemAfterARestart)
{
    ASSERT_TRUE(server.stop());
    QString key;
    {
        Outbox outbox(&api, file);
        Recorder seen(outbox);
        key = outbox.enqueue(ticketId, OutboxItem::Kind::Message, u"Trotz Ausfall"_s);
        ASSERT_TRUE(clienttest::waitUnreachable(api)); // the refused connection came back
        EXPECT_TRUE(seen.sentKeys.isEmpty());
        EXPECT_TRUE(seen.failedKeys.isEmpty()) << "no answer is no refusal";
        ASSERT_EQ(outbox.allItems().size(), 1);
        EXPECT_TRUE(outbox.allItems().first().error.isEmpty());
    } // the program ends
    EXPECT_TRUE(fileContent().contains(key.toUtf8()));

    ASSERT_TRUE(server.restart()) << server.output().toStdString();
    api.setBaseUrl(QUrl(server.baseUrl()));
    Outbox again(&api, file); // the next start sends what was left at once
    Recorder seen(again);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !seen.sentKeys.isEmpty(); }, 5000));
    EXPECT_EQ(seen.sentKeys, QStringList{key});
    again.retryAll(); // nothing left to send twice: a later message is the next thing sent
    const QString later = again.enqueue(ticketId, OutboxItem::Kind::Message, u"Danach"_s);
    ASSERT_TRUE(QTest::qWaitFor([&] { return seen.sentKeys.size() >= 2; }, 5000));
    EXPECT_EQ(seen.sentKeys, QStringList({key, later}));
    EXPECT_EQ(posted().size(), 2);
    EXPECT_TRUE(again.allItems().isEmpty());
}

TEST_F(OutboxTest, RetriesOnItsOwnWhenTheServerComesBack)
{
    ASSERT_TRUE(server.stop());
    Outbox outbox(&api, file);
    Recorder seen(outbox);
    outbox.enqueue(ticketId, OutboxItem::Kind::Message, u"Geduldig"_s);
    ASSERT_TRUE(clienttest::waitUnreachable(api)); // the first try failed: the timer is on
    ASSERT_TRUE(server.restart()) << server.output().toStdString();
    api.setBaseUrl(QUrl(server.baseUrl()));
    // No retryAll(): the backoff timer (2 s first) brings it.
    ASSERT_TRUE(QTest::qWaitFor([&] { return !seen.sentKeys.isEmpty(); }, 6000));
    EXPECT_EQ(posted().size(), 1);
}

TEST_F(OutboxTest, RefusedItemKeepsItsErrorAndIsNotRetried)
{
    Outbox outbox(&api, file);
    Recorder seen(outbox);
    const QString key = outbox.enqueue(ticketId, OutboxItem::Kind::Message, QString(20001, u'x'));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !seen.failedKeys.isEmpty(); }, 5000));
    EXPECT_EQ(seen.failedKeys, QStringList{key});
    EXPECT_EQ(seen.errors.first().kind, ApiError::Kind::Http);
    EXPECT_EQ(seen.errors.first().status, 422);
    ASSERT_EQ(outbox.allItems().size(), 1);
    EXPECT_FALSE(outbox.allItems().first().error.isEmpty());

    outbox.retryAll();
    // A later message is the next answer: the refused one was not sent again.
    const QString later = outbox.enqueue(ticketId, OutboxItem::Kind::Message, u"Danach"_s);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !seen.sentKeys.isEmpty(); }, 5000));
    EXPECT_EQ(seen.failedKeys.size(), 1) << "a refused item was sent again";
    EXPECT_EQ(seen.sentKeys, QStringList{later});
    EXPECT_EQ(posted().size(), 1);

    // The error survives a restart too, until the user discards the item.
    {
        Outbox again(&api, dir.filePath(u"outbox.json"_s));
        Recorder seenAgain(again);
        const QString next = again.enqueue(ticketId, OutboxItem::Kind::Message, u"Neu"_s);
        ASSERT_TRUE(QTest::qWaitFor([&] { return !seenAgain.sentKeys.isEmpty(); }, 5000));
        EXPECT_EQ(seenAgain.sentKeys, QStringList{next});
        ASSERT_EQ(again.allItems().size(), 1);
        EXPECT_FALSE(again.allItems().first().error.isEmpty());
        EXPECT_TRUE(seenAgain.failedKeys.isEmpty());
    }
    outbox.discard(key);
    EXPECT_TRUE(outbox.allItems().isEmpty());
    EXPECT_FALSE(fileContent().contains(key.toUtf8()));
}

TEST_F(OutboxTest, EditWaitsWithItsVersionAndIsAppliedOnceAfterARestart)
{
    testsupport::ApiClient http(server.baseUrl());
    http.setToken(helper.token());
    auto ticket = [&] {
        return http.get(u"/tickets/%1"_s.arg(ticketId)).object();
    };
    const qint64 version = ticket().value(u"version"_s).toInteger();
    ASSERT_TRUE(server.stop());
    QString key;
    {
        Outbox outbox(&api, file);
        key = outbox.enqueueEdit(ticketId, {{u"priority"_s, u"high"_s}}, version);
        ASSERT_TRUE(clienttest::waitUnreachable(api)); // the refused connection came back
        // A second edit before it went out joins it: one PATCH, on the version seen.
        EXPECT_EQ(outbox.enqueueEdit(ticketId, {{u"title"_s, u"Offline umbenannt"_s}}, version),
                  key);
        ASSERT_EQ(outbox.allItems().size(), 1);
        const OutboxItem item = outbox.allItems().first();
        EXPECT_EQ(item.kind, OutboxItem::Kind::Edit);
        EXPECT_EQ(item.ifMatch, version);
        EXPECT_TRUE(item.error.isEmpty());
        EXPECT_EQ(outbox.pendingEdit(ticketId).size(), 2);
    } // the program ends
    EXPECT_TRUE(fileContent().contains(key.toUtf8()));

    ASSERT_TRUE(server.restart()) << server.output().toStdString();
    api.setBaseUrl(QUrl(server.baseUrl()));
    Outbox again(&api, file);
    QJsonObject answer;
    QObject::connect(&again, &Outbox::edited, &again,
                     [&](const OutboxItem &, const QJsonObject &t) { answer = t; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return !answer.isEmpty(); }, 5000));
    EXPECT_EQ(answer.value(u"version"_s).toInteger(), version + 1);
    EXPECT_EQ(ticket().value(u"priority"_s).toString(), u"high"_s);
    EXPECT_EQ(ticket().value(u"title"_s).toString(), u"Offline umbenannt"_s);
    EXPECT_TRUE(again.allItems().isEmpty());
    EXPECT_TRUE(again.pendingEdit(ticketId).isEmpty());
}

TEST_F(OutboxTest, StaleEditIsRefusedAsAConflictAndKept)
{
    testsupport::ApiClient http(server.baseUrl());
    http.setToken(helper.token());
    const qint64 version =
        http.get(u"/tickets/%1"_s.arg(ticketId)).object().value(u"version"_s).toInteger();
    // Someone else was first.
    ASSERT_EQ(http.patch(u"/tickets/%1"_s.arg(ticketId), {{u"title"_s, u"Schneller"_s}},
                         {{"If-Match", '"' + QByteArray::number(version) + '"'}})
                  .status,
              200);
    Outbox outbox(&api, file);
    Recorder seen(outbox);
    const QString key = outbox.enqueueEdit(ticketId, {{u"priority"_s, u"low"_s}}, version);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !seen.failedKeys.isEmpty(); }, 5000));
    EXPECT_EQ(seen.errors.first().status, 412);
    ASSERT_EQ(outbox.allItems().size(), 1);
    EXPECT_EQ(outbox.allItems().first().errorStatus, 412);
    EXPECT_EQ(outbox.allItems().first().changes.value(u"priority"_s).toString(), u"low"_s);
    EXPECT_TRUE(outbox.pendingEdit(ticketId).isEmpty()); // refused: not shown as on its way
    outbox.retryAll();
    // A later message is the next answer: the refused edit was not sent again.
    const QString later = outbox.enqueue(ticketId, OutboxItem::Kind::Message, u"Danach"_s);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !seen.sentKeys.isEmpty(); }, 5000));
    EXPECT_EQ(seen.sentKeys, QStringList{later});
    EXPECT_EQ(seen.failedKeys, QStringList{key}) << "a refused edit was sent again";
}

TEST_F(OutboxTest, UnknownAttachmentIsRefused)
{
    Outbox outbox(&api, file);
    Recorder seen(outbox);
    outbox.enqueue(ticketId, OutboxItem::Kind::Message, u"Mit Anhang"_s, {u"0123456789abcdef"_s});
    ASSERT_TRUE(QTest::qWaitFor([&] { return !seen.failedKeys.isEmpty(); }, 5000));
    EXPECT_EQ(seen.errors.first().status, 422);
    EXPECT_EQ(seen.errors.first().field, u"attachmentIds"_s);
}

TEST_F(OutboxTest, WaitsForASignInBeforeSending)
{
    api.setToken({});
    Outbox outbox(&api, file);
    Recorder seen(outbox);
    outbox.enqueue(ticketId, OutboxItem::Kind::Message, u"Nach der Anmeldung"_s);
    // Without a token enqueue() sends nothing (nothing can come back); the sign-in below
    // is the next request, and one message on the server at the end shows none went out.
    EXPECT_TRUE(seen.sentKeys.isEmpty());
    EXPECT_TRUE(seen.failedKeys.isEmpty());
    ASSERT_TRUE(clienttest::wait(api.login(agentLogin, u"demo"_s)).ok());
    outbox.retryAll();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !seen.sentKeys.isEmpty(); }, 5000));
    EXPECT_EQ(posted().size(), 1);
}

// ---------------------------------------------------------------- scripted transport

class OutboxFaultTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        api.setBaseUrl(QUrl(u"http://127.0.0.1:9/api/v1"_s));
        api.setToken("token");
    }

    // Lets the answer to request number `n` (1-based) arrive and be handled.
    bool answered(int n)
    {
        // The scripted answer comes on a later turn of the event loop; the outbox has it
        // when the reply's finished() has gone out to every receiver.
        return QTest::qWaitFor([&] { return network.finishedReplies >= n; }, 2000);
    }

    static QByteArray error(const char *code)
    {
        return QByteArray(R"({"error":{"code":")") + code + R"(","message":"Nope."}})";
    }

    clienttest::ScriptedNetwork network;
    client::ApiClient api{&network};
    QTemporaryDir dir;
    QString file = dir.filePath(u"outbox.json"_s);
};

const QByteArray PostJson = R"({"id":5,"ticketId":7,"seq":1,"author":{"type":"staff","id":1,)"
                            R"("name":"Anna"},"body":"x","attachments":[],)"
                            R"("createdAt":"2026-01-01T00:00:00.000Z"})";

TEST_F(OutboxFaultTest, ServerErrorsAndAKeyInFlightAreRetriedWithTheSameKey)
{
    int count = 0;
    network.script = [&](clienttest::ScriptedReply *r) {
        switch (count++) {
        case 0:
            return r->respond(500, error("internal"));
        case 1:
            return r->respond(429, error("rate_limited"));
        case 2:
            return r->respond(409, error("idempotency_key_in_flight"));
        default:
            return r->respond(201, PostJson);
        }
    };
    Outbox outbox(&api, file);
    Recorder seen(outbox);
    const QString key = outbox.enqueue(7, OutboxItem::Kind::Message, u"x"_s);
    for (int n = 1; n <= 3; ++n) {
        ASSERT_TRUE(answered(n));
        EXPECT_TRUE(seen.failedKeys.isEmpty()) << "answer " << n << " counted as a refusal";
        ASSERT_EQ(outbox.allItems().size(), 1);
        outbox.retryAll();
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return !seen.sentKeys.isEmpty(); }, 2000));
    EXPECT_EQ(seen.posts.first().id, 5);
    ASSERT_EQ(network.requests.size(), 4);
    for (const QNetworkRequest &request : std::as_const(network.requests)) {
        EXPECT_EQ(request.rawHeader("Idempotency-Key"), key.toLatin1());
        EXPECT_EQ(request.url().path(), u"/api/v1/tickets/7/messages"_s);
    }
}

TEST_F(OutboxFaultTest, OtherConflictsAreRefusals)
{
    network.script = [&](clienttest::ScriptedReply *r) {
        r->respond(409, error("ticket_closed"));
    };
    Outbox outbox(&api, file);
    Recorder seen(outbox);
    outbox.enqueue(7, OutboxItem::Kind::Message, u"x"_s);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !seen.failedKeys.isEmpty(); }, 2000));
    EXPECT_EQ(seen.errors.first().code, u"ticket_closed"_s);
    // The reason kept is the one the window shows (errortext.h), not the server's English.
    EXPECT_EQ(outbox.allItems().first().error, u"The ticket is closed."_s);
}

TEST_F(OutboxFaultTest, AnEndedSessionWaitsForTheNextSignIn)
{
    int count = 0;
    network.script = [&](clienttest::ScriptedReply *r) {
        if (count++ == 0)
            r->respond(401, error("unauthorized"));
        else
            r->respond(201, PostJson);
    };
    Outbox outbox(&api, file);
    Recorder seen(outbox);
    outbox.enqueue(7, OutboxItem::Kind::Note, u"x"_s);
    ASSERT_TRUE(answered(1));
    EXPECT_TRUE(seen.failedKeys.isEmpty());
    EXPECT_EQ(outbox.allItems().size(), 1);
    outbox.retryAll(); // as after a new sign-in
    ASSERT_TRUE(QTest::qWaitFor([&] { return !seen.sentKeys.isEmpty(); }, 2000));
    EXPECT_EQ(network.requests.last().url().path(), u"/api/v1/tickets/7/notes"_s);
}

} // namespace
