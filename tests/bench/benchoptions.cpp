// The command line of server_bench (see docs/performance.md).
#include "benchoptions.h"

#include <QCommandLineParser>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bench {

bool BenchOptions::wanted(const QString &name) const
{
    return only.isEmpty() || only.contains(name);
}

BenchOptions parseOptions(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Load benchmark of ticket-server (loopback only)."_s);
    parser.addHelpOption();
    const QCommandLineOption ticketsOpt(u"tickets"_s, u"Generated tickets (default 100000)."_s,
                                        u"N"_s, u"100000"_s);
    const QCommandLineOption secondsOpt(u"seconds"_s, u"Seconds per scenario (default 5)."_s,
                                        u"S"_s, u"5"_s);
    const QCommandLineOption warmupOpt(u"warmup"_s, u"Unmeasured seconds first (default 1)."_s,
                                       u"S"_s, u"1"_s);
    const QCommandLineOption connectionsOpt(u"connections"_s, u"Keep-alive connections (8)."_s,
                                            u"C"_s, u"8"_s);
    const QCommandLineOption exeOpt(u"server-exe"_s, u"The ticket-server to start."_s, u"path"_s,
                                    QStringLiteral(TICKET_SERVER_EXECUTABLE));
    const QCommandLineOption keepOpt(u"keep-data"_s,
                                     u"Use and keep this data folder; a database already in it "
                                     "is reused without generating."_s,
                                     u"dir"_s);
    const QCommandLineOption urlOpt(u"url"_s, u"A running server, http://127.0.0.1:PORT/api/v1."_s,
                                    u"url"_s);
    const QCommandLineOption tokenOpt(u"token"_s, u"Staff token (default: demo admin login)."_s,
                                      u"token"_s);
    const QCommandLineOption codeTokenOpt(
        u"code-token"_s, u"Code-user token (default: demo device code)."_s, u"token"_s);
    const QCommandLineOption onlyOpt(u"only"_s,
                                     u"Comma-separated scenarios: list, list-1conn, "
                                     "list-unread-1conn, unread-all-1conn, needs-reply-1conn, "
                                     "due-1conn, breached-1conn, facets, service-levels, "
                                     "search-number, search-device, search-text, read, "
                                     "patch, message, create, delivery, stats, stats-12m, "
                                     "stats-12m-staff, login, bulk."_s,
                                     u"names"_s);
    const QCommandLineOption deviceOpt(
        u"device"_s,
        u"Demo device (index) whose code user creates tickets: 0 Nord (round robin, default), "
        "1 Süd (least open), 2 West (manual)."_s,
        u"N"_s, u"0"_s);
    const QCommandLineOption maxOpt(u"max-requests"_s, u"Bound per scenario (default 2000000)."_s,
                                    u"N"_s, u"2000000"_s);
    const QCommandLineOption workersOpt(
        u"workers"_s, u"The started server's worker threads (default: its own, one per core)."_s,
        u"N"_s, u"0"_s);
    const QCommandLineOption cpusOpt(u"server-cpus"_s,
                                     u"Run the started server on these CPUs only (taskset -c, "
                                     "e.g. 0 or 0,1)."_s,
                                     u"list"_s);
    parser.addOptions({ticketsOpt, secondsOpt, warmupOpt, connectionsOpt, exeOpt, keepOpt, urlOpt,
                       tokenOpt, codeTokenOpt, onlyOpt, maxOpt, deviceOpt, workersOpt, cpusOpt});
    parser.process(app);

    BenchOptions o;
    o.tickets = parser.value(ticketsOpt).toLongLong();
    o.seconds = std::clamp(parser.value(secondsOpt).toDouble(), 0.1, 600.0);
    o.warmup = std::clamp(parser.value(warmupOpt).toDouble(), 0.0, 60.0);
    o.connections = std::clamp(parser.value(connectionsOpt).toInt(), 1, 256);
    o.maxRequests = std::max<qint64>(1, parser.value(maxOpt).toLongLong());
    o.exe = parser.value(exeOpt);
    o.keepData = parser.value(keepOpt);
    o.urlSet = parser.isSet(urlOpt);
    o.url = parser.value(urlOpt);
    o.staffToken = parser.value(tokenOpt).toLatin1();
    o.codeToken = parser.value(codeTokenOpt).toLatin1();
    o.only = parser.value(onlyOpt).split(u',', Qt::SkipEmptyParts);
    o.device = parser.value(deviceOpt).toInt();
    o.workers = std::max(0, parser.value(workersOpt).toInt());
    o.serverCpus = parser.value(cpusOpt);
    return o;
}

} // namespace bench
