#include "statistics/breakdownchart.h"

#include "widgets/widgetstyle.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QLegend>
#include <QtCharts/QValueAxis>

#include <QCursor>
#include <QFontMetrics>
#include <QLocale>
#include <QToolTip>
#include <cmath>

using namespace Qt::StringLiterals;

namespace statistics {

namespace {

// QtCharts draws a label as a text item (4 px document margin on each side) with a
// padding above and below; a name whose row is lower than that becomes "...".
constexpr int LabelChrome = 2 * 4 + 2 * 4 + 1;
// QtCharts gives the axes on the left at most 40 % of the chart's width.
constexpr double AxisShare = 0.4;

} // namespace

BreakdownChart::BreakdownChart(QChart *chart, QChartView *view)
    : m_chart(chart)
    , m_view(view)
{}

void BreakdownChart::setData(const QString &dimension, Measure measure,
                             const QList<StatisticsCharts::Bar> &bars, int more)
{
    m_dimension = dimension;
    m_measure = measure;
    m_bars = bars;
    m_more = more;
}

BreakdownChart::Fit BreakdownChart::fit(const QFont &font) const
{
    const QFontMetrics metrics(font);
    const int row = metrics.height() + LabelChrome;
    // QtCharts gives each label the height of the chart (less its margins) divided by the
    // number of category borders, one more than bars.
    const int height = m_view->height() - 8;
    Fit f;
    f.bars = std::clamp(height / row - 1, 1, std::max(1, int(m_bars.size())));
    f.labelWidth = std::max(metrics.horizontalAdvance(u"MMMM…"_s),
                            int(m_view->width() * AxisShare) - 2 * 4 - 2 * 5 - 8);
    return f;
}

bool BreakdownChart::needsRedraw(const QFont &font) const
{
    return fit(font) != m_drawnFit;
}

void BreakdownChart::draw(const ChartColors &colors, const QFont &font)
{
    m_drawnFit = fit(font);
    const QList<StatisticsCharts::Bar> bars = m_bars.mid(0, m_drawnFit.bars);
    const int more = m_more + int(m_bars.size() - bars.size());
    QString measureName;
    switch (m_measure) {
    case Measure::Average:
        measureName = StatisticsCharts::tr("Average stars");
        break;
    case Measure::Count:
        measureName = StatisticsCharts::tr("Ratings");
        break;
    case Measure::SatisfiedShare:
        measureName = StatisticsCharts::tr("Satisfied (%)");
        break;
    }
    QString title = StatisticsCharts::tr("%1 · %2").arg(measureName, m_dimension);
    if (more > 0)
        title = StatisticsCharts::tr("%1 (the first %2 of %3)")
                    .arg(title)
                    .arg(bars.size())
                    .arg(bars.size() + more);
    resetChart(m_chart, m_view, colors, font, title);

    // A horizontal bar chart fills from the bottom: reversed, the first row is on top.
    auto *set = new QBarSet(measureName);
    const QFontMetrics metrics(font);
    QStringList names;
    m_labels.clear();
    double highest = 0;
    for (auto it = bars.crbegin(); it != bars.crend(); ++it) {
        const double v = m_measure == Measure::SatisfiedShare ? it->value * 100.0 : it->value;
        set->append(v);
        highest = std::max(highest, v);
        const QString count =
            it->few ? StatisticsCharts::tr(" (n = %1)").arg(QLocale().toString(it->count))
                    : QString();
        m_labels.prepend(it->name + count);
        // The start and the end of a name tell most ("Sophie W…ner"), and the count stays.
        QString name =
            metrics.elidedText(it->name, Qt::ElideMiddle,
                               m_drawnFit.labelWidth - metrics.horizontalAdvance(count)) +
            count;
        // The same name twice would merge two bars into one category.
        while (names.contains(name))
            name += u' ';
        names.append(name);
    }
    set->setColor(colors.accent);
    set->setBorderColor(colors.accent);
    set->setLabelColor(colors.text);
    // Too few ratings to go by: a light bar (a selected bar has its own colour).
    const QColor light = widgets::mixColors(colors.accent, colors.background, 0.4);
    set->setSelectedColor(light);
    for (qsizetype i = 0; i < bars.size(); ++i) {
        if (bars.at(bars.size() - 1 - i).few)
            set->selectBar(int(i));
    }
    const QList<StatisticsCharts::Bar> shown = bars;
    QObject::connect(set, &QBarSet::hovered, m_chart, [shown](bool on, int index) {
        const qsizetype i = shown.size() - 1 - index;
        if (!on || i < 0 || i >= shown.size()) {
            QToolTip::hideText();
            return;
        }
        QToolTip::showText(QCursor::pos(),
                           StatisticsCharts::tr("%1: %n rating(s)", nullptr, shown.at(i).count)
                               .arg(shown.at(i).name));
    });
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.7);
    // Counts on the bars; averages and shares would lose their trailing zeros there ("4"
    // for 4.00): the axis, the tooltip and the table beside the chart give them.
    series->setLabelsVisible(m_measure == Measure::Count);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    m_chart->addSeries(series);

    auto *y = new QBarCategoryAxis;
    y->append(names);
    styleAxis(y, colors, font);
    y->setGridLineVisible(false);
    m_chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    auto *x = new QValueAxis;
    if (m_measure == Measure::Average) {
        x->setRange(0, 5);
        x->setTickCount(6);
        x->setLabelFormat(u"%.0f"_s);
    } else if (m_measure == Measure::SatisfiedShare) {
        x->setRange(0, 100);
        x->setTickCount(6);
        x->setLabelFormat(u"%.0f"_s);
    } else {
        // Room for the labels outside the longest bar.
        x->setRange(0, std::max(4.0, std::ceil(highest * 1.15)));
        x->setLabelFormat(u"%.0f"_s);
        x->applyNiceNumbers();
    }
    styleAxis(x, colors, font);
    m_chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    m_chart->legend()->setVisible(false);
}

} // namespace statistics
