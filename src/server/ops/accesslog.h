#pragma once

#include "opsconfig.h"

#include <QByteArray>
#include <QHostAddress>
#include <QMutex>
#include <QString>
#include <cstdio>

namespace server::ops {

// What the access log says of one request: never the concrete path, query, headers,
// tokens or bodies.
struct AccessRecord {
    qint64 time = 0; // when the request came in, ms since the epoch (UTC)
    QHostAddress client;
    QByteArray method;
    QString route; // the route template, e.g. /api/v1/tickets/{id}; "-" when none matched
    int status = 0;
    double msecs = 0;
    QString user; // "staff:3", "code_user:7"; empty when not signed in
};

// One line per request on standard error (the journal takes it from there).
// text: 2026-12-07T10:49:53.123Z 127.0.0.1 GET /api/v1/tickets/{id} 200 3.1ms staff:3
// json: {"time":"...","client":"...","method":"...","route":"...","status":200,"ms":3.1,
//        "user":"staff:3"} (user null when not signed in). Thread-safe.
class AccessLog
{
public:
    explicit AccessLog(LogFormat format, std::FILE *out = stderr);
    bool enabled() const { return m_format != LogFormat::Off; }
    void write(const AccessRecord &record);
    static QByteArray formatLine(const AccessRecord &record, LogFormat format);

private:
    LogFormat m_format;
    std::FILE *m_out;
    QMutex m_mutex;
};

} // namespace server::ops
