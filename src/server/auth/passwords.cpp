#include "passwords.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <sodium.h>

namespace server::auth {
namespace {

constexpr unsigned long long OpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t MemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

} // namespace

bool initialiseCrypto()
{
    return sodium_init() >= 0; // 1: already done, which is fine
}

PasswordHash hashPassword(const QString &password)
{
    if (!initialiseCrypto())
        return {};
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), quint64(utf8.size()), OpsLimit, MemLimit) != 0)
        return {};
    return {QByteArray(), QByteArray(out), 0};
}

PasswordHash hashPasswordPbkdf2(const QString &password, const QByteArray &salt, int iterations)
{
    const QByteArray key = QPasswordDigestor::deriveKeyPbkdf2(
        QCryptographicHash::Sha256, password.toUtf8(), salt, iterations, 32);
    return {salt, key, iterations};
}

bool verifyPassword(const QString &password, const PasswordHash &stored)
{
    if (stored.isArgon2id()) {
        if (!initialiseCrypto() || stored.hash.size() >= crypto_pwhash_STRBYTES)
            return false;
        const QByteArray utf8 = password.toUtf8();
        // The stored string is NUL-terminated by QByteArray.
        return crypto_pwhash_str_verify(stored.hash.constData(), utf8.constData(),
                                        quint64(utf8.size())) == 0;
    }
    if (stored.salt.isEmpty() || stored.hash.isEmpty() || stored.iterations < 1)
        return false;
    const PasswordHash candidate = hashPasswordPbkdf2(password, stored.salt, stored.iterations);
    return constantTimeEquals(candidate.hash, stored.hash);
}

bool needsRehash(const PasswordHash &stored)
{
    if (!stored.isArgon2id() || !initialiseCrypto())
        return true;
    return crypto_pwhash_str_needs_rehash(stored.hash.constData(), OpsLimit, MemLimit) != 0;
}

const PasswordHash &dummyHash()
{
    // Hashed once per process (thread-safe static), from a random password.
    static const PasswordHash dummy = [] {
        unsigned char random[24];
        initialiseCrypto();
        randombytes_buf(random, sizeof random);
        return hashPassword(QString::fromLatin1(
            QByteArray(reinterpret_cast<const char *>(random), sizeof random).toBase64()));
    }();
    return dummy;
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
