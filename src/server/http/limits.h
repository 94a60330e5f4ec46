#pragma once

#include "clientaddress.h"
#include "request.h"

#include <QString>
#include <QtGlobal>
#include <functional>

namespace server::http {

// What the HTTP front accepts before it buffers anything, and how long it waits. The
// defaults are the documented ones (README, docs/openapi.yaml); tests shorten the times.
struct Limits {
    qint64 maxHeaderBytes = 16 * 1024;     // request line and header fields together: 431
    qint64 maxRequestLineBytes = 8 * 1024; // the request line alone: 414
    int maxHeaderFields = 100;             // more: 431
    qint64 maxJsonBytes = 1024 * 1024;     // every body but uploads: 413
    qint64 maxUploadBytes = 25 * 1024 * 1024;
    int headerTimeoutMsecs = 10000; // from a request's first byte to the end of its header
    int idleTimeoutMsecs = 60000;   // a kept-alive connection without a request
    // A body slower than this on average (measured after headerTimeoutMsecs) is cut, as
    // is one that brings nothing for headerTimeoutMsecs.
    qint64 minBodyBytesPerSecond = 1024;
    int maxConnections = 4096; // bounded by the file-descriptor limit at start
    int maxConnectionsPerAddress = 256;
    qint64 maxWebSocketMessageBytes = 64 * 1024; // incoming; more closes with 1009
    qint64 webSocketQueueBytes = 1024 * 1024;    // outgoing, not yet taken by the client
    // Peers whose X-Forwarded-For names the client (Request::client); empty: none.
    TrustedProxies trustedProxies;
    QString uploadDirectory; // streamed uploads land here as ".upload-*.part" files
    // Whether a request's body is an upload, streamed to a file under uploadDirectory and
    // bounded by maxUploadBytes, rather than read into memory and bounded by maxJsonBytes.
    // Called on the I/O thread with the head only: must not touch shared state.
    std::function<bool(const Request &)> isUpload;

    qint64 bodyLimitFor(const Request &head) const
    {
        return isUpload && isUpload(head) ? maxUploadBytes : maxJsonBytes;
    }
};

} // namespace server::http
