// ticket-server admin create-staff / set-password / deactivate, on the data of a running
// server, which serves each change at once.
#include "commandrun.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

CommandResult admin(const TestServer &server, const QStringList &arguments,
                    const QByteArray &input = {})
{
    return runServerCommand(QStringList{u"admin"_s} + arguments +
                                QStringList{u"--data-dir"_s, server.dataDir()},
                            input);
}

} // namespace

TEST(AdminCommandTest, CreateStaffGivesAServerWithoutDemoDataItsFirstAdministrator)
{
    TestServer server({false, {}});
    ASSERT_TRUE(server.isRunning());
    ApiClient api(server.baseUrl());
    EXPECT_TRUE(api.loginStaff(u"chief"_s, u"a long secret"_s).isEmpty());

    const CommandResult r = admin(server,
                                  {u"create-staff"_s, u"--login"_s, u"chief"_s, u"--name"_s,
                                   u"Chief Operator"_s, u"--role"_s, u"admin"_s},
                                  "a long secret\n");
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();

    // The running server serves the new account at once.
    ASSERT_FALSE(api.loginStaff(u"chief"_s, u"a long secret"_s).isEmpty());
    const HttpResult me = api.get(u"/me"_s);
    EXPECT_EQ(me.status, 200);
    EXPECT_EQ(me.object().value(u"role"_s).toString(), u"admin"_s);
    EXPECT_EQ(me.object().value(u"name"_s).toString(), u"Chief Operator"_s);
    EXPECT_EQ(api.get(u"/staff"_s).status, 200);
}

TEST(AdminCommandTest, WrongInputIsRefusedClearlyAndChangesNothing)
{
    TestServer server;
    ASSERT_TRUE(server.isRunning());
    const QStringList create{u"create-staff"_s, u"--login"_s, u"newbie"_s,
                             u"--name"_s,       u"New"_s,     u"--role"_s};
    struct Case {
        QStringList arguments;
        QByteArray input;
        QString message;
    } cases[] = {
        {create + QStringList{u"agent"_s}, "too short\n", u"at least 10 characters"_s},
        {create + QStringList{u"agent"_s}, {}, u"no password on standard input"_s},
        {create + QStringList{u"boss"_s}, "long enough password\n",
         u"--role wants admin or agent"_s},
        {{u"create-staff"_s, u"--login"_s, demoLogin(u"admin"_s), u"--name"_s, u"Twin"_s,
          u"--role"_s, u"agent"_s},
         "long enough password\n",
         u"a staff member with the login %1 exists already"_s.arg(demoLogin(u"admin"_s))},
        {{u"set-password"_s, u"--login"_s, u"nobody"_s},
         "long enough password\n",
         u"there is no staff member with the login nobody"_s},
        {{u"deactivate"_s, u"--login"_s, u"nobody"_s},
         {},
         u"there is no staff member with the login nobody"_s},
        {{u"create-staff"_s, u"--name"_s, u"X"_s, u"--role"_s, u"agent"_s},
         "long enough password\n",
         u"--login is required"_s},
        {{u"promote"_s, u"--login"_s, u"x"_s}, {}, u"admin wants one action"_s},
    };
    for (const Case &c : cases) {
        const CommandResult r = admin(server, c.arguments, c.input);
        EXPECT_EQ(r.exitCode, 1) << c.arguments.join(u' ').toStdString();
        EXPECT_TRUE(r.err.contains(c.message)) << r.err.toStdString();
    }
    ApiClient api(server.baseUrl());
    EXPECT_TRUE(api.loginStaff(u"newbie"_s, u"too short"_s).isEmpty());
    EXPECT_TRUE(api.loginStaff(u"newbie"_s, u"long enough password"_s).isEmpty());
    // A password on the command line is no option at all.
    const CommandResult r = admin(server, {u"set-password"_s, u"--login"_s, demoLogin(u"agent"_s),
                                           u"--password"_s, u"long enough password"_s});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_FALSE(api.loginStaff(demoLogin(u"agent"_s)).isEmpty());
}

