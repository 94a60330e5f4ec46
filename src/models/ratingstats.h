#pragma once

#include "client/apijob.h"
#include "client/apiresult.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrlQuery>
#include <array>
#include <optional>

namespace client {
class ApiClient;
} // namespace client

// The answer of GET /stats/ratings as plain structs (no QtCharts: the charts live in one
// widget of the app, fed from these), the query that asks for it, and the object that
// fetches it.
namespace models {

// The response clocks' shares of a period, bucket or group: first replies and resolutions
// of tickets that had a target, and the share that met it (absent without any).
struct InTimeFigures {
    int firstReplyCount = 0;
    std::optional<double> firstReplyInTimeShare;
    int resolvedWithTargetCount = 0;
    std::optional<double> resolvedInTimeShare;
    friend bool operator==(const InTimeFigures &, const InTimeFigures &) = default;
};

// The figures of one period. Averages and shares are absent without ratings (resolved
// tickets for the response rate), which is not the same as 0.
struct PeriodFigures {
    int count = 0;
    std::optional<double> average;        // stars, 1..5
    std::array<int, 5> distribution{};    // ratings with 1, 2, 3, 4, 5 stars
    std::optional<double> satisfiedShare; // 4 and 5 stars / all, 0..1
    int resolvedCount = 0;                // tickets resolved or closed in the period
    std::optional<double> responseRate;   // rated / resolved, 0..1
    InTimeFigures inTime;
};

struct Summary : PeriodFigures {
    PeriodFigures previous; // the period of the same length just before
};

struct SeriesPoint {
    QDate bucket; // first day of the bucket (Europe/Berlin)
    int count = 0;
    std::optional<double> average;
    InTimeFigures inTime;
};

// One fleet, flow, staff member, template or customer. id 0 groups the ratings without
// one (unassigned, no customer); its name is empty.
struct BreakdownRow {
    qint64 id = 0;
    QString name;
    int count = 0;
    std::optional<double> average;
    std::optional<double> satisfiedShare;
    InTimeFigures inTime;
};

struct LowRating {
    qint64 ticketId = 0;
    QString number; // "T-000042"
    QString title;
    int stars = 0;
    QString comment;
    qint64 assigneeId = 0; // the staff member credited; 0: none
    QString assigneeName;  // their name as the server gave it (may be empty)
    qint64 createdAt = 0;  // msecs UTC
};

enum class GroupBy { Day, Week, Month };
enum class Dimension { Staff, Flow, Fleet, Template, Customer };
inline constexpr int DimensionCount = 5;
// The answer's key ("staff", ...) and the query's filter parameter ("assignee", ...).
QString dimensionKey(Dimension dimension);
QString dimensionFilterParameter(Dimension dimension);
// Translated: "Staff member", "Category", "Fleet", "Device type", "Customer".
QString dimensionLabel(Dimension dimension);
// What a row with id 0 stands for: "Unassigned", "No customer", ...
QString dimensionNoneLabel(Dimension dimension);
QString groupByKey(GroupBy groupBy);
// In the user's locale: "4.03" stars, "76.3%"; an en dash without a value.
QString averageText(std::optional<double> average);
QString shareText(std::optional<double> share);

struct RatingStats {
    qint64 from = 0; // msecs UTC, inclusive
    qint64 to = 0;   // exclusive
    // The period summary.previous covers (0 when the server does not say).
    qint64 previousFrom = 0;
    qint64 previousTo = 0;
    GroupBy groupBy = GroupBy::Day;
    QString timeZone;
    Summary summary;
    QList<SeriesPoint> series;
    // The same period length just before, for the faint line behind the trend (filled by
    // RatingStatsSource with a second request; empty when not asked for).
    QList<SeriesPoint> previousSeries;
    std::array<QList<BreakdownRow>, DimensionCount> breakdown;
    QList<LowRating> lowRatings; // the first page, newest first
    QString nextCursor;          // empty: no more low ratings

    bool isEmpty() const
    {
        return summary.count == 0 && summary.inTime.firstReplyCount == 0 &&
               summary.inTime.resolvedWithTargetCount == 0;
    }
    const QList<BreakdownRow> &breakdownFor(Dimension d) const { return breakdown[size_t(d)]; }
};

// Reads the JSON answer; *ok is false (and the result empty) when the shape is wrong.
RatingStats parseRatingStats(const QJsonObject &json, bool *ok = nullptr);
QList<SeriesPoint> parseSeries(const QJsonArray &series);
LowRating parseLowRating(const QJsonObject &json);

// What to ask for: the period (dates in the server's time zone, `to` exclusive), the
// bucket size and the filters (empty: all).
struct RatingStatsQuery {
    enum class Preset { Last7Days, Last30Days, Last90Days, Last12Months, Custom };

    QDate from;
    QDate to; // exclusive
    GroupBy groupBy = GroupBy::Day;
    std::array<QList<qint64>, DimensionCount> filters;
    int limit = 50; // page size of the low ratings
    QString cursor;

    // The period of a preset ending with `today` (included). Custom: from..to inclusive.
    static RatingStatsQuery forPreset(Preset preset, QDate today, QDate customFrom = {},
                                      QDate customTo = {});
    // Days up to two months by day, up to half a year by week, longer by month.
    static GroupBy groupByFor(QDate from, QDate to);
    void setFilter(Dimension dimension, qint64 id); // 0: no filter
    QUrlQuery toUrlQuery() const;
    // The period of the same length just before this one (for the previous trend line).
    RatingStatsQuery previousPeriod() const;

    friend bool operator==(const RatingStatsQuery &, const RatingStatsQuery &) = default;
};

// Fetches the statistics (and the previous period's trend) through the API. A new load()
// drops the answer of one still running.
class RatingStatsSource final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RatingStatsSource)

public:
    explicit RatingStatsSource(client::ApiClient *api, QObject *parent = nullptr);
    ~RatingStatsSource() override;

    void load(const RatingStatsQuery &query);
    void reload() { load(m_query); }
    const RatingStatsQuery &query() const { return m_query; }
    const RatingStats &stats() const { return m_stats; }
    bool isLoading() const { return m_job != nullptr || m_previousJob != nullptr; }
    client::ApiClient *api() const { return m_api; }

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loaded(const models::RatingStats &stats);
    void errorOccurred(const client::ApiError &error);

private:
    // Drops the requests running (abort: stop them, too).
    void cancel(bool abort = true);
    void finishIfComplete();

    client::ApiClient *m_api;
    RatingStatsQuery m_query;
    RatingStats m_stats;
    RatingStats m_pending;
    QList<SeriesPoint> m_pendingPrevious;
    bool m_haveCurrent = false;
    bool m_havePrevious = false;
    QPointer<client::ApiJob> m_job;
    QPointer<client::ApiJob> m_previousJob;
};

} // namespace models

Q_DECLARE_METATYPE(models::RatingStats)
