// PgAuthStore answers as SqliteAuthStore does: credentials by login regardless of case,
// devices by code, code users, tokens (saved, found, revoked, expired, of an inactive staff
// member), pruning and the re-hash of a password, asked of both on the same rows.
#include "pgstorefixture.h"

using namespace Qt::StringLiterals;
using namespace pgtest;

namespace {

QString credentialsJson(const std::optional<server::StaffCredentials> &c)
{
    if (!c)
        return u"none"_s;
    QJsonObject o = c->staff.toJson(Now);
    o.insert(u"salt"_s, QString::fromLatin1(c->salt.toHex()));
    o.insert(u"hash"_s, QString::fromLatin1(c->hash.toHex()));
    o.insert(u"iterations"_s, c->iterations);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString callerJson(const std::optional<server::Caller> &c)
{
    if (!c)
        return u"none"_s;
    const QJsonObject o{{u"role"_s, core::toString(c->role)},
                        {u"id"_s, c->id},
                        {u"deviceId"_s, c->deviceId},
                        {u"name"_s, c->name},
                        {u"tokenHash"_s, QString::fromLatin1(c->tokenHash.toHex())},
                        {u"expiresAt"_s, c->expiresAt}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// A SHA-256-like token hash with bytes a text column would not keep.
QByteArray tokenHash(int n)
{
    QByteArray hash(32, char(0));
    hash[0] = char(n);
    hash[1] = char(0xff);
    hash[31] = char(0x80 + n);
    return hash;
}

server::Caller staffCaller(qint64 id, core::Role role, qint64 expiresAt)
{
    server::Caller c;
    c.role = role;
    c.id = id;
    c.expiresAt = expiresAt;
    return c;
}

server::Caller codeCaller(qint64 id, qint64 deviceId, qint64 expiresAt)
{
    server::Caller c;
    c.role = core::Role::CodeUser;
    c.id = id;
    c.deviceId = deviceId;
    c.expiresAt = expiresAt;
    return c;
}

class PgAuthTest : public PgStoreTest
{
protected:
    // The same question of both stores, the answers as text.
    template <typename Ask> void expectSame(Ask ask, const char *what)
    {
        const QString expected = ask(m_sqlite->auth());
        EXPECT_EQ(ask(*m_pgAuth).toStdString(), expected.toStdString()) << what;
    }

    void expectSession(const QByteArray &hash, qint64 now, bool live, const char *what)
    {
        const QString expected = callerJson(m_sqlite->auth().session(hash, now));
        EXPECT_EQ(expected != u"none"_s, live) << what << " (SQLite)";
        EXPECT_EQ(callerJson(m_pgAuth->session(hash, now)).toStdString(), expected.toStdString())
            << what;
    }
};

TEST_F(PgAuthTest, CredentialsByLoginRegardlessOfCase)
{
    for (const QString &login : {u"Anna.Meier"_s, u"anna.meier"_s, u"ANNA.MEIER"_s, u"ben"_s,
                                 u"Ben"_s, u"carl"_s, u"nobody"_s, u"anna"_s, u""_s}) {
        expectSame([&](server::AuthStore &s) { return credentialsJson(s.staffCredentials(login)); },
                   qPrintable(login));
    }
    const auto ben = m_pgAuth->staffCredentials(u"BEN"_s);
    ASSERT_TRUE(ben);
    EXPECT_EQ(ben->salt, binary({0, 1, 0xfe, 0xff}));
    EXPECT_EQ(ben->hash, binary({0x10, 0, 0x80, 0x7f, 0xff}));
    EXPECT_EQ(ben->iterations, 120000);
    EXPECT_EQ(ben->staff.role, core::Role::Admin);
}

TEST_F(PgAuthTest, DevicesByCode)
{
    for (const QString &code : {u"CODE-1"_s, u"CODE-2"_s, u"code-5"_s, u"CODE-5"_s, u"nope"_s}) {
        expectSame(
            [&](server::AuthStore &s) {
                return json(s.deviceByCode(code),
                            [](const core::Device &d) { return d.toJson(true); });
            },
            qPrintable(code));
    }
    ASSERT_TRUE(m_pgAuth->deviceByCode(u"CODE-1"_s));
    EXPECT_EQ(m_pgAuth->deviceByCode(u"CODE-1"_s)->fleetName, u"Nord"_s);
}

TEST_F(PgAuthTest, TokensLiveUntilRevokedExpiredOrTheirStaffLeaves)
{
    qint64 sqliteUser = 0;
    qint64 pgUser = 0;
    ASSERT_TRUE(m_sqlite->write([&] {
        sqliteUser = m_sqlite->auth().createCodeUser(5, u"Kunde Köln"_s, Now);
        return sqliteUser > 0;
    }));
    ASSERT_TRUE(m_pg->exec(u"BEGIN"_s));
    pgUser = m_pgAuth->createCodeUser(5, u"Kunde Köln"_s, Now);
    ASSERT_TRUE(m_pg->exec(u"COMMIT"_s));
    ASSERT_GT(pgUser, 0);
    EXPECT_EQ(pgUser, sqliteUser);

    const qint64 expires = Now + 3600000;
    writeBoth([&](server::AuthStore &s) {
        EXPECT_TRUE(s.saveToken(tokenHash(1), staffCaller(1, core::Role::Agent, expires), Now));
        EXPECT_TRUE(s.saveToken(tokenHash(2), staffCaller(2, core::Role::Admin, expires), Now));
        EXPECT_TRUE(s.saveToken(tokenHash(3), codeCaller(pgUser, 5, expires), Now));
        EXPECT_TRUE(s.saveToken(tokenHash(4), staffCaller(4, core::Role::Agent, expires), Now));
        EXPECT_FALSE(s.saveToken(tokenHash(1), staffCaller(1, core::Role::Agent, expires), Now))
            << "a token hash is stored once";
    });
    expectSession(tokenHash(1), Now, true, "agent");
    expectSession(tokenHash(2), Now, true, "admin");
    expectSession(tokenHash(3), Now, true, "code user");
    EXPECT_EQ(m_pgAuth->session(tokenHash(3), Now)->deviceId, 5);
    EXPECT_EQ(m_pgAuth->session(tokenHash(3), Now)->name, u"Kunde Köln"_s);
    expectSession(tokenHash(4), Now, false, "inactive staff member");
    expectSession(tokenHash(1), expires - 1, true, "just before it expires");
    expectSession(tokenHash(1), expires, false, "expired");
    expectSession(tokenHash(9), Now, false, "unknown token");

    writeBoth([&](server::AuthStore &s) { s.revokeToken(tokenHash(2)); });
    expectSession(tokenHash(2), Now, false, "revoked");
    expectSession(tokenHash(1), Now, true, "another token of the same store");

    // Ben's staff row goes inactive: his sessions end at once.
    for (QSqlDatabase *db : {&m_sqlite->connection().database(), &m_pg->database()})
        ASSERT_TRUE(QSqlQuery(*db).exec(u"UPDATE staff SET active = 0 WHERE id = 1"_s));
    expectSession(tokenHash(1), Now, false, "staff member made inactive");
}

TEST_F(PgAuthTest, PruneSessionsCountsTheSame)
{
    const qint64 day = 86400000;
    writeBoth([&](server::AuthStore &s) {
        // An old code user with a live token, one without (pruned), a new one.
        const qint64 kept = s.createCodeUser(1, u"alt, angemeldet"_s, Now - 3 * day);
        const qint64 gone = s.createCodeUser(2, u"alt"_s, Now - 3 * day);
        const qint64 fresh = s.createCodeUser(2, u"neu"_s, Now);
        EXPECT_TRUE(kept > 0 && gone > 0 && fresh > 0);
        EXPECT_TRUE(s.saveToken(tokenHash(1), codeCaller(kept, 1, Now + day), Now));
        EXPECT_TRUE(s.saveToken(tokenHash(2), staffCaller(1, core::Role::Agent, Now - 1), Now));
        EXPECT_TRUE(s.saveToken(tokenHash(3), staffCaller(2, core::Role::Admin, Now + day), Now));
        EXPECT_TRUE(s.saveToken(tokenHash(4), staffCaller(2, core::Role::Admin, Now + day), Now));
        s.revokeToken(tokenHash(4));
    });
    qint64 sqlitePruned = -1;
    qint64 pgPruned = -1;
    ASSERT_TRUE(m_sqlite->write([&] {
        sqlitePruned = m_sqlite->auth().pruneSessions(Now, Now - day);
        return true;
    }));
    ASSERT_TRUE(m_pg->exec(u"BEGIN"_s));
    pgPruned = m_pgAuth->pruneSessions(Now, Now - day);
    ASSERT_TRUE(m_pg->exec(u"COMMIT"_s));
    EXPECT_EQ(sqlitePruned, 3) << "the expired and the revoked token, the old code user";
    EXPECT_EQ(pgPruned, sqlitePruned);
    const QString left = u"SELECT id, name FROM code_users ORDER BY id"_s;
    EXPECT_EQ(rows(m_pg->database(), left), rows(m_sqlite->connection().database(), left));
    const QString tokens = u"SELECT kind, user_id FROM tokens ORDER BY kind, user_id"_s;
    EXPECT_EQ(rows(m_pg->database(), tokens), rows(m_sqlite->connection().database(), tokens));
    EXPECT_EQ(rows(m_pg->database(), tokens).size(), 2);
    expectSession(tokenHash(1), Now, true, "the kept code user's token");
}

TEST_F(PgAuthTest, ReplacePasswordHashOnlyOverTheOldOne)
{
    const QByteArray oldHash = binary({0x10, 0, 0x80, 0x7f, 0xff});
    const QByteArray newHash("$argon2id$v=19$m=65536,t=2,p=1$bmV1$bmV1");
    writeBoth([&](server::AuthStore &s) {
        EXPECT_FALSE(s.replacePasswordHash(2, "not the stored one", newHash));
        EXPECT_FALSE(s.replacePasswordHash(99, oldHash, newHash));
    });
    expectSame([](server::AuthStore &s) { return credentialsJson(s.staffCredentials(u"ben"_s)); },
               "unchanged");
    writeBoth([&](server::AuthStore &s) {
        EXPECT_TRUE(s.replacePasswordHash(2, oldHash, newHash));
        EXPECT_FALSE(s.replacePasswordHash(2, oldHash, "$argon2id$other"))
            << "the stored hash is no longer the old one";
    });
    expectSame([](server::AuthStore &s) { return credentialsJson(s.staffCredentials(u"ben"_s)); },
               "re-hashed");
    const auto ben = m_pgAuth->staffCredentials(u"ben"_s);
    ASSERT_TRUE(ben);
    EXPECT_EQ(ben->hash, newHash);
    EXPECT_TRUE(ben->salt.isEmpty());
    EXPECT_EQ(ben->iterations, 0);
}

TEST_F(PgAuthTest, OutsideChangesAreNotTrackedYet)
{
    EXPECT_EQ(m_pgAuth->outsideChanges(), 0);
}

} // namespace
