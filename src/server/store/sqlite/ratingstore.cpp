#include "ratingstore.h"

#include "connection.h"
#include "core/timeutil.h"
#include "eventstore.h"
#include "unread.h"

#include <QVariant>

using namespace Qt::StringLiterals;

namespace server::sqlite {

RatingOutcome SqliteRatingStore::addRating(qint64 ticketId, int stars, const QString &comment,
                                           const Caller &caller, qint64 now, core::Rating *created)
{
    Q_ASSERT(m_c.inTransaction());
    QSqlQuery &t = m_c.prepared(
        u"SELECT t.device_id, t.visibility, t.status, t.created_by_kind, t.created_by_id, "
        "t.assignee_id, t.fleet_id, t.flow_id, t.customer_id, d.template_id, "
        "EXISTS (SELECT 1 FROM ratings r WHERE r.ticket_id = t.id) "
        "FROM tickets t JOIN devices d ON d.id = t.device_id WHERE t.id = ?"_s);
    t.addBindValue(ticketId);
    if (!Connection::run(t) || !t.next())
        return RatingOutcome::NotFound;
    if (!caller.isStaff() && (t.value(0).toLongLong() != caller.deviceId ||
                              t.value(1).toInt() != int(core::Visibility::Public)))
        return RatingOutcome::NotFound;
    if (caller.isStaff() || t.value(3).toString() != u"code_user" ||
        t.value(4).toLongLong() != caller.id)
        return RatingOutcome::NotCreator;
    if (t.value(10).toBool())
        return RatingOutcome::AlreadyRated;
    const auto status = core::Status(t.value(2).toInt());
    if (status != core::Status::Resolved && status != core::Status::Closed)
        return RatingOutcome::NotResolved;

    core::Rating rating;
    rating.stars = stars;
    rating.comment = comment;
    rating.createdAt = now;
    if (!t.value(5).isNull())
        rating.assigneeId = t.value(5).toLongLong();
    const QVariant fleet = t.value(6), flow = t.value(7), customer = t.value(8), templ = t.value(9);
    t.finish();

    // Credited: whoever holds the ticket now, not whoever holds it later.
    QSqlQuery &q =
        m_c.prepared(u"INSERT INTO ratings (ticket_id, stars, comment, code_user_id, "
                     "assignee_id, fleet_id, flow_id, template_id, customer_id, "
                     "created_at) VALUES (?, ?, COALESCE(?, ''), ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(ticketId);
    q.addBindValue(stars);
    q.addBindValue(comment);
    q.addBindValue(caller.id);
    q.addBindValue(rating.assigneeId ? QVariant(*rating.assigneeId) : QVariant());
    q.addBindValue(fleet);
    q.addBindValue(flow);
    q.addBindValue(templ);
    q.addBindValue(customer);
    q.addBindValue(now);
    // A failed statement (logged) rolls the transaction back like a refusal; the outcomes
    // have no "failed" of their own.
    if (!Connection::run(q))
        return RatingOutcome::NotFound;
    // A rating is activity on the ticket, not an edit of its fields: the version stays.
    QSqlQuery &u = m_c.prepared(
        u"UPDATE tickets SET rating_stars = ?, updated_at = MAX(updated_at, ?) WHERE id = ?"_s);
    u.addBindValue(stars);
    u.addBindValue(now);
    u.addBindValue(ticketId);
    if (!Connection::run(u))
        return RatingOutcome::NotFound;
    QJsonObject data = rating.toJson(false);
    data.insert(u"ticketId"_s, ticketId);
    SqliteEventStore events(m_c);
    events.append(u"rating.created"_s, ticketId, data, now);
    if (!events.lastAppended() ||
        !unread::recordNotable(m_c, ticketId, events.lastAppended(), unread::actorOf(caller)))
        return RatingOutcome::NotFound;
    if (created)
        *created = rating;
    return RatingOutcome::Ok;
}

} // namespace server::sqlite
