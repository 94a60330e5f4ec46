#pragma once

#include <QObject>
#include <QString>
#include <functional>

namespace client {

// Session tokens in the OS keychain (qtkeychain), per server and login. Where no keychain
// is available (built without qtkeychain, or no secret service running) nothing is
// persisted: isAvailable() says so and the login dialog tells the user.
class CredentialStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)

public:
    explicit CredentialStore(QObject *parent = nullptr);
    // Compiled with qtkeychain (a running secret service is only known after a call).
    static bool isCompiledIn();
    // Calls back with the token (empty: none or no keychain).
    void readToken(const QString &server, const QString &login,
                   std::function<void(const QString &token, const QString &error)> done);
    void writeToken(const QString &server, const QString &login, const QString &token,
                    std::function<void(const QString &error)> done = {});
    void deleteToken(const QString &server, const QString &login);
};

} // namespace client
