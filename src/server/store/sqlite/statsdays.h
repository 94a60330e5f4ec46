#pragma once

#include "core/ratingstatsquery.h"

#include <QDate>
#include <QList>
#include <QTimeZone>
#include <utility>

namespace server::sqlite {

class Connection;

// Calendar days in the statistics' time zone, numbered as days since 1970-01-01 (local).
// The local day of an instant comes from the zone's UTC offsets from 1970 to 2100, the
// same table the database triggers read (stats_zone_offsets), so that the C++ side and
// the pre-aggregated days always agree. Instants outside that range use the nearest
// offset known. (DayMsecs, LastInstant, date() and day() come from core::DayCalendar.)
class LocalDays final : public core::DayCalendar
{
public:
    explicit LocalDays(const QTimeZone &zone = QTimeZone("Europe/Berlin"));

    const QTimeZone &zone() const { return m_zone; }
    QString zoneId() const { return QString::fromUtf8(m_zone.id()); }
    // The local day of an instant (milliseconds since the epoch).
    qint64 dayOf(qint64 msecs) const override;
    // The first instant of a local day: its midnight, or the end of a gap over midnight.
    qint64 startOf(qint64 day) const override;
    // An instant as ISO 8601 with the zone's offset, e.g. "2024-03-31T00:00:00+01:00".
    QString localIso(qint64 msecs) const;

    // (start, offset in ms): the offset from `start` (UTC ms) on; the first start is far
    // in the past.
    const QList<std::pair<qint64, qint64>> &offsets() const { return m_offsets; }

private:
    QTimeZone m_zone;
    QList<std::pair<qint64, qint64>> m_offsets;
};

// Makes the pre-aggregated rating statistics count the days of `days`: when the database
// last counted another zone (or none: a new or migrated database), fills
// stats_zone_offsets and rebuilds the aggregates from the ratings and tickets, in one
// transaction. Outside any other transaction.
bool prepareRatingStats(Connection &connection, const LocalDays &days, QString *error);

} // namespace server::sqlite
