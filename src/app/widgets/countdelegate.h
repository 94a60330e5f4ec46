#pragma once

#include <QStyledItemDelegate>

// Sidebar rows: the item as usual, its count (CountRole = Qt::UserRole + 2 of the queue,
// facet and view models) right-aligned in a pill, and left of it the unread ones
// (UnreadCountRole = Qt::UserRole + 10) in a filled pill when there are any. A count below
// zero is not known yet.
class CountDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CountDelegate)

public:
    explicit CountDelegate(QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
