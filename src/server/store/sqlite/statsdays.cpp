#include "statsdays.h"

#include "connection.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace server::sqlite {
namespace {

constexpr qint64 FarPast = -(qint64(1) << 62);

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// The local day of the instant `x` in SQL, as the triggers of migration 4 compute it.
QString dayOf(const QString &x)
{
    return u"COALESCE((SELECT (%1 + o.offset_ms) / 86400000 FROM stats_zone_offsets o "
           "WHERE o.start <= %1 ORDER BY o.start DESC LIMIT 1), %1 / 86400000)"_s.arg(x);
}

// Every rating by day and what it recorded, and every rateable resolved ticket by its
// resolution day (under its rating's fields when rated).
QString rebuildSql()
{
    QStringList starAliases, zeros, sums;
    for (int s = 1; s <= 5; ++s) {
        starAliases.append(u"r.stars = %1 AS s%1"_s.arg(s));
        zeros.append(u"0"_s);
        sums.append(u"SUM(s%1)"_s.arg(s));
    }
    auto pick = [](const QString &own, const QString &rated) -> QString {
        return u"CASE WHEN r.id IS NULL THEN "_s + own + u" ELSE COALESCE(r."_s + rated +
               u", 0) END"_s;
    };
    return u"INSERT INTO rating_days (day, assignee_id, fleet_id, flow_id, template_id, "
           "customer_id, stars1, stars2, stars3, stars4, stars5, resolved, rated) "
           "SELECT day, a, f, fl, tp, c, "_s +
           sums.join(u", "_s) + u", SUM(res), SUM(rat) FROM (SELECT "_s + dayOf(u"r.created_at"_s) +
           u" AS day, COALESCE(r.assignee_id, 0) AS a, COALESCE(r.fleet_id, 0) AS f, "
           "COALESCE(r.flow_id, 0) AS fl, COALESCE(r.template_id, 0) AS tp, "
           "COALESCE(r.customer_id, 0) AS c, "_s +
           starAliases.join(u", "_s) + u", 0 AS res, 0 AS rat FROM ratings r UNION ALL SELECT "_s +
           dayOf(u"t.resolved_at"_s) + u", "_s +
           pick(u"COALESCE(t.assignee_id, 0)"_s, u"assignee_id"_s) + u", "_s +
           pick(u"COALESCE(t.fleet_id, 0)"_s, u"fleet_id"_s) + u", "_s +
           pick(u"t.flow_id"_s, u"flow_id"_s) + u", "_s +
           pick(u"COALESCE(d.template_id, 0)"_s, u"template_id"_s) + u", "_s +
           pick(u"COALESCE(t.customer_id, 0)"_s, u"customer_id"_s) + u", "_s + zeros.join(u", "_s) +
           u", 1, r.id IS NOT NULL FROM tickets t LEFT JOIN ratings r ON r.ticket_id = t.id "
           "LEFT JOIN devices d ON d.id = t.device_id WHERE t.created_by_kind = 'code_user' "
           "AND t.visibility = 0 AND t.resolved_at IS NOT NULL) GROUP BY 1, 2, 3, 4, 5, 6"_s;
}

QString offsetsHash(const LocalDays &days)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (const auto &[start, offset] : days.offsets()) {
        const qint64 pair[2] = {start, offset};
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(pair), sizeof pair));
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

LocalDays::LocalDays(const QTimeZone &zone)
    : m_zone(zone.isValid() ? zone : QTimeZone::utc())
{
    auto offsetAt = [this](qint64 seconds) {
        return qint64(m_zone.offsetFromUtc(
                   QDateTime::fromMSecsSinceEpoch(seconds * 1000, QTimeZone::utc()))) *
               1000;
    };
    const QDateTime first(QDate(1970, 1, 1), QTime(0, 0), QTimeZone::utc());
    const qint64 end = LastInstant / 1000;
    m_offsets.append({FarPast, offsetAt(0)});
    auto append = [&](qint64 seconds, qint64 offset) {
        if (offset != m_offsets.last().second)
            m_offsets.append({seconds * 1000, offset});
    };
    const QTimeZone::OffsetDataList listed =
        m_zone.transitions(first, QDateTime::fromMSecsSinceEpoch(LastInstant, QTimeZone::utc()));
    for (const QTimeZone::OffsetData &t : listed)
        append(t.atUtc.toSecsSinceEpoch(), qint64(t.offsetFromUtc) * 1000);
    // transitions() ends with the zone file's last listed change (2037 at most); later
    // changes follow the zone's yearly rule. Find each change of the last listed year
    // again a year later, within a week either way, to the second.
    QList<qint64> changes;
    for (const QTimeZone::OffsetData &t : listed) {
        if (t.atUtc.toSecsSinceEpoch() > listed.last().atUtc.toSecsSinceEpoch() - 366 * 86400)
            changes.append(t.atUtc.toSecsSinceEpoch());
    }
    while (!changes.isEmpty()) {
        QList<qint64> next;
        for (qint64 change : std::as_const(changes)) {
            qint64 lo = change + 358 * 86400, hi = change + 373 * 86400;
            if (lo >= end)
                continue;
            const qint64 before = offsetAt(lo);
            if (offsetAt(hi) == before)
                continue;
            while (hi - lo > 1) { // offsetAt(lo) == before, offsetAt(hi) != before
                const qint64 mid = lo + (hi - lo) / 2;
                (offsetAt(mid) == before ? lo : hi) = mid;
            }
            if (hi < end) {
                append(hi, offsetAt(hi));
                next.append(hi);
            }
        }
        changes = next;
    }
}

