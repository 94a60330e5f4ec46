#include "eventstore.h"

#include "connection.h"

#include <QJsonDocument>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace server::sqlite {
namespace {
constexpr qint64 RetainedEvents = 100000;
constexpr qint64 PruneEvery = 1000;
} // namespace

void SqliteEventStore::append(const QString &type, qint64 ticketId, const QJsonObject &data,
                              qint64 now, bool staffOnly)
{
    Q_ASSERT(m_c.inTransaction());
    ServerEvent e;
    e.event.type = type;
    e.event.ticketId = ticketId;
    e.event.at = now;
    e.event.data = data;
    e.staffOnly = staffOnly;
    if (ticketId > 0) {
        QSqlQuery &t = m_c.prepared(u"SELECT device_id, visibility FROM tickets WHERE id = ?"_s);
        t.addBindValue(ticketId);
        if (Connection::run(t) && t.next()) {
            e.deviceId = t.value(0).toLongLong();
            e.visibility = static_cast<core::Visibility>(t.value(1).toInt());
        }
    }
    QSqlQuery &q = m_c.prepared(u"INSERT INTO events (type, ticket_id, at, data, device_id, "
                                "visibility, staff_only) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(type);
    q.addBindValue(ticketId > 0 ? QVariant(ticketId) : QVariant());
    q.addBindValue(now);
    q.addBindValue(QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)));
    q.addBindValue(e.deviceId);
    q.addBindValue(int(e.visibility));
    q.addBindValue(staffOnly ? 1 : 0);
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
    QSqlQuery &q = m_c.prepared(u"SELECT seq, type, ticket_id, at, data, device_id, visibility, "
                                "staff_only FROM events WHERE seq > ? ORDER BY seq LIMIT ?"_s);
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
