// client::ApiClient against a real ticket-server, and against a scripted transport for the
// faults a real server does not produce on demand (no answer, 5xx, refused, garbage).
#include "clienttestutil.h"
#include "scriptednetwork.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTimer>
#include <functional>

using namespace Qt::StringLiterals;
using client::ApiError;
using client::ApiResult;
using clienttest::ScriptedNetwork;
using clienttest::ScriptedReply;
using clienttest::wait;

namespace {

// ---------------------------------------------------------------- the real server

class ApiClientTest : public clienttest::ServerTest
{};

TEST_F(ApiClientTest, LoginTakesOverTokenAndId)
{
    EXPECT_FALSE(api.token().isEmpty());
    EXPECT_GT(api.myId(), 0);
    const ApiResult me = wait(api.get(u"/me"_s));
    ASSERT_TRUE(me.ok()) << me.error.message.toStdString();
    EXPECT_EQ(me.status, 200);
}

TEST_F(ApiClientTest, WrongPasswordIsAnHttpErrorWithoutToken)
{
    const ApiResult r = wait(api.login(agentLogin, u"not the password"_s));
    EXPECT_EQ(r.error.kind, ApiError::Kind::Http);
    EXPECT_EQ(r.error.status, 401);
    EXPECT_FALSE(r.error.message.isEmpty());
    EXPECT_TRUE(api.token().isEmpty());
}

TEST_F(ApiClientTest, ListsTickets)
{
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, u"5"_s);
    const ApiResult r = wait(api.get(u"/tickets"_s, query));
    ASSERT_TRUE(r.ok()) << r.error.message.toStdString();
    EXPECT_EQ(r.items().size(), 5);
    EXPECT_GT(r.items().first().toObject().value(u"id"_s).toInteger(), 0);
}

TEST_F(ApiClientTest, PatchWithCurrentVersionWorksAndStaleGets412)
{
    const qint64 id = newTicket(u"Drucker klemmt"_s);
    ASSERT_GT(id, 0);
    const ApiResult read = wait(api.get(u"/tickets/%1"_s.arg(id)));
    ASSERT_TRUE(read.ok());
    const qint64 version = read.etagVersion();
    ASSERT_GE(version, 0);

    const ApiResult changed =
        wait(api.patch(u"/tickets/%1"_s.arg(id), {{u"priority"_s, u"high"_s}}, version));
    ASSERT_TRUE(changed.ok()) << changed.error.message.toStdString();
    EXPECT_GT(changed.etagVersion(), version);
    EXPECT_EQ(changed.object().value(u"priority"_s).toString(), u"high"_s);

    const ApiResult stale =
        wait(api.patch(u"/tickets/%1"_s.arg(id), {{u"priority"_s, u"low"_s}}, version));
    EXPECT_EQ(stale.error.kind, ApiError::Kind::Http);
    EXPECT_EQ(stale.error.status, 412);
    EXPECT_EQ(stale.error.code, u"version_mismatch"_s);
    EXPECT_FALSE(stale.error.isTransient());
}

TEST_F(ApiClientTest, PostWithTheSameIdempotencyKeyCreatesOnce)
{
    const qint64 id = newTicket(u"Zweimal senden"_s);
    ASSERT_GT(id, 0);
    const QByteArray key = client::ApiClient::newIdempotencyKey();
    const QJsonObject body{{u"body"_s, u"Einmal bitte"_s}};
    const ApiResult first = wait(api.post(u"/tickets/%1/messages"_s.arg(id), body, key));
    const ApiResult second = wait(api.post(u"/tickets/%1/messages"_s.arg(id), body, key));
    ASSERT_TRUE(first.ok()) << first.error.message.toStdString();
    ASSERT_TRUE(second.ok()) << second.error.message.toStdString();
    EXPECT_EQ(first.object().value(u"id"_s).toInteger(),
              second.object().value(u"id"_s).toInteger());
    EXPECT_EQ(helper.get(u"/tickets/%1/messages"_s.arg(id)).items().size(), 1);
}

