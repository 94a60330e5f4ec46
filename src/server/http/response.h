#pragma once

#include "core/validation.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace server::http {

struct Response {
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;
    // When set, the body is this file's content, streamed by the front in chunks as fast as
    // the client takes them (never read into memory); `body` is ignored then.
    QString filePath;

    static Response json(int status, const QJsonObject &object);
    static Response noContent();
    // The contract's error body. Messages are fixed texts: never SQL, paths or traces.
    static Response error(int status, const QString &code, const QString &message,
                          const QString &field = {});
    static Response problem(const core::ApiProblem &problem);
    static Response notFound();
    // 413 with the limit as `maxBytes`, so that clients can say it in their language.
    static Response tooLarge(const QString &message, qint64 maxBytes);
    static Response internalError();

    Response &withHeader(const QByteArray &name, const QByteArray &value);
    // Adds the header unless one of that name (in any case) is there already.
    Response &withDefaultHeader(const QByteArray &name, const QByteArray &value);
    bool isSuccess() const { return status >= 200 && status < 300; }
};

QByteArray reasonPhrase(int status);

} // namespace server::http
