#pragma once

#include <QByteArray>
#include <QString>

namespace server::auth {

// PBKDF2-HMAC-SHA256 through QPasswordDigestor with a per-user random salt.
inline constexpr int PasswordIterations = 100000;

struct PasswordHash {
    QByteArray salt; // 16 random bytes
    QByteArray hash; // 32 bytes
    int iterations = PasswordIterations;
};

PasswordHash hashPassword(const QString &password);
PasswordHash hashPassword(const QString &password, const QByteArray &salt, int iterations);
bool verifyPassword(const QString &password, const PasswordHash &stored);

// Compares in time independent of where the inputs differ.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace server::auth
