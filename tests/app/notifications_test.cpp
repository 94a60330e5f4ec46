// Desktop notifications end to end: the test starts its own session bus (dbus-daemon) with a
// fake org.freedesktop.Notifications service that records what Notify receives and can
// invoke actions; the REAL main window runs against a REAL ticket-server where a code user
// and a colleague post. Also View › Notifications… (switches kept in the settings).
#include "notificationsfixture.h"

using namespace notificationstest;

namespace {

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
    // Alt+L is the mnemonic of "a note names me with @login".
    switchOffByKeyboard(c, u"mentionCheckBox"_s, Qt::Key_L, u"notification-settings"_s);
    NotificationController *n = c.window->notifications();
    EXPECT_FALSE(n->policy()->isEnabled(models::NotificationKind::Mention));
    EXPECT_TRUE(n->policy()->isEnabled(models::NotificationKind::CodeUserMessage));
    EXPECT_EQ(c.settings.value(u"notifications/mention"_s), QVariant(false));
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
