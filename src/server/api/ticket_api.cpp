// STUB: replaced by the real implementation
#include "apicontext.h"

namespace server::api {
void registerTicketRoutes(Router &, ApiContext &) {}
} // namespace server::api
