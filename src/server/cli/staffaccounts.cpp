#include "staffaccounts.h"

#include "store/sqlite/connection.h"

#include <QVariant>

using namespace Qt::StringLiterals;

namespace server::cli {

qint64 StaffAccounts::idOf(const QString &login)
{
    QSqlQuery q(m_c.database());
    q.prepare(u"SELECT id FROM staff WHERE login = ?"_s);
    q.addBindValue(login);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

bool StaffAccounts::revokeSessions(qint64 staffId)
{
    QSqlQuery q(m_c.database());
    q.prepare(u"UPDATE tokens SET revoked = 1 WHERE kind = 'staff' AND user_id = ?"_s);
    q.addBindValue(staffId);
    return sqlite::Connection::run(q);
}

StaffAccounts::Outcome StaffAccounts::inTransaction(const std::function<Outcome()> &work)
{
    if (!m_c.begin())
        return Outcome::Failed;
    const Outcome outcome = work();
    if (outcome != Outcome::Ok || !m_c.commit()) {
        m_c.rollback();
        return outcome == Outcome::Ok ? Outcome::Failed : outcome;
    }
    return Outcome::Ok;
}

namespace {

// NOT NULL column: Argon2id hashes carry their salt inside and store an empty one here.
QVariant saltValue(const auth::PasswordHash &password)
{
    return password.salt.isNull() ? QVariant(QByteArray("", 0)) : QVariant(password.salt);
}

} // namespace

StaffAccounts::Outcome StaffAccounts::create(const QString &login, const QString &name,
                                             const QString &role,
                                             const auth::PasswordHash &password)
{
    return inTransaction([&] {
        if (idOf(login) != 0)
            return Outcome::DuplicateLogin;
        QSqlQuery q(m_c.database());
        q.prepare(u"INSERT INTO staff (login, name, role, password_salt, password_hash, "
                  "password_iterations) VALUES (?, ?, ?, ?, ?, ?)"_s);
        for (const QVariant &v :
             {QVariant(login), QVariant(name), QVariant(role), saltValue(password),
              QVariant(password.hash), QVariant(password.iterations)})
            q.addBindValue(v);
        return sqlite::Connection::run(q) ? Outcome::Ok : Outcome::Failed;
    });
}

StaffAccounts::Outcome StaffAccounts::setPassword(const QString &login,
                                                  const auth::PasswordHash &password)
{
    return inTransaction([&] {
        const qint64 id = idOf(login);
        if (id == 0)
            return Outcome::UnknownLogin;
        QSqlQuery q(m_c.database());
        q.prepare(u"UPDATE staff SET password_salt = ?, password_hash = ?, "
                  "password_iterations = ? WHERE id = ?"_s);
        for (const QVariant &v : {saltValue(password), QVariant(password.hash),
                                  QVariant(password.iterations), QVariant(id)})
            q.addBindValue(v);
        return sqlite::Connection::run(q) && revokeSessions(id) ? Outcome::Ok : Outcome::Failed;
    });
}

StaffAccounts::Outcome StaffAccounts::deactivate(const QString &login)
{
    return inTransaction([&] {
        const qint64 id = idOf(login);
        if (id == 0)
            return Outcome::UnknownLogin;
        QSqlQuery q(m_c.database());
        q.prepare(u"UPDATE staff SET active = 0 WHERE id = ?"_s);
        q.addBindValue(id);
        return sqlite::Connection::run(q) && revokeSessions(id) ? Outcome::Ok : Outcome::Failed;
    });
}

} // namespace server::cli
