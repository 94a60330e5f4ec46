#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace server::http {

// An HTTP request as the API sees it: header names lower-case, the path split into
// decoded segments.
struct Request {
    QByteArray method; // "GET", "POST", ...
    QString path;
    QStringList segments;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
    // A streamed body (uploads): the front wrote it to this file, bodyFileSize bytes, and
    // removes it after the answer unless the route moved it elsewhere. `body` is empty then.
    QString bodyFile;
    qint64 bodyFileSize = 0;
    QHostAddress peer; // the TCP peer
    // Who sent the request: the peer, or the client a trusted proxy forwarded for
    // (X-Forwarded-For, see clientaddress.h). Rate limits and the access log use this.
    QHostAddress client;

    QByteArray header(const QByteArray &lowerCaseName) const
    {
        return headers.value(lowerCaseName);
    }
    bool hasBodyFile() const { return !bodyFile.isEmpty(); }
    qint64 bodySize() const { return hasBodyFile() ? bodyFileSize : body.size(); }
};

} // namespace server::http
