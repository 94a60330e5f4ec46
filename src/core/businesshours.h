#pragma once

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QTimeZone>
#include <array>
#include <optional>

namespace core {

// One opening interval of a weekday in local wall-clock minutes since midnight,
// [startMinute, endMinute), 0 <= start < end <= 1440 ("24:00" is 1440).
struct OpeningInterval {
    int startMinute = 0;
    int endMinute = 0;
    friend bool operator==(const OpeningInterval &, const OpeningInterval &) = default;
};

// A fleet's business hours: per weekday (index 0 = Monday … 6 = Sunday) its opening
// intervals, sorted and not overlapping; holiday dates (local dates with no business
// time at all); and the IANA time zone the wall-clock times are read in.
//
// Semantics (the tests' oracle states the same thing minute by minute): an instant
// is business time when its local wall-clock time in the zone falls into an interval
// of its local weekday and its local date is not a holiday. On the night clocks go
// forward the wall-clock hour that does not exist has no business time; on the night
// they go back the repeated hour counts twice when it lies in an interval.
struct BusinessHours {
    QByteArray timeZone = QByteArrayLiteral("UTC");
    std::array<QList<OpeningInterval>, 7> days;
    QList<QDate> holidays; // sorted, no duplicates

    bool hasAnyHours() const;
    friend bool operator==(const BusinessHours &, const BusinessHours &) = default;
};

// Business-time arithmetic over one BusinessHours. Builds its QTimeZone once.
class BusinessCalendar
{
public:
    explicit BusinessCalendar(BusinessHours hours);

    bool isValid() const { return m_zone.isValid(); }
    const BusinessHours &hours() const { return m_hours; }

    // Business milliseconds in [from, to) (0 when to <= from).
    qint64 businessMsecs(qint64 from, qint64 to) const;
    // The earliest instant t >= from with businessMsecs(from, t) == amount; nullopt
    // when there is never that much business time (no hours at all). amount 0 → from.
    std::optional<qint64> addBusinessMsecs(qint64 from, qint64 amount) const;

private:
    // Walks [from, to) in stretches of constant UTC offset and, within each, the local
    // business intervals in order; visit(startUtc, endUtc) returns false to stop.
    template <typename Visit>
    void forEachBusinessStretch(qint64 from, std::optional<qint64> to, Visit &&visit) const;
    bool isHoliday(QDate date) const;

    BusinessHours m_hours;
    QTimeZone m_zone;
};

} // namespace core
