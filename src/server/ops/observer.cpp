#include "observer.h"

#include "core/timeutil.h"

#include <QElapsedTimer>

namespace server::ops {

class ObservedSink final : public http::ResponseSink
{
public:
    ObservedSink(std::shared_ptr<RequestObserver> observer, AccessRecord record,
                 http::Responder inner)
        : m_observer(std::move(observer))
        , m_record(std::move(record))
        , m_inner(std::move(inner))
    {
        m_timer.start();
    }

    void deliver(http::Response response) override
    {
        m_record.status = response.status;
        m_record.msecs = double(m_timer.nsecsElapsed()) / 1e6;
        m_observer->record(m_record);
        m_inner.send(response);
    }
    std::shared_ptr<http::WebSocketTransport> acceptWebSocket() override
    {
        return m_inner.acceptWebSocket();
    }
    void setUser(const QString &user) { m_record.user = user; }

private:
    std::shared_ptr<RequestObserver> m_observer; // outlives the server when answers do
    AccessRecord m_record;
    http::Responder m_inner;
    QElapsedTimer m_timer;
};

RequestObserver::RequestObserver(LogFormat format)
    : m_log(format)
{}

RequestObserver::Call::Call(std::shared_ptr<ObservedSink> sink)
    : m_sink(sink)
    , m_responder(std::move(sink))
{}

void RequestObserver::Call::setUser(const QString &user)
{
    m_sink->setUser(user);
}

std::function<void(const QString &)> RequestObserver::Call::userSetter() const
{
    return [sink = m_sink](const QString &user) {
        sink->setUser(user);
    };
}

RequestObserver::Call RequestObserver::observe(const std::shared_ptr<RequestObserver> &self,
                                               const http::Request &request, const QString &route,
                                               const http::Responder &inner)
{
    AccessRecord record;
    record.time = core::nowMsecs();
    record.client = request.client;
    record.method = request.method;
    record.route = route;
    return Call(std::make_shared<ObservedSink>(self, std::move(record), inner));
}

void RequestObserver::record(const AccessRecord &record)
{
    m_metrics.observe(record.method, record.route, record.status, record.msecs / 1000.0);
    m_log.write(record);
}

} // namespace server::ops
