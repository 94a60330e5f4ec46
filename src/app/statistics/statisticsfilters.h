#pragma once

#include "models/ratingstats.h"

#include <QCoreApplication>
#include <QList>
#include <array>
#include <utility>

class QComboBox;
namespace models {
class Directory;
}

namespace statistics {

// The statistics view's filter boxes (fleet, category, staff member, template, customer):
// filled from the directory, sorted by name, each with "All …" first; they narrow the
// query and describe themselves for the exports ("Fleet: Nord; Customer: …").
class StatisticsFilters final
{
    Q_DECLARE_TR_FUNCTIONS(StatisticsView)

public:
    StatisticsFilters(QComboBox *fleet, QComboBox *flow, QComboBox *staff, QComboBox *templates,
                      QComboBox *customer);

    QList<QComboBox *> comboBoxes() const;
    // Keeps each box's choice where the directory still has it.
    void fill(models::Directory &directory);
    void applyTo(models::RatingStatsQuery &query) const;
    // The filters chosen; empty: none.
    QString description() const;

private:
    std::array<std::pair<models::Dimension, QComboBox *>, 5> m_filters;
};

} // namespace statistics
