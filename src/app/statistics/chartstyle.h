#pragma once
// Helpers of the statistics charts, with QtCharts types: included only by the charts' own
// .cpp files (statisticscharts.cpp, breakdownchart.cpp), never by other widgets.

#include <QColor>
#include <QFont>
#include <QString>

class QPalette;
QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QChart;
class QChartView;
QT_END_NAMESPACE

namespace statistics {

// Colours of the low (1–2), neutral (3) and satisfied (4–5) ratings, and of the lines and
// bars: fixed hues that read on light and dark backgrounds alike.
struct ChartColors {
    QColor low, neutral, satisfied, accent, text, muted, grid, background;
};

ChartColors colorsFor(const QPalette &palette);
// Empties `chart` (series and axes) and gives it `title` and the colours and font.
void resetChart(QChart *chart, QChartView *view, const ChartColors &colors, const QFont &font,
                const QString &title);
void styleAxis(QAbstractAxis *axis, const ChartColors &colors, const QFont &font);

} // namespace statistics
