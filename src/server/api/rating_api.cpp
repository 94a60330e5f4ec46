// Ratings: a code user rates the ticket they created, once, after its resolution; staff
// read the statistics.
#include "apicontext.h"
#include "core/ratingstatsquery.h"

using namespace Qt::StringLiterals;
using server::http::Response;

namespace server::api {
namespace {

Response rate(Call &call, ApiContext &ctx)
{
    const qint64 ticketId = call.idParam(0);
    if (ticketId == 0)
        return Response::notFound();
    if (auto refusal = onlyParams(call, {}))
        return *refusal;
    auto body = jsonBody(call, ctx);
    if (auto *r = std::get_if<Response>(&body))
        return *r;
    core::JsonReader in(std::get<QJsonObject>(body));
    in.allowOnly({u"stars"_s, u"comment"_s});
    const auto stars = in.integer(u"stars"_s, true, 1, 5);
    const QString comment =
        in.text(u"comment"_s, false, 0, core::MaxCommentLength, true).value_or(QString());
    if (!in.ok())
        return Response::problem(*in.problem());

    return writeOnce(call, ctx, [&]() -> Response {
        core::Rating rating;
        switch (ctx.store.ratings().addRating(ticketId, int(*stars), comment, call.caller, call.now,
                                              &rating)) {
        case RatingOutcome::Ok: {
            QJsonObject o = rating.toJson(call.caller.isStaff());
            o.insert(u"ticketId"_s, ticketId);
            return Response::json(201, o);
        }
        case RatingOutcome::NotCreator:
            return Response::error(403, u"forbidden"_s,
                                   u"Only the person who reported this ticket may rate it."_s);
        case RatingOutcome::NotResolved:
            return Response::error(409, u"not_resolved"_s,
                                   u"A ticket can be rated once it is resolved."_s);
        case RatingOutcome::AlreadyRated:
            return Response::error(409, u"already_rated"_s, u"This ticket is rated already."_s);
        case RatingOutcome::NotFound:
            break;
        }
        return Response::notFound();
    });
}

Response stats(Call &call, ApiContext &ctx)
{
    const auto query = core::RatingStatsQuery::fromUrlQuery(call.request.query);
    if (const auto *problem = std::get_if<core::ApiProblem>(&query))
        return Response::problem(*problem);
    const auto answer =
        ctx.store.ratings().ratingStats(std::get<core::RatingStatsQuery>(query), call.now);
    if (const auto *problem = std::get_if<core::ApiProblem>(&answer))
        return Response::problem(*problem);
    return Response::json(200, std::get<QJsonObject>(answer));
}

} // namespace

void registerRatingRoutes(Router &router, ApiContext &ctx)
{
    router.add("POST", u"/api/v1/tickets/{id}/rating"_s, Access::SignedIn,
               [&ctx](Call &call) { return rate(call, ctx); });
    // Staff only: code users get 404 from the router.
    router.add("GET", u"/api/v1/stats/ratings"_s, Access::Staff,
               [&ctx](Call &call) { return stats(call, ctx); });
}

} // namespace server::api
