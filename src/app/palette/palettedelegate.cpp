#include "palettedelegate.h"

#include "models/palettemodel.h"

#include <QApplication>
#include <QPainter>

void PaletteDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QRect r = opt.rect.adjusted(8, 0, -8, 0);
    const QString detail = index.data(models::PaletteModel::DetailRole).toString();
    painter->save();
    painter->setFont(opt.font);
    const QFontMetrics metrics(opt.font);
    // Whole when it fits in a third of the row (a shortcut always does).
    const int detailWidth =
        detail.isEmpty() ? 0 : std::min(metrics.horizontalAdvance(detail) + 2, r.width() / 3);
    QColor muted = opt.palette.color(QPalette::Active, selected ? QPalette::HighlightedText
                                                                : QPalette::PlaceholderText);
    if (selected)
        muted.setAlphaF(0.8f);
    painter->setPen(muted);
    painter->drawText(QRect(r.right() - detailWidth, r.top(), detailWidth, r.height()),
                      Qt::AlignRight | Qt::AlignVCenter,
                      metrics.elidedText(detail, Qt::ElideRight, detailWidth));
    painter->setPen(
        opt.palette.color(QPalette::Active, selected ? QPalette::HighlightedText : QPalette::Text));
    const int textWidth = r.width() - detailWidth - (detailWidth ? 16 : 0);
    painter->drawText(QRect(r.left(), r.top(), textWidth, r.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(text, Qt::ElideRight, textWidth));
    painter->restore();
}

QSize PaletteDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    // Every row alike (uniform sizes): no text measured for 10,000 rows.
    return {200, option.fontMetrics.height() + 10};
}
