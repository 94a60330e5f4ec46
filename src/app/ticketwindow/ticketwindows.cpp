#include "ticketwindows.h"

#include "eventrouter.h"

#include "client/eventstream.h"

#include <QAction>
#include <QGuiApplication>
#include <QMenu>
#include <QScreen>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace {
const QString GeometryKey = u"ticketWindow/geometry"_s;
} // namespace

TicketWindows::TicketWindows(QWidget *owner, const TicketWindow::Services &services,
                             EventRouter *router, QSettings *settings, QMenu *menu, QObject *parent)
    : QObject(parent)
    , m_owner(owner)
    , m_services(services)
    , m_router(router)
    , m_settings(settings)
    , m_action(new QAction(tr("Open in &window"), owner))
{
    m_action->setObjectName(u"openInWindowAction"_s);
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_action->setEnabled(false);
    menu->addAction(m_action);
    connect(m_action, &QAction::triggered, this, [this] {
        if (m_current != 0)
            open(m_current);
    });
}

TicketWindows::~TicketWindows()
{
    // They go with the main window's models, not after them (closed ones too, which wait
    // for their deferred delete).
    for (TicketWindow *w : std::as_const(m_windows))
        m_router->removeTicketView(w->document());
    m_windows.clear();
    qDeleteAll(m_owner->findChildren<TicketWindow *>(Qt::FindDirectChildrenOnly));
}

void TicketWindows::setCurrentTicket(qint64 ticketId)
{
    m_current = ticketId;
    m_action->setEnabled(ticketId != 0);
}

TicketWindow *TicketWindows::window(qint64 ticketId) const
{
    for (TicketWindow *w : m_windows) {
        if (w->ticketId() == ticketId)
            return w;
    }
    return nullptr;
}

TicketWindow *TicketWindows::open(qint64 ticketId)
{
    TicketWindow *w = window(ticketId);
    if (!w) {
        w = new TicketWindow(m_services, ticketId, m_owner);
        w->setObjectName(u"ticketWindow"_s);
        if (!w->restoreGeometry(m_settings->value(GeometryKey).toByteArray())) {
            const QScreen *screen = m_owner->screen();
            const QRect available = screen ? screen->availableGeometry() : QRect(0, 0, 1024, 768);
            w->resize(std::min(900, available.width()), std::min(1000, available.height()));
        }
        // Not exactly over the one before.
        if (!m_windows.isEmpty())
            w->move(m_windows.last()->pos() + QPoint(32, 32));
        m_router->addTicketView(w->view());
        connect(w, &TicketWindow::closing, this, &TicketWindows::forget);
        // The list is in the main window: it comes to the front with it.
        connect(w, &TicketWindow::deviceTicketsRequested, this, [this](qint64 deviceId) {
            bringOwnerUp();
            Q_EMIT deviceTicketsRequested(deviceId);
        });
        connect(w, &TicketWindow::customerTicketsRequested, this, [this](qint64 customerId) {
            bringOwnerUp();
            Q_EMIT customerTicketsRequested(customerId);
        });
        m_windows.append(w);
        Q_EMIT windowOpened(w);
    }
    w->show();
    w->raise();
    w->activateWindow();
    return w;
}

void TicketWindows::forget(TicketWindow *w)
{
    m_settings->setValue(GeometryKey, w->saveGeometry());
    m_router->removeTicketView(w->document());
    m_windows.removeAll(w);
    // The main window may still show it; otherwise others see it left.
    if (w->ticketId() != m_current && m_services.events)
        m_services.events->sendPresence(w->ticketId(), u"left"_s);
    Q_EMIT windowClosed(w->ticketId());
}

void TicketWindows::bringOwnerUp()
{
    m_owner->raise();
    m_owner->activateWindow();
}

void TicketWindows::closeAll()
{
    const QList<TicketWindow *> open = m_windows;
    for (TicketWindow *w : open)
        w->close();
}
