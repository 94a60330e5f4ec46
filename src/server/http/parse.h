#pragma once

#include "limits.h"
#include "request.h"
#include "response.h"

#include <QByteArrayView>
#include <variant>

namespace server::http {

// Parses one complete HTTP/1.1 request (head and, when present, body) from raw bytes with
// the live front's limits and checks: the Request the routes would get, or the refusal
// the front would answer (400, 413, 414, 431). No sockets: for tests and fuzzers. The live
// path uses the same conversion and checks (parse.cpp).
std::variant<Request, Response> parseRequest(QByteArrayView raw, const Limits &limits);

} // namespace server::http
