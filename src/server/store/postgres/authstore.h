#pragma once

#include "store/store.h"

namespace server::postgres {

class Connection;

// Staff credentials, device codes, code users and session tokens on PostgreSQL, with the
// behaviour of sqlite::SqliteAuthStore.
class PgAuthStore final : public AuthStore
{
public:
    explicit PgAuthStore(Connection &connection)
        : m_c(connection)
    {}
    std::optional<StaffCredentials> staffCredentials(const QString &login) override;
    std::optional<core::Device> deviceByCode(const QString &code) override;
    qint64 createCodeUser(qint64 deviceId, const QString &name, qint64 now) override;
    bool saveToken(const QByteArray &tokenHash, const Caller &caller, qint64 now) override;
    std::optional<Caller> session(const QByteArray &tokenHash, qint64 now) override;
    void revokeToken(const QByteArray &tokenHash) override;
    qint64 pruneSessions(qint64 now, qint64 codeUsersBefore) override;
    qint64 outsideChanges() override;
    bool replacePasswordHash(qint64 staffId, const QByteArray &oldHash,
                             const QByteArray &newHash) override;

private:
    Connection &m_c;
};

} // namespace server::postgres
