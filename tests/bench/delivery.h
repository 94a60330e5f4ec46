#pragma once

// Event delivery: a message posted over HTTP on one connection, timed until a staff
// QWebSocket client on /api/v1/events receives its message.created event.

#include "httpload.h"

namespace bench {

struct DeliverySpec {
    QString host;
    quint16 port = 0;
    QByteArray posterToken;   // who posts (the code user)
    QByteArray listenerToken; // who listens (staff)
    qint64 ticketId = 0;      // a public, open ticket the poster may write on
    double seconds = 5;
    qint64 maxPosts = 5000;
    int eventTimeoutMs = 5000; // a post whose event takes longer counts as an error
};

// One post at a time: the next is written once both the HTTP answer and the event are in.
// The latencies are from the write of the POST to the arrival of the event frame.
LoadResult runDelivery(const DeliverySpec &spec);

} // namespace bench
