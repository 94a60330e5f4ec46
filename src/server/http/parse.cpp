// Beast's parsed head → Request, and the refusals the front answers before any route runs.
#include "parse.h"
#include "beastfront.h"

#include <QUrl>
#include <boost/beast/websocket/rfc6455.hpp>
#include <limits>

using namespace Qt::StringLiterals;

namespace server::http {
namespace detail {
namespace {

QByteArray bytes(beast::string_view s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

bool containsToken(beast::string_view value, beast::string_view token)
{
    for (auto t : bhttp::token_list(value)) {
        if (beast::iequals(t, token))
            return true;
    }
    return false;
}

} // namespace

bool isWebSocketUpgrade(const bhttp::request<bhttp::empty_body> &head)
{
    return beast::websocket::is_upgrade(head);
}

Response tooLarge(qint64 limit)
{
    return Response::tooLarge(u"The request body is too large (%1 bytes at most)."_s.arg(limit),
                              limit);
}

Response badRequest(const QString &message)
{
    return Response::error(400, u"bad_request"_s, message);
}

Request toRequest(const bhttp::request<bhttp::empty_body> &head, const QHostAddress &peer)
{
    Request r;
    r.method = head.method() == bhttp::verb::unknown ? bytes(head.method_string())
                                                     : bytes(bhttp::to_string(head.method()));
    QByteArray target = bytes(head.target());
    QUrl url;
    if (target.startsWith('/')) {
        const qsizetype q = target.indexOf('?');
        url.setPath(QString::fromUtf8(target.left(q < 0 ? target.size() : q)), QUrl::TolerantMode);
        if (q >= 0)
            url.setQuery(QString::fromUtf8(target.mid(q + 1)));
    } else {
        url = QUrl::fromEncoded(target); // absolute form (or nonsense: no segments then)
    }
    r.path = url.path(QUrl::FullyDecoded);
    const QString encoded = url.path(QUrl::FullyEncoded);
    for (const QString &part : encoded.split(u'/', Qt::SkipEmptyParts))
        r.segments.append(QUrl::fromPercentEncoding(part.toLatin1()));
    r.query = QUrlQuery(url);
    for (const auto &field : head) {
        const QByteArray name = bytes(field.name_string()).toLower();
        // X-Forwarded-For is a list that each proxy may extend with a field of its own:
        // keep every one, in order (RFC 9110 5.3), not only the last.
        if (name == "x-forwarded-for" && r.headers.contains(name))
            r.headers[name] += ", " + bytes(field.value());
        else
            r.headers.insert(name, bytes(field.value()));
    }
    r.peer = peer;
    r.client = peer;
    return r;
}

std::optional<Response> checkHead(const HeadParser &parser, const Limits &limits, qint64 bodyLimit)
{
    const auto &head = parser.get();
    if (qint64(head.target().size()) > limits.maxRequestLineBytes)
        return Response::error(
            414, u"uri_too_long"_s,
            u"The request line is too long (%1 bytes at most)."_s.arg(limits.maxRequestLineBytes));
    if (std::distance(head.begin(), head.end()) > limits.maxHeaderFields)
        return Response::error(
            431, u"headers_too_large"_s,
            u"Too many header fields (%1 at most)."_s.arg(limits.maxHeaderFields));
    const auto upgrade = head.find(bhttp::field::upgrade);
    if (upgrade != head.end() && containsToken(upgrade->value(), "websocket") &&
        !beast::websocket::is_upgrade(head))
        return badRequest(u"A WebSocket upgrade needs GET, HTTP/1.1 and Connection: upgrade."_s);
    // RFC 9112 6.3: a request body framed by anything but a final `chunked` has no
    // reliable length.
    if (head.find(bhttp::field::transfer_encoding) != head.end() && !parser.chunked())
        return badRequest(u"Transfer-Encoding must end with chunked."_s);
    const auto length = parser.content_length();
    if (length && *length > quint64(bodyLimit))
        return tooLarge(bodyLimit);
    return std::nullopt;
}

Response refusalFor(const beast::error_code &ec, const Limits &limits, bool startLineParsed,
                    qint64 bodyLimit)
{
    if (ec == bhttp::error::header_limit) {
        if (!startLineParsed)
            return Response::error(414, u"uri_too_long"_s,
                                   u"The request line is too long (%1 bytes at most)."_s.arg(
                                       limits.maxRequestLineBytes));
        return Response::error(
            431, u"headers_too_large"_s,
            u"The request header is too large (%1 bytes at most)."_s.arg(limits.maxHeaderBytes));
    }
    if (ec == bhttp::error::body_limit)
        return tooLarge(bodyLimit);
    return badRequest(u"The request is malformed."_s);
}

} // namespace detail

std::variant<Request, Response> parseRequest(QByteArrayView raw, const Limits &limits)
{
    using namespace detail;
    HeadParser head;
    head.header_limit(std::uint32_t(limits.maxHeaderBytes));
    head.body_limit(std::numeric_limits<std::uint64_t>::max()); // checked per route below
    beast::error_code ec;
    std::size_t used = head.put(asio::const_buffer(raw.data(), std::size_t(raw.size())), ec);
    if (ec == bhttp::error::need_more && raw.size() > limits.maxHeaderBytes)
        ec = bhttp::error::header_limit;
    if (ec == bhttp::error::need_more)
        return badRequest(u"The request head is incomplete."_s);
    if (ec)
        return refusalFor(ec, limits, !head.get().target().empty(), limits.maxJsonBytes);
    Request request = toRequest(head.get(), QHostAddress());
    const qint64 bodyLimit = limits.bodyLimitFor(request);
    if (auto refusal = checkHead(head, limits, bodyLimit))
        return *refusal;
    if (head.is_done())
        return request;
    bhttp::request_parser<bhttp::string_body> body(std::move(head));
    body.body_limit(std::uint64_t(bodyLimit));
    while (!body.is_done() && used < std::size_t(raw.size())) {
        const std::size_t n =
            body.put(asio::const_buffer(raw.data() + used, std::size_t(raw.size()) - used), ec);
        if (ec == bhttp::error::need_more)
            break;
        if (ec)
            return refusalFor(ec, limits, true, bodyLimit);
        if (n == 0)
            break;
        used += n;
    }
    if (!body.is_done())
        return badRequest(u"The request body is incomplete."_s);
    const std::string &b = body.get().body();
    request.body = QByteArray(b.data(), qsizetype(b.size()));
    return request;
}

} // namespace server::http
