#pragma once

#include <QObject>

class QComboBox;
class QSettings;
class QTableView;
namespace models {
class BreakdownModel;
}

namespace statistics {

class StatisticsCharts;

// The figures per staff member (category, fleet, template, customer): the table, the
// boxes that choose what the rows are and how they are sorted (in step with the table's
// header), and the bar chart, fed from the first rows in the table's order.
class StatisticsBreakdown final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatisticsBreakdown)

public:
    StatisticsBreakdown(models::BreakdownModel *model, QTableView *table, QComboBox *dimension,
                        QComboBox *sort, StatisticsCharts *charts, QObject *parent);
    ~StatisticsBreakdown() override;

    // The dimension and the sort, under "statistics/".
    void saveState(QSettings &settings) const;
    void restoreState(const QSettings &settings);

private:
    void updateChart();
    void syncSortCombo();

    models::BreakdownModel *m_model;
    QTableView *m_table;
    QComboBox *m_dimension;
    QComboBox *m_sort;
    StatisticsCharts *m_charts;
};

} // namespace statistics
