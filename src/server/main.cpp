// ticket-server: the shared API of the staff backoffice and the code users' mobile app.
#include "api/apiserver.h"
#include "config.h"
#include "core/version.h"
#include "demo/demodata.h"
#include "demo/demoseed.h"
#include "demo/generator.h"
#include "http/httpserver.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/sqlitestore.h"
#include "tlsoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimeZone>
#include <csignal>
#include <cstdio>
#include <type_traits>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] auto n = ::write(g_signalPipe[1], &c, 1);
}

// SIGINT and SIGTERM end the event loop, so that the database is closed cleanly.
void quitOnSignals(QCoreApplication &app)
{
    if (::pipe(g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "ticket-server: %s\n", qPrintable(message));
    return 1;
}

bool isEmpty(server::sqlite::SqliteStore &store)
{
    QSqlQuery q(store.connection().database());
    return q.exec(u"SELECT COUNT(*) FROM staff"_s) && q.next() && q.value(0).toInt() == 0;
}

void printLine(const QString &line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"ticket-server"_s);
    QCoreApplication::setOrganizationName(u"ticket-backoffice"_s);
    QCoreApplication::setApplicationVersion(QString::fromLatin1(core::Version));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"The Ticket Backoffice server API (/api/v1)."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(
        u"listen"_s, u"Address and port, e.g. 127.0.0.1:8080 (port 0: any free port)."_s,
        u"host:port"_s, u"127.0.0.1:8080"_s);
    const QCommandLineOption dataDir(u"data-dir"_s, u"Folder of the database and attachments."_s,
                                     u"dir"_s);
    const QCommandLineOption seedDemo(u"seed-demo"_s,
                                      u"Seed the demo data into an empty database."_s);
    const QCommandLineOption generate(u"generate"_s, u"Add N synthetic tickets, then serve."_s,
                                      u"N"_s);
    const QCommandLineOption maxUpload(
        u"max-upload"_s,
        u"Attachment size limit in bytes (K, M or G suffix allowed; default 25M)."_s, u"size"_s);
    const QCommandLineOption timeZone(
        u"time-zone"_s,
        u"Time zone of the rating statistics' days, weeks and months (IANA id; default "
        "Europe/Berlin)."_s,
        u"zone"_s);
    const QCommandLineOption maxConnections(
        u"max-connections"_s,
        u"Open connections at most (default 4096, kept below the file-descriptor limit)."_s,
        u"N"_s);
    const QCommandLineOption maxPerAddress(
        u"max-connections-per-address"_s,
        u"Open connections from one client address at most (default 256)."_s, u"N"_s);
    // For tests: the front's times and bounds, shorter than anyone would run with.
    QCommandLineOption headerTimeout(u"header-timeout-ms"_s, u"Header timeout."_s, u"ms"_s);
    QCommandLineOption idleTimeout(u"idle-timeout-ms"_s, u"Keep-alive idle timeout."_s, u"ms"_s);
    QCommandLineOption minBodyRate(u"min-body-rate"_s, u"Bytes per second."_s, u"bytes"_s);
    QCommandLineOption wsQueue(u"ws-queue"_s, u"Event stream send queue."_s, u"size"_s);
    for (QCommandLineOption *hidden : {&headerTimeout, &idleTimeout, &minBodyRate, &wsQueue})
        hidden->setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption demoAccounts(
        u"demo-accounts"_s, u"Print the demo logins and device codes as JSON and exit."_s);
    const QCommandLineOption printRoutes(u"print-routes"_s, u"Print the API routes and exit."_s);
    const QCommandLineOption codeFailures(
        u"device-code-failures-per-minute"_s,
        u"Wrong device codes the whole server checks per minute before it checks codes only "
        "from addresses that have not failed yet (default 120)."_s,
        u"N"_s);
    const QCommandLineOption staffSession(
        u"staff-session-seconds"_s, u"How long a staff sign-in lasts (default 43200: 12 hours)."_s,
        u"N"_s);
    const QCommandLineOption codeUserSession(
        u"code-user-session-seconds"_s,
        u"How long a code user's sign-in lasts (default 2592000: 30 days)."_s, u"N"_s);
    parser.addOptions({listen, dataDir, seedDemo, generate, maxUpload, timeZone, maxConnections,
                       maxPerAddress, headerTimeout, idleTimeout, minBodyRate, wsQueue,
                       demoAccounts, printRoutes, codeFailures, staffSession, codeUserSession});
    // TLS: handled in tlsoptions.cpp.
    const QCommandLineOption tlsCert(
        u"tls-cert"_s, u"Serve HTTPS and WSS with this PEM certificate (chain); with --tls-key."_s,
        u"file"_s);
    const QCommandLineOption tlsKey(
        u"tls-key"_s, u"The PEM private key of --tls-cert. SIGHUP reloads both."_s, u"file"_s);
    parser.addOptions({tlsCert, tlsKey});
    parser.process(app);

    if (parser.isSet(demoAccounts)) {
        printLine(QString::fromUtf8(QJsonDocument(server::demo::demoAccountsJson()).toJson()));
        return 0;
    }

    server::ServerConfig config;
    if (!server::parseListen(parser.value(listen), &config.address, &config.port))
        return fail(u"--listen wants host:port, e.g. 127.0.0.1:8080"_s);
    if (parser.isSet(maxUpload)) {
        const auto bytes = server::parseByteSize(parser.value(maxUpload));
        if (!bytes)
            return fail(u"--max-upload wants a size such as 25M"_s);
        config.maxUploadBytes = *bytes;
    }
    const auto positive = [&parser](const QCommandLineOption &option, auto *target) {
        if (!parser.isSet(option))
            return true;
        bool ok = false;
        const qint64 n = parser.value(option).toLongLong(&ok);
        if (!ok || n <= 0 || n > 1'000'000'000)
            return false;
        *target = std::remove_pointer_t<decltype(target)>(n);
        return true;
    };
    if (!positive(maxConnections, &config.maxConnections) ||
        !positive(maxPerAddress, &config.maxConnectionsPerAddress) ||
        !positive(headerTimeout, &config.headerTimeoutMsecs) ||
        !positive(idleTimeout, &config.idleTimeoutMsecs) ||
        !positive(minBodyRate, &config.minBodyBytesPerSecond))
        return fail(u"--max-connections, --max-connections-per-address and the timeouts want "
                    "a positive number"_s);
    if (parser.isSet(wsQueue)) {
        const auto bytes = server::parseByteSize(parser.value(wsQueue));
        if (!bytes)
            return fail(u"--ws-queue wants a size such as 1M"_s);
        config.webSocketQueueBytes = *bytes;
    }
    if (parser.isSet(timeZone)) {
        config.timeZone = parser.value(timeZone).toUtf8();
        if (!QTimeZone(config.timeZone).isValid())
            return fail(u"--time-zone wants an IANA time zone such as Europe/Berlin"_s);
    }
    if (parser.isSet(codeFailures)) {
        bool ok = false;
        config.signIn.deviceCodeFailuresPerMinute = parser.value(codeFailures).toInt(&ok);
        if (!ok || config.signIn.deviceCodeFailuresPerMinute < 1)
            return fail(u"--device-code-failures-per-minute wants a positive number"_s);
    }
    for (const auto &[option, msecs] : {std::pair{&staffSession, &config.staffTokenMsecs},
                                        std::pair{&codeUserSession, &config.codeUserTokenMsecs}}) {
        if (!parser.isSet(*option))
            continue;
        bool ok = false;
        const qint64 seconds = parser.value(*option).toLongLong(&ok);
        if (!ok || seconds < 1 || seconds > 366LL * 24 * 3600)
            return fail(
                u"--%1 wants a number of seconds up to a year"_s.arg(option->names().first()));
        *msecs = seconds * 1000;
    }
    qint64 generateCount = 0;
    if (parser.isSet(generate)) {
        bool ok = false;
        generateCount = parser.value(generate).toLongLong(&ok);
        if (!ok || generateCount < 0 || generateCount > 100'000'000)
            return fail(u"--generate wants a number of tickets"_s);
    }
    config.dataDir = parser.isSet(dataDir)
                         ? parser.value(dataDir)
                         : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (parser.isSet(printRoutes))
        config.dataDir = QDir::tempPath() + u"/ticket-server-routes"_s;
    if (!QDir().mkpath(config.dataDir))
        return fail(u"cannot create the data folder "_s + config.dataDir);
    config.dataDir = QDir(config.dataDir).absolutePath();

    QString error;
    const QString dbPath =
        parser.isSet(printRoutes) ? u":memory:"_s : config.dataDir + u"/tickets.sqlite"_s;
    auto store = server::sqlite::SqliteStore::open(dbPath, &error, QTimeZone(config.timeZone));
    if (!store)
        return fail(error);

    if (parser.isSet(printRoutes)) {
        server::api::ApiServer api(*store, config);
        for (const QString &route : api.routes())
            printLine(route);
        return 0;
    }

    QSqlDatabase &db = store->connection().database();
    if ((parser.isSet(seedDemo) || generateCount > 0) && isEmpty(*store)) {
        if (!server::demo::seedDemo(db, config.dataDir + u"/attachments"_s,
                                    QDateTime::currentMSecsSinceEpoch(), &error))
            return fail(u"seeding the demo data failed: "_s + error);
        printLine(u"Seeded the demo data."_s);
    }
    if (generateCount > 0) {
        QElapsedTimer timer;
        timer.start();
        if (!server::demo::generateTickets(db, generateCount, QDateTime::currentMSecsSinceEpoch(),
                                           20261126, &error))
            return fail(u"generating tickets failed: "_s + error);
        printLine(
            u"Generated %1 tickets in %2 s."_s.arg(generateCount).arg(timer.elapsed() / 1000.0));
    }

    server::api::ApiServer api(*store, config);
    if (!server::setUpTls(parser.value(tlsCert), parser.value(tlsKey), api.http(), &app, &error))
        return fail(error);
    const quint16 port = api.listen();
    if (port == 0)
        return fail(u"cannot listen on "_s + parser.value(listen));
    const QString host = config.address.protocol() == QAbstractSocket::IPv6Protocol
                             ? u"["_s + config.address.toString() + u"]"_s
                             : config.address.toString();
    printLine(u"ticket-server listening on %1://%2:%3/api/v1 (data: %4)"_s
                  .arg(api.http().isTls() ? u"https"_s : u"http"_s, host)
                  .arg(port)
                  .arg(config.dataDir));
    quitOnSignals(app);
    return app.exec();
}
