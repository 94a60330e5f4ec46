// STUB: replaced by the real implementation
#include "apicontext.h"

namespace server::api {
void registerRatingRoutes(Router &, ApiContext &) {}
} // namespace server::api
