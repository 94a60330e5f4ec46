#include "timeutil.h"

#include <QDateTime>
#include <QTimeZone>

namespace core {

QString toIsoUtc(qint64 msecsSinceEpoch) {
    return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, QTimeZone::utc())
        .toString(Qt::ISODateWithMs);
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
