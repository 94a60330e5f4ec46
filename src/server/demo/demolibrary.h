#pragma once

#include <QSqlDatabase>
#include <QString>

namespace server::demo {

// Inserts the demo library: six German and six English shared text modules and four
// shared macros that fit the demo tickets (problem report, spare-part order, general
// inquiry), owned by the first admin. Inside the demo transaction.
bool insertDemoLibrary(QSqlDatabase &db, qint64 nowMsecs, QString *error);

} // namespace server::demo
