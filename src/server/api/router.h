#pragma once

#include "http/request.h"
#include "http/responder.h"
#include "store/caller.h"

#include <QList>
#include <QStringList>
#include <functional>

namespace server::api {

// Who may call a route. Staff-only routes answer 404 to code users: they do not learn
// what exists. Finer rules (a code user and a ticket they see) live in the handlers.
enum class Access { Anyone, SignedIn, Staff, Admin };

struct Call {
    const http::Request &request;
    QStringList params; // path parameters in pattern order
    Caller caller;      // set when the route needs a sign-in
    qint64 now = 0;
    // Names the caller in the access log when a route learns who it is (a sign-in).
    std::function<void(const QString &user)> identify;

    // A positive id from path parameter i, or 0 when it is not one.
    qint64 idParam(int i) const;
};

using Handler = std::function<http::Response(Call &)>;
// For work that answers later (password hashing on a worker thread).
using AsyncHandler = std::function<void(Call &, const http::Responder &)>;

struct Route {
    QByteArray method;
    QStringList pattern; // segments; "{name}" matches one segment
    Access access = Access::SignedIn;
    Handler handler;
    AsyncHandler asyncHandler;
};

class Router
{
public:
    void add(const QByteArray &method, const QString &pattern, Access access, Handler handler);
    void addAsync(const QByteArray &method, const QString &pattern, Access access,
                  AsyncHandler handler);

    struct Match {
        const Route *route = nullptr;
        QStringList params;
        bool pathKnown = false; // the path exists with another method (405)
    };
    Match match(const QByteArray &method, const QStringList &segments) const;
    // "GET /api/v1/tickets/{id}" lines, sorted: compared with docs/openapi.yaml in tests.
    QStringList describe() const;

private:
    QList<Route> m_routes;
};

} // namespace server::api
