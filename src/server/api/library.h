#pragma once

#include "apicontext.h"

#include <functional>
#include <optional>

// The routes the staff's library shares: text modules, macros and views, each
// GET/POST /api/v1/<path> and GET/PATCH/DELETE /api/v1/<path>/{id}. Staff only: code users
// are refused (403), not told nothing, as the contract says. Personal items are
// their owner's alone (404 to other staff); shared items are read by all staff and
// written by admins (403 for an agent's write).
namespace server::api {

struct LibrarySpec {
    LibraryKind kind;
    QString path;             // "/api/v1/text-modules"
    QStringList fields;       // the kind's own fields, besides name and shared
    bool hasPosition = false; // views: `position` orders them in the sidebar
    // Reads the kind's own fields of `body` into `doc`. Creating: required fields must be
    // there. Patching: `doc` holds the stored values, and only what the body has changes.
    std::function<std::optional<core::ApiProblem>(const QJsonObject &body, bool creating,
                                                  const Call &call, QJsonObject *doc)>
        read;
};

void registerLibraryRoutes(Router &router, ApiContext &ctx, const LibrarySpec &spec);

// A problem (422, `field`) when `body` holds a placeholder other than those of the
// issue's contract ({ticket.number}, {me.name}, {cursor}, ...).
std::optional<core::ApiProblem> unknownPlaceholder(const QString &body, const QString &field);

void registerTextModuleRoutes(Router &router, ApiContext &ctx);
void registerMacroRoutes(Router &router, ApiContext &ctx);
void registerViewRoutes(Router &router, ApiContext &ctx);

} // namespace server::api
