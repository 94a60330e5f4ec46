#include "eventhub.h"

#include "api/sessions.h"
#include "core/timeutil.h"
#include "eventview.h"

#include <QAbstractHttpServer>
#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace server {
namespace {

constexpr int ReplayBatch = 500;
// Close codes in the private range: the client should sign in again.
constexpr auto CloseUnauthorized = QWebSocketProtocol::CloseCode(4401);

// The frame as the recipient may see it, or empty when there is nothing for them: code
// users get only the fields their own view allows (eventview.h).
QByteArray frame(const core::Event &event, bool staffView)
{
    QJsonObject o = event.toJson();
    if (!staffView) {
        const std::optional<QJsonObject> data = events::codeUserData(event.type, event.data);
        if (!data)
            return {};
        o.insert(u"data"_s, *data);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

EventHub::EventHub(Store &store, api::Sessions &sessions, QAbstractHttpServer *http)
    : m_store(store)
    , m_sessions(sessions)
    , m_http(http)
{
    connect(m_http, &QAbstractHttpServer::newWebSocketConnection, this, &EventHub::acceptPending);
    m_store.setEventListener([this](const ServerEvent &e) { publish(e); });
    m_sweepTimer.setInterval(1000);
    connect(&m_sweepTimer, &QTimer::timeout, this, &EventHub::sweep);
    m_sweepTimer.start();
}

void EventHub::closeStreamsOf(const QByteArray &tokenHash)
{
    // Closing may drop the client from m_clients at once: collect first.
    QList<QWebSocket *> ended;
    for (auto &c : m_clients) {
        if (c->caller.tokenHash == tokenHash)
            ended.append(c->socket.get());
    }
    for (QWebSocket *socket : ended)
        socket->close(CloseUnauthorized, u"signed out"_s);
}

void EventHub::sweep()
{
    constexpr int RecheckEvery = 30; // sweeps, i.e. seconds
    const qint64 now = core::nowMsecs();
    const bool recheck = ++m_sweeps % RecheckEvery == 0;
    QList<QWebSocket *> ended;
    for (auto &c : m_clients) {
        if (c->caller.expiresAt <= now ||
            (recheck && !m_sessions.stillValid(c->caller.tokenHash, now)))
            ended.append(c->socket.get());
    }
    for (QWebSocket *socket : ended)
        socket->close(CloseUnauthorized, u"session ended"_s);
}

EventHub::~EventHub()
{
    m_store.setEventListener({});
    for (auto &c : m_clients)
        c->socket->disconnect(this);
}

void EventHub::acceptPending()
{
    while (m_http->hasPendingWebSocketConnections())
        accept(m_http->nextPendingWebSocketConnection());
}

void EventHub::accept(std::unique_ptr<QWebSocket> socket)
{
    if (!socket)
        return;
    http::Request request;
    const QNetworkRequest &nr = socket->request();
    request.query = QUrlQuery(nr.url());
    request.headers.insert("authorization", nr.rawHeader("Authorization"));
    const qint64 now = core::nowMsecs();
    std::optional<Caller> caller =
        m_sessions.authenticate(api::Sessions::tokenOf(request, true), now);
    if (!caller) {
        socket->close(CloseUnauthorized, u"unauthorized"_s);
        socket.release()->deleteLater();
        return;
    }
    auto client = std::make_unique<Client>(Client{std::move(socket), *caller});
    QWebSocket *ws = client->socket.get();
    connect(ws, &QWebSocket::textMessageReceived, this,
            [this, ws](const QString &text) { onText(ws, text); });
    connect(ws, &QWebSocket::disconnected, this, [this, ws] { drop(ws); });
    Client &ref = *client;
    m_clients.push_back(std::move(client));

    bool ok = false;
    const qint64 since = request.query.queryItemValue(u"since"_s).toLongLong(&ok);
    if (ok && since >= 0)
        replay(ref, since);
}

void EventHub::replay(Client &client, qint64 since)
{
    const qint64 oldest = m_store.events().oldestSeq();
    const qint64 latest = m_store.events().latestSeq();
    if (since > latest || (since + 1 < oldest)) {
        // Too old (pruned) or from another server's life: the client must reload.
        core::Event resync{latest, u"resync"_s, 0, core::nowMsecs(), {}};
        client.socket->sendTextMessage(QString::fromUtf8(frame(resync, true)));
        return;
    }
    qint64 cursor = since;
    for (;;) {
        const QList<ServerEvent> batch = m_store.events().since(cursor, ReplayBatch);
        for (const ServerEvent &e : batch)
            send(client, e);
        if (batch.size() < ReplayBatch)
            break;
        cursor = batch.last().event.seq;
    }
}

void EventHub::send(Client &client, const ServerEvent &event)
{
    if (!event.visibleTo(client.caller))
        return;
    const QByteArray text = frame(event.event, client.caller.isStaff());
    if (!text.isEmpty())
        client.socket->sendTextMessage(QString::fromUtf8(text));
}

void EventHub::publish(const ServerEvent &event)
{
    for (auto &c : m_clients)
        send(*c, event);
}

void EventHub::onText(QWebSocket *socket, const QString &text)
{
    Client *sender = find(socket);
    if (!sender)
        return;
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString state = o.value(u"state"_s).toString();
    const qint64 ticketId = o.value(u"ticketId"_s).toInteger();
    const bool valid = o.value(u"type"_s).toString() == u"presence" && ticketId > 0 &&
                       (state == u"viewing" || state == u"typing" || state == u"left");
    if (!valid || !m_store.tickets().ticket(ticketId, sender->caller)) {
        const core::Event error{0,
                                u"error"_s,
                                ticketId,
                                core::nowMsecs(),
                                {{u"code"_s, u"invalid_frame"_s},
                                 {u"message"_s, u"Send {type: presence, ticketId, state}."_s}}};
        socket->sendTextMessage(QString::fromUtf8(frame(error, true)));
        return;
    }
    ServerEvent presence;
    presence.event = {m_store.events().latestSeq(),
                      u"presence"_s,
                      ticketId,
                      core::nowMsecs(),
                      {{u"user"_s, sender->caller.ref().toJson()}, {u"state"_s, state}}};
    presence.staffOnly = true;
    for (auto &c : m_clients) {
        if (c.get() != sender)
            send(*c, presence);
    }
}

EventHub::Client *EventHub::find(QWebSocket *socket)
{
    for (auto &c : m_clients) {
        if (c->socket.get() == socket)
            return c.get();
    }
    return nullptr;
}

void EventHub::drop(QWebSocket *socket)
{
    for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
        if ((*it)->socket.get() == socket) {
            (*it)->socket.release()->deleteLater();
            m_clients.erase(it);
            return;
        }
    }
}

} // namespace server
