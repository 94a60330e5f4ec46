#pragma once

#include "core/ticketquery.h"

#include <QList>
#include <QObject>
#include <optional>

namespace Ui {
class MainWindow;
}
class QAction;
class QListView;
class QPoint;
class QWidget;
namespace client {
class ApiClient;
}
namespace models {
class QueueFilter;
class ViewList;
} // namespace models

// The sidebar's saved views: "My views" and "Shared views" under the built-in queues (one
// ViewList shown in two lists, each hiding the other's rows), each with its live count. A
// click applies the view to the QueueFilter; drag reorders within a section (shared ones
// for administrators only); the context menu renames, deletes and shares; Ctrl+1..9 jump to
// the first nine views; "Save view..." stores the current filters and sort.
class ViewsController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ViewsController)

public:
    ViewsController(Ui::MainWindow *ui, models::ViewList *views, models::QueueFilter *filter,
                    client::ApiClient *api, QWidget *window);
    ~ViewsController() override;

    // Administrators reorder, rename, delete and create shared views.
    void setAdmin(bool admin);
    // Opens the "Save view" dialog for the current filters.
    void saveView();
    // Applies the view of row `row` of the ViewList (0..).
    void applyRow(int row);
    // Ctrl+1..9 (in the window's actions).
    const QList<QAction *> &jumpActions() const { return m_jumps; }

private:
    void updateSections();
    void showMenu(QListView *list, const QPoint &pos);
    bool mayEdit(int row) const;

    Ui::MainWindow *m_ui;
    models::ViewList *m_views;
    models::QueueFilter *m_filter;
    client::ApiClient *m_api;
    QWidget *m_window;
    QList<QAction *> m_jumps;
    bool m_admin = false;
    bool m_applying = false;
    std::optional<core::TicketQuery> m_applied; // the query of the view shown as current
};
