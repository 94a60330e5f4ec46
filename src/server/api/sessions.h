#pragma once

#include "http/request.h"
#include "store/store.h"

#include <QHash>
#include <functional>

namespace server::api {

// Resolves bearer tokens to callers, with a short-lived cache in front of the store so
// that a busy client does not cost a query per request. Revocation clears the entry.
class Sessions
{
public:
    explicit Sessions(AuthStore &store)
        : m_store(store)
    {}

    // The token from `Authorization: Bearer`, or for WebSocket upgrades also the
    // `access_token` query parameter.
    static QByteArray tokenOf(const http::Request &request, bool allowQueryToken);
    std::optional<Caller> authenticate(const QByteArray &token, qint64 now);
    void revoke(const QByteArray &tokenHash);
    // Whether the session behind a token hash still holds (not expired, revoked or
    // deactivated), asked of the store: for callers that stay, such as event streams.
    bool stillValid(const QByteArray &tokenHash, qint64 now);
    // Drops the cache when another process changed the store (an operator deactivated
    // someone or reset a password); returns whether it did.
    bool noticeOutsideChanges();
    // Counts the outside changes noticed so far (by any caller of the above).
    int outsideChangesSeen() const { return m_outsideChangesSeen; }
    // Told of every revocation (sign-out), e.g. to close the token's event streams.
    void setRevocationListener(std::function<void(const QByteArray &tokenHash)> listener)
    {
        m_onRevoked = std::move(listener);
    }

private:
    struct Entry {
        Caller caller;
        qint64 cachedAt = 0;
    };
    AuthStore &m_store;
    QHash<QByteArray, Entry> m_cache;
    qint64 m_outsideVersion = 0;
    int m_outsideChangesSeen = 0;
    std::function<void(const QByteArray &)> m_onRevoked;
};

} // namespace server::api
