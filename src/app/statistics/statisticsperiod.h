#pragma once

#include "models/ratingstats.h"

#include <QTimeZone>

class QComboBox;
class QDateEdit;
class QLabel;
class QSettings;

namespace statistics {

// The statistics view's period: the preset box ("Last 30 days", ..., "Custom period"),
// the two date fields of a custom period (shown only for it) and the label that names the
// days of a preset. Makes the period part of the query and keeps the choice in the
// settings.
class StatisticsPeriod final
{
public:
    StatisticsPeriod(QComboBox *preset, QDateEdit *from, QLabel *dash, QDateEdit *to,
                     QLabel *range);

    // After another preset was chosen: the date fields for a custom period or the label.
    // Outside `restoring`, a custom period starts from the preset chosen last.
    void update(bool restoring);
    // The period chosen, from today; no filters.
    models::RatingStatsQuery query() const;
    // The server counts days in its statistics zone: "today" is the date there, not here
    // (at 23:30 in London it is tomorrow in Berlin). Until an answer names the zone, the
    // last one known, else this machine's.
    void setTimeZone(const QTimeZone &zone);
    const QTimeZone &timeZone() const { return m_zone; }
    QDate today() const;
    // "statistics/period", "statistics/customFrom", "statistics/customTo",
    // "statistics/timeZone".
    void saveState(QSettings &settings) const;
    void restoreState(const QSettings &settings);

private:
    models::RatingStatsQuery::Preset preset() const;

    QComboBox *m_preset;
    QDateEdit *m_from;
    QLabel *m_dash;
    QDateEdit *m_to;
    QLabel *m_range;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};

} // namespace statistics
