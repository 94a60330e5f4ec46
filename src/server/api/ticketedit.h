#pragma once

// The staff edit of one ticket, shared by PATCH /tickets/{id} and POST /tickets/bulk so
// that both validate, apply and answer alike (history, `ticket.updated` event, ETag).
#include "apicontext.h"

namespace server::api {

// An enumeration field read as its name; nullopt when absent or bad (then `in` has the
// problem).
template <typename E, typename Parse>
std::optional<E> enumField(core::JsonReader &in, const QString &key, Parse parse)
{
    using namespace Qt::StringLiterals;
    const std::optional<QString> text = in.text(key, false, 1, 40);
    if (!text)
        return std::nullopt;
    const std::optional<E> value = parse(*text);
    if (!value)
        in.fail(422, u"invalid_value"_s, u"This value is not one of the allowed ones."_s, key);
    return value;
}

// The changes of a PATCH body: priority, status, assigneeId, visibility and (when
// `allowTitle`) title; at least one of them.
std::variant<TicketPatch, core::ApiProblem> readTicketPatch(const QJsonObject &body,
                                                            bool allowTitle);

// A ticket as the answer of a read or an edit, with its version as ETag.
http::Response withTicket(int status, const core::Ticket &t, bool staffView);

// Applies `patch` to ticket `id` when it is still at `expectedVersion`; inside
// Store::write(). The answer: 200 with the ticket, or 404, 412, 409 or 422.
http::Response applyTicketPatch(ApiContext &ctx, qint64 id, const TicketPatch &patch,
                                qint64 expectedVersion, const Call &call);

} // namespace server::api
