#include "passwords.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QRandomGenerator>

namespace server::auth {

PasswordHash hashPassword(const QString &password)
{
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), 4);
    return hashPassword(password, salt, PasswordIterations);
}

PasswordHash hashPassword(const QString &password, const QByteArray &salt, int iterations)
{
    const QByteArray key = QPasswordDigestor::deriveKeyPbkdf2(
        QCryptographicHash::Sha256, password.toUtf8(), salt, iterations, 32);
    return {salt, key, iterations};
}

bool verifyPassword(const QString &password, const PasswordHash &stored)
{
    if (stored.salt.isEmpty() || stored.hash.isEmpty() || stored.iterations < 1)
        return false;
    const PasswordHash candidate = hashPassword(password, stored.salt, stored.iterations);
    return constantTimeEquals(candidate.hash, stored.hash);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace server::auth
