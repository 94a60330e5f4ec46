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

    Store &m_store;
    const ServerConfig m_config;
    FileStore m_files;
    auth::SignInLimits m_signInLimits;
    ApiContext m_ctx;
    Sessions m_sessions;
    Router m_router;
    std::unique_ptr<http::HttpServer> m_http;
    std::unique_ptr<EventHub> m_hub;
    QTimer *m_pruneTimer = nullptr;
};

} // namespace api
} // namespace server
