#pragma once

#include "statistics/statisticscharts.h"
#include "statistics/statisticsreport.h"

#include <QCoreApplication>
#include <functional>

class MessageBanner;
class QMenu;
class QWidget;
namespace models {
class BreakdownModel;
class Directory;
class LowRatingsModel;
class RatingStatsSource;
} // namespace models

namespace statistics {

class StatisticsFigures;
class StatisticsFilters;

// The statistics view's exports: the Export menu (and each chart's context menu), the CSV
// of what the view shows, each chart as PNG and the whole as PDF (laid out by
// StatisticsReport). Success and failure are told in the view's message banner.
class StatisticsExport final
{
    Q_DECLARE_TR_FUNCTIONS(StatisticsView)

public:
    // What the exports read, and from the view what only it knows.
    struct Sources {
        QWidget *view = nullptr;
        const models::RatingStatsSource *source = nullptr;
        const models::BreakdownModel *breakdown = nullptr;
        const models::LowRatingsModel *lowRatings = nullptr;
        const models::Directory *directory = nullptr;
        const StatisticsCharts *charts = nullptr;
        const StatisticsFigures *figures = nullptr;
        const StatisticsFilters *filters = nullptr;
        MessageBanner *banner = nullptr;
        // What the view says instead of the charts when the period has no ratings.
        std::function<QString()> emptyText;
    };
    // Asks for the name of a file to save (title, suggested name, filter); empty: cancelled.
    using AskFileName = std::function<QString(const QString &, const QString &, const QString &)>;

    explicit StatisticsExport(Sources sources);

    // Fills `menu` with the exports, each asking for its file with `ask`.
    void setUpMenu(QMenu *menu, const AskFileName &ask);

    bool exportCsv(const QString &fileName);
    bool saveChartImage(Chart chart, const QString &fileName);
    bool printPdf(const QString &fileName);

private:
    QString suggestedFileName(const QString &what, const QString &suffix) const;
    void reportSaved(const QString &fileName);
    StatisticsReport::Content reportContent() const;

    Sources m_sources;
};

} // namespace statistics
