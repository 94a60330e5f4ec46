#include "eventhub.h"

#include "api/sessions.h"
#include "core/presence.h"
#include "core/timeutil.h"
#include "eventview.h"
#include "http/httpserver.h"
#include "http/websocketsession.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;
using server::http::WebSocketSession;

namespace server {
namespace {

constexpr int ReplayBatch = 500;

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

QByteArray errorFrame(qint64 ticketId, const QString &code, const QString &message)
{
    const core::Event error{
        0, u"error"_s, ticketId, core::nowMsecs(), {{u"code"_s, code}, {u"message"_s, message}}};
    return frame(error, true);
}

} // namespace

EventHub::EventHub(Store &store, api::Sessions &sessions, http::HttpServer *http,
                   const EventHubLimits &limits)
    : m_store(store)
    , m_sessions(sessions)
    , m_limits(limits)
{
    http->setWebSocketHandler(
        [this](std::unique_ptr<WebSocketSession> socket, const http::Request &request) {
            accept(std::move(socket), request);
        });
    m_store.setEventListener([this](const ServerEvent &e) { publish(e); });
    m_lastPublished = m_store.events().latestSeq();
    m_sweepTimer.setInterval(1000);
    connect(&m_sweepTimer, &QTimer::timeout, this, &EventHub::sweep);
    m_sweepTimer.start();
}

void EventHub::sweep()
{
    constexpr int RecheckEvery = 30; // sweeps, i.e. seconds
    const qint64 now = core::nowMsecs();
    // An operator's change in another process (deactivation) is checked at once.
    m_store.endReads();
    m_sessions.noticeOutsideChanges();
    const int seen = m_sessions.outsideChangesSeen();
    const bool outside = seen != m_outsideChangesSeen;
    m_outsideChangesSeen = seen;
    const bool recheck = ++m_sweeps % RecheckEvery == 0 || outside;
    for (auto &c : m_clients) {
        if (c->socket->isOpen() && (c->caller.expiresAt <= now ||
                                    (recheck && !m_sessions.stillValid(c->caller.tokenHash, now))))
            c->socket->close(WebSocketSession::CloseUnauthorized, "session ended");
    }
}

EventHub::~EventHub()
{
    m_store.setEventListener({});
    for (auto &c : m_clients)
        c->socket->disconnect(this);
}

void EventHub::accept(std::unique_ptr<WebSocketSession> socket, const http::Request &request)
{
    const qint64 now = core::nowMsecs();
    std::optional<Caller> caller =
        m_sessions.authenticate(api::Sessions::tokenOf(request, true), now);
    if (!caller) {
        socket->close(WebSocketSession::CloseUnauthorized, "unauthorized");
        socket.release()->deleteLater(); // goes with the connection's end
        return;
    }
    int sameToken = 0;
    for (const auto &c : m_clients)
        sameToken += c->caller.tokenHash == caller->tokenHash ? 1 : 0;
    if (sameToken >= m_limits.maxStreamsPerToken) {
        socket->close(WebSocketSession::CloseTooManyStreams, "too many streams for this token");
        socket.release()->deleteLater();
        return;
    }
    auto client = std::make_unique<Client>();
    client->socket = std::move(socket);
    client->caller = *caller;
    WebSocketSession *ws = client->socket.get();
    connect(ws, &WebSocketSession::textReceived, this,
            [this, ws](const QByteArray &text) { onText(ws, text); });
    connect(ws, &WebSocketSession::closed, this, [this, ws] { drop(ws); });
    Client &ref = *client;
    // No lookup: drained comes after every write that empties the queue. The client lives
    // as long as its socket's signals can reach us (drop() ends both).
    connect(ws, &WebSocketSession::drained, this, [this, &ref] {
        if (ref.replaying)
            pumpReplay(ref);
    });
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
        client.socket->sendText(frame(resync, true));
        return;
    }
    client.replaying = true;
    client.replayCursor = since;
    pumpReplay(client);
}

