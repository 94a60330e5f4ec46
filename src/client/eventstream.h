#pragma once

#include "core/types.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <memory>

class QWebSocket;

namespace client {

// The server's event stream (/api/v1/events) over a WebSocket. Drops are repaired by
// reconnecting with exponential backoff and `?since=<last seq>`; when the gap is too old
// the server sends `resync` and resyncRequired() tells the owner to reload everything.
class CertificateTrust;

class EventStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventStream)

public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting };
    Q_ENUM(State)

    explicit EventStream(QObject *parent = nullptr);
    ~EventStream() override;

    // apiBase: http://host:port/api/v1 (ws:// is derived; wss:// from https://); the token
    // goes in the header.
    void setEndpoint(const QUrl &apiBase, const QByteArray &token);
    // A certificate the user trusted for the server lets the stream through (not owned).
    void setCertificateTrust(CertificateTrust *trust) { m_trust = trust; }
    // Opens the stream; since < 0: from now on.
    void start(qint64 since = -1);
    void stop();
    State state() const { return m_state; }
    qint64 lastSeq() const { return m_lastSeq; }
    // Backoff for reconnects: initial delay doubling up to the maximum (tests shorten it).
    void setBackoff(int initialMs, int maxMs);

    // {"type":"presence","ticketId":N,"state":"viewing"|"typing"|"left"}; dropped while
    // disconnected (presence is momentary).
    void sendPresence(qint64 ticketId, const QString &state);

Q_SIGNALS:
    void eventReceived(const core::Event &event);
    // presence events of other staff: user name, state ("viewing", "typing", "left").
    void presenceReceived(qint64 ticketId, const core::UserRef &user, const QString &state);
    void resyncRequired();
    void stateChanged(client::EventStream::State state);
    // The stream is back after a drop (events missed meanwhile follow through `since`).
    void reconnected();

private:
    void open();
    void onConnected();
    void onEstablished();
    void onDropped(QWebSocket *socket);
    void onText(const QString &text);
    void scheduleReconnect();
    void setState(State state);
    QUrl streamUrl() const;
    // Lets go of the socket (closing it when still open) without hearing from it again.
    void dropSocket();

    std::unique_ptr<QWebSocket> m_socket;
    CertificateTrust *m_trust = nullptr;
    QUrl m_apiBase;
    QByteArray m_token;
    State m_state = State::Disconnected;
    qint64 m_lastSeq = -1;
    // Started without a seq: the stream asks for one beyond the server's latest, whose
    // answer is a `resync` carrying the latest seq and nothing to replay. That is taken as
    // the starting point (what PUT /tickets/{id}/seen names), not as a reason to reload.
    bool m_askingLatest = false;
    QTimer m_retry;
    QTimer m_watchdog;  // connect timeout, then silence limit
    QTimer m_heartbeat; // pings while connected
    QTimer m_settle;    // a fresh socket's probation (see onConnected)
    int m_initialBackoffMs = 500;
    int m_maxBackoffMs = 30000;
    int m_backoffMs = 500;
    bool m_wanted = false;
    bool m_wasConnected = false;
};

} // namespace client
