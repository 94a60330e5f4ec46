#include "statement.h"

#include <QLoggingCategory>
#include <QSqlError>

Q_LOGGING_CATEGORY(lcPgStatement, "ticket.postgres.statement")

namespace server::postgres {

QSqlQuery prepare(Connection &connection, const QString &sql)
{
    QSqlQuery q(connection.database());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        qCWarning(lcPgStatement) << "cannot prepare:" << q.lastError().text() << sql;
    return q;
}

bool run(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcPgStatement) << "statement failed:" << query.lastError().text()
                             << query.lastQuery();
    return false;
}

void drain(QSqlQuery &query)
{
    while (query.next()) {
    }
    query.finish();
}

} // namespace server::postgres
