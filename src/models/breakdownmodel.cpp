#include "breakdownmodel.h"

#include "labels.h"

#include <QBrush>
#include <QGuiApplication>
#include <QHash>
#include <QLocale>
#include <QPalette>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace models {

namespace {

// The long headers of the in-time columns on two lines, broken at the space nearest
// their middle, so that the names beside them keep their room.
QString twoLines(QString text)
{
    qsizetype best = -1;
    for (qsizetype i = text.indexOf(u' '); i >= 0; i = text.indexOf(u' ', i + 1)) {
        if (best < 0 || std::abs(i - text.size() / 2) < std::abs(best - text.size() / 2))
            best = i;
    }
    if (best >= 0)
        text[best] = u'\n';
    return text;
}

double orMinus(std::optional<double> v)
{
    return v.value_or(-1.0);
}

} // namespace

BreakdownModel::BreakdownModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

BreakdownModel::~BreakdownModel() = default;

void BreakdownModel::setStats(const RatingStats &stats)
{
    m_all = stats.breakdown;
    fill();
}

void BreakdownModel::setDimension(Dimension dimension)
{
    if (dimension == m_dimension)
        return;
    m_dimension = dimension;
    fill();
    // The name column's header says what the rows are.
    Q_EMIT headerDataChanged(Qt::Horizontal, NameColumn, NameColumn);
}

void BreakdownModel::fill()
{
    // Every answer and every dimension is a different list: a reset is what views expect.
    beginResetModel();
    m_rows = m_all[size_t(m_dimension)];
    sortRows(m_rows);
    endResetModel();
}

QList<BreakdownRow> BreakdownModel::rowsFor(Dimension dimension) const
{
    if (dimension == m_dimension)
        return m_rows;
    QList<BreakdownRow> rows = m_all[size_t(dimension)];
    sortRows(rows);
    return rows;
}

QString BreakdownModel::withCount(const QString &figure, int count)
{
    //: An average or share and the number of ratings it rests on
    return tr("%1 (n = %2)").arg(figure, QLocale().toString(count));
}

QString BreakdownModel::nameAt(int row) const
{
    const BreakdownRow &r = m_rows.at(row);
    if (r.id == 0 && r.name.isEmpty())
        return dimensionNoneLabel(m_dimension);
    return r.name;
}

int BreakdownModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BreakdownModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BreakdownModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BreakdownRow &r = m_rows.at(index.row());
    if (role == IdRole)
        return r.id;
    if (role == Qt::TextAlignmentRole && index.column() != NameColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    const bool few = hasFewRatings(r);
    if (role == FewRatingsRole)
        return few;
    const bool figure = index.column() == AverageColumn || index.column() == SatisfiedColumn;
    if (few && figure) {
        // Too few ratings to go by: light, with the count beside it.
        // (A model test runs without a GUI application, and so without a palette.)
        if (role == Qt::ForegroundRole &&
            qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
            return QBrush(QGuiApplication::palette().color(QPalette::PlaceholderText));
        if (role == Qt::ToolTipRole)
            return tr("Only %n rating(s): too few to go by", nullptr, r.count);
    }
    switch (Column(index.column())) {
    case NameColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return nameAt(index.row());
        if (role == Qt::ToolTipRole)
            return plainToolTip(nameAt(index.row()));
        break;
    case CountColumn:
        if (role == Qt::DisplayRole)
            return QLocale().toString(r.count);
        if (role == SortRole)
            return r.count;
        break;
    case AverageColumn:
        if (role == Qt::DisplayRole)
            return few && r.average ? withCount(averageText(r.average), r.count)
                                    : averageText(r.average);
        if (role == SortRole)
            return orMinus(r.average);
        break;
    case SatisfiedColumn:
        if (role == Qt::DisplayRole)
            return few && r.satisfiedShare ? withCount(shareText(r.satisfiedShare), r.count)
                                           : shareText(r.satisfiedShare);
        if (role == SortRole)
            return orMinus(r.satisfiedShare);
        break;
    case FirstReplyInTimeColumn:
    case ResolvedInTimeColumn: {
        const bool first = index.column() == FirstReplyInTimeColumn;
        const std::optional<double> share =
            first ? r.inTime.firstReplyInTimeShare : r.inTime.resolvedInTimeShare;
        const int n = first ? r.inTime.firstReplyCount : r.inTime.resolvedWithTargetCount;
        if (role == Qt::DisplayRole)
            return shareText(share);
        if (role == SortRole)
            return orMinus(share);
        if (role == Qt::ToolTipRole && share)
            return first ? tr("Of %n first reply(s) with a target", nullptr, n)
                         : tr("Of %n resolved ticket(s) with a target", nullptr, n);
        break;
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant BreakdownModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole && section != NameColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::DisplayRole &&
        (section == FirstReplyInTimeColumn || section == ResolvedInTimeColumn))
        return twoLines(headerData(section, orientation, Qt::ToolTipRole).toString());
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(section)) {
    case NameColumn:
        return dimensionLabel(m_dimension);
    case CountColumn:
        return tr("Ratings");
    case AverageColumn:
        return tr("Average");
    case SatisfiedColumn:
        return tr("Satisfied");
    case FirstReplyInTimeColumn:
        return tr("First reply in time");
    case ResolvedInTimeColumn:
        return tr("Resolved in time");
    case ColumnCount:
        break;
    }
    return {};
}

void BreakdownModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<qint64> ids;
    ids.reserve(before.size());
    for (const QModelIndex &i : before)
        ids.append(m_rows.at(i.row()).id);
    sortRows(m_rows);
    QHash<qint64, int> rowById;
    for (int row = 0; row < m_rows.size(); ++row)
        rowById.insert(m_rows.at(row).id, row);
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after.append(index(rowById.value(ids.at(i)), before.at(i).column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void BreakdownModel::sortRows(QList<BreakdownRow> &rows) const
{
    if (m_sortColumn < 0)
        return;
    // Ties by the number of ratings (more first), then by name, so the order is stable
    // across answers.
    const auto tieBreak = [this](const BreakdownRow &a, const BreakdownRow &b) {
        if (a.count != b.count)
            return a.count > b.count;
        return a.name.localeAwareCompare(b.name) < 0;
    };
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    const auto less = [&](const BreakdownRow &a, const BreakdownRow &b) {
        int c = 0;
        switch (Column(m_sortColumn)) {
        case NameColumn: {
            // The group without a value comes last either way.
            if ((a.id == 0) != (b.id == 0))
                return b.id == 0;
            c = a.name.localeAwareCompare(b.name);
            break;
        }
        case CountColumn:
            c = a.count < b.count ? -1 : a.count > b.count ? 1 : 0;
            break;
        case AverageColumn:
            c = orMinus(a.average) < orMinus(b.average)   ? -1
                : orMinus(a.average) > orMinus(b.average) ? 1
                                                          : 0;
            break;
        case SatisfiedColumn:
            c = orMinus(a.satisfiedShare) < orMinus(b.satisfiedShare)   ? -1
                : orMinus(a.satisfiedShare) > orMinus(b.satisfiedShare) ? 1
                                                                        : 0;
            break;
        case FirstReplyInTimeColumn:
        case ResolvedInTimeColumn: {
            const bool first = m_sortColumn == FirstReplyInTimeColumn;
            const double x =
                orMinus(first ? a.inTime.firstReplyInTimeShare : a.inTime.resolvedInTimeShare);
            const double y =
                orMinus(first ? b.inTime.firstReplyInTimeShare : b.inTime.resolvedInTimeShare);
            c = x < y ? -1 : x > y ? 1 : 0;
            break;
        }
        case ColumnCount:
            break;
        }
        if (c != 0)
            return ascending ? c < 0 : c > 0;
        return tieBreak(a, b);
    };
    std::stable_sort(rows.begin(), rows.end(), less);
}

} // namespace models
