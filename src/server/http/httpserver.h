#pragma once

#include "limits.h"
#include "request.h"
#include "responder.h"
#include "response.h"
#include "websocketsession.h"

#include <QHostAddress>
#include <QObject>
#include <functional>
#include <memory>
#include <optional>

namespace server::http {

namespace detail {
struct Io;
}
class TlsContext;

// The HTTP/1.1 and WebSocket front (Boost.Beast inside httpserver.cpp and the other .cpp
// files of this folder, never in a header). Sockets live on one I/O thread owned by the
// server; every complete request is handed, one at a time per connection, to the
// dispatcher (setDispatcher: the server's worker threads) or else to the thread that
// created the server (the Qt main thread) through its event loop, and the answer goes back
// to the connection. A slow or silent client therefore never blocks a thread that answers,
// and pipelined requests are answered in order. Upgrades and upload admissions always go
// to the thread that created the server.
class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    using Handler = std::function<void(const Request &, const Responder &)>;
    // nullopt accepts the upgrade; a response refuses it.
    using UpgradeCheck = std::function<std::optional<Response>(const Request &)>;
    // Takes an accepted WebSocket, with the upgrade request.
    using WebSocketHandler =
        std::function<void(std::unique_ptr<WebSocketSession>, const Request &)>;

    explicit HttpServer(const Limits &limits, QObject *parent = nullptr);
    ~HttpServer() override;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // Takes every complete request (not upgrades or upload admissions) on the I/O thread
    // instead of the handler: must be thread-safe and return at once (post the work to
    // another thread). Set before listen().
    using Dispatcher = std::function<void(Request, Responder)>;
    void setDispatcher(Dispatcher dispatcher) { m_dispatcher = std::move(dispatcher); }
    void setUpgradeCheck(UpgradeCheck check) { m_upgradeCheck = std::move(check); }
    void setWebSocketHandler(WebSocketHandler handler) { m_webSocketHandler = std::move(handler); }
    // Asked with the head of an upload (Limits::isUpload) before its body is read: a
    // response refuses it (e.g. 401), so that nobody unknown gets to write to disk.
    void setUploadAdmission(UpgradeCheck check) { m_uploadAdmission = std::move(check); }
    const Limits &limits() const { return m_limits; }
    // Serves HTTPS and WSS with `tls` (see loadTlsContext) to the connections accepted from
    // now on; before listen() or while running (a reload: open connections keep theirs).
    void setTls(std::shared_ptr<TlsContext> tls);
    bool isTls() const { return m_tls != nullptr; }

    // Starts listening and the I/O thread; returns the port, 0 on failure.
    quint16 listen(const QHostAddress &address, quint16 port);

    // Called on the I/O thread with a complete request: to the dispatcher or, without one,
    // to dispatch() on this object's thread.
    void route(Request request, const Responder &responder);
    // Called on this object's thread by the I/O side.
    void dispatch(const Request &request, const Responder &responder);
    void dispatchUpgrade(const Request &request, const Responder &responder);
    // Answers status 100 to admit the body.
    void dispatchAdmission(const Request &request, const Responder &responder);

private:
    Limits m_limits;
    Handler m_handler;
    Dispatcher m_dispatcher;
    UpgradeCheck m_upgradeCheck;
    WebSocketHandler m_webSocketHandler;
    UpgradeCheck m_uploadAdmission;
    std::shared_ptr<TlsContext> m_tls;
    std::unique_ptr<detail::Io> m_io;
};

// Raises the soft RLIMIT_NOFILE to the hard limit; returns the soft limit now in force.
qint64 raiseFileDescriptorLimit();

} // namespace server::http
