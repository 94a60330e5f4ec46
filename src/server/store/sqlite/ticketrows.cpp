#include "ticketrows.h"

#include "connection.h"
#include "schema.h"
#include "ticketsql.h"

#include "core/timeutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace server::sqlite::ticketrows {

const QString SummaryColumns =
    u"t.id, t.number, t.title, t.status, t.priority, t.visibility, t.flow_id, f.name, "
    "t.device_id, d.name, c.name, t.assignee_id, s.name, t.created_at, t.updated_at, "
    "t.version, t.rating_stars, t.clock_first_reply_due, t.clock_resolution_due, "
    "t.clock_first_reply_at, t.clock_paused_since, t.clock_first_reply_breach, "
    "t.clock_resolution_breach, t.clock_due"_s;

const QString SummaryJoins =
    u"LEFT JOIN flows f ON f.id = t.flow_id LEFT JOIN devices d ON d.id = t.device_id "
    "LEFT JOIN customers c ON c.id = t.customer_id LEFT JOIN staff s ON s.id = t.assignee_id"_s;

const QString SummaryFrom = u"FROM tickets t "_s + SummaryJoins;

const QString HistoryColumns = u"id, at, actor_kind, actor_id, actor_name, field, old_value, "
                               "new_value, public_fact, reason"_s;

const QString AttachmentColumns =
    u"id, name, size, content_type, sha256, internal, created_at, uploaded_by_kind, "
    "uploaded_by_id, uploaded_by_name"_s;

