#pragma once

#include <QObject>
#include <memory>

namespace Ui {
class MainWindow;
}
class QComboBox;
class QSettings;
class SearchBoxController;
namespace models {
class Directory;
class DirectorySearch;
class QueueFilter;
} // namespace models

// The queue sidebar: built-in queues, the status and priority groups with live counts, the
// further filters (assignee, category, visibility, device, customer) and the search box
// (SearchBoxController: its terms are these filters). Everything it chooses goes into the
// QueueFilter; the last choice is restored at the next start.
class SidebarController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SidebarController)

public:
    SidebarController(Ui::MainWindow *ui, models::QueueFilter *filter, models::Directory *directory,
                      QSettings *settings, QObject *parent = nullptr);
    ~SidebarController() override;

    void focusSearch();
    SearchBoxController *searchBox() const { return m_search.get(); }
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
    // The filter of the box that changed (only its dimension: the search box may have
    // given several values of another).
    void applyExtraFilter(QComboBox *changed);
    // The boxes show what the filter holds (after a search or a view).
    void followFilter();
    void selectQueueRow(int row);

    Ui::MainWindow *m_ui;
    models::QueueFilter *m_filter;
    models::Directory *m_directory;
    QSettings *m_settings;
    std::unique_ptr<models::DirectorySearch> m_names;
    std::unique_ptr<SearchBoxController> m_search;
    bool m_filling = false;
};
