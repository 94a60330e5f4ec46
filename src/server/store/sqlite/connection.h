#pragma once

#include "store/store.h"
#include "writegate.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <memory>
#include <optional>

namespace server::sqlite {

// One SQLite connection (used from one thread only) with its prepared statements and
// the events written in the transaction under way.
class Connection
{
public:
    // Opens or creates the file, sets WAL, busy_timeout and foreign keys, and applies
    // pending migrations. The connection name must be unique per thread.
    // `gate`: shared with the process's other connections to the file (a new one if null).
    static std::unique_ptr<Connection> open(const QString &path, const QString &connectionName,
                                            QString *error,
                                            std::shared_ptr<WriteGate> gate = nullptr);
    ~Connection();
    Q_DISABLE_COPY_MOVE(Connection)

    QSqlDatabase &database() { return m_db; }
    // A prepared statement for `sql`, cached; bind values, then call run(). Do not use
    // the same statement text re-entrantly (nested loops): prepare a fresh QSqlQuery.
    QSqlQuery &prepared(const QString &sql);
    // Executes a prepared statement; logs the driver error (never shown to clients).
    static bool run(QSqlQuery &query);
    bool exec(const QString &sql);

    bool inTransaction() const { return m_inTransaction; }
    bool begin();
    bool commit();
    void rollback();
    // Finishes every cached statement (see Store::endReads).
    void endReads();

    QList<ServerEvent> &pendingEvents() { return m_pendingEvents; }
    WriteGate &gate() { return *m_gate; }
    const std::shared_ptr<WriteGate> &sharedGate() const { return m_gate; }
    // Inside a write: facet counts may change (moves the gate's facet generation now and
    // again after the commit).
    void facetsChanging();
    const QString &path() const { return m_path; }
    // Write transactions this connection entered (SqliteStore::write), committed or not.
    quint64 ownWrites() const { return m_ownWrites; }
    void countOwnWrite() { ++m_ownWrites; }

private:
    explicit Connection(const QString &connectionName);
    bool migrate(QString *error);

    QString m_name;
    QSqlDatabase m_db;
    QHash<QString, QSqlQuery *> m_statements;
    bool m_inTransaction = false;
    QList<ServerEvent> m_pendingEvents;
    std::shared_ptr<WriteGate> m_gate;
    QString m_path;
    bool m_facetsChanged = false;
    quint64 m_ownWrites = 0;
};

// Several statements that must agree read one snapshot (a read transaction, BEGIN
// DEFERRED): with the worker pool another connection may commit between them, and rating
// statistics whose breakdown counted one rating more than their summary were seen. Nothing
// when a transaction is open already (a write sees its own snapshot).
class ReadSnapshot
{
public:
    explicit ReadSnapshot(Connection &connection);
    ~ReadSnapshot();
    Q_DISABLE_COPY_MOVE(ReadSnapshot)

private:
    Connection &m_c;
    bool m_began = false;
};

} // namespace server::sqlite
