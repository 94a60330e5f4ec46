// Desktop notifications end to end: the test starts its own session bus (dbus-daemon) with a
// fake org.freedesktop.Notifications service that records what Notify receives and can
// invoke actions; the REAL main window runs against a REAL ticket-server where a code user
// and a colleague post. Also View › Notifications… (switches kept in the settings).
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

using namespace Qt::StringLiterals;
using guitest::Client;
using guitest::waitFor;
using testsupport::ApiClient;
using testsupport::TestServer;

namespace {

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

TEST_F(NotificationsTest, CodeUsersMessageOnMyTicketReachesTheServiceAndOpensTheTicket)
{
    Client c(server.baseUrl(), dir.path());
    NotificationController *n = c.window->notifications();
    ASSERT_TRUE(waitFor([n] { return n->notifier()->state() != DesktopNotifier::State::Asking; }));
    ASSERT_EQ(n->notifier()->state(), DesktopNotifier::State::Service);
    EXPECT_TRUE(n->notifier()->offersActions());
    ASSERT_TRUE(c.waitForRows());

    const QJsonObject t = ticketFor(c.api.myId(), u"Pump leaks"_s);
    const qint64 id = t.value(u"id"_s).toInteger();
    const QString number = t.value(u"number"_s).toString();
    // My own message first: nothing for it.
    ASSERT_NE(c.api.post(u"/tickets/%1/messages"_s.arg(id), {{u"body"_s, u"Mine, quiet"_s}}),
              nullptr);
    ASSERT_EQ(codeUser.post(u"/tickets/%1/messages"_s.arg(id), {{u"body"_s, u"It drips"_s}}).status,
              201);

    const QString summary = u"Feld A wrote on "_s + number;
    ASSERT_TRUE(waitFor([&] { return s_fake->find(summary).has_value(); }))
        << "received: " << s_fake->received().size();
    const Received r = *s_fake->find(summary);
    EXPECT_EQ(r.body, u"It drips"_s);
    EXPECT_EQ(r.actions, (QStringList{u"default"_s, u"Open"_s, u"open"_s, u"Open"_s}));
    for (const Received &other : s_fake->received())
        EXPECT_FALSE(other.body.contains(u"Mine, quiet"_s)) << other.summary.toStdString();

    // "Open" brings the ticket up in the main window.
    EXPECT_NE(c.window->document()->id(), id);
    QDBusMessage signal = QDBusMessage::createSignal(DesktopNotifier::Path,
                                                     DesktopNotifier::Service, u"ActionInvoked"_s);
    signal << r.id << u"open"_s;
    ASSERT_TRUE(QDBusConnection(u"fake-notifications"_s).send(signal));
    EXPECT_TRUE(waitFor(
        [&] { return c.window->document()->id() == id && c.window->document()->isLoaded(); }));
}

TEST_F(NotificationsTest, NewTicketInMyFleetOffersAssignToMeWhichAssignsIt)
{
    // Device index 2 is in fleet West, which assigns by hand and has Anna as a member.
    ApiClient westUser{server.baseUrl()};
    ASSERT_FALSE(westUser.loginDevice(testsupport::demoDeviceCode(2), u"Feld C"_s).isEmpty());
    Client c(server.baseUrl(), dir.path());
    NotificationController *n = c.window->notifications();
    ASSERT_TRUE(waitFor([n] { return n->notifier()->state() == DesktopNotifier::State::Service; }));
    ASSERT_TRUE(c.waitForRows());
    ASSERT_TRUE(waitFor([n] { return n->myUnread()->count() >= 0; }));
    const int before = n->attentionCount();

    const QJsonObject t = testsupport::createTicket(westUser, u"Door jammed"_s);
    const qint64 id = t.value(u"id"_s).toInteger();
    ASSERT_GT(id, 0);
    ASSERT_TRUE(t.value(u"assigneeId"_s).isNull());
    const QString summary = u"New ticket in fleet West"_s;
    ASSERT_TRUE(waitFor([&] { return s_fake->find(summary).has_value(); }));
    const Received r = *s_fake->find(summary);
    EXPECT_EQ(r.body, t.value(u"number"_s).toString() + u" Door jammed"_s);
    EXPECT_TRUE(r.actions.contains(u"assign"_s));
    EXPECT_TRUE(r.actions.contains(u"Assign to me"_s));
    EXPECT_EQ(n->attentionCount(), before + 1) << "the tray counts it";

    QDBusMessage signal = QDBusMessage::createSignal(DesktopNotifier::Path,
                                                     DesktopNotifier::Service, u"ActionInvoked"_s);
    signal << r.id << u"assign"_s;
    ASSERT_TRUE(QDBusConnection(u"fake-notifications"_s).send(signal));
    EXPECT_TRUE(waitFor([&] {
        return colleague.get(u"/tickets/%1"_s.arg(id)).object().value(u"assigneeId"_s) ==
               QJsonValue(c.api.myId());
    }));
    EXPECT_EQ(c.window->document()->id(), id);
}

// A clock on my ticket that breaches within 15 minutes: one notification at the service,
// not a second one for the same due time at the next check.
TEST_F(NotificationsTest, AClockAboutToBreachOnMyTicketNotifiesOnce)
{
    ApiClient admin{server.baseUrl()};
    ASSERT_FALSE(admin.loginStaff(testsupport::demoLogin(u"admin"_s)).isEmpty());
    Client c(server.baseUrl(), dir.path());
    NotificationController *n = c.window->notifications();
    ASSERT_TRUE(waitFor([n] { return n->notifier()->state() == DesktopNotifier::State::Service; }));
    ASSERT_TRUE(c.waitForRows());

    const QJsonObject t = ticketFor(c.api.myId(), u"Boiler cold"_s);
    const qint64 id = t.value(u"id"_s).toInteger();
    const QString number = t.value(u"number"_s).toString();
    ASSERT_EQ(colleague.editTicket(id, {{u"priority"_s, u"high"_s}}).status, 200);
    // Its fleet works around the clock; high tickets get their first reply within ten
    // minutes. The new targets reach the client as serviceLevels.updated: it checks.
    const qint64 device =
        colleague.get(u"/tickets/%1"_s.arg(id)).object().value(u"deviceId"_s).toInteger();
    const qint64 fleet =
        colleague.get(u"/devices/%1"_s.arg(device)).object().value(u"fleetId"_s).toInteger();
    QJsonObject days;
    for (const QString &day :
         {u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s, u"fri"_s, u"sat"_s, u"sun"_s})
        days.insert(day, QJsonArray{QJsonArray{u"00:00"_s, u"24:00"_s}});
    const auto put = [&](const QString &path, const QJsonObject &body) {
        return admin.send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                          {{"Content-Type", "application/json"}});
    };
    const QJsonObject allDay{
        {u"timeZone"_s, u"UTC"_s}, {u"days"_s, days}, {u"holidays"_s, QJsonArray()}};
    ASSERT_EQ(put(u"/fleets/%1/business-hours"_s.arg(fleet), allDay).status, 200);
    const QJsonObject none{{u"firstReplyMinutes"_s, QJsonValue()},
                           {u"resolutionMinutes"_s, QJsonValue()}};
    QSignalSpy checked(n->clockWatch(), &ClockWatch::checked);
    ASSERT_EQ(
        put(u"/service-levels"_s, {{u"high"_s, QJsonObject{{u"firstReplyMinutes"_s, 10},
                                                           {u"resolutionMinutes"_s, QJsonValue()}}},
                                   {u"normal"_s, none},
                                   {u"low"_s, none}})
            .status,
        200);

