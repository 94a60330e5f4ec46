#pragma once

#include <QByteArrayView>
#include <QString>
#include <optional>

namespace core {

// The one frame a client sends on the event stream: {"type": "presence", "ticketId": N,
// "state": "viewing" | "typing" | "left"}. Other fields are ignored.
struct PresenceFrame {
    qint64 ticketId = 0;
    QString state;
    bool operator==(const PresenceFrame &) const = default;
};

// The frame in `utf8` (a WebSocket text message), or nullopt for anything else: not JSON,
// not an object, another type, a ticket id that is not a positive integer, an unknown
// state. Pure: whether the caller may see that ticket is for the server to decide.
std::optional<PresenceFrame> parsePresenceFrame(QByteArrayView utf8);

} // namespace core
