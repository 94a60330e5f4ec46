#pragma once

#include "core/types.h"

#include <QGroupBox>

class QFormLayout;
class QLabel;

// The detail pane's response times: first reply due (or when it came), resolution due,
// paused since; a breached clock's row in red and marked "breached". Hidden without clocks
// (code users' view, or before the ticket is in).
class ClockInfoBox final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClockInfoBox)

public:
    explicit ClockInfoBox(QWidget *parent = nullptr);

    void showClocks(const core::TicketSummary &ticket);

private:
    QLabel *addRow(const QString &objectName);
    void setRow(QLabel *value, const QString &caption, const std::optional<qint64> &at,
                bool breached);

    QFormLayout *m_form;
    QLabel *m_firstReply;
    QLabel *m_resolution;
    QLabel *m_paused;
};
