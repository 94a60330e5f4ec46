#include "ticketstore.h"

#include "clockstore.h"

#include "assignment.h"
#include "connection.h"
#include "core/statusflow.h"
#include "eventstore.h"
#include "ticketpage.h"
#include "ticketrows.h"
#include "unread.h"

#include <QVariant>

using namespace Qt::StringLiterals;
using namespace server::sqlite::ticketrows;

namespace server::sqlite {
namespace {

bool visibleTo(const Caller &caller, qint64 deviceId, int visibility)
{
    return caller.isStaff() || (deviceId == caller.deviceId && caller.deviceId != 0 &&
                                visibility == int(core::Visibility::Public));
}

} // namespace

SqliteTicketStore::SqliteTicketStore(Connection &connection)
    : m_c(connection)
    , m_cacheFacets(qEnvironmentVariable("TICKET_FACETS_CACHE") != u"off")
{}

SqliteTicketStore::~SqliteTicketStore()
{
    for (const CachedStatement &c : std::as_const(m_dynamic))
        delete c.query;
}

std::optional<core::Ticket> SqliteTicketStore::ticket(qint64 id, const Caller &caller)
{
    // One statement for the ticket with its device, creator, customer and rating; the
    // attachments (few tickets have any) only when the EXISTS says so.
    QSqlQuery &q = m_c.prepared(
        u"SELECT "_s + SummaryColumns +
        u", t.description, t.fields, t.assignment, t.created_by_kind, t.created_by_id, "
        "t.customer_id, d.serial, d.location, d.template_id, tp.name, d.fleet_id, fl.name, "
        "d.customer_id, COALESCE(cs.name, cu.name), c.number, c.contact_name, c.email, "
        "c.phone, c.address, r.id, r.stars, r.comment, r.created_at, r.assignee_id, "
        "EXISTS (SELECT 1 FROM attachments a WHERE a.ticket_id = t.id) "_s +
        SummaryFrom +
        u" LEFT JOIN templates tp ON tp.id = d.template_id "
        "LEFT JOIN fleets fl ON fl.id = d.fleet_id "
        "LEFT JOIN staff cs ON t.created_by_kind = 'staff' AND cs.id = t.created_by_id "
        "LEFT JOIN code_users cu ON t.created_by_kind <> 'staff' AND cu.id = t.created_by_id "
        "LEFT JOIN ratings r ON r.ticket_id = t.id WHERE t.id = ?"_s);
    q.addBindValue(id);
    if (!Connection::run(q) || !q.next())
        return std::nullopt;
    core::Ticket t;
    t.summary = summaryFrom(q);
    if (!visibleTo(caller, t.summary.deviceId, int(t.summary.visibility))) {
        q.finish();
        return std::nullopt;
    }
    int c = SummaryColumnCount;
    t.description = q.value(c++).toString();
    t.fields = objectFrom(q.value(c++));
    t.assignment = objectFrom(q.value(c++));
    t.createdBy.type = q.value(c++).toString();
    t.createdBy.id = q.value(c++).toLongLong();
    const std::optional<qint64> customerId = optionalInteger(q.value(c++));
    t.device.id = t.summary.deviceId;
    t.device.name = t.summary.deviceName;
    t.device.serial = q.value(c++).toString();
    t.device.location = q.value(c++).toString();
    t.device.templateId = q.value(c++).toLongLong();
    t.device.templateName = q.value(c++).toString();
    t.device.fleetId = q.value(c++).toLongLong();
    t.device.fleetName = q.value(c++).toString();
    t.device.customerId = optionalInteger(q.value(c++));
    t.createdBy.name = q.value(c++).toString();
    // The customer's name is a summary column (NULL when the row is missing).
    if (caller.isStaff() && customerId && !q.value(10).isNull())
        t.customer = core::Customer{*customerId,
                                    t.summary.customerName,
                                    q.value(c).toString(),
                                    q.value(c + 1).toString(),
                                    q.value(c + 2).toString(),
                                    q.value(c + 3).toString(),
                                    q.value(c + 4).toString()};
    c += 5;
    if (!q.value(c++).isNull())
        t.rating = core::Rating{q.value(c).toInt(), q.value(c + 1).toString(),
                                q.value(c + 2).toLongLong(), optionalInteger(q.value(c + 3))};
    c += 4;
    const bool hasAttachments = q.value(c).toBool();
    q.finish();
    if (caller.isStaff()) {
        QList<core::TicketSummary> one{t.summary};
        if (!unread::fill(m_c, one, caller.id))
            return std::nullopt;
        t.summary.unread = one.first().unread;
    }

    if (hasAttachments) {
        QSqlQuery &aq =
            m_c.prepared(u"SELECT "_s + AttachmentColumns +
                         u" FROM attachments WHERE ticket_id = ? AND (internal = 0 OR ?) "
                         "ORDER BY created_at, id"_s);
        aq.addBindValue(id);
        aq.addBindValue(caller.isStaff() ? 1 : 0);
        if (Connection::run(aq)) {
            while (aq.next())
                t.attachments.append(attachmentFrom(aq));
        }
        aq.finish();
    }
    return t;
}

qint64 SqliteTicketStore::create(const NewTicket &ticket, const Caller &caller, qint64 now)
{
    Q_ASSERT(m_c.inTransaction());
    m_c.facetsChanging(); // a new ticket changes facet counts (even if the transaction fails)
    QSqlQuery &dq = m_c.prepared(u"SELECT customer_id, fleet_id FROM devices WHERE id = ?"_s);
    dq.addBindValue(ticket.deviceId);
    if (!Connection::run(dq) || !dq.next())
        return 0;
    const std::optional<qint64> customerId = optionalInteger(dq.value(0));
    const qint64 fleetId = dq.value(1).toLongLong();
    dq.finish();

    // Inside BEGIN IMMEDIATE nobody else can take the same id: the number needs it up front.
    QSqlQuery &idq = m_c.prepared(u"SELECT COALESCE(MAX(id), 0) + 1 FROM tickets"_s);
    if (!Connection::run(idq) || !idq.next())
        return 0;
    const qint64 id = idq.value(0).toLongLong();
    idq.finish();

    const AssignmentDecision assigned = assignOnCreate(m_c, ticket, fleetId, caller, now);
    if (!assigned.ok)
        return 0;
    QSqlQuery &q = m_c.prepared(
        u"INSERT INTO tickets (id, number, title, description, status, priority, visibility, "
        "flow_id, device_id, customer_id, fleet_id, assignee_id, created_by_kind, created_by_id, "
        "created_at, updated_at, version, fields, assignment) "
        "VALUES (?, ?, ?, COALESCE(?, ''), 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)"_s);
    q.addBindValue(id);
    q.addBindValue(QString(u"T-"_s + QString::number(id).rightJustified(6, u'0')));
    q.addBindValue(ticket.title);
    q.addBindValue(ticket.description);
    q.addBindValue(int(ticket.priority));
    q.addBindValue(int(ticket.visibility));
    q.addBindValue(ticket.flowId);
    q.addBindValue(ticket.deviceId);
    q.addBindValue(nullable(customerId));
    q.addBindValue(fleetId);
    q.addBindValue(nullable(assigned.assigneeId));
    q.addBindValue(caller.kind());
    q.addBindValue(caller.id);
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(compactJson(ticket.fields));
    q.addBindValue(assigned.assignment.isEmpty() ? QVariant()
                                                 : QVariant(compactJson(assigned.assignment)));
    if (!Connection::run(q))
        return 0;

    if (!insertSearchText(m_c, id, ticket.title + u'\n' + ticket.description))
        return 0;

    const bool isPublic = ticket.visibility == core::Visibility::Public;
    if (!insertHistory(m_c, id, caller, now, u"created"_s, QJsonValue::Null,
                       core::toString(core::Status::New), isPublic))
        return 0;
    if (assigned.assigneeId && !insertHistory(m_c, id, caller, now, u"assigneeId"_s,
                                              QJsonValue::Null, *assigned.assigneeId, isPublic))
        return 0;
    // How the assignee was chosen (or why nobody was) is for staff only.
    if (!assigned.assignment.isEmpty() &&
        !insertHistory(m_c, id, caller, now, u"assignment"_s, QJsonValue::Null, assigned.assignment,
                       false))
        return 0;

    if (!SqliteClockStore(m_c).refresh(id, now))
        return 0;
    const std::optional<core::TicketSummary> created = summary(id);
    if (!created)
        return 0;
    SqliteEventStore events(m_c);
    events.append(u"ticket.created"_s, id, created->toJson(true), now);
    // A new ticket is unread for every staff member but its creator (unread.h).
    const qint64 seq = events.lastAppended();
    const qint64 actor = unread::actorOf(caller);
    if (!seq || !unread::recordNotable(m_c, id, seq, actor) ||
        !unread::recordAssignment(m_c, id, seq, assigned.assigneeId, actor))
        return 0;
    return id;
}

PatchOutcome SqliteTicketStore::patch(qint64 id, const TicketPatch &patch, qint64 expectedVersion,
                                      const Caller &caller, qint64 now)
{
    Q_ASSERT(m_c.inTransaction());
    QSqlQuery &q = m_c.prepared(
        u"SELECT status, priority, assignee_id, visibility, title, description, version, "
        "resolved_at, device_id, assignment FROM tickets WHERE id = ?"_s);
    q.addBindValue(id);
    if (!Connection::run(q) || !q.next())
        return PatchOutcome::NotFound;
    const auto status = core::Status(q.value(0).toInt());
    const auto priority = core::Priority(q.value(1).toInt());
    const std::optional<qint64> assignee = optionalInteger(q.value(2));
    const auto visibility = core::Visibility(q.value(3).toInt());
    const QString title = q.value(4).toString();
    const QString description = q.value(5).toString();
    const qint64 version = q.value(6).toLongLong();
    std::optional<qint64> resolvedAt = optionalInteger(q.value(7));
    const qint64 deviceId = q.value(8).toLongLong();
    QVariant assignment = q.value(9);
    q.finish();
    if (!visibleTo(caller, deviceId, int(visibility)))
        return PatchOutcome::NotFound;
    if (version != expectedVersion)
        return PatchOutcome::StaleVersion;
    // A change with a reason is the server's own (a code user's answer reopens a waiting
    // ticket, which staff could not do by hand): it skips the status flow.
    if (patch.status && patch.reason.isEmpty() && !core::isLegalTransition(status, *patch.status))
        return PatchOutcome::IllegalTransition;
    if (patch.setAssignee && patch.assigneeId) {
        QSqlQuery &sq = m_c.prepared(u"SELECT active FROM staff WHERE id = ?"_s);
        sq.addBindValue(*patch.assigneeId);
        const bool active = Connection::run(sq) && sq.next() && sq.value(0).toBool();
        sq.finish();
        if (!active)
            return PatchOutcome::UnknownAssignee;
    }

    const core::Status newStatus = patch.status.value_or(status);
    const core::Priority newPriority = patch.priority.value_or(priority);
    const std::optional<qint64> newAssignee = patch.setAssignee ? patch.assigneeId : assignee;
    const core::Visibility newVisibility = patch.visibility.value_or(visibility);
    const QString newTitle = patch.title.value_or(title);

    struct Change {
        QString field;
        QJsonValue from, to;
    };
    QList<Change> changes;
    if (newStatus != status)
        changes.append({u"status"_s, core::toString(status), core::toString(newStatus)});
    if (newPriority != priority)
        changes.append({u"priority"_s, core::toString(priority), core::toString(newPriority)});
    if (newAssignee != assignee)
        changes.append(
            {u"assigneeId"_s, core::optionalId(assignee), core::optionalId(newAssignee)});
    if (newVisibility != visibility)
        changes.append(
            {u"visibility"_s, core::toString(visibility), core::toString(newVisibility)});
    if (newTitle != title)
        changes.append({u"title"_s, title, newTitle});
    if (changes.isEmpty())
        return PatchOutcome::Ok; // nothing to change: no new version, no event
    m_c.facetsChanging();        // status, priority, assignee or visibility may change facet counts

    const auto done = [](core::Status s) {
        return s == core::Status::Resolved || s == core::Status::Closed;
    };
    if (done(newStatus) && (!done(status) || !resolvedAt))
        resolvedAt = now;
    else if (!done(newStatus))
        resolvedAt.reset();
    // A hand-made change of assignee, unassigning too, says who did it.
    const QJsonObject manualRecord =
        newAssignee != assignee ? manualAssignment(newAssignee, caller, now) : QJsonObject();
    if (!manualRecord.isEmpty())
        assignment = compactJson(manualRecord);

    QSqlQuery &u = m_c.prepared(
        u"UPDATE tickets SET status = ?, priority = ?, assignee_id = ?, visibility = ?, "
        "title = ?, resolved_at = ?, assignment = ?, updated_at = ?, version = version + 1 "
        "WHERE id = ? AND version = ?"_s);
    u.addBindValue(int(newStatus));
    u.addBindValue(int(newPriority));
    u.addBindValue(nullable(newAssignee));
    u.addBindValue(int(newVisibility));
    u.addBindValue(newTitle);
    u.addBindValue(nullable(resolvedAt));
    u.addBindValue(assignment);
    u.addBindValue(now);
    u.addBindValue(id);
    u.addBindValue(version);
    if (!Connection::run(u) || u.numRowsAffected() != 1)
        return PatchOutcome::StaleVersion;

    // Code users never learn that a ticket was internal, nor facts of internal tickets:
    // a change is theirs to see only when the ticket was public before and after it (a
    // rename in the edit that publishes a ticket would show its internal title as `from`).
    const bool publicFact =
        newVisibility == core::Visibility::Public && visibility == core::Visibility::Public;
    QJsonObject changed;
    for (const Change &c : std::as_const(changes)) {
        if (!insertHistory(m_c, id, caller, now, c.field, c.from, c.to,
                           publicFact && c.field != u"visibility", patch.reason))
            return PatchOutcome::NotFound;
        changed.insert(c.field, c.to);
    }
    // As on creation: how the ticket came to be held is for staff only.
    if (!manualRecord.isEmpty() && !insertHistory(m_c, id, caller, now, u"assignment"_s,
                                                  QJsonValue::Null, manualRecord, false))
        return PatchOutcome::NotFound;
    if (newTitle != title && !rewriteSearchText(m_c, id, newTitle + u'\n' + description))
        return PatchOutcome::NotFound;
    // Status and priority move the response clocks.
    if ((newStatus != status || newPriority != priority) && !SqliteClockStore(m_c).refresh(id, now))
        return PatchOutcome::NotFound;

    const std::optional<core::TicketSummary> updated = summary(id);
    if (!updated)
        return PatchOutcome::NotFound;
    QJsonObject data = updated->toJson(true);
    data.insert(u"changes"_s, changed);
    if (!patch.reason.isEmpty())
        data.insert(u"reason"_s, patch.reason);
    SqliteEventStore events(m_c);
    events.append(u"ticket.updated"_s, id, data, now);
    // A status or priority change is news to everyone else; an assignment only to the
    // one who gets the ticket (unless they took it themselves).
    const qint64 seq = events.lastAppended();
    const qint64 actor = unread::actorOf(caller);
    if (!seq)
        return PatchOutcome::NotFound;
    if ((newStatus != status || newPriority != priority) &&
        !unread::recordNotable(m_c, id, seq, actor))
        return PatchOutcome::NotFound;
    if (newAssignee != assignee && !unread::recordAssignment(m_c, id, seq, newAssignee, actor))
        return PatchOutcome::NotFound;
    return PatchOutcome::Ok;
}

std::optional<qint64> SqliteTicketStore::setSeen(qint64 id, std::optional<qint64> seq,
                                                 const Caller &caller, qint64 now)
{
    Q_ASSERT(m_c.inTransaction());
    if (!caller.isStaff() || !isVisible(id, caller))
        return std::nullopt;
    return unread::markSeen(m_c, id, caller.id, seq, now);
}

std::optional<QList<core::HistoryEntry>> SqliteTicketStore::history(qint64 id, const Caller &caller)
{
    if (!isVisible(id, caller))
        return std::nullopt;
    QSqlQuery &q = m_c.prepared(u"SELECT "_s + HistoryColumns +
                                u" FROM history WHERE ticket_id = ? AND (public_fact = 1 OR ?) "
                                "ORDER BY id"_s);
    q.addBindValue(id);
    q.addBindValue(caller.isStaff() ? 1 : 0);
    QList<core::HistoryEntry> out;
    if (!Connection::run(q))
        return out;
    while (q.next())
        out.append(historyFrom(q));
    return out;
}

std::optional<core::TicketSummary> SqliteTicketStore::summary(qint64 id)
{
    QSqlQuery &q =
        m_c.prepared(u"SELECT "_s + SummaryColumns + u' ' + SummaryFrom + u" WHERE t.id = ?"_s);
    q.addBindValue(id);
    if (!Connection::run(q) || !q.next())
        return std::nullopt;
    core::TicketSummary t = summaryFrom(q);
    q.finish();
    return t;
}

bool SqliteTicketStore::isVisible(qint64 id, const Caller &caller)
{
    QSqlQuery &q = m_c.prepared(u"SELECT device_id, visibility FROM tickets WHERE id = ?"_s);
    q.addBindValue(id);
    if (!Connection::run(q) || !q.next())
        return false;
    const bool visible = visibleTo(caller, q.value(0).toLongLong(), q.value(1).toInt());
    q.finish();
    return visible;
}

} // namespace server::sqlite