std::optional<qint64> optionalInteger(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

QVariant nullable(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant();
}

core::TicketSummary summaryFrom(const QSqlQuery &q)
{
    core::TicketSummary t;
    t.id = q.value(0).toLongLong();
    t.number = q.value(1).toString();
    t.title = q.value(2).toString();
    t.status = core::Status(qBound(0, q.value(3).toInt(), core::StatusCount - 1));
    t.priority = core::Priority(qBound(0, q.value(4).toInt(), core::PriorityCount - 1));
    t.visibility = q.value(5).toInt() == 0 ? core::Visibility::Public : core::Visibility::Internal;
    t.flowId = q.value(6).toLongLong();
    t.flowName = q.value(7).toString();
    t.deviceId = q.value(8).toLongLong();
    t.deviceName = q.value(9).toString();
    t.customerName = q.value(10).toString();
    t.assigneeId = optionalInteger(q.value(11));
    t.assigneeName = q.value(12).toString();
    t.createdAt = q.value(13).toLongLong();
    t.updatedAt = q.value(14).toLongLong();
    t.version = q.value(15).toLongLong();
    if (!q.value(16).isNull())
        t.ratingStars = q.value(16).toInt();
    // The stored clocks; whether a clock is breached is read against now.
    core::TicketClockFields clocks;
    clocks.firstReplyDue = optionalInteger(q.value(17));
    clocks.resolutionDue = optionalInteger(q.value(18));
    clocks.firstReplyAt = optionalInteger(q.value(19));
    clocks.pausedSince = optionalInteger(q.value(20));
    const qint64 now = core::nowMsecs();
    if (const auto at = optionalInteger(q.value(21)); at && *at < now)
        clocks.breached.append(u"firstReply"_s);
    if (const auto at = optionalInteger(q.value(22)); at && *at < now)
        clocks.breached.append(u"resolution"_s);
    t.clocks = clocks;
    t.dueOrder = q.value(23).toLongLong();
    return t;
}

std::optional<core::TicketSummary> readSummary(Connection &c, qint64 id)
{
    QSqlQuery &q =
        c.prepared(u"SELECT "_s + SummaryColumns + u' ' + SummaryFrom + u" WHERE t.id = ?"_s);
    q.addBindValue(id);
    if (!Connection::run(q) || !q.next())
        return std::nullopt;
    core::TicketSummary t = summaryFrom(q);
    q.finish();
    return t;
}

core::HistoryEntry historyFrom(const QSqlQuery &q)
{
    core::HistoryEntry h;
    h.id = q.value(0).toLongLong();
    h.at = q.value(1).toLongLong();
    h.actor = {q.value(2).toString(), q.value(3).toLongLong(), q.value(4).toString()};
    h.field = q.value(5).toString();
    h.from = jsonValue(q.value(6));
    h.to = jsonValue(q.value(7));
    h.publicFact = q.value(8).toBool();
    h.reason = q.value(9).toString();
    return h;
}

core::Attachment attachmentFrom(const QSqlQuery &q)
{
    core::Attachment a;
    a.id = q.value(0).toString();
    a.name = q.value(1).toString();
    a.size = q.value(2).toLongLong();
    a.contentType = q.value(3).toString();
    a.sha256 = q.value(4).toString();
    a.internal = q.value(5).toBool();
    a.createdAt = q.value(6).toLongLong();
    a.uploadedBy = {q.value(7).toString(), q.value(8).toLongLong(), q.value(9).toString()};
    return a;
}

QString jsonText(const QJsonValue &value)
{
    // QJsonDocument holds only arrays and objects: write a one-element array, strip [ ].
    const QByteArray a = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(a.mid(1, a.size() - 2));
}

QJsonValue jsonValue(const QVariant &text)
{
    if (text.isNull())
        return QJsonValue::Null;
    const QByteArray wrapped = '[' + text.toString().toUtf8() + ']';
    const QJsonArray a = QJsonDocument::fromJson(wrapped).array();
    return a.isEmpty() ? QJsonValue(QJsonValue::Null) : a.first();
}

qint64 sortValue(const core::TicketSummary &t, core::SortKey::Field field)
{
    switch (field) {
    case core::SortKey::Field::Priority:
        return int(t.priority);
    case core::SortKey::Field::CreatedAt:
        return t.createdAt;
    case core::SortKey::Field::UpdatedAt:
        return t.updatedAt;
    case core::SortKey::Field::Status:
        return int(t.status);
    case core::SortKey::Field::Due:
        return t.dueOrder;
    }
    return 0;
}

bool comesBefore(const core::TicketSummary &a, const core::TicketSummary &b,
                 const QList<core::SortKey> &sort)
{
    for (const core::SortKey &key : sort) {
        const qint64 x = sortValue(a, key.field);
        const qint64 y = sortValue(b, key.field);
        if (x != y)
            return key.descending ? x > y : x < y;
    }
    return ticketsql::idDescending(sort) ? a.id > b.id : a.id < b.id;
}

QString compactJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject objectFrom(const QVariant &text)
{
    return text.isNull() ? QJsonObject() : QJsonDocument::fromJson(text.toByteArray()).object();
}

bool insertSearchText(Connection &c, qint64 ticketId, const QString &body)
{
    QSqlQuery &q =
        c.prepared(u"INSERT INTO search (rowid, body, ticket_id, kind) VALUES (?, ?, ?, 't')"_s);
    q.addBindValue(ticketId << SearchTicketShift);
    q.addBindValue(body);
    q.addBindValue(ticketId);
    return Connection::run(q);
}

bool insertHistory(Connection &c, qint64 ticketId, const Caller &actor, qint64 at,
                   const QString &field, const QJsonValue &from, const QJsonValue &to,
                   bool publicFact, const QString &reason)
{
    QSqlQuery &q = c.prepared(u"INSERT INTO history (ticket_id, at, actor_kind, actor_id, "
                              "actor_name, field, old_value, new_value, public_fact, reason) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(ticketId);
    q.addBindValue(at);
    q.addBindValue(actor.kind());
    q.addBindValue(actor.id);
    q.addBindValue(actor.name);
    q.addBindValue(field);
    q.addBindValue(from.isNull() ? QVariant() : QVariant(jsonText(from)));
    q.addBindValue(jsonText(to));
    q.addBindValue(publicFact ? 1 : 0);
    q.addBindValue(reason.isEmpty() ? QVariant() : QVariant(reason));
    return Connection::run(q);
}

bool rewriteSearchText(Connection &c, qint64 ticketId, const QString &body)
{
    // The ticket's text row has a known rowid (schema.h).
    QSqlQuery &d = c.prepared(u"DELETE FROM search WHERE rowid = ?"_s);
    d.addBindValue(ticketId << SearchTicketShift);
    return Connection::run(d) && insertSearchText(c, ticketId, body);
}

} // namespace server::sqlite::ticketrows
