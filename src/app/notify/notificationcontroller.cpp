#include "notificationcontroller.h"

#include "clockwatch.h"
#include "desktopnotifier.h"
#include "myunreadcount.h"
#include "notificationsettingsdialog.h"
#include "ticketwindow/ticketwindow.h"

#include "client/apiclient.h"
#include "client/apijob.h"
#include "client/eventstream.h"
#include "models/directory.h"
#include "models/queuefilter.h"
#include "models/ticketdocument.h"

#include <QAction>
#include <QApplication>
#include <QDBusConnection>
#include <QFile>
#include <QJsonArray>
#include <QMainWindow>
#include <QMenu>
#include <QPainter>
#include <QRegularExpression>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QTimer>

using namespace Qt::StringLiterals;
using models::NotificationKind;

namespace {

// The session bus when there is one: without an address nor $XDG_RUNTIME_DIR/bus, libdbus
// would try to autolaunch a bus of its own (one per program start), which is not ours to do.
QDBusConnection sessionBusIfAny()
{
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS") &&
        (runtime.isEmpty() || !QFile::exists(runtime + u"/bus"_s)))
        return QDBusConnection(u"no-session-bus"_s); // not connected: the tray balloon
    return QDBusConnection::sessionBus();
}

} // namespace

NotificationController::NotificationController(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
    , m_policy(new models::NotificationPolicy(this))
    , m_notifier(new DesktopNotifier(sessionBusIfAny(), this))
    , m_clockWatch(new ClockWatch(parts.api, m_policy, this))
    , m_myUnread(new MyUnreadCount(parts.api, this))
    , m_flushTimer(new QTimer(this))
    , m_settingsAction(new QAction(tr("&Notifications…"), this))
{
    m_settingsAction->setObjectName(u"notificationsAction"_s);
    if (parts.viewMenu)
        parts.viewMenu->addAction(m_settingsAction);
    connect(m_settingsAction, &QAction::triggered, this, &NotificationController::showSettings);
    loadSettings();

    m_flushTimer->setSingleShot(true);
    connect(m_flushTimer, &QTimer::timeout, m_policy, &models::NotificationPolicy::flush);
    connect(m_policy, &models::NotificationPolicy::flushWanted, this,
            [this](qint64 ms) { m_flushTimer->start(int(std::min<qint64>(ms, 60'000))); });
    connect(m_policy, &models::NotificationPolicy::notificationReady, this,
            &NotificationController::show);
    connect(m_policy, &models::NotificationPolicy::ticketLookupNeeded, this,
            &NotificationController::lookUp);
    connect(m_policy, &models::NotificationPolicy::newInMyFleetsChanged, this,
            &NotificationController::updateTray);
    connect(parts.events, &client::EventStream::eventReceived, m_policy,
            &models::NotificationPolicy::handleEvent);
    connect(parts.api, &client::ApiClient::changeSent, this,
            &NotificationController::noteOwnChange);
    connect(parts.directory, &models::Directory::loaded, this, &NotificationController::updateMe);
    connect(parts.directory, &models::Directory::staffMemberChanged, this, [this](qint64 id) {
        if (id == m_parts.api->myId())
            updateMe();
    });
    connect(parts.document, &models::TicketDocument::loaded, this, [this] {
        updateInFront();
        if (m_assignWhenLoaded && m_parts.document->id() == m_assignWhenLoaded) {
            m_assignWhenLoaded = 0;
            m_parts.document->setAssignee(m_parts.api->myId());
        }
    });
    connect(qApp, &QApplication::focusChanged, this, [this] {
        updateInFront();
        const bool active = m_parts.window->isActiveWindow();
        if (active && !m_wasActive)
            m_policy->acknowledgeNew(); // the user came to look: the new ones are seen
        m_wasActive = active;
    });

    connect(m_notifier, &DesktopNotifier::openRequested, this, [this](qint64 ticketId) {
        if (ticketId)
            Q_EMIT openTicketRequested(ticketId);
        else
            raiseWindow();
    });
    connect(m_notifier, &DesktopNotifier::assignRequested, this,
            &NotificationController::assignToMe);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(qApp->windowIcon(), this);
        m_tray->setObjectName(u"trayIcon"_s);
        connect(m_tray, &QSystemTrayIcon::activated, this, &NotificationController::raiseWindow);
        connect(m_tray, &QSystemTrayIcon::messageClicked, this,
                &NotificationController::raiseWindow);
        m_tray->show();
    }
    connect(m_notifier, &DesktopNotifier::fallbackNeeded, this,
            [this](const QString &summary, const QString &body) {
                if (m_tray)
                    m_tray->showMessage(summary, body, QSystemTrayIcon::Information);
            });
    connect(parts.filter, &models::QueueFilter::countsRequested, m_myUnread,
            [this] { m_myUnread->refresh(); });
    connect(m_myUnread, &MyUnreadCount::changed, this, &NotificationController::updateTray);
    // New targets or business hours move the due times at once.
    connect(parts.events, &client::EventStream::eventReceived, this,
            [this](const core::Event &event) {
                if (event.type == u"serviceLevels.updated")
                    m_clockWatch->check();
            });
    m_myUnread->refresh(0);
    updateTray();
}

NotificationController::~NotificationController() = default;

NotificationSettingsDialog *NotificationController::settingsDialog() const
{
    return m_dialog;
}

QString NotificationController::settingsKey(NotificationKind kind)
{
    static const char *const names[] = {"newInFleet", "assignedToMe", "codeUserMessage", "mention",
                                        "clockBreaching"};
    return u"notifications/"_s + QLatin1StringView(names[static_cast<int>(kind)]);
}

void NotificationController::loadSettings()
{
    for (int k = 0; k < models::NotificationKindCount; ++k) {
        const auto kind = static_cast<NotificationKind>(k);
        const bool on =
            !m_parts.settings || m_parts.settings->value(settingsKey(kind), true).toBool();
        m_policy->setEnabled(kind, on);
    }
}

void NotificationController::showSettings()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new NotificationSettingsDialog(m_parts.window);
    m_dialog->setObjectName(u"notificationSettingsDialog"_s);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    for (int k = 0; k < models::NotificationKindCount; ++k) {
        const auto kind = static_cast<NotificationKind>(k);
        m_dialog->setKindEnabled(kind, m_policy->isEnabled(kind));
    }
    connect(m_dialog, &QDialog::accepted, this, [this] {
        for (int k = 0; k < models::NotificationKindCount; ++k) {
            const auto kind = static_cast<NotificationKind>(k);
            const bool on = m_dialog->isKindEnabled(kind);
            m_policy->setEnabled(kind, on);
            if (m_parts.settings)
                m_parts.settings->setValue(settingsKey(kind), on);
        }
    });
    m_dialog->open();
}

void NotificationController::updateMe()
{
    if (const std::optional<core::StaffMember> me =
            m_parts.directory->staffMember(m_parts.api->myId())) {
        const bool first = !m_meKnown;
        m_policy->setMe(*me);
        m_meKnown = true;
        if (first)
            m_clockWatch->check(); // my clocks from the start, then once a minute
    }
}

void NotificationController::updateInFront()
{
    // The main window's ticket, or that of a ticket window (Ctrl+Shift+O) when it is active.
    const models::TicketDocument *document = nullptr;
    if (m_parts.window->isActiveWindow())
        document = m_parts.document;
    else if (const auto *w = qobject_cast<TicketWindow *>(QApplication::activeWindow()))
        document = w->document();
    m_policy->setTicketInFront(document && document->isLoaded() ? document->id() : 0);
}

void NotificationController::lookUp(qint64 ticketId)
{
    client::ApiJob *job = m_parts.api->get(u"/tickets/%1"_s.arg(ticketId));
    connect(job, &client::ApiJob::finished, this,
            [this, ticketId](const client::ApiResult &result) {
                if (result.ok())
                    m_policy->setTicketFacts(core::Ticket::fromJson(result.object()));
                else
                    m_policy->lookupFailed(ticketId);
            });
}

void NotificationController::noteOwnChange(const QString &path, const QJsonObject &body)
{
    static const QRegularExpression ticketPath(u"^/tickets/(\\d+)$"_s); // an edit, not a post
    const QRegularExpressionMatch m = ticketPath.match(path);
    if (m.hasMatch()) {
        m_policy->noteOwnChange(m.captured(1).toLongLong());
        return;
    }
    if (path == u"/tickets/bulk") { // a bulk edit by query names no tickets: not caught
        for (const QJsonValue &t : body.value(u"tickets").toArray())
            m_policy->noteOwnChange(t.isObject() ? t.toObject().value(u"id").toInteger()
                                                 : t.toInteger());
    }
}

void NotificationController::raiseWindow()
{
    QMainWindow *w = m_parts.window;
    if (w->isMinimized())
        w->showNormal();
    w->raise();
    w->activateWindow();
}

void NotificationController::assignToMe(qint64 ticketId)
{
    // The single-ticket path: the ticket opens, then the detail pane's assignment.
    if (m_parts.document->isLoaded() && m_parts.document->id() == ticketId)
        m_parts.document->setAssignee(m_parts.api->myId());
    else
        m_assignWhenLoaded = ticketId;
    Q_EMIT openTicketRequested(ticketId);
}

void NotificationController::show(const models::Notification &n)
{
    m_notifier->show({n.summary, n.body, n.ticketId, n.kind == NotificationKind::NewInFleet});
    if (n.kind != NotificationKind::NewInFleet)
        QApplication::alert(m_parts.window);
}

int NotificationController::attentionCount() const
{
    return std::max(0, m_myUnread->count()) + m_policy->newInMyFleets();
}

void NotificationController::updateTray()
{
    if (!m_tray)
        return;
    const int count = attentionCount();
    m_tray->setToolTip(tr("Ticket Backoffice: %n ticket(s) for you", nullptr, count));
    QIcon icon = qApp->windowIcon();
    if (count > 0) {
        QPixmap pixmap = icon.pixmap(64, 64);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(QColor(0xc6, 0x28, 0x28));
        p.setPen(Qt::NoPen);
        p.drawEllipse(QRect(24, 0, 40, 40));
        p.setPen(Qt::white);
        QFont font = p.font();
        font.setBold(true);
        font.setPixelSize(count > 99 ? 16 : 24);
        p.setFont(font);
        p.drawText(QRect(24, 0, 40, 40), Qt::AlignCenter,
                   count > 99 ? u"99+"_s : QString::number(count));
        p.end();
        icon = QIcon(pixmap);
    }
    m_tray->setIcon(icon);
}
