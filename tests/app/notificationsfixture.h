#pragma once
// The desktop notification tests' fixture: a session bus of their own (dbus-daemon) with a
// fake org.freedesktop.Notifications service that records what Notify receives and can
// invoke actions, a REAL ticket-server, a colleague and a code user. Used by
// notifications_test and notificationclocks_test.
#include "guiclient.h"
#include "testsupport.h"

#include "notify/clockwatch.h"
#include "notify/desktopnotifier.h"
#include "notify/myunreadcount.h"
#include "notify/notificationcontroller.h"
#include "notify/notificationsettingsdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMenu>
#include <QMutex>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace notificationstest {

using namespace Qt::StringLiterals;
using guitest::Client;
using guitest::waitFor;
using testsupport::ApiClient;
using testsupport::TestServer;

// What a Notify call carried.
struct Received {
    uint id = 0;
    QString summary;
    QString body;
    QStringList actions;
};

// org.freedesktop.Notifications on the test's bus, as a virtual object (no moc needed).
// Calls may be handled on Qt D-Bus' thread: the records are behind a mutex.
class FakeNotifications final : public QDBusVirtualObject
{
public:
    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override
    {
        if (message.member() == u"GetCapabilities") {
            connection.send(message.createReply(QStringList{u"actions"_s, u"body"_s}));
            return true;
        }
        if (message.member() == u"Notify") {
            const QList<QVariant> a = message.arguments();
            Received r;
            {
                const QMutexLocker lock(&m_mutex);
                r.id = ++m_lastId;
                r.summary = a.value(3).toString();
                r.body = a.value(4).toString();
                r.actions = a.value(5).toStringList();
                m_received.append(r);
            }
            connection.send(message.createReply(QVariant::fromValue(r.id)));
            return true;
        }
        return false;
    }
    QList<Received> received() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_received;
    }
    // The first notification whose summary starts with `prefix`, if any.
    std::optional<Received> find(const QString &prefix) const
    {
        for (const Received &r : received()) {
            if (r.summary.startsWith(prefix))
                return r;
        }
        return std::nullopt;
    }

private:
    mutable QMutex m_mutex;
    uint m_lastId = 0;
    QList<Received> m_received;
};

class NotificationsTest : public ::testing::Test
{
protected:
    // View › Notifications…, the check box `box` on, switched off by its mnemonic Alt+`key`
    // and the dialog closed with Return, as a person does it (a picture of the dialog first
    // under `screenshot`, unless empty).
    static void switchOffByKeyboard(guitest::Client &c, const QString &box, Qt::Key key,
                                    const QString &screenshot = {})
    {
        NotificationController *n = c.window->notifications();
        n->settingsAction()->trigger();
        NotificationSettingsDialog *dialog = n->settingsDialog();
        ASSERT_NE(dialog, nullptr);
        ASSERT_TRUE(waitFor([dialog] { return dialog->isVisible(); }));
        auto *check = dialog->findChild<QCheckBox *>(box);
        ASSERT_NE(check, nullptr);
        EXPECT_TRUE(check->isChecked());
        if (!screenshot.isEmpty())
            guitest::saveScreenshot(dialog, screenshot);
        dialog->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(dialog));
        QTest::keyClick(QApplication::focusWidget(), key, Qt::AltModifier);
        // A mnemonic clicks the box the way a click looks (animateClick): shortly after.
        EXPECT_TRUE(waitFor([check] { return !check->isChecked(); }));
        QTest::keyClick(dialog, Qt::Key_Return);
        EXPECT_TRUE(waitFor([n] { return n->settingsDialog() == nullptr; }));
    }
    static void SetUpTestSuite()
    {
        const QString daemon = QStandardPaths::findExecutable(u"dbus-daemon"_s);
        if (daemon.isEmpty())
            return; // the tests skip and say why
        s_bus = new QProcess;
        s_bus->start(daemon, {u"--session"_s, u"--nofork"_s, u"--print-address=1"_s});
        if (!s_bus->waitForStarted() || !waitFor([] { return s_bus->canReadLine(); }, 10000))
            return;
        s_address = QString::fromUtf8(s_bus->readLine()).trimmed();
        // Before anything in this process asks for the session bus.
        qputenv("DBUS_SESSION_BUS_ADDRESS", s_address.toUtf8());
        QDBusConnection fake = QDBusConnection::connectToBus(s_address, u"fake-notifications"_s);
        s_fake = new FakeNotifications;
        if (!fake.isConnected() || !fake.registerVirtualObject(DesktopNotifier::Path, s_fake) ||
            !fake.registerService(DesktopNotifier::Service))
            s_address.clear();
    }
    static void TearDownTestSuite()
    {
        QDBusConnection::disconnectFromBus(u"fake-notifications"_s);
        delete s_fake;
        s_fake = nullptr;
        if (s_bus) {
            s_bus->kill();
            s_bus->waitForFinished();
            delete s_bus;
            s_bus = nullptr;
        }
    }
    void SetUp() override
    {
        if (QStandardPaths::findExecutable(u"dbus-daemon"_s).isEmpty())
            GTEST_SKIP() << "dbus-daemon is not installed (scripts/install-deps.sh installs "
                            "it): the desktop notification test cannot start its session bus";
        ASSERT_FALSE(s_address.isEmpty()) << "could not start the test's session bus";
        ASSERT_TRUE(server.isRunning());
        ASSERT_FALSE(colleague.loginStaff(u"jonas"_s).isEmpty());
        ASSERT_FALSE(codeUser.loginDevice(testsupport::demoDeviceCode(0), u"Feld A"_s).isEmpty());
    }

    // A ticket of the code user's device, assigned to `assignee` by the colleague.
    QJsonObject ticketFor(qint64 assignee, const QString &title)
    {
        const QJsonObject t = testsupport::createTicket(codeUser, title);
        const qint64 id = t.value(u"id"_s).toInteger();
        EXPECT_GT(id, 0);
        EXPECT_EQ(colleague.editTicket(id, {{u"assigneeId"_s, assignee}}).status, 200);
        return t;
    }

    static inline QProcess *s_bus = nullptr;
    static inline QString s_address;
    static inline FakeNotifications *s_fake = nullptr;
    TestServer server;
    ApiClient colleague{server.baseUrl()};
    ApiClient codeUser{server.baseUrl()};
    QTemporaryDir dir;
};

} // namespace notificationstest
