// STUB: replaced by the real implementation
#include "apicontext.h"

namespace server::api {
void registerAttachmentRoutes(Router &, ApiContext &) {}
} // namespace server::api