TEST_F(ApiClientTest, UploadsAFileWithProgressAndDownloadsItBack)
{
    const qint64 id = newTicket(u"Mit Anhang"_s);
    ASSERT_GT(id, 0);
    QTemporaryFile file(QDir::tempPath() + u"/ticket-upload-XXXXXX.txt"_s);
    ASSERT_TRUE(file.open());
    QByteArray content;
    for (int i = 0; i < 20000; ++i)
        content += "Zeile " + QByteArray::number(i) + '\n';
    file.write(content);
    file.close();

    client::ApiJob *job = api.upload(id, file.fileName(), false);
    QList<qint64> progress;
    QObject context;
    QObject::connect(job, &client::ApiJob::progress, &context,
                     [&](qint64 done, qint64) { progress.append(done); });
    const ApiResult up = wait(job);
    ASSERT_TRUE(up.ok()) << up.error.message.toStdString();
    EXPECT_FALSE(progress.isEmpty());
    EXPECT_TRUE(progress.contains(content.size())) << "upload progress never reached the total";
    const QString attachmentId = up.object().value(u"id"_s).toString();
    ASSERT_FALSE(attachmentId.isEmpty());
    EXPECT_EQ(up.object().value(u"size"_s).toInteger(), content.size());

    QTemporaryDir dir;
    const QString target = dir.filePath(u"back.txt"_s);
    const ApiResult down = wait(api.download(attachmentId, target));
    ASSERT_TRUE(down.ok()) << down.error.message.toStdString();
    QFile back(target);
    ASSERT_TRUE(back.open(QIODevice::ReadOnly));
    EXPECT_EQ(back.readAll(), content);
}

TEST_F(ApiClientTest, FailedDownloadLeavesNoFile)
{
    QTemporaryDir dir;
    const QString target = dir.filePath(u"missing.bin"_s);
    const ApiResult down = wait(api.download(u"no-such-attachment"_s, target));
    EXPECT_EQ(down.error.kind, ApiError::Kind::Http);
    EXPECT_EQ(down.error.status, 404);
    EXPECT_FALSE(QFileInfo::exists(target));
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

TEST_F(ApiClientTest, UnreadableUploadIsALocalError)
{
    const ApiResult r = wait(api.upload(1, u"/nonexistent/file.txt"_s, false));
    EXPECT_EQ(r.error.kind, ApiError::Kind::Local);
    EXPECT_FALSE(r.error.message.isEmpty());
}

TEST_F(ApiClientTest, RejectedTokenEmitsUnauthorized)
{
    QSignalSpy unauthorized(&api, &client::ApiClient::unauthorized);
    api.setToken("not-a-valid-token");
    const ApiResult r = wait(api.get(u"/tickets"_s));
    EXPECT_EQ(r.error.status, 401);
    EXPECT_EQ(unauthorized.count(), 1);
}

// ---------------------------------------------------------------- scripted transport

class ApiClientFaultTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        api.setBaseUrl(QUrl(u"http://127.0.0.1:9/api/v1/"_s));
        api.setToken("token");
    }

    ScriptedNetwork network;
    client::ApiClient api{&network};
};

TEST_F(ApiClientFaultTest, RequestsCarryBaseUrlTokenAndHeaders)
{
    network.script = [](ScriptedReply *r) {
        r->respond(200, R"({"ok":true})");
    };
    const ApiResult r = wait(api.patch(u"/tickets/7"_s, {{u"priority"_s, u"low"_s}}, 3));
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(network.requests.size(), 1);
    const QNetworkRequest &sent = network.requests.first();
    EXPECT_EQ(sent.url().toString(), u"http://127.0.0.1:9/api/v1/tickets/7"_s);
    EXPECT_EQ(sent.rawHeader("Authorization"), "Bearer token");
    EXPECT_EQ(sent.rawHeader("If-Match"), "\"3\"");
}

