#pragma once

#include "models/notificationpolicy.h"

#include <QObject>
#include <QPointer>

class ClockWatch;
class DesktopNotifier;
class MyUnreadCount;
class NotificationSettingsDialog;
class QAction;
class QMainWindow;
class QMenu;
class QSettings;
class QSystemTrayIcon;
class QTimer;
namespace client {
class ApiClient;
class EventStream;
} // namespace client
namespace models {
class Directory;
class QueueFilter;
class TicketDocument;
} // namespace models

// Desktop notifications and the tray icon for the main window. The decisions are the
// NotificationPolicy's (src/models); this feeds it (the event stream, who I am, the ticket
// in front of me, my own changes, the settings) and shows what it decides: through the
// notification service (DesktopNotifier), else the tray icon's balloon, and flashes the
// window's taskbar entry (QApplication::alert) for what concerns me. The tray icon's tooltip
// and badge count the server's unread tickets of "My tickets" (MyUnreadCount) plus the new
// unassigned tickets in my fleets; a click raises the window. ClockWatch feeds the warnings
// of clocks about to breach on my tickets. View › Notifications… switches the kinds (QSettings
// "notifications/…").
class NotificationController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationController)

public:
    struct Parts {
        QMainWindow *window;
        QMenu *viewMenu; // gets "Notifications…"
        client::ApiClient *api;
        client::EventStream *events;
        models::Directory *directory;
        models::TicketDocument *document; // the ticket in front of me
        models::QueueFilter *filter;      // its rounds of counts refresh the unread one
        QSettings *settings;
    };
    NotificationController(const Parts &parts, QObject *parent);
    ~NotificationController() override;

    models::NotificationPolicy *policy() const { return m_policy; }
    DesktopNotifier *notifier() const { return m_notifier; }
    QSystemTrayIcon *trayIcon() const { return m_tray; } // null: the desktop has no tray
    QAction *settingsAction() const { return m_settingsAction; }
    ClockWatch *clockWatch() const { return m_clockWatch; }
    MyUnreadCount *myUnread() const { return m_myUnread; }
    // The dialog while it is open (for tests).
    NotificationSettingsDialog *settingsDialog() const;
    // What the tray counts: my unread tickets plus new unassigned ones in my fleets.
    int attentionCount() const;

    static QString settingsKey(models::NotificationKind kind);

Q_SIGNALS:
    // Bring the ticket up in the window (and raise it).
    void openTicketRequested(qint64 ticketId);

private:
    void show(const models::Notification &notification);
    void updateInFront();
    void updateMe();
    void updateTray();
    void lookUp(qint64 ticketId);
    void noteOwnChange(const QString &path, const QJsonObject &body);
    void assignToMe(qint64 ticketId);
    void raiseWindow();
    void showSettings();
    void loadSettings();

    Parts m_parts;
    models::NotificationPolicy *m_policy;
    DesktopNotifier *m_notifier;
    ClockWatch *m_clockWatch;
    MyUnreadCount *m_myUnread;
    QSystemTrayIcon *m_tray = nullptr;
    QTimer *m_flushTimer;
    QAction *m_settingsAction;
    QPointer<NotificationSettingsDialog> m_dialog;
    qint64 m_assignWhenLoaded = 0;
    bool m_wasActive = false;
    bool m_meKnown = false;
};
