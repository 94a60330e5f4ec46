// STUB: replaced by the real implementation
#include "conversationstore.h"