TEST_F(ApiClientFaultTest, NoAnswerIsATimeout)
{
    network.script = [](ScriptedReply *) {
    }; // never answers
    api.setTimeout(200);
    QSignalSpy reachability(&api, &client::ApiClient::reachabilityChanged);
    QElapsedTimer clock;
    clock.start();
    const ApiResult r = wait(api.get(u"/tickets"_s));
    EXPECT_EQ(r.error.kind, ApiError::Kind::Timeout);
    EXPECT_EQ(r.error.code, u"timeout"_s);
    EXPECT_TRUE(r.error.isTransient());
    EXPECT_LT(clock.elapsed(), 3000);
    ASSERT_EQ(reachability.count(), 1);
    EXPECT_FALSE(reachability.first().first().toBool());
}

TEST_F(ApiClientFaultTest, ServerErrorIsTransientHttp)
{
    network.script = [](ScriptedReply *r) {
        r->respond(500, R"({"error":{"code":"internal","message":"Something broke."}})");
    };
    const ApiResult r = wait(api.get(u"/tickets"_s));
    EXPECT_EQ(r.error.kind, ApiError::Kind::Http);
    EXPECT_EQ(r.error.status, 500);
    EXPECT_EQ(r.error.code, u"internal"_s);
    EXPECT_TRUE(r.error.isTransient());
}

TEST_F(ApiClientFaultTest, TooLargeIsSaidInTheUsersLanguageWithTheServersWordsKept)
{
    network.script = [](ScriptedReply *r) {
        r->respond(
            413,
            R"({"error":{"code":"too_large","message":"At most 25 MB per file.","maxBytes":26214400}})");
    };
    const ApiResult r = wait(api.uploadData(7, u"big.bin"_s, QByteArray(1000, 'x'),
                                            u"application/octet-stream"_s, false));
    EXPECT_EQ(r.error.kind, ApiError::Kind::Http);
    EXPECT_EQ(r.error.status, 413);
    EXPECT_EQ(r.error.code, u"too_large"_s);
    // (No translator here: the source text.)
    EXPECT_TRUE(r.error.message.startsWith(u"This is larger than the server accepts (at most 25"_s))
        << r.error.message.toStdString();
    EXPECT_EQ(r.error.detail, u"At most 25 MB per file."_s);
    EXPECT_FALSE(r.error.isTransient());
}

TEST_F(ApiClientFaultTest, RefusedConnectionIsNetworkAndUnreachable)
{
    network.script = [](ScriptedReply *r) {
        r->failWith(QNetworkReply::ConnectionRefusedError, u"Connection refused"_s);
    };
    QSignalSpy reachability(&api, &client::ApiClient::reachabilityChanged);
    const ApiResult r = wait(api.get(u"/tickets"_s));
    EXPECT_EQ(r.error.kind, ApiError::Kind::Network);
    EXPECT_EQ(r.error.status, 0);
    EXPECT_EQ(r.error.message, u"The server refused the connection: is it running?"_s);
    EXPECT_TRUE(r.error.isTransient());
    ASSERT_EQ(reachability.count(), 1);
    EXPECT_FALSE(reachability.first().first().toBool());

    // The next answer makes it reachable again.
    network.script = [](ScriptedReply *r) {
        r->respond(200, R"({"items":[]})");
    };
    EXPECT_TRUE(wait(api.get(u"/tickets"_s)).ok());
    ASSERT_EQ(reachability.count(), 2);
    EXPECT_TRUE(reachability.last().first().toBool());
}

TEST_F(ApiClientFaultTest, MalformedJsonIsAParseError)
{
    network.script = [](ScriptedReply *r) {
        r->respond(200, R"({"items": [1, 2)");
    };
    const ApiResult r = wait(api.get(u"/tickets"_s));
    EXPECT_EQ(r.error.kind, ApiError::Kind::Parse);
    EXPECT_EQ(r.status, 200);
    EXPECT_FALSE(r.error.isTransient());
}

TEST_F(ApiClientFaultTest, AbortReportsCanceled)
{
    network.script = [](ScriptedReply *) {
    };
    client::ApiJob *job = api.get(u"/tickets"_s);
    QTimer::singleShot(10, job, [job] { job->abort(); });
    const ApiResult r = wait(job);
    EXPECT_EQ(r.error.kind, ApiError::Kind::Canceled);
}

} // namespace
