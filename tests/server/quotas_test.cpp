// What one sign-in may leave behind: expired and revoked tokens and code users who never
// wrote anything are pruned, and files that no message carries are capped per code user.
#include "testsupport.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <functional>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

// Runs `work` on the server's database while the server is stopped.
void withDatabase(const TestServer &server, const std::function<void(QSqlDatabase &)> &work)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"quotas"_s);
        db.setDatabaseName(server.dataDir() + u"/tickets.sqlite"_s);
        ASSERT_TRUE(db.open());
        work(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"quotas"_s);
}

qint64 count(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

TEST(QuotasTest, ExpiredTokensAndIdleCodeUsersArePruned)
{
    TestServer server;
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    ApiClient gone(server.baseUrl()), stays(server.baseUrl());
    ASSERT_FALSE(gone.loginDevice(demoDeviceCode(0), u"Geht"_s).isEmpty());
    ASSERT_FALSE(stays.loginDevice(demoDeviceCode(0), u"Bleibt"_s).isEmpty());
    const qint64 writer =
        createTicket(stays, u"Ich schreibe etwas"_s).value(u"createdBy"_s)[u"id"_s].toInteger();
    ASSERT_GT(writer, 0);
    ASSERT_EQ(gone.send("POST", u"/auth/logout"_s, {}).status, 204);
    ASSERT_TRUE(server.stop());

    qint64 tokensBefore = 0;
    withDatabase(server, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        const qint64 device = demoDeviceId(0);
        // Two code users from long ago: one who never wrote anything, one whose token
        // expired; and the writer's sign-in dated back too (it wrote: it stays).
        ASSERT_TRUE(q.exec(
            u"INSERT INTO code_users (id, device_id, name, created_at) VALUES "
            "(900001, %1, 'Nie geschrieben', 0), (900002, %1, 'Abgelaufen', 0)"_s.arg(device)));
        ASSERT_TRUE(q.exec(u"INSERT INTO tokens (hash, kind, user_id, created_at, expires_at) "
                           "VALUES (x'00', 'code_user', 900002, 0, 1)"_s));
        ASSERT_TRUE(q.exec(u"UPDATE code_users SET created_at = 0 WHERE id = %1"_s.arg(writer)));
        tokensBefore = count(db, u"SELECT COUNT(*) FROM tokens"_s);
    });
    ASSERT_TRUE(server.restart()); // prunes at start, then every hour

    withDatabase(server, [&](QSqlDatabase &db) {
        EXPECT_EQ(count(db, u"SELECT COUNT(*) FROM code_users WHERE id IN (900001, 900002)"_s), 0);
        EXPECT_EQ(count(db, u"SELECT COUNT(*) FROM code_users WHERE id = %1"_s.arg(writer)), 1);
        EXPECT_EQ(
            count(db, u"SELECT COUNT(*) FROM tokens WHERE revoked = 1 OR expires_at < 1000"_s), 0);
        EXPECT_EQ(count(db, u"SELECT COUNT(*) FROM tokens"_s), tokensBefore - 2);
    });
    EXPECT_EQ(stays.get(u"/me"_s).status, 200) << "a live session was pruned";
    EXPECT_EQ(gone.get(u"/me"_s).status, 401);
}

TEST(QuotasTest, FilesNoMessageCarriesAreCappedPerCodeUser)
{
    TestServer server;
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    ApiClient user(server.baseUrl()), staff(server.baseUrl());
    ASSERT_FALSE(user.loginDevice(demoDeviceCode(0), u"Viele Dateien"_s).isEmpty());
    ASSERT_FALSE(staff.loginStaff(demoLogin(u"agent"_s)).isEmpty());
    const qint64 id = createTicket(user, u"Fotos"_s).value(u"id"_s).toInteger();
    ASSERT_GT(id, 0);
    QJsonArray uploaded;
    for (int i = 0; i < 50; ++i) {
        const HttpResult r = uploadTextFile(user, id, false);
        ASSERT_EQ(r.status, 201) << i << r.body.toStdString();
        uploaded.append(r.object().value(u"id"_s));
    }
    const HttpResult refused = uploadTextFile(user, id, false);
    EXPECT_EQ(refused.status, 429);
    EXPECT_EQ(refused.errorCode(), u"too_many_files"_s);
    EXPECT_EQ(staff.get(u"/tickets/%1"_s.arg(id)).object().value(u"attachments"_s).toArray().size(),
              50)
        << "the refused upload was stored";
    // Staff are not capped by a code user's quota.
    EXPECT_EQ(uploadTextFile(staff, id, false).status, 201);

    // Sending files with a message frees their places.
    ASSERT_EQ(user.post(u"/tickets/%1/messages"_s.arg(id),
                        {{u"body"_s, u"Hier die Fotos"_s},
                         {u"attachmentIds"_s, QJsonArray{uploaded[0], uploaded[1]}}})
                  .status,
              201);
    EXPECT_EQ(uploadTextFile(user, id, false).status, 201);
}

} // namespace
