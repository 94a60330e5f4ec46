#pragma once

#include "ratingstore.h"

#include <QJsonObject>
#include <QUrlQuery>
#include <array>
#include <functional>
#include <optional>
#include <variant>

namespace server::sqlite {

// A dimension of the statistics: filter, breakdown and column. The order is that of
// PeriodTally::byDimension and StatsQuery::filters.
struct StatsDimension {
    QString param;     // the filter parameter
    QString column;    // in ratings and rating_days (null there: 0)
    int code;          // rating_day_dims.dim
    QString table;     // where the names are
    QString breakdown; // the key in "breakdown"
};
const std::array<StatsDimension, 5> &statsDimensions();

struct SqliteRatingStore::StatsQuery {
    qint64 from = 0; // [from, to), milliseconds since the epoch
    qint64 to = 0;
    qint64 previousFrom = 0; // the period of the same length before: [previousFrom, from)
    QString groupBy;
    std::array<QList<qint64>, 5> filters; // ids per dimension; empty: no filter
    int limit = 50;
    std::optional<std::pair<qint64, qint64>> cursor; // low ratings before (createdAt, id)

    bool filtered() const;
    // " AND col IN (...)" per filter, `column(dimension index)` naming the column.
    QString filterSql(const std::function<QString(int)> &column) const;
};

// The parameters of GET /stats/ratings, or the 400 answer {"error": {...}}.
std::variant<SqliteRatingStore::StatsQuery, QJsonObject>
parseStatsQuery(const QUrlQuery &query, const LocalDays &days, qint64 now);

} // namespace server::sqlite
