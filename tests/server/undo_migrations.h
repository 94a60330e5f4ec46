#pragma once

// What tests that make "an earlier database" undo besides their own migration: the
// schema of later migrations, newest first, so that the server applies them again.
#include <QList>
#include <QString>
#include <QStringList>

namespace undomigrations {

struct Undo {
    int migration = 0;
    QStringList statements;
};

// One entry per migration, newest first.
inline const QList<Undo> &all()
{
    using namespace Qt::StringLiterals;
    static const QList<Undo> undos = [] {
        // Migration 14: the in-time statistics' indexes (store/sqlite/intimestats.h).
        const Undo inTime{
            14,
            {u"DROP INDEX tickets_first_reply_clock"_s, u"DROP INDEX tickets_resolved_clock"_s}};
        // Migration 13: the unread facets' partial indexes and ticket_seen's ticket copy.
        const Undo unreadFacets{
            13,
            {u"DROP TRIGGER ticket_seen_follows"_s, u"DROP TRIGGER ticket_seen_added"_s,
             u"DROP TRIGGER ticket_seen_moved"_s, u"DROP INDEX ticket_seen_ticket"_s,
             u"DROP INDEX ticket_seen_read"_s, u"ALTER TABLE ticket_seen DROP COLUMN status"_s,
             u"ALTER TABLE ticket_seen DROP COLUMN priority"_s,
             u"ALTER TABLE ticket_seen DROP COLUMN assignee_id"_s,
             u"ALTER TABLE ticket_seen DROP COLUMN read"_s, u"DROP INDEX tickets_unnotable"_s,
             u"DROP INDEX tickets_sole_actor"_s}};
        // Migration 12: response clocks (core/clocks.h, store/sqlite/clockstore.h).
        Undo clocks{12,
                    {u"DROP TABLE service_levels"_s, u"DROP TABLE business_hours"_s,
                     u"DROP INDEX tickets_due"_s, u"DROP INDEX tickets_clock_breach"_s,
                     u"DROP INDEX tickets_clock_soon"_s, u"DROP INDEX messages_staff"_s}};
        for (const char *column :
             {"clock_first_reply_due", "clock_resolution_due", "clock_first_reply_at",
              "clock_paused_since", "clock_first_reply_breach", "clock_resolution_breach",
              "clock_due", "clock_soon", "clock_breach"})
            clocks.statements.append(u"ALTER TABLE tickets DROP COLUMN "_s +
                                     QLatin1StringView(column));
        // Migration 11: unread per staff member and "needs reply" (store/sqlite/unread.h).
        const Undo unread{11,
                          {u"DROP INDEX tickets_awaiting"_s, u"DROP TABLE ticket_seen"_s,
                           u"ALTER TABLE tickets DROP COLUMN notable_seq"_s,
                           u"ALTER TABLE tickets DROP COLUMN notable_actor"_s,
                           u"ALTER TABLE tickets DROP COLUMN notable_other_seq"_s,
                           u"ALTER TABLE tickets DROP COLUMN assigned_seq"_s,
                           u"ALTER TABLE tickets DROP COLUMN awaiting_staff"_s,
                           u"ALTER TABLE history DROP COLUMN reason"_s,
                           u"ALTER TABLE events DROP COLUMN staff_id"_s}};
        return QList<Undo>{inTime, unreadFacets, clocks, unread};
    }();
    return undos;
}

// The statements that undo every migration after `migration`, newest first (the caller
// undoes `migration` and earlier ones itself, and sets user_version).
inline QStringList after(int migration)
{
    QStringList sql;
    for (const Undo &undo : all()) {
        if (undo.migration > migration)
            sql += undo.statements;
    }
    return sql;
}

} // namespace undomigrations
