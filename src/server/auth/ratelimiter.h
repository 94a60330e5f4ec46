#pragma once

#include <QHash>
#include <QString>

namespace server::auth {

// Counts failed attempts per key (an account, an address) in a sliding window. An
// attempt is reserved before the (slow, asynchronous) check and counts as a failure
// until it succeeds, so that a parallel burst cannot slip past the limit.
class RateLimiter
{
public:
    RateLimiter(int maxFailures, qint64 windowMsecs);

    // 0 when an attempt may start now (and is reserved), else seconds to wait.
    int reserve(const QString &key, qint64 now);
    void succeeded(const QString &key);
    void failed(const QString &key, qint64 now);
    // Failures counted under `key` in its current window.
    int failures(const QString &key, qint64 now);
    // Reserves an attempt past the limit (the caller decided to let it through).
    void reserveAnyway(const QString &key);

private:
    struct Bucket {
        int failures = 0;
        int inFlight = 0;
        qint64 windowStart = 0;
    };
    void expire(Bucket &b, qint64 now) const;

    int m_maxFailures;
    qint64 m_window;
    QHash<QString, Bucket> m_buckets;
};

} // namespace server::auth
