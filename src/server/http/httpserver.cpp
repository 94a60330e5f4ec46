#include "httpserver.h"

#include <QHttpServerRequest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace server::http {
namespace {

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

} // namespace

Request toRequest(const QHttpServerRequest &request)
{
    Request r;
    r.method = methodName(request.method());
    const QUrl url = request.url();
    r.path = url.path(QUrl::FullyDecoded);
    const QString encoded = url.path(QUrl::FullyEncoded);
    for (const QString &part : encoded.split(u'/', Qt::SkipEmptyParts))
        r.segments.append(QUrl::fromPercentEncoding(part.toLatin1()));
    r.query = QUrlQuery(url);
    for (const auto &[name, value] : request.headers())
        r.headers.insert(name.toLower(), value);
    r.body = request.body();
    r.peer = request.remoteAddress();
    return r;
}

Responder::Responder(QTcpSocket *socket, bool keepAlive)
    : m_socket(socket)
    , m_keepAlive(keepAlive)
    , m_sent(std::make_shared<bool>(false))
{}

void Responder::send(const Response &response) const
{
    if (*m_sent || !m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    *m_sent = true;
    QByteArray head;
    head.reserve(256 + response.body.size());
    head += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
            reasonPhrase(response.status) + "\r\n";
    if (!response.contentType.isEmpty())
        head += "Content-Type: " + response.contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    if (!m_keepAlive)
        head += "Connection: close\r\n";
    head += "\r\n";
    head += response.body;
    m_socket->write(head);
    if (!m_keepAlive)
        m_socket->disconnectFromHost();
}

HttpServer::HttpServer(QObject *parent)
    : QAbstractHttpServer(parent)
{}

HttpServer::~HttpServer() = default;

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Request r = toRequest(request);
    const bool keepAlive = r.header("connection").toLower() != "close";
    if (r.header("upgrade").toLower() == "websocket") {
        std::optional<Response> refusal =
            m_upgradeCheck ? m_upgradeCheck(r) : std::optional<Response>(Response::notFound());
        if (!refusal)
            return true; // QAbstractHttpServer hands the socket to the WebSocket server
        Responder(socket, false).send(*refusal);
        m_alreadyAnswered = socket;
        return false;
    }
    if (m_handler)
        m_handler(r, Responder(socket, keepAlive));
    else
        Responder(socket, keepAlive).send(Response::notFound());
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    if (std::exchange(m_alreadyAnswered, nullptr) == socket)
        return;
    Responder(socket, false).send(Response::notFound());
    Q_UNUSED(request);
}

} // namespace server::http
