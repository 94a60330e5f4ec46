#include "metricsserver.h"

#include "http/httpserver.h"

using namespace Qt::StringLiterals;

namespace server::ops {
namespace {

http::Limits metricsLimits()
{
    http::Limits limits;
    limits.maxJsonBytes = 0; // a scrape has no body
    limits.maxConnections = 32;
    limits.maxConnectionsPerAddress = 8;
    return limits;
}

} // namespace

MetricsServer::MetricsServer(std::shared_ptr<const Metrics> metrics, std::function<Gauges()> gauges)
    : m_metrics(std::move(metrics))
    , m_gauges(std::move(gauges))
    , m_http(std::make_unique<http::HttpServer>(metricsLimits()))
{
    m_http->setHandler([this](const http::Request &request, const http::Responder &responder) {
        if (request.segments != QStringList{u"metrics"_s})
            return responder.send(http::Response::notFound());
        if (request.method != "GET" && request.method != "HEAD")
            return responder.send(
                http::Response::error(405, u"method_not_allowed"_s, u"Only GET is allowed here."_s)
                    .withHeader("Allow", "GET, HEAD"));
        http::Response response;
        response.status = 200;
        response.contentType = "text/plain; version=0.0.4; charset=utf-8";
        response.body = m_metrics->render(m_gauges());
        response.withHeader("Cache-Control", "no-store");
        responder.send(response);
    });
}

MetricsServer::~MetricsServer() = default;

quint16 MetricsServer::listen(const QHostAddress &address, quint16 port)
{
    return m_http->listen(address, port);
}

} // namespace server::ops
