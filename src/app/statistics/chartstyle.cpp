#include "statistics/chartstyle.h"

#include "widgets/widgetstyle.h"

#include <QtCharts/QAbstractAxis>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>

#include <QLocale>

namespace statistics {

ChartColors colorsFor(const QPalette &palette)
{
    const bool dark = widgets::isDarkPalette(palette);
    ChartColors c;
    c.low = dark ? QColor(0xef, 0x7a, 0x72) : QColor(0xd0, 0x4a, 0x3f);
    c.neutral = dark ? QColor(0xf2, 0xc0, 0x5c) : QColor(0xe0, 0xa1, 0x1b);
    c.satisfied = dark ? QColor(0x7c, 0xc6, 0x84) : QColor(0x3f, 0x9a, 0x4c);
    c.accent = dark ? QColor(0x6a, 0xa6, 0xe8) : QColor(0x2f, 0x6d, 0xb5);
    c.background = palette.color(QPalette::Base);
    c.text = palette.color(QPalette::Text);
    c.muted = widgets::mixColors(c.text, c.background, 0.45);
    c.grid = widgets::mixColors(c.text, c.background, 0.85);
    return c;
}

void resetChart(QChart *chart, QChartView *view, const ChartColors &colors, const QFont &font,
                const QString &title)
{
    chart->removeAllSeries();
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
    chart->setTitle(title);
    chart->setTitleBrush(colors.text);
    QFont titleFont = font;
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->setBackgroundBrush(colors.background);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setBackgroundRoundness(0);
    chart->setPlotAreaBackgroundVisible(false);
    chart->legend()->setLabelColor(colors.text);
    chart->legend()->setFont(font);
    chart->setLocalizeNumbers(true);
    chart->setLocale(QLocale());
    view->setBackgroundBrush(colors.background);
}

void styleAxis(QAbstractAxis *axis, const ChartColors &colors, const QFont &font)
{
    axis->setLabelsColor(colors.text);
    axis->setLabelsFont(font);
    axis->setLinePenColor(colors.muted);
    axis->setGridLineColor(colors.grid);
    axis->setShadesVisible(false);
}

} // namespace statistics
