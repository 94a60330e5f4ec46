#pragma once

#include "httpload.h"

#include <QSet>

namespace bench {

// The `bulk` scenario: a priority change of `count` tickets in one POST /tickets/bulk, as
// a selection in the client sends it, on 1 connection (its service time). The tickets are
// the newest ones outside `avoid` (those other scenarios write on), read through `setup`;
// each answer's versions go into the next request, so that no ticket is stale.
// nullopt when the server does not have `count` such tickets.
std::optional<LoadSpec> bulkSpec(HttpConnection &setup, const QSet<qint64> &avoid, int count,
                                 double seconds, qint64 maxRequests);

} // namespace bench
