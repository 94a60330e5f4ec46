#pragma once

#include <QString>

class QObject;

namespace server {
namespace http {
class HttpServer;
}

// --tls-cert FILE --tls-key FILE (both or neither): serve HTTPS and WSS with that pair, and
// read the files again on SIGHUP for the connections accepted after it (the open ones keep
// theirs; a pair that no longer loads keeps the old one and says why on standard error).
// False with `error` set when only one is given or the pair does not load. `owner` (the
// application) owns the SIGHUP watcher. Call before listening.
bool setUpTls(const QString &certFile, const QString &keyFile, http::HttpServer &http,
              QObject *owner, QString *error);

} // namespace server
