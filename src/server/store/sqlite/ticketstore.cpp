// STUB: replaced by the real implementation
#include "ticketstore.h"
