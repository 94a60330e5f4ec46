#include "presence.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace core {

std::optional<PresenceFrame> parsePresenceFrame(QByteArrayView utf8)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    if (o.value(u"type").toString() != u"presence")
        return std::nullopt;
    // toInteger() is 0 for anything but a number with an integral value.
    const qint64 ticketId = o.value(u"ticketId").toInteger();
    const QString state = o.value(u"state").toString();
    if (ticketId <= 0 || (state != u"viewing" && state != u"typing" && state != u"left"))
        return std::nullopt;
    return PresenceFrame{ticketId, state};
}

} // namespace core
