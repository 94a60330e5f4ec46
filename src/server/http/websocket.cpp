// The I/O side of a WebSocket connection: Beast's handshake, a reader that hands text frames
// to the Qt thread, a writer that sends what the Qt thread queued, and closing.
#include "beastfront.h"

#include <boost/asio/post.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <deque>

namespace server::http::detail {
namespace {

namespace websocket = beast::websocket;
using std::chrono::milliseconds;
template <class Stream>
class Transport final : public WebSocketTransport,
                        public std::enable_shared_from_this<Transport<Stream>>
{
    using Ws = websocket::stream<Stream>;
    using std::enable_shared_from_this<Transport<Stream>>::shared_from_this;

public:
    explicit Transport(std::shared_ptr<Front> front)
        : m_front(std::move(front))
    {}

    // Qt thread.
    void attach(WebSocketSession *receiver) override { m_receiver = receiver; }

    // Any thread.
    void send(QByteArray text) override
    {
        onIo([text = std::move(text)](Transport &t) mutable {
            if (t.m_close || t.m_done)
                return;
            t.m_queue.push_back(std::move(text));
            t.wake();
        });
    }

    void close(int code, QByteArray reason) override
    {
        onIo([code, reason = std::move(reason)](Transport &t) {
            if (t.m_close || t.m_done)
                return;
            t.m_close = websocket::close_reason(
                websocket::close_code(code),
                beast::string_view(reason.constData(), std::size_t(reason.size())));
            t.m_queue.clear(); // what was not sent yet is for a stream that ends
            t.wake();
            if (t.m_writing && t.m_ws) {
                // Stuck behind a client that does not read: give the close frame a while,
                // then drop the connection.
                t.m_force.emplace(t.m_ws->get_executor());
                t.m_force->expires_after(milliseconds(t.m_front->limits.headerTimeoutMsecs));
                t.m_force->async_wait([self = t.shared_from_this()](beast::error_code ec) {
                    if (!ec && self->m_ws && !self->m_done)
                        beast::get_lowest_layer(*self->m_ws).close();
                });
            }
        });
    }

    // On the Qt thread, with the session when it is still there.
    template <class F> void onQt(F f)
    {
        postToQt(m_front->server, [self = shared_from_this(), f = std::move(f)]() mutable {
            if (self->m_receiver)
                f(*self->m_receiver);
        });
    }

    awaitable<void> run(Stream stream, bhttp::request<bhttp::empty_body> request);

private:
    template <class F> void onIo(F f)
    {
        if (auto ioc = m_front->ioc.lock())
            asio::post(*ioc, [self = shared_from_this(), f = std::move(f)]() mutable { f(*self); });
    }

    void wake()
    {
        if (m_signal)
            m_signal->cancel();
    }

    awaitable<void> waitForSignal()
    {
        m_signal->expires_at(asio::steady_timer::time_point::max());
        co_await m_signal->async_wait(nothrow);
    }

    awaitable<void> writer(std::shared_ptr<Transport> self);

    std::shared_ptr<Front> m_front;
    WebSocketSession *m_receiver = nullptr; // Qt thread only
    // I/O thread only:
    std::optional<Ws> m_ws;
    std::optional<asio::steady_timer> m_signal;
    std::optional<asio::steady_timer> m_force;
    std::deque<QByteArray> m_queue;
    std::optional<websocket::close_reason> m_close;
    bool m_writing = false;
    bool m_writerRunning = false;
    bool m_done = false;
};

template <class Stream> awaitable<void> Transport<Stream>::writer(std::shared_ptr<Transport> self)
{
    m_writerRunning = true;
    while (!m_done) {
        if (!m_queue.empty()) {
            const QByteArray text = std::move(m_queue.front());
            m_queue.pop_front();
            m_writing = true;
            m_ws->text(true);
            auto [ec, n] = co_await m_ws->async_write(
                asio::buffer(text.constData(), std::size_t(text.size())), nothrow);
            m_writing = false;
            const qint64 size = text.size();
            onQt([size](WebSocketSession &s) { s.transportWritten(size); });
            if (ec)
                break;
        } else if (m_close) {
            co_await m_ws->async_close(*m_close, nothrow);
            break;
        } else {
            co_await waitForSignal();
        }
    }
    m_writerRunning = false;
    wake();
    Q_UNUSED(self);
}

template <class Stream>
awaitable<void> Transport<Stream>::run(Stream stream, bhttp::request<bhttp::empty_body> request)
{
    const Limits &limits = m_front->limits;
    beast::tcp_stream &lowest = beast::get_lowest_layer(stream);
    lowest.expires_never(); // the WebSocket stream keeps its own time
    // The kernel's share of what a slow client has not taken is bounded too (autotuning
    // would let it grow to megabytes per connection).
    beast::error_code ignored;
    lowest.socket().set_option(asio::socket_base::send_buffer_size(
                                   int(std::min<qint64>(limits.webSocketQueueBytes, 1 << 20))),
                               ignored);
    m_ws.emplace(std::move(stream));
    m_signal.emplace(m_ws->get_executor(), asio::steady_timer::time_point::max());
    websocket::stream_base::timeout timeouts{};
    timeouts.handshake_timeout = milliseconds(limits.headerTimeoutMsecs);
    timeouts.idle_timeout = milliseconds(limits.idleTimeoutMsecs);
    timeouts.keep_alive_pings = true; // half the idle time without a frame: ping
    m_ws->set_option(timeouts);
    m_ws->read_message_max(std::size_t(limits.maxWebSocketMessageBytes)); // over: closes 1009

    auto [ec] = co_await m_ws->async_accept(request, nothrow);
    if (!ec) {
        asio::co_spawn(m_ws->get_executor(), writer(shared_from_this()), asio::detached);
        beast::flat_buffer buffer;
        for (;;) {
            auto [rec, n] = co_await m_ws->async_read(buffer, nothrow);
            if (rec)
                break;
            QByteArray text(static_cast<const char *>(buffer.data().data()),
                            qsizetype(buffer.size()));
            buffer.consume(buffer.size());
            onQt([text = std::move(text)](WebSocketSession &s) { s.transportText(text); });
        }
    }
    m_done = true;
    m_queue.clear();
    if (m_writerRunning) {
        beast::error_code ignored;
        beast::get_lowest_layer(*m_ws).socket().close(ignored);
        while (m_writerRunning)
            co_await waitForSignal();
    }
    if (m_force)
        m_force->cancel();
    onQt([](WebSocketSession &s) { s.transportClosed(); });
    m_ws.reset();
    m_signal.reset();
    m_force.reset();
}

} // namespace

template <class Stream>
std::shared_ptr<WebSocketTransport> makeWebSocketTransport(const std::shared_ptr<Front> &front)
{
    return std::make_shared<Transport<Stream>>(front);
}

template <class Stream>
awaitable<void> runWebSocket(std::shared_ptr<Front> front, Stream stream,
                             bhttp::request<bhttp::empty_body> request,
                             std::shared_ptr<WebSocketTransport> transport)
{
    auto self = std::static_pointer_cast<Transport<Stream>>(std::move(transport));
    Q_UNUSED(front);
    co_await self->run(std::move(stream), std::move(request));
}

template std::shared_ptr<WebSocketTransport>
makeWebSocketTransport<PlainStream>(const std::shared_ptr<Front> &);
template std::shared_ptr<WebSocketTransport>
makeWebSocketTransport<TlsStream>(const std::shared_ptr<Front> &);
template awaitable<void> runWebSocket<PlainStream>(std::shared_ptr<Front>, PlainStream,
                                                   bhttp::request<bhttp::empty_body>,
                                                   std::shared_ptr<WebSocketTransport>);
template awaitable<void> runWebSocket<TlsStream>(std::shared_ptr<Front>, TlsStream,
                                                 bhttp::request<bhttp::empty_body>,
                                                 std::shared_ptr<WebSocketTransport>);

} // namespace server::http::detail
