#include "macrolist.h"

#include "core/enums.h"
#include "labels.h"

using namespace Qt::StringLiterals;

namespace models {

MacroList::MacroList(client::ApiClient *api, QObject *parent)
    : LibraryList(api, u"/macros"_s, u"macro"_s, parent)
{}

void MacroList::setStaffNames(std::function<QString(qint64)> staffName)
{
    m_staffName = std::move(staffName);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {DescriptionRole});
}

QString MacroList::describe(const QJsonObject &macro) const
{
    const QJsonObject changes = macro.value(u"changes"_s).toObject();
    QStringList parts;
    if (const auto s = core::parseStatus(changes.value(u"status"_s).toString()))
        parts << tr("Status: %1").arg(statusLabel(*s));
    if (const auto p = core::parsePriority(changes.value(u"priority"_s).toString()))
        parts << tr("Priority: %1").arg(priorityLabel(*p));
    if (changes.contains(u"assigneeId"_s)) {
        const QJsonValue a = changes.value(u"assigneeId"_s);
        QString who;
        if (a == u"me"_s)
            who = tr("me");
        else if (a.isNull())
            who = tr("nobody");
        else if (m_staffName)
            who = m_staffName(a.toInteger());
        if (who.isEmpty())
            who = u"#%1"_s.arg(a.toInteger());
        parts << tr("Assignee: %1").arg(who);
    }
    if (const auto v = core::parseVisibility(changes.value(u"visibility"_s).toString()))
        parts << tr("Visibility: %1").arg(visibilityLabel(*v));
    if (macro.value(u"note"_s).isObject())
        parts << tr("Internal note");
    if (macro.value(u"message"_s).isObject())
        parts << tr("Message to the code user");
    return parts.join(u" · "_s);
}

QVariant MacroList::itemData(const QJsonObject &item, int role) const
{
    switch (role) {
    case Qt::ToolTipRole:
    case DescriptionRole:
        return describe(item);
    case ChangesRole:
        return item.value(u"changes"_s).toObject();
    case NoteRole:
        return item.value(u"note"_s)[u"body"_s].toString();
    case MessageRole:
        return item.value(u"message"_s)[u"body"_s].toString();
    default:
        return {};
    }
}

} // namespace models
