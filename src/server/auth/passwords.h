#pragma once

#include <QByteArray>
#include <QString>

namespace server::auth {

// Staff passwords are stored as libsodium Argon2id strings ("$argon2id$v=19$m=...,t=...,p=1$
// salt$hash": the parameters and salt travel inside) in staff.password_hash, with an empty
// password_salt and password_iterations 0. Hashes from before (PBKDF2-HMAC-SHA256 with a
// 16-byte salt and 100,000 iterations) still verify and are replaced at the next sign-in.
inline constexpr int LegacyPbkdf2Iterations = 100000;

struct PasswordHash {
    QByteArray salt;    // PBKDF2 only: 16 random bytes; empty for Argon2id
    QByteArray hash;    // PBKDF2: 32 bytes; Argon2id: the libsodium string
    int iterations = 0; // PBKDF2 only

    bool isArgon2id() const { return hash.startsWith("$argon2id$"); }
};

// Initialises libsodium (idempotent, thread-safe); false when it cannot.
bool initialiseCrypto();

// A new Argon2id hash (OPSLIMIT/MEMLIMIT_INTERACTIVE: 64 MiB, about 0.1 s). Empty `hash`
// when out of memory. Slow: never on the thread that answers requests.
PasswordHash hashPassword(const QString &password);
// PBKDF2 as stored before Argon2id (kept to verify old hashes and for tests).
PasswordHash hashPasswordPbkdf2(const QString &password, const QByteArray &salt, int iterations);
bool verifyPassword(const QString &password, const PasswordHash &stored);
// True when the stored hash is not Argon2id with today's parameters.
bool needsRehash(const PasswordHash &stored);
// A valid Argon2id hash no password matches in practice: unknown logins cost as much as
// known ones.
const PasswordHash &dummyHash();

// Compares in time independent of where the inputs differ.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace server::auth
