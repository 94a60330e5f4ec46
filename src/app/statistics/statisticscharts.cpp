// With breakdownchart.cpp and chartstyle.cpp the only files of the application with
// QtCharts types (deprecated from Qt 6.10 on): replacing the charts library means
// replacing these files.
#include "statistics/statisticscharts.h"

#include "statistics/breakdownchart.h"
#include "statistics/chartstyle.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>
#include <QtCharts/QLineSeries>
#include <QtCharts/QStackedBarSeries>
#include <QtCharts/QValueAxis>

#include <QCoreApplication>
#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QToolTip>
#include <cmath>

using namespace Qt::StringLiterals;

namespace statistics {

namespace {

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
    std::unique_ptr<BreakdownChart> breakdown;

    QChart *chart(Chart c) const { return charts[size_t(c)]; }
    void reset(Chart c, const QString &title)
    {
        resetChart(chart(c), views[size_t(c)], colors, parent->font(), title);
    }
    void styleAxis(QAbstractAxis *axis) const
    {
        statistics::styleAxis(axis, colors, parent->font());
    }
    void drawStars();
    void drawTrend();
    void drawBreakdown() { breakdown->draw(colors, parent->font()); }
};

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
        view->setMinimumSize(200, 130);
        d->charts[size_t(i)] = chart;
        d->views[size_t(i)] = view;
    }
    d->breakdown = std::make_unique<BreakdownChart>(d->chart(Chart::Breakdown),
                                                    d->views[size_t(Chart::Breakdown)]);
    // More or fewer bars fit, or names get more or less room.
    d->views[size_t(Chart::Breakdown)]->installEventFilter(this);
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
    d->breakdown->setData(dimension, measure, bars, more);
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

bool StatisticsCharts::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && watched == d->views[size_t(Chart::Breakdown)] &&
        d->breakdown->needsRedraw(d->parent->font()))
        d->drawBreakdown();
    return QObject::eventFilter(watched, event);
}

QStringList StatisticsCharts::labelsShown(Chart chart) const
{
    // A chart lays itself out on a posted event: right after new data it is not done yet.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QStringList out;
    QAbstractAxis *axis = nullptr;
    const QList<QAbstractAxis *> axes = d->chart(chart)->axes();
    for (QAbstractAxis *a : axes) {
        if (qobject_cast<QBarCategoryAxis *>(a) || qobject_cast<QCategoryAxis *>(a))
            axis = a;
    }
    if (!axis)
        return out;
    // The axis' labels are text items in the scene, in the axis' font, left of the plot
    // area (the breakdown's names) or just below it (the other charts' categories).
    QChart *ch = d->chart(chart);
    const QRectF plot = ch->mapRectToScene(ch->plotArea());
    const qreal line = QFontMetricsF(axis->labelsFont()).height();
    QList<QGraphicsTextItem *> items;
    const QList<QGraphicsItem *> all = ch->scene()->items();
    for (QGraphicsItem *item : all) {
        auto *text = dynamic_cast<QGraphicsTextItem *>(item);
        if (!text || !text->isVisible() || text->font() != axis->labelsFont() ||
            text->toPlainText().isEmpty())
            continue;
        const QPointF at = text->sceneBoundingRect().center();
        const bool left = at.x() < plot.left() && at.y() > plot.top() && at.y() < plot.bottom();
        const bool below = at.y() > plot.bottom() && at.y() < plot.bottom() + 2 * line;
        if (chart == Chart::Breakdown ? left : below)
            items.append(text);
    }
    // Top to bottom (the breakdown), left to right (the others).
    std::sort(items.begin(), items.end(), [chart](QGraphicsTextItem *a, QGraphicsTextItem *b) {
        return chart == Chart::Breakdown ? a->scenePos().y() < b->scenePos().y()
                                         : a->scenePos().x() < b->scenePos().x();
    });
    for (QGraphicsTextItem *item : items)
        out.append(item->toPlainText());
    return out;
}

QStringList StatisticsCharts::categories(Chart chart) const
{
    if (chart == Chart::Breakdown)
        return d->breakdown->categories();
    QStringList out;
    const QList<QAbstractAxis *> axes = d->chart(chart)->axes();
    for (QAbstractAxis *axis : axes) {
        if (auto *bar = qobject_cast<QBarCategoryAxis *>(axis))
            out = bar->categories();
        else if (auto *cat = qobject_cast<QCategoryAxis *>(axis))
            out = cat->categoriesLabels();
    }
    return out;
}

} // namespace statistics
