#pragma once

#include "apicontext.h"
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

// The API server: HTTP front, routes, sign-in and the event stream, over one store.
class ApiServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiServer)

public:
    ApiServer(Store &store, const ServerConfig &config, QObject *parent = nullptr);
    ~ApiServer() override;

    // Listens on the configured address; returns the port (0 on failure).
    quint16 listen();
    QStringList routes() const { return m_router.describe(); }
    EventHub &events() { return *m_hub; }
    http::HttpServer &http() { return *m_http; }

private:
    void handle(const http::Request &request, const http::Responder &responder);
    std::optional<http::Response> checkUpgrade(const http::Request &request);
    void prune();
    quint16 listenForMetrics();
    ops::Gauges gauges();

    Store &m_store;
    const ServerConfig m_config;
    FileStore m_files;
    auth::SignInLimits m_signInLimits;
    auth::PasswordHasher m_passwordHasher;
    ApiContext m_ctx;
    Sessions m_sessions;
    Router m_router;
    std::unique_ptr<http::HttpServer> m_http;
    std::unique_ptr<EventHub> m_hub;
    std::shared_ptr<ops::RequestObserver> m_observer; // shared with answers still under way
    std::unique_ptr<ops::MetricsServer> m_metrics;
    QTimer *m_pruneTimer = nullptr;
};

} // namespace api
} // namespace server
