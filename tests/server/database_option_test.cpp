// --database URL: sqlite:PATH (default: the data folder's tickets.sqlite) or
// postgresql://user@host:port/dbname, never with a password; wrong URLs stop the start
// with a clear message. (The PostgreSQL start itself: tests/postgres/pg_server_test.cpp.)
#include "commandrun.h"
#include "databaseurl.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;
using server::DatabaseUrl;

namespace {

QString parseError(const QString &text)
{
    QString error;
    EXPECT_FALSE(DatabaseUrl::parse(text, &error)) << text.toStdString();
    return error;
}

TEST(DatabaseOptionTest, ReadsPostgresqlUrls)
{
    QString error;
    const auto url = DatabaseUrl::parse(u"postgresql://ticket@db.example:5433/tickets"_s, &error);
    ASSERT_TRUE(url) << error.toStdString();
    EXPECT_EQ(url->kind, DatabaseUrl::Kind::PostgreSql);
    EXPECT_EQ(url->user, u"ticket"_s);
    EXPECT_EQ(url->host, u"db.example"_s);
    EXPECT_EQ(url->port, 5433);
    EXPECT_EQ(url->name, u"tickets"_s);
    EXPECT_EQ(url->toDisplayString(), u"postgresql://ticket@db.example:5433/tickets"_s);

    // Missing parts are left to libpq (PGHOST, PGPORT, PGUSER, PGDATABASE).
    const auto bare = DatabaseUrl::parse(u"postgres:///tickets"_s, &error);
    ASSERT_TRUE(bare) << error.toStdString();
    EXPECT_EQ(bare->kind, DatabaseUrl::Kind::PostgreSql);
    EXPECT_TRUE(bare->host.isEmpty());
    EXPECT_EQ(bare->port, 0);
    EXPECT_EQ(bare->name, u"tickets"_s);
}

TEST(DatabaseOptionTest, ReadsSqlitePathsAsAbsolute)
{
    QString error;
    const auto url = DatabaseUrl::parse(u"sqlite:data/t.sqlite"_s, &error);
    ASSERT_TRUE(url) << error.toStdString();
    EXPECT_EQ(url->kind, DatabaseUrl::Kind::Sqlite);
    EXPECT_EQ(url->sqlitePath, QDir::current().absoluteFilePath(u"data/t.sqlite"_s));
}

TEST(DatabaseOptionTest, RefusesPasswordsAndWrongUrls)
{
    EXPECT_TRUE(parseError(u"postgresql://ticket:secret@db/tickets"_s)
                    .startsWith(u"must not contain a password"_s));
    EXPECT_EQ(parseError(u"mysql://db/tickets"_s),
              u"wants sqlite:PATH or postgresql://user@host:port/dbname"_s);
    EXPECT_EQ(parseError(u"tickets.sqlite"_s),
              u"wants sqlite:PATH or postgresql://user@host:port/dbname"_s);
    EXPECT_TRUE(parseError(u"sqlite:"_s).startsWith(u"wants a file after sqlite:"_s));
    EXPECT_TRUE(parseError(u"postgresql://db/tickets?sslmode=disable"_s)
                    .startsWith(u"takes no parameters"_s));
    EXPECT_TRUE(parseError(u"postgresql://db/a/b"_s).startsWith(u"wants one database name"_s));
    EXPECT_TRUE(parseError(u"postgresql://db:port/tickets"_s).startsWith(u"is not a valid URL"_s));
}

TEST(DatabaseOptionTest, APasswordOnTheCommandLineStopsTheStart)
{
    QTemporaryDir dir;
    const CommandResult r =
        runServerCommand({u"--data-dir"_s, dir.filePath(u"data"_s), u"--database"_s,
                          u"postgresql://ticket:secret@127.0.0.1:1/tickets"_s});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"--database must not contain a password: give it in PGPASSWORD, "
                               "~/.pgpass or --database-password-file"_s))
        << r.err.toStdString();
    EXPECT_FALSE(QDir(dir.filePath(u"data"_s)).exists());
}

TEST(DatabaseOptionTest, ServesFromTheSqliteFileItIsGiven)
{
    QTemporaryDir elsewhere;
    const QString file = elsewhere.filePath(u"other.sqlite"_s);
    TestServer server({true, {u"--database"_s, u"sqlite:"_s + file}});
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    ApiClient user(server.baseUrl());
    EXPECT_FALSE(user.loginDevice(demoDeviceCode(0)).isEmpty());
    EXPECT_TRUE(QFileInfo(file).size() > 0);
    EXPECT_FALSE(QFileInfo::exists(server.dataDir() + u"/tickets.sqlite"_s));
}

TEST(DatabaseOptionTest, AnUnreachablePostgresqlStopsTheStartWithTheReason)
{
    QTemporaryDir dir;
    // Port 1 on loopback: nothing listens there.
    const CommandResult r =
        runServerCommand({u"--data-dir"_s, dir.filePath(u"data"_s), u"--database"_s,
                          u"postgresql://ticket@127.0.0.1:1/tickets"_s});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"ticket-server: cannot connect to PostgreSQL: "_s))
        << r.err.toStdString();
}

} // namespace
