#include "eventview.h"

using namespace Qt::StringLiterals;

namespace server::events {
namespace {

// The changes of a `ticket.updated` a code user may see: only the new values of public
// fields. `from` values are never sent (a title may have been renamed while the ticket
// was internal), and a change of visibility is never mentioned.
QJsonObject publicChanges(const QJsonObject &changes)
{
    QJsonObject out;
    for (const QString &field : {u"status"_s, u"priority"_s, u"assigneeId"_s, u"title"_s}) {
        const QJsonValue v = changes.value(field);
        if (!v.isUndefined())
            out.insert(field, v.isObject() ? v.toObject().value(u"to"_s) : v);
    }
    return out;
}

} // namespace

std::optional<QJsonObject> codeUserData(const QString &type, const QJsonObject &staffData)
{
    if (type == u"ticket.created")
        return core::Ticket::fromJson(staffData).toJson(false);
    if (type == u"ticket.updated") {
        const QJsonObject changes = publicChanges(staffData.value(u"changes"_s).toObject());
        if (changes.isEmpty())
            return std::nullopt;
        QJsonObject o = core::TicketSummary::fromJson(staffData).toJson(false);
        o.insert(u"changes"_s, changes);
        // Why it moved, when their own message reopened it (a public fact of their ticket).
        if (const QString reason = staffData.value(u"reason"_s).toString(); !reason.isEmpty())
            o.insert(u"reason"_s, reason);
        return o;
    }
    if (type == u"message.created") {
        core::Post post = core::Post::fromJson(staffData);
        post.attachments.removeIf([](const core::Attachment &a) { return a.internal; });
        return post.toJson();
    }
    if (type == u"attachment.created") {
        const core::Attachment a = core::Attachment::fromJson(staffData);
        if (a.internal)
            return std::nullopt;
        return a.toJson();
    }
    if (type == u"rating.created") {
        QJsonObject o = core::Rating::fromJson(staffData).toJson(false);
        o.insert(u"ticketId"_s, staffData.value(u"ticketId"_s).toInteger());
        return o;
    }
    return std::nullopt;
}

} // namespace server::events
