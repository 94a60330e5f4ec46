#include "clockstore.h"

#include "connection.h"
#include "eventstore.h"
#include "ticketrows.h"

#include "core/clocksjson.h"

#include <QJsonDocument>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace server::sqlite {
namespace {

QVariant nullableMs(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::LongLong));
}

} // namespace

core::ServiceLevels SqliteClockStore::serviceLevels()
{
    core::ServiceLevels levels;
    QSqlQuery &q =
        m_c.prepared(u"SELECT priority, first_reply_ms, resolution_ms FROM service_levels"_s);
    if (!Connection::run(q))
        return levels;
    while (q.next()) {
        const int p = q.value(0).toInt();
        if (p < 0 || p >= core::PriorityCount)
            continue;
        levels[p].firstReply = ticketrows::optionalInteger(q.value(1));
        levels[p].resolution = ticketrows::optionalInteger(q.value(2));
    }
    return levels;
}

core::BusinessHours SqliteClockStore::hoursOrDefault(qint64 fleetId)
{
    QSqlQuery &q = m_c.prepared(u"SELECT doc FROM business_hours WHERE fleet_id = ?"_s);
    q.addBindValue(fleetId);
    if (!Connection::run(q) || !q.next())
        return core::aroundTheClock();
    const QJsonObject doc = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    q.finish();
    const auto hours = core::businessHoursFromJson(doc);
    if (const auto *h = std::get_if<core::BusinessHours>(&hours))
        return *h;
    return core::aroundTheClock();
}

std::optional<core::BusinessHours> SqliteClockStore::businessHours(qint64 fleetId)
{
    QSqlQuery &q = m_c.prepared(u"SELECT 1 FROM fleets WHERE id = ?"_s);
    q.addBindValue(fleetId);
    if (!Connection::run(q) || !q.next())
        return std::nullopt;
    q.finish();
    return hoursOrDefault(fleetId);
}

qint64 SqliteClockStore::setServiceLevels(const core::ServiceLevels &levels, qint64 now)
{
    Q_ASSERT(m_c.inTransaction());
    for (int p = 0; p < core::PriorityCount; ++p) {
        QSqlQuery &q = m_c.prepared(
            u"INSERT INTO service_levels (priority, first_reply_ms, resolution_ms) "
            "VALUES (?, ?, ?) ON CONFLICT (priority) DO UPDATE SET "
            "first_reply_ms = excluded.first_reply_ms, resolution_ms = excluded.resolution_ms"_s);
        q.addBindValue(p);
        q.addBindValue(nullableMs(levels[p].firstReply));
        q.addBindValue(nullableMs(levels[p].resolution));
        if (!Connection::run(q))
            return -1;
    }
    const qint64 changed = refreshOpen(std::nullopt, now);
    if (changed < 0)
        return -1;
    SqliteEventStore(m_c).append(
        u"serviceLevels.updated"_s, 0,
        {{u"serviceLevels"_s, core::serviceLevelsToJson(levels)}, {u"ticketsUpdated"_s, changed}},
        now, true);
    return changed;
}

qint64 SqliteClockStore::setBusinessHours(qint64 fleetId, const core::BusinessHours &hours,
                                          qint64 now)
{
    Q_ASSERT(m_c.inTransaction());
    if (!businessHours(fleetId))
        return -2;
    const QJsonObject doc = core::businessHoursToJson(hours);
    QSqlQuery &q = m_c.prepared(u"INSERT INTO business_hours (fleet_id, doc) VALUES (?, ?) "
                                "ON CONFLICT (fleet_id) DO UPDATE SET doc = excluded.doc"_s);
    q.addBindValue(fleetId);
    q.addBindValue(ticketrows::compactJson(doc));
    if (!Connection::run(q))
        return -1;
    const qint64 changed = refreshOpen(fleetId, now);
    if (changed < 0)
        return -1;
    SqliteEventStore(m_c).append(
        u"serviceLevels.updated"_s, 0,
        {{u"fleetId"_s, fleetId}, {u"businessHours"_s, doc}, {u"ticketsUpdated"_s, changed}}, now,
        true);
    return changed;
}

