#pragma once

#include "store/store.h"

namespace server::sqlite {

class Connection;

class SqliteAuthStore final : public AuthStore
{
public:
    explicit SqliteAuthStore(Connection &connection)
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
    // outsideChanges(): the data_version last seen, the gate's write count then, and how
    // many commits of other processes this connection noticed.
    qint64 m_lastVersion = -1;
    quint64 m_lastWrites = 0;
    qint64 m_outside = 0;
};

} // namespace server::sqlite
