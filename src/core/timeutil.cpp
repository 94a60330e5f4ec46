#include "timeutil.h"

#include <QDateTime>

namespace core {

QString toIsoUtc(qint64 msecsSinceEpoch) {
    // Qt::UTC (not QTimeZone::utc()) is what makes Qt 6.4 write "Z" rather than "+00:00".
    return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC).toString(Qt::ISODateWithMs);
}

std::optional<qint64> parseIsoUtc(const QString &text) {
    const QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        return std::nullopt;
    return dt.toMSecsSinceEpoch();
}

qint64 nowMsecs() {
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace core
