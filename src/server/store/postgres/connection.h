#pragma once

#include <QSqlDatabase>
#include <QString>
#include <memory>

namespace server::postgres {

// Where a PostgreSQL database is. Empty fields (port 0) are left to libpq, which takes
// them from PGHOST, PGPORT, PGUSER, PGDATABASE and the password from PGPASSWORD or
// ~/.pgpass; `password` is set only from --database-password-file.
struct ConnectionSettings {
    QString host; // a name, an address or a Unix socket folder
    int port = 0;
    QString user;
    QString database;
    QString password;
};

// One PostgreSQL connection (QPSQL), used from the thread that opened it.
class Connection
{
public:
    // Connects; `connectionName` must be unique in the process. Returns null with the
    // reason in *error.
    static std::unique_ptr<Connection> open(const ConnectionSettings &settings,
                                            const QString &connectionName, QString *error);
    ~Connection();
    Q_DISABLE_COPY_MOVE(Connection)

    QSqlDatabase &database() { return m_db; }
    // Runs one statement; false with the server's message in *error (when given).
    bool exec(const QString &sql, QString *error = nullptr);

    // Applies the pending migrations under a session advisory lock, so that instances
    // starting at once migrate once: the others wait, then find nothing to do. Refuses a
    // database that a newer ticket-server migrated further than this one knows.
    bool migrate(QString *error);
    // The number of migrations applied (0 for an empty database), -1 when unreadable.
    int schemaVersion();

private:
    explicit Connection(const QString &connectionName);
    bool applyPending(QString *error);

    QString m_name;
    QSqlDatabase m_db;
};

} // namespace server::postgres
