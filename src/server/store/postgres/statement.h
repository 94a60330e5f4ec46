#pragma once

#include "connection.h"

#include <QSqlQuery>

namespace server::postgres {

// A statement on `connection`, prepared and forward-only (QPSQL then reads in single-row
// mode: read a result to its end, or finish() it, before the next statement on the
// connection). Bind values, then run().
QSqlQuery prepare(Connection &connection, const QString &sql);
// Executes a prepared statement; logs the server's message (never shown to clients).
bool run(QSqlQuery &query);
// Reads what is left of a result, so that the connection is free for the next statement.
void drain(QSqlQuery &query);

} // namespace server::postgres
