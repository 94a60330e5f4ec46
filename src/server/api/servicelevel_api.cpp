// Response clocks' settings: the targets per priority (GET/PUT /service-levels) and each
// fleet's business hours (GET/PUT /fleets/{id}/business-hours). Staff read them (the
// client shows due times), admins write them (agents 403); code users get 403 on all of
// them and never see targets or clocks anywhere. A PUT replaces the whole setting,
// recomputes the open tickets it concerns in the same transaction and tells staff with
// `serviceLevels.updated`; on any problem nothing changes.
#include "apicontext.h"

#include "core/clocksjson.h"

using namespace Qt::StringLiterals;
using server::http::Response;

namespace server::api {
namespace {

std::optional<Response> refuse(const Call &call, bool write)
{
    if (!call.caller.isStaff() || (write && !call.caller.isAdmin()))
        return Response::error(403, u"forbidden"_s,
                               call.caller.isStaff() ? u"Only administrators may do this."_s
                                                     : u"Only staff may see service levels."_s);
    return std::nullopt;
}

Response getServiceLevels(const Call &call, ApiContext &ctx)
{
    if (auto refused = refuse(call, false))
        return *refused;
    if (auto refused = onlyParams(call, {}))
        return *refused;
    return Response::json(200, core::serviceLevelsToJson(ctx.store.clocks().serviceLevels()));
}

Response putServiceLevels(const Call &call, ApiContext &ctx)
{
    if (auto refused = refuse(call, true))
        return *refused;
    if (auto refused = onlyParams(call, {}))
        return *refused;
    auto body = jsonBody(call, ctx);
    if (auto *r = std::get_if<Response>(&body))
        return *r;
    const auto levels = core::serviceLevelsFromJson(std::get<QJsonObject>(body));
    if (const auto *problem = std::get_if<core::ApiProblem>(&levels))
        return Response::problem(*problem);
    return writeTransaction(ctx, [&]() -> Response {
        const auto &set = std::get<core::ServiceLevels>(levels);
        if (ctx.store.clocks().setServiceLevels(set, call.now) < 0)
            return Response::internalError();
        return Response::json(200, core::serviceLevelsToJson(set));
    });
}

Response getBusinessHours(const Call &call, ApiContext &ctx)
{
    if (auto refused = refuse(call, false))
        return *refused;
    if (auto refused = onlyParams(call, {}))
        return *refused;
    const auto hours = ctx.store.clocks().businessHours(call.idParam(0));
    if (!hours)
        return Response::notFound();
    return Response::json(200, core::businessHoursToJson(*hours));
}

Response putBusinessHours(const Call &call, ApiContext &ctx)
{
    if (auto refused = refuse(call, true))
        return *refused;
    if (auto refused = onlyParams(call, {}))
        return *refused;
    const qint64 fleetId = call.idParam(0);
    if (!fleetId)
        return Response::notFound();
    auto body = jsonBody(call, ctx);
    if (auto *r = std::get_if<Response>(&body))
        return *r;
    const auto hours = core::businessHoursFromJson(std::get<QJsonObject>(body));
    if (const auto *problem = std::get_if<core::ApiProblem>(&hours))
        return Response::problem(*problem);
    return writeTransaction(ctx, [&]() -> Response {
        const auto &set = std::get<core::BusinessHours>(hours);
        const qint64 changed = ctx.store.clocks().setBusinessHours(fleetId, set, call.now);
        if (changed == -2)
            return Response::notFound();
        if (changed < 0)
            return Response::internalError();
        return Response::json(200, core::businessHoursToJson(set));
    });
}

} // namespace

void registerServiceLevelRoutes(Router &router, ApiContext &ctx)
{
    // SignedIn: the handlers answer code users 403 themselves (not the router's 404).
    router.add("GET", u"/api/v1/service-levels"_s, Access::SignedIn,
               [&ctx](Call &call) { return getServiceLevels(call, ctx); });
    router.add("PUT", u"/api/v1/service-levels"_s, Access::SignedIn,
               [&ctx](Call &call) { return putServiceLevels(call, ctx); });
    router.add("GET", u"/api/v1/fleets/{id}/business-hours"_s, Access::SignedIn,
               [&ctx](Call &call) { return getBusinessHours(call, ctx); });
    router.add("PUT", u"/api/v1/fleets/{id}/business-hours"_s, Access::SignedIn,
               [&ctx](Call &call) { return putBusinessHours(call, ctx); });
}

} // namespace server::api
