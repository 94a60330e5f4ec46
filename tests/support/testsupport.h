#pragma once

// Test support: a real ticket-server child process on 127.0.0.1 with a fresh data folder,
// and a synchronous HTTP client for driving it from GoogleTest.

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace testsupport {

class PgTestDatabase;

struct HttpResult {
    int status = 0; // 0: no answer (connection refused, timeout)
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QJsonValue json;                       // parsed body, if JSON

    QJsonObject object() const { return json.toObject(); }
    QJsonArray items() const { return json.toObject().value(QStringLiteral("items")).toArray(); }
    QString errorCode() const
    {
        return json.toObject()
            .value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }
    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
};

// Starts `ticket-server --listen 127.0.0.1:0 --data-dir <fresh temp dir> [--seed-demo]`
// and reads the port from its first line. Stops it (SIGTERM) when destroyed; on Linux the
// server is killed (SIGKILL) when the process that started it dies without doing so.
class TestServer
{
public:
    struct Options {
        bool seedDemo = true;
        QStringList extraArgs;
    };
    TestServer();
    explicit TestServer(const Options &options);
    ~TestServer();

    bool isRunning() const;
    QString baseUrl() const { return m_baseUrl; } // http://127.0.0.1:PORT/api/v1
    quint16 port() const { return m_port; }
    qint64 pid() const; // the server's process id, 0 when not started
    QString dataDir() const { return m_dir.path(); }
    QString output() const { return m_output; }
    // Everything the server wrote to standard error (its access log, warnings), across
    // restarts. Kept in a file, so that a server that logs much never blocks on a pipe.
    QByteArray errorOutput() const;

    void killHard(); // SIGKILL, as a crash would
    bool restart();  // same data folder, seed flags off
    bool stop();     // SIGTERM and wait
    // restart() with other extra arguments (kept for later restarts), e.g. another option.
    bool restart(const QStringList &extraArgs);

private:
    bool launch(const QStringList &args);
    void checkSanitizerReports();

    QStringList databaseArgs() const;

    Options m_options;
    // TICKET_TEST_DATABASE=postgresql: the server's own fresh database (pgtestdatabase.h).
    std::unique_ptr<PgTestDatabase> m_database;
    QTemporaryDir m_dir;
    QTemporaryDir m_logDir;
    qint64 m_errorRead = 0; // of errorOutput(), what checkSanitizerReports() has seen
    std::unique_ptr<QProcess> m_process;
    QString m_baseUrl;
    quint16 m_port = 0;
    QString m_output;
};

// A synchronous client: each call runs a nested event loop until the reply is in.
class ApiClient
{
public:
    explicit ApiClient(const QString &baseUrl);
    ~ApiClient();

    void setToken(const QByteArray &token) { m_token = token; }
    // Sends every later request from this local address (e.g. 127.0.0.7) over a plain
    // socket, so that tests can be several clients on one machine.
    void setSourceAddress(const QString &address) { m_source = address; }
    QByteArray token() const { return m_token; }

    using Headers = QList<QPair<QByteArray, QByteArray>>;
    HttpResult get(const QString &path, const Headers &headers = {});
    HttpResult post(const QString &path, const QJsonObject &body, const Headers &headers = {});
    HttpResult patch(const QString &path, const QJsonObject &body, const Headers &headers = {});
    HttpResult del(const QString &path, const Headers &headers = {});
    // Anything: path may carry a query; body sent verbatim with the given headers.
    HttpResult send(const QByteArray &method, const QString &path, const QByteArray &body,
                    const Headers &headers = {});

    // Sign in and keep the token for later calls; returns the token (empty on failure).
    QByteArray loginStaff(const QString &login, const QString &password = QStringLiteral("demo"));
    QByteArray loginDevice(const QString &code, const QString &name = QStringLiteral("Test User"));

    // A ticket's current version (for If-Match), or -1.
    qint64 versionOf(qint64 ticketId);
    // PATCH /tickets/{id} with the ticket's current version as If-Match: a staff edit that
    // is not stale.
    HttpResult editTicket(qint64 ticketId, const QJsonObject &change);

private:
    HttpResult sendFromSource(const QByteArray &method, const QString &path, const QByteArray &body,
                              const Headers &headers);

    QString m_baseUrl;
    QString m_source;
    QByteArray m_token;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

// A WebSocket client of /api/v1/events that collects every frame it receives.
class EventClient
{
public:
    EventClient();
    ~EventClient();
    // Connects with the token (Authorization header) and an optional ?since=.
    bool open(const QString &baseUrl, const QByteArray &token, qint64 since = -1);
    bool isOpen() const;
    void sendJson(const QJsonObject &frame);
    // Waits until a received frame satisfies `match`; returns it (empty object on timeout).
    QJsonObject waitFor(const std::function<bool(const QJsonObject &)> &match,
                        int timeoutMs = 5000);
    // Lets the event loop run for a while, then returns everything received so far.
    QList<QJsonObject> collect(int msecs);
    const QList<QJsonObject> &frames() const { return m_frames; }
    int closeCode() const { return m_closeCode; }

private:
    std::unique_ptr<QObject> m_socket; // QWebSocket, kept out of this header
    QList<QJsonObject> m_frames;
    int m_closeCode = 0;
};

// `ticket-server --demo-accounts`, read once: {"staff":[...], "devices":[...]}.
const QJsonObject &demoAccounts();
QString demoLogin(const QString &role, int index = 0); // "admin" or "agent"
QString demoDeviceCode(int index);                     // device 0 = "A", 1 = "B"
qint64 demoDeviceId(int index);

// Creates a ticket through POST /tickets with a flow the device offers (or `extra`'s
// "flowId") and valid values for its required fields. Staff pass "deviceId" (and more) in
// `extra`. Returns the
// created ticket's JSON, or an empty object (the failed answer in *failure).
QJsonObject createTicket(ApiClient &api, const QString &title, const QJsonObject &extra = {},
                         HttpResult *failure = nullptr);
// Uploads a small text file to a ticket (`?internal=true` when internal).
HttpResult uploadTextFile(ApiClient &api, qint64 ticketId, bool internal);

// Valid values for a flow's required fields.
QJsonObject requiredFieldValues(const QJsonObject &flow);

QString serverExecutable();
QJsonObject parseObject(const QByteArray &json);

} // namespace testsupport
