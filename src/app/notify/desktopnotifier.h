#pragma once

#include <QDBusConnection>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

// Desktop notifications through the desktop's notification service
// (org.freedesktop.Notifications on the session bus). Asks GetCapabilities first; offers
// the actions "open" ("Open") and "assign" ("Assign to me") when the service lists
// "actions", and turns its ActionInvoked into openRequested/assignRequested. Without a
// service (no bus, nobody owns the name, an error) it says `fallbackNeeded` so the caller
// can show the text another way (QSystemTrayIcon::showMessage). Only asynchronous calls:
// the service may live in this very thread (the tests' fake one does).
class DesktopNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifier)

public:
    static inline const QString Service = QStringLiteral("org.freedesktop.Notifications");
    static inline const QString Path = QStringLiteral("/org/freedesktop/Notifications");

    enum class State { Asking, Service, NoService };

    struct Request {
        QString summary;
        QString body;
        qint64 ticketId = 0; // 0: no ticket to open or assign
        bool offerAssign = false;
    };

    explicit DesktopNotifier(const QDBusConnection &bus, QObject *parent = nullptr);
    ~DesktopNotifier() override;

    void show(const Request &request);
    State state() const { return m_state; }
    bool offersActions() const { return m_actions; }

Q_SIGNALS:
    void openRequested(qint64 ticketId);
    void assignRequested(qint64 ticketId);
    void fallbackNeeded(const QString &summary, const QString &body);
    // The service answered GetCapabilities (or could not): state() is known.
    void ready();

private Q_SLOTS:
    // Connected by name: QDBusConnection::connect takes a slot signature.
    void onActionInvoked(uint id, const QString &actionKey);
    void onNotificationClosed(uint id, uint reason);

private:
    void askCapabilities();
    void send(const Request &request);

    QDBusConnection m_bus;
    State m_state = State::Asking;
    bool m_actions = false;
    QList<Request> m_waiting;      // while asking
    QHash<uint, qint64> m_tickets; // notification id → ticket
};
