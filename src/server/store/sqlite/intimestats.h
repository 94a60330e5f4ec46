#pragma once

#include "ratingstatsquery.h"

namespace server::sqlite {

class Connection;

// The "in time" figures of GET /stats/ratings (response clocks, migration 12), read from
// the tickets' stored clocks into `out`:
// - first reply: rateable tickets (public, created by a code user) whose first staff
//   message lies in [from, to) and whose first-reply clock has a due time (it had a target
//   and ran until it was due, or until the reply); in time when the clock was not
//   breached (the reply came at or before the due time).
// - resolution: rateable tickets resolved (or closed) in [from, to) whose resolution clock
//   has a due time; in time when it was not breached.
// A clock stopped while the ticket waited, before its time reached the target, has no due
// time (core/clocks.h) and does not count; nor do tickets resolved before any target was
// set. Each ticket counts under its own current fields (assignee, fleet, flow, template,
// customer), on the local day of its first reply or resolution.
void tallyInTime(Connection &c, const SqliteRatingStore::StatsQuery &query, qint64 from, qint64 to,
                 bool detailed, SqliteRatingStore::PeriodTally *out);

} // namespace server::sqlite
