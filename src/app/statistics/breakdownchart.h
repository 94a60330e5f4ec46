#pragma once

#include "statistics/chartstyle.h"
#include "statistics/statisticscharts.h"

#include <QList>
#include <QStringList>

namespace statistics {

// The breakdown's horizontal bars (per staff member, category, fleet, ...), first row on
// top. Shows as many bars as the chart's height gives readable names (QtCharts replaces a
// name that does not fit its row's height by "..."); names too long for the axis are
// elided in the middle, the full name is in the bar's tooltip. An average or share from
// fewer than five ratings gets a light bar and "(n = 4)" after the name.
class BreakdownChart final
{
public:
    BreakdownChart(QChart *chart, QChartView *view);

    void setData(const QString &dimension, Measure measure,
                 const QList<StatisticsCharts::Bar> &bars, int more);
    void draw(const ChartColors &colors, const QFont &font);
    // After the view's size changed: true if the chart must be drawn again (more or fewer
    // bars fit, or names get more or less room).
    bool needsRedraw(const QFont &font) const;
    // The labels of the bars drawn, top to bottom, before any shortening.
    QStringList categories() const { return m_labels; }

private:
    struct Fit {
        int bars = 0;
        int labelWidth = 0;
        bool operator==(const Fit &) const = default;
    };
    Fit fit(const QFont &font) const;

    QChart *m_chart;
    QChartView *m_view;
    QString m_dimension;
    Measure m_measure = Measure::Average;
    QList<StatisticsCharts::Bar> m_bars;
    int m_more = 0;
    Fit m_drawnFit;
    QStringList m_labels;
};

} // namespace statistics
