#include "benchserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <cstdio>
#include <unistd.h>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

namespace bench {

ServerProcess::~ServerProcess()
{
    stop();
}

bool ServerProcess::start(const QString &exe, const QString &keepDir, qint64 tickets,
                          int timeoutSeconds, QString *error, const QStringList &extraArgs,
                          const QString &cpus)
{
    if (keepDir.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/server_bench-XXXXXX"_s);
        if (!m_tempDir->isValid()) {
            *error = u"cannot create a temporary folder"_s;
            return false;
        }
        m_dataDir = m_tempDir->path();
    } else {
        m_dataDir = QDir(keepDir).absolutePath();
        if (!QDir().mkpath(m_dataDir)) {
            *error = u"cannot create "_s + m_dataDir;
            return false;
        }
    }
    m_reused = QFileInfo::exists(m_dataDir + u"/tickets.sqlite"_s);
    // No access log: a line per request would measure the log, and nobody reads it here.
    QStringList args{u"--listen"_s, u"127.0.0.1:0"_s,  u"--data-dir"_s,
                     m_dataDir,     u"--log-format"_s, u"off"_s};
    if (!m_reused)
        args << u"--generate"_s << QString::number(tickets);
    args << extraArgs;

    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    if (cpus.isEmpty()) {
        m_process->setProgram(exe);
        m_process->setArguments(args);
    } else { // taskset execs the server: the process id stays the server's
        m_process->setProgram(u"taskset"_s);
        m_process->setArguments(QStringList{u"-c"_s, cpus, exe} + args);
    }
#ifdef Q_OS_LINUX
    // A benchmark that crashes or is interrupted takes its server with it.
    const pid_t parent = ::getpid();
    m_process->setChildProcessModifier([parent] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent)
            ::_exit(127);
    });
#endif
    QElapsedTimer timer;
    timer.start();
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        *error = u"cannot start "_s + exe + u": "_s + m_process->errorString();
        return false;
    }
    static const QRegularExpression listening(
        u"listening on http://127\\.0\\.0\\.1:(\\d+)/api/v1"_s);
    const QDeadlineTimer deadline(qint64(timeoutSeconds) * 1000);
    while (!deadline.hasExpired()) {
        if (!m_process->canReadLine() && !m_process->waitForReadyRead(1000)) {
            if (m_process->state() != QProcess::Running)
                break;
            continue;
        }
        while (m_process->canReadLine()) {
            const QString line = QString::fromUtf8(m_process->readLine()).trimmed();
            m_output += line + u'\n';
            std::printf("  server: %s\n", qPrintable(line));
            std::fflush(stdout);
            const auto match = listening.match(line);
            if (match.hasMatch()) {
                m_port = quint16(match.captured(1).toUInt());
                m_startupSeconds = double(timer.elapsed()) / 1000.0;
                return true;
            }
        }
    }
    m_output += QString::fromUtf8(m_process->readAll());
    *error =
        u"ticket-server did not report its port (exit code %1): %2"_s.arg(m_process->exitCode())
            .arg(m_output.right(2000));
    return false;
}

QString ServerProcess::takeNewOutput()
{
    if (!m_process)
        return {};
    const QString text = QString::fromUtf8(m_process->readAll());
    m_output += text;
    return text;
}

bool ServerProcess::running() const
{
    return m_process && m_process->state() == QProcess::Running;
}

void ServerProcess::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(15000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

qint64 procStatusKb(qint64 pid, const QByteArray &field)
{
    QFile f(u"/proc/%1/status"_s.arg(pid));
    if (pid <= 0 || !f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(QByteArray(field + ':'))) {
            // "VmRSS:	   12345 kB"
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}

double procCpuMs(qint64 pid)
{
    QFile f(u"/proc/%1/stat"_s.arg(pid));
    if (pid <= 0 || !f.open(QIODevice::ReadOnly))
        return -1;
    // "pid (comm) state ppid ...": utime and stime are fields 14 and 15, counted from 1.
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const double ticks = double(::sysconf(_SC_CLK_TCK));
    return double(fields[11].toLongLong() + fields[12].toLongLong()) * 1000.0 / ticks;
}

QString loadAverage()
{
    QFile f(u"/proc/loadavg"_s);
    if (!f.open(QIODevice::ReadOnly))
        return u"?"_s;
    const QList<QByteArray> parts = f.readAll().split(' ');
    return QString::fromLatin1(parts.mid(0, 3).join(' '));
}

QJsonObject demoAccounts(const QString &exe)
{
    QProcess p;
    p.start(exe, {u"--demo-accounts"_s});
    if (!p.waitForFinished(30000))
        return {};
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

} // namespace bench
