#include "localserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace client {

namespace {

constexpr int StartTimeoutMs = 20000;
constexpr int StopGraceMs = 5000;
// Enough of the server's complaints to tell the user why; not a whole log.
constexpr qsizetype StderrKeep = 2000;

QString executableName()
{
#ifdef Q_OS_WIN
    return u"ticket-server.exe"_s;
#else
    return u"ticket-server"_s;
#endif
}

bool isExecutableFile(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

} // namespace

LocalServer::LocalServer(QObject *parent)
    : QObject(parent)
{
    m_startTimeout.setSingleShot(true);
    connect(&m_startTimeout, &QTimer::timeout, this, [this] {
        if (m_phase != Phase::Starting)
            return;
        fail(tr("The local server did not start within %1 seconds.").arg(StartTimeoutMs / 1000));
    });
}

LocalServer::~LocalServer()
{
    stop();
}

QString LocalServer::findExecutable()
{
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList candidates{
        appDir + u'/' + executableName(),
        // Build tree: <build>/src/app/ticket-backoffice next to <build>/src/server.
        QDir::cleanPath(appDir + u"/../server/"_s + executableName()),
    };
    for (const QString &path : candidates) {
        if (isExecutableFile(path))
            return path;
    }
    return QStandardPaths::findExecutable(u"ticket-server"_s);
}

void LocalServer::start(const QString &executable, const QString &dataDir)
{
    stop();
    m_output.clear();
    m_stderr.clear();
    m_baseUrl.clear();
    m_stopping = false;
    m_phase = Phase::Starting;

    if (!QDir().mkpath(dataDir)) {
        // Reported like every other start failure: asynchronously, after start() returned.
        QMetaObject::invokeMethod(
            this,
            [this, dataDir] {
                if (m_phase == Phase::Starting)
                    fail(tr("Cannot create the data folder %1.").arg(dataDir));
            },
            Qt::QueuedConnection);
        return;
    }

    m_process = std::make_unique<QProcess>();
    QProcess *p = m_process.get();
    p->setProcessChannelMode(QProcess::SeparateChannels);
    p->setProgram(executable);
    // Its everyday log lines (qInfo, qDebug) say so, so that a crash report can leave them
    // out: "pruned 44 expired sessions" says nothing about why it stopped.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_MESSAGE_PATTERN"_s,
                       u"%{if-debug}debug: %{endif}%{if-info}info: %{endif}%{message}"_s);
    p->setProcessEnvironment(environment);
    // No access log: stderr is kept for the error message when the server fails.
    p->setArguments({u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dataDir, u"--seed-demo"_s,
                     u"--log-format"_s, u"off"_s});
#ifdef Q_OS_LINUX
    // If this program dies without stopping the server (a crash, SIGKILL), the server
    // goes too instead of holding the data folder and a port forever.
    // SIGTERM rather than SIGKILL: the server commits and closes its database cleanly.
    // The signal comes when the forking thread ends: start() runs on the GUI thread.
    const pid_t parent = ::getpid();
    p->setChildProcessModifier([parent] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        // The parent may have died between fork() and prctl(): then nobody will signal us.
        if (::getppid() != parent)
            ::_exit(127);
    });
#endif
    connect(p, &QProcess::readyReadStandardOutput, this, &LocalServer::onStdout);
    connect(p, &QProcess::readyReadStandardError, this, [this, p] {
        m_stderr += p->readAllStandardError();
        if (m_stderr.size() > StderrKeep)
            m_stderr = m_stderr.right(StderrKeep);
    });
    connect(p, &QProcess::errorOccurred, this, [this, p](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart && m_phase == Phase::Starting)
            fail(tr("Cannot run %1: %2").arg(p->program(), p->errorString()));
    });
    connect(p, &QProcess::finished, this, &LocalServer::onFinished);
    m_startTimeout.start(StartTimeoutMs);
    p->start();
}

void LocalServer::stop()
{
    m_startTimeout.stop();
    if (!m_process)
        return;
    m_stopping = true;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(StopGraceMs)) {
            m_process->kill();
            m_process->waitForFinished(StopGraceMs);
        }
    }
    m_process->disconnect(this);
    // Possibly inside one of its own signals: delete it once that has returned.
    m_process.release()->deleteLater();
    m_phase = Phase::Idle;
    m_baseUrl.clear();
}

bool LocalServer::isRunning() const
{
    return m_phase == Phase::Running && m_process && m_process->state() == QProcess::Running;
}

void LocalServer::onStdout()
{
    if (!m_process)
        return;
    m_output += m_process->readAllStandardOutput();
    if (m_phase != Phase::Starting) {
        m_output.clear(); // the rest is the server's log: nobody reads it here
        return;
    }
    // "ticket-server listening on http://127.0.0.1:PORT/api/v1 (data: ...)"
    static const QRegularExpression listening(u"listening on (http://\\S+/api/v1)"_s);
    qsizetype newline;
    while ((newline = m_output.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_output.left(newline));
        m_output.remove(0, newline + 1);
        const QRegularExpressionMatch match = listening.match(line);
        if (!match.hasMatch())
            continue;
        m_startTimeout.stop();
        m_baseUrl = QUrl(match.captured(1));
        m_phase = Phase::Running;
        m_output.clear();
        Q_EMIT started(m_baseUrl);
        return;
    }
}

void LocalServer::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_stopping || !m_process)
        return;
    m_stderr += m_process->readAllStandardError();
    const QString how = status == QProcess::CrashExit
                            ? tr("The local server crashed.")
                            : tr("The local server ended (exit code %1).").arg(exitCode);
    if (m_phase == Phase::Starting) {
        fail(how);
    } else if (m_phase == Phase::Running) {
        m_phase = Phase::Idle;
        m_baseUrl.clear();
        Q_EMIT stoppedUnexpectedly(withDetails(how));
    }
}

void LocalServer::fail(const QString &message)
{
    m_startTimeout.stop();
    const QString text = withDetails(message);
    // Take the process down (and out of onFinished's view) before telling anyone.
    stop();
    Q_EMIT failed(text);
}

QString LocalServer::withDetails(const QString &message) const
{
    // What the server said on stderr, but not its everyday log (see start()).
    QStringList kept;
    for (const QString &line : QString::fromUtf8(m_stderr).split(u'\n')) {
        if (!line.trimmed().isEmpty() && !line.startsWith(u"info: "_s) &&
            !line.startsWith(u"debug: "_s))
            kept.append(line);
    }
    if (kept.isEmpty())
        return message;
    return message + u"\n\n"_s + kept.join(u'\n');
}

} // namespace client
