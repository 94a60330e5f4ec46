#include "connection.h"

#include "migrations.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPg, "ticket.postgres")

namespace server::postgres {
namespace {

// The advisory lock of the schema migrations ("ticket" in ASCII): one number that every
// ticket-server on the database agrees on.
constexpr qint64 MigrationLock = 0x7469636b6574;

QString errorText(const QSqlError &error)
{
    const QString text = error.databaseText().trimmed();
    return text.isEmpty() ? error.text() : text;
}

} // namespace

Connection::Connection(const QString &connectionName)
    : m_name(connectionName)
{}

Connection::~Connection()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

std::unique_ptr<Connection> Connection::open(const ConnectionSettings &settings,
                                             const QString &connectionName, QString *error)
{
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
        *error = u"the Qt PostgreSQL driver (QPSQL) is not installed (Debian: libqt6sql6-psql)"_s;
        return nullptr;
    }
    std::unique_ptr<Connection> c(new Connection(connectionName));
    c->m_db = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
    if (!settings.host.isEmpty())
        c->m_db.setHostName(settings.host);
    if (settings.port > 0)
        c->m_db.setPort(settings.port);
    if (!settings.user.isEmpty())
        c->m_db.setUserName(settings.user);
    if (!settings.database.isEmpty())
        c->m_db.setDatabaseName(settings.database);
    if (!settings.password.isEmpty())
        c->m_db.setPassword(settings.password);
    c->m_db.setConnectOptions(u"connect_timeout=10;application_name=ticket-server"_s);
    if (!c->m_db.open()) {
        *error = u"cannot connect to PostgreSQL: "_s + errorText(c->m_db.lastError());
        return nullptr;
    }
    // Notices (e.g. "already exists, skipping") are not for the server's log.
    if (!c->exec(u"SET client_min_messages = warning"_s, error))
        return nullptr;
    return c;
}

bool Connection::exec(const QString &sql, QString *error)
{
    QSqlQuery q(m_db);
    if (q.exec(sql))
        return true;
    const QString text = errorText(q.lastError());
    qCDebug(lcPg) << "statement failed:" << text << sql;
    if (error)
        *error = text;
    return false;
}

int Connection::schemaVersion()
{
    QSqlQuery q(m_db);
    if (!q.exec(u"SELECT to_regclass('schema_version') IS NOT NULL"_s) || !q.next())
        return -1;
    if (!q.value(0).toBool())
        return 0;
    if (!q.exec(u"SELECT COALESCE(MAX(version), 0) FROM schema_version"_s) || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool Connection::migrate(QString *error)
{
    QString why;
    if (!exec(u"SELECT pg_advisory_lock(%1)"_s.arg(MigrationLock), &why)) {
        *error = u"cannot take the migration lock: "_s + why;
        return false;
    }
    const bool ok = applyPending(error);
    exec(u"SELECT pg_advisory_unlock(%1)"_s.arg(MigrationLock));
    return ok;
}

bool Connection::applyPending(QString *error)
{
    QString why;
    if (!exec(u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
              "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"_s,
              &why)) {
        *error = u"cannot create the table schema_version: "_s + why;
        return false;
    }
    const int current = schemaVersion();
    if (current < 0) {
        *error = u"cannot read the schema version"_s;
        return false;
    }
    const auto &all = migrations();
    if (current > all.size()) {
        *error = u"the database was written by a newer ticket-server (PostgreSQL schema %1, "
                 "this one knows %2)"_s.arg(current)
                     .arg(all.size());
        return false;
    }
    for (int i = current; i < all.size(); ++i) {
        const auto failed = [&](const QString &reason) {
            exec(u"ROLLBACK"_s);
            *error = u"PostgreSQL migration %1 failed: %2"_s.arg(i + 1).arg(reason);
            return false;
        };
        if (!exec(u"BEGIN"_s, &why))
            return failed(why);
        for (const QString &statement : all[i]) {
            if (!exec(statement, &why))
                return failed(why);
        }
        if (!exec(u"INSERT INTO schema_version (version) VALUES (%1)"_s.arg(i + 1), &why) ||
            !exec(u"COMMIT"_s, &why))
            return failed(why);
    }
    return true;
}

} // namespace server::postgres
