// Tickets: lists with filters and keyset pages, facet counts, single tickets, creation,
// staff edits with optimistic concurrency, and the change history.
#include "ticketedit.h"

#include <QDateTime>
#include <QJsonArray>
#include <limits>

using namespace Qt::StringLiterals;
using server::http::Response;

namespace server::api {
namespace {

constexpr qint64 MaxId = std::numeric_limits<qint64>::max();

core::ApiProblem invalid(const QString &field, const QString &message)
{
    return {422, u"invalid_value"_s, message, field};
}

// Checks the values of a flow's form fields: known keys only, required ones present, each
// of its field's type. Returns the values to store (nulls dropped) or the problem.
std::variant<QJsonObject, core::ApiProblem> checkFields(const core::Flow &flow,
                                                        const QJsonObject &values)
{
    for (auto it = values.begin(); it != values.end(); ++it) {
        const bool known = std::any_of(flow.fields.begin(), flow.fields.end(),
                                       [&](const core::FlowField &f) { return f.key == it.key(); });
        if (!known)
            return core::ApiProblem{422, u"unknown_field"_s, u"This flow has no such field."_s,
                                    u"fields."_s + it.key()};
    }
    QJsonObject out;
    for (const core::FlowField &f : flow.fields) {
        const QString name = u"fields."_s + f.key;
        const QJsonValue v = values.value(f.key);
        if (v.isUndefined() || v.isNull()) {
            if (f.required)
                return core::ApiProblem{422, u"missing_field"_s, u"This field is required."_s,
                                        name};
            continue;
        }
        auto wrongType = [&](const QString &what) {
            return core::ApiProblem{400, u"wrong_type"_s, u"This field must be "_s + what + u'.',
                                    name};
        };
        if (f.type == u"number") {
            if (!v.isDouble())
                return wrongType(u"a number"_s);
        } else if (f.type == u"boolean") {
            if (!v.isBool())
                return wrongType(u"true or false"_s);
        } else {
            if (!v.isString())
                return wrongType(u"a string"_s);
            const QString s = v.toString();
            const bool multiline = f.type == u"textarea";
            const int max = f.maxLength > 0 ? f.maxLength
                            : multiline     ? core::MaxBodyLength
                                            : core::MaxTitleLength;
            if (f.required && s.trimmed().isEmpty())
                return core::ApiProblem{422, u"too_short"_s, u"This field must not be empty."_s,
                                        name};
            if (s.size() > max)
                return core::ApiProblem{422, u"too_long"_s,
                                        u"This field allows at most %1 characters."_s.arg(max),
                                        name};
            if (auto problem = core::checkText(s, multiline))
                return core::ApiProblem{422, u"invalid_characters"_s,
                                        u"This field "_s + *problem + u'.', name};
            if (f.type == u"select" && !f.options.contains(s))
                return invalid(name, u"This value is not one of the field's options."_s);
        }
        out.insert(f.key, v);
    }
    return out;
}

// The new ticket a request describes, checked against the directory: the device (the
// session's for code users), the device template's flows, the flow's fields, the assignee.
std::variant<NewTicket, core::ApiProblem> readNewTicket(const QJsonObject &body,
                                                        const Caller &caller, Store &store)
{
    const bool staff = caller.isStaff();
    core::JsonReader in(body);
    QStringList allowed{u"flowId"_s, u"title"_s, u"description"_s, u"fields"_s};
    if (staff)
        allowed << u"deviceId"_s << u"visibility"_s << u"priority"_s << u"assigneeId"_s;
    in.allowOnly(allowed);
    NewTicket t;
    const auto flowId = in.integer(u"flowId"_s, true, 1, MaxId);
    const auto title = in.text(u"title"_s, true, 1, core::MaxTitleLength);
    const auto description = in.text(u"description"_s, false, 0, core::MaxBodyLength, true);
    const auto fields = in.object(u"fields"_s, false);
    std::optional<qint64> deviceId = caller.deviceId;
    if (staff) {
        deviceId = in.integer(u"deviceId"_s, true, 1, MaxId);
        t.visibility = enumField<core::Visibility>(in, u"visibility"_s, core::parseVisibility)
                           .value_or(core::Visibility::Public);
        t.priority = enumField<core::Priority>(in, u"priority"_s, core::parsePriority)
                         .value_or(core::Priority::Normal);
        bool isNull = false;
        t.assigneeId = in.nullableInteger(u"assigneeId"_s, 1, MaxId, &isNull);
        t.leaveUnassigned = isNull;
    }
    if (!in.ok())
        return *in.problem();
    t.flowId = *flowId;
    t.title = *title;
    t.description = description.value_or(QString());
    t.deviceId = *deviceId;

    DirectoryStore &dir = store.directory();
    const std::optional<core::Device> device = dir.device(t.deviceId);
    if (!device)
        return invalid(u"deviceId"_s, u"There is no such device."_s);
    const std::optional<core::DeviceTemplate> tmpl = dir.deviceTemplate(device->templateId);
    const std::optional<core::Flow> flow = dir.flow(t.flowId);
    if (!tmpl || !flow || !tmpl->flowIds.contains(t.flowId))
        return invalid(u"flowId"_s, u"This device offers no such creation flow."_s);
    if (t.assigneeId) {
        const std::optional<core::StaffMember> member = dir.staffMember(*t.assigneeId);
        if (!member || !member->active)
            return invalid(u"assigneeId"_s, u"There is no such active staff member."_s);
    }
    auto checked = checkFields(*flow, fields.value_or(QJsonObject()));
    if (auto *problem = std::get_if<core::ApiProblem>(&checked))
        return *problem;
    t.fields = std::get<QJsonObject>(checked);
    return t;
}

// The ticket version of an If-Match header: "\"3\"" or 3 (weak tags are not ours).
std::optional<qint64> parseIfMatch(QByteArray value)
{
    value = value.trimmed();
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
        value = value.mid(1, value.size() - 2);
    bool ok = false;
    const qint64 version = value.toLongLong(&ok);
    if (!ok || version < 1 || value != QByteArray::number(version))
        return std::nullopt;
    return version;
}

std::variant<core::TicketQuery, Response> ticketQuery(const Call &call)
{
    auto parsed = core::TicketQuery::fromUrlQuery(call.request.query);
    if (auto *problem = std::get_if<core::ApiProblem>(&parsed))
        return Response::problem(*problem);
    // Code users know nothing of response clocks: sorting by them would tell.
    const core::TicketQuery &q = std::get<core::TicketQuery>(parsed);
    if (!call.caller.isStaff() &&
        std::any_of(q.sort.cbegin(), q.sort.cend(),
                    [](const core::SortKey &k) { return k.field == core::SortKey::Field::Due; }))
        return Response::error(400, u"invalid_parameter"_s,
                               u"This parameter has a value that is not allowed."_s, u"sort"_s);
    // Relative days (createdFrom=-7d) from the start of today in UTC.
    return q.resolved(QDateTime::currentDateTimeUtc());
}

Response listTickets(const Call &call, ApiContext &ctx)
{
    auto query = ticketQuery(call);
    if (auto *r = std::get_if<Response>(&query))
        return *r;
    auto result = ctx.store.tickets().list(std::get<core::TicketQuery>(query), call.caller);
    if (auto *problem = std::get_if<core::ApiProblem>(&result))
        return Response::problem(*problem);
    const TicketPage &found = std::get<TicketPage>(result);
    Response r;
    r.status = 200;
    r.body.reserve(found.items.size() * 500 + 200);
    r.body += "{\"items\":[";
    for (qsizetype i = 0; i < found.items.size(); ++i) {
        if (i)
            r.body += ',';
        found.items[i].appendJson(r.body, call.caller.isStaff());
    }
    r.body += "],\"nextCursor\":";
    r.body +=
        found.nextCursor.isEmpty() ? QByteArray("null") : '"' + found.nextCursor.toLatin1() + '"';
    r.body += '}';
    return r;
}

QJsonObject facetJson(const FacetCounts &f)
{
    QJsonObject byStatus;
    for (int s = 0; s < core::StatusCount; ++s)
        byStatus.insert(core::toString(core::Status(s)), f.byStatus[s]);
    QJsonObject byPriority;
    for (int p = 0; p < core::PriorityCount; ++p)
        byPriority.insert(core::toString(core::Priority(p)), f.byPriority[p]);
    QJsonArray byAssignee;
    for (const auto &[assigneeId, count] : f.byAssignee)
        byAssignee.append(
            QJsonObject{{u"assigneeId"_s, core::optionalId(assigneeId)}, {u"count"_s, count}});
    return {{u"status"_s, byStatus},
            {u"priority"_s, byPriority},
            {u"assignee"_s, byAssignee},
            {u"total"_s, f.total}};
}

Response ticketFacets(const Call &call, ApiContext &ctx)
{
    for (const QString &name : {u"sort"_s, u"limit"_s, u"cursor"_s}) {
        if (call.request.query.hasQueryItem(name))
            return Response::error(400, u"invalid_parameter"_s,
                                   u"Facets take the filters of the list only."_s, name);
    }
    auto query = ticketQuery(call);
    if (auto *r = std::get_if<Response>(&query))
        return *r;
    const Facets f = ctx.store.tickets().facets(std::get<core::TicketQuery>(query), call.caller);
    QJsonObject out = facetJson(f);
    // Staff only: code users never learn of unread marks or of the needs-reply queue.
    if (call.caller.isStaff()) {
        const auto staff =
            ctx.store.tickets().staffFacets(std::get<core::TicketQuery>(query), call.caller);
        if (!staff)
            return Response::internalError();
        out.insert(u"unread"_s, facetJson(staff->unread));
        out.insert(u"awaitingStaff"_s, staff->awaitingStaff);
        out.insert(u"due"_s,
                   QJsonObject{{u"breached"_s, staff->breached}, {u"soon"_s, staff->soon}});
    }
    return Response::json(200, out);
}

Response getTicket(const Call &call, ApiContext &ctx)
{
    const qint64 id = call.idParam(0);
    const std::optional<core::Ticket> t =
        id ? ctx.store.tickets().ticket(id, call.caller) : std::nullopt;
    if (!t)
        return Response::notFound();
    return withTicket(200, *t, call.caller.isStaff());
}

Response createTicket(Call &call, ApiContext &ctx)
{
    auto body = jsonBody(call, ctx);
    if (auto *r = std::get_if<Response>(&body))
        return *r;
    const QJsonObject object = std::get<QJsonObject>(body);
    return writeOnce(call, ctx, [&]() -> Response {
        auto read = readNewTicket(object, call.caller, ctx.store);
        if (auto *problem = std::get_if<core::ApiProblem>(&read))
            return Response::problem(*problem);
        TicketStore &tickets = ctx.store.tickets();
        const qint64 id = tickets.create(std::get<NewTicket>(read), call.caller, call.now);
        const std::optional<core::Ticket> created =
            id ? tickets.ticket(id, call.caller) : std::nullopt;
        if (!created)
            return Response::internalError();
        return withTicket(201, *created, call.caller.isStaff());
    });
}

Response patchTicket(Call &call, ApiContext &ctx)
{
    const qint64 id = call.idParam(0);
    TicketStore &tickets = ctx.store.tickets();
    // Code users learn no more than whether they can see the ticket.
    if (!id || !tickets.ticket(id, call.caller))
        return Response::notFound();
    if (!call.caller.isStaff())
        return Response::error(403, u"forbidden"_s, u"Only staff may change tickets."_s);
    const QByteArray ifMatch = call.request.header("if-match");
    if (ifMatch.isEmpty())
        return Response::error(428, u"if_match_required"_s,
                               u"Send If-Match with the ticket's ETag."_s, u"If-Match"_s);
    const std::optional<qint64> expected = parseIfMatch(ifMatch);
    if (!expected)
        return Response::error(400, u"invalid_parameter"_s,
                               u"If-Match must be the ticket's ETag, such as \"3\"."_s,
                               u"If-Match"_s);
    auto body = jsonBody(call, ctx);
    if (auto *r = std::get_if<Response>(&body))
        return *r;
    auto read = readTicketPatch(std::get<QJsonObject>(body), true);
    if (auto *problem = std::get_if<core::ApiProblem>(&read))
        return Response::problem(*problem);
    const TicketPatch &patch = std::get<TicketPatch>(read);

    // With an Idempotency-Key, a repeat of an edit that was applied (its answer lost) gets
    // that answer again instead of a 412 against its own change.
    return writeOnce(
        call, ctx, [&]() -> Response { return applyTicketPatch(ctx, id, patch, *expected, call); });
}

Response ticketHistory(const Call &call, ApiContext &ctx)
{
    const qint64 id = call.idParam(0);
    const auto entries = id ? ctx.store.tickets().history(id, call.caller) : std::nullopt;
    if (!entries)
        return Response::notFound();
    QJsonArray items;
    for (const core::HistoryEntry &h : *entries)
        items.append(h.toJson());
    return Response::json(200, {{u"items"_s, items}});
}

} // namespace

void registerTicketRoutes(Router &router, ApiContext &ctx)
{
    router.add("GET", u"/api/v1/tickets"_s, Access::SignedIn,
               [&ctx](Call &call) { return listTickets(call, ctx); });
    router.add("POST", u"/api/v1/tickets"_s, Access::SignedIn,
               [&ctx](Call &call) { return createTicket(call, ctx); });
    // Before /tickets/{id}: the first matching pattern wins.
    router.add("GET", u"/api/v1/tickets/facets"_s, Access::SignedIn,
               [&ctx](Call &call) { return ticketFacets(call, ctx); });
    router.add("GET", u"/api/v1/tickets/{id}"_s, Access::SignedIn,
               [&ctx](Call &call) { return getTicket(call, ctx); });
    router.add("PATCH", u"/api/v1/tickets/{id}"_s, Access::SignedIn,
               [&ctx](Call &call) { return patchTicket(call, ctx); });
    router.add("GET", u"/api/v1/tickets/{id}/history"_s, Access::SignedIn,
               [&ctx](Call &call) { return ticketHistory(call, ctx); });
}

} // namespace server::api
