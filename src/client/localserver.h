#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <memory>

namespace client {

// The embedded default: a ticket-server child process on 127.0.0.1 (a free port), its
// SQLite database in the given data folder, demo data seeded on first start. Stopped
// (SIGTERM, then kill) when this object is destroyed or stop() is called.
class LocalServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalServer)

public:
    explicit LocalServer(QObject *parent = nullptr);
    ~LocalServer() override;

    // The ticket-server next to this program (installed), or in the build tree.
    static QString findExecutable();
    // Starts `executable --listen 127.0.0.1:0 --data-dir dataDir --seed-demo`; started() or
    // failed() follows.
    void start(const QString &executable, const QString &dataDir);
    void stop();
    bool isRunning() const;
    bool isStarting() const { return m_phase == Phase::Starting; }
    QUrl baseUrl() const { return m_baseUrl; } // http://127.0.0.1:PORT/api/v1

Q_SIGNALS:
    void started(const QUrl &baseUrl);
    void failed(const QString &message);
    // The server ended while we relied on it.
    void stoppedUnexpectedly(const QString &message);

private:
    enum class Phase { Idle, Starting, Running };
    void onStdout();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    // Stops whatever runs and emits failed() with the server's stderr appended.
    void fail(const QString &message);
    QString withDetails(const QString &message) const;

    std::unique_ptr<QProcess> m_process;
    QUrl m_baseUrl;
    QByteArray m_output; // stdout not yet split into lines
    QByteArray m_stderr; // the tail of stderr, for error messages
    QTimer m_startTimeout;
    Phase m_phase = Phase::Idle;
    bool m_stopping = false;
};

} // namespace client
