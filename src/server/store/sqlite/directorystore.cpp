// STUB: replaced by the real implementation
#include "directorystore.h"
