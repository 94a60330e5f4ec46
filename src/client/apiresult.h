#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

namespace client {

// What went wrong with a request, in terms a window can show.
struct ApiError {
    enum class Kind {
        None,     // success
        Network,  // no answer: refused, reset, host not found
        Timeout,  // no answer in time
        Http,     // the server answered with an error status (code/message from its body)
        Parse,    // a 2xx answer that was not the JSON expected
        Canceled, // aborted by the caller
        Local,    // a local problem before sending (file unreadable, ...)
    };
    Kind kind = Kind::None;
    int status = 0;  // HTTP status, 0 when there was no answer
    QString code;    // the server's machine code ("stale_version", ...) or "network"/"timeout"
    QString message; // human text in the user's language (errortext.h), else the server's
    QString detail;  // the server's own words (English), for a tooltip or a log
    QString field;   // the offending field, when the server names one

    bool isNone() const { return kind == Kind::None; }
    // Worth sending again later, unchanged (no answer, 5xx, 429).
    bool isTransient() const;
};

// The outcome of one request.
struct ApiResult {
    int status = 0;
    QByteArray body;
    QJsonValue json; // the parsed body, when it was JSON
    QList<QPair<QByteArray, QByteArray>> headers;
    ApiError error;

    bool ok() const { return error.isNone(); }
    QJsonObject object() const { return json.toObject(); }
    QJsonArray items() const { return object().value(QLatin1String("items")).toArray(); }
    QByteArray header(const QByteArray &name) const; // case-insensitive
    // The ticket version from `ETag: "<version>"`, or -1.
    qint64 etagVersion() const;
};

} // namespace client

Q_DECLARE_METATYPE(client::ApiResult)
Q_DECLARE_METATYPE(client::ApiError)
