#include "statistics/statisticsfigures.h"

#include "models/ratingstats.h"
#include "widgets/widgetstyle.h"

#include <QBoxLayout>
#include <QDateTime>
#include <QFrame>
#include <QLabel>
#include <QLocale>
#include <QTimeZone>
#include <cmath>

using namespace Qt::StringLiterals;

namespace statistics {

namespace {

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

StatisticsFigures::StatisticsFigures(QWidget *parent, QBoxLayout *layout)
    : m_parent(parent)
{
    struct Card {
        const char *name;
        QString caption;
        QString toolTip;
    };
    const std::array<Card, KindCount> cards{{
        {"average", tr("Average stars"),
         tr("The mean of all ratings in the period (1 to 5 stars)")},
        {"satisfied", tr("Satisfied"), tr("The share of ratings with 4 or 5 stars")},
        {"responseRate", tr("Response rate"),
         tr("The share of tickets resolved or closed in the period that were rated")},
        {"count", tr("Ratings"), tr("The number of ratings given in the period")},
        {"firstReplyInTime", tr("First reply in time"),
         tr("The share of first replies in the period that came by their due time (tickets "
            "with a first-reply target)")},
        {"resolvedInTime", tr("Resolved in time"),
         tr("The share of tickets resolved or closed in the period by their due time (tickets "
            "with a resolution target)")},
    }};
    for (int i = 0; i < KindCount; ++i) {
        const Card &card = cards[size_t(i)];
        const QString name = QString::fromLatin1(card.name);
        auto *frame = new QFrame(parent);
        frame->setObjectName(name + u"Figure"_s);
        frame->setFrameShape(QFrame::StyledPanel);
        frame->setToolTip(card.toolTip);
        auto *box = new QVBoxLayout(frame);
        box->setContentsMargins(12, 8, 12, 8);
        box->setSpacing(2);
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
        // On a narrow window the comparison wraps instead of widening the window.
        change->setWordWrap(true);
        box->addWidget(caption);
        box->addWidget(value);
        box->addWidget(change);
        box->addStretch(1);
        layout->addWidget(frame, 1);
        m_figures[size_t(i)] = {caption, value, change};
    }
}

QString StatisticsFigures::caption(Kind kind) const
{
    return m_figures[size_t(kind)].caption->text();
}

QString StatisticsFigures::value(Kind kind) const
{
    return m_figures[size_t(kind)].value->text();
}

QString StatisticsFigures::change(Kind kind) const
{
    return m_figures[size_t(kind)].change->text();
}

QString StatisticsFigures::periodText(const models::RatingStats &stats, qint64 from, qint64 to)
{
    QTimeZone zone(stats.timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::systemTimeZone();
    //: A day of the period shown (QLocale date format)
    const QString format = tr("d MMM yyyy");
    const QLocale locale;
    // `to` is exclusive: the period ends the day before.
    return tr("%1 – %2").arg(
        locale.toString(QDateTime::fromMSecsSinceEpoch(from, zone).date(), format),
        locale.toString(QDateTime::fromMSecsSinceEpoch(to - 1, zone).date(), format));
}

void StatisticsFigures::show(const models::RatingStats &stats)
{
    const models::Summary &s = stats.summary;
    const models::PeriodFigures &p = s.previous;
    m_figures[Average].value->setText(models::averageText(s.average));
    m_figures[Satisfied].value->setText(models::shareText(s.satisfiedShare));
    m_figures[Response].value->setText(models::shareText(s.responseRate));
    m_figures[Response].value->setToolTip(
        tr("%n ticket(s) resolved or closed in the period", nullptr, s.resolvedCount));
    m_figures[Count].value->setText(QLocale().toString(s.count));
    setChange(Average, s.average, p.average, false, 2);
    setChange(Satisfied, s.satisfiedShare, p.satisfiedShare, true, 1);
    setChange(Response, s.responseRate, p.responseRate, true, 1);
    setChange(Count, double(s.count), double(p.count), false, 0);
    m_figures[FirstReplyInTime].value->setText(models::shareText(s.inTime.firstReplyInTimeShare));
    m_figures[FirstReplyInTime].value->setToolTip(
        tr("%n first reply(s) with a target in the period", nullptr, s.inTime.firstReplyCount));
    m_figures[ResolvedInTime].value->setText(models::shareText(s.inTime.resolvedInTimeShare));
    m_figures[ResolvedInTime].value->setToolTip(
        tr("%n ticket(s) with a target resolved or closed in the period", nullptr,
           s.inTime.resolvedWithTargetCount));
    setChange(FirstReplyInTime, s.inTime.firstReplyInTimeShare, p.inTime.firstReplyInTimeShare,
              true, 1);
    setChange(ResolvedInTime, s.inTime.resolvedInTimeShare, p.inTime.resolvedInTimeShare, true, 1);
    // Older servers do not name the previous period: the same length just before.
    const qint64 previousFrom =
        stats.previousFrom != 0 ? stats.previousFrom : stats.from - (stats.to - stats.from);
    const qint64 previousTo = stats.previousTo != 0 ? stats.previousTo : stats.from;
    const QString previous = tr("Compared with the previous period, %1")
                                 .arg(periodText(stats, previousFrom, previousTo));
    for (const Figure &figure : m_figures)
        figure.change->setToolTip(previous);
}

void StatisticsFigures::setChange(Kind kind, std::optional<double> now,
                                  std::optional<double> before, bool percentPoints, int decimals)
{
    QLabel *label = m_figures[size_t(kind)].change;
    const QLocale locale;
    const auto format = [&](double v) {
        if (percentPoints)
            return models::shareText(v);
        if (kind == Average)
            return models::averageText(v);
        return locale.toString(v, 'f', decimals);
    };
    QPalette pal = m_parent->palette();
    QColor color = mutedColor(pal);
    QString text;
    if (!before) {
        text = kind == FirstReplyInTime || kind == ResolvedInTime
                   ? tr("No tickets with a target in the previous period")
                   : tr("No ratings in the previous period");
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

} // namespace statistics
