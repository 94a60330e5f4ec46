#pragma once

#include <QByteArray>

namespace server::auth {

// 256 random bits, base64url without padding (43 characters).
QByteArray generateToken();
// What is stored and looked up: SHA-256 of the token.
QByteArray hashToken(const QByteArray &token);
// 128 random bits as 32 lower-case hex characters (attachment ids, file names).
QByteArray randomHexId();

} // namespace server::auth
