#include "unread.h"

#include "connection.h"
#include "eventstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace server::sqlite::unread {

qint64 actorOf(const Caller &caller)
{
    return caller.isStaff() ? caller.id : 0;
}

bool recordNotable(Connection &c, qint64 ticketId, qint64 seq, qint64 actor)
{
    // Same actor as the last notable event: only its seq moves. Another actor: the last
    // one's seq becomes "the last by someone other than the (new) last actor".
    QSqlQuery &q = c.prepared(
        u"UPDATE tickets SET notable_other_seq = CASE WHEN notable_actor = ? "
        "THEN notable_other_seq ELSE notable_seq END, notable_seq = ?, notable_actor = ? "
        "WHERE id = ?"_s);
    q.addBindValue(actor);
    q.addBindValue(seq);
    q.addBindValue(actor);
    q.addBindValue(ticketId);
    return Connection::run(q);
}

bool recordAssignment(Connection &c, qint64 ticketId, qint64 seq,
                      const std::optional<qint64> &assigneeId, qint64 actor)
{
    QSqlQuery &q = c.prepared(u"UPDATE tickets SET assigned_seq = ? WHERE id = ?"_s);
    q.addBindValue(assigneeId && *assigneeId != actor ? seq : -1);
    q.addBindValue(ticketId);
    return Connection::run(q);
}

bool recordMessage(Connection &c, qint64 ticketId, bool byCodeUser)
{
    QSqlQuery &q = c.prepared(u"UPDATE tickets SET awaiting_staff = ? WHERE id = ?"_s);
    q.addBindValue(byCodeUser ? 1 : 0);
    q.addBindValue(ticketId);
    return Connection::run(q);
}

QString condition()
{
    return u"MAX(CASE WHEN t.notable_actor = ? THEN t.notable_other_seq ELSE t.notable_seq END, "
           "CASE WHEN t.assignee_id = ? THEN t.assigned_seq ELSE -1 END) > COALESCE((SELECT "
           "ts.seq FROM ticket_seen ts WHERE ts.staff_id = ? AND ts.ticket_id = t.id), -1)"_s;
}

QVariantList conditionValues(qint64 staffId)
{
    return {staffId, staffId, staffId};
}

QString awaitingCondition()
{
    return u"t.awaiting_staff = 1 AND t.visibility = 0 AND t.status <> 4"_s;
}

bool fill(Connection &c, QList<core::TicketSummary> &tickets, qint64 staffId)
{
    if (tickets.isEmpty())
        return true;
    QJsonArray ids;
    for (const core::TicketSummary &t : std::as_const(tickets))
        ids.append(t.id);
    QSqlQuery &q = c.prepared(u"SELECT t.id, "_s + condition() +
                              u" FROM tickets t WHERE t.id IN (SELECT value FROM json_each(?))"_s);
    for (const QVariant &v : conditionValues(staffId))
        q.addBindValue(v);
    q.addBindValue(QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact)));
    if (!Connection::run(q))
        return false;
    QHash<qint64, bool> unread;
    while (q.next())
        unread.insert(q.value(0).toLongLong(), q.value(1).toBool());
    q.finish();
    for (core::TicketSummary &t : tickets)
        t.unread = unread.value(t.id, false);
    return true;
}

std::optional<qint64> setSeen(Connection &c, qint64 ticketId, qint64 staffId,
                              std::optional<qint64> seq)
{
    if (!seq) {
        QSqlQuery &d =
            c.prepared(u"DELETE FROM ticket_seen WHERE staff_id = ? AND ticket_id = ?"_s);
        d.addBindValue(staffId);
        d.addBindValue(ticketId);
        return Connection::run(d) ? std::optional<qint64>(-1) : std::nullopt;
    }
    QSqlQuery &q =
        c.prepared(u"INSERT INTO ticket_seen (staff_id, ticket_id, seq) VALUES (?, ?, ?) "
                   "ON CONFLICT (staff_id, ticket_id) DO UPDATE SET "
                   "seq = MAX(seq, excluded.seq)"_s);
    q.addBindValue(staffId);
    q.addBindValue(ticketId);
    q.addBindValue(*seq);
    if (!Connection::run(q))
        return std::nullopt;
    QSqlQuery &r =
        c.prepared(u"SELECT seq FROM ticket_seen WHERE staff_id = ? AND ticket_id = ?"_s);
    r.addBindValue(staffId);
    r.addBindValue(ticketId);
    if (!Connection::run(r) || !r.next())
        return std::nullopt;
    const qint64 stored = r.value(0).toLongLong();
    r.finish();
    return stored;
}

std::optional<qint64> markSeen(Connection &c, qint64 ticketId, qint64 staffId,
                               std::optional<qint64> seq, qint64 now)
{
    const std::optional<qint64> stored = setSeen(c, ticketId, staffId, seq);
    if (!stored)
        return std::nullopt;
    QList<core::TicketSummary> state(1);
    state[0].id = ticketId;
    if (!fill(c, state, staffId))
        return std::nullopt;
    const QJsonObject data{
        {u"ticketId"_s, ticketId}, {u"seq"_s, *stored}, {u"unread"_s, *state[0].unread}};
    if (!SqliteEventStore(c).appendFor(staffId, u"ticket.seen"_s, ticketId, data, now))
        return std::nullopt;
    return stored;
}

} // namespace server::sqlite::unread