    const QString summary = number + u" breaches its target in "_s;
    const auto forMine = [&] {
        int count = 0;
        for (const Received &r : s_fake->received())
            count += r.summary.startsWith(summary) ? 1 : 0;
        return count;
    };
    ASSERT_TRUE(waitFor([&] { return forMine() > 0; }))
        << "received: " << s_fake->received().size();
    EXPECT_TRUE(s_fake->find(summary)->summary.startsWith(summary + u"10 minute"_s))
        << s_fake->find(summary)->summary.toStdString();
    // Another check finds the same ticket and due time: nothing more.
    const qsizetype rounds = checked.size();
    n->clockWatch()->check();
    ASSERT_TRUE(waitFor([&] { return checked.size() > rounds; }));
    EXPECT_GE(checked.last().value(0).toInt(), 1);
    EXPECT_EQ(forMine(), 1);
}

// The tray counts what the server counts unread in "My tickets", plus the new unassigned
// tickets in my fleets; a colleague assigning me tickets raises it, live.
TEST_F(NotificationsTest, TrayCountIsTheServersUnreadCountOfMyTickets)
{
    Client c(server.baseUrl(), dir.path());
    NotificationController *n = c.window->notifications();
    ASSERT_TRUE(c.waitForRows());
    ApiClient me{server.baseUrl()};
    ASSERT_FALSE(me.loginStaff(u"anna"_s).isEmpty());
    const auto serverUnread = [&] {
        const QJsonObject facets =
            me.get(u"/tickets/facets?assignee=me&status=new,open,waiting"_s).object();
        return facets.value(u"unread"_s).toObject().value(u"total"_s).toInt(-1);
    };
    const auto matches = [&] {
        return n->myUnread()->count() >= 0 &&
               n->attentionCount() == serverUnread() + n->policy()->newInMyFleets();
    };
    ASSERT_TRUE(waitFor(matches)) << n->attentionCount() << " vs " << serverUnread();
    const int before = serverUnread();
    ticketFor(c.api.myId(), u"Valve stuck"_s);
    const qint64 seen = ticketFor(c.api.myId(), u"Valve loose"_s).value(u"id"_s).toInteger();
    // One of the two I have seen (up to the latest event my window has, its note's or
    // later): the tray counts the other.
    QSignalSpy received(&c.events, &client::EventStream::eventReceived);
    ASSERT_EQ(colleague.post(u"/tickets/%1/notes"_s.arg(seen), {{u"body"_s, u"ok"_s}}).status, 201);
    ASSERT_TRUE(waitFor([&] {
        return std::any_of(received.begin(), received.end(), [seen](const QList<QVariant> &a) {
            const auto e = a.value(0).value<core::Event>();
            return e.ticketId == seen && e.type == u"note.created";
        });
    }));
    const qint64 seq = c.events.lastSeq();
    ASSERT_GT(seq, 0);
    ASSERT_EQ(me.send("PUT", u"/tickets/%1/seen"_s.arg(seen),
                      QJsonDocument(QJsonObject{{u"seq"_s, seq}}).toJson(QJsonDocument::Compact),
                      {{"Content-Type", "application/json"}})
                  .status,
              200);
    ASSERT_EQ(serverUnread(), before + 1);
    // Not the number of my tickets, which the tray counted before.
    const int mine = me.get(u"/tickets/facets?assignee=me&status=new,open,waiting"_s)
                         .object()
                         .value(u"total"_s)
                         .toInt();
    EXPECT_NE(serverUnread(), mine);
    EXPECT_TRUE(waitFor(matches)) << n->attentionCount() << " vs " << serverUnread();
    if (QSystemTrayIcon *tray = n->trayIcon()) {
        EXPECT_TRUE(tray->toolTip().contains(QString::number(n->attentionCount())))
            << tray->toolTip().toStdString();
    }
}

