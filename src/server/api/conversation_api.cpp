// STUB: replaced by the real implementation
#include "apicontext.h"

namespace server::api {
void registerConversationRoutes(Router &, ApiContext &) {}
} // namespace server::api
