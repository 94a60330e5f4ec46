#pragma once

#include "store/store.h"

namespace server::sqlite {

class Connection;

class SqliteRatingStore final : public RatingStore {
public:
    explicit SqliteRatingStore(Connection &connection)
        : m_c(connection) {}
    RatingOutcome addRating(qint64 ticketId, int stars, const QString &comment,
                            const Caller &caller, qint64 now, core::Rating *created) override;
    QJsonObject ratingStats(const QUrlQuery &query) override;

private:
    Connection &m_c;
};

} // namespace server::sqlite
