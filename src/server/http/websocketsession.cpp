#include "websocketsession.h"

namespace server::http {

WebSocketSession::WebSocketSession(std::shared_ptr<WebSocketTransport> transport,
                                   qint64 maxQueuedBytes, QObject *parent)
    : QObject(parent)
    , m_transport(std::move(transport))
    , m_maxQueued(maxQueuedBytes)
{
    m_transport->attach(this);
}

WebSocketSession::~WebSocketSession()
{
    m_transport->attach(nullptr);
    if (!m_closing && !m_gone)
        m_transport->close(CloseGoingAway, "server closing");
}

bool WebSocketSession::sendText(const QByteArray &utf8)
{
    if (m_closing || m_gone)
        return false;
    if (m_queued + utf8.size() > m_maxQueued) {
        close(CloseTooSlow, "too slow: reconnect with since and resync");
        return false;
    }
    m_queued += utf8.size();
    m_transport->send(utf8);
    return true;
}

void WebSocketSession::close(int code, const QByteArray &reason)
{
    if (m_closing || m_gone)
        return;
    m_closing = true;
    m_transport->close(code, reason);
}

void WebSocketSession::transportWritten(qint64 bytes)
{
    m_queued = std::max<qint64>(0, m_queued - bytes);
    if (m_queued == 0 && !m_closing && !m_gone)
        Q_EMIT drained();
}

void WebSocketSession::transportText(const QByteArray &text)
{
    if (!m_closing && !m_gone)
        Q_EMIT textReceived(text);
}

void WebSocketSession::transportClosed()
{
    if (m_gone)
        return;
    m_gone = true;
    Q_EMIT closed();
}

} // namespace server::http
