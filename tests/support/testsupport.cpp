#include "testsupport.h"

#include "pgtestdatabase.h"

#include "testconfig.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <gtest/gtest.h>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace testsupport {

QString serverExecutable()
{
    // TICKET_TEST_SERVER runs the suites against another build, e.g. an older one to see
    // that a regression test fails there.
    return qEnvironmentVariable("TICKET_TEST_SERVER", QStringLiteral(TICKET_SERVER_EXECUTABLE));
}

QJsonObject parseObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

TestServer::TestServer()
    : TestServer(Options{})
{}

TestServer::TestServer(const Options &options)
    : m_options(options)
{
    if (testBackend() == TestBackend::PostgreSql) {
        m_database = std::make_unique<PgTestDatabase>();
        if (!m_database->isValid())
            ADD_FAILURE() << m_database->error().toStdString();
    }
    QStringList args{u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, m_dir.path()};
    args.append(databaseArgs());
    if (m_options.seedDemo)
        args.append(u"--seed-demo"_s);
    args.append(m_options.extraArgs);
    launch(args);
}

TestServer::~TestServer()
{
    stop();
}

QStringList TestServer::databaseArgs() const
{
    if (!m_database)
        return {};
    return {u"--database"_s, m_database->url()};
}

bool TestServer::launch(const QStringList &args)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->setStandardErrorFile(m_logDir.filePath(u"stderr.log"_s), QIODevice::Append);
    m_process->setProgram(serverExecutable());
    m_process->setArguments(args);
#ifdef Q_OS_LINUX
    // A test process that crashes, times out or is killed takes its server with it instead
    // of leaving it running (holding a port and a temporary folder) forever. The signal
    // comes when the forking *thread* ends: TestServers are started on the main thread.
    const pid_t parent = ::getpid();
    m_process->setChildProcessModifier([parent] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        // The parent may have died between fork() and prctl(): then nobody will signal us.
        if (::getppid() != parent)
            ::_exit(127);
    });
#endif
    m_process->start();
    if (!m_process->waitForStarted(10000))
        return false;
    // The server prints "ticket-server listening on http://127.0.0.1:PORT/api/v1 ...".
    static const QRegularExpression listening(u"listening on (https?://[^ ]+/api/v1)"_s);
    QDeadlineTimer deadline(120000);
    m_output.clear();
    while (!deadline.hasExpired()) {
        if (!m_process->canReadLine() &&
            !m_process->waitForReadyRead(int(std::min<qint64>(deadline.remainingTime(), 1000)))) {
            if (m_process->state() != QProcess::Running)
                break;
            continue;
        }
        while (m_process->canReadLine()) {
            const QString line = QString::fromUtf8(m_process->readLine());
            m_output += line;
            const auto match = listening.match(line);
            if (match.hasMatch()) {
                m_baseUrl = match.captured(1);
                m_port = quint16(QUrl(m_baseUrl).port());
                return true;
            }
        }
    }
    m_output += QString::fromUtf8(errorOutput().mid(m_errorRead));
    qWarning("ticket-server did not start: %s", qPrintable(m_output));
    return false;
}

QByteArray TestServer::errorOutput() const
{
    QFile file(m_logDir.filePath(u"stderr.log"_s));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

qint64 TestServer::pid() const
{
    return m_process ? m_process->processId() : 0;
}

bool TestServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running && m_port != 0;
}

void TestServer::killHard()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(10000);
    checkSanitizerReports();
}

bool TestServer::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning) {
        checkSanitizerReports();
        return true;
    }
    m_process->terminate();
    bool stopped = m_process->waitForFinished(10000);
    if (!stopped) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    checkSanitizerReports();
    return stopped;
}

void TestServer::checkSanitizerReports()
{
    // In a sanitizer build (scripts/test-sanitizers.sh) the server's AddressSanitizer and
    // LeakSanitizer reports go to files there, but UBSan's go to stderr, which nobody reads
    // while the server runs: a report there fails the test, and is kept for the script.
    if (!m_process)
        return;
    const QByteArray all = errorOutput();
    const QByteArray err = all.mid(m_errorRead);
    m_errorRead = all.size();
    if (!err.contains("runtime error:") && !err.contains("Sanitizer"))
        return;
    const QByteArray dir = qgetenv("TICKET_SANITIZER_LOG_DIR");
    if (!dir.isEmpty()) {
        QFile file(QString::fromLocal8Bit(dir) + u"/ticket-server-stderr."_s +
                   QString::number(QCoreApplication::applicationPid()) + u'.' +
                   QString::number(QDateTime::currentMSecsSinceEpoch()));
        if (file.open(QIODevice::WriteOnly))
            file.write(err);
    }
    ADD_FAILURE() << "ticket-server reported:\n" << err.constData();
}

bool TestServer::restart()
{
    stop();
    // Same port when possible, so that clients can reconnect to the same URL.
    const QString listen = u"127.0.0.1:%1"_s.arg(m_port);
    QStringList args{u"--listen"_s, listen, u"--data-dir"_s, m_dir.path()};
    args.append(databaseArgs());
    args.append(m_options.extraArgs);
    if (launch(args))
        return true;
    args[1] = u"127.0.0.1:0"_s;
    return launch(args);
}

bool TestServer::restart(const QStringList &extraArgs)
{
    m_options.extraArgs = extraArgs;
    return restart();
}

ApiClient::ApiClient(const QString &baseUrl)
    : m_baseUrl(baseUrl)
    , m_nam(std::make_unique<QNetworkAccessManager>())
{
    m_nam->setAutoDeleteReplies(false);
}

ApiClient::~ApiClient() = default;

