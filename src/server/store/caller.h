#pragma once

#include "core/enums.h"
#include "core/types.h"

#include <QByteArray>
#include <QString>

namespace server {

// Who is asking: a staff member (agent or admin) or a code user bound to one device.
struct Caller {
    core::Role role = core::Role::Agent;
    qint64 id = 0;
    qint64 deviceId = 0; // code users only
    QString name;
    QByteArray tokenHash;
    qint64 expiresAt = 0;

    bool isStaff() const { return core::isStaff(role); }
    bool isAdmin() const { return role == core::Role::Admin; }
    QString kind() const
    {
        return isStaff() ? QStringLiteral("staff") : QStringLiteral("code_user");
    }
    core::UserRef ref() const { return {kind(), id, name}; }
    // Scope of Idempotency-Key values: keys of different callers never collide.
    QString scope() const { return kind() + QLatin1Char(':') + QString::number(id); }
};

} // namespace server
