#pragma once

#include <QByteArray>
#include <QObject>
#include <memory>

namespace server::http {

class WebSocketSession;

// The I/O side of a WebSocket connection (Boost.Beast, on the front's I/O thread).
// send() and close() may be called from any thread; attach() only from the Qt thread.
class WebSocketTransport
{
public:
    virtual ~WebSocketTransport() = default;
    virtual void attach(WebSocketSession *receiver) = 0; // nullptr detaches
    virtual void send(QByteArray text) = 0;
    virtual void close(int code, QByteArray reason) = 0;
};

// One WebSocket connection as the Qt thread sees it: text frames out through a bounded
// queue, text frames in and the end of the connection as signals. Lives on the Qt thread.
class WebSocketSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebSocketSession)

public:
    // Close codes of the event stream (RFC 6455 and the private range 4000-4999); see
    // docs/openapi.yaml.
    enum CloseCode {
        CloseNormal = 1000,
        CloseGoingAway = 1001,
        CloseTooBig = 1009,        // a frame over the incoming message limit (64 KiB)
        CloseUnauthorized = 4401,  // the token is not (or no longer) valid: sign in again
        CloseTooSlow = 4408,       // the client did not take its frames: reconnect, resync
        CloseTooManyStreams = 4429 // too many streams open with this token
    };

    WebSocketSession(std::shared_ptr<WebSocketTransport> transport, qint64 maxQueuedBytes,
                     QObject *parent = nullptr);
    ~WebSocketSession() override; // closes with 1001 when still open

    // Queues a text frame. When the frames queued but not yet taken by the client would
    // pass the bound, the connection is closed with CloseTooSlow instead; returns false
    // then (and once closed).
    bool sendText(const QByteArray &utf8);
    void close(int code, const QByteArray &reason);
    bool isOpen() const { return !m_closing; }
    qint64 queuedBytes() const { return m_queued; }
    qint64 maxQueuedBytes() const { return m_maxQueued; }

    // Called on the Qt thread by the transport.
    void transportWritten(qint64 bytes);
    void transportText(const QByteArray &text);
    void transportClosed();

Q_SIGNALS:
    void textReceived(const QByteArray &text);
    void drained(); // everything queued has been handed to the client's connection
    void closed();  // the connection is gone; delete the session (deleteLater)

private:
    std::shared_ptr<WebSocketTransport> m_transport;
    qint64 m_maxQueued;
    qint64 m_queued = 0;
    bool m_closing = false;
    bool m_gone = false;
};

} // namespace server::http
