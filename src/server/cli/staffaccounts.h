#pragma once

#include "auth/passwords.h"

#include <QString>
#include <functional>

namespace server::sqlite {
class Connection;
}

namespace server::cli {

// The operator's changes to staff accounts, straight on the database (each one
// transaction; the busy timeout waits for a running server's writes). A running server
// notices them at its next request (api::Sessions).
class StaffAccounts
{
public:
    enum class Outcome { Ok, DuplicateLogin, UnknownLogin, Failed };

    explicit StaffAccounts(sqlite::Connection &connection)
        : m_c(connection)
    {}
    Outcome create(const QString &login, const QString &name, const QString &role,
                   const auth::PasswordHash &password);
    // Also ends the member's sessions: a password is reset when it may have leaked.
    Outcome setPassword(const QString &login, const auth::PasswordHash &password);
    // Signs the member out everywhere; they cannot sign in again.
    Outcome deactivate(const QString &login);

private:
    qint64 idOf(const QString &login);
    bool revokeSessions(qint64 staffId);
    Outcome inTransaction(const std::function<Outcome()> &work);

    sqlite::Connection &m_c;
};

} // namespace server::cli
