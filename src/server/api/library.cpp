#include "library.h"

#include "core/textplaceholders.h"

#include <QJsonArray>
#include <memory>

using namespace Qt::StringLiterals;
using server::http::Response;

namespace server::api {
namespace {

constexpr qint64 MaxPosition = 1'000'000;
// Each staff member keeps at most this many personal items of a kind, and there are at
// most this many shared ones: GET lists them all, in one page.
constexpr qsizetype MaxItems = 500;

Response codeUserRefused()
{
    return Response::error(403, u"forbidden"_s,
                           u"Only staff have text modules, macros and views."_s);
}

Response sharedRefused()
{
    return Response::error(403, u"forbidden"_s,
                           u"Only administrators create and change shared items."_s);
}

QJsonObject toJson(const LibrarySpec &spec, const LibraryItem &item)
{
    QJsonObject o = item.toJson();
    if (spec.hasPosition)
        o.insert(u"position"_s, item.position);
    return o;
}

// 422 too_many when `item` would be one more personal item of its owner (or one more
// shared item) than MaxItems; `except` is the item being changed.
std::optional<Response> overLimit(const LibrarySpec &spec, const LibraryItem &item,
                                  const Call &call, ApiContext &ctx, qint64 except = 0)
{
    qsizetype count = 0;
    for (const LibraryItem &other : ctx.store.library().items(spec.kind, call.caller)) {
        if (other.id != except && other.shared == item.shared &&
            (item.shared || other.ownerId == item.ownerId))
            ++count;
    }
    if (count < MaxItems)
        return std::nullopt;
    return Response::error(422, u"too_many"_s,
                           (item.shared ? u"There are already %1 shared items of this kind."_s
                                        : u"You already keep %1 personal items of this kind."_s)
                               .arg(MaxItems));
}

// The fields every kind shares, then the kind's own ones, into `item`.
std::optional<core::ApiProblem> readItem(const LibrarySpec &spec, const QJsonObject &body,
                                         bool creating, const Call &call, LibraryItem *item)
{
    QStringList allowed = spec.fields;
    allowed << u"name"_s << u"shared"_s;
    if (spec.hasPosition)
        allowed << u"position"_s;
    core::JsonReader in(body);
    in.allowOnly(allowed);
    if (in.ok() && !creating && body.isEmpty())
        in.fail(422, u"missing_field"_s, u"Give at least one field to change."_s, {});
    const std::optional<QString> name = in.text(u"name"_s, creating, 1, 80);
    const std::optional<bool> shared = in.boolean(u"shared"_s, false);
    std::optional<qint64> position;
    if (spec.hasPosition)
        position = in.integer(u"position"_s, false, 0, MaxPosition);
    if (!in.ok())
        return *in.problem();
    if (name) {
        item->name = name->trimmed();
        if (item->name.isEmpty())
            return core::ApiProblem{422, u"invalid_value"_s, u"The name must not be blank."_s,
                                    u"name"_s};
    }
    if (shared)
        item->shared = *shared;
    if (position)
        item->position = *position;
    return spec.read(body, creating, call, &item->doc);
}

Response list(const LibrarySpec &spec, const Call &call, ApiContext &ctx)
{
    if (!call.caller.isStaff())
        return codeUserRefused();
    if (auto refused = onlyParams(call, {}))
        return *refused;
    QJsonArray items;
    for (const LibraryItem &item : ctx.store.library().items(spec.kind, call.caller))
        items.append(toJson(spec, item));
    return Response::json(200, page(items));
}

Response one(const LibrarySpec &spec, const Call &call, ApiContext &ctx)
{
    if (!call.caller.isStaff())
        return codeUserRefused();
    if (auto refused = onlyParams(call, {}))
        return *refused;
    const std::optional<LibraryItem> item =
        ctx.store.library().item(spec.kind, call.idParam(0), call.caller);
    return item ? Response::json(200, toJson(spec, *item)) : Response::notFound();
}

Response create(const LibrarySpec &spec, Call &call, ApiContext &ctx)
{
    if (!call.caller.isStaff())
        return codeUserRefused();
    if (auto refused = onlyParams(call, {}))
        return *refused;
    auto body = jsonBody(call, ctx);
    if (auto *r = std::get_if<Response>(&body))
        return *r;
    LibraryItem item;
    item.ownerId = call.caller.id;
    if (auto problem = readItem(spec, std::get<QJsonObject>(body), true, call, &item))
        return Response::problem(*problem);
    if (item.shared && !call.caller.isAdmin())
        return sharedRefused();
    const bool placeLast = spec.hasPosition && !std::get<QJsonObject>(body).contains(u"position"_s);
    return writeOnce(call, ctx, [&]() -> Response {
        if (placeLast) { // after the caller's last personal (or the last shared) one
            for (const LibraryItem &other : ctx.store.library().items(spec.kind, call.caller)) {
                if (other.shared == item.shared)
                    item.position = std::max(item.position, other.position + 1);
            }
        }
        if (auto refused = overLimit(spec, item, call, ctx))
            return *refused;
        auto saved = ctx.store.library().save(spec.kind, item, call.now);
        if (auto *p = std::get_if<core::ApiProblem>(&saved))
            return Response::problem(*p);
        return Response::json(201, toJson(spec, std::get<LibraryItem>(saved)));
    });
}

Response patch(const LibrarySpec &spec, const Call &call, ApiContext &ctx)
{
    if (!call.caller.isStaff())
        return codeUserRefused();
    if (auto refused = onlyParams(call, {}))
        return *refused;
    auto body = jsonBody(call, ctx);
    if (auto *r = std::get_if<Response>(&body))
        return *r;
    return writeTransaction(ctx, [&]() -> Response {
        std::optional<LibraryItem> item =
            ctx.store.library().item(spec.kind, call.idParam(0), call.caller);
        if (!item)
            return Response::notFound();
        if (item->shared && !call.caller.isAdmin())
            return sharedRefused();
        const bool wasShared = item->shared;
        if (auto problem = readItem(spec, std::get<QJsonObject>(body), false, call, &*item))
            return Response::problem(*problem);
        if (item->shared && !call.caller.isAdmin())
            return sharedRefused();
        if (wasShared && !item->shared) // made personal: the admin's own from now on
            item->ownerId = call.caller.id;
        if (wasShared != item->shared) {
            if (auto refused = overLimit(spec, *item, call, ctx, item->id))
                return *refused;
        }
        auto saved = ctx.store.library().save(spec.kind, *item, call.now);
        if (auto *p = std::get_if<core::ApiProblem>(&saved))
            return Response::problem(*p);
        return Response::json(200, toJson(spec, std::get<LibraryItem>(saved)));
    });
}

Response removeItem(const LibrarySpec &spec, const Call &call, ApiContext &ctx)
{
    if (!call.caller.isStaff())
        return codeUserRefused();
    if (auto refused = onlyParams(call, {}))
        return *refused;
    return writeTransaction(ctx, [&]() -> Response {
        const std::optional<LibraryItem> item =
            ctx.store.library().item(spec.kind, call.idParam(0), call.caller);
        if (!item)
            return Response::notFound();
        if (item->shared && !call.caller.isAdmin())
            return sharedRefused();
        if (!ctx.store.library().remove(spec.kind, item->id, call.now))
            return Response::internalError();
        return Response::noContent();
    });
}

} // namespace

std::optional<core::ApiProblem> unknownPlaceholder(const QString &body, const QString &field)
{
    const QString unknown = core::unknownPlaceholder(body);
    if (unknown.isEmpty())
        return std::nullopt;
    return core::ApiProblem{422, u"invalid_value"_s,
                            u"There is no placeholder %1; use one of {%2}."_s.arg(
                                unknown, core::textPlaceholders().join(u"}, {"_s)),
                            field};
}

void registerLibraryRoutes(Router &router, ApiContext &ctx, const LibrarySpec &spec)
{
    auto s = std::make_shared<const LibrarySpec>(spec);
    const QString itemPath = spec.path + u"/{id}"_s;
    router.add("GET", spec.path, Access::SignedIn,
               [&ctx, s](Call &call) { return list(*s, call, ctx); });
    router.add("POST", spec.path, Access::SignedIn,
               [&ctx, s](Call &call) { return create(*s, call, ctx); });
    router.add("GET", itemPath, Access::SignedIn,
               [&ctx, s](Call &call) { return one(*s, call, ctx); });
    router.add("PATCH", itemPath, Access::SignedIn,
               [&ctx, s](Call &call) { return patch(*s, call, ctx); });
    router.add("DELETE", itemPath, Access::SignedIn,
               [&ctx, s](Call &call) { return removeItem(*s, call, ctx); });
}

} // namespace server::api
