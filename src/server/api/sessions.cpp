#include "sessions.h"

#include "auth/tokens.h"

using namespace Qt::StringLiterals;

namespace server::api {
namespace {
constexpr qint64 CacheMsecs = 10 * 1000;
constexpr qsizetype MaxCacheEntries = 50000;
} // namespace

QByteArray Sessions::tokenOf(const http::Request &request, bool allowQueryToken)
{
    const QByteArray auth = request.header("authorization");
    if (auth.size() > 7 && auth.left(7).toLower() == "bearer ")
        return auth.mid(7).trimmed();
    if (allowQueryToken)
        return request.query.queryItemValue(u"access_token"_s).toLatin1();
    return {};
}

std::optional<Caller> Sessions::authenticate(const QByteArray &token, qint64 now)
{
    if (token.isEmpty() || token.size() > 200)
        return std::nullopt;
    const QByteArray hash = auth::hashToken(token);
    noticeOutsideChanges();
    quint64 removals = 0;
    {
        QMutexLocker lock(&m_shared->mutex);
        auto it = m_shared->entries.constFind(hash);
        if (it != m_shared->entries.constEnd() && now - it->cachedAt < CacheMsecs &&
            it->caller.expiresAt > now)
            return it->caller;
        removals = m_shared->removals;
    }
    // Asked without the lock. A revocation on another thread meanwhile may not be in
    // this query's snapshot: then nothing is kept (the next request asks again).
    std::optional<Caller> caller = m_store.auth().session(hash, now);
    QMutexLocker lock(&m_shared->mutex);
    if (m_shared->entries.size() > MaxCacheEntries)
        m_shared->entries.clear();
    if (caller && removals == m_shared->removals)
        m_shared->entries.insert(hash, {*caller, now});
    else if (!caller)
        m_shared->entries.remove(hash);
    return caller;
}

bool Sessions::noticeOutsideChanges()
{
    const qint64 version = m_store.auth().outsideChanges();
    if (version == m_outsideVersion)
        return false;
    m_outsideVersion = version;
    m_shared->outsideChangesSeen.fetch_add(1);
    QMutexLocker lock(&m_shared->mutex);
    m_shared->entries.clear();
    ++m_shared->removals;
    return true;
}

bool Sessions::stillValid(const QByteArray &tokenHash, qint64 now)
{
    if (m_store.auth().session(tokenHash, now))
        return true;
    QMutexLocker lock(&m_shared->mutex);
    m_shared->entries.remove(tokenHash);
    return false;
}

void Sessions::revoke(const QByteArray &tokenHash)
{
    // A write like any other: under the store's write lock, never beside another writer.
    m_store.write([&] {
        m_store.auth().revokeToken(tokenHash);
        return true;
    });
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->entries.remove(tokenHash);
        ++m_shared->removals;
    }
    if (m_shared->onRevoked)
        m_shared->onRevoked(tokenHash);
}

} // namespace server::api
