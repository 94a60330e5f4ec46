#pragma once

#include "accesslog.h"
#include "http/request.h"
#include "http/responder.h"
#include "metrics.h"

#include <functional>
#include <memory>

namespace server::ops {

class ObservedSink;

// Sees every answer of the routes: writes the access log line and counts it in the
// metrics when the answer goes out (on whatever thread sends it).
class RequestObserver
{
public:
    explicit RequestObserver(LogFormat format);
    Metrics &metrics() { return m_metrics; }

    // A request being answered: its responder() answers through `inner` and records the
    // answer; setUser() names the caller once known.
    class Call
    {
    public:
        const http::Responder &responder() const { return m_responder; }
        void setUser(const QString &user);
        // setUser() for later, holding only the record (not the responder).
        std::function<void(const QString &)> userSetter() const;

    private:
        friend class RequestObserver;
        Call(std::shared_ptr<ObservedSink> sink);
        std::shared_ptr<ObservedSink> m_sink;
        http::Responder m_responder;
    };
    // `route` is the matched route template, "-" when none matched.
    static Call observe(const std::shared_ptr<RequestObserver> &self, const http::Request &request,
                        const QString &route, const http::Responder &inner);
    // Something answered without a responder (a WebSocket upgrade: 101 or its refusal).
    void record(const AccessRecord &record);

private:
    AccessLog m_log;
    Metrics m_metrics;
};

} // namespace server::ops
