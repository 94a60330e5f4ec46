// `ticket-server --database postgresql://...`: connects, migrates, and stops with a clear
// message, because serving on PostgreSQL is not written yet (docs/postgresql.md). The
// password comes from the environment or --database-password-file, never the URL.
#include "commandrun.h"
#include "pgfixture.h"

#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace pgtest;
using namespace testsupport;

namespace {

using PgServerTest = PgTest;

const QString NotYet = u"ticket-server: serving on PostgreSQL is not available yet"_s;

TEST_F(PgServerTest, MigratesTheDatabaseThenSaysItCannotServeYet)
{
    QTemporaryDir dir;
    const CommandResult r =
        runServerCommand({u"--data-dir"_s, dir.filePath(u"data"_s), u"--database"_s, m_db.url()});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.out.contains(u": schema version 1."_s)) << r.out.toStdString();
    EXPECT_TRUE(r.err.startsWith(NotYet)) << r.err.toStdString();
    EXPECT_FALSE(r.out.contains(u"listening"_s));

    auto c = connect(m_db, u"server-check"_s);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->schemaVersion(), 1);
}

TEST_F(PgServerTest, ThePasswordComesFromTheFileWhenGiven)
{
    const QByteArray password = qgetenv("PGPASSWORD");
    ASSERT_FALSE(password.isEmpty()) << "pg_virtualenv sets PGPASSWORD";
    QTemporaryDir dir;
    const QString right = dir.filePath(u"right"_s);
    const QString wrong = dir.filePath(u"wrong"_s);
    ASSERT_TRUE(writeTextFile(right, password + '\n'));
    ASSERT_TRUE(writeTextFile(wrong, "not-the-password\n"));
    const auto start = [&](const QString &file) {
        return runServerCommand({u"--data-dir"_s, dir.filePath(u"data"_s), u"--database"_s,
                                 m_db.url(), u"--database-password-file"_s, file});
    };
    // The child inherits the environment at its start: without PGPASSWORD only the file
    // can give the password.
    qunsetenv("PGPASSWORD");
    const CommandResult withRight = start(right);
    const CommandResult withWrong = start(wrong);
    qputenv("PGPASSWORD", password);

    EXPECT_TRUE(withRight.err.startsWith(NotYet)) << withRight.err.toStdString();
    EXPECT_EQ(withWrong.exitCode, 1);
    EXPECT_TRUE(withWrong.err.contains(u"cannot connect to PostgreSQL: "_s))
        << withWrong.err.toStdString();
    EXPECT_FALSE(withWrong.err.contains(NotYet));
}

} // namespace
