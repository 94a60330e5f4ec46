#pragma once

#include "request.h"
#include "response.h"

#include <QAbstractHttpServer>
#include <QPointer>
#include <QTcpSocket>
#include <functional>
#include <memory>
#include <optional>

namespace server::http {

// Answers one request, now or later (after work on another thread). Copies share one
// answer: only the first send() writes, and nothing is written once the client left.
class Responder
{
public:
    Responder(QTcpSocket *socket, bool keepAlive);
    void send(const Response &response) const;

private:
    QPointer<QTcpSocket> m_socket;
    bool m_keepAlive = true;
    std::shared_ptr<bool> m_sent;
};

// The HTTP front: turns Qt's parsed requests into Request values and writes responses
// itself, so every status code and header of the contract is available. WebSocket
// upgrades are accepted only when the upgrade check lets them through.
class HttpServer final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    using Handler = std::function<void(const Request &, const Responder &)>;
    // nullopt accepts the upgrade; a response refuses it.
    using UpgradeCheck = std::function<std::optional<Response>(const Request &)>;

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    void setUpgradeCheck(UpgradeCheck check) { m_upgradeCheck = std::move(check); }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
    UpgradeCheck m_upgradeCheck;
    QTcpSocket *m_alreadyAnswered = nullptr;
};

Request toRequest(const QHttpServerRequest &request);

} // namespace server::http
