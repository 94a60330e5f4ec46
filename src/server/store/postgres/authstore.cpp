#include "authstore.h"

#include "directorystore.h"
#include "statement.h"
#include "store/directoryrows.h"

#include <QVariant>

using namespace Qt::StringLiterals;

namespace server::postgres {

std::optional<StaffCredentials> PgAuthStore::staffCredentials(const QString &login)
{
    // Logins are unique regardless of case (the index is on lower(login)), as SQLite's
    // COLLATE NOCASE makes them there.
    QSqlQuery q =
        prepare(m_c, rows::CredentialColumns + u" WHERE lower(login) = lower(CAST(? AS TEXT))"_s);
    q.addBindValue(login);
    if (!run(q) || !q.next())
        return std::nullopt;
    StaffCredentials c = rows::credentialsFrom(q);
    drain(q);
    return c;
}

std::optional<core::Device> PgAuthStore::deviceByCode(const QString &code)
{
    // Only the lookup by code lives here; the device itself is read as everywhere else.
    QSqlQuery q = prepare(m_c, u"SELECT id FROM devices WHERE code = ?"_s);
    q.addBindValue(code);
    if (!run(q) || !q.next())
        return std::nullopt;
    const qint64 id = q.value(0).toLongLong();
    drain(q);
    return PgDirectoryStore(m_c).device(id);
}

qint64 PgAuthStore::createCodeUser(qint64 deviceId, const QString &name, qint64 now)
{
    QSqlQuery q = prepare(m_c, u"INSERT INTO code_users (device_id, name, created_at) "
                               "VALUES (?, ?, ?) RETURNING id"_s);
    q.addBindValue(deviceId);
    q.addBindValue(name);
    q.addBindValue(now);
    if (!run(q) || !q.next())
        return 0;
    const qint64 id = q.value(0).toLongLong();
    drain(q);
    return id;
}

bool PgAuthStore::saveToken(const QByteArray &tokenHash, const Caller &caller, qint64 now)
{
    // A hash stored already is refused as SQLite refuses it, but without the error that
    // would abort the whole PostgreSQL transaction.
    QSqlQuery q =
        prepare(m_c, u"INSERT INTO tokens (hash, kind, user_id, created_at, "
                     "expires_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING"_s);
    q.addBindValue(tokenHash);
    q.addBindValue(caller.kind());
    q.addBindValue(caller.id);
    q.addBindValue(now);
    q.addBindValue(caller.expiresAt);
    return run(q) && q.numRowsAffected() == 1;
}

std::optional<Caller> PgAuthStore::session(const QByteArray &tokenHash, qint64 now)
{
    QSqlQuery q = prepare(m_c, rows::SessionColumns +
                                   u" WHERE t.hash = ? AND t.revoked = 0 AND t.expires_at > ?"_s);
    q.addBindValue(tokenHash);
    q.addBindValue(now);
    if (!run(q) || !q.next())
        return std::nullopt;
    std::optional<Caller> caller = rows::sessionFrom(q, tokenHash);
    drain(q);
    return caller;
}

void PgAuthStore::revokeToken(const QByteArray &tokenHash)
{
    QSqlQuery q = prepare(m_c, u"UPDATE tokens SET revoked = 1 WHERE hash = ?"_s);
    q.addBindValue(tokenHash);
    run(q);
}

qint64 PgAuthStore::pruneSessions(qint64 now, qint64 codeUsersBefore)
{
    // Inside Store::write() (the PostgreSQL write transaction is not here yet: the caller
    // runs it in its own BEGIN ... COMMIT for now).
    QSqlQuery tokens = prepare(m_c, u"DELETE FROM tokens WHERE expires_at <= ? OR revoked = 1"_s);
    tokens.addBindValue(now);
    if (!run(tokens))
        return 0;
    qint64 pruned = tokens.numRowsAffected();
    QSqlQuery users = prepare(m_c, rows::PruneCodeUsers);
    users.addBindValue(codeUsersBefore);
    if (run(users))
        pruned += users.numRowsAffected();
    return pruned;
}

qint64 PgAuthStore::outsideChanges()
{
    // SQLite tells other processes' commits by PRAGMA data_version. On PostgreSQL every
    // instance and `ticket-server admin` write to the same server, so a change of staff
    // or a revoked token has to reach the other instances' session caches another way
    // (LISTEN/NOTIFY, issue 15: several instances); until then nothing is reported.
    return 0;
}

bool PgAuthStore::replacePasswordHash(qint64 staffId, const QByteArray &oldHash,
                                      const QByteArray &newHash)
{
    QSqlQuery q = prepare(m_c, u"UPDATE staff SET password_salt = ''::bytea, password_hash = ?, "
                               "password_iterations = 0 WHERE id = ? AND password_hash = ?"_s);
    q.addBindValue(newHash);
    q.addBindValue(staffId);
    q.addBindValue(oldHash);
    return run(q) && q.numRowsAffected() == 1;
}

} // namespace server::postgres
