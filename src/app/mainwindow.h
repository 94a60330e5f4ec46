#pragma once

#include "appcontext.h"

#include <QMainWindow>
#include <memory>

namespace Ui {
class MainWindow;
}
namespace models {
class Directory;
class HistoryModel;
class PostListModel;
class PresenceTracker;
class TextModuleList;
class MacroList;
class QueueFilter;
class TicketDocument;
class TicketTableModel;
class ViewList;
} // namespace models
class ConnectionController;
class QAction;
class ConversationTabs;
class DetailPane;
class EventRouter;
class FleetAdminDialog;
class PaletteController;
class HelpController;
class LibraryController;
class MessageController;
class NotificationController;
class SidebarController;
class StatisticsView;
class TableHeaderController;
class TicketListController;
class TicketWindows;
class ToolWindowsController;
class ViewsController;
class TableActions;
class UnreadActions;
class ShortcutsDialog;
class WindowStateController;

// The backoffice window: queue sidebar | ticket table | detail pane over the conversation
// tabs. The window only assembles; the controllers do the work: SidebarController (queues
// and filters), TicketListController (the table), DetailPane and ConversationTabs (the
// open ticket), ConnectionController (status bar), EventRouter (live updates),
// PaletteController (Ctrl+K), TicketWindows (tickets in windows of their own),
// MessageController (the message bar), ToolWindowsController (statistics and fleets) and
// WindowStateController (what is kept between starts).
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const AppContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads the directories, counts and first page, and opens the event stream.
    void start();
    // A notice in the window's message bar (plain text); see MessageController.
    void showInfo(const QString &text);
    // An error there with a button for `action` (not owned), until the next message.
    void showErrorWithAction(const QString &text, QAction *action);
    // The local server (the one this client started) is down: says so with `message` in the
    // message bar, and offers "Restart local server" there and in the status bar until
    // it is up again (down == false).
    void setLocalServerDown(bool down, const QString &message = {});
    // Brings the ticket up in the detail pane: selected in the table when it is loaded
    // there, opened on its own otherwise.
    void showTicket(qint64 id);
    // The rating statistics in their own window (created on first use), loaded afresh.
    void showStatistics();
    StatisticsView *statisticsView() const;
    // Fleet management in its own window (administrators edit, agents read).
    void showFleets();
    FleetAdminDialog *fleetsDialog() const;

    models::TicketTableModel *tableModel() const { return m_table.get(); }
    models::TicketDocument *document() const { return m_document.get(); }
    TicketListController *ticketList() const { return m_ticketList.get(); }
    // The saved views (for the command palette: name, row, applyView through views()).
    models::ViewList *views() const { return m_views.get(); }
    ViewsController *viewsController() const { return m_viewsController; }
    ConversationTabs *conversation() const { return m_conversation; }
    models::TextModuleList *textModules() const { return m_textModules.get(); }
    models::MacroList *macros() const { return m_macros.get(); }
    // The command palette (Ctrl+K): other parts add their entries there.
    PaletteController *palette() const { return m_palette.get(); }
    // Tickets in windows of their own (Ctrl+Shift+O; its action for context menus).
    TicketWindows *ticketWindows() const { return m_ticketWindows.get(); }
    TableActions *tableActions() const { return m_tableActions.get(); }
    UnreadActions *unreadActions() const { return m_unread; }
    // Desktop notifications, the tray icon and View › Notifications….
    NotificationController *notifications() const { return m_notifications; }
    // Help › Keyboard shortcuts (`?`): created on first use, listing every shortcut.
    ShortcutsDialog *shortcutsDialog() const;

Q_SIGNALS:
    // The first page of tickets is in and painted (for --measure-startup).
    void firstRowsShown();
    // The user asked for the local server to be started again now.
    void restartLocalServerRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setUpActions();
    void openTicket(qint64 id);
    // F5: everything again from the server, unless it cannot be reached.
    void reload();
    void openTicketNumber(const QString &number);

    AppContext m_context;
    std::unique_ptr<Ui::MainWindow> m_ui;
    std::unique_ptr<models::Directory> m_directory;
    std::unique_ptr<models::QueueFilter> m_filter;
    std::unique_ptr<models::TicketTableModel> m_table;
    std::unique_ptr<models::TicketDocument> m_document;
    std::unique_ptr<models::PostListModel> m_messages;
    std::unique_ptr<models::PostListModel> m_notes;
    std::unique_ptr<models::HistoryModel> m_history;
    std::unique_ptr<models::PresenceTracker> m_presence;
    std::unique_ptr<models::TextModuleList> m_textModules;
    std::unique_ptr<models::MacroList> m_macros; // for an "Apply macro" menu
    std::unique_ptr<models::ViewList> m_views;
    ViewsController *m_viewsController = nullptr;
    LibraryController *m_library = nullptr;
    DetailPane *m_detail = nullptr;
    ConversationTabs *m_conversation = nullptr;
    MessageController *m_messageBar = nullptr;
    ToolWindowsController *m_toolWindows = nullptr;
    WindowStateController *m_windowState = nullptr;
    std::unique_ptr<SidebarController> m_sidebar;
    std::unique_ptr<TicketListController> m_ticketList;
    std::unique_ptr<TableHeaderController> m_tableHeader;
    std::unique_ptr<TableActions> m_tableActions;
    UnreadActions *m_unread = nullptr;
    HelpController *m_help = nullptr;
    NotificationController *m_notifications = nullptr;
    std::unique_ptr<ConnectionController> m_connection;
    std::unique_ptr<EventRouter> m_router;
    std::unique_ptr<PaletteController> m_palette;
    std::unique_ptr<TicketWindows> m_ticketWindows; // after m_router: goes before it
    bool m_firstRowsShown = false;
};
