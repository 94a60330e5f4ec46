// POST /tickets/bulk: one staff edit (and internal note) applied to many tickets, each in
// its own transaction with its own answer, through the same path as PATCH /tickets/{id}.
// With `macroId` the macro's changes, note and message (placeholders filled per ticket)
// are applied as well; the request's own `changes` fields and `note` override the macro's.
#include "ticketedit.h"

#include "core/textplaceholders.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <limits>

using namespace Qt::StringLiterals;
using server::http::Response;

namespace server::api {
namespace {

constexpr int MaxBulkTickets = 1000;
constexpr qint64 MaxId = std::numeric_limits<qint64>::max();

struct Target {
    qint64 id = 0;
    qint64 version = 0;
};

struct BulkEdit {
    QList<Target> targets;                  // the `tickets` form
    std::optional<core::TicketQuery> query; // the `query` form: resolved when applied
    QJsonObject changes; // as given; merged over the macro's before it becomes `patch`
    TicketPatch patch;
    std::optional<QString> note;
    std::optional<qint64> macroId;
    // From the macro: filled per ticket.
    std::optional<QString> noteTemplate;
    std::optional<QString> messageTemplate;
};

core::ApiProblem problem(int status, const QString &code, const QString &message,
                         const QString &field)
{
    return {status, code, message, field};
}

std::variant<QList<Target>, core::ApiProblem> readTargets(const QJsonValue &value)
{
    if (!value.isArray())
        return problem(400, u"wrong_type"_s, u"This field must be a list."_s, u"tickets"_s);
    const QJsonArray items = value.toArray();
    if (items.isEmpty() || items.size() > MaxBulkTickets)
        return problem(422, items.isEmpty() ? u"too_short"_s : u"too_many"_s,
                       u"Give 1 to %1 tickets."_s.arg(MaxBulkTickets), u"tickets"_s);
    QList<Target> targets;
    QSet<qint64> seen;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString at = u"tickets[%1]"_s.arg(i);
        if (!items[i].isObject())
            return problem(400, u"wrong_type"_s, u"Each ticket must be an object."_s, at);
        core::JsonReader in(items[i].toObject());
        in.allowOnly({u"id"_s, u"version"_s});
        const auto id = in.integer(u"id"_s, true, 1, MaxId);
        const auto version = in.integer(u"version"_s, true, 1, MaxId);
        if (!in.ok()) {
            core::ApiProblem p = *in.problem();
            p.field = p.field.isEmpty() ? at : at + u'.' + p.field;
            return p;
        }
        if (seen.contains(*id))
            return problem(422, u"invalid_value"_s, u"This ticket is listed twice."_s,
                           at + u".id"_s);
        seen.insert(*id);
        targets.append({*id, *version});
    }
    return targets;
}

// The `query` object as the parameters of GET /tickets, checked as that checks them.
std::variant<core::TicketQuery, core::ApiProblem> readQuery(const QJsonValue &value)
{
    if (!value.isObject())
        return problem(400, u"wrong_type"_s, u"This field must be an object."_s, u"query"_s);
    const QJsonObject object = value.toObject();
    QUrlQuery url;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString field = u"query."_s + it.key();
        if (it.key() == u"sort" || it.key() == u"limit" || it.key() == u"cursor")
            return problem(422, u"unknown_field"_s,
                           u"The query takes the filters of the list only."_s, field);
        QStringList parts;
        const QJsonArray values = it->isArray() ? it->toArray() : QJsonArray{*it};
        for (const QJsonValue &v : values) {
            if (v.isString())
                parts << v.toString();
            else if (const auto n = core::integerValue(v))
                parts << QString::number(*n);
            else if (v.isBool())
                parts << (v.toBool() ? u"true"_s : u"false"_s);
            else
                return problem(400, u"wrong_type"_s, u"This filter must be text or a number."_s,
                               field);
        }
        url.addQueryItem(it.key(), parts.join(u','));
    }
    auto parsed = core::TicketQuery::fromUrlQuery(url);
    if (auto *p = std::get_if<core::ApiProblem>(&parsed)) {
        if (!p->field.isEmpty())
            p->field = u"query."_s + p->field;
        return *p;
    }
    // Relative days (createdFrom=-7d) from the start of today in UTC, as GET /tickets.
    return std::get<core::TicketQuery>(parsed).resolved(QDateTime::currentDateTimeUtc());
}

