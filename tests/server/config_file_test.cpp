// ticket-server --config FILE: key = value lines with the long option names; the command
// line wins; a wrong line stops the start with FILE:LINE: reason and changes nothing.
#include "commandrun.h"
#include "testsupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

HttpResult uploadBytes(ApiClient &api, qint64 ticketId, qsizetype size)
{
    return api.send("POST", u"/tickets/%1/attachments"_s.arg(ticketId), QByteArray(size, 'x'),
                    {{"Content-Type", "text/plain"},
                     {"Content-Disposition", "attachment; filename*=UTF-8''big.txt"}});
}

qint64 newTicket(ApiClient &api)
{
    return createTicket(api, u"Config test"_s).value(u"id"_s).toInteger();
}

} // namespace

TEST(ConfigFileTest, SettingsFromTheFileApply)
{
    QTemporaryDir dir;
    const QString conf = dir.filePath(u"ticket-server.conf"_s);
    ASSERT_TRUE(writeTextFile(conf, "# The demo server of this test\n"
                                    "\n"
                                    "seed-demo = true\n"
                                    "  max-upload =   1K  \n"
                                    "time-zone = Europe/Vienna\n"
                                    "workers = 3\n"));
    TestServer server({false, {u"--config"_s, conf}});
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    ApiClient user(server.baseUrl());
    // seed-demo = true came from the file: the demo device code signs in.
    ASSERT_FALSE(user.loginDevice(demoDeviceCode(0)).isEmpty());
    const qint64 id = newTicket(user);
    ASSERT_GT(id, 0);
    EXPECT_EQ(uploadBytes(user, id, 1000).status, 201);
    EXPECT_EQ(uploadBytes(user, id, 2000).status, 413); // max-upload = 1K
}

TEST(ConfigFileTest, TheCommandLineWins)
{
    QTemporaryDir dir;
    const QString conf = dir.filePath(u"ticket-server.conf"_s);
    ASSERT_TRUE(writeTextFile(conf, "seed-demo = true\nmax-upload = 1K\n"));
    TestServer server({false, {u"--config"_s, conf, u"--max-upload"_s, u"1M"_s}});
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    ApiClient user(server.baseUrl());
    ASSERT_FALSE(user.loginDevice(demoDeviceCode(0)).isEmpty());
    const qint64 id = newTicket(user);
    EXPECT_EQ(uploadBytes(user, id, 2000).status, 201);
}

struct BadFile {
    const char *name;
    QByteArray text; // empty: the file does not exist
    int line;
    const char *reason;
};

void PrintTo(const BadFile &bad, std::ostream *os)
{
    *os << bad.name;
}

class ConfigFileErrorTest : public testing::TestWithParam<BadFile>
{};

TEST_P(ConfigFileErrorTest, StopsTheStartWithFileLineAndReasonAndChangesNothing)
{
    const BadFile &bad = GetParam();
    QTemporaryDir dir;
    const QString conf = dir.filePath(u"ticket-server.conf"_s);
    const QString dataDir = dir.filePath(u"data"_s);
    if (!bad.text.isEmpty())
        ASSERT_TRUE(writeTextFile(conf, "# settings\n" + bad.text));
    const CommandResult r =
        runServerCommand({u"--config"_s, conf, u"--data-dir"_s, dataDir, u"--seed-demo"_s});
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    const QString where = bad.line > 0 ? u"%1:%2: "_s.arg(conf).arg(bad.line) : conf + u": "_s;
    EXPECT_TRUE(r.err.contains(where + QString::fromUtf8(bad.reason))) << r.err.toStdString();
    EXPECT_FALSE(r.out.contains(u"listening"_s)) << r.out.toStdString();
    EXPECT_FALSE(QDir(dataDir).exists()) << "the data folder was made";
}

INSTANTIATE_TEST_SUITE_P(
    Lines, ConfigFileErrorTest,
    testing::Values(
        BadFile{"UnknownKey", "listen = 127.0.0.1:0\nmax-uploads = 1M\n", 3,
                "unknown key max-uploads"},
        BadFile{"TestOnlyKey", "header-timeout-ms = 100\n", 2,
                "header-timeout-ms is for tests only"},
        BadFile{"ActionKey", "print-routes = true\n", 2, "print-routes is a command-line action"},
        BadFile{"ConfigKey", "config = /etc/other.conf\n", 2, "unknown key config"},
        BadFile{"BadSize", "\nmax-upload = lots\n", 3, "max-upload wants a size such as 25M"},
        BadFile{"BadListen", "listen = here\n", 2, "listen wants host:port"},
        BadFile{"BadFlag", "seed-demo = yes please\n", 2, "seed-demo wants true or false"},
        BadFile{"BadZone", "time-zone = Mars/Olympus\n", 2, "time-zone wants an IANA time zone"},
        BadFile{"DatabasePassword", "database = postgresql://ticket:secret@db/tickets\n", 2,
                "database must not contain a password"},
        BadFile{"DatabaseScheme", "database = mysql://db/tickets\n", 2,
                "database wants sqlite:PATH or postgresql://user@host:port/dbname"},
        BadFile{"NoEquals", "listen 127.0.0.1:0\n", 2, "expected `key = value`"},
        BadFile{"NoValue", "listen =\n", 2, "listen has no value"},
        BadFile{"Twice", "listen = 127.0.0.1:0\nlisten = 127.0.0.1:1\n", 3,
                "listen is set twice (first on line 2)"},
        BadFile{"Unreadable", {}, 0, "cannot be read"}),
    [](const testing::TestParamInfo<BadFile> &info) { return std::string(info.param.name); });

TEST(ConfigFileTest, CommandLineErrorsStillNameTheOption)
{
    QTemporaryDir dir;
    const CommandResult r = runServerCommand(
        {u"--data-dir"_s, dir.filePath(u"data"_s), u"--max-connections"_s, u"0"_s});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"--max-connections wants a positive number"_s))
        << r.err.toStdString();
}

TEST(ConfigFileTest, TheHelpNamesTheSubcommandsAndHidesTestOptions)
{
    const CommandResult r = runServerCommand({u"--help"_s});
    EXPECT_EQ(r.exitCode, 0);
    for (const QString &text :
         {u"--config <FILE>"_s, u"admin create-staff"_s, u"admin set-password"_s,
          u"admin deactivate"_s, u"backup DIR"_s, u"restore DIR"_s, u"--max-upload"_s})
        EXPECT_TRUE(r.out.contains(text)) << text.toStdString();
    EXPECT_FALSE(r.out.contains(u"header-timeout-ms"_s));
}
