#include "passwordhasher.h"

#include <QThread>
#include <algorithm>

namespace server::auth {

PasswordHasher::PasswordHasher(int maxRunning, int maxWaiting)
{
    const int running = maxRunning > 0 ? maxRunning : std::max(1, QThread::idealThreadCount());
    m_pool.setMaxThreadCount(running);
    m_pool.setObjectName(QStringLiteral("password-hasher"));
    m_maxPending = running + (maxWaiting >= 0 ? maxWaiting : 16 * running);
}

PasswordHasher::~PasswordHasher()
{
    m_pool.waitForDone();
}

} // namespace server::auth
