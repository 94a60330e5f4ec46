// The only file of the application with QtCharts types (deprecated from Qt 6.10 on):
// replacing the charts library means replacing this file.
#include "statistics/statisticscharts.h"

#include "widgets/widgetstyle.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QLegend>
#include <QtCharts/QLineSeries>
#include <QtCharts/QStackedBarSeries>
#include <QtCharts/QValueAxis>

#include <QCoreApplication>
#include <QCursor>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QToolTip>
#include <cmath>

using namespace Qt::StringLiterals;

namespace statistics {

namespace {

// Colours of the low (1–2), neutral (3) and satisfied (4–5) ratings, and of the lines and
// bars: fixed hues that read on light and dark backgrounds alike.
struct ChartColors {
    QColor low, neutral, satisfied, accent, text, muted, grid, background;
};

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

QString dayLabel(QDate date, models::GroupBy groupBy, bool withYear = true)
{
    if (groupBy == models::GroupBy::Month) {
        if (!withYear)
            //: Month on the trend axis (QLocale date format), the year shown elsewhere
            return QLocale().toString(date, StatisticsCharts::tr("MMM"));
        //: Month on the trend axis (QLocale date format)
        return QLocale().toString(date, StatisticsCharts::tr("MMM yyyy"));
    }
    //: Day on the trend axis (QLocale date format)
    return QLocale().toString(date, StatisticsCharts::tr("d MMM"));
}

} // namespace

struct StatisticsCharts::Private {
    QWidget *parent = nullptr;
    std::array<QChartView *, ChartCount> views{};
    std::array<QChart *, ChartCount> charts{};
    ChartColors colors;

    // The last data, to draw again after a palette change.
    std::array<int, 5> distribution{};
    QList<models::SeriesPoint> trend;
    QList<models::SeriesPoint> previousTrend;
    models::GroupBy groupBy = models::GroupBy::Day;
    QString dimension;
    Measure measure = Measure::Average;
    QList<Bar> bars;
    int more = 0;

