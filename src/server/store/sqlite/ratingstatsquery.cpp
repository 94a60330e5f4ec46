#include "ratingstatsquery.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace server::sqlite {

const std::array<StatsDimension, core::RatingStatsQuery::DimensionCount> &statsDimensions()
{
    static const std::array<StatsDimension, core::RatingStatsQuery::DimensionCount> all{{
        {u"assignee_id"_s, 1, u"staff"_s, u"staff"_s},
        {u"fleet_id"_s, 2, u"fleets"_s, u"fleet"_s},
        {u"flow_id"_s, 3, u"flows"_s, u"flow"_s},
        {u"template_id"_s, 4, u"templates"_s, u"template"_s},
        {u"customer_id"_s, 5, u"customers"_s, u"customer"_s},
    }};
    return all;
}

SqliteRatingStore::StatsQuery::StatsQuery(const core::RatingStatsQuery &query,
                                          const core::RatingStatsPeriod &period)
    : from(period.from)
    , to(period.to)
    , previousFrom(period.previousFrom)
    , groupBy(query.groupBy)
    , filters(query.filters)
    , limit(query.limit)
{
    if (query.cursor)
        cursor = std::pair{query.cursor->createdAt, query.cursor->id};
}

bool SqliteRatingStore::StatsQuery::filtered() const
{
    return std::any_of(filters.cbegin(), filters.cend(),
                       [](const QList<qint64> &ids) { return !ids.isEmpty(); });
}

QString SqliteRatingStore::StatsQuery::filterSql(const std::function<QString(int)> &column) const
{
    // The ids are parsed integers: written into the text, they need no binding.
    QString sql;
    for (int d = 0; d < int(filters.size()); ++d) {
        if (filters[d].isEmpty())
            continue;
        QStringList ids;
        for (qint64 id : filters[d])
            ids.append(QString::number(id));
        sql += u" AND "_s + column(d) + u" IN ("_s + ids.join(u',') + u')';
    }
    return sql;
}

} // namespace server::sqlite
