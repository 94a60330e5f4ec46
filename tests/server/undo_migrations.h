#pragma once

// What tests that make "an earlier database" undo besides their own migration: the
// schema of later migrations, newest first, so that the server applies them again.
#include <QString>
#include <QStringList>

namespace undomigrations {

// Migration 11: unread per staff member and "needs reply" (store/sqlite/unread.h).
inline QStringList migration11()
{
    using namespace Qt::StringLiterals;
    return {u"DROP INDEX tickets_awaiting"_s,
            u"DROP TABLE ticket_seen"_s,
            u"ALTER TABLE tickets DROP COLUMN notable_seq"_s,
            u"ALTER TABLE tickets DROP COLUMN notable_actor"_s,
            u"ALTER TABLE tickets DROP COLUMN notable_other_seq"_s,
            u"ALTER TABLE tickets DROP COLUMN assigned_seq"_s,
            u"ALTER TABLE tickets DROP COLUMN awaiting_staff"_s,
            u"ALTER TABLE history DROP COLUMN reason"_s,
            u"ALTER TABLE events DROP COLUMN staff_id"_s};
}

} // namespace undomigrations
