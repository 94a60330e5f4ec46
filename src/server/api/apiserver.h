#pragma once

#include "apicontext.h"
#include "requesthandler.h"
#include "sessions.h"

#include <QObject>
#include <QTimer>
#include <memory>

namespace server {
class EventHub;
namespace http {
class HttpServer;
}
namespace ops {
class MetricsServer;
class RequestObserver;
struct Gauges;
} // namespace ops

namespace api {
class WorkerPool;

// The API server: HTTP front, routes, sign-in and the event stream. Requests are answered
// on a pool of worker threads (ServerConfig::workers), each over its own connection to the
// store (Store::sibling); this object's thread (the main thread) keeps `store` for the
// event stream, upload admissions, pruning and the metrics' gauges.
class ApiServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiServer)

public:
    ApiServer(Store &store, const ServerConfig &config, QObject *parent = nullptr);
    ~ApiServer() override;

    // Listens on the configured address; returns the port (0 on failure).
    quint16 listen();
    QStringList routes() const { return m_main->router().describe(); }
    // The threads answering requests (0: this object's thread answers them).
    int workers() const;
    EventHub &events() { return *m_hub; }
    http::HttpServer &http() { return *m_http; }

private:
    std::optional<http::Response> checkUpgrade(const http::Request &request);
    void prune();
    RequestHandler::Shared shared();
    void startWorkers();
    quint16 listenForMetrics();
    ops::Gauges gauges();

    Store &m_store;
    const ServerConfig m_config;
    FileStore m_files;
    auth::SignInLimits m_signInLimits;
    auth::PasswordHasher m_passwordHasher;
    std::shared_ptr<ops::RequestObserver> m_observer; // shared with answers still under way
    std::unique_ptr<RequestHandler> m_main;
    std::unique_ptr<WorkerPool> m_pool; // stopped first, deleted after the front
    std::unique_ptr<http::HttpServer> m_http;
    std::unique_ptr<EventHub> m_hub;
    std::unique_ptr<ops::MetricsServer> m_metrics;
    QTimer *m_pruneTimer = nullptr;
};

} // namespace api
} // namespace server
