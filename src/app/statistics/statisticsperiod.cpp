#include "statistics/statisticsperiod.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <algorithm>

using namespace Qt::StringLiterals;
using Query = models::RatingStatsQuery;

namespace statistics {

StatisticsPeriod::StatisticsPeriod(QComboBox *preset, QDateEdit *from, QLabel *dash, QDateEdit *to,
                                   QLabel *range)
    : m_preset(preset)
    , m_from(from)
    , m_dash(dash)
    , m_to(to)
    , m_range(range)
{
    // The locale's short date, but with the whole year: "3/1/01" reads as anything.
    QString dateFormat = QLocale().dateFormat(QLocale::ShortFormat);
    if (!dateFormat.contains(u"yyyy"_s))
        dateFormat.replace(u"yy"_s, u"yyyy"_s);
    from->setDisplayFormat(dateFormat);
    to->setDisplayFormat(dateFormat);
}

Query::Preset StatisticsPeriod::preset() const
{
    return Query::Preset(std::max(0, m_preset->currentIndex()));
}

void StatisticsPeriod::update(bool restoring)
{
    const bool custom = preset() == Query::Preset::Custom;
    if (!custom && !restoring) {
        // A custom period starts from the preset chosen last.
        const Query q = Query::forPreset(preset(), today());
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->setDate(q.from);
        m_to->setDate(q.to.addDays(-1));
    }
    m_from->setVisible(custom);
    m_dash->setVisible(custom);
    m_to->setVisible(custom);
    m_range->setVisible(!custom);
}

Query StatisticsPeriod::query() const
{
    return Query::forPreset(preset(), today(), m_from->date(), m_to->date());
}

void StatisticsPeriod::setTimeZone(const QTimeZone &zone)
{
    if (zone.isValid())
        m_zone = zone;
}

QDate StatisticsPeriod::today() const
{
    return QDateTime::currentDateTime().toTimeZone(m_zone).date();
}

void StatisticsPeriod::saveState(QSettings &settings) const
{
    settings.setValue(u"statistics/timeZone"_s, QString::fromUtf8(m_zone.id()));
    settings.setValue(u"statistics/period"_s, m_preset->currentIndex());
    settings.setValue(u"statistics/customFrom"_s, m_from->date());
    settings.setValue(u"statistics/customTo"_s, m_to->date());
}

void StatisticsPeriod::restoreState(const QSettings &settings)
{
    setTimeZone(QTimeZone(settings.value(u"statistics/timeZone"_s).toString().toUtf8()));
    const QDate today = this->today();
    m_from->setDate(settings.value(u"statistics/customFrom"_s, today.addDays(-29)).toDate());
    m_to->setDate(settings.value(u"statistics/customTo"_s, today).toDate());
    // 30 days unless chosen otherwise: the server's default period.
    m_preset->setCurrentIndex(
        std::clamp(settings.value(u"statistics/period"_s, 1).toInt(), 0, m_preset->count() - 1));
}

} // namespace statistics