TEST_F(NotificationsTest, NothingForTheTicketOpenInFrontOfMe)
{
    Client c(server.baseUrl(), dir.path());
    NotificationController *n = c.window->notifications();
    ASSERT_TRUE(waitFor([n] { return n->notifier()->state() == DesktopNotifier::State::Service; }));
    ASSERT_TRUE(c.waitForRows());
    const qint64 id = ticketFor(c.api.myId(), u"Light flickers"_s).value(u"id"_s).toInteger();
    const qint64 other = ticketFor(c.api.myId(), u"Fan noisy"_s).value(u"id"_s).toInteger();
    c.window->showTicket(id);
    ASSERT_TRUE(QTest::qWaitForWindowActive(c.window.get()));
    ASSERT_TRUE(waitFor(
        [&] { return c.window->document()->id() == id && c.window->document()->isLoaded(); }));
    const qsizetype before = s_fake->received().size();
    ASSERT_EQ(
        codeUser.post(u"/tickets/%1/messages"_s.arg(id), {{u"body"_s, u"Seen already"_s}}).status,
        201);
    // The sentinel, on another ticket and of another kind: it comes after the message.
    ASSERT_EQ(
        colleague.post(u"/tickets/%1/notes"_s.arg(other), {{u"body"_s, u"@anna fan"_s}}).status,
        201);
    ASSERT_TRUE(waitFor([&] {
        const QList<Received> all = s_fake->received();
        return std::any_of(all.begin() + before, all.end(),
                           [](const Received &r) { return r.body == u"@anna fan"; });
    }));
    for (const Received &r : s_fake->received().mid(before))
        EXPECT_NE(r.body, u"Seen already"_s) << r.summary.toStdString();
}

