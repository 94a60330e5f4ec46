#include "store.h"

namespace server {

bool ServerEvent::visibleTo(const Caller &caller) const
{
    if (caller.isStaff())
        return true;
    return !staffOnly && visibility == core::Visibility::Public && deviceId == caller.deviceId &&
           deviceId != 0;
}

} // namespace server
