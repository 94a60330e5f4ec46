#pragma once

#include "metrics.h"

#include <QHostAddress>
#include <functional>
#include <memory>

namespace server::http {
class HttpServer;
}

namespace server::ops {

// GET /metrics on a listener of its own (never on the API port): the counters of
// `metrics` and the gauges `gauges` reads at each scrape (on the Qt thread).
class MetricsServer
{
public:
    MetricsServer(std::shared_ptr<const Metrics> metrics, std::function<Gauges()> gauges);
    ~MetricsServer();
    Q_DISABLE_COPY_MOVE(MetricsServer)

    // The bound port, 0 on failure.
    quint16 listen(const QHostAddress &address, quint16 port);

private:
    std::shared_ptr<const Metrics> m_metrics;
    std::function<Gauges()> m_gauges;
    std::unique_ptr<http::HttpServer> m_http;
};

} // namespace server::ops
