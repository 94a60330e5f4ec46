#pragma once

#include "store/store.h"

#include <QObject>
#include <QTimer>
#include <QWebSocket>
#include <memory>
#include <vector>

class QAbstractHttpServer;

namespace server {
namespace api {
class Sessions;
}

// The event stream: every WebSocket client gets, in seq order, the stored events it may
// see (resume with ?since=<seq>, or a `resync` event when that is too old) and then live
// events as writes commit. Presence frames from clients are relayed to staff.
class EventHub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventHub)

public:
    EventHub(Store &store, api::Sessions &sessions, QAbstractHttpServer *http);
    ~EventHub() override;

    void publish(const ServerEvent &event);
    // Closes every stream opened with this token (4401: sign in again).
    void closeStreamsOf(const QByteArray &tokenHash);
    int clientCount() const { return int(m_clients.size()); }

private:
    struct Client {
        std::unique_ptr<QWebSocket> socket;
        Caller caller;
    };

    void acceptPending();
    void accept(std::unique_ptr<QWebSocket> socket);
    void replay(Client &client, qint64 since);
    void send(Client &client, const ServerEvent &event);
    void onText(QWebSocket *socket, const QString &text);
    void drop(QWebSocket *socket);
    Client *find(QWebSocket *socket);
    // Closes streams whose token expired; every so often asks the store whether the
    // others still hold (a deactivated staff member, a token revoked elsewhere).
    void sweep();

    Store &m_store;
    api::Sessions &m_sessions;
    QAbstractHttpServer *m_http;
    std::vector<std::unique_ptr<Client>> m_clients;
    QTimer m_sweepTimer;
    int m_sweeps = 0;
};

} // namespace server
