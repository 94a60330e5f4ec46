// The front's Qt side (dispatch to the handlers) and its I/O thread with the listener.
#include "beastfront.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QMetaObject>
#include <boost/asio/post.hpp>
#include <future>
#include <sys/resource.h>

Q_LOGGING_CATEGORY(lcHttp, "ticket.http")

using namespace Qt::StringLiterals;

namespace server::http {
namespace detail {

struct Io {
    std::shared_ptr<asio::io_context> ioc;
    std::shared_ptr<Front> front;
    std::thread thread;
};

void postToQt(QObject *target, std::function<void()> fn)
{
    QMetaObject::invokeMethod(target, std::move(fn), Qt::QueuedConnection);
}

namespace {

// Connections over a cap are closed at once: no thread, no buffer, no answer.
awaitable<void> acceptLoop(std::shared_ptr<Front> front, tcp::acceptor acceptor)
{
    asio::steady_timer pause(acceptor.get_executor());
    for (;;) {
        auto [ec, socket] = co_await acceptor.async_accept(nothrow);
        if (ec == asio::error::operation_aborted)
            co_return;
        if (ec) { // EMFILE and the like: give the running connections a moment
            pause.expires_after(std::chrono::milliseconds(50));
            co_await pause.async_wait(nothrow);
            continue;
        }
        beast::error_code ignored;
        const auto remote = socket.remote_endpoint(ignored);
        if (ignored)
            continue;
        std::string address = remote.address().to_string();
        int &fromThere = front->perAddress[address];
        if (front->connections >= front->maxConnections ||
            fromThere >= front->limits.maxConnectionsPerAddress) {
            if (fromThere == 0)
                front->perAddress.erase(address);
            socket.set_option(asio::socket_base::linger(true, 0), ignored);
            socket.close(ignored);
            continue;
        }
        ++fromThere;
        ++front->connections;
        asio::co_spawn(acceptor.get_executor(),
                       runSession(front, std::move(socket), std::move(address)), asio::detached);
    }
}

} // namespace
} // namespace detail

qint64 raiseFileDescriptorLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 1024;
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    return limit.rlim_cur == RLIM_INFINITY ? (qint64(1) << 20) : qint64(limit.rlim_cur);
}

HttpServer::HttpServer(const Limits &limits, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
{}

HttpServer::~HttpServer()
{
    if (!m_io)
        return;
    // What the Qt side queued last (the 1001 close frames of the event streams, whose
    // sessions went first) starts on the I/O thread before it stops.
    auto flushed = std::make_shared<std::promise<void>>();
    detail::asio::post(*m_io->ioc, [flushed] { flushed->set_value(); });
    flushed->get_future().wait_for(std::chrono::milliseconds(200));
    m_io->ioc->stop();
    if (m_io->thread.joinable())
        m_io->thread.join();
    // Calls still queued for the Qt side hold sessions with their timers and sockets: they go
    // now, while the io_context those belong to exists (QObject would drop them after it).
    QCoreApplication::removePostedEvents(this);
    m_io.reset();
}

quint16 HttpServer::listen(const QHostAddress &address, quint16 port)
{
    using namespace detail;
    if (m_io)
        return 0;
    auto io = std::make_unique<Io>();
    io->ioc = std::make_shared<asio::io_context>(1);
    io->front = std::make_shared<Front>();
    Front &front = *io->front;
    front.limits = m_limits;
    front.server = this;
    front.ioc = io->ioc;
    front.tls = m_tls;
    // Keep descriptors for the database, files and the listener.
    const qint64 fds = raiseFileDescriptorLimit();
    front.maxConnections =
        int(std::max<qint64>(1, std::min<qint64>(m_limits.maxConnections, fds - 64)));

    beast::error_code ec;
    const auto ip = asio::ip::make_address(address.toString().toStdString(), ec);
    if (ec)
        return 0;
    const tcp::endpoint endpoint(ip, port);
    tcp::acceptor acceptor(*io->ioc);
    acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        acceptor.bind(endpoint, ec);
    if (!ec)
        acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        qCWarning(lcHttp) << "cannot listen:" << ec.message().c_str();
        return 0;
    }
    const quint16 bound = acceptor.local_endpoint(ec).port();
    asio::co_spawn(*io->ioc, acceptLoop(io->front, std::move(acceptor)), asio::detached);
    io->thread = std::thread([ioc = io->ioc] {
        for (;;) {
            try {
                ioc->run();
                return;
            } catch (const std::exception &e) {
                qCWarning(lcHttp) << "I/O thread:" << e.what();
            }
        }
    });
    m_io = std::move(io);
    return bound;
}

void HttpServer::setTls(std::shared_ptr<TlsContext> tls)
{
    m_tls = tls;
    if (m_io) {
        detail::asio::post(*m_io->ioc, [front = m_io->front, tls = std::move(tls)]() mutable {
            front->tls = std::move(tls);
        });
    }
}

void HttpServer::route(Request request, const Responder &responder)
{
    if (m_dispatcher) {
        m_dispatcher(std::move(request), responder);
        return;
    }
    detail::postToQt(
        this, [this, request = std::move(request), responder] { dispatch(request, responder); });
}

void HttpServer::dispatch(const Request &request, const Responder &responder)
{
    if (m_handler)
        m_handler(request, responder);
    else
        responder.send(Response::notFound());
}

void HttpServer::dispatchAdmission(const Request &request, const Responder &responder)
{
    if (m_uploadAdmission) {
        if (std::optional<Response> refusal = m_uploadAdmission(request)) {
            responder.send(*refusal);
            return;
        }
    }
    Response proceed;
    proceed.status = 100;
    responder.send(proceed);
}

void HttpServer::dispatchUpgrade(const Request &request, const Responder &responder)
{
    std::optional<Response> refusal =
        m_upgradeCheck ? m_upgradeCheck(request) : std::optional<Response>(Response::notFound());
    if (refusal || !m_webSocketHandler) {
        responder.send(refusal ? *refusal : Response::notFound());
        return;
    }
    std::shared_ptr<WebSocketTransport> transport = responder.acceptWebSocket();
    if (!transport)
        return;
    m_webSocketHandler(
        std::make_unique<WebSocketSession>(std::move(transport), m_limits.webSocketQueueBytes),
        request);
}

} // namespace server::http
