#pragma once

#include "core/types.h"

#include <QColor>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QVariant>
#include <functional>

namespace models {

// What the ticket table shows in one cell of a row, for every role the view, its delegate
// and screen readers ask for. Two markings that must not look alike:
// - an internal ticket: the whole row in italics; the title's tooltip, the cells'
//   accessible description and the title's accessible text say "internal";
// - an edit waiting in the outbox: the user's values in their cells, italic in their own
//   colour, a clock icon at the ticket number, and a tooltip and accessible text saying
//   that the change is not sent yet.
class TicketCells final
{
    // The table's strings keep the context they had when the model drew its cells itself.
    Q_DECLARE_TR_FUNCTIONS(models::TicketTableModel)

public:
    // `unsent`: the fields of the ticket's edit that waits in the outbox (empty: none).
    // `staffName`: a staff member's name by id, empty when not known (yet).
    TicketCells(const core::TicketSummary &server, const QJsonObject &unsent,
                const std::function<QString(qint64)> &staffName);

    QVariant data(int column, int role) const;
    // Whether the column shows a value of the unsent edit.
    bool isUnsent(int column) const { return m_unsentColumns.value(column, false); }
    // The foreground of unsent values: readable on light and dark backgrounds, and unlike
    // the priority and status colours.
    static QColor unsentColor();

private:
    QVariant value(int column, int role) const;
    QString toolTip(int column) const;
    QString accessibleText(int column) const;
    QString accessibleDescription(int column) const;
    bool isInternal() const;

    core::TicketSummary m_shown; // the server's values with the unsent ones applied
    bool m_hasUnsent = false;
    QList<bool> m_unsentColumns;
};

} // namespace models
