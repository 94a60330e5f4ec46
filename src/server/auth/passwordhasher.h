#pragma once

#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <atomic>
#include <optional>

namespace server::auth {

// Runs password hashing off the thread that answers requests, on its own pool: at most
// `maxRunning` hashes at once (each Argon2id hash holds 64 MiB), at most `maxWaiting` more
// queued; beyond that run() refuses, and the caller answers 503 with Retry-After.
class PasswordHasher
{
public:
    static constexpr int MaxRunning = 8; // 512 MiB of Argon2id memory at most
    // 0 running: as many as the machine has cores, up to MaxRunning; -1 waiting: 16 per
    // running slot.
    explicit PasswordHasher(int maxRunning = 0, int maxWaiting = -1);
    ~PasswordHasher();
    Q_DISABLE_COPY_MOVE(PasswordHasher)

    template <typename Work> std::optional<QFuture<std::invoke_result_t<Work>>> run(Work work)
    {
        if (m_pending.fetch_add(1) >= m_maxPending) {
            m_pending.fetch_sub(1);
            return std::nullopt;
        }
        return QtConcurrent::run(&m_pool, [this, work = std::move(work)]() mutable {
            struct Done {
                std::atomic<int> &pending;
                ~Done() { pending.fetch_sub(1); }
            } done{m_pending};
            return work();
        });
    }
    int pending() const { return m_pending.load(); }
    int maxRunning() const { return m_pool.maxThreadCount(); }

private:
    std::atomic<int> m_pending{0};
    int m_maxPending = 0;
    QThreadPool m_pool; // last: waits for its jobs before the counter goes
};

} // namespace server::auth
