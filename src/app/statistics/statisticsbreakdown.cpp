#include "statistics/statisticsbreakdown.h"

#include "models/breakdownmodel.h"
#include "statistics/statisticscharts.h"

#include <QComboBox>
#include <QHeaderView>
#include <QSettings>
#include <QTableView>
#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;
using models::BreakdownModel;

namespace statistics {

namespace {

constexpr int BreakdownBars = 12; // more names than this do not read as a chart

// The sort box's entries, in its order.
constexpr std::array<int, 4> SortColumns{BreakdownModel::AverageColumn, BreakdownModel::CountColumn,
                                         BreakdownModel::SatisfiedColumn,
                                         BreakdownModel::NameColumn};

} // namespace

StatisticsBreakdown::StatisticsBreakdown(BreakdownModel *model, QTableView *table,
                                         QComboBox *dimension, QComboBox *sort,
                                         StatisticsCharts *charts, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_table(table)
    , m_dimension(dimension)
    , m_sort(sort)
    , m_charts(charts)
{
    table->setModel(model);
    QHeaderView *header = table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(BreakdownModel::NameColumn, QHeaderView::Stretch);
    for (int d = 0; d < models::DimensionCount; ++d)
        dimension->addItem(models::dimensionLabel(models::Dimension(d)), d);

    connect(dimension, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setDimension(models::Dimension(m_dimension->currentData().toInt()));
    });
    connect(sort, &QComboBox::currentIndexChanged, this, [this](int index) {
        const int column = SortColumns[size_t(std::clamp(index, 0, 3))];
        m_table->sortByColumn(column, column == BreakdownModel::NameColumn ? Qt::AscendingOrder
                                                                           : Qt::DescendingOrder);
    });
    connect(header, &QHeaderView::sortIndicatorChanged, this, &StatisticsBreakdown::syncSortCombo);
    connect(model, &QAbstractItemModel::modelReset, this, &StatisticsBreakdown::updateChart);
    connect(model, &QAbstractItemModel::layoutChanged, this, &StatisticsBreakdown::updateChart);
}

StatisticsBreakdown::~StatisticsBreakdown() = default;

void StatisticsBreakdown::saveState(QSettings &settings) const
{
    settings.setValue(u"statistics/dimension"_s, m_dimension->currentIndex());
    settings.setValue(u"statistics/sortColumn"_s, m_model->sortColumn());
    settings.setValue(u"statistics/sortOrder"_s, int(m_model->sortOrder()));
}

void StatisticsBreakdown::restoreState(const QSettings &settings)
{
    m_dimension->setCurrentIndex(std::clamp(settings.value(u"statistics/dimension"_s, 0).toInt(), 0,
                                            m_dimension->count() - 1));
    const int column =
        settings.value(u"statistics/sortColumn"_s, BreakdownModel::AverageColumn).toInt();
    const auto order =
        Qt::SortOrder(settings.value(u"statistics/sortOrder"_s, Qt::DescendingOrder).toInt());
    m_table->sortByColumn(std::clamp(column, 0, int(BreakdownModel::ColumnCount) - 1), order);
}

void StatisticsBreakdown::updateChart()
{
    Measure measure = Measure::Average;
    if (m_model->sortColumn() == BreakdownModel::CountColumn)
        measure = Measure::Count;
    else if (m_model->sortColumn() == BreakdownModel::SatisfiedColumn)
        measure = Measure::SatisfiedShare;
    QList<StatisticsCharts::Bar> bars;
    const QList<models::BreakdownRow> &rows = m_model->rows();
    const int shown = std::min<int>(int(rows.size()), BreakdownBars);
    for (int i = 0; i < shown; ++i) {
        const models::BreakdownRow &row = rows.at(i);
        StatisticsCharts::Bar bar;
        bar.count = row.count;
        bar.name = m_model->nameAt(i);
        // An average or share from a handful of ratings is marked (light, "n = 4").
        bar.few = measure != Measure::Count && BreakdownModel::hasFewRatings(row);
        switch (measure) {
        case Measure::Average:
            bar.value = row.average.value_or(0);
            break;
        case Measure::Count:
            bar.value = row.count;
            break;
        case Measure::SatisfiedShare:
            bar.value = row.satisfiedShare.value_or(0);
            break;
        }
        bars.append(bar);
    }
    m_charts->setBreakdown(models::dimensionLabel(m_model->dimension()), measure, bars,
                           int(rows.size()) - shown);
}

void StatisticsBreakdown::syncSortCombo()
{
    const int column = m_table->horizontalHeader()->sortIndicatorSection();
    const auto it = std::find(SortColumns.begin(), SortColumns.end(), column);
    const QSignalBlocker block(m_sort);
    m_sort->setCurrentIndex(it == SortColumns.end() ? 0 : int(it - SortColumns.begin()));
}

} // namespace statistics
