#pragma once

#include "response.h"

#include <memory>

namespace server::http {

class WebSocketTransport;

// Where an answer goes: implemented by the connection on the I/O side. Thread-safe.
class ResponseSink
{
public:
    virtual ~ResponseSink() = default;
    virtual void deliver(Response response) = 0;
    // Takes the connection over as a WebSocket (only for upgrade requests); null otherwise.
    virtual std::shared_ptr<WebSocketTransport> acceptWebSocket() { return {}; }
};

// Answers one request, now or later (after work on another thread, from any thread).
// Copies share one answer: only the first send() writes, and nothing is written once the
// client left. When the last copy goes without an answer, the client gets a 500 rather
// than a connection that hangs.
class Responder
{
public:
    explicit Responder(std::shared_ptr<ResponseSink> sink);
    void send(const Response &response) const;
    // For the upgrade path: the sink itself, so that it can be taken over as a WebSocket.
    std::shared_ptr<WebSocketTransport> acceptWebSocket() const;

private:
    struct State;
    std::shared_ptr<State> m_state;
};

// A responder that adds `headers` (where the answer has none of that name) to whatever is
// sent through it, now or later, before handing it to `inner`.
Responder withDefaultHeaders(const Responder &inner, QList<QPair<QByteArray, QByteArray>> headers);

} // namespace server::http
