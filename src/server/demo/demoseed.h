#pragma once

#include <QSqlDatabase>
#include <QString>

namespace server::demo {

// Inserts the whole demo data set into an empty, migrated database (one transaction): the
// directory of demodata.h, 300 tickets over the six months before nowMsecs with history,
// conversation, notes, ratings and attachment files (written to attachmentDir, removed
// again when seeding fails). The same nowMsecs gives the same data.
bool seedDemo(QSqlDatabase &db, const QString &attachmentDir, qint64 nowMsecs, QString *error);

} // namespace server::demo
