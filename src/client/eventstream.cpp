#include "eventstream.h"

#include "certificatetrust.h"

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QUrlQuery>
#include <QWebSocket>
#include <limits>

using namespace Qt::StringLiterals;

namespace {
// Beyond any seq a server hands out: `since` with it is answered with the latest seq.
constexpr qint64 AskLatestSince = std::numeric_limits<qint64>::max() / 2;
} // namespace

namespace client {

namespace {

// A dead peer without a TCP reset (suspended laptop, dropped Wi-Fi) is only noticed by
// silence: ping now and then and give up on the socket when nothing comes back.
constexpr int HeartbeatMs = 20000;
constexpr int SilenceLimitMs = 45000;
// A handshake that hangs (a black-holed address) must not stall the reconnect loop.
constexpr int ConnectTimeoutMs = 10000;
// How long a fresh socket must stay open before it counts as connected (see onConnected).
constexpr int SettleMs = 250;

// The server closes with 4401 when the token is not (or no longer) valid; 1008 and 4403
// are the usual policy/forbidden codes of other deployments. Retrying soon cannot help.
bool isAuthRefusal(QWebSocketProtocol::CloseCode code)
{
    const int c = int(code);
    return c == 4401 || c == 4403 || c == int(QWebSocketProtocol::CloseCodePolicyViolated);
}

// The server closes with 4408 when we did not take our frames fast enough (its queue for
// us ran full): nothing is wrong with us or it, so resume at once from the last seq (the
// server replays what we missed, or sends `resync`). 4429: too many streams with our
// token; waiting long is all that helps.
constexpr int CloseTooSlow = 4408;
constexpr int CloseTooManyStreams = 4429;

} // namespace

EventStream::EventStream(QObject *parent)
    : QObject(parent)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &EventStream::open);
    m_watchdog.setSingleShot(true);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        // Handshake or stream silent for too long: treat the socket as dead, whether or
        // not aborting it makes it report the drop itself.
        if (QWebSocket *ws = m_socket.get()) {
            ws->abort();
            onDropped(ws);
        }
    });
    m_settle.setSingleShot(true);
    connect(&m_settle, &QTimer::timeout, this, &EventStream::onEstablished);
    m_heartbeat.setInterval(HeartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        if (m_socket && m_state == State::Connected)
            m_socket->ping();
    });
}

EventStream::~EventStream()
{
    // Not inside one of the socket's signals here: it can go right away (with a close
    // frame, so the server drops us at once rather than on a timeout).
    if (m_socket) {
        m_socket->disconnect(this);
        if (m_socket->state() == QAbstractSocket::ConnectedState)
            m_socket->close(QWebSocketProtocol::CloseCodeGoingAway);
    }
}

void EventStream::setEndpoint(const QUrl &apiBase, const QByteArray &token)
{
    // Takes effect with the next (re)connect, so a restarted server on a new port or a
    // renewed token are picked up without tearing down a working stream.
    m_apiBase = apiBase;
    m_token = token;
}

void EventStream::start(qint64 since)
{
    dropSocket();
    m_retry.stop();
    m_wanted = true;
    m_wasConnected = false;
    m_backoffMs = m_initialBackoffMs;
    m_lastSeq = since >= 0 ? since : -1;
    m_askingLatest = m_lastSeq < 0;
    setState(State::Connecting);
    open();
}

void EventStream::stop()
{
    m_wanted = false;
    m_retry.stop();
    dropSocket();
    setState(State::Disconnected);
}

void EventStream::setBackoff(int initialMs, int maxMs)
{
    m_initialBackoffMs = std::max(1, initialMs);
    m_maxBackoffMs = std::max(m_initialBackoffMs, maxMs);
    m_backoffMs = m_initialBackoffMs;
}

void EventStream::sendPresence(qint64 ticketId, const QString &state)
{
    if (m_state != State::Connected || !m_socket)
        return;
    const QJsonObject frame{
        {u"type"_s, u"presence"_s}, {u"ticketId"_s, ticketId}, {u"state"_s, state}};
    m_socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

QUrl EventStream::streamUrl() const
{
    QUrl url = m_apiBase;
    url.setScheme(m_apiBase.scheme() == u"https" ? u"wss"_s : u"ws"_s);
    QString path = m_apiBase.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u"/events"_s);
    QUrlQuery query;
    if (m_lastSeq >= 0)
        query.addQueryItem(u"since"_s, QString::number(m_lastSeq));
    else if (m_askingLatest)
        query.addQueryItem(u"since"_s, QString::number(AskLatestSince));
    url.setQuery(query);
    url.setFragment({});
    return url;
}

