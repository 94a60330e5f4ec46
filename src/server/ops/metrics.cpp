#include "metrics.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace server::ops {
namespace {

// Methods a client invents would make a label value each: they count as "other".
QString methodLabel(const QByteArray &method)
{
    static const QList<QByteArray> known{"GET",   "HEAD",   "POST",   "PUT",
                                         "PATCH", "DELETE", "OPTIONS"};
    return known.contains(method) ? QString::fromLatin1(method) : u"other"_s;
}

QString escaped(QString value)
{
    return value.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s).replace(u'\n', u"\\n"_s);
}

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

} // namespace

void Metrics::observe(const QByteArray &method, const QString &route, int status, double seconds)
{
    const QString routeLabels =
        u"method=\"%1\",route=\"%2\""_s.arg(methodLabel(method), escaped(route));
    QMutexLocker lock(&m_mutex);
    ++m_requests[routeLabels + u",status=\"%1\""_s.arg(status)];
    Histogram &h = m_latencies[routeLabels];
    ++h.count;
    h.sum += seconds;
    for (size_t i = 0; i < Buckets.size(); ++i) {
        if (seconds <= Buckets[i]) {
            ++h.counts[i];
            break;
        }
    }
}

QByteArray Metrics::render(const Gauges &gauges) const
{
    QStringList out;
    {
        QMutexLocker lock(&m_mutex);
        out << u"# HELP ticket_http_requests_total HTTP requests answered, by method, route "
               "template and status."_s
            << u"# TYPE ticket_http_requests_total counter"_s;
        QStringList keys = m_requests.keys();
        keys.sort();
        for (const QString &labels : keys)
            out << u"ticket_http_requests_total{%1} %2"_s.arg(labels).arg(m_requests[labels]);
        out << u"# HELP ticket_http_request_duration_seconds Time from a request's arrival "
               "at the routes to its answer."_s
            << u"# TYPE ticket_http_request_duration_seconds histogram"_s;
        keys = m_latencies.keys();
        keys.sort();
        for (const QString &labels : keys) {
            const Histogram &h = m_latencies[labels];
            quint64 cumulative = 0;
            for (size_t i = 0; i < Buckets.size(); ++i) {
                cumulative += h.counts[i];
                out << u"ticket_http_request_duration_seconds_bucket{%1,le=\"%2\"} %3"_s
                           .arg(labels, number(Buckets[i]))
                           .arg(cumulative);
            }
            out << u"ticket_http_request_duration_seconds_bucket{%1,le=\"+Inf\"} %2"_s.arg(labels)
                       .arg(h.count)
                << u"ticket_http_request_duration_seconds_sum{%1} %2"_s.arg(labels, number(h.sum))
                << u"ticket_http_request_duration_seconds_count{%1} %2"_s.arg(labels).arg(h.count);
        }
    }
    out << u"# HELP ticket_event_streams_open Event streams (WebSockets) open now."_s
        << u"# TYPE ticket_event_streams_open gauge"_s
        << u"ticket_event_streams_open %1"_s.arg(gauges.openEventStreams)
        << u"# HELP ticket_database_size_bytes Size of the database files on disk."_s
        << u"# TYPE ticket_database_size_bytes gauge"_s
        << u"ticket_database_size_bytes %1"_s.arg(gauges.databaseBytes)
        << u"# HELP ticket_tickets Tickets by status."_s << u"# TYPE ticket_tickets gauge"_s;
    for (const auto &[status, count] : gauges.ticketsByStatus)
        out << u"ticket_tickets{status=\"%1\"} %2"_s.arg(escaped(status)).arg(count);
    return (out.join(u'\n') + u'\n').toUtf8();
}

} // namespace server::ops
