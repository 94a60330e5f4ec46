#pragma once

#include "core/types.h"

#include <QJsonObject>
#include <optional>

namespace server::events {

// What a code user may read of a stored event (stored events hold the staff view), or
// nullopt when the event says nothing they may learn. Built from an allow-list per event
// type: a field that is not named here never reaches a code user, whatever later code
// adds to the staff view.
std::optional<QJsonObject> codeUserData(const QString &type, const QJsonObject &staffData);

} // namespace server::events