qint64 LocalDays::dayOf(qint64 msecs) const
{
    auto it = std::upper_bound(m_offsets.cbegin(), m_offsets.cend(), msecs,
                               [](qint64 v, const auto &entry) { return v < entry.first; });
    const qint64 offset = it == m_offsets.cbegin() ? m_offsets.first().second : (it - 1)->second;
    return floorDiv(msecs + offset, DayMsecs);
}

qint64 LocalDays::startOf(qint64 day) const
{
    // The first instant whose local day is `day`: offsets stay within a day of UTC, so it
    // lies within two days of UTC midnight. Local days only move forward.
    qint64 lo = day * DayMsecs - 2 * DayMsecs, hi = day * DayMsecs + 2 * DayMsecs;
    while (lo < hi) {
        const qint64 mid = lo + (hi - lo) / 2;
        if (dayOf(mid) >= day)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

QString LocalDays::localIso(qint64 msecs) const
{
    return QDateTime::fromMSecsSinceEpoch(msecs, m_zone).toString(Qt::ISODate);
}

bool prepareRatingStats(Connection &c, const LocalDays &days, QString *error)
{
    {
        // The zone's offsets change with the system's time zone data (a country changes
        // its rules) and this code's range, not only with the zone's name.
        QSqlQuery q(c.database());
        if (!q.exec(u"SELECT name, value FROM stats_settings"_s)) {
            *error = u"cannot read the statistics settings: "_s + q.lastError().text();
            return false;
        }
        QHash<QString, QString> settings;
        while (q.next())
            settings.insert(q.value(0).toString(), q.value(1).toString());
        if (settings.value(u"time_zone"_s) == days.zoneId() &&
            settings.value(u"zone_offsets"_s) == offsetsHash(days))
            return true;
    }
    if (!c.begin()) {
        *error = u"cannot start rebuilding the rating statistics"_s;
        return false;
    }
    QSqlQuery q(c.database());
    auto failed = [&](const QString &what) {
        *error =
            u"rebuilding the rating statistics failed (%1): %2"_s.arg(what, q.lastError().text());
        q.finish();
        c.rollback();
        return false;
    };
    // The roll-up triggers empty the roll-ups along with the days; clearing them after
    // that drops the zero rows left behind.
    for (const QString &sql :
         {u"DELETE FROM stats_zone_offsets"_s, u"DELETE FROM rating_days"_s,
          u"DELETE FROM rating_day_totals"_s, u"DELETE FROM rating_day_dims"_s}) {
        if (!q.exec(sql))
            return failed(sql);
    }
    if (!q.prepare(u"INSERT INTO stats_zone_offsets (start, offset_ms) VALUES (?, ?)"_s))
        return failed(u"offsets"_s);
    for (const auto &[start, offset] : days.offsets()) {
        q.bindValue(0, start);
        q.bindValue(1, offset);
        if (!q.exec())
            return failed(u"offsets"_s);
    }
    if (!q.exec(rebuildSql()))
        return failed(u"aggregates"_s);
    if (!q.prepare(u"INSERT OR REPLACE INTO stats_settings (name, value) VALUES (?, ?)"_s))
        return failed(u"settings"_s);
    for (const auto &[name, value] : {std::pair{u"time_zone"_s, days.zoneId()},
                                      std::pair{u"zone_offsets"_s, offsetsHash(days)}}) {
        q.bindValue(0, name);
        q.bindValue(1, value);
        if (!q.exec())
            return failed(u"settings"_s);
    }
    q.finish();
    if (!c.commit()) {
        c.rollback();
        *error = u"cannot commit the rebuilt rating statistics"_s;
        return false;
    }
    return true;
}

} // namespace server::sqlite
