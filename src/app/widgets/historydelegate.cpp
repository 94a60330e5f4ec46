#include "historydelegate.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>

HistoryDelegate::HistoryDelegate(int atRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_atRole(atRole)
{}

QString HistoryDelegate::timeText(const QModelIndex &index) const
{
    const QDateTime at = index.data(m_atRole).toDateTime();
    if (!at.isValid())
        return {};
    const QLocale locale;
    if (at.date() == QDate::currentDate())
        return locale.toString(at.time(), QLocale::ShortFormat);
    return locale.toString(at, QLocale::ShortFormat);
}

void HistoryDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString time = timeText(index);
    const QFontMetrics fm(opt.font);
    const int timeWidth = time.isEmpty() ? 0 : fm.horizontalAdvance(time) + 16;
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // The row's background and sentence, leaving room for the time.
    QStyleOptionViewItem text = opt;
    text.rect.setRight(text.rect.right() - timeWidth);
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    text.backgroundBrush = Qt::NoBrush;
    style->drawControl(QStyle::CE_ItemViewItem, &text, painter, widget);
    if (time.isEmpty())
        return;
    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(
        option.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
    painter->setFont(opt.font);
    painter->drawText(option.rect.adjusted(0, 0, -8, 0), Qt::AlignRight | Qt::AlignVCenter, time);
    painter->restore();
}

QSize HistoryDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(qMax(size.height(), option.fontMetrics.height() + 10));
    return size;
}
