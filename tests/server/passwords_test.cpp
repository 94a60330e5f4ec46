// Argon2id password hashes: old PBKDF2 hashes still sign in and are upgraded, hashing
// runs off the thread that answers requests, and a flood of sign-ins is bounded.
#include "auth/passwords.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThread>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;
namespace auth = server::auth;

namespace {

struct StoredHash {
    QByteArray salt;
    QByteArray hash;
    int iterations = -1;
};

// Reads or (with `replace`) writes the stored hash of a login, on the server's database.
StoredHash storedHash(const TestServer &server, const QString &login,
                      const StoredHash *replace = nullptr)
{
    StoredHash result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"passwords"_s);
        db.setDatabaseName(server.dataDir() + u"/tickets.sqlite"_s);
        EXPECT_TRUE(db.open());
        QSqlQuery q(db);
        if (replace) {
            q.prepare(u"UPDATE staff SET password_salt = ?, password_hash = ?, "
                      "password_iterations = ? WHERE login = ?"_s);
            q.addBindValue(replace->salt);
            q.addBindValue(replace->hash);
            q.addBindValue(replace->iterations);
            q.addBindValue(login);
            EXPECT_TRUE(q.exec());
            EXPECT_EQ(q.numRowsAffected(), 1);
        }
        q.prepare(u"SELECT password_salt, password_hash, password_iterations FROM staff "
                  "WHERE login = ?"_s);
        q.addBindValue(login);
        if (q.exec() && q.next())
            result = {q.value(0).toByteArray(), q.value(1).toByteArray(), q.value(2).toInt()};
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"passwords"_s);
    return result;
}

QList<QNetworkReply *> postLogins(QNetworkAccessManager &nam, const TestServer &server,
                                  const QStringList &logins)
{
    QList<QNetworkReply *> replies;
    for (const QString &login : logins) {
        QNetworkRequest request(QUrl(server.baseUrl() + u"/auth/login"_s));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        replies.append(nam.post(
            request,
            QJsonDocument(QJsonObject{{u"login"_s, login}, {u"password"_s, u"demo"_s}}).toJson()));
    }
    return replies;
}

int statusOf(QNetworkReply *reply)
{
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

// Two sign-ins for each active demo staff member: within every rate limit.
QStringList activeLoginsTwice()
{
    QStringList logins;
    for (const QJsonValue &s : demoAccounts().value(u"staff"_s).toArray()) {
        const QString login = s.toObject().value(u"login"_s).toString();
        if (login != u"klaus"_s) // deactivated
            logins << login << login;
    }
    return logins;
}

} // namespace

TEST(PasswordsTest, Argon2idHashesVerifyAndOldPbkdf2HashesNeedARehash)
{
    const auth::PasswordHash fresh = auth::hashPassword(u"richtig-1234"_s);
    ASSERT_TRUE(fresh.hash.startsWith("$argon2id$")) << fresh.hash.constData();
    EXPECT_TRUE(auth::verifyPassword(u"richtig-1234"_s, fresh));
    EXPECT_FALSE(auth::verifyPassword(u"falsch-1234"_s, fresh));
    EXPECT_FALSE(auth::needsRehash(fresh));

    const auth::PasswordHash old =
        auth::hashPasswordPbkdf2(u"richtig-1234"_s, QByteArray(16, 's'), 1000);
    EXPECT_TRUE(auth::verifyPassword(u"richtig-1234"_s, old));
    EXPECT_FALSE(auth::verifyPassword(u"falsch-1234"_s, old));
    EXPECT_TRUE(auth::needsRehash(old));
    EXPECT_FALSE(auth::verifyPassword(u"x"_s, auth::PasswordHash{}));
}

TEST(PasswordsTest, DemoStaffAreSeededWithArgon2id)
{
    TestServer server;
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    const StoredHash stored = storedHash(server, demoLogin(u"agent"_s));
    EXPECT_TRUE(stored.hash.startsWith("$argon2id$"));
    EXPECT_TRUE(stored.salt.isEmpty());
    EXPECT_EQ(stored.iterations, 0);
}

