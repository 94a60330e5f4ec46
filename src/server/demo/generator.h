#pragma once

#include <QSqlDatabase>
#include <QString>

namespace server::demo {

// Adds n synthetic tickets (with messages, notes, history and ratings) to a database that
// already holds the demo directory data (call seedDemo first, or the directory part of it).
// Tickets spread over the year before nowMsecs in creation order; the same seed gives the
// same tickets. One transaction: all or nothing. A bulk load (n at least the number of
// tickets already there) rebuilds the ticket table's secondary indexes at its end, and
// memory-mapped I/O is off while it runs (restored afterwards).
bool generateTickets(QSqlDatabase &db, qint64 n, qint64 nowMsecs, quint32 randomSeed,
                     QString *error);

} // namespace server::demo
