#pragma once

#include <QObject>

class QMenu;
class QSettings;
class QTableView;
namespace models {
class QueueFilter;
class TicketTableModel;
} // namespace models

// The ticket table's header: which columns show, their widths (fitted to the table's width
// until the user sizes or moves a column), the sort indicator (the server's sort, from the
// query) and sorting by a click, the columns menu, and the header's state between starts.
class TableHeaderController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableHeaderController)

public:
    // `view` shows `model` already.
    TableHeaderController(QTableView *view, models::TicketTableModel *model,
                          models::QueueFilter *filter, QSettings *settings,
                          QObject *parent = nullptr);
    ~TableHeaderController() override;

    // A checkable entry for each column (View › Columns, the header's context menu).
    void fillColumnsMenu(QMenu *menu);
    void saveState() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Default column widths for the table's width (until the user arranges the columns).
    void fitColumns();
    void restoreState();
    void showSortIndicator();
    void sortBy(int column, Qt::SortOrder order);

    QTableView *m_view;
    models::TicketTableModel *m_model;
    models::QueueFilter *m_filter;
    QSettings *m_settings;
    bool m_autoFit = true;
    bool m_fitting = false;
};
