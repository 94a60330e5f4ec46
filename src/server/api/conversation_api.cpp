// The messenger conversation of a ticket (messages, seen by its code users) and the
// staff's internal notes: the same shapes, different audiences.
#include "apicontext.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using server::http::Response;

namespace server::api {
namespace {

enum class Kind { Message, Note };

constexpr int MaxAttachmentsPerPost = 20;

// `after` (or the `cursor` of a previous page, the same number): a non-negative integer.
std::variant<qint64, Response> afterParam(const Call &call)
{
    const QUrlQuery &query = call.request.query;
    qint64 after = 0;
    int given = 0;
    for (const QString &name : {u"after"_s, u"cursor"_s}) {
        const QStringList values = query.allQueryItemValues(name);
        if (values.isEmpty())
            continue;
        bool ok = false;
        after = values.first().toLongLong(&ok);
        if (values.size() > 1 || ++given > 1 || !ok || after < 0 ||
            values.first() != QString::number(after))
            return Response::error(400, u"invalid_parameter"_s,
                                   u"after (or cursor) must be one non-negative integer."_s, name);
    }
    return after;
}

Response list(Call &call, ApiContext &ctx, Kind kind)
{
    const qint64 ticketId = call.idParam(0);
    if (ticketId == 0)
        return Response::notFound();
    if (auto refusal = onlyParams(call, {u"after"_s, u"cursor"_s, u"limit"_s}))
        return *refusal;
    if (call.request.query.allQueryItemValues(u"limit"_s).size() > 1)
        return Response::error(400, u"invalid_parameter"_s, u"limit may appear once."_s,
                               u"limit"_s);
    const auto after = afterParam(call);
    if (auto *r = std::get_if<Response>(&after))
        return *r;
    const auto limit = limitParam(call);
    if (auto *r = std::get_if<Response>(&limit))
        return *r;
    const int n = std::get<int>(limit);
    // One more than asked tells whether another page follows.
    ConversationStore &store = ctx.store.conversation();
    auto posts = kind == Kind::Message
                     ? store.messages(ticketId, std::get<qint64>(after), n + 1, call.caller)
                     : store.notes(ticketId, std::get<qint64>(after), n + 1, call.caller);
    if (!posts)
        return Response::notFound();
    QString next;
    if (posts->size() > n) {
        posts->resize(n);
        next = QString::number(posts->last().seq);
    }
    QJsonArray items;
    for (const core::Post &p : std::as_const(*posts))
        items.append(p.toJson());
    return Response::json(200, page(items, next));
}

// The code user's answer moves a ticket waiting on them, or resolved, back to open, in
// the message's transaction. Staff messages never change the status.
bool reopenOnAnswer(ApiContext &ctx, const Call &call, qint64 ticketId)
{
    TicketStore &tickets = ctx.store.tickets();
    const auto ticket = tickets.ticket(ticketId, call.caller);
    if (!ticket)
        return false;
    const core::Status status = ticket->summary.status;
    if (status != core::Status::Waiting && status != core::Status::Resolved)
        return true;
    TicketPatch reopen;
    reopen.status = core::Status::Open;
    reopen.reason = u"code_user_message"_s;
    return tickets.patch(ticketId, reopen, ticket->summary.version, call.caller, call.now) ==
           PatchOutcome::Ok;
}

Response create(Call &call, ApiContext &ctx, Kind kind)
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
    in.allowOnly({u"body"_s, u"attachmentIds"_s});
    const auto text = in.text(u"body"_s, true, 0, core::MaxBodyLength, true);
    QStringList attachmentIds =
        in.stringList(u"attachmentIds"_s, false, MaxAttachmentsPerPost, 64).value_or(QStringList());
    if (in.ok() && text->trimmed().isEmpty() && attachmentIds.isEmpty())
        in.fail(422, u"too_short"_s, u"Write something or attach a file."_s, u"body"_s);
    if (!in.ok())
        return Response::problem(*in.problem());
    attachmentIds.removeDuplicates();

    return writeOnce(call, ctx, [&]() -> Response {
        if (kind == Kind::Message) {
            // The conversation of a closed ticket is over; staff reopen it to continue.
            const auto ticket = ctx.store.tickets().ticket(ticketId, call.caller);
            if (!ticket)
                return Response::notFound();
            if (ticket->summary.status == core::Status::Closed)
                return Response::error(409, u"ticket_closed"_s,
                                       u"This ticket is closed. Reopen it to write again."_s);
        }
        core::Post post;
        ConversationStore &store = ctx.store.conversation();
        const PostOutcome outcome =
            kind == Kind::Message
                ? store.addMessage(ticketId, *text, attachmentIds, call.caller, call.now, &post)
                : store.addNote(ticketId, *text, attachmentIds, call.caller, call.now, &post);
        switch (outcome) {
        case PostOutcome::Ok:
            if (kind == Kind::Message && !call.caller.isStaff() &&
                !reopenOnAnswer(ctx, call, ticketId))
                return Response::internalError();
            return Response::json(201, post.toJson());
        case PostOutcome::BadAttachment:
            return Response::error(
                422, u"invalid_value"_s,
                kind == Kind::Message
                    ? u"Attach only public files you uploaded to this ticket and not yet posted."_s
                    : u"Attach only files you uploaded to this ticket and not yet posted."_s,
                u"attachmentIds"_s);
        case PostOutcome::NotFound:
            break;
        }
        return Response::notFound();
    });
}

} // namespace

void registerConversationRoutes(Router &router, ApiContext &ctx)
{
    router.add("GET", u"/api/v1/tickets/{id}/messages"_s, Access::SignedIn,
               [&ctx](Call &call) { return list(call, ctx, Kind::Message); });
    router.add("POST", u"/api/v1/tickets/{id}/messages"_s, Access::SignedIn,
               [&ctx](Call &call) { return create(call, ctx, Kind::Message); });
    // Staff only: the router answers 404 to code users, who must not learn notes exist.
    router.add("GET", u"/api/v1/tickets/{id}/notes"_s, Access::Staff,
               [&ctx](Call &call) { return list(call, ctx, Kind::Note); });
    router.add("POST", u"/api/v1/tickets/{id}/notes"_s, Access::Staff,
               [&ctx](Call &call) { return create(call, ctx, Kind::Note); });
}

} // namespace server::api
