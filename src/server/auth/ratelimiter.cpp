#include "ratelimiter.h"

#include <algorithm>

namespace server::auth {

RateLimiter::RateLimiter(int maxFailures, qint64 windowMsecs)
    : m_maxFailures(maxFailures)
    , m_window(windowMsecs)
{}

void RateLimiter::expire(Bucket &b, qint64 now) const
{
    if (now - b.windowStart >= m_window) {
        b.failures = 0;
        b.windowStart = now;
    }
}

int RateLimiter::reserve(const QString &key, qint64 now)
{
    if (m_buckets.size() > 100000) {
        // Forget idle keys so that a flood of distinct keys cannot grow memory forever.
        m_buckets.removeIf([&](const auto &it) {
            return it.value().inFlight == 0 && now - it.value().windowStart >= m_window;
        });
    }
    Bucket &b = m_buckets[key];
    expire(b, now);
    if (b.failures + b.inFlight >= m_maxFailures) {
        const qint64 waitMs = std::max<qint64>(1000, b.windowStart + m_window - now);
        return int((waitMs + 999) / 1000);
    }
    ++b.inFlight;
    return 0;
}

void RateLimiter::succeeded(const QString &key)
{
    auto it = m_buckets.find(key);
    if (it != m_buckets.end())
        it->inFlight = std::max(0, it->inFlight - 1);
}

void RateLimiter::failed(const QString &key, qint64 now)
{
    Bucket &b = m_buckets[key];
    b.inFlight = std::max(0, b.inFlight - 1);
    expire(b, now);
    ++b.failures;
}

int RateLimiter::failures(const QString &key, qint64 now)
{
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        return 0;
    expire(*it, now);
    return it->failures;
}

void RateLimiter::reserveAnyway(const QString &key)
{
    ++m_buckets[key].inFlight;
}

} // namespace server::auth
