#pragma once

#include "ticketwindow.h"

#include <QList>
#include <QObject>

class QAction;
class QMenu;
class QSettings;
class EventRouter;

// The tickets open in windows of their own, for the main window: "Open in window"
// (Ctrl+Shift+O) on the main window's current ticket (openInWindowAction(), also for the
// table's context menu), one window per ticket (opening it again raises it), each routed
// live by the EventRouter, the last geometry remembered. closeAll() when the main window
// closes (each saves its drafts).
class TicketWindows final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketWindows)

public:
    // `owner`: the main window (the windows' parent); `menu`: where the action goes.
    TicketWindows(QWidget *owner, const TicketWindow::Services &services, EventRouter *router,
                  QSettings *settings, QMenu *menu, QObject *parent = nullptr);
    ~TicketWindows() override;

    QAction *openInWindowAction() const { return m_action; }
    // The ticket the action opens (the main window's current one; 0: none, disabled).
    void setCurrentTicket(qint64 ticketId);
    // Opens `ticketId` in its window, or raises the one it has.
    TicketWindow *open(qint64 ticketId);
    TicketWindow *window(qint64 ticketId) const;
    QList<TicketWindow *> windows() const { return m_windows; }
    void closeAll();

Q_SIGNALS:
    // A window was made for a ticket (before it is shown).
    void windowOpened(TicketWindow *window);
    // A ticket's window was closed.
    void windowClosed(qint64 ticketId);
    // A window's "All tickets of this device / customer" (the main window lists them).
    void deviceTicketsRequested(qint64 deviceId);
    void customerTicketsRequested(qint64 customerId);

private:
    void forget(TicketWindow *window);
    void bringOwnerUp();

    QWidget *m_owner;
    TicketWindow::Services m_services;
    EventRouter *m_router;
    QSettings *m_settings;
    QAction *m_action;
    qint64 m_current = 0;
    QList<TicketWindow *> m_windows;
};