    QChart *chart(Chart c) const { return charts[size_t(c)]; }
    void reset(Chart c, const QString &title);
    void styleAxis(QAbstractAxis *axis) const;
    void drawStars();
    void drawTrend();
    void drawBreakdown();
};

void StatisticsCharts::Private::reset(Chart c, const QString &title)
{
    QChart *ch = chart(c);
    ch->removeAllSeries();
    const QList<QAbstractAxis *> axes = ch->axes();
    for (QAbstractAxis *axis : axes) {
        ch->removeAxis(axis);
        delete axis;
    }
    ch->setTitle(title);
    ch->setTitleBrush(colors.text);
    QFont titleFont = parent->font();
    titleFont.setBold(true);
    ch->setTitleFont(titleFont);
    ch->setBackgroundBrush(colors.background);
    ch->setBackgroundPen(Qt::NoPen);
    ch->setBackgroundRoundness(0);
    ch->setPlotAreaBackgroundVisible(false);
    ch->legend()->setLabelColor(colors.text);
    ch->legend()->setFont(parent->font());
    ch->setLocalizeNumbers(true);
    ch->setLocale(QLocale());
    views[size_t(c)]->setBackgroundBrush(colors.background);
}

void StatisticsCharts::Private::styleAxis(QAbstractAxis *axis) const
{
    axis->setLabelsColor(colors.text);
    axis->setLabelsFont(parent->font());
    axis->setLinePenColor(colors.muted);
    axis->setGridLineColor(colors.grid);
    axis->setShadesVisible(false);
}

void StatisticsCharts::Private::drawStars()
{
    reset(Chart::Stars, StatisticsCharts::tr("Stars"));
    QChart *ch = chart(Chart::Stars);
    // Three stacked sets, each with bars only at its own stars: one colour per kind of
    // rating, and the legend says which is which.
    auto *series = new QStackedBarSeries;
    struct Group {
        QString name;
        QColor color;
        int first, last;
    };
    const QList<Group> groups{
        {StatisticsCharts::tr("1–2 stars"), colors.low, 1, 2},
        {StatisticsCharts::tr("3 stars"), colors.neutral, 3, 3},
        {StatisticsCharts::tr("4–5 stars (satisfied)"), colors.satisfied, 4, 5}};
    int highest = 0;
    for (const Group &g : groups) {
        auto *set = new QBarSet(g.name);
        for (int stars = 1; stars <= 5; ++stars) {
            const int n = stars >= g.first && stars <= g.last ? distribution[size_t(stars - 1)] : 0;
            highest = std::max(highest, n);
            set->append(n);
        }
        set->setColor(g.color);
        set->setBorderColor(g.color);
        set->setLabelColor(colors.text);
        QObject::connect(set, &QBarSet::hovered, ch, [set](bool on, int index) {
            if (!on || set->at(index) == 0) {
                QToolTip::hideText();
                return;
            }
            QToolTip::showText(QCursor::pos(), StatisticsCharts::tr("%1 ★: %n rating(s)", nullptr,
                                                                    int(set->at(index)))
                                                   .arg(index + 1));
        });
        series->append(set);
    }
    series->setBarWidth(0.6);
    series->setLabelsVisible(true);
    ch->addSeries(series);

    auto *x = new QBarCategoryAxis;
    for (int stars = 1; stars <= 5; ++stars)
        x->append(QString(QString::number(stars) + u" ★"_s));
    styleAxis(x);
    x->setGridLineVisible(false);
    ch->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    // Whole numbers on the count axis, a little headroom above the highest bar.
    y->setRange(0, std::max(4, int(std::ceil(highest * 1.1))));
    y->setLabelFormat(u"%.0f"_s);
    y->applyNiceNumbers();
    styleAxis(y);
    ch->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    ch->legend()->setVisible(true);
    ch->legend()->setAlignment(Qt::AlignBottom);
}

void StatisticsCharts::Private::drawTrend()
{
    reset(Chart::Trend, StatisticsCharts::tr("Average stars over time"));
    QChart *ch = chart(Chart::Trend);
    const qsizetype n = trend.size();

    // The previous period first, so that it lies behind.
    auto *previous = new QLineSeries;
    previous->setName(StatisticsCharts::tr("Previous period"));
    for (qsizetype i = 0; i < n && i < previousTrend.size(); ++i) {
        if (previousTrend.at(i).average)
            previous->append(double(i), *previousTrend.at(i).average);
    }
    QColor faint = colors.muted;
    faint.setAlphaF(0.6f);
    previous->setPen(QPen(faint, 1.5, Qt::DashLine));
    ch->addSeries(previous);

    auto *current = new QLineSeries;
    current->setName(StatisticsCharts::tr("This period"));
    for (qsizetype i = 0; i < n; ++i) {
        if (trend.at(i).average)
            current->append(double(i), *trend.at(i).average);
    }
    current->setPen(QPen(colors.accent, 2.5));
    current->setColor(colors.accent);
    current->setPointsVisible(true);
    current->setMarkerSize(7);
    ch->addSeries(current);

    const QList<models::SeriesPoint> points = trend;
    const models::GroupBy by = groupBy;
    QObject::connect(current, &QLineSeries::hovered, ch, [points, by](const QPointF &p, bool on) {
        const qsizetype i = qRound(p.x());
        if (!on || i < 0 || i >= points.size()) {
            QToolTip::hideText();
            return;
        }
        const models::SeriesPoint &sp = points.at(i);
        QToolTip::showText(QCursor::pos(),
                           StatisticsCharts::tr("%1: %2 stars on average, "
                                                "%n rating(s)",
                                                nullptr, sp.count)
                               .arg(dayLabel(sp.bucket, by), models::averageText(sp.average)));
    });

    auto *x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    // At most ten labels, so that they never overlap; months name their year only at the
    // start and in January, which keeps them short enough for a year of them.
    const qsizetype step = std::max<qsizetype>(1, (n + 9) / 10);
    for (qsizetype i = 0; i < n; i += step) {
        const QDate day = trend.at(i).bucket;
        x->append(dayLabel(day, groupBy, i == 0 || day.month() == 1), double(i));
    }
    x->setRange(-0.3, std::max(0.3, double(n - 1) + 0.3));
    x->setStartValue(-0.3);
    styleAxis(x);
    ch->addAxis(x, Qt::AlignBottom);
    auto *y = new QValueAxis;
    // Whole stars as ticks, with room above 5 and below 1 so that the points there show whole.
    y->setRange(0.8, 5.2);
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(1);
    y->setTickInterval(1);
    y->setLabelFormat(u"%.0f"_s);
    styleAxis(y);
    ch->addAxis(y, Qt::AlignLeft);
    for (QLineSeries *s : {previous, current}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    // Without ratings in the previous period there is nothing to compare with: no legend
    // entry for an invisible line.
    ch->legend()->setVisible(previous->count() > 0);
    ch->legend()->setAlignment(Qt::AlignBottom);
}

void StatisticsCharts::Private::drawBreakdown()
{
    QString measureName;
    switch (measure) {
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
    QString title = StatisticsCharts::tr("%1 · %2").arg(measureName, dimension);
    if (more > 0)
        title = StatisticsCharts::tr("%1 (the first %2 of %3)")
                    .arg(title)
                    .arg(bars.size())
                    .arg(bars.size() + more);
    reset(Chart::Breakdown, title);
    QChart *ch = chart(Chart::Breakdown);

    // A horizontal bar chart fills from the bottom: reversed, the first row is on top.
    auto *set = new QBarSet(measureName);
    QStringList names;
    double highest = 0;
    for (auto it = bars.crbegin(); it != bars.crend(); ++it) {
        const double v = measure == Measure::SatisfiedShare ? it->value * 100.0 : it->value;
        set->append(v);
        highest = std::max(highest, v);
        QString name = it->name;
        // The same name twice would merge two bars into one category.
        while (names.contains(name))
            name += u' ';
        names.append(name);
    }
    set->setColor(colors.accent);
    set->setBorderColor(colors.accent);
    set->setLabelColor(colors.text);
    const QList<Bar> shown = bars;
    QObject::connect(set, &QBarSet::hovered, ch, [shown](bool on, int index) {
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
    series->setLabelsVisible(measure == Measure::Count);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    ch->addSeries(series);

    auto *y = new QBarCategoryAxis;
    y->append(names);
    styleAxis(y);
    y->setGridLineVisible(false);
    ch->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    auto *x = new QValueAxis;
    if (measure == Measure::Average) {
        x->setRange(0, 5);
        x->setTickCount(6);
        x->setLabelFormat(u"%.0f"_s);
    } else if (measure == Measure::SatisfiedShare) {
        x->setRange(0, 100);
        x->setTickCount(6);
        x->setLabelFormat(u"%.0f"_s);
    } else {
        // Room for the labels outside the longest bar.
        x->setRange(0, std::max(4.0, std::ceil(highest * 1.15)));
        x->setLabelFormat(u"%.0f"_s);
        x->applyNiceNumbers();
    }
    styleAxis(x);
    ch->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    ch->legend()->setVisible(false);
}

StatisticsCharts::StatisticsCharts(QWidget *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->parent = parent;
    const std::array<const char *, ChartCount> names{"starsChartView", "trendChartView",
                                                     "breakdownChartView"};
    for (int i = 0; i < ChartCount; ++i) {
        auto *chart = new QChart;
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->setMargins(QMargins(4, 4, 4, 4));
        auto *view = new QChartView(chart, parent);
        view->setObjectName(QString::fromLatin1(names[size_t(i)]));
        view->setRenderHint(QPainter::Antialiasing);
        view->setFrameShape(QFrame::NoFrame);
        view->setMinimumSize(220, 180);
        d->charts[size_t(i)] = chart;
        d->views[size_t(i)] = view;
    }
    applyPalette();
}

StatisticsCharts::~StatisticsCharts() = default;

QWidget *StatisticsCharts::view(Chart chart) const
{
    return d->views[size_t(chart)];
}

void StatisticsCharts::setDistribution(const std::array<int, 5> &distribution)
{
    d->distribution = distribution;
    d->drawStars();
}

void StatisticsCharts::setTrend(const QList<models::SeriesPoint> &current,
                                const QList<models::SeriesPoint> &previous, models::GroupBy groupBy)
{
    d->trend = current;
    d->previousTrend = previous;
    d->groupBy = groupBy;
    d->drawTrend();
}

void StatisticsCharts::setBreakdown(const QString &dimension, Measure measure,
                                    const QList<Bar> &bars, int more)
{
    d->dimension = dimension;
    d->measure = measure;
    d->bars = bars;
    d->more = more;
    d->drawBreakdown();
}

void StatisticsCharts::applyPalette()
{
    d->colors = colorsFor(d->parent->palette());
    d->drawStars();
    d->drawTrend();
    d->drawBreakdown();
}

QPixmap StatisticsCharts::grab(Chart chart) const
{
    // A chart lays itself out on a posted event: right after new data it is not done yet.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    return d->views[size_t(chart)]->grab();
}

void StatisticsCharts::render(Chart chart, QPainter *painter, const QRectF &target) const
{
    // Laid out anew at the target's size (not the window's, scaled): text keeps its size
    // and the chart fills the space the page gives it. Back to the window's size after.
    QChart *ch = d->chart(chart);
    const QSizeF shown = ch->size();
    ch->resize(target.size());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    ch->scene()->render(painter, target, ch->sceneBoundingRect(), Qt::IgnoreAspectRatio);
    ch->resize(shown);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
}

QList<SeriesValues> StatisticsCharts::seriesValues(Chart chart) const
{
    QList<SeriesValues> out;
    const QList<QAbstractSeries *> series = d->chart(chart)->series();
    for (QAbstractSeries *s : series) {
        if (auto *line = qobject_cast<QLineSeries *>(s)) {
            out.append({line->name(), line->points()});
        } else if (auto *bars = qobject_cast<QAbstractBarSeries *>(s)) {
            const QList<QBarSet *> sets = bars->barSets();
            for (QBarSet *set : sets) {
                SeriesValues v{set->label(), {}};
                const int n = set->count();
                for (int i = 0; i < n; ++i) {
                    // The breakdown is drawn bottom-up: report it top to bottom.
                    const int at = chart == Chart::Breakdown ? n - 1 - i : i;
                    v.points.append(QPointF(i, set->at(at)));
                }
                out.append(v);
            }
        }
    }
    return out;
}

QStringList StatisticsCharts::categories(Chart chart) const
{
    QStringList out;
    const QList<QAbstractAxis *> axes = d->chart(chart)->axes();
    for (QAbstractAxis *axis : axes) {
        if (auto *bar = qobject_cast<QBarCategoryAxis *>(axis))
            out = bar->categories();
        else if (auto *cat = qobject_cast<QCategoryAxis *>(axis))
            out = cat->categoriesLabels();
    }
    if (chart == Chart::Breakdown)
        std::reverse(out.begin(), out.end());
    return out;
}

} // namespace statistics
