#pragma once

#include <QList>
#include <QObject>
#include <QTimer>
#include <memory>

class QAction;
class QActionGroup;
class QMainWindow;
class QMenu;
class QSettings;
class QTableView;
class TableActions;
class TicketListController;
namespace client {
class ApiClient;
class EventStream;
} // namespace client
namespace models {
class QueueFilter;
class TicketTableModel;
class UnreadTracker;
} // namespace models

// Unread tickets in the main window: "Next unread" (U) goes to the next unread row of the
// list (wrapping), "Mark as unread" (Shift+U) marks the current or selected tickets unread
// again; both act on the table (Ticket menu, context menu, shortcuts list, palette). The
// ticket in the detail pane is marked seen after the delay chosen in View › Mark as read
// (models::UnreadTracker). The "Needs reply" list is read again when a reply may have
// taken a ticket out of it (the client cannot judge `awaiting=staff` itself).
class UnreadActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnreadActions)

public:
    struct Parts {
        QMainWindow *window;
        QTableView *view;
        TicketListController *list;
        models::TicketTableModel *table;
        models::QueueFilter *filter;
        TableActions *tableActions;
        client::ApiClient *api;
        client::EventStream *events;
        QSettings *settings;
        QMenu *ticketMenu;
        QMenu *viewMenu;
    };
    explicit UnreadActions(const Parts &parts, QObject *parent = nullptr);
    ~UnreadActions() override;

    models::UnreadTracker *tracker() const { return m_tracker.get(); }
    QAction *nextUnreadAction() const { return m_next; }
    QAction *markUnreadAction() const { return m_markUnread; }
    // The ticket in the detail pane (0: none).
    void setOpenTicket(qint64 id);
    // A ticket shown in a window of its own counts as open too, until the window closes.
    void addWindowTicket(qint64 id);
    void removeWindowTicket(qint64 id);
    // Goes to the next unread row after the current one, wrapping; false if there is none.
    bool selectNextUnread();
    void markSelectionUnread();

Q_SIGNALS:
    void infoMessage(const QString &text);
    void errorMessage(const QString &text);

private:
    void setUpDelayMenu(QMenu *viewMenu);
    void setDelay(int ms);

    Parts m_parts;
    std::unique_ptr<models::UnreadTracker> m_tracker;
    QAction *m_next;
    QAction *m_markUnread;
    QActionGroup *m_delayGroup = nullptr;
    QTimer m_needsReplyReload;
};
