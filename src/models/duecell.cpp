#include "duecell.h"

#include "labels.h"

#include <QBrush>

namespace models {

DueCell::DueCell(const core::TicketSummary &ticket, qint64 now)
    : m_ticket(ticket)
    , m_now(now)
{
    if (!ticket.clocks)
        return;
    const core::TicketClockFields &c = *ticket.clocks;
    if (ticket.dueOrder != core::TicketSummary::NoDueOrder)
        m_next = ticket.dueOrder;
    m_breached = !c.breached.isEmpty() || (m_next && *m_next <= now);
    // A waiting ticket says so, in red when a clock was breached before (the tooltip says
    // which); one whose clock ran out before it waited counts on.
    if (c.pausedSince && ticket.status == core::Status::Waiting && !m_next)
        m_state = State::Paused;
    else if (m_breached)
        m_state = State::Breached;
    else if (m_next)
        m_state = *m_next - now <= SoonMsecs ? State::Soon : State::Running;
}

QColor DueCell::breachedColor()
{
    return QColor(0xc0, 0x1c, 0x28); // red, readable on light and dark rows
}

QColor DueCell::soonColor()
{
    return QColor(0xa0, 0x6a, 0x00); // amber, darker than the unsent edits' colour
}

QString DueCell::durationText(qint64 msecs)
{
    const qint64 minutes = qMax<qint64>(0, msecs) / 60000;
    const qint64 days = minutes / (24 * 60);
    const qint64 hours = minutes / 60 % 24;
    const qint64 rest = minutes % 60;
    if (days > 0)
        return hours > 0 ? tr("%1 d %2 h").arg(days).arg(hours) : tr("%1 d").arg(days);
    if (hours > 0)
        return rest > 0 ? tr("%1 h %2 min").arg(hours).arg(rest) : tr("%1 h").arg(hours);
    return tr("%1 min").arg(rest);
}

QString DueCell::overdueText(qint64 msecs)
{
    // The largest unit only: the column stays narrow, and an hour more or less of a day
    // overdue changes nothing.
    const qint64 minutes = qMax<qint64>(1, msecs / 60000);
    if (minutes >= 24 * 60)
        return tr("%1 d").arg(minutes / (24 * 60));
    if (minutes >= 60)
        return tr("%1 h").arg(minutes / 60);
    return tr("%1 min").arg(minutes);
}

QString DueCell::text() const
{
    if (!m_ticket.clocks)
        return {};
    if (m_state == State::Paused)
        return tr("paused");
    if (!m_next)
        return m_state == State::Breached ? tr("missed") : tr("—");
    const qint64 left = *m_next - m_now;
    if (left < 0)
        return tr("−%1", "overdue by").arg(overdueText(-left)); // "−35 min": narrow
    return durationText(left);
}

QString DueCell::spokenText() const
{
    if (m_next && *m_next < m_now)
        return tr("overdue %1").arg(overdueText(m_now - *m_next));
    return text();
}

QString DueCell::toolTip() const
{
    if (!m_ticket.clocks)
        return {};
    const core::TicketClockFields &c = *m_ticket.clocks;
    QStringList lines;
    if (c.firstReplyAt)
        lines.append(tr("First reply: %1").arg(longDateTime(*c.firstReplyAt)));
    else if (c.firstReplyDue)
        lines.append(tr("First reply due: %1").arg(longDateTime(*c.firstReplyDue)));
    if (c.resolutionDue)
        lines.append(tr("Resolution due: %1").arg(longDateTime(*c.resolutionDue)));
    if (c.pausedSince)
        lines.append(tr("Paused while waiting since %1").arg(longDateTime(*c.pausedSince)));
    if (c.breached.contains(u"firstReply"))
        lines.append(tr("The first reply came too late."));
    if (c.breached.contains(u"resolution"))
        lines.append(tr("The resolution is overdue."));
    if (lines.isEmpty())
        lines.append(tr("No response targets apply."));
    return lines.join(u'\n');
}

QString DueCell::summaryLine() const
{
    if (!m_ticket.clocks)
        return {};
    const core::TicketClockFields &c = *m_ticket.clocks;
    QStringList parts;
    const QString left = spokenText();
    if (m_next || m_state == State::Paused)
        parts.append(left);
    if (c.firstReplyAt)
        parts.append(tr("first reply %1").arg(shortDateTime(*c.firstReplyAt)));
    else if (c.firstReplyDue)
        parts.append(tr("first reply due %1").arg(shortDateTime(*c.firstReplyDue)));
    if (c.resolutionDue)
        parts.append(tr("resolution due %1").arg(shortDateTime(*c.resolutionDue)));
    if (parts.isEmpty())
        return tr("No response targets apply.");
    return parts.join(QStringLiteral(" \u00b7 "));
}

QVariant DueCell::data(int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return text();
    case Qt::ForegroundRole:
        if (m_breached)
            return QBrush(breachedColor());
        if (m_state == State::Soon)
            return QBrush(soonColor());
        return {};
    case Qt::ToolTipRole: {
        const QString tip = toolTip();
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::AccessibleTextRole:
        if (m_breached)
            return tr("%1 (breached)").arg(spokenText());
        if (m_state == State::Soon)
            return tr("%1 (due soon)").arg(spokenText());
        return spokenText();
    default:
        return {};
    }
}

} // namespace models
