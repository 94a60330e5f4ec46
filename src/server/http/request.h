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
    QHostAddress peer;

    QByteArray header(const QByteArray &lowerCaseName) const
    {
        return headers.value(lowerCaseName);
    }
};

} // namespace server::http
