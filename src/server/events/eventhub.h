#pragma once

#include "http/request.h"
#include "store/store.h"

#include <QObject>
#include <QTimer>
#include <memory>
#include <vector>

namespace server {
namespace api {
class Sessions;
}
namespace http {
class HttpServer;
class WebSocketSession;
} // namespace http

// Limits of the event stream (ServerConfig has the configured values).
struct EventHubLimits {
    int maxStreamsPerToken = 8;       // the next one is closed with 4429
    int presenceFramesPerSecond = 10; // more are answered with one error frame and dropped
};

// The event stream: every WebSocket client gets, in seq order, the stored events it may
// see (resume with ?since=<seq>, or a `resync` event when that is too old) and then live
// events as writes commit. Presence frames from clients are relayed to staff. Each
// connection's outgoing queue is bounded (http::WebSocketSession): a replay is paged out
// only as the client takes it, and a client that stops reading live events is closed
// with 4408 (reconnect with `since` and resync).
class EventHub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventHub)

public:
    EventHub(Store &store, api::Sessions &sessions, http::HttpServer *http,
             const EventHubLimits &limits = {});
    ~EventHub() override;

    void publish(const ServerEvent &event);
    int clientCount() const { return int(m_clients.size()); }
    // Closes every stream opened with this token (e.g. at sign-out); returns how many.
    int closeStreamsOf(const QByteArray &tokenHash, int closeCode);

private:
    struct Client {
        std::unique_ptr<http::WebSocketSession> socket;
        Caller caller;
        bool replaying = false;
        qint64 replayCursor = 0;
        qint64 presenceWindowStart = 0;
        int presenceInWindow = 0;
    };

    void accept(std::unique_ptr<http::WebSocketSession> socket, const http::Request &request);
    void replay(Client &client, qint64 since);
    void pumpReplay(Client &client);
    bool send(Client &client, const ServerEvent &event);
    void onText(http::WebSocketSession *socket, const QByteArray &text);
    void drop(http::WebSocketSession *socket);
    Client *find(http::WebSocketSession *socket);
    // Closes streams whose token expired; every so often asks the store whether the
    // others still hold (a deactivated staff member, a token revoked elsewhere).
    void sweep();

    Store &m_store;
    api::Sessions &m_sessions;
    EventHubLimits m_limits;
    std::vector<std::unique_ptr<Client>> m_clients;
    QTimer m_sweepTimer;
    int m_sweeps = 0;
    // The newest seq handed to publish() (or stored when the hub started): what presence
    // frames carry. Not the store's latest: a worker's commit reaches publish() a moment
    // later, and a client must not see a seq before the event that has it.
    qint64 m_lastPublished = 0;
    int m_outsideChangesSeen = 0; // Sessions::outsideChangesSeen() at the last sweep
};

} // namespace server
