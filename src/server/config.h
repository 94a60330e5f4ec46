#pragma once

#include "auth/signinlimits.h"
#include "databaseurl.h"
#include "http/clientaddress.h"
#include "ops/opsconfig.h"

#include <QHostAddress>
#include <QString>
#include <optional>

namespace server {

struct ServerConfig {
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8080;
    QString dataDir;
    // --database: SQLite in the data folder unless told otherwise; a PostgreSQL
    // password only from this file (first line), PGPASSWORD or ~/.pgpass.
    DatabaseUrl database;
    QString databasePasswordFile;
    qint64 maxUploadBytes = 25 * 1024 * 1024;
    qint64 maxJsonBytes = 1024 * 1024;
    // Files a code user may have uploaded that no message carries yet (a quota against
    // filling the disk through one sign-in).
    int maxUnpostedUploads = 50;
    // Code users who never wrote anything are forgotten this long after their token
    // went (expiry or sign-out); expired tokens go at once.
    qint64 pruneEveryMsecs = 60LL * 60 * 1000;
    qint64 idleCodeUserMsecs = 24LL * 3600 * 1000;
    qint64 staffTokenMsecs = 12LL * 3600 * 1000;
    qint64 codeUserTokenMsecs = 30LL * 24 * 3600 * 1000;
    auth::SignInPolicy signIn;
    int eventRetention = 100000; // events kept for resume by `since`
    // The HTTP front (see http::Limits for what each bounds).
    int headerTimeoutMsecs = 10000;
    int idleTimeoutMsecs = 60000;
    qint64 minBodyBytesPerSecond = 1024;
    int maxConnections = 4096;
    int maxConnectionsPerAddress = 256;
    // Threads that answer requests, each with its own database connection (0: one per
    // core, QThread::idealThreadCount()).
    int workers = 0;
    qint64 webSocketQueueBytes = 1024 * 1024;
    qint64 maxWebSocketMessageBytes = 64 * 1024;
    int maxStreamsPerToken = 8;
    int presenceFramesPerSecond = 10;
    // IANA id of the zone whose days, weeks (from Monday) and months the rating
    // statistics count.
    QByteArray timeZone = QByteArrayLiteral("Europe/Berlin");
    // Reverse proxies whose X-Forwarded-For names the client for rate limits and the
    // access log (--trusted-proxy); empty: the TCP peer is the client.
    http::TrustedProxies trustedProxies;
    ops::OpsConfig ops; // access log and metrics (cli/options.cpp reads them)
};

// "25M", "512K", "1G" or plain bytes.
std::optional<qint64> parseByteSize(const QString &text);
// "127.0.0.1:8080", "[::1]:0", ":8080" (loopback), "0.0.0.0:80".
bool parseListen(const QString &text, QHostAddress *address, quint16 *port);

} // namespace server
