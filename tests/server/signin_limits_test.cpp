// Sign-in limits against strangers: wrong passwords lock the stranger's (login, address)
// first and the login only after failures from many addresses; device-code guesses are
// limited per address and by one budget for the whole server, which a real user of a
// known code from a clean address still passes.
#include "testsupport.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

QString address(int n)
{
    return u"127.0.0.%1"_s.arg(n);
}

HttpResult login(TestServer &server, const QString &from, const QString &name,
                 const QString &password)
{
    ApiClient client(server.baseUrl());
    client.setSourceAddress(from);
    return client.post(u"/auth/login"_s, {{u"login"_s, name}, {u"password"_s, password}});
}

HttpResult deviceCode(TestServer &server, const QString &from, const QString &code)
{
    ApiClient client(server.baseUrl());
    client.setSourceAddress(from);
    return client.post(u"/auth/device-code"_s, {{u"code"_s, code}, {u"name"_s, u"Rater"_s}});
}

TEST(SignInLimitsTest, AStrangerDoesNotLockStaffOutOfTheirOwnDesk)
{
    TestServer server;
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    const QString agent = demoLogin(u"agent"_s);
    int refused = 0, limited = 0;
    for (int i = 0; i < 8; ++i) {
        const HttpResult r = login(server, address(2), agent, u"guess%1"_s.arg(i));
        refused += r.status == 401;
        if (r.status == 429) {
            ++limited;
            EXPECT_FALSE(r.header("retry-after").isEmpty());
        }
    }
    EXPECT_EQ(refused, 5);
    EXPECT_EQ(limited, 3);
    // The stranger's address stays locked, even with the right password...
    EXPECT_EQ(login(server, address(2), agent, u"demo"_s).status, 429);
    // ...while the staff member signs in from their desk.
    const HttpResult mine = login(server, address(3), agent, u"demo"_s);
    EXPECT_EQ(mine.status, 200) << mine.body.toStdString();
    EXPECT_FALSE(mine.object().value(u"token"_s).toString().isEmpty());
}

TEST(SignInLimitsTest, FailuresFromManyAddressesLockTheLogin)
{
    TestServer server;
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    const QString agent = demoLogin(u"agent"_s, 1);
    // 5 per address from 10 addresses: the login's budget of 50 is spent.
    for (int a = 10; a < 20; ++a) {
        for (int i = 0; i < 5; ++i)
            ASSERT_EQ(login(server, address(a), agent, u"wrong"_s).status, 401);
    }
    const HttpResult locked = login(server, address(30), agent, u"demo"_s);
    EXPECT_EQ(locked.status, 429);
    EXPECT_GT(locked.header("retry-after").toInt(), 5 * 60) << "the login's window is longer";
    // Another login is not affected.
    EXPECT_EQ(login(server, address(30), demoLogin(u"admin"_s), u"demo"_s).status, 200);
}

TEST(SignInLimitsTest, DeviceCodeGuessesSpendOneBudgetForTheWholeServer)
{
    TestServer::Options options;
    options.extraArgs = {u"--device-code-failures-per-minute"_s, u"10"_s};
    TestServer server(options);
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();

    // 30 addresses guess 20 codes each.
    int evaluated = 0, limited = 0;
    for (int i = 0; i < 20; ++i) {
        for (int a = 0; a < 30; ++a) {
            const HttpResult r =
                deviceCode(server, address(100 + a), u"GUESS-%1-%2"_s.arg(a).arg(i));
            ASSERT_TRUE(r.status == 401 || r.status == 429) << r.status;
            evaluated += r.status == 401;
            if (r.status == 429) {
                ++limited;
                const int wait = r.header("retry-after").toInt();
                EXPECT_GE(wait, 1);
                EXPECT_LE(wait, 5 * 60);
            }
        }
    }
    // The budget, plus at most one try for each address that had not failed yet.
    EXPECT_LE(evaluated, 10 + 30);
    EXPECT_EQ(evaluated + limited, 600);

    // A real user of a known code, from an address that has not guessed, still gets in.
    const HttpResult real = deviceCode(server, address(200), demoDeviceCode(0));
    EXPECT_EQ(real.status, 200) << real.body.toStdString();
    // A guessing address does not, not even with a right code.
    EXPECT_EQ(deviceCode(server, address(100), demoDeviceCode(0)).status, 429);
}

} // namespace
