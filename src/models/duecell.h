#pragma once

#include "core/types.h"

#include <QColor>
#include <QCoreApplication>
#include <QVariant>

namespace models {

// The ticket table's "Due" cell: the time left until the next running due time of the
// ticket's response clocks (the first reply while nobody has replied, then the resolution),
// in short words ("2 h 10 min", "overdue 35 min", "paused" while the ticket waits), red
// when a clock is breached, amber within the hour, with the exact due times as tooltip.
class DueCell final
{
    Q_DECLARE_TR_FUNCTIONS(models::DueCell)

public:
    enum class State { None, Running, Soon, Breached, Paused };

    // `now`: msecs since the epoch (the table model's clock, injectable for tests).
    DueCell(const core::TicketSummary &ticket, qint64 now);

    State state() const { return m_state; }
    // Display, Foreground, ToolTip and AccessibleText; other roles are empty.
    QVariant data(int role) const;
    // Overdue in short: "−35 min" (red); spokenText() says "overdue 35 min".
    QString text() const;
    QString spokenText() const;
    QString toolTip() const;
    // One line for the detail pane: the time left and the due times in short, e.g.
    // "2 h 10 min · first reply due 12/7/26 2:30 PM · resolution due 12/8/26 5:00 PM".
    QString summaryLine() const;

    // "2 h 10 min", "3 d 4 h", "45 min": whole minutes, rounded down.
    static QString durationText(qint64 msecs);
    // "35 min", "4 h", "3 d": the largest unit only (at least a minute).
    static QString overdueText(qint64 msecs);
    static QColor breachedColor();
    static QColor soonColor();
    // How close a running due time counts as "soon".
    static constexpr qint64 SoonMsecs = 60 * 60 * 1000;

private:
    const core::TicketSummary &m_ticket;
    qint64 m_now;
    std::optional<qint64> m_next; // the next running due time
    State m_state = State::None;
    bool m_breached = false; // a clock is breached (also while paused)
};

} // namespace models
