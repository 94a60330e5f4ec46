// STUB: replaced by the real implementation
#include "apicontext.h"

namespace server::api {
void registerDirectoryRoutes(Router &, ApiContext &) {}
} // namespace server::api
