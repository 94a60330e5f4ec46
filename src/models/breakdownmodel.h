#pragma once

#include "ratingstats.h"

#include <QAbstractTableModel>

namespace models {

// The rating figures per staff member (or flow, fleet, template, customer): one row per
// value with ratings, or first replies or resolutions with a target, in the period. Holds all five
// breakdowns of an answer; setDimension() shows another. Sortable by every column; the server's
// order (most ratings first) until sort() is called.
class BreakdownModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BreakdownModel)

public:
    enum Column {
        NameColumn,
        CountColumn,
        AverageColumn,
        SatisfiedColumn,
        FirstReplyInTimeColumn, // "83.3%", the count in the tooltip; the header on two lines
        ResolvedInTimeColumn,
        ColumnCount
    };
    // DisplayRole: formatted in the user's locale; SortRole: the raw value (a missing
    // average or share sorts as -1); FewRatingsRole: true when the row's average rests on
    // fewer than FewRatings ratings (shown light, with "n = 4").
    enum Role { IdRole = Qt::UserRole + 1, SortRole, FewRatingsRole };
    static constexpr int FewRatings = 5;
    static bool hasFewRatings(const BreakdownRow &row) { return row.count < FewRatings; }
    // "4.25 (n = 4)": the average (or share) with the number of ratings behind it.
    static QString withCount(const QString &figure, int count);

    explicit BreakdownModel(QObject *parent = nullptr);
    ~BreakdownModel() override;

    // A new answer: the rows of the current dimension in the current order (a reset).
    void setStats(const RatingStats &stats);
    void setDimension(Dimension dimension);
    Dimension dimension() const { return m_dimension; }
    // The rows in display order.
    const QList<BreakdownRow> &rows() const { return m_rows; }
    // The rows of any dimension in the order the current sort would show them.
    QList<BreakdownRow> rowsFor(Dimension dimension) const;
    // The row's name, or what a row without id stands for ("Unassigned").
    QString nameAt(int row) const;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    void fill();
    void sortRows(QList<BreakdownRow> &rows) const;

    std::array<QList<BreakdownRow>, DimensionCount> m_all;
    QList<BreakdownRow> m_rows;
    Dimension m_dimension = Dimension::Staff;
    int m_sortColumn = -1; // -1: the server's order
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace models
