#pragma once

#include <QStringList>

namespace server::sqlite {

// Migration 4: the pre-aggregated rating statistics (tables, triggers and an index).
// Shipped schema text: append a new migration instead of changing this one.
//
// rating_days holds, per local day of the statistics' time zone and per combination of
// credited staff member, fleet, flow, template and customer (0: none), the ratings given
// that day by stars, and the rateable tickets (public, created by a code user) resolved
// that day and how many of them are rated. A rated ticket counts under what its rating
// recorded, an unrated one under what the ticket holds now. rating_day_totals (per day)
// and rating_day_dims (per day and one dimension) are its roll-ups for unfiltered
// queries. Triggers on tickets and ratings keep all three up to date inside the writing
// statement's transaction, whoever writes (API, demo seed, generator, a test); the local
// day of an instant comes from stats_zone_offsets, which the server fills for its time
// zone at start-up (statsdays.h), rebuilding the aggregates when the zone changed.
QStringList ratingStatsMigration();

} // namespace server::sqlite
