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
    auto it = m_cache.constFind(hash);
    if (it != m_cache.constEnd() && now - it->cachedAt < CacheMsecs && it->caller.expiresAt > now)
        return it->caller;
    std::optional<Caller> caller = m_store.session(hash, now);
    if (m_cache.size() > MaxCacheEntries)
        m_cache.clear();
    if (caller)
        m_cache.insert(hash, {*caller, now});
    else
        m_cache.remove(hash);
    return caller;
}

bool Sessions::noticeOutsideChanges()
{
    const qint64 version = m_store.outsideChanges();
    if (version == m_outsideVersion)
        return false;
    m_outsideVersion = version;
    ++m_outsideChangesSeen;
    m_cache.clear();
    return true;
}

bool Sessions::stillValid(const QByteArray &tokenHash, qint64 now)
{
    if (m_store.session(tokenHash, now))
        return true;
    m_cache.remove(tokenHash);
    return false;
}

void Sessions::revoke(const QByteArray &tokenHash)
{
    m_store.revokeToken(tokenHash);
    m_cache.remove(tokenHash);
    if (m_onRevoked)
        m_onRevoked(tokenHash);
}

} // namespace server::api
