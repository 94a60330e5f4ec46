#pragma once

#include <QStyledItemDelegate>

// History rows: the sentence on the left, when it happened on the right in a muted colour
// (the model's AtRole, a local QDateTime). The sentence is plain text.
class HistoryDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryDelegate)

public:
    explicit HistoryDelegate(int atRole, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QString timeText(const QModelIndex &index) const;
    int m_atRole;
};