std::variant<BulkEdit, core::ApiProblem> readBulk(const QJsonObject &body)
{
    core::JsonReader in(body);
    in.allowOnly({u"tickets"_s, u"query"_s, u"changes"_s, u"note"_s, u"macroId"_s});
    const auto changes = in.object(u"changes"_s, false);
    const auto note = in.object(u"note"_s, false);
    const auto macroId = in.integer(u"macroId"_s, false, 1, MaxId);
    if (!in.ok())
        return *in.problem();
    BulkEdit edit;
    if (body.contains(u"tickets"_s) == body.contains(u"query"_s))
        return problem(422, u"missing_field"_s, u"Give either tickets or query."_s,
                       body.contains(u"tickets"_s) ? u"query"_s : u"tickets"_s);
    if (body.contains(u"tickets"_s)) {
        auto targets = readTargets(body.value(u"tickets"_s));
        if (auto *p = std::get_if<core::ApiProblem>(&targets))
            return *p;
        edit.targets = std::get<QList<Target>>(targets);
    } else {
        auto query = readQuery(body.value(u"query"_s));
        if (auto *p = std::get_if<core::ApiProblem>(&query))
            return *p;
        edit.query = std::get<core::TicketQuery>(query);
    }
    edit.macroId = macroId;
    if (!changes && !note && !macroId)
        return problem(422, u"missing_field"_s, u"Give changes, a note, a macro or several."_s,
                       u"changes"_s);
    if (changes && (!changes->isEmpty() || !macroId)) {
        auto patch = readTicketPatch(*changes, false);
        if (auto *p = std::get_if<core::ApiProblem>(&patch)) {
            p->field = p->field.isEmpty() ? u"changes"_s : u"changes."_s + p->field;
            return *p;
        }
        edit.patch = std::get<TicketPatch>(patch);
        edit.changes = *changes;
    }
    if (note) {
        core::JsonReader n(*note);
        n.allowOnly({u"body"_s});
        edit.note = n.text(u"body"_s, true, 0, core::MaxBodyLength, true);
        if (n.ok() && edit.note->trimmed().isEmpty())
            n.fail(422, u"too_short"_s, u"Write something."_s, u"body"_s);
        if (!n.ok()) {
            core::ApiProblem p = *n.problem();
            p.field = u"note."_s + p.field;
            return p;
        }
    }
    return edit;
}

// The tickets the query matches now with their versions; 422 beyond the limit.
std::variant<QList<Target>, Response> resolve(core::TicketQuery query, const Call &call,
                                              ApiContext &ctx)
{
    TicketStore &tickets = ctx.store.tickets();
    if (tickets.facets(query, call.caller).total > MaxBulkTickets)
        return Response::error(422, u"too_many"_s,
                               u"The query matches more than %1 tickets."_s.arg(MaxBulkTickets),
                               u"query"_s);
    query.limit = core::TicketQuery::MaxLimit;
    QList<Target> targets;
    for (;;) {
        auto found = tickets.list(query, call.caller);
        if (auto *p = std::get_if<core::ApiProblem>(&found))
            return Response::problem(*p);
        const TicketPage &page = std::get<TicketPage>(found);
        for (const core::TicketSummary &t : page.items)
            targets.append({t.id, t.version});
        if (page.nextCursor.isEmpty() || page.items.isEmpty())
            break;
        query.cursor = page.nextCursor;
    }
    if (targets.size() > MaxBulkTickets)
        return Response::error(422, u"too_many"_s,
                               u"The query matches more than %1 tickets."_s.arg(MaxBulkTickets),
                               u"query"_s);
    return targets;
}

// The macro of `edit.macroId` merged into `edit`: its changes under the request's own
// ("me" is the caller), its note unless the request has one, its message. A macro the
// caller cannot see (none, or another staff member's personal one) is a 422 on macroId,
// as other ids in request bodies are.
std::optional<Response> useMacro(BulkEdit &edit, const Call &call, ApiContext &ctx)
{
    const std::optional<LibraryItem> macro =
        ctx.store.library().item(LibraryKind::Macro, *edit.macroId, call.caller);
    if (!macro)
        return Response::error(422, u"invalid_value"_s, u"There is no such macro."_s, u"macroId"_s);
    QJsonObject changes = macro->doc.value(u"changes"_s).toObject();
    if (changes.value(u"assigneeId"_s) == u"me"_s)
        changes.insert(u"assigneeId"_s, call.caller.id);
    for (auto it = edit.changes.begin(); it != edit.changes.end(); ++it)
        changes.insert(it.key(), it.value());
    if (!changes.isEmpty()) {
        auto patch = readTicketPatch(changes, false);
        if (auto *p = std::get_if<core::ApiProblem>(&patch)) { // stored before a change of rules
            p->field = u"macroId"_s;
            return Response::problem(*p);
        }
        edit.patch = std::get<TicketPatch>(patch);
    }
    const QString note = macro->doc.value(u"note"_s)[u"body"_s].toString();
    if (!edit.note && !note.isEmpty())
        edit.noteTemplate = note;
    const QString message = macro->doc.value(u"message"_s)[u"body"_s].toString();
    if (!message.isEmpty())
        edit.messageTemplate = message;
    return std::nullopt;
}