TEST(AdminCommandTest, SetPasswordReplacesTheOldOneAndEndsTheSessions)
{
    TestServer server;
    ASSERT_TRUE(server.isRunning());
    const QString agent = demoLogin(u"agent"_s);
    ApiClient before(server.baseUrl());
    ASSERT_FALSE(before.loginStaff(agent).isEmpty());
    ASSERT_EQ(before.get(u"/me"_s).status, 200);

    const CommandResult r =
        admin(server, {u"set-password"_s, u"--login"_s, agent}, "correct horse battery\n");
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();

    EXPECT_EQ(before.get(u"/me"_s).status, 401);
    ApiClient api(server.baseUrl());
    EXPECT_TRUE(api.loginStaff(agent).isEmpty()); // the demo password
    EXPECT_FALSE(api.loginStaff(agent, u"correct horse battery"_s).isEmpty());
    EXPECT_EQ(api.get(u"/me"_s).status, 200);
}

TEST(AdminCommandTest, DeactivateEndsTheSessionsAndTheEventStreamAtOnce)
{
    TestServer server;
    ASSERT_TRUE(server.isRunning());
    const QString agent = demoLogin(u"agent"_s);
    ApiClient api(server.baseUrl());
    const QByteArray token = api.loginStaff(agent);
    ASSERT_FALSE(token.isEmpty());
    ASSERT_EQ(api.get(u"/me"_s).status, 200); // the session is now in the server's cache
    EventClient events;
    ASSERT_TRUE(events.open(server.baseUrl(), token));

    const CommandResult r = admin(server, {u"deactivate"_s, u"--login"_s, agent});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();

    EXPECT_EQ(api.get(u"/me"_s).status, 401);
    EXPECT_TRUE(QTest::qWaitFor([&] { return !events.isOpen(); }, 5000));
    ApiClient again(server.baseUrl());
    EXPECT_TRUE(again.loginStaff(agent).isEmpty());
    // Others are not touched.
    EXPECT_FALSE(again.loginStaff(demoLogin(u"admin"_s)).isEmpty());
}

TEST(AdminCommandTest, CommandsFindTheDataAsTheServerDoes)
{
    TestServer server({false, {}});
    ASSERT_TRUE(server.isRunning());
    QTemporaryDir dir;
    const QString conf = dir.filePath(u"ticket-server.conf"_s);
    ASSERT_TRUE(writeTextFile(conf, "# as the service has it\nlisten = 0.0.0.0:8080\n"
                                    "max-upload = 10M\ndata-dir = " +
                                        server.dataDir().toUtf8() + "\n"));
    const QStringList create{u"admin"_s,  u"create-staff"_s, u"--login"_s, u"first"_s,
                             u"--name"_s, u"First"_s,        u"--role"_s,  u"admin"_s};
    CommandResult r =
        runServerCommand(create + QStringList{u"--config"_s, conf}, "first password\n");
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    ApiClient api(server.baseUrl());
    EXPECT_FALSE(api.loginStaff(u"first"_s, u"first password"_s).isEmpty());

    // --data-dir on the command line wins over the file's.
    ASSERT_TRUE(writeTextFile(conf, "data-dir = " + dir.filePath(u"elsewhere"_s).toUtf8() + "\n"));
    r = runServerCommand(QStringList{u"admin"_s, u"deactivate"_s, u"--login"_s, u"first"_s,
                                     u"--config"_s, conf, u"--data-dir"_s, server.dataDir()});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(api.loginStaff(u"first"_s, u"first password"_s).isEmpty());

    // The file is checked as for a start.
    ASSERT_TRUE(writeTextFile(conf, "data-dir = " + dir.filePath(u"unused"_s).toUtf8() +
                                        "\nmax-upload = huge\n"));
    r = runServerCommand(create + QStringList{u"--config"_s, conf}, "first password\n");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(conf + u":2: max-upload wants a size"_s)) << r.err.toStdString();

    // The command comes first.
    r = runServerCommand({u"--data-dir"_s, server.dataDir(), u"admin"_s, u"deactivate"_s});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"put the command first"_s)) << r.err.toStdString();
}
