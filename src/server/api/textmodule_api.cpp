// Text modules (canned replies): {id, name, shortcut, language: de|en|null, body, shared,
// ownerId}. Placeholders in the body are checked at save: an unknown one is a 422 on body.
#include "library.h"

using namespace Qt::StringLiterals;

namespace server::api {
namespace {

constexpr int MaxBody = 20'000;

std::optional<core::ApiProblem> readTextModule(const QJsonObject &body, bool creating, const Call &,
                                               QJsonObject *doc)
{
    core::JsonReader in(body);
    const std::optional<QString> shortcut = in.text(u"shortcut"_s, false, 0, 40);
    const std::optional<QString> text = in.text(u"body"_s, creating, 1, MaxBody, true);
    if (!in.ok())
        return *in.problem();
    if (shortcut && shortcut->contains(u' '))
        return core::ApiProblem{422, u"invalid_value"_s,
                                u"A shortcut is one word without spaces."_s, u"shortcut"_s};
    if (body.contains(u"language"_s)) {
        const QJsonValue language = body.value(u"language"_s);
        if (!language.isNull() && language != u"de"_s && language != u"en"_s)
            return core::ApiProblem{422, u"invalid_value"_s,
                                    u"The language must be \"de\", \"en\" or null."_s,
                                    u"language"_s};
        doc->insert(u"language"_s, language);
    } else if (creating) {
        doc->insert(u"language"_s, QJsonValue::Null);
    }
    if (text) {
        if (auto problem = unknownPlaceholder(*text, u"body"_s))
            return problem;
        doc->insert(u"body"_s, *text);
    }
    if (shortcut)
        doc->insert(u"shortcut"_s, *shortcut);
    else if (creating)
        doc->insert(u"shortcut"_s, QString());
    return std::nullopt;
}

} // namespace

void registerTextModuleRoutes(Router &router, ApiContext &ctx)
{
    registerLibraryRoutes(router, ctx,
                          {LibraryKind::TextModule,
                           u"/api/v1/text-modules"_s,
                           {u"shortcut"_s, u"language"_s, u"body"_s},
                           false,
                           readTextModule});
}

} // namespace server::api
