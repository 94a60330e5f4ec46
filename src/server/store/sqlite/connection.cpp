#include "connection.h"

#include "schema.h"

#include <QLoggingCategory>
#include <QSqlError>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSql, "ticket.sql")

namespace server::sqlite {

Connection::Connection(const QString &connectionName)
    : m_name(connectionName)
{}

Connection::~Connection()
{
    qDeleteAll(m_statements);
    m_statements.clear();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

std::unique_ptr<Connection> Connection::open(const QString &path, const QString &connectionName,
                                             QString *error, std::shared_ptr<WriteGate> gate)
{
    std::unique_ptr<Connection> c(new Connection(connectionName));
    c->m_gate = gate ? std::move(gate) : std::make_shared<WriteGate>();
    c->m_path = path;
    c->m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
    c->m_db.setDatabaseName(path);
    c->m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!c->m_db.open()) {
        *error = u"cannot open the database: "_s + c->m_db.lastError().text();
        return nullptr;
    }
    // WAL: readers never block the writer. synchronous=NORMAL keeps every committed
    // transaction through a crash of the process (not of the OS, which FULL would).
    for (const QString &pragma :
         {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=NORMAL"_s, u"PRAGMA foreign_keys=ON"_s,
          u"PRAGMA busy_timeout=5000"_s, u"PRAGMA temp_store=MEMORY"_s,
          u"PRAGMA cache_size=-65536"_s, u"PRAGMA mmap_size=134217728"_s}) {
        if (!c->exec(pragma)) {
            *error = u"cannot configure the database"_s;
            return nullptr;
        }
    }
    if (!c->migrate(error))
        return nullptr;
    // Statistics for the query planner, refreshed where the tables changed a lot.
    c->exec(u"PRAGMA optimize=0x10002"_s);
    return c;
}

bool Connection::migrate(QString *error)
{
    int current = 0;
    {
        // Finished before the migrations run: an open statement would lock the schema.
        QSqlQuery q(m_db);
        if (!q.exec(u"PRAGMA user_version"_s) || !q.next()) {
            *error = u"cannot read the schema version"_s;
            return false;
        }
        current = q.value(0).toInt();
    }
    const auto &all = migrations();
    if (current > all.size()) {
        *error =
            u"the database was written by a newer ticket-server (schema %1, this one knows %2)"_s
                .arg(current)
                .arg(all.size());
        return false;
    }
    for (int i = current; i < all.size(); ++i) {
        if (!begin()) {
            *error = u"cannot start the migration"_s;
            return false;
        }
        for (const QString &statement : all[i]) {
            if (!exec(statement)) {
                rollback();
                *error = u"migration %1 failed"_s.arg(i + 1);
                return false;
            }
        }
        if (!exec(u"PRAGMA user_version = %1"_s.arg(i + 1)) || !commit()) {
            rollback();
            *error = u"migration %1 failed"_s.arg(i + 1);
            return false;
        }
    }
    return true;
}

QSqlQuery &Connection::prepared(const QString &sql)
{
    auto it = m_statements.constFind(sql);
    if (it != m_statements.constEnd()) {
        (*it)->finish();
        return **it;
    }
    auto *q = new QSqlQuery(m_db);
    q->setForwardOnly(true);
    if (!q->prepare(sql))
        qCWarning(lcSql) << "prepare failed:" << q->lastError().text() << sql;
    m_statements.insert(sql, q);
    return *q;
}

bool Connection::run(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcSql) << "statement failed:" << query.lastError().text() << query.lastQuery();
    return false;
}

bool Connection::exec(const QString &sql)
{
    QSqlQuery q(m_db);
    if (q.exec(sql))
        return true;
    qCWarning(lcSql) << "statement failed:" << q.lastError().text() << sql;
    return false;
}

ReadSnapshot::ReadSnapshot(Connection &connection)
    : m_c(connection)
{
    if (!m_c.inTransaction()) {
        m_c.endReads(); // a statement left stepped would keep an older snapshot
        m_began = m_c.exec(u"BEGIN DEFERRED"_s);
    }
}

ReadSnapshot::~ReadSnapshot()
{
    if (!m_began)
        return;
    m_c.endReads();
    m_c.exec(u"COMMIT"_s);
}

bool Connection::begin()
{
    if (!exec(u"BEGIN IMMEDIATE"_s))
        return false;
    m_inTransaction = true;
    m_facetsChanged = false;
    m_pendingEvents.clear();
    return true;
}

void Connection::facetsChanging()
{
    m_facetsChanged = true;
    m_gate->facetGeneration.fetch_add(1);
}

bool Connection::commit()
{
    endReads();
    if (!exec(u"COMMIT"_s))
        return false;
    m_inTransaction = false;
    if (std::exchange(m_facetsChanged, false))
        m_gate->facetGeneration.fetch_add(1);
    return true;
}

void Connection::endReads()
{
    for (QSqlQuery *q : std::as_const(m_statements))
        q->finish();
}

void Connection::rollback()
{
    for (QSqlQuery *q : std::as_const(m_statements))
        q->finish();
    exec(u"ROLLBACK"_s);
    m_inTransaction = false;
    m_pendingEvents.clear();
}

} // namespace server::sqlite
