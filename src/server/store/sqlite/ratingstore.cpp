// STUB: replaced by the real implementation
#include "ratingstore.h"
