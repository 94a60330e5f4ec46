#pragma once

#include "store/store.h"

namespace server::sqlite {

class Connection;

class SqliteRatingStore final : public RatingStore
{
public:
    explicit SqliteRatingStore(Connection &connection)
        : m_c(connection)
    {}
    RatingOutcome addRating(qint64 ticketId, int stars, const QString &comment,
                            const Caller &caller, qint64 now, core::Rating *created) override;
    // Invalid parameters give {"error": {code, message, field}}: the caller answers 400.
    QJsonObject ratingStats(const QUrlQuery &query) override;

private:
    struct StatsQuery;
    struct RatingRow;
    QList<RatingRow> ratingRows(const StatsQuery &query, qint64 from, qint64 to);
    // {resolved, rated}: rateable tickets resolved in [from, to) and how many were rated.
    std::pair<qint64, qint64> resolvedTickets(const StatsQuery &query, qint64 from, qint64 to);
    QHash<qint64, QString> names(const QString &table);

    Connection &m_c;
};

} // namespace server::sqlite
