#pragma once

#include "ratelimiter.h"

#include <QMutex>
#include <QString>

namespace server::auth {

// How many failed sign-ins the server tolerates, and from whom.
struct SignInPolicy {
    int failuresPerLoginAndAddress = 5; // in `window`: one stranger locks only themselves
    int failuresPerLogin = 50;          // in `loginWindow`, from all addresses together
    int failuresPerAddress = 20;        // in `window`, staff logins and device codes
    qint64 window = 5 * 60 * 1000;
    qint64 loginWindow = 60 * 60 * 1000;
    int deviceCodeFailuresPerMinute = 120; // the whole server's budget of wrong codes
};

// The sign-in limits of staff logins and device codes. Every `reserve` either reserves
// an attempt (0) or says how many seconds to wait (429 with Retry-After); a reserved
// attempt ends with `succeeded` or `failed` under the same keys.
//
// Staff logins are locked per (login, address) first, so that a stranger's wrong
// passwords do not lock the staff member out from their own desk; only many failures
// for one login from many addresses lock the login itself, for a longer window.
//
// Device codes are guessed, so a per-code key says nothing: wrong codes are counted per
// address and against one budget for the whole server. When the budget is spent, codes
// are still checked for addresses that have not failed in the window, so a real user of
// a known code still signs in while an attacker's addresses are refused.
class SignInLimits
{
public:
    explicit SignInLimits(const SignInPolicy &policy);

    int reserveLogin(const QString &login, const QString &address, qint64 now);
    void loginSucceeded(const QString &login, const QString &address);
    void loginFailed(const QString &login, const QString &address, qint64 now);

    int reserveDeviceCode(const QString &address, qint64 now);
    void deviceCodeSucceeded(const QString &address);
    void deviceCodeFailed(const QString &address, qint64 now);

private:
    static QString loginKey(const QString &login);
    static QString pairKey(const QString &login, const QString &address);

    RateLimiter m_perPair;
    RateLimiter m_perLogin;
    RateLimiter m_perAddress;
    RateLimiter m_deviceCodes; // one key: the whole server
    QMutex m_mutex;            // the workers sign in at the same time
};

} // namespace server::auth