// Sends stored events while the queue is below half its bound; the rest when the client
// has taken them (drained). Live events wait meanwhile: the replay reaches them.
void EventHub::pumpReplay(Client &client)
{
    const qint64 bound = client.socket->maxQueuedBytes() / 2;
    while (client.replaying && client.socket->isOpen() && client.socket->queuedBytes() < bound) {
        const QList<ServerEvent> batch = m_store.events().since(client.replayCursor, ReplayBatch);
        for (const ServerEvent &e : batch) {
            if (client.socket->queuedBytes() >= bound)
                return;
            if (!send(client, e))
                return;
            client.replayCursor = e.event.seq;
        }
        if (batch.size() < ReplayBatch)
            client.replaying = false;
    }
}

bool EventHub::send(Client &client, const ServerEvent &event)
{
    if (!event.visibleTo(client.caller))
        return true;
    const QByteArray text = frame(event.event, client.caller.isStaff());
    return text.isEmpty() || client.socket->sendText(text);
}

void EventHub::publish(const ServerEvent &event)
{
    // A worker's event arrives here a moment after its commit (posted to this thread): a
    // replay that ran meanwhile may have read it from the store already, so what is at or
    // below the client's replay cursor is not sent twice.
    m_lastPublished = std::max(m_lastPublished, event.event.seq);
    for (auto &c : m_clients) {
        if (!c->replaying && event.event.seq > c->replayCursor)
            send(*c, event);
    }
}

int EventHub::closeStreamsOf(const QByteArray &tokenHash, int closeCode)
{
    int closed = 0;
    for (auto &c : m_clients) {
        if (c->caller.tokenHash == tokenHash && c->socket->isOpen()) {
            c->socket->close(closeCode, "closed");
            ++closed;
        }
    }
    return closed;
}

void EventHub::onText(WebSocketSession *socket, const QByteArray &text)
{
    Client *sender = find(socket);
    if (!sender)
        return;
    const qint64 now = core::nowMsecs();
    if (now - sender->presenceWindowStart >= 1000) {
        sender->presenceWindowStart = now;
        sender->presenceInWindow = 0;
    }
    if (++sender->presenceInWindow > m_limits.presenceFramesPerSecond) {
        if (sender->presenceInWindow == m_limits.presenceFramesPerSecond + 1)
            socket->sendText(errorFrame(0, u"rate_limited"_s,
                                        u"At most %1 presence frames per second; the rest "
                                        "are dropped."_s.arg(m_limits.presenceFramesPerSecond)));
        return;
    }
    // The parser is the one the fuzzers feed (tests/fuzz/presence_frame.cpp).
    const std::optional<core::PresenceFrame> parsed = core::parsePresenceFrame(text);
    if (!parsed || !m_store.tickets().ticket(parsed->ticketId, sender->caller)) {
        socket->sendText(errorFrame(parsed ? parsed->ticketId : 0, u"invalid_frame"_s,
                                    u"Send {type: presence, ticketId, state}."_s));
        return;
    }
    const qint64 ticketId = parsed->ticketId;
    const QString &state = parsed->state;
    ServerEvent presence;
    presence.event = {m_lastPublished,
                      u"presence"_s,
                      ticketId,
                      now,
                      {{u"user"_s, sender->caller.ref().toJson()}, {u"state"_s, state}}};
    presence.staffOnly = true;
    for (auto &c : m_clients) {
        // A replaying client must not get a newer seq before the events it still misses.
        if (c.get() != sender && !c->replaying)
            send(*c, presence);
    }
}

EventHub::Client *EventHub::find(WebSocketSession *socket)
{
    for (auto &c : m_clients) {
        if (c->socket.get() == socket)
            return c.get();
    }
    return nullptr;
}

void EventHub::drop(WebSocketSession *socket)
{
    for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
        if ((*it)->socket.get() == socket) {
            (*it)->socket.release()->deleteLater(); // we are inside its signal
            m_clients.erase(it);
            return;
        }
    }
}

} // namespace server
