#include "signinlimits.h"

using namespace Qt::StringLiterals;

namespace server::auth {
namespace {
const QString Everyone = u"device-codes"_s;
} // namespace

SignInLimits::SignInLimits(const SignInPolicy &policy)
    : m_perPair(policy.failuresPerLoginAndAddress, policy.window)
    , m_perLogin(policy.failuresPerLogin, policy.loginWindow)
    , m_perAddress(policy.failuresPerAddress, policy.window)
    , m_deviceCodes(policy.deviceCodeFailuresPerMinute, 60 * 1000)
{}

QString SignInLimits::loginKey(const QString &login)
{
    return u"login:"_s + login.toLower();
}

QString SignInLimits::pairKey(const QString &login, const QString &address)
{
    return loginKey(login) + u'|' + address;
}

int SignInLimits::reserveLogin(const QString &login, const QString &address, qint64 now)
{
    QMutexLocker lock(&m_mutex);
    if (int wait = m_perAddress.reserve(address, now))
        return wait;
    if (int wait = m_perPair.reserve(pairKey(login, address), now)) {
        m_perAddress.succeeded(address);
        return wait;
    }
    if (int wait = m_perLogin.reserve(loginKey(login), now)) {
        m_perAddress.succeeded(address);
        m_perPair.succeeded(pairKey(login, address));
        return wait;
    }
    return 0;
}

void SignInLimits::loginSucceeded(const QString &login, const QString &address)
{
    QMutexLocker lock(&m_mutex);
    m_perAddress.succeeded(address);
    m_perPair.succeeded(pairKey(login, address));
    m_perLogin.succeeded(loginKey(login));
}

void SignInLimits::loginFailed(const QString &login, const QString &address, qint64 now)
{
    QMutexLocker lock(&m_mutex);
    m_perAddress.failed(address, now);
    m_perPair.failed(pairKey(login, address), now);
    m_perLogin.failed(loginKey(login), now);
}

int SignInLimits::reserveDeviceCode(const QString &address, qint64 now)
{
    QMutexLocker lock(&m_mutex);
    if (int wait = m_perAddress.reserve(address, now))
        return wait;
    if (int wait = m_deviceCodes.reserve(Everyone, now)) {
        // The budget is spent: only an address with no failure in the window still gets
        // its code checked (and loses that privilege with its first wrong code).
        if (m_perAddress.failures(address, now) > 0) {
            m_perAddress.succeeded(address);
            return wait;
        }
        m_deviceCodes.reserveAnyway(Everyone);
    }
    return 0;
}

void SignInLimits::deviceCodeSucceeded(const QString &address)
{
    QMutexLocker lock(&m_mutex);
    m_perAddress.succeeded(address);
    m_deviceCodes.succeeded(Everyone);
}

void SignInLimits::deviceCodeFailed(const QString &address, qint64 now)
{
    QMutexLocker lock(&m_mutex);
    m_perAddress.failed(address, now);
    m_deviceCodes.failed(Everyone, now);
}

} // namespace server::auth
