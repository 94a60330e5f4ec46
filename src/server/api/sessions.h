#pragma once

#include "http/request.h"
#include "store/store.h"

#include <QHash>

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

private:
    struct Entry {
        Caller caller;
        qint64 cachedAt = 0;
    };
    AuthStore &m_store;
    QHash<QByteArray, Entry> m_cache;
};

} // namespace server::api
