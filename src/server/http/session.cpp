// One HTTP/1.1 connection on the I/O thread: read a head within the limits, read or stream
// its body, hand the request to the Qt thread, write the answer, and again. One request at
// a time, so pipelined requests are answered in order and a client that does not read its
// answers stops being read.
#include "beastfront.h"

#include <QRandomGenerator>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <fcntl.h>
#include <sys/stat.h>
#include <type_traits>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace server::http::detail {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;
constexpr std::size_t FileChunk = 64 * 1024;

// Releases the connection's place in the caps.
struct Slot {
    std::shared_ptr<Front> front;
    std::string address;
    ~Slot()
    {
        --front->connections;
        auto it = front->perAddress.find(address);
        if (it != front->perAddress.end() && --it->second <= 0)
            front->perAddress.erase(it);
    }
};

// What the Qt side answered; the connection waits on `signal`.
struct Pending {
    explicit Pending(const asio::any_io_executor &executor)
        : signal(executor, asio::steady_timer::time_point::max())
    {}
    std::optional<Response> response;
    std::shared_ptr<WebSocketTransport> webSocket;
    asio::steady_timer signal;
};

template <class Stream> class Sink final : public ResponseSink
{
public:
    Sink(std::weak_ptr<Pending> pending, std::shared_ptr<Front> front)
        : m_pending(std::move(pending))
        , m_front(std::move(front))
    {}

    void deliver(Response response) override
    {
        if (auto ioc = m_front->ioc.lock()) {
            asio::post(*ioc, [p = m_pending, r = std::move(response)]() mutable {
                if (auto pending = p.lock()) {
                    pending->response = std::move(r);
                    pending->signal.cancel();
                }
            });
        }
    }

    std::shared_ptr<WebSocketTransport> acceptWebSocket() override
    {
        auto ioc = m_front->ioc.lock();
        if (!ioc)
            return {};
        auto transport = makeWebSocketTransport<Stream>(m_front);
        asio::post(*ioc, [p = m_pending, transport] {
            if (auto pending = p.lock()) {
                pending->webSocket = transport;
                pending->signal.cancel();
            }
        });
        return transport;
    }

private:
    std::weak_ptr<Pending> m_pending;
    std::shared_ptr<Front> m_front;
};

awaitable<void> waitForAnswer(Pending &pending)
{
    while (!pending.response && !pending.webSocket) {
        pending.signal.expires_at(asio::steady_timer::time_point::max());
        co_await pending.signal.async_wait(nothrow);
    }
}

std::string headOf(const Response &r, qint64 length, bool keepAlive)
{
    std::string head;
    head.reserve(256);
    head += "HTTP/1.1 " + std::to_string(r.status) + ' ' + reasonPhrase(r.status).toStdString() +
            "\r\n";
    if (!r.contentType.isEmpty())
        head += "Content-Type: " + r.contentType.toStdString() + "\r\n";
    head += "Content-Length: " + std::to_string(length) + "\r\n";
    for (const auto &[name, value] : r.headers)
        head += name.toStdString() + ": " + value.toStdString() + "\r\n";
    if (!keepAlive)
        head += "Connection: close\r\n";
    head += "\r\n";
    return head;
}

