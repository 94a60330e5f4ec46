#pragma once

// Assertions on the API's error answers, shared by the suites.
#include "testsupport.h"

#include <string>

namespace testsupport {

// Whether a body shows what an error must never show: SQL, file paths, traces, internals.
bool leaksInternals(const QByteArray &body);

// {"error": {"code", "message", ["field"]}} and nothing else, with the expected status
// and, when given, the field; `what` names the case in failure messages.
void expectError(const HttpResult &r, int status, const QString &field, const std::string &what);

} // namespace testsupport
