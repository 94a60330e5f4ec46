#pragma once

#include "core/ratingstatsquery.h"
#include "ratingstore.h"

#include <QString>
#include <array>
#include <functional>
#include <optional>

namespace server::sqlite {

// A dimension of the statistics in SQL: filter, breakdown and column. The order is that
// of core::RatingStatsQuery::Dimension, PeriodTally::byDimension and StatsQuery::filters.
struct StatsDimension {
    QString column;    // in ratings and rating_days (null there: 0)
    int code;          // rating_day_dims.dim
    QString table;     // where the names are
    QString breakdown; // the key in "breakdown"
};
const std::array<StatsDimension, core::RatingStatsQuery::DimensionCount> &statsDimensions();

// The parsed query (core/ratingstatsquery.h) with its period in the statistics' zone, and
// the SQL its filters make.
struct SqliteRatingStore::StatsQuery {
    StatsQuery(const core::RatingStatsQuery &query, const core::RatingStatsPeriod &period);

    qint64 from = 0; // [from, to), milliseconds since the epoch
    qint64 to = 0;
    qint64 previousFrom = 0; // the period of the same length before: [previousFrom, from)
    core::RatingStatsQuery::GroupBy groupBy = core::RatingStatsQuery::GroupBy::Day;
    std::array<QList<qint64>, core::RatingStatsQuery::DimensionCount> filters; // empty: all
    int limit = core::RatingStatsQuery::DefaultLimit;
    std::optional<std::pair<qint64, qint64>> cursor; // low ratings before (createdAt, id)

    bool filtered() const;
    // " AND col IN (...)" per filter, `column(dimension index)` naming the column.
    QString filterSql(const std::function<QString(int)> &column) const;
};

} // namespace server::sqlite
