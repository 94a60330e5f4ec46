#pragma once

#include <QString>
#include <optional>

namespace core {

// Times travel as ISO 8601 UTC with milliseconds ("2026-11-26T19:59:49.123Z") and are
// kept as milliseconds since the epoch everywhere else.
QString toIsoUtc(qint64 msecsSinceEpoch);
std::optional<qint64> parseIsoUtc(const QString &text);
qint64 nowMsecs();

} // namespace core
