#pragma once

#include "enums.h"

namespace core {

// The ticket life cycle: new -> open -> waiting -> resolved -> closed. Staff may jump
// forward; the only way back is reopening a resolved or closed ticket to open.
bool isLegalTransition(Status from, Status to);

} // namespace core
