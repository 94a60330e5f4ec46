#include "apiserver.h"

#include "workerpool.h"

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

} // namespace

ApiServer::ApiServer(Store &store, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_config(config)
    , m_files(config.dataDir + u"/attachments"_s)
    , m_signInLimits(config.signIn)
    , m_passwordHasher(0, config.ops.passwordHashQueue)
    , m_observer(std::make_shared<ops::RequestObserver>(config.ops.logFormat))
    , m_main(std::make_unique<RequestHandler>(this, store, shared()))
    , m_http(std::make_unique<http::HttpServer>(httpLimits(config)))
{
    m_files.ensureDirectory();
    m_files.removeIncoming(); // uploads cut short by a crash
    m_hub = std::make_unique<EventHub>(
        store, m_main->sessions(), m_http.get(),
        EventHubLimits{config.maxStreamsPerToken, config.presenceFramesPerSecond});
    // A sign-out on any thread closes the token's streams, on the hub's thread.
    m_main->sessions().setRevocationListener([hub = m_hub.get()](const QByteArray &tokenHash) {
        QMetaObject::invokeMethod(
            hub,
            [hub, tokenHash] {
                hub->closeStreamsOf(tokenHash, http::WebSocketSession::CloseUnauthorized);
            },
            Qt::AutoConnection);
    });
    m_http->setHandler([this](const http::Request &r, const http::Responder &responder) {
        m_main->handle(r, responder);
    });
    m_http->setUpgradeCheck([this](const http::Request &r) { return checkUpgrade(r); });
    m_http->setUploadAdmission([this](const http::Request &r) -> std::optional<Response> {
        return m_main->admitUpload(r);
    });
    m_pruneTimer = new QTimer(this);
    m_pruneTimer->setInterval(int(std::min<qint64>(config.pruneEveryMsecs, 24LL * 3600 * 1000)));
    connect(m_pruneTimer, &QTimer::timeout, this, &ApiServer::prune);
}

RequestHandler::Shared ApiServer::shared()
{
    return {m_config,
            m_files,
            m_signInLimits,
            m_passwordHasher,
            std::make_shared<Sessions::SessionCache>(),
            m_observer};
}

void ApiServer::startWorkers()
{
    const int count = workerCount(m_config.workers);
    RequestHandler::Shared shared{
        m_config,  m_files, m_signInLimits, m_passwordHasher, m_main->sessions().cache(),
        m_observer};
    // A worker's events go to the hub on this thread. The store calls the listener under
    // its write lock, so they are posted (and published) in the order of their commits.
    // This thread's own writes (pruning, sign-outs of upgrades) publish no events.
    m_pool = std::make_unique<WorkerPool>(count, m_store, shared, [hub = m_hub.get()](Store &s) {
        s.setEventListener([hub](const ServerEvent &e) {
            QMetaObject::invokeMethod(
                hub, [hub, e] { hub->publish(e); }, Qt::QueuedConnection);
        });
    });
    if (m_pool->isEmpty()) {
        // An in-memory database cannot be shared between connections: this thread answers
        // every request, as one worker would.
        m_pool.reset();
        return;
    }
    m_http->setDispatcher(
        [pool = m_pool.get()](http::Request request, const http::Responder &responder) {
            pool->dispatch(std::move(request), responder);
        });
}

int ApiServer::workers() const
{
    return m_pool ? m_pool->size() : 0;
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

ApiServer::~ApiServer()
{
    // The workers finish the requests under way first, while the hub and the front that
    // take their events and answers still exist; the front answers 503 from then on.
    if (m_pool)
        m_pool->stop();
}

quint16 ApiServer::listen()
{
    prune();
    m_pruneTimer->start();
    if (m_config.ops.metrics && listenForMetrics() == 0)
        return 0;
    if (!m_pool)
        startWorkers();
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
        if (auto caller =
                m_main->sessions().authenticate(Sessions::tokenOf(request, true), record.time))
            record.user = caller->scope();
        else
            refusal = Response::error(401, u"unauthorized"_s, u"Sign in first."_s);
    }
    record.status = refusal ? refusal->status : 101;
    record.msecs = double(core::nowMsecs() - record.time);
    m_observer->record(record);
    return refusal;
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
