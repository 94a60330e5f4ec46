#pragma once

// Statements that take a database back before the response clocks (migration 12), for
// the tests that downgrade a database to check an earlier migration.
#include <QStringList>

namespace downgrade {

inline QStringList undoResponseClocks()
{
    using namespace Qt::StringLiterals;
    QStringList sql{u"DROP TABLE service_levels"_s,     u"DROP TABLE business_hours"_s,
                    u"DROP INDEX tickets_due"_s,        u"DROP INDEX tickets_clock_breach"_s,
                    u"DROP INDEX tickets_clock_soon"_s, u"DROP INDEX messages_staff"_s};
    for (const char *column :
         {"clock_first_reply_due", "clock_resolution_due", "clock_first_reply_at",
          "clock_paused_since", "clock_first_reply_breach", "clock_resolution_breach", "clock_due",
          "clock_soon", "clock_breach"})
        sql.append(u"ALTER TABLE tickets DROP COLUMN "_s + QLatin1StringView(column));
    return sql;
}

} // namespace downgrade
