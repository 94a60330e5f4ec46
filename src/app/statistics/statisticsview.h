#pragma once

#include "statistics/statisticscharts.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QPainter;
class QPdfWriter;
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

// What code users think of the service: the period picker and filters, the headline
// figures against the previous period, the histogram of stars, the trend of the average,
// the figures per staff member (flow, fleet, template, customer) and the low ratings with
// their comments. Exports CSV, each chart as PNG and the whole as PDF. The charts are
// statistics::StatisticsCharts (the only QtCharts user); everything else is plain widgets
// fed by the models of src/models. Layout and choices persist in the settings.
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

Q_SIGNALS:
    // A low rating was double-clicked (or activated): open its ticket.
    void openTicketRequested(qint64 ticketId);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Figure {
        QLabel *value = nullptr;
        QLabel *change = nullptr;
    };
    enum FigureKind { AverageFigure, SatisfiedFigure, ResponseFigure, CountFigure, FigureCount };

    void setUpFigures();
    void setUpExportMenu();
    void fillFilters();
    void fillCombo(QComboBox *combo, const QString &all,
                   const QList<QPair<qint64, QString>> &items);
    void restoreState();
    void onPeriodChanged();
    void scheduleRefresh();
    QString newRatingsText() const;
    models::RatingStatsQuery currentQuery() const;
    QString filterDescription() const;
    QString periodText(qint64 from, qint64 to) const;
    void onLoaded(const models::RatingStats &stats);
    void onError(const client::ApiError &error);
    void showFigures(const models::RatingStats &stats);
    void setChange(FigureKind kind, std::optional<double> now, std::optional<double> before,
                   bool percentPoints, int decimals);
    void updateBreakdownChart();
    void syncSortCombo();
    QString askSaveFileName(const QString &title, const QString &suggested, const QString &filter);
    QString suggestedFileName(const QString &what, const QString &suffix) const;
    // The PDF's pages: the figures and charts, then the breakdown and the low ratings.
    void paintReport(QPainter &painter, QPdfWriter &pdf);

    std::unique_ptr<Ui::StatisticsView> m_ui;
    client::ApiClient *m_api;
    models::Directory *m_directory;
    QSettings *m_settings;
    std::unique_ptr<models::RatingStatsSource> m_source;
    std::unique_ptr<models::BreakdownModel> m_breakdown;
    std::unique_ptr<models::LowRatingsModel> m_lowRatings;
    statistics::StatisticsCharts *m_charts = nullptr;
    QTimer *m_refreshTimer = nullptr;
    std::array<Figure, FigureCount> m_figures;
    QList<QLabel *> m_figureCaptions;
    bool m_restoring = false;
    int m_newRatings = 0; // ratings that arrived since the figures shown were loaded
    bool m_shown = false;
    QString m_lastDirectory;
};