struct Fd {
    int fd = -1;
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

// Writes the answer; a file body goes out in chunks, each read only when the previous one
// was taken. False when the connection is no longer usable.
template <class Stream>
awaitable<bool> writeResponse(Stream &stream, const Response &r, bool keepAlive, bool headOnly,
                              const Limits &limits)
{
    beast::tcp_stream &lowest = beast::get_lowest_layer(stream);
    const auto idle = milliseconds(limits.idleTimeoutMsecs);
    if (!r.filePath.isEmpty()) {
        Fd file{::open(r.filePath.toLocal8Bit().constData(), O_RDONLY | O_CLOEXEC)};
        struct stat st {};
        if (file.fd < 0 || ::fstat(file.fd, &st) != 0) {
            const Response failed = Response::internalError(); // named: see runSession
            co_return co_await writeResponse(stream, failed, keepAlive, headOnly, limits);
        }
        const std::string head = headOf(r, st.st_size, keepAlive);
        lowest.expires_after(idle);
        auto [ec, n] = co_await asio::async_write(stream, asio::buffer(head), nothrow);
        if (ec)
            co_return false;
        if (headOnly)
            co_return true;
        std::vector<char> chunk(FileChunk);
        for (qint64 left = st.st_size; left > 0;) {
            const ssize_t got =
                ::read(file.fd, chunk.data(), std::size_t(std::min<qint64>(left, FileChunk)));
            if (got <= 0)
                co_return false; // the file shrank: the length is a lie now, so close
            lowest.expires_after(idle);
            auto [wec, written] =
                co_await asio::async_write(stream, asio::buffer(chunk.data(), got), nothrow);
            if (wec)
                co_return false;
            left -= got;
        }
        co_return true;
    }
    const std::string head = headOf(r, r.body.size(), keepAlive);
    const std::array<asio::const_buffer, 2> buffers{
        asio::buffer(head),
        asio::buffer(r.body.constData(), headOnly ? 0 : std::size_t(r.body.size()))};
    lowest.expires_after(idle);
    auto [ec, n] = co_await asio::async_write(stream, buffers, nothrow);
    co_return !ec;
}

// Answers and closes. What the client still sends is read and dropped for a moment, so
// that the answer is not lost to a reset (RFC 9112, 9.6).
template <class Stream>
awaitable<void> refuse(Stream &stream, const Response &r, const Limits &limits)
{
    beast::tcp_stream &lowest = beast::get_lowest_layer(stream);
    if (!co_await writeResponse(stream, r, false, false, limits))
        co_return;
    beast::error_code ec;
    lowest.socket().shutdown(tcp::socket::shutdown_send, ec);
    std::array<char, 16 * 1024> sink{};
    const auto until = Clock::now() + milliseconds(std::min(limits.headerTimeoutMsecs, 2000));
    for (std::size_t drained = 0; drained < 4 * 1024 * 1024 && Clock::now() < until;) {
        lowest.expires_at(until);
        auto [rec, n] = co_await stream.async_read_some(asio::buffer(sink), nothrow);
        if (rec)
            break;
        drained += n;
    }
    lowest.close();
}

// Reads the rest of the body into the parser, cutting a sender that stalls or stays under
// the minimum rate.
template <class Stream, class Parser>
awaitable<beast::error_code> readBody(Stream &stream, beast::flat_buffer &buffer, Parser &parser,
                                      const Limits &limits)
{
    beast::tcp_stream &lowest = beast::get_lowest_layer(stream);
    const auto start = Clock::now();
    const auto grace = milliseconds(limits.headerTimeoutMsecs);
    std::uint64_t received = 0;
    while (!parser.is_done()) {
        lowest.expires_after(grace);
        auto [ec, n] = co_await bhttp::async_read_some(stream, buffer, parser, nothrow);
        if (ec)
            co_return ec;
        received += n;
        const auto elapsed = Clock::now() - start;
        const double seconds = std::chrono::duration<double>(elapsed).count();
        if (elapsed > grace && double(received) < double(limits.minBodyBytesPerSecond) * seconds)
            co_return beast::error::timeout;
    }
    co_return beast::error_code{};
}

bool isDisconnect(const beast::error_code &ec)
{
    return ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message ||
           ec == asio::error::eof || ec == asio::error::connection_reset ||
           ec == beast::error::timeout || ec == asio::error::operation_aborted;
}

std::string uploadPath(const Limits &limits)
{
    const quint64 a = QRandomGenerator::system()->generate64();
    const quint64 b = QRandomGenerator::system()->generate64();
    const QString path = limits.uploadDirectory + u"/.upload-"_s + QString::number(a, 16) +
                         QString::number(b, 16) + u".part"_s;
    return path.toStdString();
}

// The requests of one connection, until it closes. `firstDeadline` ends the first head
// (counted from the accept, so a TLS handshake is part of it).
template <class Stream>
awaitable<void> serve(const std::shared_ptr<Front> &front, Stream &stream,
                      const std::string &address, Clock::time_point firstDeadline)
{
    const Limits &limits = front->limits;
    const QHostAddress peer(QString::fromStdString(address));
    beast::tcp_stream &lowest = beast::get_lowest_layer(stream);
    beast::error_code ignored;
    beast::flat_buffer buffer;
    auto pending = std::make_shared<Pending>(stream.get_executor());
    bool fresh = true;
    for (;;) {
        // A new connection has the header timeout for its whole first head; a kept-alive
        // one the idle timeout to begin the next request, then the header timeout for its
        // head. Silence is closed without an answer.
        auto headDeadline =
            fresh ? firstDeadline : Clock::now() + milliseconds(limits.headerTimeoutMsecs);
        if (buffer.size() == 0) {
            if (fresh)
                lowest.expires_at(headDeadline);
            else
                lowest.expires_after(milliseconds(limits.idleTimeoutMsecs));
            auto [ec, n] = co_await stream.async_read_some(buffer.prepare(4096), nothrow);
            if (ec)
                co_return;
            buffer.commit(n);
            if (!fresh)
                headDeadline = Clock::now() + milliseconds(limits.headerTimeoutMsecs);
        }
        fresh = false;

        HeadParser head;
        head.header_limit(std::uint32_t(limits.maxHeaderBytes));
        head.body_limit(std::numeric_limits<std::uint64_t>::max()); // per route, below
        lowest.expires_at(headDeadline);
        auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, head, nothrow);
        if (ec) {
            // A timeout has closed the socket already (Beast): nothing can be answered.
            // Named, never a temporary inside co_await: g++ 12 destroys such temporaries
            // twice (a heap-use-after-free AddressSanitizer caught).
            if (!isDisconnect(ec)) {
                const Response refusal =
                    refusalFor(ec, limits, !head.get().target().empty(), limits.maxJsonBytes);
                co_await refuse(stream, refusal, limits);
            }
            co_return;
        }
        Request request = toRequest(head.get(), peer);
        request.client = limits.trustedProxies.clientOf(
            peer, request.header(QByteArrayLiteral("x-forwarded-for")));
        const bool keepAlive = head.get().keep_alive();
        const bool headOnly = head.get().method() == bhttp::verb::head;
        const bool upload = limits.isUpload && limits.isUpload(request);
        const qint64 bodyLimit = upload ? limits.maxUploadBytes : limits.maxJsonBytes;
        if (auto refusal = checkHead(head, limits, bodyLimit)) {
            co_await refuse(stream, *refusal, limits);
            co_return;
        }

        pending->response.reset();
        pending->webSocket.reset();
        if (isWebSocketUpgrade(head.get())) {
            postToQt(front->server,
                     [server = front->server, request,
                      responder = Responder(std::make_shared<Sink<Stream>>(pending, front))] {
                         server->dispatchUpgrade(request, responder);
                     });
            co_await waitForAnswer(*pending);
            if (pending->webSocket) {
                co_await runWebSocket<Stream>(front, std::move(stream), head.release(),
                                              std::move(pending->webSocket));
            } else {
                co_await refuse(stream, *pending->response, limits);
            }
            co_return;
        }

        std::string tempPath;
        if (upload && !head.is_done()) {
            // Only a caller the routes admit may have a body written to disk.
            postToQt(front->server,
                     [server = front->server, request,
                      responder = Responder(std::make_shared<Sink<Stream>>(pending, front))] {
                         server->dispatchAdmission(request, responder);
                     });
            co_await waitForAnswer(*pending);
            if (pending->response->status != 100) {
                co_await refuse(stream, *pending->response, limits);
                co_return;
            }
            pending->response.reset();
        }
        if (!head.is_done()) {
            if (beast::iequals(head.get()[bhttp::field::expect], "100-continue")) {
                static const std::string proceed = "HTTP/1.1 100 Continue\r\n\r\n";
                lowest.expires_after(milliseconds(limits.idleTimeoutMsecs));
                auto [wec, w] = co_await asio::async_write(stream, asio::buffer(proceed), nothrow);
                if (wec)
                    co_return;
            }
            if (upload) {
                bhttp::request_parser<bhttp::file_body> body(std::move(head));
                body.body_limit(std::uint64_t(bodyLimit));
                tempPath = uploadPath(limits);
                body.get().body().open(tempPath.c_str(), beast::file_mode::write_new, ec);
                if (ec) {
                    const Response refusal = Response::internalError();
                    co_await refuse(stream, refusal, limits);
                    co_return;
                }
                ec = co_await readBody(stream, buffer, body, limits);
                if (!ec && ::fsync(body.get().body().file().native_handle()) != 0)
                    ec = beast::errc::make_error_code(beast::errc::io_error);
                beast::error_code sizeError;
                request.bodyFileSize = qint64(body.get().body().file().size(sizeError));
                body.get().body().close();
                request.bodyFile = QString::fromStdString(tempPath);
                if (ec) {
                    std::remove(tempPath.c_str());
                    if (!isDisconnect(ec)) {
                        const Response refusal =
                            ec == beast::errc::make_error_code(beast::errc::io_error)
                                ? Response::internalError()
                                : refusalFor(ec, limits, true, bodyLimit);
                        co_await refuse(stream, refusal, limits);
                    }
                    co_return;
                }
            } else {
                bhttp::request_parser<bhttp::string_body> body(std::move(head));
                body.body_limit(std::uint64_t(bodyLimit));
                ec = co_await readBody(stream, buffer, body, limits);
                if (ec) {
                    if (!isDisconnect(ec)) {
                        const Response refusal = refusalFor(ec, limits, true, bodyLimit);
                        co_await refuse(stream, refusal, limits);
                    }
                    co_return;
                }
                const std::string &b = body.get().body();
                request.body = QByteArray(b.data(), qsizetype(b.size()));
            }
        }

        front->server->route(std::move(request),
                             Responder(std::make_shared<Sink<Stream>>(pending, front)));
        co_await waitForAnswer(*pending);
        if (!tempPath.empty())
            std::remove(tempPath.c_str()); // unless the route took it
        const Response response = std::move(*pending->response);
        pending->response.reset();
        if (!co_await writeResponse(stream, response, keepAlive, headOnly, limits))
            co_return;
        if (!keepAlive) {
            // A TLS session ends with its close_notify first (runSession sends it).
            if constexpr (std::is_same_v<Stream, PlainStream>)
                lowest.socket().shutdown(tcp::socket::shutdown_send, ignored);
            co_return;
        }
    }
}

} // namespace

