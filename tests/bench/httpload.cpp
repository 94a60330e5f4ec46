#include "httpload.h"

#include <QEventLoop>
#include <QTimer>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace bench {

qint64 nowNs()
{
    static const QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.nsecsElapsed();
}

HttpConnection::HttpConnection(const QString &host, quint16 port, const QByteArray &token)
    : m_host(host)
    , m_port(port)
    , m_token(token)
    , m_socket(std::make_unique<QTcpSocket>())
{
    QTcpSocket *s = m_socket.get();
    QObject::connect(s, &QTcpSocket::readyRead, s, [this] { onReadyRead(); });
    QObject::connect(s, &QTcpSocket::connected, s,
                     [s] { s->setSocketOption(QAbstractSocket::LowDelayOption, 1); });
    QObject::connect(s, &QTcpSocket::disconnected, s, [this] {
        // A response without a length ends with the connection.
        if (m_done && m_haveHead && !m_chunked && m_contentLength < 0) {
            m_response.body = std::exchange(m_buffer, {});
            complete();
            return;
        }
        fail();
    });
    QObject::connect(s, &QTcpSocket::errorOccurred, s, [this](QAbstractSocket::SocketError e) {
        if (e != QAbstractSocket::RemoteHostClosedError)
            fail();
    });
}

HttpConnection::~HttpConnection()
{
    m_socket->disconnect();
    m_socket->abort();
}

bool HttpConnection::connectNow(int timeoutMs)
{
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        return true;
    m_socket->connectToHost(m_host, m_port);
    return m_socket->waitForConnected(timeoutMs);
}

void HttpConnection::abort()
{
    m_done = nullptr;
    m_buffer.clear();
    m_haveHead = false;
    m_socket->abort();
}

void HttpConnection::send(const HttpRequest &request, Done done)
{
    m_done = std::move(done);
    m_buffer.clear();
    m_haveHead = false;
    m_response = {};
    if (m_socket->state() == QAbstractSocket::UnconnectedState) {
        ++m_reconnects; // the server closed it: measured, as a real client would pay it
        m_socket->connectToHost(m_host, m_port);
    }
    QByteArray out;
    out.reserve(256 + request.body.size());
    out += request.method + ' ' + request.target + " HTTP/1.1\r\nHost: " + m_host.toLatin1() + ':' +
           QByteArray::number(m_port) + "\r\n";
    if (!m_token.isEmpty())
        out += "Authorization: Bearer " + m_token + "\r\n";
    for (const auto &[name, value] : request.headers)
        out += name + ": " + value + "\r\n";
    if (!request.body.isEmpty())
        out += "Content-Type: application/json\r\n";
    if (!request.body.isEmpty() || request.method != "GET")
        out += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n";
    out += "\r\n";
    out += request.body;
    m_startNs = nowNs();
    if (m_socket->write(out) != out.size()) {
        // Never call `done` from inside send(): the caller may be sending from `done`.
        QTimer::singleShot(0, m_socket.get(), [this] { fail(); });
    }
}

void HttpConnection::fail()
{
    if (!m_done)
        return;
    m_response = {};
    m_buffer.clear();
    m_closeAfter = true;
    complete();
}

bool HttpConnection::parseHead(qsizetype headEnd)
{
    const QByteArray head = m_buffer.left(headEnd);
    m_buffer.remove(0, headEnd + 4);
    const QList<QByteArray> lines = head.split('\n');
    // "HTTP/1.1 200 OK"
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    if (statusLine.size() < 2 || !statusLine[0].startsWith("HTTP/1."))
        return false;
    bool ok = false;
    m_response.status = statusLine[1].toInt(&ok);
    if (!ok)
        return false;
    m_contentLength = -1;
    m_chunked = false;
    m_closeAfter = statusLine[0] == "HTTP/1.0";
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            m_contentLength = value.toLongLong();
        else if (name == "transfer-encoding")
            m_chunked = value.toLower().contains("chunked");
        else if (name == "etag")
            m_response.etag = value;
        else if (name == "connection")
            m_closeAfter = value.toLower() == "close";
    }
    if (m_response.status == 204 || m_response.status == 304)
        m_contentLength = 0;
    m_haveHead = true;
    return true;
}

bool HttpConnection::takeChunkedBody()
{
    for (;;) {
        const qsizetype lineEnd = m_buffer.indexOf("\r\n");
        if (lineEnd < 0)
            return false;
        bool ok = false;
        const qint64 size =
            m_buffer.left(lineEnd).split(';').value(0).trimmed().toLongLong(&ok, 16);
        if (!ok)
            return false;
        if (size == 0) {
            if (m_buffer.size() < lineEnd + 4) // "0\r\n\r\n" without trailers
                return false;
            m_buffer.remove(0, lineEnd + 4);
            return true;
        }
        if (m_buffer.size() < lineEnd + 2 + size + 2)
            return false;
        m_response.body += m_buffer.mid(lineEnd + 2, size);
        m_buffer.remove(0, lineEnd + 2 + size + 2);
    }
}

