#include "response.h"

#include "responder.h"

#include <atomic>

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace server::http {

Response Response::json(int status, const QJsonObject &object)
{
    Response r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

Response Response::noContent()
{
    Response r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

Response Response::error(int status, const QString &code, const QString &message,
                         const QString &field)
{
    QJsonObject e{{u"code"_s, code}, {u"message"_s, message}};
    if (!field.isEmpty())
        e.insert(u"field"_s, field);
    return json(status, QJsonObject{{u"error"_s, e}});
}

Response Response::problem(const core::ApiProblem &p)
{
    return error(p.httpStatus, p.code, p.message, p.field);
}

Response Response::notFound()
{
    return error(404, u"not_found"_s, u"There is nothing here, or you may not see it."_s);
}

Response Response::tooLarge(const QString &message, qint64 maxBytes)
{
    return json(413, QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, u"too_large"_s},
                                                          {u"message"_s, message},
                                                          {u"maxBytes"_s, maxBytes}}}});
}

Response Response::internalError()
{
    return error(500, u"internal"_s, u"The server could not complete the request."_s);
}

Response &Response::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

Response &Response::withDefaultHeader(const QByteArray &name, const QByteArray &value)
{
    for (const auto &[present, _] : std::as_const(headers)) {
        if (present.compare(name, Qt::CaseInsensitive) == 0)
            return *this;
    }
    return withHeader(name, value);
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Payload Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Entity";
    case 426:
        return "Upgrade Required";
    case 428:
        return "Precondition Required";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace server::http

namespace server::http {

struct Responder::State {
    std::shared_ptr<ResponseSink> sink;
    std::atomic<bool> sent{false};

    ~State()
    {
        if (sink && !sent.exchange(true))
            sink->deliver(Response::internalError());
    }
};

Responder::Responder(std::shared_ptr<ResponseSink> sink)
    : m_state(std::make_shared<State>())
{
    m_state->sink = std::move(sink);
}

void Responder::send(const Response &response) const
{
    if (!m_state->sent.exchange(true))
        m_state->sink->deliver(response);
}

namespace {

class DefaultHeaderSink final : public ResponseSink
{
public:
    DefaultHeaderSink(Responder inner, QList<QPair<QByteArray, QByteArray>> headers)
        : m_inner(std::move(inner))
        , m_headers(std::move(headers))
    {}
    void deliver(Response response) override
    {
        for (const auto &[name, value] : std::as_const(m_headers))
            response.withDefaultHeader(name, value);
        m_inner.send(response);
    }

private:
    Responder m_inner;
    QList<QPair<QByteArray, QByteArray>> m_headers;
};

} // namespace

Responder withDefaultHeaders(const Responder &inner, QList<QPair<QByteArray, QByteArray>> headers)
{
    return Responder(std::make_shared<DefaultHeaderSink>(inner, std::move(headers)));
}

std::shared_ptr<WebSocketTransport> Responder::acceptWebSocket() const
{
    if (m_state->sent.exchange(true))
        return {};
    return m_state->sink->acceptWebSocket();
}

} // namespace server::http
