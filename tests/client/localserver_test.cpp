// client::LocalServer: the embedded ticket-server child process.
#include "client/localserver.h"
#include "clienttestutil.h"
#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

#include <csignal>

using namespace Qt::StringLiterals;
using client::LocalServer;

namespace {

bool healthy(const QUrl &baseUrl)
{
    testsupport::ApiClient http(baseUrl.toString());
    return http.get(u"/health"_s).status == 200;
}

// The pid of the process whose command line mentions `needle` (Linux /proc), or 0.
qint64 pidOf(const QString &needle)
{
    QDirIterator it(u"/proc"_s, QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        it.next();
        bool ok = false;
        const qint64 pid = it.fileName().toLongLong(&ok);
        if (!ok)
            continue;
        QFile cmdline(it.filePath() + u"/cmdline"_s);
        if (cmdline.open(QIODevice::ReadOnly) &&
            QString::fromLocal8Bit(cmdline.readAll().replace('\0', ' ')).contains(needle))
            return pid;
    }
    return 0;
}

TEST(LocalServerTest, StartsServesAndStops)
{
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(u"data"_s); // created by start()
    LocalServer local;
    QSignalSpy started(&local, &LocalServer::started);
    QSignalSpy failed(&local, &LocalServer::failed);
    QSignalSpy unexpected(&local, &LocalServer::stoppedUnexpectedly);
    local.start(testsupport::serverExecutable(), dataDir);
    ASSERT_TRUE(QTest::qWaitFor([&] { return started.count() + failed.count() > 0; }, 15000));
    ASSERT_EQ(started.count(), 1) << failed.value(0).value(0).toString().toStdString();
    const QUrl url = started.first().first().toUrl();
    EXPECT_EQ(url, local.baseUrl());
    EXPECT_EQ(url.host(), u"127.0.0.1"_s);
    EXPECT_GT(url.port(), 0);
    EXPECT_TRUE(url.path().endsWith(u"/api/v1"_s));
    EXPECT_TRUE(local.isRunning());
    EXPECT_TRUE(healthy(url));
    EXPECT_TRUE(QFileInfo(dataDir).isDir());

    local.stop();
    EXPECT_FALSE(local.isRunning());
    EXPECT_FALSE(healthy(url));
    // Whatever the stop queued (the process's end) is delivered before this sentinel.
    ASSERT_TRUE(clienttest::deliverPosted());
    EXPECT_EQ(unexpected.count(), 0);
    EXPECT_EQ(failed.count(), 0);
}

TEST(LocalServerTest, MissingExecutableFails)
{
    QTemporaryDir dir;
    LocalServer local;
    QSignalSpy started(&local, &LocalServer::started);
    QSignalSpy failed(&local, &LocalServer::failed);
    local.start(dir.filePath(u"no-such-ticket-server"_s), dir.path());
    ASSERT_TRUE(QTest::qWaitFor([&] { return failed.count() > 0; }, 5000));
    EXPECT_EQ(failed.count(), 1);
    EXPECT_FALSE(failed.first().first().toString().isEmpty());
    EXPECT_EQ(started.count(), 0);
    EXPECT_FALSE(local.isRunning());
}

TEST(LocalServerTest, ProgramThatExitsAtOnceFailsWithItsComplaint)
{
    // sh does not know --listen: it complains on stderr and exits.
    const QString sh = QStandardPaths::findExecutable(u"sh"_s);
    if (sh.isEmpty())
        GTEST_SKIP() << "no sh";
    QTemporaryDir dir;
    LocalServer local;
    QSignalSpy failed(&local, &LocalServer::failed);
    local.start(sh, dir.path());
    ASSERT_TRUE(QTest::qWaitFor([&] { return failed.count() > 0; }, 5000));
    const QString message = failed.first().first().toString();
    EXPECT_TRUE(message.contains(u"--listen"_s) || message.contains(u"exit code"_s))
        << message.toStdString();
}

TEST(LocalServerTest, ServerDeathIsReported)
{
#ifndef Q_OS_LINUX
    GTEST_SKIP() << "finds the child through /proc";
#endif
    QTemporaryDir dir;
    LocalServer local;
    QSignalSpy started(&local, &LocalServer::started);
    QSignalSpy unexpected(&local, &LocalServer::stoppedUnexpectedly);
    local.start(testsupport::serverExecutable(), dir.path());
    ASSERT_TRUE(QTest::qWaitFor([&] { return started.count() > 0; }, 15000));
    const qint64 pid = pidOf(dir.path());
    ASSERT_GT(pid, 0);
    ::kill(pid_t(pid), SIGKILL);
    ASSERT_TRUE(QTest::qWaitFor([&] { return unexpected.count() > 0; }, 5000));
    EXPECT_FALSE(unexpected.first().first().toString().isEmpty());
    EXPECT_FALSE(local.isRunning());
}

// A server that dies after it ran says why if it said so (a warning), but its everyday log
// lines (info) are left out of the report: they say nothing about the crash.
TEST(LocalServerTest, ACrashReportLeavesOutTheEverydayLog)
{
    QTemporaryDir dir;
    const QString script = dir.filePath(u"fake-server"_s);
    QFile file(script);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    // Prints as a Qt program under the QT_MESSAGE_PATTERN the child is given would.
    file.write("#!/bin/sh\n"
               "[ -n \"$QT_MESSAGE_PATTERN\" ] || echo 'no message pattern' >&2\n"
               "echo 'ticket-server listening on http://127.0.0.1:9/api/v1 (data: x)'\n"
               "sleep 0.3\n"
               "echo 'info: pruned 44 expired sessions and idle code users' >&2\n"
               "echo 'disk nearly full' >&2\n"
               "sleep 0.3\n"
               "kill -9 $$\n");
    file.close();
    ASSERT_TRUE(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

    LocalServer local;
    QSignalSpy started(&local, &LocalServer::started);
    QSignalSpy unexpected(&local, &LocalServer::stoppedUnexpectedly);
    local.start(script, dir.filePath(u"data"_s));
    ASSERT_TRUE(QTest::qWaitFor([&] { return started.count() > 0; }, 5000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return unexpected.count() > 0; }, 5000));
    const QString report = unexpected.first().first().toString();
    EXPECT_TRUE(report.contains(u"disk nearly full"_s)) << report.toStdString();
    EXPECT_FALSE(report.contains(u"pruned"_s)) << report.toStdString();
    EXPECT_FALSE(report.contains(u"no message pattern"_s)) << report.toStdString();
}

TEST(LocalServerTest, FindsTheExecutableOnThePath)
{
    const QByteArray savedPath = qgetenv("PATH");
    qputenv("PATH", QFileInfo(testsupport::serverExecutable()).absolutePath().toLocal8Bit());
    const QString found = LocalServer::findExecutable();
    qputenv("PATH", savedPath);
    // Next to the test program or in the build tree would be found first; neither is
    // where this suite runs, so PATH decides.
    EXPECT_EQ(QFileInfo(found).canonicalFilePath(),
              QFileInfo(testsupport::serverExecutable()).canonicalFilePath());
}

} // namespace
