#include "serve.h"

#include "core/clocksjson.h"

#include "api/apiserver.h"
#include "datalock.h"
#include "demo/demodata.h"
#include "demo/demoseed.h"
#include "demo/generator.h"
#include "http/httpserver.h"
#include "options.h"
#include "postgresstart.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/sqlitestore.h"
#include "tlsoptions.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QSqlQuery>
#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace server::cli {
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

bool isEmpty(sqlite::SqliteStore &store)
{
    QSqlQuery q(store.connection().database());
    return q.exec(u"SELECT COUNT(*) FROM staff"_s) && q.next() && q.value(0).toInt() == 0;
}

int printRoutes(const StartOptions &options)
{
    ServerConfig config = options.config;
    config.dataDir = QDir::tempPath() + u"/ticket-server-routes"_s;
    if (!QDir().mkpath(config.dataDir))
        return fail(u"cannot create the data folder "_s + config.dataDir);
    QString error;
    auto store = sqlite::SqliteStore::open(u":memory:"_s, &error, QTimeZone(config.timeZone));
    if (!store)
        return fail(error);
    api::ApiServer api(*store, config);
    for (const QString &route : api.routes())
        printLine(route);
    return 0;
}

// The demo's service levels: the example targets and Mon–Fri 08:00–17:00 in
// Europe/Berlin for every fleet; the open tickets get their clocks.
bool seedServiceLevels(sqlite::SqliteStore &store)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    return store.write([&] {
        ClockStore &clocks = store.clocks();
        for (const core::Fleet &fleet : store.directory().fleets()) {
            if (clocks.setBusinessHours(fleet.id, core::officeHoursBerlin(), now) < 0)
                return false;
        }
        return clocks.setServiceLevels(core::exampleServiceLevels(), now) >= 0;
    });
}

bool seed(sqlite::SqliteStore &store, const StartOptions &options, QString *error)
{
    QSqlDatabase &db = store.connection().database();
    const bool seeding = (options.seedDemo || options.generate > 0) && isEmpty(store);
    if (seeding) {
        if (!demo::seedDemo(db, options.config.dataDir + u"/attachments"_s,
                            QDateTime::currentMSecsSinceEpoch(), error)) {
            *error = u"seeding the demo data failed: "_s + *error;
            return false;
        }
        printLine(u"Seeded the demo data."_s);
    }
    if (options.generate > 0) {
        QElapsedTimer timer;
        timer.start();
        if (!demo::generateTickets(db, options.generate, QDateTime::currentMSecsSinceEpoch(),
                                   20261126, error)) {
            *error = u"generating tickets failed: "_s + *error;
            return false;
        }
        printLine(
            u"Generated %1 tickets in %2 s."_s.arg(options.generate).arg(timer.elapsed() / 1000.0));
    }
    if (seeding && !seedServiceLevels(store)) {
        *error = u"seeding the service levels failed"_s;
        return false;
    }
    return true;
}

} // namespace

int fail(const QString &message)
{
    std::fprintf(stderr, "ticket-server: %s\n", qPrintable(message));
    return 1;
}

void printLine(const QString &line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

int serve(QCoreApplication &app, const StartOptions &options)
{
    if (options.demoAccounts) {
        printLine(QString::fromUtf8(QJsonDocument(demo::demoAccountsJson()).toJson()));
        return 0;
    }
    if (options.printRoutes)
        return printRoutes(options);

    const ServerConfig &config = options.config;
    if (config.database.kind == DatabaseUrl::Kind::PostgreSql)
        return startOnPostgres(config);
    if (!QDir().mkpath(config.dataDir))
        return fail(u"cannot create the data folder "_s + config.dataDir);
    QString error;
    // Held until the process ends: `restore` refuses to run under a running server.
    const std::unique_ptr<DataLock> lock = DataLock::acquire(config.dataDir, &error);
    if (!lock)
        return fail(error);
    const QString path = config.database.sqlitePath.isEmpty()
                             ? config.dataDir + u"/tickets.sqlite"_s
                             : config.database.sqlitePath;
    auto store = sqlite::SqliteStore::open(path, &error, QTimeZone(config.timeZone));
    if (!store)
        return fail(error);
    if (!seed(*store, options, &error))
        return fail(error);

    api::ApiServer api(*store, config);
    if (!setUpTls(options.tlsCert, options.tlsKey, api.http(), &app, &error))
        return fail(error);
    const quint16 port = api.listen();
    if (port == 0)
        return fail(u"cannot listen on %1:%2"_s.arg(config.address.toString()).arg(config.port));
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

} // namespace server::cli