TEST_F(NotificationsTest, AssigningATicketToMyselfIsQuiet)
{
    Client c(server.baseUrl(), dir.path());
    NotificationController *n = c.window->notifications();
    ASSERT_TRUE(waitFor([n] { return n->notifier()->state() == DesktopNotifier::State::Service; }));
    ASSERT_TRUE(c.waitForRows());
    const QJsonObject t = testsupport::createTicket(codeUser, u"Screen dark"_s);
    const qint64 id = t.value(u"id"_s).toInteger();
    const qsizetype before = s_fake->received().size();
    bool done = false;
    client::ApiJob *job = c.api.patch(u"/tickets/%1"_s.arg(id), {{u"assigneeId"_s, c.api.myId()}},
                                      colleague.versionOf(id));
    QObject::connect(job, &client::ApiJob::finished, job, [&](const client::ApiResult &r) {
        EXPECT_TRUE(r.ok()) << r.error.message.toStdString();
        done = true;
    });
    ASSERT_TRUE(waitFor([&] { return done; }));
    ASSERT_EQ(colleague.post(u"/tickets/%1/notes"_s.arg(id), {{u"body"_s, u"@anna belt"_s}}).status,
              201);
    ASSERT_TRUE(waitFor([&] {
        const QList<Received> all = s_fake->received();
        return std::any_of(all.begin() + before, all.end(),
                           [](const Received &r) { return r.body == u"@anna belt"; });
    }));
    for (const Received &r : s_fake->received().mid(before))
        EXPECT_FALSE(r.summary.contains(u"assigned to you"_s)) << r.summary.toStdString();
}

TEST_F(NotificationsTest, MyOwnNoteNamingMeIsQuietAColleaguesIsNot)
{
    Client c(server.baseUrl(), dir.path());
    NotificationController *n = c.window->notifications();
    ASSERT_TRUE(waitFor([n] { return n->notifier()->state() == DesktopNotifier::State::Service; }));
    ASSERT_TRUE(c.waitForRows());
    const QJsonObject t = ticketFor(c.api.myId(), u"Gate stuck"_s);
    const qint64 id = t.value(u"id"_s).toInteger();
    const qsizetype before = s_fake->received().size();
    c.api.post(u"/tickets/%1/notes"_s.arg(id), {{u"body"_s, u"@anna remember this"_s}});
    // The colleague's note is the sentinel: mine came first on the stream.
    ASSERT_EQ(colleague.post(u"/tickets/%1/notes"_s.arg(id), {{u"body"_s, u"@anna look"_s}}).status,
              201);
    ASSERT_TRUE(waitFor([&] {
        const QList<Received> all = s_fake->received();
        return std::any_of(all.begin() + before, all.end(),
                           [](const Received &r) { return r.body == u"@anna look"; });
    }));
    for (const Received &r : s_fake->received().mid(before))
        EXPECT_NE(r.body, u"@anna remember this"_s);
}

