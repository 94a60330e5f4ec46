#pragma once

#include <QString>
#include <QThread>

namespace server::sqlite {

// Moves WAL checkpoints off the request thread. SQLite's automatic checkpoint runs inside
// a COMMIT and syncs the file there, stalling every request behind it for up to hundreds
// of milliseconds on a busy disk. The request connection turns it off
// (wal_autocheckpoint=0) and this thread, with a connection of its own, checkpoints
// passively (never blocking readers or the writer) once a second.
class Checkpointer final : public QThread
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Checkpointer)

public:
    explicit Checkpointer(const QString &databasePath, QObject *parent = nullptr);
    ~Checkpointer() override;

protected:
    void run() override;

private:
    QString m_path;
};

} // namespace server::sqlite