// The macro's message to ticket `id` after its changes, or the refusal of this ticket.
Response sendMessage(qint64 id, const QString &body, bool wasClosed, const BulkEdit &edit,
                     const Call &call, ApiContext &ctx)
{
    const std::optional<core::Ticket> ticket = ctx.store.tickets().ticket(id, call.caller);
    if (!ticket)
        return Response::notFound();
    if (ticket->summary.visibility == core::Visibility::Internal)
        return Response::error(422, u"internal_ticket"_s,
                               u"This ticket is internal: its code user cannot read the macro's "
                               "message. Make it public first, or use a macro without a message."_s,
                               u"macroId"_s);
    if (wasClosed && ticket->summary.status == core::Status::Closed && !edit.patch.status)
        return Response::error(409, u"ticket_closed"_s,
                               u"This ticket is closed. Reopen it to write again."_s, u"macroId"_s);
    const QString text =
        core::fillPlaceholders(body, core::PlaceholderValues::of(*ticket, call.caller.name)).text;
    if (ctx.store.conversation().addMessage(id, text, {}, call.caller, call.now, nullptr) !=
        PostOutcome::Ok)
        return Response::notFound();
    return Response::noContent();
}

// One ticket's edit, note and message in one transaction: its entry of `results`.
QJsonObject applyOne(const Target &target, const BulkEdit &edit, const Call &call, ApiContext &ctx)
{
    Response r;
    const bool committed = ctx.store.write([&] {
        bool wasClosed = false;
        if (edit.messageTemplate) {
            const auto before = ctx.store.tickets().ticket(target.id, call.caller);
            wasClosed = before && before->summary.status == core::Status::Closed;
        }
        r = applyTicketPatch(ctx, target.id, edit.patch, target.version, call);
        std::optional<QString> note = edit.note;
        if (r.isSuccess() && edit.noteTemplate) {
            const auto ticket = ctx.store.tickets().ticket(target.id, call.caller);
            if (ticket)
                note =
                    core::fillPlaceholders(*edit.noteTemplate,
                                           core::PlaceholderValues::of(*ticket, call.caller.name))
                        .text;
        }
        if (r.isSuccess() && note) {
            core::Post post;
            if (ctx.store.conversation().addNote(target.id, *note, {}, call.caller, call.now,
                                                 &post) != PostOutcome::Ok)
                r = Response::notFound();
        }
        if (r.isSuccess() && edit.messageTemplate) {
            const Response sent =
                sendMessage(target.id, *edit.messageTemplate, wasClosed, edit, call, ctx);
            if (!sent.isSuccess())
                r = sent;
        }
        return r.isSuccess();
    });
    if (!committed && r.isSuccess())
        r = Response::internalError();
    QJsonObject result{{u"id"_s, target.id}, {u"status"_s, r.status}};
    if (r.isSuccess()) {
        if (const auto t = ctx.store.tickets().ticket(target.id, call.caller))
            result.insert(u"ticket"_s, t->toJson(true));
    } else {
        QJsonObject error = QJsonDocument::fromJson(r.body).object().value(u"error"_s).toObject();
        if (r.status == 412) // the version came in the body, not as If-Match
            error.insert(u"field"_s, u"version"_s);
        result.insert(u"error"_s, error);
    }
    return result;
}

Response bulkEdit(Call &call, ApiContext &ctx)
{
    if (!call.caller.isStaff())
        return Response::error(403, u"forbidden"_s, u"Only staff may change tickets."_s);
    if (auto refusal = onlyParams(call, {}))
        return *refusal;
    auto body = jsonBody(call, ctx);
    if (auto *r = std::get_if<Response>(&body))
        return *r;
    auto read = readBulk(std::get<QJsonObject>(body));
    if (auto *p = std::get_if<core::ApiProblem>(&read))
        return Response::problem(*p);
    BulkEdit &edit = std::get<BulkEdit>(read);

    return writeOnceInParts(call, ctx, [&]() -> Response {
        if (edit.macroId) {
            if (auto refusal = useMacro(edit, call, ctx))
                return *refusal;
        }
        QList<Target> targets = edit.targets;
        if (edit.query) {
            auto resolved = resolve(*edit.query, call, ctx);
            if (auto *r = std::get_if<Response>(&resolved))
                return *r;
            targets = std::get<QList<Target>>(resolved);
        }
        QJsonArray results;
        int applied = 0;
        for (const Target &target : std::as_const(targets)) {
            const QJsonObject result = applyOne(target, edit, call, ctx);
            if (result.value(u"status"_s).toInt() == 200)
                ++applied;
            results.append(result);
        }
        return Response::json(200, {{u"results"_s, results},
                                    {u"applied"_s, applied},
                                    {u"failed"_s, int(results.size()) - applied}});
    });
}

} // namespace

void registerBulkRoutes(Router &router, ApiContext &ctx)
{
    // Signed in, not Staff: code users get 403 here (the route is no secret), not 404.
    router.add("POST", u"/api/v1/tickets/bulk"_s, Access::SignedIn,
               [&ctx](Call &call) { return bulkEdit(call, ctx); });
}

} // namespace server::api
