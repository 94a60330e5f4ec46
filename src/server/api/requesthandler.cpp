#include "requesthandler.h"

#include "library.h"

#include "core/timeutil.h"
#include "ops/observer.h"

using namespace Qt::StringLiterals;
using server::http::Response;

namespace server::api {
namespace {

QString routeTemplate(const Route &route)
{
    return u"/"_s + route.pattern.join(u'/');
}

} // namespace

Response unauthorized()
{
    return Response::error(401, u"unauthorized"_s,
                           u"Sign in first: the token is missing, invalid or expired."_s)
        .withHeader("WWW-Authenticate", "Bearer");
}

RequestHandler::RequestHandler(QObject *owner, Store &store, const Shared &shared)
    : m_ctx{owner, store, shared.config, shared.files, shared.signInLimits, shared.passwordHasher}
    , m_sessions(store, shared.sessions)
    , m_observer(shared.observer)
{
    registerAuthRoutes(m_router, m_ctx);
    // Sign-out revokes through the session cache so that the token dies at once.
    m_router.add("POST", u"/api/v1/auth/logout"_s, Access::SignedIn, [this](Call &call) {
        m_sessions.revoke(call.caller.tokenHash);
        return Response::noContent();
    });
    registerDirectoryRoutes(m_router, m_ctx);
    registerTicketRoutes(m_router, m_ctx);
    registerBulkRoutes(m_router, m_ctx);
    registerConversationRoutes(m_router, m_ctx);
    registerSeenRoutes(m_router, m_ctx);
    registerAttachmentRoutes(m_router, m_ctx);
    registerRatingRoutes(m_router, m_ctx);
    registerAdminRoutes(m_router, m_ctx);
    registerServiceLevelRoutes(m_router, m_ctx);
    registerTextModuleRoutes(m_router, m_ctx);
    registerMacroRoutes(m_router, m_ctx);
    registerViewRoutes(m_router, m_ctx);
    // Listed so that the route table (and docs/openapi.yaml) names it; upgrades are
    // taken before routing, a plain GET gets 426.
    m_router.add("GET", u"/api/v1/events"_s, Access::SignedIn, [](Call &) {
        return Response::error(426, u"upgrade_required"_s, u"Open this URL as a WebSocket."_s)
            .withHeader("Upgrade", "websocket");
    });
}

std::optional<Response> RequestHandler::admitUpload(const http::Request &r)
{
    const Router::Match match = m_router.match(r.method, r.segments);
    if (!match.route || match.route->access == Access::Anyone)
        return std::nullopt;
    m_ctx.store.endReads();
    Call call{r, match.params, {}, core::nowMsecs()};
    std::optional<Caller> caller = m_sessions.authenticate(Sessions::tokenOf(r, false), call.now);
    if (!caller)
        return unauthorized();
    call.caller = *caller;
    // Nothing of a stranger's upload reaches the disk unless the route would take it.
    if (match.route->pattern.endsWith(u"attachments"_s))
        return api::admitUpload(call, m_ctx);
    return std::nullopt;
}

void RequestHandler::handle(const http::Request &request, const http::Responder &plainResponder)
{
    m_ctx.store.endReads();
    const Router::Match match = m_router.match(request.method, request.segments);
    // On every answer, also those an asynchronous step (sign-in) or a refusal sends.
    const http::Responder withHeaders = http::withDefaultHeaders(
        plainResponder, {{"Cache-Control", "no-store"}, {"X-Content-Type-Options", "nosniff"}});
    ops::RequestObserver::Call observed = ops::RequestObserver::observe(
        m_observer, request, match.route ? routeTemplate(*match.route) : u"-"_s, withHeaders);
    const http::Responder &responder = observed.responder();
    if (!match.route) {
        responder.send(match.pathKnown ? Response::error(405, u"method_not_allowed"_s,
                                                         u"This method is not allowed here."_s)
                                       : Response::notFound());
        return;
    }
    Call call{request, match.params, {}, core::nowMsecs(), {}};
    call.identify = observed.userSetter();
    const Route &route = *match.route;
    if (route.access != Access::Anyone) {
        std::optional<Caller> caller =
            m_sessions.authenticate(Sessions::tokenOf(request, false), call.now);
        if (!caller) {
            responder.send(unauthorized());
            return;
        }
        call.caller = *caller;
        observed.setUser(call.caller.scope());
        const bool allowed = route.access == Access::SignedIn ||
                             (route.access == Access::Staff && call.caller.isStaff()) ||
                             (route.access == Access::Admin && call.caller.isAdmin());
        if (!allowed) {
            // Code users do not learn that staff-only resources exist; agents do.
            responder.send(
                call.caller.isStaff()
                    ? Response::error(403, u"forbidden"_s, u"Only administrators may do this."_s)
                    : Response::notFound());
            return;
        }
    }
    if (route.asyncHandler) {
        route.asyncHandler(call, responder);
        return;
    }
    responder.send(route.handler(call));
}

} // namespace server::api
