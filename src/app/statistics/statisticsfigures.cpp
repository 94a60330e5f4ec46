// The statistics view's headline figures (each against the previous period) and the
// feeding of the breakdown chart from the breakdown model's rows.
#include "statistics/statisticsview.h"

#include "ui_statisticsview.h"

#include "models/breakdownmodel.h"
#include "models/ratingstats.h"
#include "widgets/widgetstyle.h"

#include <QFrame>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr int BreakdownBars = 12; // more names than this do not read as a chart

QColor mutedColor(const QPalette &palette)
{
    return widgets::mixColors(palette.color(QPalette::WindowText), palette.color(QPalette::Window),
                              0.4);
}

QColor goodColor(const QPalette &palette)
{
    return widgets::isDarkPalette(palette) ? QColor(0x7c, 0xc6, 0x84) : QColor(0x2e, 0x7d, 0x32);
}

} // namespace

void StatisticsView::setUpFigures()
{
    struct Card {
        const char *name;
        QString caption;
        QString toolTip;
    };
    const std::array<Card, FigureCount> cards{{
        {"average", tr("Average stars"),
         tr("The mean of all ratings in the period (1 to 5 stars)")},
        {"satisfied", tr("Satisfied"), tr("The share of ratings with 4 or 5 stars")},
        {"responseRate", tr("Response rate"),
         tr("The share of tickets resolved or closed in the period that were rated")},
        {"count", tr("Ratings"), tr("The number of ratings given in the period")},
    }};
    for (int i = 0; i < FigureCount; ++i) {
        const Card &card = cards[size_t(i)];
        const QString name = QString::fromLatin1(card.name);
        auto *frame = new QFrame(this);
        frame->setObjectName(name + u"Figure"_s);
        frame->setFrameShape(QFrame::StyledPanel);
        frame->setToolTip(card.toolTip);
        auto *layout = new QVBoxLayout(frame);
        layout->setContentsMargins(12, 8, 12, 8);
        layout->setSpacing(2);
        auto *caption = new QLabel(card.caption, frame);
        caption->setForegroundRole(QPalette::PlaceholderText);
        auto *value = new QLabel(frame);
        value->setObjectName(name + u"ValueLabel"_s);
        value->setTextFormat(Qt::PlainText);
        QFont big = value->font();
        big.setPointSizeF(big.pointSizeF() * 1.9);
        big.setBold(true);
        value->setFont(big);
        auto *change = new QLabel(frame);
        change->setObjectName(name + u"ChangeLabel"_s);
        change->setTextFormat(Qt::PlainText);
        layout->addWidget(caption);
        layout->addWidget(value);
        layout->addWidget(change);
        m_ui->figuresLayout->addWidget(frame, 1);
        m_figures[size_t(i)] = {value, change};
    }
}

void StatisticsView::showFigures(const models::RatingStats &stats)
{
    const models::Summary &s = stats.summary;
    const models::PeriodFigures &p = s.previous;
    m_figures[AverageFigure].value->setText(models::averageText(s.average));
    m_figures[SatisfiedFigure].value->setText(models::shareText(s.satisfiedShare));
    m_figures[ResponseFigure].value->setText(models::shareText(s.responseRate));
    m_figures[ResponseFigure].value->setToolTip(
        tr("%n ticket(s) resolved or closed in the period", nullptr, s.resolvedCount));
    m_figures[CountFigure].value->setText(QLocale().toString(s.count));
    setChange(AverageFigure, s.average, p.average, false, 2);
    setChange(SatisfiedFigure, s.satisfiedShare, p.satisfiedShare, true, 1);
    setChange(ResponseFigure, s.responseRate, p.responseRate, true, 1);
    setChange(CountFigure, double(s.count), double(p.count), false, 0);
    // Older servers do not name the previous period: the same length just before.
    const qint64 previousFrom =
        stats.previousFrom != 0 ? stats.previousFrom : stats.from - (stats.to - stats.from);
    const qint64 previousTo = stats.previousTo != 0 ? stats.previousTo : stats.from;
    const QString previous =
        tr("Compared with the previous period, %1").arg(periodText(previousFrom, previousTo));
    for (const Figure &figure : m_figures)
        figure.change->setToolTip(previous);
}

void StatisticsView::setChange(FigureKind kind, std::optional<double> now,
                               std::optional<double> before, bool percentPoints, int decimals)
{
    QLabel *label = m_figures[size_t(kind)].change;
    const QLocale locale;
    const auto format = [&](double v) {
        if (percentPoints)
            return models::shareText(v);
        if (kind == AverageFigure)
            return models::averageText(v);
        return locale.toString(v, 'f', decimals);
    };
    QPalette pal = palette();
    QColor color = mutedColor(pal);
    QString text;
    if (!before) {
        text = tr("No ratings in the previous period");
    } else if (!now) {
        text = tr("Previous period: %1").arg(format(*before));
    } else {
        const double scale = percentPoints ? 100.0 : 1.0;
        const double factor = std::pow(10.0, decimals);
        const double delta = std::round((*now - *before) * scale * factor) / factor;
        QString amount = locale.toString(std::abs(delta), 'f', decimals);
        if (percentPoints)
            //: Percentage points
            amount = tr("%1 pp").arg(amount);
        QString arrow = u"→"_s;
        if (delta > 0) {
            arrow = u"↑"_s;
            color = goodColor(pal);
        } else if (delta < 0) {
            arrow = u"↓"_s;
            color = widgets::errorTextColor(pal);
        }
        text = delta == 0 ? tr("→ unchanged (previous period: %1)").arg(format(*before))
                          : tr("%1 %2 (previous period: %3)").arg(arrow, amount, format(*before));
    }
    label->setText(text);
    pal.setColor(QPalette::WindowText, color);
    label->setPalette(pal);
}

void StatisticsView::updateBreakdownChart()
{
    statistics::Measure measure = statistics::Measure::Average;
    if (m_breakdown->sortColumn() == models::BreakdownModel::CountColumn)
        measure = statistics::Measure::Count;
    else if (m_breakdown->sortColumn() == models::BreakdownModel::SatisfiedColumn)
        measure = statistics::Measure::SatisfiedShare;
    QList<statistics::StatisticsCharts::Bar> bars;
    const QList<models::BreakdownRow> &rows = m_breakdown->rows();
    const int shown = std::min<int>(int(rows.size()), BreakdownBars);
    for (int i = 0; i < shown; ++i) {
        const models::BreakdownRow &row = rows.at(i);
        statistics::StatisticsCharts::Bar bar;
        bar.count = row.count;
        bar.name = m_breakdown->nameAt(i);
        switch (measure) {
        case statistics::Measure::Average:
            bar.value = row.average.value_or(0);
            break;
        case statistics::Measure::Count:
            bar.value = row.count;
            break;
        case statistics::Measure::SatisfiedShare:
            bar.value = row.satisfiedShare.value_or(0);
            break;
        }
        bars.append(bar);
    }
    m_charts->setBreakdown(models::dimensionLabel(m_breakdown->dimension()), measure, bars,
                           int(rows.size()) - shown);
}

void StatisticsView::syncSortCombo()
{
    const int column = m_ui->breakdownTableView->horizontalHeader()->sortIndicatorSection();
    int index = 0;
    switch (column) {
    case models::BreakdownModel::CountColumn:
        index = 1;
        break;
    case models::BreakdownModel::SatisfiedColumn:
        index = 2;
        break;
    case models::BreakdownModel::NameColumn:
        index = 3;
        break;
    default:
        break;
    }
    const QSignalBlocker block(m_ui->sortComboBox);
    m_ui->sortComboBox->setCurrentIndex(index);
}
