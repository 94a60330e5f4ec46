#include "ticketcells.h"

#include "client/outbox.h"
#include "labels.h"
#include "tickettablemodel.h"

#include <QBrush>
#include <QFont>
#include <QIcon>
#include <QIconEngine>
#include <QPainter>

using namespace Qt::StringLiterals;
using core::TicketSummary;

namespace models {
namespace {

using Table = TicketTableModel;

// A small clock in the unsent colour: "waiting". Painted, so that the models library needs
// no image files (and no image plugin) and the icon is sharp at any size.
class UnsentIconEngine final : public QIconEngine
{
public:
    void paint(QPainter *painter, const QRect &rect, QIcon::Mode, QIcon::State) override
    {
        const qreal side = qMin(rect.width(), rect.height()) * 0.8;
        const QRectF face(rect.center().x() - side / 2 + 0.5, rect.center().y() - side / 2 + 0.5,
                          side, side);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        QPen pen(TicketCells::unsentColor(), qMax(1.0, side / 9));
        pen.setCapStyle(Qt::RoundCap);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(face);
        const QPointF c = face.center();
        painter->drawLine(c, c - QPointF(0, side * 0.32));
        painter->drawLine(c, c + QPointF(side * 0.24, 0));
        painter->restore();
    }
    QIconEngine *clone() const override { return new UnsentIconEngine; }
};

// The columns that show a field of a PATCH /tickets/{id}.
QList<bool> unsentColumns(const QJsonObject &unsent)
{
    QList<bool> c(Table::ColumnCount, false);
    c[Table::PriorityColumn] = unsent.contains(u"priority");
    // The title carries the internal marking: a visibility change shows there.
    c[Table::TitleColumn] = unsent.contains(u"title") || unsent.contains(u"visibility");
    c[Table::StatusColumn] = unsent.contains(u"status");
    c[Table::AssigneeColumn] = unsent.contains(u"assigneeId");
    return c;
}

} // namespace

TicketCells::TicketCells(const TicketSummary &server, const QJsonObject &unsent,
                         const std::function<QString(qint64)> &staffName)
    : m_shown(unsent.isEmpty() ? server : client::withChanges(server, unsent))
    , m_hasUnsent(!unsent.isEmpty())
    , m_unsentColumns(unsentColumns(unsent))
{
    // The outbox knows the chosen member's id only: their name comes from the directory.
    if (m_shown.assigneeId && m_shown.assigneeName.isEmpty()) {
        const QString name = staffName ? staffName(*m_shown.assigneeId) : QString();
        m_shown.assigneeName = name.isEmpty() ? u"#%1"_s.arg(*m_shown.assigneeId) : name;
    }
}

QColor TicketCells::unsentColor()
{
    return QColor(0xb4, 0x53, 0x09); // amber: not a priority's red or blue, nor grey
}

bool TicketCells::isInternal() const
{
    return m_shown.visibility == core::Visibility::Internal;
}

QVariant TicketCells::data(int column, int role) const
{
    switch (role) {
    case Table::UnsentRole:
        return m_hasUnsent;
    case Table::UnsentValueRole:
        return isUnsent(column);
    case Table::IdRole:
        return m_shown.id;
    case Table::VersionRole:
        return m_shown.version;
    case Table::PriorityRole:
        return int(m_shown.priority);
    case Table::StatusRole:
        return int(m_shown.status);
    case Table::VisibilityRole:
        return int(m_shown.visibility);
    case Qt::FontRole:
        if (isInternal() || isUnsent(column)) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        return isUnsent(column) ? QVariant(QBrush(unsentColor())) : QVariant();
    case Qt::ToolTipRole: {
        const QString tip = toolTip(column);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::AccessibleTextRole:
        return accessibleText(column);
    case Qt::AccessibleDescriptionRole: {
        const QString description = accessibleDescription(column);
        return description.isEmpty() ? QVariant() : QVariant(description);
    }
    case Qt::DecorationRole:
        if (column == Table::NumberColumn && m_hasUnsent)
            return QIcon(new UnsentIconEngine);
        break;
    default:
        break;
    }
    return value(column, role);
}

QVariant TicketCells::value(int column, int role) const
{
    const TicketSummary &t = m_shown;
    switch (column) {
    case Table::PriorityColumn:
        if (role == Qt::DisplayRole)
            return priorityLabel(t.priority);
        if (role == Qt::DecorationRole)
            return priorityColor(t.priority);
        if (role == Table::SortRole)
            return int(t.priority);
        break;
    case Table::NumberColumn:
        if (role == Qt::DisplayRole)
            return t.number;
        if (role == Table::SortRole)
            return t.createdAt; // numbers are handed out in creation order
        break;
    case Table::TitleColumn:
    case Table::DeviceColumn:
    case Table::CustomerColumn:
    case Table::FlowColumn:
        if (role == Qt::DisplayRole || role == Table::SortRole) {
            return column == Table::TitleColumn    ? t.title
                   : column == Table::DeviceColumn ? t.deviceName
                   : column == Table::FlowColumn   ? t.flowName
                                                   : t.customerName;
        }
        break;
    case Table::StatusColumn:
        if (role == Qt::DisplayRole)
            return statusLabel(t.status);
        if (role == Table::SortRole)
            return int(t.status);
        break;
    case Table::AssigneeColumn:
        if (role == Qt::DisplayRole)
            return t.assigneeName.isEmpty() ? tr("—") : t.assigneeName;
        if (role == Table::SortRole)
            return t.assigneeName;
        break;
    case Table::UpdatedColumn:
        if (role == Qt::DisplayRole)
            return shortDateTime(t.updatedAt);
        if (role == Table::SortRole)
            return t.updatedAt;
        break;
    case Table::RatingColumn:
        if (role == Qt::DisplayRole)
            return starsText(t.ratingStars.value_or(0));
        if (role == Table::SortRole)
            return t.ratingStars.value_or(0);
        break;
    default:
        break;
    }
    return {};
}

QString TicketCells::toolTip(int column) const
{
    const QString waiting = m_hasUnsent ? tr("Your change is waiting to be sent.") : QString();
    if (column == Table::UpdatedColumn)
        return longDateTime(m_shown.updatedAt); // the server's time: nothing unsent here
    if (column != Table::TitleColumn)
        return waiting;
    // Internal tickets are set in italics; the tooltip says why.
    QString tip =
        isInternal()
            ? QCoreApplication::translate("models", "%1\n(internal: staff only)").arg(m_shown.title)
            : m_shown.title;
    if (!waiting.isEmpty())
        tip += u'\n' + waiting;
    return plainToolTip(tip);
}

QString TicketCells::accessibleText(int column) const
{
    QString text = value(column, Qt::DisplayRole).toString();
    if (column == Table::TitleColumn && isInternal())
        text = tr("%1 (internal)").arg(text);
    if (isUnsent(column))
        text = tr("%1 (not sent yet)").arg(text);
    else if (column == Table::NumberColumn && m_hasUnsent)
        text = tr("%1 (changes not sent yet)").arg(text);
    return text;
}

QString TicketCells::accessibleDescription(int column) const
{
    QStringList parts;
    if (isInternal())
        parts.append(tr("Internal ticket: staff only."));
    if (isUnsent(column) || (column == Table::NumberColumn && m_hasUnsent))
        parts.append(tr("Your change is waiting to be sent."));
    return parts.join(u' ');
}

} // namespace models
