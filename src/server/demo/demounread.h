#pragma once

#include <QSqlDatabase>
#include <QString>

namespace server::demo {

// Unread marks for seeded tickets (store/sqlite/unread.h), inside the caller's transaction:
// every ticket with an id in [firstId, lastId] gets one notable event (seq 1, as if by its
// code user), so that it is unread for staff who have not seen it; its assignee has seen
// it when it was last updated before `seenBefore` (older tickets), so that not every demo
// ticket is unread. Also sets awaiting_staff from the last message, and makes sure the
// event counter has passed seq 1 so that clients can mark these tickets seen.
bool markDemoUnread(QSqlDatabase &db, qint64 firstId, qint64 lastId, qint64 seenBefore,
                    QString *error);

} // namespace server::demo
