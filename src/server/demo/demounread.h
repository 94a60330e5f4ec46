#pragma once

#include <QSqlDatabase>
#include <QString>

namespace server::demo {

// Unread marks for seeded tickets (store/sqlite/unread.h), inside the caller's transaction:
// every ticket with an id in [firstId, lastId] gets a notable event at seq 0 ("before any
// event", as if by its code user), so that it is unread for staff who have not seen it;
// its assignee has seen it (seq 0) when it was last updated before `seenBefore` (older
// tickets), so that not every demo ticket is unread. Also sets awaiting_staff from the
// last message.
bool markDemoUnread(QSqlDatabase &db, qint64 firstId, qint64 lastId, qint64 seenBefore,
                    QString *error);

} // namespace server::demo