TEST_F(NotificationsTest, SettingsDialogSwitchesAKindOffByKeyboardAndKeepsIt)
{
    Client c(server.baseUrl(), dir.path());
    NotificationController *n = c.window->notifications();
    n->settingsAction()->trigger();
    NotificationSettingsDialog *dialog = n->settingsDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(waitFor([dialog] { return dialog->isVisible(); }));
    auto *mention = dialog->findChild<QCheckBox *>(u"mentionCheckBox"_s);
    ASSERT_NE(mention, nullptr);
    EXPECT_TRUE(mention->isChecked());
    guitest::saveScreenshot(dialog, u"notification-settings"_s);
    dialog->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(dialog));
    // Alt+L is the mnemonic of "a note names me with @login".
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_L, Qt::AltModifier);
    // A mnemonic clicks the box the way a click looks (animateClick): shortly after.
    EXPECT_TRUE(waitFor([mention] { return !mention->isChecked(); }));
    QTest::keyClick(dialog, Qt::Key_Return);
    EXPECT_TRUE(waitFor([n] { return n->settingsDialog() == nullptr; }));
    EXPECT_FALSE(n->policy()->isEnabled(models::NotificationKind::Mention));
    EXPECT_TRUE(n->policy()->isEnabled(models::NotificationKind::CodeUserMessage));
    EXPECT_EQ(c.settings.value(u"notifications/mention"_s), QVariant(false));
}

TEST_F(NotificationsTest, ClockWarningsHaveTheirSwitchInTheSettings)
{
    Client c(server.baseUrl(), dir.path());
    NotificationController *n = c.window->notifications();
    n->settingsAction()->trigger();
    NotificationSettingsDialog *dialog = n->settingsDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(waitFor([dialog] { return dialog->isVisible(); }));
    auto *clock = dialog->findChild<QCheckBox *>(u"clockBreachingCheckBox"_s);
    ASSERT_NE(clock, nullptr);
    EXPECT_TRUE(clock->isChecked());
    dialog->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(dialog));
    // Alt+C: "a response clock on my ticket will breach within 15 minutes".
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_C, Qt::AltModifier);
    EXPECT_TRUE(waitFor([clock] { return !clock->isChecked(); }));
    QTest::keyClick(dialog, Qt::Key_Return);
    EXPECT_TRUE(waitFor([n] { return n->settingsDialog() == nullptr; }));
    EXPECT_FALSE(n->policy()->isEnabled(models::NotificationKind::ClockBreaching));
    EXPECT_EQ(c.settings.value(u"notifications/clockBreaching"_s), QVariant(false));
}

TEST_F(NotificationsTest, SwitchedOffInTheSettingsStaysOffAtTheNextStart)
{
    {
        QSettings settings(dir.path() + u"/settings.ini"_s, QSettings::IniFormat);
        settings.setValue(u"notifications/codeUserMessage"_s, false);
    }
    Client c(server.baseUrl(), dir.path());
    EXPECT_FALSE(
        c.window->notifications()->policy()->isEnabled(models::NotificationKind::CodeUserMessage));
    EXPECT_TRUE(
        c.window->notifications()->policy()->isEnabled(models::NotificationKind::NewInFleet));
}

} // namespace

namespace {

// A burst summarised, worded in German and English (the models tests see source strings).
QString burstSummary(const QString &language)
{
    const guitest::Language translation(language);
    qint64 now = 1'000'000;
    models::NotificationPolicy policy;
    policy.setClock([&now] { return now; });
    core::StaffMember me;
    me.id = 1;
    me.fleetIds = {3};
    policy.setMe(me);
    core::Ticket known;
    known.device.id = 10;
    known.device.fleetId = 3;
    known.device.fleetName = u"Nord"_s;
    policy.setTicketFacts(known);
    QString last;
    QObject::connect(&policy, &models::NotificationPolicy::notificationReady, &policy,
                     [&last](const models::Notification &n) { last = n.summary; });
    for (qint64 id = 1; id <= 6; ++id) {
        core::TicketSummary t;
        t.id = id;
        t.deviceId = 10;
        core::Event e;
        e.type = u"ticket.created"_s;
        e.data = t.toJson(true);
        policy.handleEvent(e);
    }
    now += models::NotificationPolicy::MinIntervalMs;
    policy.flush();
    return last;
}

TEST(NotificationWordingTest, BurstSummaryInGermanAndEnglish)
{
    EXPECT_EQ(burstSummary(u"en"_s), u"5 new tickets in fleet Nord"_s);
    EXPECT_EQ(burstSummary(u"de"_s), u"5 neue Tickets in Flotte Nord"_s);
}

} // namespace
