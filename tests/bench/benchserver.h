#pragma once

// The ticket-server child process of the benchmark: a data folder (fresh, or kept), the
// demo seed plus N generated tickets, the port read from its "listening on" line, and its
// memory read from /proc.

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace bench {

class ServerProcess
{
public:
    ServerProcess() = default;
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // Starts `exe --listen 127.0.0.1:0 --data-dir DIR --generate N` (without --generate
    // when DIR already holds a database). An empty keepDir: a temporary folder, removed
    // afterwards. Waits up to timeoutSeconds for the "listening on" line. `extraArgs` go
    // to the server; a non-empty `cpus` runs it under `taskset -c cpus`.
    bool start(const QString &exe, const QString &keepDir, qint64 tickets, int timeoutSeconds,
               QString *error, const QStringList &extraArgs = {}, const QString &cpus = {});
    void stop(); // SIGTERM, then SIGKILL after 15 s

    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }
    QString dataDir() const { return m_dataDir; }
    bool reused() const { return m_reused; }
    double startupSeconds() const { return m_startupSeconds; } // incl. seeding and generating
    QString output() const { return m_output; }                // what it printed so far
    QString takeNewOutput(); // what it printed since start() or the last call
    bool running() const;

private:
    std::unique_ptr<QTemporaryDir> m_tempDir;
    std::unique_ptr<QProcess> m_process;
    QString m_dataDir;
    QString m_output;
    quint16 m_port = 0;
    bool m_reused = false;
    double m_startupSeconds = 0;
};

// A /proc/<pid>/status field in KiB ("VmRSS", "VmHWM"), or -1.
qint64 procStatusKb(qint64 pid, const QByteArray &field);
// User plus system CPU time of a process so far, in milliseconds (10 ms ticks), or -1.
double procCpuMs(qint64 pid);
// The 1, 5 and 15 minute load averages, as /proc/loadavg prints them.
QString loadAverage();

// `exe --demo-accounts`: {"staff": [...], "devices": [...]}, empty on failure.
QJsonObject demoAccounts(const QString &exe);

} // namespace bench
