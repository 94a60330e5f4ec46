#pragma once

// Internal to src/server/http: Boost.Beast and Asio. Include only from this folder's .cpp
// files (one such translation unit takes some 15 s to compile), never from a header.

#include "httpserver.h"
#include "tlsinternal.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>

namespace server::http::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
template <class T> using awaitable = asio::awaitable<T>;
inline constexpr auto nothrow = asio::as_tuple(asio::use_awaitable);
using HeadParser = bhttp::request_parser<bhttp::empty_body>;
// The two kinds of connection, one code path (templates on the stream type).
using PlainStream = beast::tcp_stream;
using TlsStream = asio::ssl::stream<beast::tcp_stream>;

// --- parse.cpp: the conversion and the checks, shared by parseRequest and the live path.

// The Request of a parsed head (no body yet).
Request toRequest(const bhttp::request<bhttp::empty_body> &head, const QHostAddress &peer);
// Refusals from the head alone: request line too long (414), too many fields (431), an
// Upgrade without `Connection: upgrade` (400), a declared body over `bodyLimit` (413).
std::optional<Response> checkHead(const HeadParser &parser, const Limits &limits, qint64 bodyLimit);
// The answer to a parse error: for the head limit 414 while the request line is not
// complete yet, 431 after it; 413 for the body limit; 400 otherwise.
Response refusalFor(const beast::error_code &ec, const Limits &limits, bool startLineParsed,
                    qint64 bodyLimit);
bool isWebSocketUpgrade(const bhttp::request<bhttp::empty_body> &head);
Response tooLarge(qint64 limit);
Response badRequest(const QString &message);

// --- httpserver.cpp

struct Front {
    Limits limits;
    HttpServer *server = nullptr; // on the Qt thread; outlives the I/O thread
    std::weak_ptr<asio::io_context> ioc;
    int maxConnections = 0; // Limits::maxConnections bounded by the fd limit
    // I/O thread only:
    std::shared_ptr<TlsContext> tls; // for new connections; nullptr: plain HTTP
    int connections = 0;
    // Counted by the TCP peer, never by X-Forwarded-For (Request::client): behind a trusted
    // proxy all clients share its connections, and the header is only read after accept.
    std::unordered_map<std::string, int> perAddress;
};

// Runs `fn` on the thread of `target` (queued), unless target is gone by then.
void postToQt(QObject *target, std::function<void()> fn);

// --- session.cpp: one HTTP connection, from accept to close (WebSocket included), over
// TLS when Front::tls is set at accept time (the handshake counts in the header timeout).
// `address` is the peer's, as counted in Front::perAddress (released when the session ends).
awaitable<void> runSession(std::shared_ptr<Front> front, tcp::socket socket, std::string address);

// --- websocket.cpp (instantiated for PlainStream and TlsStream)
template <class Stream>
std::shared_ptr<WebSocketTransport> makeWebSocketTransport(const std::shared_ptr<Front> &front);
// Completes the handshake on `stream` and runs the connection until it closes.
template <class Stream>
awaitable<void> runWebSocket(std::shared_ptr<Front> front, Stream stream,
                             bhttp::request<bhttp::empty_body> request,
                             std::shared_ptr<WebSocketTransport> transport);

} // namespace server::http::detail
