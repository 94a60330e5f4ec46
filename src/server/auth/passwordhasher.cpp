#include "passwordhasher.h"

#include <QThread>
#include <algorithm>

namespace server::auth {

PasswordHasher::PasswordHasher(int maxRunning, int maxWaiting)
{
    // One per core, but no more than MaxRunning: each holds 64 MiB while it runs.
    const int running =
        maxRunning > 0 ? maxRunning : std::clamp(QThread::idealThreadCount(), 1, MaxRunning);
    m_pool.setMaxThreadCount(running);
    m_pool.setObjectName(QStringLiteral("password-hasher"));
    m_maxPending = running + (maxWaiting >= 0 ? maxWaiting : 16 * running);
}

PasswordHasher::~PasswordHasher()
{
    m_pool.waitForDone();
}

} // namespace server::auth
