#pragma once

#include <QString>
#include <memory>

namespace server::http {

// A server certificate with its private key, ready for new TLS connections (an OpenSSL
// context; the type is complete only inside src/server/http). Immutable once loaded: a
// reload makes a new one, and the connections opened with the old one keep it.
class TlsContext;

// Reads a PEM certificate chain and its private key; TLS 1.2 and 1.3 only. nullptr with
// `error` set when a file cannot be read or parsed, or the key does not match the
// certificate.
std::shared_ptr<TlsContext> loadTlsContext(const QString &certFile, const QString &keyFile,
                                           QString *error);

} // namespace server::http
