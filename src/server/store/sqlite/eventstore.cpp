#include "eventstore.h"

#include "connection.h"

#include <QJsonDocument>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace server::sqlite {
namespace {
constexpr qint64 RetainedEvents = 100000;
constexpr qint64 PruneEvery = 1000;

ServerEvent eventOf(const QString &type, qint64 ticketId, const QJsonObject &data, qint64 now)
{
    ServerEvent e;
    e.event.type = type;
    e.event.ticketId = ticketId;
    e.event.at = now;
    e.event.data = data;
    return e;
}
} // namespace

void SqliteEventStore::append(const QString &type, qint64 ticketId, const QJsonObject &data,
                              qint64 now, bool staffOnly)
{
    Q_ASSERT(m_c.inTransaction());
    ServerEvent e = eventOf(type, ticketId, data, now);
    e.staffOnly = staffOnly;
    write(e);
}

qint64 SqliteEventStore::appendFor(qint64 staffId, const QString &type, qint64 ticketId,
                                   const QJsonObject &data, qint64 now)
{
    Q_ASSERT(m_c.inTransaction());
    ServerEvent e = eventOf(type, ticketId, data, now);
    e.staffOnly = true;
    e.recipientStaffId = staffId;
    write(e);
    return e.event.seq;
}

qint64 SqliteEventStore::lastAppended()
{
    const QList<ServerEvent> &pending = m_c.pendingEvents();
    return pending.isEmpty() ? 0 : pending.last().event.seq;
}

void SqliteEventStore::write(ServerEvent &e)
{
    const qint64 ticketId = e.event.ticketId;
    if (ticketId > 0) {
        QSqlQuery &t = m_c.prepared(u"SELECT device_id, visibility FROM tickets WHERE id = ?"_s);
        t.addBindValue(ticketId);
        if (Connection::run(t) && t.next()) {
            e.deviceId = t.value(0).toLongLong();
            e.visibility = static_cast<core::Visibility>(t.value(1).toInt());
        }
    }
    QSqlQuery &q =
        m_c.prepared(u"INSERT INTO events (type, ticket_id, at, data, device_id, "
                     "visibility, staff_only, staff_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(e.event.type);
    q.addBindValue(ticketId > 0 ? QVariant(ticketId) : QVariant());
    q.addBindValue(e.event.at);
    q.addBindValue(QString::fromUtf8(QJsonDocument(e.event.data).toJson(QJsonDocument::Compact)));
    q.addBindValue(e.deviceId);
    q.addBindValue(int(e.visibility));
    q.addBindValue(e.staffOnly ? 1 : 0);
    q.addBindValue(e.recipientStaffId ? QVariant(e.recipientStaffId) : QVariant());
    if (!Connection::run(q))
        return;
    e.event.seq = q.lastInsertId().toLongLong();
    m_c.pendingEvents().append(e);
    if (e.event.seq % PruneEvery == 0) {
        // Keep the newest events for resume by `since`; older clients get `resync`.
        QSqlQuery &prune = m_c.prepared(u"DELETE FROM events WHERE seq <= ?"_s);
        prune.addBindValue(e.event.seq - RetainedEvents);
        Connection::run(prune);
    }
}

QList<ServerEvent> SqliteEventStore::since(qint64 seq, int limit)
{
    // Who may see an event is decided now, not when it was written: a ticket that has
    // since become internal takes its whole past with it, and a file that has since been
    // moved onto an internal note is internal in replays too. An event written while its
    // ticket was internal stays internal after the ticket is made public.
    QSqlQuery &q = m_c.prepared(
        u"SELECT e.seq, e.type, e.ticket_id, e.at, e.data, e.device_id, "
        "MAX(e.visibility, COALESCE(t.visibility, 1)) * (e.ticket_id IS NOT NULL), "
        "e.staff_only, e.type = 'attachment.created' AND (a.id IS NULL OR a.internal = 1 "
        "OR a.note_id IS NOT NULL), COALESCE(e.staff_id, 0) "
        "FROM events e LEFT JOIN tickets t ON t.id = e.ticket_id "
        "LEFT JOIN attachments a ON e.type = 'attachment.created' "
        "AND a.id = json_extract(e.data, '$.id') "
        "WHERE e.seq > ? ORDER BY e.seq LIMIT ?"_s);
    q.addBindValue(seq);
    q.addBindValue(limit);
    QList<ServerEvent> out;
    if (!Connection::run(q))
        return out;
    while (q.next()) {
        ServerEvent e;
        e.event.seq = q.value(0).toLongLong();
        e.event.type = q.value(1).toString();
        e.event.ticketId = q.value(2).toLongLong();
        e.event.at = q.value(3).toLongLong();
        e.event.data = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
        e.deviceId = q.value(5).toLongLong();
        e.visibility = static_cast<core::Visibility>(q.value(6).toInt());
        e.staffOnly = q.value(7).toBool();
        e.recipientStaffId = q.value(9).toLongLong();
        if (q.value(8).toBool()) {
            e.staffOnly = true;
            e.event.data.insert(u"internal"_s, true);
        }
        out.append(e);
    }
    return out;
}

qint64 SqliteEventStore::oldestSeq()
{
    QSqlQuery &q = m_c.prepared(u"SELECT COALESCE(MIN(seq), 0) FROM events"_s);
    return Connection::run(q) && q.next() ? q.value(0).toLongLong() : 0;
}

qint64 SqliteEventStore::latestSeq()
{
    // The AUTOINCREMENT counter survives pruning, so a client's `since` stays meaningful.
    QSqlQuery &q = m_c.prepared(u"SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE "
                                "name = 'events'), 0)"_s);
    return Connection::run(q) && q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace server::sqlite
