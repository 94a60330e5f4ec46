// Sign-in when the session cannot be stored, and the headers of answers sent after an
// asynchronous step, against a real ticket-server. The fault is a real one: another
// process (an operator's tool, a backup) holds the database's write lock longer than the
// server waits for it.
#include "testsupport.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

// Holds the write lock of the server's database while it lives.
class WriteLock
{
public:
    explicit WriteLock(const QString &path)
    {
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"writelock"_s);
        m_db.setDatabaseName(path);
        m_locked = m_db.open() && QSqlQuery(m_db).exec(u"BEGIN IMMEDIATE"_s);
    }
    ~WriteLock()
    {
        QSqlQuery(m_db).exec(u"ROLLBACK"_s);
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"writelock"_s);
    }
    bool isLocked() const { return m_locked; }

private:
    QSqlDatabase m_db;
    bool m_locked = false;
};

qint64 count(const QString &path, const QString &sql)
{
    qint64 n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"count"_s);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                n = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(u"count"_s);
    return n;
}

class AuthFaultsTest : public ::testing::Test
{
protected:
    TestServer server;
    ApiClient api{server.baseUrl()};
    QString database() const { return server.dataDir() + u"/tickets.sqlite"_s; }
    void SetUp() override { ASSERT_TRUE(server.isRunning()) << server.output().toStdString(); }
};

TEST_F(AuthFaultsTest, ASignInWhoseSessionCannotBeStoredGetsNoToken)
{
    const QString login = demoLogin(u"admin"_s);
    const qint64 tokensBefore = count(database(), u"SELECT COUNT(*) FROM tokens"_s);
    const qint64 codeUsersBefore = count(database(), u"SELECT COUNT(*) FROM code_users"_s);
    {
        WriteLock lock(database());
        ASSERT_TRUE(lock.isLocked());
        // Staff: the password is right, but the session is not stored.
        const HttpResult staff =
            api.post(u"/auth/login"_s, {{u"login"_s, login}, {u"password"_s, u"demo"_s}});
        EXPECT_EQ(staff.status, 503) << staff.body.toStdString();
        EXPECT_EQ(staff.errorCode(), u"unavailable"_s);
        EXPECT_FALSE(staff.object().contains(u"token"_s));
        EXPECT_EQ(staff.header("retry-after"), "1");
        // A code user: neither the code user nor a session.
        const HttpResult device = api.post(
            u"/auth/device-code"_s, {{u"code"_s, demoDeviceCode(0)}, {u"name"_s, u"K. Jäger"_s}});
        EXPECT_EQ(device.status, 503) << device.body.toStdString();
        EXPECT_FALSE(device.object().contains(u"token"_s));
    }
    EXPECT_EQ(count(database(), u"SELECT COUNT(*) FROM tokens"_s), tokensBefore);
    EXPECT_EQ(count(database(), u"SELECT COUNT(*) FROM code_users"_s), codeUsersBefore);

    // Once the lock is gone, the same sign-ins work and their tokens are known.
    const HttpResult again =
        api.post(u"/auth/login"_s, {{u"login"_s, login}, {u"password"_s, u"demo"_s}});
    ASSERT_EQ(again.status, 200) << again.body.toStdString();
    api.setToken(again.object().value(u"token"_s).toString().toLatin1());
    EXPECT_EQ(api.get(u"/me"_s).status, 200);
    ApiClient user(server.baseUrl());
    EXPECT_FALSE(user.loginDevice(demoDeviceCode(0)).isEmpty());
    EXPECT_EQ(user.get(u"/me"_s).status, 200);
}

// Sign-in answers after the password hashing ran on another thread; they carry the same
// protective headers as every other answer, whatever the outcome.
TEST_F(AuthFaultsTest, EveryAnswerCarriesNosniffAndNoStore)
{
    const QString login = demoLogin(u"admin"_s);
    const QList<HttpResult> answers{
        api.post(u"/auth/login"_s, {{u"login"_s, login}, {u"password"_s, u"demo"_s}}),
        api.post(u"/auth/login"_s, {{u"login"_s, login}, {u"password"_s, u"wrong"_s}}),
        api.post(u"/auth/login"_s, {{u"login"_s, login}}),
        api.post(u"/auth/device-code"_s, {{u"code"_s, u"NOPE"_s}, {u"name"_s, u"X"_s}}),
        api.get(u"/me"_s),
        api.get(u"/no-such-route"_s),
        api.get(u"/health"_s),
    };
    const QList<int> statuses{200, 401, 422, 401, 401, 404, 200};
    for (qsizetype i = 0; i < answers.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(answers[i].status, statuses[i]) << answers[i].body.toStdString();
        EXPECT_EQ(answers[i].header("x-content-type-options"), "nosniff");
        EXPECT_EQ(answers[i].header("cache-control"), "no-store");
    }
}

} // namespace
