#include "desktopnotifier.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

using namespace Qt::StringLiterals;

namespace {
const QString Interface = u"org.freedesktop.Notifications"_s;
constexpr int ExpireDefault = -1; // the service decides
} // namespace

DesktopNotifier::DesktopNotifier(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
    if (!m_bus.isConnected()) {
        m_state = State::NoService;
        return;
    }
    m_bus.connect(Service, Path, Interface, u"ActionInvoked"_s, this,
                  SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(Service, Path, Interface, u"NotificationClosed"_s, this,
                  SLOT(onNotificationClosed(uint, uint)));
    askCapabilities();
}

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::askCapabilities()
{
    const QDBusMessage call =
        QDBusMessage::createMethodCall(Service, Path, Interface, u"GetCapabilities"_s);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<QStringList> reply = *w;
        m_state = reply.isError() ? State::NoService : State::Service;
        m_actions = !reply.isError() && reply.value().contains(u"actions"_s);
        Q_EMIT ready();
        const QList<Request> waiting = std::exchange(m_waiting, {});
        for (const Request &r : waiting)
            show(r);
    });
}

void DesktopNotifier::show(const Request &request)
{
    switch (m_state) {
    case State::Asking:
        m_waiting.append(request);
        return;
    case State::NoService:
        Q_EMIT fallbackNeeded(request.summary, request.body);
        return;
    case State::Service:
        send(request);
        return;
    }
}

void DesktopNotifier::send(const Request &request)
{
    QStringList actions;
    if (m_actions) {
        // "default" is what a click on the notification itself does.
        actions << u"default"_s << tr("Open") << u"open"_s << tr("Open");
        if (request.ticketId && request.offerAssign)
            actions << u"assign"_s << tr("Assign to me");
    }
    const QVariantMap hints{
        {u"desktop-entry"_s, u"org.ticketbackoffice.TicketBackoffice"_s},
        {u"category"_s, u"im.received"_s},
    };
    QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Interface, u"Notify"_s);
    call << tr("Ticket Backoffice") << uint(0) << u"org.ticketbackoffice.TicketBackoffice"_s
         << request.summary << request.body << actions << hints << ExpireDefault;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    const qint64 ticketId = request.ticketId;
    const QString summary = request.summary;
    const QString body = request.body;
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, ticketId, summary, body](QDBusPendingCallWatcher *w) {
                w->deleteLater();
                const QDBusPendingReply<uint> reply = *w;
                if (reply.isError()) {
                    Q_EMIT fallbackNeeded(summary, body); // the service went away
                    return;
                }
                m_tickets.insert(reply.value(), ticketId);
            });
}

void DesktopNotifier::onActionInvoked(uint id, const QString &actionKey)
{
    const auto it = m_tickets.constFind(id);
    if (it == m_tickets.cend())
        return; // another program's notification
    if (actionKey == u"assign" && *it)
        Q_EMIT assignRequested(*it);
    else if (actionKey == u"open" || actionKey == u"default")
        Q_EMIT openRequested(*it);
}

void DesktopNotifier::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    m_tickets.remove(id);
}
