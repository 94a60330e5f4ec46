#pragma once

#include <QObject>

namespace Ui {
class MainWindow;
}
class ListHeading;
namespace core {
class TicketQuery;
}
namespace models {
class QueueFilter;
class TicketTableModel;
} // namespace models

// The ticket table: feeds the model from the sidebar's query, keeps the user on their
// ticket through live updates, offers j/k and arrow navigation, and reports the current
// ticket. Its header (columns, widths, sort) is TableHeaderController's.
class TicketListController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketListController)

public:
    TicketListController(Ui::MainWindow *ui, models::TicketTableModel *model,
                         models::QueueFilter *filter, QObject *parent = nullptr);
    ~TicketListController() override;

    qint64 currentTicket() const { return m_current; }
    // Selects the ticket's row if it is loaded; returns whether it is.
    bool selectTicket(qint64 id);
    // No row current (the detail pane shows a ticket from elsewhere, or nothing).
    void clearSelection();
    // The detail pane shows a ticket the list does not hold (opened from elsewhere): a
    // reload keeps it rather than going to the first row; a row chosen or a new query ends it.
    void keepTicketOpenedElsewhere() { m_keepElsewhere = true; }
    // The searched ticket number is open although the list's filters hide it.
    void noteOpenedElsewhere(const QString &number);
    void selectNext();
    void selectPrevious();
    // Shift+J/K: the selection grows (or shrinks) to the next/previous row, as Shift+arrows.
    void extendNext();
    void extendPrevious();
    // X, Space: the current row joins or leaves the selection.
    void toggleCurrent();
    // Esc: only the current row stays selected.
    void reduceSelection();
    // The selected rows' tickets, in the table's order.
    QList<qint64> selectedIds() const;

Q_SIGNALS:
    void currentTicketChanged(qint64 id);
    // The search named a ticket number that the list does not show (other filters).
    void numberNotListed(const QString &number);

private:
    void onCurrentRowChanged();
    void updateTitle();
    void step(int delta);
    void extend(int delta);
    void onFirstPage();

    Ui::MainWindow *m_ui;
    models::TicketTableModel *m_model;
    models::QueueFilter *m_filter;
    ListHeading *m_heading;
    qint64 m_current = 0;
    // The ticket to select again once a new query's first page is in.
    qint64 m_wanted = 0;
    bool m_keepElsewhere = false;
    // The search text last seen, and the ticket number to jump to when it names one.
    QString m_text;
    QString m_jumpNumber;
    QString m_openedElsewhere;
    bool m_newQuery = false;
};