awaitable<void> runSession(std::shared_ptr<Front> front, tcp::socket socket, std::string address)
{
    const Slot slot{front, address};
    const auto firstDeadline = Clock::now() + milliseconds(front->limits.headerTimeoutMsecs);
    beast::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    if (!front->tls) {
        PlainStream stream(std::move(socket));
        co_await serve(front, stream, address, firstDeadline);
        co_return;
    }
    // The context of the accept time, kept while the connection lasts (a reload on SIGHUP
    // only changes what later connections get).
    const std::shared_ptr<TlsContext> tls = front->tls;
    TlsStream stream(PlainStream(std::move(socket)), tls->ssl);
    beast::get_lowest_layer(stream).expires_at(firstDeadline);
    auto [ec] = co_await stream.async_handshake(asio::ssl::stream_base::server, nothrow);
    if (ec)
        co_return; // plain HTTP, an old protocol version, silence: closed without an answer
    co_await serve(front, stream, address, firstDeadline);
    // The session ends with a close_notify while the socket is still there (a timeout has
    // closed it already), so that clients can tell the end from a cut connection. Bounded:
    // a peer that neither answers nor closes is cut after a moment.
    beast::tcp_stream &lowest = beast::get_lowest_layer(stream);
    if (lowest.socket().is_open()) {
        lowest.expires_after(milliseconds(std::min(front->limits.headerTimeoutMsecs, 2000)));
        auto [closed] = co_await stream.async_shutdown(nothrow);
        (void)closed; // the peer may have gone: nothing more to do either way
    }
}

} // namespace server::http::detail
