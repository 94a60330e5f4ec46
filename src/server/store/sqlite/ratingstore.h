#pragma once

#include "statsdays.h"
#include "store/store.h"

#include <map>

namespace server::sqlite {

class Connection;

// Ratings and their statistics. The statistics read the pre-aggregated days of
// statsschema.h for the whole local days of a period and the raw rows for the partial
// days at its ends (ratingstats.cpp).
class SqliteRatingStore final : public RatingStore
{
public:
    explicit SqliteRatingStore(Connection &connection)
        : m_c(connection)
    {}
    RatingOutcome addRating(qint64 ticketId, int stars, const QString &comment,
                            const Caller &caller, qint64 now, core::Rating *created) override;
    std::variant<QJsonObject, core::ApiProblem> ratingStats(const core::RatingStatsQuery &query,
                                                            qint64 now) override;

    // The zone of the statistics' days (prepareRatingStats() must have run for it).
    void setLocalDays(const LocalDays &days) { m_days = days; }
    const LocalDays &localDays() const { return m_days; }

    struct StatsQuery;
    // Stars by count (1 star first), and rateable resolved tickets and how many are rated.
    struct Tally {
        std::array<qint64, 5> stars{};
        qint64 resolved = 0;
        qint64 rated = 0;
        // Rateable tickets with a first reply (resolution) in the period that had a
        // target, and how many of them met it (intimestats.h).
        qint64 firstReplies = 0;
        qint64 firstRepliesInTime = 0;
        qint64 resolvedWithTarget = 0;
        qint64 resolvedInTime = 0;
        qint64 count() const;
        bool isEmpty() const
        {
            return count() == 0 && firstReplies == 0 && resolvedWithTarget == 0;
        }
        qint64 sum() const;
        void add(const Tally &other);
    };
    // The tallies of one period: in total, per local day and per dimension value.
    struct PeriodTally {
        Tally total;
        std::map<qint64, Tally> byDay;
        std::array<std::map<qint64, Tally>, 5> byDimension; // see Dimensions in ratingstats.cpp
    };

private:
    // `detailed`: per day and dimension too, else only the total.
    PeriodTally tally(const StatsQuery &query, qint64 from, qint64 to, bool detailed);
    void tallyDays(const StatsQuery &query, qint64 firstDay, qint64 endDay, bool detailed,
                   PeriodTally *out);
    void tallyRaw(const StatsQuery &query, qint64 from, qint64 to, bool detailed, PeriodTally *out);
    QJsonObject lowRatings(const StatsQuery &query, QHash<qint64, QString> *staffNames);
    QHash<qint64, QString> names(const QString &table, const QList<qint64> &ids);

    Connection &m_c;
    LocalDays m_days;
};

} // namespace server::sqlite
