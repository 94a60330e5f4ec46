#include "eventstore.h"

#include "connection.h"
#include "writer.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QVariant>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcPg)

namespace server::postgres {
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

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

bool run(QSqlQuery &q)
{
    if (q.exec())
        return true;
    qCWarning(lcPg) << "event statement failed:" << q.lastError().text();
    return false;
}

// Why the seq is not simply `nextval` (or the identity default): a sequence hands out
// numbers when the INSERT runs, not when its transaction commits. Transaction A takes 10,
// transaction B takes 11 and commits first; a reader now sees 11, remembers it, and asks
// `since(11)` next time, so 10, committed a moment later, is never delivered.
//
// Instead the seq comes from the `counters` row 'event_seq', incremented by this
// statement: the UPDATE (or the INSERT of the first event ever) locks that row until the
// transaction ends. A second writer that appends events waits here until the first has
// committed or rolled back, then reads the committed value (READ COMMITTED re-reads the
// row it waited for). So seq order is commit order: whoever sees seq 11 committed sees
// 10 too. A rolled-back transaction takes its increment with it, so there is no hole.
// The lock is taken at the first append, not at BEGIN, so a transaction holds it only for
// the rest of its work and its COMMIT; writes without events never take it. The first
// value continues after rows copied in by a tool (MAX(seq)).
const QString AppendSql = uR"sql(WITH s AS (
        INSERT INTO counters (name, value)
        VALUES ('event_seq', (SELECT COALESCE(MAX(seq), 0) FROM events) + 1)
        ON CONFLICT (name) DO UPDATE SET value = counters.value + 1
        RETURNING value),
    t AS (SELECT device_id, visibility FROM tickets WHERE id = ?::bigint)
    INSERT INTO events (seq, type, ticket_id, at, data, device_id, visibility, staff_only,
                        staff_id)
    SELECT s.value, ?::text, ?::bigint, ?::bigint, ?::text,
           COALESCE((SELECT device_id FROM t), 0), COALESCE((SELECT visibility FROM t), 0),
           ?::integer, ?::bigint
    FROM s
    RETURNING seq, device_id, visibility)sql"_s;
} // namespace

QSqlQuery &PgEventStore::prepared(const QString &sql)
{
    auto &q = m_queries[sql];
    if (!q) {
        q = std::make_shared<QSqlQuery>(m_w.connection().database());
        // Not forward-only: QPSQL would read in single-row mode and leave the
        // statement active on the connection until its last row was fetched.
        if (!q->prepare(sql))
            qCWarning(lcPg) << "cannot prepare:" << q->lastError().text() << sql;
    }
    return *q;
}

qint64 PgEventStore::number(const QString &sql)
{
    QSqlQuery &q = prepared(sql);
    qint64 value = 0;
    if (run(q) && q.next())
        value = q.value(0).toLongLong();
    q.finish();
    return value;
}

void PgEventStore::append(const QString &type, qint64 ticketId, const QJsonObject &data, qint64 now,
                          bool staffOnly)
{
    Q_ASSERT(m_w.inTransaction());
    ServerEvent e = eventOf(type, ticketId, data, now);
    e.staffOnly = staffOnly;
    write(e);
}

qint64 PgEventStore::appendFor(qint64 staffId, const QString &type, qint64 ticketId,
                               const QJsonObject &data, qint64 now)
{
    Q_ASSERT(m_w.inTransaction());
    ServerEvent e = eventOf(type, ticketId, data, now);
    e.staffOnly = true;
    e.recipientStaffId = staffId;
    write(e);
    return e.event.seq;
}

qint64 PgEventStore::lastAppended()
{
    const QList<ServerEvent> &pending = m_w.pendingEvents();
    return pending.isEmpty() ? 0 : pending.last().event.seq;
}

void PgEventStore::write(ServerEvent &e)
{
    QSqlQuery &q = prepared(AppendSql);
    q.addBindValue(idOrNull(e.event.ticketId));
    q.addBindValue(e.event.type);
    q.addBindValue(idOrNull(e.event.ticketId));
    q.addBindValue(e.event.at);
    q.addBindValue(QString::fromUtf8(QJsonDocument(e.event.data).toJson(QJsonDocument::Compact)));
    q.addBindValue(e.staffOnly ? 1 : 0);
    q.addBindValue(idOrNull(e.recipientStaffId));
    const bool ok = run(q) && q.next();
    if (ok) {
        e.event.seq = q.value(0).toLongLong();
        e.deviceId = q.value(1).toLongLong();
        e.visibility = static_cast<core::Visibility>(q.value(2).toInt());
    }
    q.finish();
    if (!ok)
        return; // the transaction is aborted now: PgWriter::write rolls it back
    m_w.pendingEvents().append(e);
    if (e.event.seq % PruneEvery == 0) {
        // Keep the newest events for resume by `since`; older clients get `resync`.
        QSqlQuery &prune = prepared(u"DELETE FROM events WHERE seq <= ?::bigint"_s);
        prune.addBindValue(e.event.seq - RetainedEvents);
        run(prune);
        prune.finish();
    }
}

QList<ServerEvent> PgEventStore::since(qint64 seq, int limit)
{
    // As on SQLite: who may see an event is decided now, not when it was written (see
    // SqliteEventStore::since).
    QSqlQuery &q = prepared(uR"sql(SELECT e.seq, e.type, e.ticket_id, e.at, e.data, e.device_id,
            CASE WHEN e.ticket_id IS NULL THEN 0
                 ELSE GREATEST(e.visibility, COALESCE(t.visibility, 1)) END,
            e.staff_only,
            e.type = 'attachment.created' AND (a.id IS NULL OR a.internal = 1
                OR a.note_id IS NOT NULL),
            COALESCE(e.staff_id, 0)
        FROM events e LEFT JOIN tickets t ON t.id = e.ticket_id
        LEFT JOIN attachments a ON e.type = 'attachment.created'
            AND a.id = CASE WHEN e.type = 'attachment.created'
                            THEN e.data::jsonb ->> 'id' END
        WHERE e.seq > ?::bigint ORDER BY e.seq LIMIT ?::bigint)sql"_s);
    q.addBindValue(seq);
    q.addBindValue(limit);
    QList<ServerEvent> out;
    if (!run(q))
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
    q.finish();
    return out;
}

qint64 PgEventStore::oldestSeq()
{
    return number(u"SELECT COALESCE(MIN(seq), 0) FROM events"_s);
}

qint64 PgEventStore::latestSeq()
{
    // The counter survives pruning, so a client's `since` stays meaningful; without it
    // (no event appended yet), rows copied in by a tool.
    return number(u"SELECT COALESCE((SELECT value FROM counters WHERE name = 'event_seq'), "
                  "(SELECT MAX(seq) FROM events), 0)"_s);
}

} // namespace server::postgres
