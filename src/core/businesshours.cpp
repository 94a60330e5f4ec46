#include "businesshours.h"

#include <QDateTime>
#include <algorithm>
#include <limits>

namespace core {
namespace {

constexpr qint64 MsPerDay = 86400000;
constexpr qint64 MsPerMinute = 60000;

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

} // namespace

bool BusinessHours::hasAnyHours() const
{
    return std::any_of(days.begin(), days.end(), [](const auto &d) { return !d.isEmpty(); });
}

BusinessCalendar::BusinessCalendar(BusinessHours hours)
    : m_hours(std::move(hours))
    , m_zone(m_hours.timeZone)
{}

bool BusinessCalendar::isHoliday(QDate date) const
{
    return std::binary_search(m_hours.holidays.cbegin(), m_hours.holidays.cend(), date);
}

template <typename Visit>
void BusinessCalendar::forEachBusinessStretch(qint64 from, std::optional<qint64> to,
                                              Visit &&visit) const
{
    if (!m_zone.isValid() || !m_hours.hasAnyHours())
        return;
    const QDate epoch(1970, 1, 1);
    qint64 cursor = from;
    while (!to || cursor < *to) {
        // A stretch of constant offset: up to the zone's next transition (if any).
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(cursor, Qt::UTC);
        const qint64 offset = qint64(m_zone.offsetFromUtc(at)) * 1000;
        std::optional<qint64> end = to;
        const QTimeZone::OffsetData next = m_zone.nextTransition(at);
        if (next.atUtc.isValid()) {
            const qint64 transition = next.atUtc.toMSecsSinceEpoch();
            if (!end || transition < *end)
                end = transition;
        }
        // Local "naive" milliseconds: the wall clock read as if it were UTC.
        const qint64 localFrom = cursor + offset;
        const qint64 localTo = end ? *end + offset : std::numeric_limits<qint64>::max();
        for (qint64 day = floorDiv(localFrom, MsPerDay); day * MsPerDay < localTo; ++day) {
            const qint64 dayStart = day * MsPerDay;
            const QDate date = epoch.addDays(day);
            if (isHoliday(date))
                continue;
            for (const OpeningInterval &interval : m_hours.days[date.dayOfWeek() - 1]) {
                const qint64 s = std::max(dayStart + interval.startMinute * MsPerMinute, localFrom);
                const qint64 e = std::min(dayStart + interval.endMinute * MsPerMinute, localTo);
                if (s < e && !visit(s - offset, e - offset))
                    return;
            }
        }
        if (!end)
            return;
        cursor = *end;
    }
}

qint64 BusinessCalendar::businessMsecs(qint64 from, qint64 to) const
{
    qint64 total = 0;
    if (to <= from)
        return 0;
    forEachBusinessStretch(from, to, [&](qint64 s, qint64 e) {
        total += e - s;
        return true;
    });
    return total;
}

std::optional<qint64> BusinessCalendar::addBusinessMsecs(qint64 from, qint64 amount) const
{
    if (amount <= 0)
        return from;
    if (!m_zone.isValid() || !m_hours.hasAnyHours())
        return std::nullopt;
    std::optional<qint64> result;
    qint64 remaining = amount;
    forEachBusinessStretch(from, std::nullopt, [&](qint64 s, qint64 e) {
        if (remaining <= e - s) {
            result = s + remaining;
            return false;
        }
        remaining -= e - s;
        return true;
    });
    return result;
}

} // namespace core
