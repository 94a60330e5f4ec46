// The catalog: staff, creation flows, device templates, devices, customers and fleets.
// Staff see all of it; a code user sees only their own device and its template's flows.
// Everything else answers 404 to code users (Access::Staff), so they learn nothing.
#include "apicontext.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using server::http::Response;

namespace server::api {
namespace {

template <typename T, typename ToJson> QJsonArray toArray(const QList<T> &items, ToJson toJson)
{
    QJsonArray a;
    for (const T &item : items)
        a.append(toJson(item));
    return a;
}

Response itemsResponse(const QJsonArray &items)
{
    return Response::json(200, {{u"items"_s, items}});
}

Response badCursor()
{
    return Response::error(400, u"invalid_parameter"_s, u"The cursor is not valid."_s, u"cursor"_s);
}

// The device cursor is the last id of the page before, as text. nullopt: not one of ours.
std::optional<qint64> parseCursor(const Call &call)
{
    if (!call.request.query.hasQueryItem(u"cursor"_s))
        return 0;
    const QString text = call.request.query.queryItemValue(u"cursor"_s, QUrl::FullyDecoded);
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0 || text != QString::number(id))
        return std::nullopt;
    return id;
}

Response staffList(const Call &call, ApiContext &ctx)
{
    if (auto refusal = onlyParams(call, {}))
        return *refusal;
    const qint64 now = call.now;
    return itemsResponse(toArray(ctx.store.directory().staff(),
                                 [now](const core::StaffMember &s) { return s.toJson(now); }));
}

Response flowList(const Call &call, ApiContext &ctx)
{
    if (auto refusal = onlyParams(call, {}))
        return *refusal;
    DirectoryStore &dir = ctx.store.directory();
    QList<core::Flow> flows;
    if (call.caller.isStaff()) {
        flows = dir.flows(std::nullopt);
    } else if (auto device = dir.device(call.caller.deviceId)) {
        flows = dir.flows(device->templateId);
    }
    return itemsResponse(toArray(flows, [](const core::Flow &f) { return f.toJson(); }));
}

Response templateList(const Call &call, ApiContext &ctx)
{
    if (auto refusal = onlyParams(call, {}))
        return *refusal;
    return itemsResponse(toArray(ctx.store.directory().templates(),
                                 [](const core::DeviceTemplate &t) { return t.toJson(); }));
}

Response templateOne(const Call &call, ApiContext &ctx)
{
    if (auto refusal = onlyParams(call, {}))
        return *refusal;
    const qint64 id = call.idParam(0);
    std::optional<core::DeviceTemplate> t;
    if (id > 0)
        t = ctx.store.directory().deviceTemplate(id);
    return t ? Response::json(200, t->toJson()) : Response::notFound();
}

Response deviceList(const Call &call, ApiContext &ctx)
{
    if (auto refusal = onlyParams(call, {u"limit"_s, u"cursor"_s}))
        return *refusal;
    auto limit = limitParam(call);
    if (auto *r = std::get_if<Response>(&limit))
        return *r;
    const std::optional<qint64> after = parseCursor(call);
    if (!after)
        return badCursor();
    const bool staff = call.caller.isStaff();
    DevicePage devicePage;
    if (staff) {
        devicePage = ctx.store.directory().devices(std::get<int>(limit), *after);
    } else if (call.caller.deviceId > *after) {
        // A code user's list is their own device: one page of one item.
        if (auto own = ctx.store.directory().device(call.caller.deviceId))
            devicePage.items.append(*own);
    }
    const QJsonArray items =
        toArray(devicePage.items, [staff](const core::Device &d) { return d.toJson(staff); });
    return Response::json(
        200,
        page(items, devicePage.nextAfterId ? QString::number(*devicePage.nextAfterId) : QString()));
}

Response deviceOne(const Call &call, ApiContext &ctx)
{
    if (auto refusal = onlyParams(call, {}))
        return *refusal;
    const qint64 id = call.idParam(0);
    const bool staff = call.caller.isStaff();
    if (id <= 0 || (!staff && id != call.caller.deviceId))
        return Response::notFound();
    const std::optional<core::Device> device = ctx.store.directory().device(id);
    return device ? Response::json(200, device->toJson(staff)) : Response::notFound();
}

Response customerOne(const Call &call, ApiContext &ctx)
{
    if (auto refusal = onlyParams(call, {}))
        return *refusal;
    const qint64 id = call.idParam(0);
    std::optional<core::Customer> customer;
    if (id > 0)
        customer = ctx.store.directory().customer(id);
    return customer ? Response::json(200, customer->toJson()) : Response::notFound();
}

Response fleetList(const Call &call, ApiContext &ctx)
{
    if (auto refusal = onlyParams(call, {}))
        return *refusal;
    return itemsResponse(
        toArray(ctx.store.directory().fleets(), [](const core::Fleet &f) { return f.toJson(); }));
}

} // namespace

void registerDirectoryRoutes(Router &router, ApiContext &ctx)
{
    auto bind = [&ctx](Response (*handler)(const Call &, ApiContext &)) {
        return [&ctx, handler](Call &call) {
            return handler(call, ctx);
        };
    };
    router.add("GET", u"/api/v1/staff"_s, Access::Staff, bind(staffList));
    router.add("GET", u"/api/v1/flows"_s, Access::SignedIn, bind(flowList));
    router.add("GET", u"/api/v1/templates"_s, Access::Staff, bind(templateList));
    router.add("GET", u"/api/v1/templates/{id}"_s, Access::Staff, bind(templateOne));
    router.add("GET", u"/api/v1/devices"_s, Access::SignedIn, bind(deviceList));
    router.add("GET", u"/api/v1/devices/{id}"_s, Access::SignedIn, bind(deviceOne));
    router.add("GET", u"/api/v1/customers/{id}"_s, Access::Staff, bind(customerOne));
    router.add("GET", u"/api/v1/fleets"_s, Access::Staff, bind(fleetList));
}

} // namespace server::api
