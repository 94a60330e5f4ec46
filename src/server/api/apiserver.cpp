#include "apiserver.h"

#include "core/timeutil.h"
#include "events/eventhub.h"
#include "http/httpserver.h"
#include "http/websocketsession.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using server::http::Response;

namespace server::api {
namespace {

http::Limits httpLimits(const ServerConfig &config)
{
    http::Limits limits;
    limits.maxJsonBytes = config.maxJsonBytes;
    limits.maxUploadBytes = config.maxUploadBytes;
    limits.headerTimeoutMsecs = config.headerTimeoutMsecs;
    limits.idleTimeoutMsecs = config.idleTimeoutMsecs;
    limits.minBodyBytesPerSecond = config.minBodyBytesPerSecond;
    limits.maxConnections = config.maxConnections;
    limits.maxConnectionsPerAddress = config.maxConnectionsPerAddress;
    limits.webSocketQueueBytes = config.webSocketQueueBytes;
    limits.maxWebSocketMessageBytes = config.maxWebSocketMessageBytes;
    limits.uploadDirectory = config.dataDir + u"/attachments"_s;
    // POST /api/v1/tickets/{id}/attachments: the one body streamed to a file.
    limits.isUpload = [](const http::Request &r) {
        return r.method == "POST" && r.segments.size() == 5 && r.segments[0] == u"api" &&
               r.segments[1] == u"v1" && r.segments[2] == u"tickets" &&
               r.segments[4] == u"attachments";
    };
    return limits;
}

Response unauthorized()
{
    return Response::error(401, u"unauthorized"_s,
                           u"Sign in first: the token is missing, invalid or expired."_s)
        .withHeader("WWW-Authenticate", "Bearer");
}

} // namespace

ApiServer::ApiServer(Store &store, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_config(config)
    , m_files(config.dataDir + u"/attachments"_s)
    , m_signInLimits(config.signIn)
    , m_ctx{this, store, m_config, m_files, m_signInLimits}
    , m_sessions(store.auth())
    , m_http(std::make_unique<http::HttpServer>(httpLimits(config)))
{
    m_files.ensureDirectory();
    m_files.removeIncoming(); // uploads cut short by a crash
    m_hub = std::make_unique<EventHub>(
        store, m_sessions, m_http.get(),
        EventHubLimits{config.maxStreamsPerToken, config.presenceFramesPerSecond});
    m_sessions.setRevocationListener([this](const QByteArray &tokenHash) {
        m_hub->closeStreamsOf(tokenHash, http::WebSocketSession::CloseUnauthorized);
    });
    registerAuthRoutes(m_router, m_ctx);
    // Sign-out revokes through the session cache so that the token dies at once.
    m_router.add("POST", u"/api/v1/auth/logout"_s, Access::SignedIn, [this](Call &call) {
        m_sessions.revoke(call.caller.tokenHash);
        return Response::noContent();
    });
    registerDirectoryRoutes(m_router, m_ctx);
    registerTicketRoutes(m_router, m_ctx);
    registerConversationRoutes(m_router, m_ctx);
    registerAttachmentRoutes(m_router, m_ctx);
    registerRatingRoutes(m_router, m_ctx);
    registerAdminRoutes(m_router, m_ctx);
    // Listed so that the route table (and docs/openapi.yaml) names it; upgrades are
    // taken before routing, a plain GET gets 426.
    m_router.add("GET", u"/api/v1/events"_s, Access::SignedIn, [](Call &) {
        return Response::error(426, u"upgrade_required"_s, u"Open this URL as a WebSocket."_s)
            .withHeader("Upgrade", "websocket");
    });

    m_http->setHandler(
        [this](const http::Request &r, const http::Responder &responder) { handle(r, responder); });
    m_http->setUpgradeCheck([this](const http::Request &r) { return checkUpgrade(r); });
    m_http->setUploadAdmission([this](const http::Request &r) -> std::optional<Response> {
        const Router::Match match = m_router.match(r.method, r.segments);
        if (!match.route || match.route->access == Access::Anyone)
            return std::nullopt;
        m_store.endReads();
        Call call{r, match.params, {}, core::nowMsecs()};
        std::optional<Caller> caller =
            m_sessions.authenticate(Sessions::tokenOf(r, false), call.now);
        if (!caller)
            return unauthorized();
        call.caller = *caller;
        // Nothing of a stranger's upload reaches the disk unless the route would take it.
        if (match.route->pattern.endsWith(u"attachments"_s))
            return admitUpload(call, m_ctx);
        return std::nullopt;
    });
    m_pruneTimer = new QTimer(this);
    m_pruneTimer->setInterval(int(std::min<qint64>(config.pruneEveryMsecs, 24LL * 3600 * 1000)));
    connect(m_pruneTimer, &QTimer::timeout, this, &ApiServer::prune);
}

void ApiServer::prune()
{
    const qint64 now = core::nowMsecs();
    qint64 pruned = 0;
    m_store.write([&] {
        pruned = m_store.auth().pruneSessions(now, now - m_config.idleCodeUserMsecs);
        return true;
    });
    if (pruned > 0)
        qInfo("pruned %lld expired sessions and idle code users", pruned);
}

ApiServer::~ApiServer() = default;

quint16 ApiServer::listen()
{
    prune();
    m_pruneTimer->start();
    return m_http->listen(m_config.address, m_config.port);
}

std::optional<Response> ApiServer::checkUpgrade(const http::Request &request)
{
    if (request.segments != QStringList{u"api"_s, u"v1"_s, u"events"_s})
        return Response::notFound();
    m_store.endReads();
    if (!m_sessions.authenticate(Sessions::tokenOf(request, true), core::nowMsecs()))
        return Response::error(401, u"unauthorized"_s, u"Sign in first."_s);
    return std::nullopt;
}

void ApiServer::handle(const http::Request &request, const http::Responder &responder)
{
    m_store.endReads();
    const Router::Match match = m_router.match(request.method, request.segments);
    if (!match.route) {
        responder.send(match.pathKnown ? Response::error(405, u"method_not_allowed"_s,
                                                         u"This method is not allowed here."_s)
                                       : Response::notFound());
        return;
    }
    Call call{request, match.params, {}, core::nowMsecs()};
    const Route &route = *match.route;
    if (route.access != Access::Anyone) {
        std::optional<Caller> caller =
            m_sessions.authenticate(Sessions::tokenOf(request, false), call.now);
        if (!caller) {
            responder.send(unauthorized());
            return;
        }
        call.caller = *caller;
        const bool allowed = route.access == Access::SignedIn ||
                             (route.access == Access::Staff && call.caller.isStaff()) ||
                             (route.access == Access::Admin && call.caller.isAdmin());
        if (!allowed) {
            // Code users do not learn that staff-only resources exist; agents do.
            responder.send(
                call.caller.isStaff()
                    ? Response::error(403, u"forbidden"_s, u"Only administrators may do this."_s)
                    : Response::notFound());
            return;
        }
    }
    if (route.asyncHandler) {
        route.asyncHandler(call, responder);
        return;
    }
    Response response = route.handler(call);
    response.withHeader("Cache-Control", "no-store")
        .withHeader("X-Content-Type-Options", "nosniff");
    responder.send(response);
}

} // namespace server::api