void EventStream::open()
{
    if (!m_wanted)
        return;
    dropSocket();
    m_socket = std::make_unique<QWebSocket>();
    QWebSocket *ws = m_socket.get();
    connect(ws, &QWebSocket::connected, this, &EventStream::onConnected);
    connect(ws, &QWebSocket::disconnected, this, [this, ws] { onDropped(ws); });
    connect(ws, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, ws](QAbstractSocket::SocketError) {
                // A refused connection reports only the error; a drop reports both. Either
                // way the socket is done once it is no longer connected.
                if (ws->state() == QAbstractSocket::UnconnectedState)
                    onDropped(ws);
            });
    connect(ws, &QWebSocket::textMessageReceived, this, &EventStream::onText);
    connect(ws, &QWebSocket::sslErrors, this, [this, ws](const QList<QSslError> &errors) {
        if (m_trust &&
            m_trust->accept(ws->requestUrl(), ws->sslConfiguration().peerCertificate(), errors))
            ws->ignoreSslErrors();
    });
    connect(ws, &QWebSocket::pong, this, [this] { m_watchdog.start(SilenceLimitMs); });

    QNetworkRequest request(streamUrl());
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    m_watchdog.start(ConnectTimeoutMs);
    ws->open(request);
}

void EventStream::onConnected()
{
    // The server refuses a bad token by closing right after the handshake. Only a socket
    // that stays open (or brings a frame) counts as connected, so a refused token never
    // looks like a connection, resets the backoff or announces reconnected().
    m_watchdog.start(SilenceLimitMs);
    m_settle.start(SettleMs);
}

void EventStream::onEstablished()
{
    if (m_state == State::Connected)
        return;
    m_settle.stop();
    const bool again = m_wasConnected;
    m_wasConnected = true;
    m_backoffMs = m_initialBackoffMs;
    m_heartbeat.start();
    setState(State::Connected);
    if (again)
        Q_EMIT reconnected();
}

void EventStream::onDropped(QWebSocket *socket)
{
    if (socket != m_socket.get())
        return; // a late signal of a socket already let go
    const QWebSocketProtocol::CloseCode code = socket->closeCode();
    dropSocket();
    if (!m_wanted) {
        setState(State::Disconnected);
        return;
    }
    if (int(code) == CloseTooSlow) {
        setState(State::Reconnecting);
        m_backoffMs = m_initialBackoffMs;
        m_retry.start(int(QRandomGenerator::global()->bounded(250)));
        return;
    }
    // A refused token will not turn valid by asking again soon: wait the longest.
    if (isAuthRefusal(code) || int(code) == CloseTooManyStreams)
        m_backoffMs = m_maxBackoffMs;
    scheduleReconnect();
}

void EventStream::onText(const QString &text)
{
    m_watchdog.start(SilenceLimitMs);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    const bool parsed = error.error == QJsonParseError::NoError && doc.isObject();
    const core::Event event = parsed ? core::Event::fromJson(doc.object()) : core::Event{};
    // The first connection's starting point (see m_askingLatest): nothing missed, nothing
    // to reload. Taken before "connected" goes out, so that its receivers know the seq.
    const bool starting = parsed && event.type == u"resync" && std::exchange(m_askingLatest, false);
    if (starting)
        m_lastSeq = event.seq;
    if (m_state != State::Connected)
        onEstablished(); // a frame: the server took us
    if (!parsed || starting)
        return;
    if (event.type == u"error")
        return; // the server's answer to a bad presence frame of ours: nothing to show
    if (event.type == u"presence") {
        // Presence carries the server's latest seq; it must never move us backwards,
        // or the next reconnect would replay what we have already seen.
        m_lastSeq = std::max(m_lastSeq, event.seq);
        Q_EMIT presenceReceived(event.ticketId,
                                core::UserRef::fromJson(event.data.value(u"user"_s).toObject()),
                                event.data.value(u"state"_s).toString());
        return;
    }
    if (event.type == u"resync") {
        // Everything up to seq is to be reloaded by the owner; continue from there.
        m_lastSeq = event.seq;
        Q_EMIT resyncRequired();
        return;
    }
    m_askingLatest = false;
    if (event.seq > 0 && event.seq <= m_lastSeq)
        return; // already delivered (a replay overlapping what came live)
    m_lastSeq = std::max(m_lastSeq, event.seq);
    Q_EMIT eventReceived(event);
}

void EventStream::scheduleReconnect()
{
    setState(State::Reconnecting);
    // Up to a fifth more, so that many clients of a restarted server don't all come back
    // in the same millisecond.
    const int jitter = int(QRandomGenerator::global()->bounded(m_backoffMs / 5 + 1));
    m_retry.start(m_backoffMs + jitter);
    m_backoffMs = std::min(m_backoffMs * 2, m_maxBackoffMs);
}

void EventStream::dropSocket()
{
    m_settle.stop();
    m_watchdog.stop();
    m_heartbeat.stop();
    if (!m_socket)
        return;
    QWebSocket *ws = m_socket.release();
    ws->disconnect(this);
    if (ws->state() == QAbstractSocket::ConnectedState)
        ws->close(QWebSocketProtocol::CloseCodeGoingAway);
    else
        ws->abort();
    // It may be in the middle of emitting the signal that brought us here.
    ws->deleteLater();
}

void EventStream::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace client
