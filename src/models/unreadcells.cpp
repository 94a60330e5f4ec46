#include "unreadcells.h"

#include "tickettablemodel.h"

#include <QCoreApplication>
#include <QFont>
#include <QIcon>
#include <QIconEngine>
#include <QPainter>

namespace models {
namespace {

// A filled dot, painted (no image files): sharp at any size.
class UnreadIconEngine final : public QIconEngine
{
public:
    void paint(QPainter *painter, const QRect &rect, QIcon::Mode, QIcon::State) override
    {
        const qreal side = qMin(rect.width(), rect.height()) * 0.5;
        const QRectF dot(rect.center().x() - side / 2 + 0.5, rect.center().y() - side / 2 + 0.5,
                         side, side);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(unreadDotColor());
        painter->drawEllipse(dot);
        painter->restore();
    }
    QIconEngine *clone() const override { return new UnreadIconEngine; }
};

} // namespace

QColor unreadDotColor()
{
    return QColor(0x25, 0x63, 0xeb);
}

QVariant unreadCellData(int column, int role, QVariant value)
{
    switch (role) {
    case Qt::FontRole: {
        // Only the attributes set here replace the view's font: bold, and the italics of
        // an internal ticket or an unsent value kept.
        QFont font;
        font.setBold(true);
        if (value.isValid() && value.value<QFont>().italic())
            font.setItalic(true);
        return font;
    }
    case Qt::DecorationRole:
        if (column == TicketTableModel::TitleColumn && !value.isValid())
            return QIcon(new UnreadIconEngine);
        return value;
    case Qt::AccessibleTextRole:
        if (column == TicketTableModel::TitleColumn)
            return QCoreApplication::translate("models::TicketTableModel", "Unread: %1")
                .arg(value.toString());
        return value;
    default:
        return value;
    }
}

} // namespace models
