#pragma once

#include "apicontext.h"
#include "sessions.h"

#include <memory>

namespace server {
namespace ops {
class RequestObserver;
}

namespace api {

// What answers requests on one thread: the routes over that thread's store, with its
// Sessions (the cache shared). The server's main thread has one (upload admissions, the
// route table, and the requests when there are no workers); every worker has its own.
class RequestHandler
{
    Q_DISABLE_COPY_MOVE(RequestHandler)

public:
    // What every thread's handler shares; outlives them.
    struct Shared {
        const ServerConfig &config;
        FileStore &files;
        auth::SignInLimits &signInLimits;
        auth::PasswordHasher &passwordHasher;
        std::shared_ptr<Sessions::SessionCache> sessions;
        std::shared_ptr<ops::RequestObserver> observer;
    };

    // `owner`: the context of callbacks that finish later, on this thread.
    RequestHandler(QObject *owner, Store &store, const Shared &shared);

    void handle(const http::Request &request, const http::Responder &responder);
    // nullopt admits the upload's body; a response refuses it.
    std::optional<http::Response> admitUpload(const http::Request &request);

    Store &store() { return m_ctx.store; }
    Sessions &sessions() { return m_sessions; }
    const Router &router() const { return m_router; }
    ApiContext &context() { return m_ctx; }

private:
    ApiContext m_ctx;
    Sessions m_sessions;
    Router m_router;
    std::shared_ptr<ops::RequestObserver> m_observer;
};

// 401 with WWW-Authenticate.
http::Response unauthorized();

} // namespace api
} // namespace server
