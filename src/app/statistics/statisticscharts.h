#pragma once

#include "models/ratingstats.h"

#include <QList>
#include <QObject>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <array>
#include <memory>

class QPainter;
class QPixmap;
class QRectF;
class QWidget;

namespace statistics {

enum class Chart { Stars, Trend, Breakdown };
inline constexpr int ChartCount = 3;

// What the breakdown chart's bars measure (the column the breakdown is sorted by).
enum class Measure { Average, Count, SatisfiedShare };

// The values a chart's series hold, read back from the series themselves (for tests and
// for nothing else): one entry per series or bar set, x the category index or bucket.
struct SeriesValues {
    QString name;
    QList<QPointF> points;
};

// The three charts of the statistics view: the histogram of stars, the trend of the
// average (the previous period faint behind it) and the bars per staff member (category,
// fleet, ...; statistics::BreakdownChart). QtCharts is deprecated from Qt 6.10 on: its
// types stay inside the .cpp files of these charts, which the StatisticsView alone uses;
// everything goes in and out as plain values.
class StatisticsCharts final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatisticsCharts)

public:
    // The chart views are created as children of `parent` (to be put into layouts).
    explicit StatisticsCharts(QWidget *parent);
    ~StatisticsCharts() override;

    QWidget *view(Chart chart) const;

    void setDistribution(const std::array<int, 5> &distribution);
    // `previous` is drawn bucket by bucket behind `current` (the same number of buckets).
    void setTrend(const QList<models::SeriesPoint> &current,
                  const QList<models::SeriesPoint> &previous, models::GroupBy groupBy);
    // Bars top to bottom; `more` rows beyond them are only counted in the title.
    struct Bar {
        QString name;
        double value = 0;
        int count = 0;
        bool few = false; // an average or share from too few ratings to go by
    };
    void setBreakdown(const QString &dimension, Measure measure, const QList<Bar> &bars, int more);
    // Colours and fonts from the widget's palette (after a theme change).
    void applyPalette();

    QPixmap grab(Chart chart) const;
    // Draws the chart into `target` (for printing: vector, not pixels).
    void render(Chart chart, QPainter *painter, const QRectF &target) const;

    QList<SeriesValues> seriesValues(Chart chart) const;
    QStringList categories(Chart chart) const;
    // The category labels as drawn, after QtCharts shortened them to their room (tests).
    QStringList labelsShown(Chart chart) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace statistics
