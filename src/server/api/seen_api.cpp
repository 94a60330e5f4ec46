// Unread per staff member: PUT /tickets/{id}/seen {"seq": n} marks a ticket seen up to an
// event, DELETE marks it unread again. Staff only: the router answers 404 to code users,
// who must not learn the feature exists (as for notes).
#include "apicontext.h"

using namespace Qt::StringLiterals;
using server::http::Response;

namespace server::api {
namespace {

Response seen(Call &call, ApiContext &ctx, bool mark)
{
    const qint64 ticketId = call.idParam(0);
    if (ticketId == 0)
        return Response::notFound();
    if (auto refusal = onlyParams(call, {}))
        return *refusal;
    std::optional<qint64> seq;
    if (mark) {
        auto body = jsonBody(call, ctx);
        if (auto *r = std::get_if<Response>(&body))
            return *r;
        core::JsonReader in(std::get<QJsonObject>(body));
        in.allowOnly({u"seq"_s});
        seq = in.integer(u"seq"_s, true, 0, std::numeric_limits<qint64>::max());
        if (!in.ok())
            return Response::problem(*in.problem());
        // A seq the server has not written yet would hide what comes next.
        if (*seq > ctx.store.events().latestSeq())
            return Response::error(422, u"invalid_value"_s, u"seq is beyond the latest event."_s,
                                   u"seq"_s);
    }
    return writeTransaction(ctx, [&]() -> Response {
        const std::optional<qint64> stored =
            ctx.store.tickets().setSeen(ticketId, seq, call.caller, call.now);
        if (!stored)
            return Response::notFound();
        const auto ticket = ctx.store.tickets().ticket(ticketId, call.caller);
        if (!ticket)
            return Response::notFound();
        return Response::json(200, {{u"ticketId"_s, ticketId},
                                    {u"seq"_s, *stored},
                                    {u"unread"_s, ticket->summary.unread.value_or(false)}});
    });
}

} // namespace

void registerSeenRoutes(Router &router, ApiContext &ctx)
{
    router.add("PUT", u"/api/v1/tickets/{id}/seen"_s, Access::Staff,
               [&ctx](Call &call) { return seen(call, ctx, true); });
    router.add("DELETE", u"/api/v1/tickets/{id}/seen"_s, Access::Staff,
               [&ctx](Call &call) { return seen(call, ctx, false); });
}

} // namespace server::api
