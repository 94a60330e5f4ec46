#pragma once

#include "ratingstatsquery.h"

namespace server::sqlite {

class Connection;

// The "in time" figures of GET /stats/ratings (response clocks, migration 12), read from
// the tickets' stored clocks into `out`:
// - first reply: rateable tickets (public, created by a code user) whose first staff
//   message lies in [from, to) and that had a first-reply target (the clock has a due
//   time, or the ticket's priority has a target in the current service levels); in time
//   when the clock was not breached (the reply came at or before the due time).
// - resolution: rateable tickets resolved (or closed) in [from, to) that had a resolution
//   target (as above); in time when the resolution clock was not breached.
// Each ticket counts under its own current fields (assignee, fleet, flow, template,
// customer), on the local day of its first reply or resolution.
void tallyInTime(Connection &c, const SqliteRatingStore::StatsQuery &query, qint64 from, qint64 to,
                 bool detailed, SqliteRatingStore::PeriodTally *out);

} // namespace server::sqlite
