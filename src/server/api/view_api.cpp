// Saved views: {id, name, query: {status?, priority?, assignee?, ..., q?, sort?}, shared,
// ownerId, position}. The query holds GET /tickets parameters by name, each a string as
// in the URL ("new,open") or an array of strings, and is checked by the very parser of
// GET /tickets (core::TicketQuery): what it refuses is a 422 on `query.<parameter>`. A
// `cursor` is a place in one listing, not a filter: refused.
#include "library.h"

#include <QJsonArray>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace server::api {
namespace {

constexpr qsizetype MaxParameters = 20;

core::ApiProblem queryProblem(const QString &parameter, const QString &message, int status = 422)
{
    return {status, status == 400 ? u"wrong_type"_s : u"invalid_value"_s, message,
            u"query."_s + parameter};
}

std::optional<core::ApiProblem> readQuery(const QJsonValue &value, QJsonObject *out)
{
    if (!value.isObject())
        return core::ApiProblem{400, u"wrong_type"_s,
                                u"This field must be an object of GET /tickets parameters."_s,
                                u"query"_s};
    const QJsonObject o = value.toObject();
    if (o.size() > MaxParameters)
        return core::ApiProblem{422, u"too_many"_s, u"A view has at most 20 parameters."_s,
                                u"query"_s};
    QUrlQuery url;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString name = it.key();
        if (name == u"cursor"_s)
            return queryProblem(name, u"A view holds filters and a sort, not a place in a list."_s);
        QString text;
        if (it.value().isString()) {
            text = it.value().toString();
        } else if (it.value().isArray()) {
            QStringList parts;
            for (const QJsonValue &v : it.value().toArray()) {
                if (!v.isString())
                    return queryProblem(name, u"This must be a string or an array of strings."_s,
                                        400);
                parts.append(v.toString());
            }
            text = parts.join(u',');
        } else {
            return queryProblem(name, u"This must be a string or an array of strings."_s, 400);
        }
        url.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(text)));
    }
    auto parsed = core::TicketQuery::fromUrlQuery(url);
    if (auto *p = std::get_if<core::ApiProblem>(&parsed))
        return queryProblem(p->field, p->message);
    *out = o;
    return std::nullopt;
}

std::optional<core::ApiProblem> readView(const QJsonObject &body, bool creating, const Call &,
                                         QJsonObject *doc)
{
    if (body.contains(u"query"_s)) {
        QJsonObject query;
        if (auto problem = readQuery(body.value(u"query"_s), &query))
            return problem;
        doc->insert(u"query"_s, query);
    } else if (creating) {
        doc->insert(u"query"_s, QJsonObject());
    }
    return std::nullopt;
}

} // namespace

void registerViewRoutes(Router &router, ApiContext &ctx)
{
    registerLibraryRoutes(router, ctx,
                          {LibraryKind::View, u"/api/v1/views"_s, {u"query"_s}, true, readView});
}

} // namespace server::api
