#include "apiserver.h"

#include "library.h"

#include "core/timeutil.h"
#include "events/eventhub.h"
#include "http/httpserver.h"
#include "http/websocketsession.h"
#include "ops/metricsserver.h"
#include "ops/observer.h"

#include <QFileInfo>
#include <QJsonArray>
#include <cstdio>

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
    limits.trustedProxies = config.trustedProxies;
    limits.uploadDirectory = config.dataDir + u"/attachments"_s;
    // POST /api/v1/tickets/{id}/attachments: the one body streamed to a file.
    limits.isUpload = [](const http::Request &r) {
        return r.method == "POST" && r.segments.size() == 5 && r.segments[0] == u"api" &&
               r.segments[1] == u"v1" && r.segments[2] == u"tickets" &&
               r.segments[4] == u"attachments";
    };
    return limits;
}

QString routeTemplate(const Route &route)
{
    return u"/"_s + route.pattern.join(u'/');
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
    , m_passwordHasher(0, config.ops.passwordHashQueue)
    , m_ctx{this, store, m_config, m_files, m_signInLimits, m_passwordHasher}
    , m_sessions(store.auth())
    , m_http(std::make_unique<http::HttpServer>(httpLimits(config)))
    , m_observer(std::make_shared<ops::RequestObserver>(config.ops.logFormat))
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
    registerBulkRoutes(m_router, m_ctx);
    registerConversationRoutes(m_router, m_ctx);
    registerSeenRoutes(m_router, m_ctx);
    registerAttachmentRoutes(m_router, m_ctx);
    registerRatingRoutes(m_router, m_ctx);
    registerAdminRoutes(m_router, m_ctx);
    registerServiceLevelRoutes(m_router, m_ctx);
    registerTextModuleRoutes(m_router, m_ctx);
    registerMacroRoutes(m_router, m_ctx);
    registerViewRoutes(m_router, m_ctx);
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
    if (m_config.ops.metrics && listenForMetrics() == 0)
        return 0;
    return m_http->listen(m_config.address, m_config.port);
}

std::optional<Response> ApiServer::checkUpgrade(const http::Request &request)
{
    // Logged and counted once, at the upgrade (101) or its refusal.
    ops::AccessRecord record{core::nowMsecs(), request.client, request.method, u"-"_s, 0, 0, {}};
    std::optional<Response> refusal;
    if (request.segments != QStringList{u"api"_s, u"v1"_s, u"events"_s}) {
        refusal = Response::notFound();
    } else {
        record.route = u"/api/v1/events"_s;
        m_store.endReads();
        if (auto caller = m_sessions.authenticate(Sessions::tokenOf(request, true), record.time))
            record.user = caller->scope();
        else
            refusal = Response::error(401, u"unauthorized"_s, u"Sign in first."_s);
    }
    record.status = refusal ? refusal->status : 101;
    record.msecs = double(core::nowMsecs() - record.time);
    m_observer->record(record);
    return refusal;
}

void ApiServer::handle(const http::Request &request, const http::Responder &plainResponder)
{
    m_store.endReads();
    const Router::Match match = m_router.match(request.method, request.segments);
    // On every answer, also those an asynchronous step (sign-in) or a refusal sends.
    const http::Responder withHeaders = http::withDefaultHeaders(
        plainResponder, {{"Cache-Control", "no-store"}, {"X-Content-Type-Options", "nosniff"}});
    ops::RequestObserver::Call observed = ops::RequestObserver::observe(
        m_observer, request, match.route ? routeTemplate(*match.route) : u"-"_s, withHeaders);
    const http::Responder &responder = observed.responder();
    if (!match.route) {
        responder.send(match.pathKnown ? Response::error(405, u"method_not_allowed"_s,
                                                         u"This method is not allowed here."_s)
                                       : Response::notFound());
        return;
    }
    Call call{request, match.params, {}, core::nowMsecs(), {}};
    call.identify = observed.userSetter();
    const Route &route = *match.route;
    if (route.access != Access::Anyone) {
        std::optional<Caller> caller =
            m_sessions.authenticate(Sessions::tokenOf(request, false), call.now);
        if (!caller) {
            responder.send(unauthorized());
            return;
        }
        call.caller = *caller;
        observed.setUser(call.caller.scope());
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
    responder.send(route.handler(call));
}

quint16 ApiServer::listenForMetrics()
{
    m_metrics = std::make_unique<ops::MetricsServer>(
        std::shared_ptr<const ops::Metrics>(m_observer, &m_observer->metrics()),
        [this] { return gauges(); });
    const quint16 port = m_metrics->listen(m_config.ops.metricsAddress, m_config.ops.metricsPort);
    const QHostAddress &a = m_config.ops.metricsAddress;
    const QString host = a.protocol() == QAbstractSocket::IPv6Protocol
                             ? u"["_s + a.toString() + u"]"_s
                             : a.toString();
    if (port == 0) {
        std::fprintf(stderr, "ticket-server: cannot listen for metrics on %s:%u\n",
                     qPrintable(host), unsigned(m_config.ops.metricsPort));
        return 0;
    }
    std::fprintf(stdout, "ticket-server metrics on http://%s:%u/metrics\n", qPrintable(host),
                 unsigned(port));
    std::fflush(stdout);
    return port;
}

ops::Gauges ApiServer::gauges()
{
    ops::Gauges g;
    g.openEventStreams = m_hub->clientCount();
    for (const char *suffix : {"", "-wal"})
        g.databaseBytes +=
            QFileInfo(m_config.dataDir + u"/tickets.sqlite"_s + QLatin1String(suffix)).size();
    // Every ticket, as an administrator's sidebar counts them (cached until the next write).
    const Caller everyone{core::Role::Admin, 0, 0, {}, {}, 0};
    const Facets facets = m_store.tickets().facets(core::TicketQuery{}, everyone);
    for (int s = 0; s < core::StatusCount; ++s)
        g.ticketsByStatus.append({core::toString(core::Status(s)), facets.byStatus[size_t(s)]});
    return g;
}

} // namespace server::api
