#pragma once

// The command line of server_bench: how many tickets, how long and on how many connections
// each scenario runs, which server (started here or --url), tokens, and which scenarios.

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace bench {

struct BenchOptions {
    qint64 tickets = 0;     // generated tickets of a server started here
    double seconds = 0;     // per scenario, 0.1 to 600
    double warmup = 0;      // unmeasured seconds before each scenario, 0 to 60
    int connections = 0;    // keep-alive connections, 1 to 256
    qint64 maxRequests = 0; // bound per scenario
    QString exe;            // the ticket-server to start
    QString keepData;       // data folder to use and keep (empty: a temporary one)
    bool urlSet = false;    // --url given: benchmark a running server
    QString url;
    QByteArray staffToken; // empty: sign in as the demo admin
    QByteArray codeToken;  // empty: sign in with the demo device's code
    QStringList only;      // scenarios to run (empty: all)
    int device = 0;        // demo device whose code user creates tickets
    int workers = 0;       // the started server's --workers (0: its default, one per core)
    QString serverCpus;    // run the started server under `taskset -c` with these CPUs

    bool wanted(const QString &name) const;
};

// Parses the command line (exits for --help and errors, as QCommandLineParser does).
BenchOptions parseOptions(const QCoreApplication &app);

} // namespace bench