TEST(PasswordsTest, AnOldPbkdf2HashSignsInAndIsReplacedByArgon2id)
{
    TestServer server;
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    const QString login = demoLogin(u"admin"_s);
    ASSERT_TRUE(server.stop());
    // As a database from before Argon2id holds it: PBKDF2-HMAC-SHA256, 100,000 rounds.
    const QByteArray salt = QByteArray::fromHex("00112233445566778899aabbccddeeff");
    const auth::PasswordHash old =
        auth::hashPasswordPbkdf2(u"altes-Passwort-1"_s, salt, auth::LegacyPbkdf2Iterations);
    const StoredHash legacy{old.salt, old.hash, old.iterations};
    ASSERT_EQ(storedHash(server, login, &legacy).hash, old.hash);
    ASSERT_TRUE(server.restart());

    ApiClient api(server.baseUrl());
    EXPECT_EQ(api.post(u"/auth/login"_s, {{u"login"_s, login}, {u"password"_s, u"nope"_s}}).status,
              401);
    EXPECT_EQ(storedHash(server, login).hash, old.hash) << "a wrong password changed the hash";
    EXPECT_FALSE(api.loginStaff(login, u"altes-Passwort-1"_s).isEmpty());
    const StoredHash upgraded = storedHash(server, login);
    EXPECT_TRUE(upgraded.hash.startsWith("$argon2id$")) << upgraded.hash.constData();
    EXPECT_TRUE(upgraded.salt.isEmpty());
    EXPECT_EQ(upgraded.iterations, 0);

    ApiClient again(server.baseUrl());
    EXPECT_FALSE(again.loginStaff(login, u"altes-Passwort-1"_s).isEmpty());
    EXPECT_EQ(storedHash(server, login).hash, upgraded.hash) << "hashed anew without need";
    EXPECT_EQ(
        again.post(u"/auth/login"_s, {{u"login"_s, login}, {u"password"_s, u"demo"_s}}).status,
        401);
}

TEST(PasswordsTest, OtherRequestsAreAnsweredWhileSignInsHash)
{
    TestServer server;
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    QNetworkAccessManager nam;
    const QStringList logins = activeLoginsTwice();
    QElapsedTimer timer;
    timer.start();
    const QList<QNetworkReply *> replies = postLogins(nam, server, logins);
    // A client of its own (another connection pool): /health is not queued behind them.
    ApiClient health(server.baseUrl());
    ASSERT_EQ(health.get(u"/health"_s).status, 200);
    const auto unfinished = std::count_if(replies.begin(), replies.end(),
                                          [](QNetworkReply *r) { return !r->isFinished(); });
    const qint64 healthMsecs = timer.elapsed();
    for (QNetworkReply *reply : replies) {
        EXPECT_EQ(statusOf(reply), 200);
        reply->deleteLater();
    }
    // Hashing on the thread that answers would have held /health behind every sign-in.
    EXPECT_GT(unfinished, 0) << "all " << logins.size() << " sign-ins were done before /health ("
                             << healthMsecs << " ms, all: " << timer.elapsed() << " ms)";
}

TEST(PasswordsTest, SignInsBeyondTheHashingQueueAreRefusedWith503)
{
    const int cores = std::clamp(QThread::idealThreadCount(), 1, 8); // hashing threads
    if (cores >= 6) // QNetworkAccessManager sends 6 at a time: they would all find a slot
        GTEST_SKIP() << cores << " cores hash 6 sign-ins at once";
    TestServer server(TestServer::Options{true, {u"--password-hash-queue"_s, u"0"_s}});
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    QNetworkAccessManager nam;
    const QList<QNetworkReply *> replies = postLogins(nam, server, activeLoginsTwice());
    int ok = 0, busy = 0;
    for (QNetworkReply *reply : replies) {
        const int status = statusOf(reply);
        if (status == 200)
            ++ok;
        if (status == 503) {
            ++busy;
            EXPECT_EQ(reply->rawHeader("Retry-After"), "1");
        }
        reply->deleteLater();
    }
    EXPECT_GT(ok, 0);
    EXPECT_GT(busy, 0);
    EXPECT_EQ(ok + busy, replies.size());
    // A refusal is no failed attempt: the same accounts sign in right after.
    ApiClient api(server.baseUrl());
    EXPECT_FALSE(api.loginStaff(demoLogin(u"admin"_s)).isEmpty());
}
