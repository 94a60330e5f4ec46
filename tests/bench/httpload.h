#pragma once

// A minimal HTTP/1.1 keep-alive client on raw QTcpSocket for the server benchmark: one
// outstanding request per connection, latency measured in nanoseconds from the write of
// the request to the last byte of the response, and a closed-loop runner that drives C
// such connections on the caller's event loop.

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QPair>
#include <QString>
#include <QTcpSocket>
#include <functional>
#include <memory>
#include <vector>

namespace bench {

// The one clock every measurement reads (monotonic, nanoseconds since the program start).
qint64 nowNs();

struct HttpRequest {
    QByteArray method = "GET";
    QByteArray target; // path and query, e.g. /api/v1/tickets?limit=1
    QByteArray body;   // sent as application/json when not empty
    QList<QPair<QByteArray, QByteArray>> headers;
};

struct HttpResponse {
    int status = 0; // 0: no answer (refused, reset, timed out)
    QByteArray body;
    QByteArray etag;
    bool ok() const { return status >= 200 && status < 300; }
};

class HttpConnection
{
public:
    using Done = std::function<void(const HttpResponse &, qint64 nanoseconds)>;

    HttpConnection(const QString &host, quint16 port, const QByteArray &token);
    ~HttpConnection();
    HttpConnection(const HttpConnection &) = delete;
    HttpConnection &operator=(const HttpConnection &) = delete;

    void setToken(const QByteArray &token) { m_token = token; }
    bool connectNow(int timeoutMs); // blocking connect (setup, not measured)
    // Writes the request; `done` runs once with the response (or status 0 on failure).
    void send(const HttpRequest &request, Done done);
    bool busy() const { return bool(m_done); }
    // Drops the request in flight without calling its `done`, and closes the connection.
    void abort();
    int reconnects() const { return m_reconnects; }

private:
    void onReadyRead();
    void fail();
    bool parseHead(qsizetype headEnd);
    bool takeChunkedBody();
    void complete();

    QString m_host;
    quint16 m_port;
    QByteArray m_token;
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
    Done m_done;
    qint64 m_startNs = 0;
    int m_reconnects = 0;
    // Parse state of the response in flight.
    bool m_haveHead = false;
    bool m_chunked = false;
    bool m_closeAfter = false;
    qint64 m_contentLength = 0;
    HttpResponse m_response;
};

// One synchronous request (setup and checks): runs a nested event loop.
HttpResponse call(HttpConnection &connection, const HttpRequest &request, int timeoutMs = 30000);

struct LoadResult {
    QString name;
    qint64 requests = 0;
    qint64 errors = 0; // non-2xx and failed requests
    double seconds = 0;
    std::vector<qint64> latencyNs; // of every answered request, sorted
    int firstErrorStatus = 0;
    QByteArray firstErrorBody;
    int reconnects = 0;
    double serverCpuMs = -1; // CPU time the server process used during the run (-1: unknown)
    double clientCpuMs = -1; // and this process

    double perSecond() const { return seconds > 0 ? double(requests) / seconds : 0; }
    double percentileMs(double p) const; // nearest rank; 0 when empty
};

struct LoadSpec {
    QString name;
    int connections = 8;
    double seconds = 5;
    qint64 maxRequests = 1'000'000; // bound on the count, whatever the duration
    // The n-th request (0-based) of connection c.
    std::function<HttpRequest(int c, qint64 n)> next;
    // Optional: sees every response (e.g. to track the ETag of a ticket).
    std::function<void(int c, const HttpResponse &)> seen;
};

// Runs closed-loop: each connection sends its next request as soon as the previous one is
// answered, until `seconds` have passed or `maxRequests` were sent. Connections are opened
// before the clock starts and closed afterwards.
LoadResult runLoad(const QString &host, quint16 port, const QByteArray &token,
                   const LoadSpec &spec);

} // namespace bench