static void parseJsonBody(HttpResult &r)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &error);
    if (error.error == QJsonParseError::NoError)
        r.json = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
}

HttpResult ApiClient::sendFromSource(const QByteArray &method, const QString &path,
                                     const QByteArray &body, const Headers &headers)
{
    const QUrl url(m_baseUrl + path);
    QTcpSocket socket;
    HttpResult r;
    if (!socket.bind(QHostAddress(m_source)))
        return r;
    socket.connectToHost(url.host(), quint16(url.port()));
    if (!socket.waitForConnected(5000))
        return r;
    QByteArray request =
        method + ' ' + url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority) +
        " HTTP/1.1\r\nHost: " + url.host().toLatin1() +
        "\r\nConnection: close\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (!m_token.isEmpty())
        request += "Authorization: Bearer " + m_token + "\r\n";
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    socket.write(request + "\r\n" + body);
    QByteArray answer;
    QDeadlineTimer deadline(30000);
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        socket.waitForReadyRead(int(deadline.remainingTime()));
        answer += socket.readAll();
    }
    answer += socket.readAll();
    const qsizetype headEnd = answer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return r;
    const QList<QByteArray> lines = answer.left(headEnd).split('\n');
    r.status = lines.value(0).split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            r.headers.insert(lines[i].left(colon).trimmed().toLower(),
                             lines[i].mid(colon + 1).trimmed());
    }
    r.body = answer.mid(headEnd + 4);
    parseJsonBody(r);
    return r;
}

HttpResult ApiClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                           const Headers &headers)
{
    if (!m_source.isEmpty())
        return sendFromSource(method, path, body, headers);
    QNetworkRequest request(QUrl(m_baseUrl + path));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(30000);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    std::unique_ptr<QNetworkReply> reply(m_nam->sendCustomRequest(request, method, body));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        r.headers.insert(name.toLower(), value);
    parseJsonBody(r);
    return r;
}

HttpResult ApiClient::get(const QString &path, const Headers &headers)
{
    return send("GET", path, {}, headers);
}

static ApiClient::Headers withJson(ApiClient::Headers headers)
{
    headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return headers;
}

HttpResult ApiClient::post(const QString &path, const QJsonObject &body, const Headers &headers)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                withJson(headers));
}

HttpResult ApiClient::patch(const QString &path, const QJsonObject &body, const Headers &headers)
{
    return send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                withJson(headers));
}

HttpResult ApiClient::del(const QString &path, const Headers &headers)
{
    return send("DELETE", path, {}, headers);
}

QByteArray ApiClient::loginStaff(const QString &login, const QString &password)
{
    m_token.clear();
    const HttpResult r = post(u"/auth/login"_s, {{u"login"_s, login}, {u"password"_s, password}});
    if (r.status == 200)
        m_token = r.object().value(u"token"_s).toString().toLatin1();
    return m_token;
}

QByteArray ApiClient::loginDevice(const QString &code, const QString &name)
{
    m_token.clear();
    const HttpResult r = post(u"/auth/device-code"_s, {{u"code"_s, code}, {u"name"_s, name}});
    if (r.status == 200)
        m_token = r.object().value(u"token"_s).toString().toLatin1();
    return m_token;
}

HttpResult ApiClient::editTicket(qint64 ticketId, const QJsonObject &change)
{
    return patch(u"/tickets/%1"_s.arg(ticketId), change,
                 {{"If-Match", '"' + QByteArray::number(versionOf(ticketId)) + '"'}});
}

qint64 ApiClient::versionOf(qint64 ticketId)
{
    const HttpResult r = get(u"/tickets/%1"_s.arg(ticketId));
    return r.status == 200 ? r.object().value(u"version"_s).toInteger() : -1;
}

EventClient::EventClient() = default;
EventClient::~EventClient() = default;

bool EventClient::open(const QString &baseUrl, const QByteArray &token, qint64 since)
{
    auto socket = std::make_unique<QWebSocket>();
    QWebSocket *ws = socket.get();
    QObject::connect(ws, &QWebSocket::textMessageReceived, ws, [this](const QString &text) {
        m_frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
    });
    QObject::connect(ws, &QWebSocket::disconnected, ws,
                     [this, ws] { m_closeCode = int(ws->closeCode()); });
    QString base = baseUrl;
    base.replace(u"https://"_s, u"wss://"_s).replace(u"http://"_s, u"ws://"_s);
    QUrl url(base + u"/events"_s);
    if (since >= 0)
        url.setQuery(u"since="_s + QString::number(since));
    QNetworkRequest request(url);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    QEventLoop loop;
    QObject::connect(ws, &QWebSocket::connected, &loop, &QEventLoop::quit);
    QObject::connect(ws, &QWebSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(ws, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), &loop,
                     &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    ws->open(request);
    loop.exec();
    m_socket = std::move(socket);
    return isOpen();
}

bool EventClient::isOpen() const
{
    auto *ws = static_cast<QWebSocket *>(m_socket.get());
    return ws && ws->state() == QAbstractSocket::ConnectedState;
}

void EventClient::sendJson(const QJsonObject &frame)
{
    if (auto *ws = static_cast<QWebSocket *>(m_socket.get()))
        ws->sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

QJsonObject EventClient::waitFor(const std::function<bool(const QJsonObject &)> &match,
                                 int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        for (const QJsonObject &f : std::as_const(m_frames)) {
            if (match(f))
                return f;
        }
        if (deadline.hasExpired())
            return {};
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
}

QList<QJsonObject> EventClient::collect(int msecs)
{
    QEventLoop loop;
    QTimer::singleShot(msecs, &loop, &QEventLoop::quit);
    loop.exec();
    return m_frames;
}

} // namespace testsupport
