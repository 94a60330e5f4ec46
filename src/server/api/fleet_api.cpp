// Administration: a fleet's strategy, members and flow rules, a staff member's absence.
// Admins only (Access::Admin: agents 403, code users 404). The shape of a request is
// checked here; what needs the database (staff and flows exist, rule members belong to
// the fleet) is checked by the store inside the write, and nothing changes on any error.
#include "apicontext.h"

#include "core/timeutil.h"
#include "core/validation.h"

#include <QJsonArray>
#include <QSet>
#include <functional>

using namespace Qt::StringLiterals;
using server::http::Response;

namespace server::api {
namespace {

constexpr qsizetype MaxMembers = 500;

core::ApiProblem wrongType(const QString &field, const QString &what)
{
    return {400, u"wrong_type"_s, u"This field must be "_s + what + u'.', field};
}

core::ApiProblem invalid(const QString &field, const QString &message)
{
    return {422, u"invalid_value"_s, message, field};
}

// A list of distinct staff ids in `value`, or the problem with it.
std::variant<QList<qint64>, core::ApiProblem> staffIds(const QJsonValue &value,
                                                       const QString &field, bool nonEmpty)
{
    if (!value.isArray())
        return wrongType(field, u"an array of staff ids"_s);
    const QJsonArray a = value.toArray();
    if (a.size() > MaxMembers)
        return core::ApiProblem{422, u"too_many"_s,
                                u"This list allows at most %1 items."_s.arg(MaxMembers), field};
    if (nonEmpty && a.isEmpty())
        return invalid(field, u"A flow rule needs at least one member."_s);
    QList<qint64> ids;
    for (const QJsonValue &v : a) {
        const std::optional<qint64> integral = core::integerValue(v);
        if (!integral)
            return wrongType(field, u"an array of staff ids"_s);
        const qint64 id = *integral;
        if (id < 1)
            return invalid(field, u"There is no staff member with id %1."_s.arg(id));
        if (ids.contains(id))
            return invalid(field, u"Staff member %1 is listed twice."_s.arg(id));
        ids.append(id);
    }
    return ids;
}

std::variant<QList<core::FlowRule>, core::ApiProblem> flowRules(const QJsonValue &value)
{
    if (!value.isArray())
        return wrongType(u"flowRules"_s, u"an array of flow rules"_s);
    const QJsonArray a = value.toArray();
    if (a.size() > MaxMembers)
        return core::ApiProblem{422, u"too_many"_s,
                                u"This list allows at most %1 items."_s.arg(MaxMembers),
                                u"flowRules"_s};
    QList<core::FlowRule> rules;
    QSet<qint64> flows;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString at = u"flowRules[%1]"_s.arg(i);
        if (!a[i].isObject())
            return wrongType(at, u"an object {flowId, memberIds}"_s);
        const QJsonObject o = a[i].toObject();
        core::JsonReader in(o);
        in.allowOnly({u"flowId"_s, u"memberIds"_s});
        const auto flowId = in.integer(u"flowId"_s, true, 1, std::numeric_limits<qint64>::max());
        if (in.ok() && !o.contains(u"memberIds"_s))
            in.fail(422, u"missing_field"_s, u"This field is required."_s, u"memberIds"_s);
        if (!in.ok()) {
            core::ApiProblem p = *in.problem();
            p.field = at + u'.' + p.field;
            return p;
        }
        if (flows.contains(*flowId))
            return invalid(at + u".flowId"_s,
                           u"Flow %1 has a rule already; give one rule per flow."_s.arg(*flowId));
        flows.insert(*flowId);
        auto members = staffIds(o.value(u"memberIds"_s), at + u".memberIds"_s, true);
        if (auto *p = std::get_if<core::ApiProblem>(&members))
            return *p;
        rules.append({*flowId, std::get<QList<qint64>>(members)});
    }
    return rules;
}

std::variant<FleetChange, core::ApiProblem> readFleetChange(const QJsonObject &body)
{
    core::JsonReader in(body);
    in.allowOnly({u"strategy"_s, u"memberIds"_s, u"flowRules"_s});
    if (body.isEmpty())
        in.fail(422, u"missing_field"_s,
                u"Give at least one of strategy, memberIds and flowRules."_s, {});
    FleetChange change;
    const std::optional<QString> strategy = in.text(u"strategy"_s, false, 1, 40);
    if (strategy)
        change.strategy = core::parseFleetStrategy(*strategy);
    if (in.ok() && strategy && !change.strategy)
        in.fail(422, u"invalid_value"_s,
                u"The strategy must be round_robin, least_open or manual."_s, u"strategy"_s);
    if (!in.ok())
        return *in.problem();
    if (body.contains(u"memberIds"_s)) {
        auto ids = staffIds(body.value(u"memberIds"_s), u"memberIds"_s, false);
        if (auto *p = std::get_if<core::ApiProblem>(&ids))
            return *p;
        change.memberIds = std::get<QList<qint64>>(ids);
    }
    if (body.contains(u"flowRules"_s)) {
        auto rules = flowRules(body.value(u"flowRules"_s));
        if (auto *p = std::get_if<core::ApiProblem>(&rules))
            return *p;
        change.flowRules = std::get<QList<core::FlowRule>>(rules);
    }
    return change;
}

// A time of an absence: null clears it; else an ISO 8601 UTC string as the server writes.
std::optional<core::ApiProblem> readTime(const QJsonObject &body, const QString &key, bool *set,
                                         std::optional<qint64> *value)
{
    if (!body.contains(key))
        return std::nullopt;
    *set = true;
    const QJsonValue v = body.value(key);
    if (v.isNull())
        return std::nullopt;
    if (!v.isString())
        return wrongType(key, u"a time as a string, or null"_s);
    *value = core::parseIsoUtc(v.toString());
    if (!*value)
        return invalid(key, u"This must be an ISO 8601 UTC time such as "
                            "2024-05-02T09:14:03.120Z."_s);
    return std::nullopt;
}

std::variant<AbsenceChange, core::ApiProblem> readAbsence(const QJsonObject &body)
{
    core::JsonReader in(body);
    in.allowOnly({u"absentFrom"_s, u"absentTo"_s});
    if (body.isEmpty())
        in.fail(422, u"missing_field"_s, u"Give absentFrom, absentTo or both."_s, {});
    if (!in.ok())
        return *in.problem();
    AbsenceChange change;
    if (auto p = readTime(body, u"absentFrom"_s, &change.setFrom, &change.absentFrom))
        return *p;
    if (auto p = readTime(body, u"absentTo"_s, &change.setTo, &change.absentTo))
        return *p;
    return change;
}

// The store's refusal as an answer; its 404 is the one every route gives.
Response refusal(const core::ApiProblem &problem)
{
    return problem.httpStatus == 404 ? Response::notFound() : Response::problem(problem);
}

// PATCH of an administered resource: the body read by `read`, then `write` in one
// transaction; the answer is the resource as it is now.
template <typename Change, typename T>
Response adminPatch(const Call &call, ApiContext &ctx,
                    std::variant<Change, core::ApiProblem> (*read)(const QJsonObject &),
                    const std::function<AdminResult<T>(qint64, const Change &)> &write,
                    const std::function<QJsonObject(const T &)> &toJson)
{
    if (auto refused = onlyParams(call, {}))
        return *refused;
    const qint64 id = call.idParam(0);
    if (!id)
        return Response::notFound();
    auto body = jsonBody(call, ctx);
    if (auto *r = std::get_if<Response>(&body))
        return *r;
    auto change = read(std::get<QJsonObject>(body));
    if (auto *problem = std::get_if<core::ApiProblem>(&change))
        return Response::problem(*problem);
    return writeTransaction(ctx, [&]() -> Response {
        const AdminResult<T> r = write(id, std::get<Change>(change));
        if (r.problem)
            return refusal(*r.problem);
        return Response::json(200, toJson(*r.value));
    });
}

Response patchFleet(const Call &call, ApiContext &ctx)
{
    return adminPatch<FleetChange, core::Fleet>(
        call, ctx, readFleetChange,
        [&](qint64 id, const FleetChange &c) {
            return ctx.store.admin().updateFleet(id, c, call.now);
        },
        [](const core::Fleet &f) { return f.toJson(); });
}

Response patchStaff(const Call &call, ApiContext &ctx)
{
    return adminPatch<AbsenceChange, core::StaffMember>(
        call, ctx, readAbsence,
        [&](qint64 id, const AbsenceChange &c) {
            return ctx.store.admin().updateAbsence(id, c, call.now);
        },
        [&call](const core::StaffMember &s) { return s.toJson(call.now); });
}

} // namespace

void registerAdminRoutes(Router &router, ApiContext &ctx)
{
    router.add("PATCH", u"/api/v1/fleets/{id}"_s, Access::Admin,
               [&ctx](Call &call) { return patchFleet(call, ctx); });
    router.add("PATCH", u"/api/v1/staff/{id}"_s, Access::Admin,
               [&ctx](Call &call) { return patchStaff(call, ctx); });
}

} // namespace server::api
