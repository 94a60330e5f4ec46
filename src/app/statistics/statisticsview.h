#pragma once

#include "statistics/statisticscharts.h"

#include <QWidget>
#include <memory>

class QSettings;
class QTimer;
namespace Ui {
class StatisticsView;
}
namespace client {
class ApiClient;
struct ApiError;
} // namespace client
namespace models {
class BreakdownModel;
class Directory;
class LowRatingsModel;
class RatingStatsSource;
struct RatingStats;
struct RatingStatsQuery;
} // namespace models
namespace statistics {
class StatisticsBreakdown;
class StatisticsExport;
class StatisticsFigures;
class StatisticsFilters;
class StatisticsPeriod;
} // namespace statistics

// What code users think of the service: the period picker and filters, the headline
// figures against the previous period, the histogram of stars, the trend of the average,
// the figures per staff member (category, fleet, template, customer) and the low ratings with
// their comments. The parts are classes of their own in namespace statistics (charts,
// figures, period, filters, breakdown, exports, PDF report); this class wires them to the
// models of src/models and the form. Layout and choices persist in the settings. Esc and Ctrl+W
// close the window.
class StatisticsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatisticsView)

public:
    // `settings` keeps the layout under "statistics/"; the directory fills the filters.
    StatisticsView(client::ApiClient *api, models::Directory *directory, QSettings *settings,
                   QWidget *parent = nullptr);
    ~StatisticsView() override;

    // Loads the statistics for the period and filters chosen.
    void refresh();
    // A rating arrived on the event stream. The view does not reload under the reader's
    // eyes (tables would jump): it says how many are new; F5 or Refresh takes them in.
    void noteNewRating();
    int newRatings() const { return m_newRatings; }
    models::RatingStatsSource *source() const { return m_source.get(); }
    models::BreakdownModel *breakdownModel() const { return m_breakdown.get(); }
    models::LowRatingsModel *lowRatingsModel() const { return m_lowRatings.get(); }
    bool isShowingEmptyState() const;
    void saveState() const;

    // The exports behind the Export menu; false (and a message in the bar) on failure.
    bool exportCsv(const QString &fileName);
    bool saveChartImage(statistics::Chart chart, const QString &fileName);
    bool printPdf(const QString &fileName);

    // Test accessors: the values the charts' series hold, read from the series.
    QList<statistics::SeriesValues> chartSeries(statistics::Chart chart) const;
    QStringList chartCategories(statistics::Chart chart) const;
    // The category labels as the chart draws them (shortened to the room they have).
    QStringList chartLabelsShown(statistics::Chart chart) const;

Q_SIGNALS:
    // A low rating was double-clicked (or activated): open its ticket.
    void openTicketRequested(qint64 ticketId);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void setUpLowRatingsTable();
    void setUpShortcuts();
    void onPeriodChanged();
    void scheduleRefresh();
    QString newRatingsText() const;
    models::RatingStatsQuery currentQuery() const;
    void onLoaded(const models::RatingStats &stats);
    void onError(const client::ApiError &error);
    void restoreState();
    QString askSaveFileName(const QString &title, const QString &suggested, const QString &filter);

    std::unique_ptr<Ui::StatisticsView> m_ui;
    client::ApiClient *m_api;
    models::Directory *m_directory;
    QSettings *m_settings;
    std::unique_ptr<models::RatingStatsSource> m_source;
    std::unique_ptr<models::BreakdownModel> m_breakdown;
    std::unique_ptr<models::LowRatingsModel> m_lowRatings;
    statistics::StatisticsCharts *m_charts = nullptr;
    statistics::StatisticsBreakdown *m_breakdownSection = nullptr;
    std::unique_ptr<statistics::StatisticsFigures> m_figures;
    std::unique_ptr<statistics::StatisticsPeriod> m_period;
    std::unique_ptr<statistics::StatisticsFilters> m_filters;
    std::unique_ptr<statistics::StatisticsExport> m_export;
    QTimer *m_refreshTimer = nullptr;
    bool m_restoring = false;
    int m_newRatings = 0; // ratings that arrived since the figures shown were loaded
    bool m_shown = false;
    QString m_lastDirectory;
};
