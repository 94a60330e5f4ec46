#pragma once

#include <QHostAddress>

namespace server::ops {

// How each request is logged on standard error (the journal takes it from there).
enum class LogFormat { Text, Json, Off };

// The operator's view of a running server: the access log and the metrics listener.
struct OpsConfig {
    LogFormat logFormat = LogFormat::Text;
    bool metrics = false; // GET /metrics on its own listener, off unless asked for
    QHostAddress metricsAddress = QHostAddress::LocalHost;
    quint16 metricsPort = 0;
    // Password hashes waiting for a worker beyond the running ones (-1: 16 per core);
    // more sign-ins at once are answered 503.
    int passwordHashQueue = -1;
};

} // namespace server::ops
