#include "authstore.h"

#include "connection.h"
#include "directorystore.h"
#include "store/directoryrows.h"

#include <QVariant>

using namespace Qt::StringLiterals;

namespace server::sqlite {

std::optional<StaffCredentials> SqliteAuthStore::staffCredentials(const QString &login)
{
    // login is COLLATE NOCASE in SQLite's schema.
    QSqlQuery &q = m_c.prepared(rows::CredentialColumns + u" WHERE login = ?"_s);
    q.addBindValue(login);
    if (!Connection::run(q) || !q.next())
        return std::nullopt;
    return rows::credentialsFrom(q);
}

std::optional<core::Device> SqliteAuthStore::deviceByCode(const QString &code)
{
    // Only the lookup by code lives here; the device itself is read as everywhere else.
    QSqlQuery &q = m_c.prepared(u"SELECT id FROM devices WHERE code = ?"_s);
    q.addBindValue(code);
    if (!Connection::run(q) || !q.next())
        return std::nullopt;
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    return SqliteDirectoryStore(m_c).device(id);
}

qint64 SqliteAuthStore::createCodeUser(qint64 deviceId, const QString &name, qint64 now)
{
    QSqlQuery &q =
        m_c.prepared(u"INSERT INTO code_users (device_id, name, created_at) VALUES (?, ?, ?)"_s);
    q.addBindValue(deviceId);
    q.addBindValue(name);
    q.addBindValue(now);
    if (!Connection::run(q))
        return 0;
    return q.lastInsertId().toLongLong();
}

bool SqliteAuthStore::saveToken(const QByteArray &tokenHash, const Caller &caller, qint64 now)
{
    QSqlQuery &q = m_c.prepared(u"INSERT INTO tokens (hash, kind, user_id, created_at, "
                                "expires_at) VALUES (?, ?, ?, ?, ?)"_s);
    q.addBindValue(tokenHash);
    q.addBindValue(caller.kind());
    q.addBindValue(caller.id);
    q.addBindValue(now);
    q.addBindValue(caller.expiresAt);
    return Connection::run(q);
}

std::optional<Caller> SqliteAuthStore::session(const QByteArray &tokenHash, qint64 now)
{
    QSqlQuery &q = m_c.prepared(rows::SessionColumns +
                                u" WHERE t.hash = ? AND t.revoked = 0 AND t.expires_at > ?"_s);
    q.addBindValue(tokenHash);
    q.addBindValue(now);
    if (!Connection::run(q) || !q.next())
        return std::nullopt;
    return rows::sessionFrom(q, tokenHash);
}

void SqliteAuthStore::revokeToken(const QByteArray &tokenHash)
{
    QSqlQuery &q = m_c.prepared(u"UPDATE tokens SET revoked = 1 WHERE hash = ?"_s);
    q.addBindValue(tokenHash);
    Connection::run(q);
}

qint64 SqliteAuthStore::pruneSessions(qint64 now, qint64 codeUsersBefore)
{
    Q_ASSERT(m_c.inTransaction());
    QSqlQuery &tokens = m_c.prepared(u"DELETE FROM tokens WHERE expires_at <= ? OR revoked = 1"_s);
    tokens.addBindValue(now);
    if (!Connection::run(tokens))
        return 0;
    qint64 pruned = tokens.numRowsAffected();
    // The partial indexes of migration 7 answer each NOT EXISTS without reading rows.
    QSqlQuery &users = m_c.prepared(rows::PruneCodeUsers);
    users.addBindValue(codeUsersBefore);
    if (Connection::run(users))
        pruned += users.numRowsAffected();
    return pruned;
}

qint64 SqliteAuthStore::outsideChanges()
{
    // data_version moves with the commits of every other connection: those of this
    // process's other connections (the workers', counted by the WriteGate) and those of
    // another process (an operator's `ticket-server admin`), which are what counts here: a
    // move while no other connection of this process wrote. The gate's `done` is read
    // before and `started` after the version: when they differ, a write of this process is
    // under way (or passed meanwhile), so its commit cannot be told apart from an outside
    // one yet, and the decision waits for the next call. (An outside commit in the same
    // interval as one of this process's is taken for the latter: the session cache then
    // holds for its 10 seconds at most, the event streams' recheck comes within 30.)
    WriteGate &gate = m_c.gate();
    const quint64 doneBefore = gate.done.load();
    QSqlQuery &q = m_c.prepared(u"PRAGMA data_version"_s);
    const qint64 version = Connection::run(q) && q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    const quint64 startedAfter = gate.started.load();
    if (startedAfter != doneBefore)
        return m_outside;
    const quint64 othersWrites = startedAfter - m_c.ownWrites();
    if (m_lastVersion >= 0 && version != m_lastVersion && othersWrites == m_lastWrites)
        ++m_outside; // the file changed while no other connection of this process wrote
    m_lastVersion = version;
    m_lastWrites = othersWrites;
    return m_outside;
}

bool SqliteAuthStore::replacePasswordHash(qint64 staffId, const QByteArray &oldHash,
                                          const QByteArray &newHash)
{
    QSqlQuery &q = m_c.prepared(u"UPDATE staff SET password_salt = x'', password_hash = ?, "
                                "password_iterations = 0 WHERE id = ? AND password_hash = ?"_s);
    q.addBindValue(newHash);
    q.addBindValue(staffId);
    q.addBindValue(oldHash);
    return Connection::run(q) && q.numRowsAffected() == 1;
}

} // namespace server::sqlite
