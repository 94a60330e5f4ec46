#pragma once

#include "http/request.h"
#include "store/store.h"

#include <QHash>
#include <QMutex>
#include <atomic>
#include <functional>
#include <memory>

namespace server::api {

// Resolves bearer tokens to callers, with a short-lived cache in front of the store so
// that a busy client does not cost a query per request. Revocation clears the entry.
// Each thread (the main thread, every worker) has its own Sessions over its own store;
// they share one cache (SessionCache, thread-safe), so that a sign-out on one worker is
// refused at once on every other.
class Sessions
{
public:
    // What the Sessions of one server share.
    struct SessionCache {
        struct Entry {
            Caller caller;
            qint64 cachedAt = 0;
        };
        QMutex mutex;
        QHash<QByteArray, Entry> entries;
        quint64 removals = 0; // under `mutex`: revocations and clears so far
        std::atomic<int> outsideChangesSeen{0};
        // Set before the workers start, then only read.
        std::function<void(const QByteArray &tokenHash)> onRevoked;
    };

    Sessions(Store &store, std::shared_ptr<SessionCache> cache)
        : m_store(store)
        , m_shared(std::move(cache))
    {}
    explicit Sessions(Store &store)
        : Sessions(store, std::make_shared<SessionCache>())
    {}

    // The token from `Authorization: Bearer`, or for WebSocket upgrades also the
    // `access_token` query parameter.
    static QByteArray tokenOf(const http::Request &request, bool allowQueryToken);
    std::optional<Caller> authenticate(const QByteArray &token, qint64 now);
    // Revokes in the store (a write) and in the cache, then tells the listener.
    void revoke(const QByteArray &tokenHash);
    // Whether the session behind a token hash still holds (not expired, revoked or
    // deactivated), asked of the store: for callers that stay, such as event streams.
    bool stillValid(const QByteArray &tokenHash, qint64 now);
    // Drops the cache when another process changed the store (an operator deactivated
    // someone or reset a password); returns whether it did.
    bool noticeOutsideChanges();
    // Counts the outside changes noticed so far (by any caller of the above, any thread).
    int outsideChangesSeen() const { return m_shared->outsideChangesSeen.load(); }
    // Told of every revocation (sign-out), e.g. to close the token's event streams; on
    // the thread that revoked. Set before other threads use the cache.
    void setRevocationListener(std::function<void(const QByteArray &tokenHash)> listener)
    {
        m_shared->onRevoked = std::move(listener);
    }
    const std::shared_ptr<SessionCache> &cache() const { return m_shared; }

private:
    Store &m_store;
    std::shared_ptr<SessionCache> m_shared;
    qint64 m_outsideVersion = 0; // of this thread's connection
};

} // namespace server::api
