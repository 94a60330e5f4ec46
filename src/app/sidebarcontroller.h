#pragma once

#include <QObject>
#include <QTimer>

namespace Ui {
class MainWindow;
}
class QSettings;
namespace models {
class Directory;
class QueueFilter;
} // namespace models

// The queue sidebar: built-in queues, the status and priority groups with live counts, the
// further filters (assignee, category, visibility, device, customer) and the debounced
// full-text search. Everything it chooses goes into the QueueFilter; the last choice is
// restored at the next start.
class SidebarController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SidebarController)

public:
    static constexpr int SearchDelayMs = 300;

    SidebarController(Ui::MainWindow *ui, models::QueueFilter *filter, models::Directory *directory,
                      QSettings *settings, QObject *parent = nullptr);
    ~SidebarController() override;

    void focusSearch();
    // Fills the filter combo boxes from the directory (after it loaded).
    void fillFilterChoices();
    void saveState() const;
    // Unticks every status and priority and resets the other filters, the queue stays;
    // the search text too unless `keepText`.
    void clearFilters(bool keepText);
    // The search over every ticket: the queue "All", no filters.
    void searchAllTickets();
    // Only the tickets of this device / customer (from the detail pane's links).
    void showDeviceTickets(qint64 deviceId);
    void showCustomerTickets(qint64 customerId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void restoreState();
    // As wide as the filters need, and a scroll bar (the sidebar scrolls on low screens).
    void fitWidth();
    void applyExtraFilters();
    void selectQueueRow(int row);

    Ui::MainWindow *m_ui;
    models::QueueFilter *m_filter;
    models::Directory *m_directory;
    QSettings *m_settings;
    QTimer m_searchTimer;
    bool m_filling = false;
};
