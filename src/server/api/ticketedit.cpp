#include "ticketedit.h"

#include <limits>

using namespace Qt::StringLiterals;
using server::http::Response;

namespace server::api {

std::variant<TicketPatch, core::ApiProblem> readTicketPatch(const QJsonObject &body,
                                                            bool allowTitle)
{
    core::JsonReader in(body);
    QStringList allowed{u"priority"_s, u"status"_s, u"assigneeId"_s, u"visibility"_s};
    if (allowTitle)
        allowed << u"title"_s;
    in.allowOnly(allowed);
    if (body.isEmpty())
        in.fail(422, u"missing_field"_s,
                allowTitle ? u"Give at least one of priority, status, assigneeId, visibility "
                             "and title."_s
                           : u"Give at least one of priority, status, assigneeId and visibility."_s,
                {});
    TicketPatch p;
    p.priority = enumField<core::Priority>(in, u"priority"_s, core::parsePriority);
    p.status = enumField<core::Status>(in, u"status"_s, core::parseStatus);
    p.visibility = enumField<core::Visibility>(in, u"visibility"_s, core::parseVisibility);
    if (allowTitle)
        p.title = in.text(u"title"_s, false, 1, core::MaxTitleLength);
    if (in.has(u"assigneeId"_s)) {
        bool isNull = false;
        p.assigneeId =
            in.nullableInteger(u"assigneeId"_s, 1, std::numeric_limits<qint64>::max(), &isNull);
        p.setAssignee = true;
    }
    if (!in.ok())
        return *in.problem();
    return p;
}

Response withTicket(int status, const core::Ticket &t, bool staffView)
{
    return Response::json(status, t.toJson(staffView))
        .withHeader("ETag", '"' + QByteArray::number(t.summary.version) + '"');
}

Response applyTicketPatch(ApiContext &ctx, qint64 id, const TicketPatch &patch,
                          qint64 expectedVersion, const Call &call)
{
    TicketStore &tickets = ctx.store.tickets();
    switch (tickets.patch(id, patch, expectedVersion, call.caller, call.now)) {
    case PatchOutcome::NotFound:
        return Response::notFound();
    case PatchOutcome::StaleVersion:
        return Response::error(412, u"version_mismatch"_s, u"The ticket was changed meanwhile."_s,
                               u"If-Match"_s);
    case PatchOutcome::IllegalTransition:
        return Response::error(409, u"illegal_transition"_s,
                               u"The ticket cannot go to this status from its current one."_s,
                               u"status"_s);
    case PatchOutcome::UnknownAssignee:
        return Response::error(422, u"invalid_value"_s, u"There is no such active staff member."_s,
                               u"assigneeId"_s);
    case PatchOutcome::Ok:
        break;
    }
    const std::optional<core::Ticket> changed = tickets.ticket(id, call.caller);
    return changed ? withTicket(200, *changed, true) : Response::internalError();
}

} // namespace server::api
