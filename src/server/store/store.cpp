#include "store.h"

namespace server {

bool ServerEvent::visibleTo(const Caller &caller) const
{
    if (recipientStaffId != 0)
        return caller.isStaff() && caller.id == recipientStaffId;
    if (caller.isStaff())
        return true;
    return !staffOnly && visibility == core::Visibility::Public && deviceId == caller.deviceId &&
           deviceId != 0;
}

} // namespace server

namespace server {

QJsonObject LibraryItem::toJson() const
{
    QJsonObject o = doc;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("shared"), shared);
    o.insert(QStringLiteral("ownerId"), ownerId);
    return o;
}

} // namespace server