std::optional<core::TicketTimeline> SqliteClockStore::timeline(qint64 ticketId, qint64 *fleetId)
{
    QSqlQuery &t = m_c.prepared(
        u"SELECT created_at, priority, COALESCE(fleet_id, 0) FROM tickets WHERE id = ?"_s);
    t.addBindValue(ticketId);
    if (!Connection::run(t) || !t.next())
        return std::nullopt;
    core::TicketTimeline timeline;
    timeline.createdAt = t.value(0).toLongLong();
    timeline.initialPriority =
        core::Priority(qBound(0, t.value(1).toInt(), core::PriorityCount - 1));
    *fleetId = t.value(2).toLongLong();
    t.finish();

    QSqlQuery &h = m_c.prepared(u"SELECT at, field, old_value, new_value FROM history "
                                "WHERE ticket_id = ? AND field IN ('status', 'priority') "
                                "ORDER BY id"_s);
    h.addBindValue(ticketId);
    if (!Connection::run(h))
        return std::nullopt;
    bool firstPriority = true;
    while (h.next()) {
        const qint64 at = h.value(0).toLongLong();
        const QString to = ticketrows::jsonValue(h.value(3)).toString();
        if (h.value(1).toString() == u"status") {
            if (const auto s = core::parseStatus(to))
                timeline.statusChanges.append({at, *s});
        } else if (const auto p = core::parsePriority(to)) {
            if (firstPriority) {
                const QString from = ticketrows::jsonValue(h.value(2)).toString();
                timeline.initialPriority = core::parsePriority(from).value_or(*p);
                firstPriority = false;
            }
            timeline.priorityChanges.append({at, *p});
        }
    }
    QSqlQuery &m = m_c.prepared(u"SELECT MIN(created_at) FROM messages "
                                "WHERE ticket_id = ? AND author_kind = 'staff'"_s);
    m.addBindValue(ticketId);
    if (!Connection::run(m) || !m.next())
        return std::nullopt;
    timeline.firstStaffMessageAt = ticketrows::optionalInteger(m.value(0));
    m.finish();
    return timeline;
}

bool SqliteClockStore::refresh(qint64 ticketId, qint64 now)
{
    qint64 fleetId = 0;
    const auto timeline = this->timeline(ticketId, &fleetId);
    if (!timeline)
        return false;
    const core::BusinessCalendar calendar(hoursOrDefault(fleetId));
    return store(ticketId, core::computeClocks(serviceLevels(), calendar, *timeline, now));
}

bool SqliteClockStore::store(qint64 ticketId, const core::TicketClocks &c)
{
    QSqlQuery &u = m_c.prepared(
        u"UPDATE tickets SET clock_first_reply_due = ?, clock_resolution_due = ?, "
        "clock_first_reply_at = ?, clock_paused_since = ?, clock_first_reply_breach = ?, "
        "clock_resolution_breach = ?, clock_due = ?, clock_soon = ?, clock_breach = ? "
        "WHERE id = ?"_s);
    u.addBindValue(nullableMs(c.firstReply.due));
    u.addBindValue(nullableMs(c.resolution.due));
    u.addBindValue(nullableMs(c.firstReplyAt));
    u.addBindValue(nullableMs(c.pausedSince));
    u.addBindValue(nullableMs(c.firstReply.breachAt));
    u.addBindValue(nullableMs(c.resolution.breachAt));
    u.addBindValue(c.nextDue().value_or(core::TicketSummary::NoDueOrder));
    u.addBindValue(nullableMs(c.nextSoon()));
    u.addBindValue(nullableMs(c.firstBreach()));
    u.addBindValue(ticketId);
    return Connection::run(u);
}

qint64 SqliteClockStore::refreshOpen(std::optional<qint64> fleetId, qint64 now)
{
    QSqlQuery &q = m_c.prepared(
        fleetId ? u"SELECT id FROM tickets WHERE status IN (0, 1, 2) AND fleet_id = ?"_s
                : u"SELECT id FROM tickets WHERE status IN (0, 1, 2)"_s);
    if (fleetId)
        q.addBindValue(*fleetId);
    if (!Connection::run(q))
        return -1;
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    q.finish();
    // The settings once, then each ticket's timeline.
    const core::ServiceLevels levels = serviceLevels();
    QHash<qint64, std::shared_ptr<core::BusinessCalendar>> calendars;
    for (qint64 id : std::as_const(ids)) {
        qint64 fleet = 0;
        const auto timeline = this->timeline(id, &fleet);
        if (!timeline)
            return -1;
        auto &calendar = calendars[fleet];
        if (!calendar)
            calendar = std::make_shared<core::BusinessCalendar>(hoursOrDefault(fleet));
        if (!store(id, core::computeClocks(levels, *calendar, *timeline, now)))
            return -1;
    }
    return ids.size();
}

} // namespace server::sqlite
