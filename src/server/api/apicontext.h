#pragma once

#include "auth/passwordhasher.h"
#include "auth/signinlimits.h"
#include "config.h"
#include "files/filestore.h"
#include "http/response.h"
#include "router.h"
#include "store/store.h"

#include <QJsonObject>
#include <variant>

namespace server::api {

// What every route module gets: the store, configuration, files and the limiters.
struct ApiContext {
    QObject *owner; // context for callbacks that finish later
    Store &store;
    const ServerConfig &config;
    FileStore &files;
    auth::SignInLimits &signInLimits;
    auth::PasswordHasher &passwordHasher;
};

// The JSON object body of a request: 415 unless the content type is JSON, 413 when too
// large, 400 when not a JSON object (bad syntax, invalid UTF-8, another JSON type).
std::variant<QJsonObject, http::Response> jsonBody(const Call &call, const ApiContext &ctx);

// Runs a write once per Idempotency-Key: the same key and body again gives the first
// response again; the same key with another body is refused (422). `work` runs inside
// one transaction, which commits only when its response is a success.
http::Response writeOnce(Call &call, ApiContext &ctx, const std::function<http::Response()> &work);

// Like writeOnce for a write that runs several transactions of its own (one per ticket of
// a bulk edit): the answer is stored afterwards, in a transaction of its own.
http::Response writeOnceInParts(Call &call, ApiContext &ctx,
                                const std::function<http::Response()> &work);

// Runs a write without idempotency, inside one transaction.
http::Response writeTransaction(ApiContext &ctx, const std::function<http::Response()> &work);

// A list answer: {"items": [...], "nextCursor": ...}.
QJsonObject page(const QJsonArray &items, const QString &nextCursor = {});

// The `limit` parameter (1..200, default 50), or a 400 response.
std::variant<int, http::Response> limitParam(const Call &call, int defaultLimit = 50);

// Refuses query parameters other than `allowed` (400).
std::optional<http::Response> onlyParams(const Call &call, const QStringList &allowed);

// What an upload's head must pass before its body is read: the ticket is the caller's to
// see, `internal` is allowed, the content type is valid (404, 400, 403, 415).
std::optional<http::Response> admitUpload(const Call &call, ApiContext &ctx);

void registerAuthRoutes(Router &router, ApiContext &ctx);
void registerDirectoryRoutes(Router &router, ApiContext &ctx);
void registerTicketRoutes(Router &router, ApiContext &ctx);
void registerBulkRoutes(Router &router, ApiContext &ctx);
void registerConversationRoutes(Router &router, ApiContext &ctx);
void registerSeenRoutes(Router &router, ApiContext &ctx);
void registerAttachmentRoutes(Router &router, ApiContext &ctx);
void registerRatingRoutes(Router &router, ApiContext &ctx);
void registerAdminRoutes(Router &router, ApiContext &ctx);
void registerServiceLevelRoutes(Router &router, ApiContext &ctx);

} // namespace server::api
