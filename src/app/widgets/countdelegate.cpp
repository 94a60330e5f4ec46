#include "countdelegate.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>

#include "models/unreadcells.h"

namespace {
// QueueListModel, FacetListModel and ViewList all have these two.
constexpr int CountRole = Qt::UserRole + 2;
constexpr int UnreadCountRole = Qt::UserRole + 10;

QColor unreadPillColor()
{
    return models::unreadDotColor();
}
} // namespace

CountDelegate::CountDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

void CountDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    const QVariant countValue = index.data(CountRole);
    const int count = countValue.isValid() ? countValue.toInt() : -1;
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = count >= 0 ? QLocale().toString(count) : QString();
    const int unread = index.data(UnreadCountRole).toInt(); // invalid: 0
    const QString unreadText = unread > 0 ? QLocale().toString(unread) : QString();
    const QFontMetrics fm(opt.font);
    QFont boldFont = opt.font;
    boldFont.setBold(true);
    const QFontMetrics boldFm(boldFont);
    const int pillWidth = text.isEmpty() ? 0 : fm.horizontalAdvance(text) + 12;
    const int unreadWidth = unreadText.isEmpty() ? 0 : boldFm.horizontalAdvance(unreadText) + 12;
    // Leave room for the pills so that long names elide before them.
    opt.rect.setRight(opt.rect.right() - pillWidth - (unreadWidth ? unreadWidth + 4 : 0) - 6);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    background.features &= ~QStyleOptionViewItem::HasCheckIndicator;
    background.features &= ~QStyleOptionViewItem::HasDecoration;
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
    opt.state &= ~QStyle::State_Selected;
    opt.backgroundBrush = Qt::NoBrush;
    if (option.state & QStyle::State_Selected)
        opt.palette.setColor(QPalette::Text, option.palette.color(QPalette::HighlightedText));
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    if (!unreadText.isEmpty()) {
        // The unread ones, left of the total: filled in the colour of the table's dot.
        const QRect pill(option.rect.right() - pillWidth - (pillWidth ? 4 : 0) - unreadWidth - 4,
                         option.rect.center().y() - fm.height() / 2 - 1, unreadWidth,
                         fm.height() + 2);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(unreadPillColor());
        painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
        painter->setPen(Qt::white);
        painter->setFont(boldFont);
        painter->drawText(pill, Qt::AlignCenter, unreadText);
        painter->restore();
    }
    if (text.isEmpty())
        return;

    const QRect pill(option.rect.right() - pillWidth - 4,
                     option.rect.center().y() - fm.height() / 2 - 1, pillWidth, fm.height() + 2);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option.state & QStyle::State_Selected;
    QColor fill = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Mid);
    fill.setAlpha(selected ? 60 : 70);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->setFont(opt.font);
    painter->drawText(pill, Qt::AlignCenter, text);
    painter->restore();
}

QSize CountDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(qMax(size.height(), option.fontMetrics.height() + 8));
    return size;
}
