#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <array>

namespace server::ops {

// What a scrape reads at the moment it is asked (gauges).
struct Gauges {
    int openEventStreams = 0;
    qint64 databaseBytes = 0;
    QList<QPair<QString, qint64>> ticketsByStatus; // status name, count
};

// Request counters and latency histograms, by method and route template, in the
// Prometheus text exposition format (version 0.0.4). Thread-safe.
class Metrics
{
public:
    static constexpr std::array<double, 12> Buckets{0.001, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                    0.25,  0.5,   1,    2.5,   5,    10};

    void observe(const QByteArray &method, const QString &route, int status, double seconds);
    QByteArray render(const Gauges &gauges) const;

private:
    struct Histogram {
        std::array<quint64, Buckets.size()> counts{}; // not cumulative; summed on render
        quint64 count = 0;
        double sum = 0;
    };

    mutable QMutex m_mutex;
    QHash<QString, quint64> m_requests;    // labels -> count
    QHash<QString, Histogram> m_latencies; // labels (method, route) -> histogram
};

} // namespace server::ops
