#include "statusflow.h"

namespace core {

bool isLegalTransition(Status from, Status to)
{
    if (from == to)
        return true;
    if (to == Status::Open && (from == Status::Resolved || from == Status::Closed))
        return true;
    return int(to) > int(from);
}

} // namespace core