void HttpConnection::onReadyRead()
{
    m_buffer += m_socket->readAll();
    if (!m_done) {
        m_buffer.clear(); // nothing asked: stray bytes
        return;
    }
    if (!m_haveHead) {
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        if (!parseHead(headEnd)) {
            fail();
            return;
        }
    }
    if (m_chunked) {
        if (takeChunkedBody())
            complete();
        return;
    }
    if (m_contentLength < 0 || m_buffer.size() < m_contentLength)
        return;
    m_response.body = m_buffer.left(m_contentLength);
    m_buffer.remove(0, m_contentLength);
    complete();
}

void HttpConnection::complete()
{
    const qint64 elapsed = nowNs() - m_startNs;
    Done done = std::exchange(m_done, nullptr);
    HttpResponse response = std::exchange(m_response, {});
    m_haveHead = false;
    if (m_closeAfter || response.status == 0) {
        m_closeAfter = false;
        m_socket->abort();
    }
    if (done)
        done(response, elapsed);
}

HttpResponse call(HttpConnection &connection, const HttpRequest &request, int timeoutMs)
{
    HttpResponse result;
    bool finished = false;
    QEventLoop loop;
    connection.send(request, [&](const HttpResponse &r, qint64) {
        result = r;
        finished = true;
        loop.quit();
    });
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(timeoutMs);
    if (!finished)
        loop.exec();
    if (!finished)
        connection.abort();
    return result;
}

double LoadResult::percentileMs(double p) const
{
    if (latencyNs.empty())
        return 0;
    const auto n = qint64(latencyNs.size());
    const qint64 rank = std::clamp<qint64>(qint64(std::ceil(p / 100.0 * double(n))), 1, n);
    return double(latencyNs[size_t(rank - 1)]) / 1e6;
}

LoadResult runLoad(const QString &host, quint16 port, const QByteArray &token, const LoadSpec &spec)
{
    LoadResult r;
    r.name = spec.name;
    std::vector<std::unique_ptr<HttpConnection>> connections;
    for (int c = 0; c < spec.connections; ++c) {
        connections.push_back(std::make_unique<HttpConnection>(host, port, token));
        if (!connections.back()->connectNow(5000)) {
            r.errors = 1;
            r.firstErrorBody = "cannot connect to the server";
            return r;
        }
    }
    r.latencyNs.reserve(size_t(std::min<qint64>(spec.maxRequests, 4'000'000)));
    std::vector<qint64> perConnection(size_t(spec.connections), 0);
    qint64 sent = 0;
    int active = spec.connections;
    QEventLoop loop;
    const qint64 start = nowNs();
    const qint64 deadline = start + qint64(spec.seconds * 1e9);
    qint64 lastEnd = start;

    std::function<void(int)> fire = [&](int c) {
        const HttpRequest request = spec.next(c, perConnection[size_t(c)]++);
        ++sent;
        connections[size_t(c)]->send(request, [&, c](const HttpResponse &response, qint64 ns) {
            lastEnd = nowNs();
            ++r.requests;
            if (response.status != 0)
                r.latencyNs.push_back(ns);
            if (!response.ok()) {
                if (r.errors++ == 0) {
                    r.firstErrorStatus = response.status;
                    r.firstErrorBody = response.status == 0 ? "no answer (connection failed)"
                                                            : response.body.left(600);
                }
            }
            if (spec.seen)
                spec.seen(c, response);
            if (lastEnd < deadline && sent < spec.maxRequests)
                fire(c);
            else if (--active == 0)
                loop.quit();
        });
    };
    for (int c = 0; c < spec.connections && sent < spec.maxRequests; ++c)
        fire(c);
    active = int(std::min<qint64>(spec.connections, sent));
    // Bounded in time whatever the server does: a request still open after the grace
    // period counts as an error.
    QTimer watchdog;
    watchdog.setSingleShot(true);
    QObject::connect(&watchdog, &QTimer::timeout, &loop, &QEventLoop::quit);
    watchdog.start(int(spec.seconds * 1000) + 30000);
    if (active > 0)
        loop.exec();
    for (auto &connection : connections) {
        if (connection->busy()) {
            connection->abort();
            ++r.requests;
            if (r.errors++ == 0)
                r.firstErrorBody = "no answer within 30 s after the end of the run";
        }
        r.reconnects += connection->reconnects();
    }
    r.seconds = double(lastEnd - start) / 1e9;
    std::sort(r.latencyNs.begin(), r.latencyNs.end());
    return r;
}

} // namespace bench
