// Macros: {id, name, changes: {priority?, status?, assigneeId? (or "me"), visibility?},
// note?: {body}, message?: {body}, shared, ownerId}. Applied through the bulk call
// (`macroId`); here they are stored and checked: the changes as a ticket PATCH checks
// them (an assignee must be an active staff member), note and message bodies as text
// modules' (placeholders).
#include "library.h"

using namespace Qt::StringLiterals;

namespace server::api {
namespace {

constexpr int MaxBody = 10'000;

core::ApiProblem invalid(const QString &field, const QString &message)
{
    return {422, u"invalid_value"_s, message, field};
}

core::ApiProblem wrongType(const QString &field, const QString &what)
{
    return {400, u"wrong_type"_s, u"This field must be "_s + what + u'.', field};
}

// A problem's field inside `parent`: "changes.priority".
core::ApiProblem within(const QString &parent, core::ApiProblem p)
{
    p.field = p.field.isEmpty() ? parent : parent + u'.' + p.field;
    return p;
}

std::optional<core::ApiProblem> readChanges(const QJsonValue &value, ApiContext &ctx,
                                            QJsonObject *out)
{
    if (!value.isObject())
        return wrongType(u"changes"_s, u"an object"_s);
    const QJsonObject o = value.toObject();
    core::JsonReader in(o);
    in.allowOnly({u"priority"_s, u"status"_s, u"assigneeId"_s, u"visibility"_s});
    const std::optional<QString> priority = in.text(u"priority"_s, false, 1, 20);
    const std::optional<QString> status = in.text(u"status"_s, false, 1, 20);
    const std::optional<QString> visibility = in.text(u"visibility"_s, false, 1, 20);
    if (!in.ok())
        return within(u"changes"_s, *in.problem());
    if (priority && !core::parsePriority(*priority))
        return invalid(u"changes.priority"_s, u"The priority must be low, normal or high."_s);
    if (status && !core::parseStatus(*status))
        return invalid(u"changes.status"_s, u"There is no such status."_s);
    if (visibility && !core::parseVisibility(*visibility))
        return invalid(u"changes.visibility"_s, u"The visibility must be public or internal."_s);
    if (o.contains(u"assigneeId"_s)) {
        const QJsonValue a = o.value(u"assigneeId"_s);
        if (a.isString()) {
            if (a.toString() != u"me"_s)
                return invalid(u"changes.assigneeId"_s,
                               u"The assignee is a staff id, \"me\" or null."_s);
        } else if (!a.isNull()) {
            const std::optional<qint64> id = core::integerValue(a);
            if (!id)
                return wrongType(u"changes.assigneeId"_s, u"a staff id, \"me\" or null"_s);
            const std::optional<core::StaffMember> member =
                *id > 0 ? ctx.store.directory().staffMember(*id) : std::nullopt;
            if (!member || !member->active)
                return invalid(u"changes.assigneeId"_s, u"There is no such active staff member."_s);
        }
    }
    *out = o;
    return std::nullopt;
}

// `note` or `message`: {body} or null (none).
std::optional<core::ApiProblem> readPost(const QJsonObject &body, const QString &key,
                                         QJsonObject *doc)
{
    const QJsonValue value = body.value(key);
    if (value.isNull()) {
        doc->insert(key, QJsonValue::Null);
        return std::nullopt;
    }
    if (!value.isObject())
        return wrongType(key, u"an object {body}, or null"_s);
    core::JsonReader in(value.toObject());
    in.allowOnly({u"body"_s});
    const std::optional<QString> text = in.text(u"body"_s, true, 1, MaxBody, true);
    if (!in.ok())
        return within(key, *in.problem());
    if (auto problem = unknownPlaceholder(*text, key + u".body"_s))
        return problem;
    doc->insert(key, QJsonObject{{u"body"_s, *text}});
    return std::nullopt;
}

std::optional<core::ApiProblem> readMacro(const QJsonObject &body, bool creating, ApiContext &ctx,
                                          QJsonObject *doc)
{
    if (body.contains(u"changes"_s)) {
        QJsonObject changes;
        if (auto problem = readChanges(body.value(u"changes"_s), ctx, &changes))
            return problem;
        doc->insert(u"changes"_s, changes);
    } else if (creating) {
        doc->insert(u"changes"_s, QJsonObject());
    }
    for (const QString &key : {u"note"_s, u"message"_s}) {
        if (body.contains(key)) {
            if (auto problem = readPost(body, key, doc))
                return problem;
        } else if (creating) {
            doc->insert(key, QJsonValue::Null);
        }
    }
    if (doc->value(u"changes"_s).toObject().isEmpty() && doc->value(u"note"_s).isNull() &&
        doc->value(u"message"_s).isNull())
        return core::ApiProblem{422, u"missing_field"_s,
                                u"A macro needs a change, a note or a message."_s, u"changes"_s};
    return std::nullopt;
}

} // namespace

void registerMacroRoutes(Router &router, ApiContext &ctx)
{
    registerLibraryRoutes(
        router, ctx,
        {LibraryKind::Macro,
         u"/api/v1/macros"_s,
         {u"changes"_s, u"note"_s, u"message"_s},
         false,
         [&ctx](const QJsonObject &body, bool creating, const Call &, QJsonObject *doc) {
             return readMacro(body, creating, ctx, doc);
         }});
}

} // namespace server::api
