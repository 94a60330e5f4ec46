// core::parsePresenceFrame on any bytes a client may send as a WebSocket text frame; a
// frame it accepts, written again, reads back the same.
#include "core/presence.h"
#include "fuzzsupport.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::optional<core::PresenceFrame> frame =
        core::parsePresenceFrame(fuzz::bytes(data, size));
    if (!frame)
        return 0;
    FUZZ_CHECK(frame->ticketId > 0, QString::number(frame->ticketId));
    FUZZ_CHECK(frame->state == u"viewing" || frame->state == u"typing" || frame->state == u"left",
               frame->state);
    const QByteArray again = QJsonDocument(QJsonObject{{u"type"_s, u"presence"_s},
                                                       {u"ticketId"_s, frame->ticketId},
                                                       {u"state"_s, frame->state}})
                                 .toJson(QJsonDocument::Compact);
    FUZZ_CHECK(core::parsePresenceFrame(again) == frame, QString::fromUtf8(again));
    return 0;
}
