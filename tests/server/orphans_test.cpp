// A test process that dies without stopping its ticket-server (a crash, a ctest timeout,
// SIGKILL) must not leave the server running.
#include "testconfig.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>
#include <gtest/gtest.h>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

// Gone, or a zombie waiting for whoever inherited it to reap it.
bool processGone(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    const qsizetype end = line.lastIndexOf(')'); // after the name, which may hold spaces
    return end < 0 || line.mid(end + 2, 1) == "Z";
}

} // namespace

TEST(Orphans, ServerDiesWithTheTestProcess)
{
    QProcess helper;
    helper.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    helper.start(QStringLiteral(TICKET_ORPHAN_HELPER_EXECUTABLE), {});
    ASSERT_TRUE(helper.waitForStarted(10000));
    static const QRegularExpression pidLine(u"server pid (\\d+)"_s);
    qint64 serverPid = 0;
    QDeadlineTimer deadline(120000);
    while (serverPid == 0 && !deadline.hasExpired() && helper.state() == QProcess::Running) {
        if (!helper.canReadLine() && !helper.waitForReadyRead(1000))
            continue;
        const auto match = pidLine.match(QString::fromUtf8(helper.readLine()));
        if (match.hasMatch())
            serverPid = match.captured(1).toLongLong();
    }
    ASSERT_GT(serverPid, 0) << "the helper did not start a server";
    ASSERT_FALSE(processGone(serverPid));

    ::kill(pid_t(helper.processId()), SIGKILL); // no destructor, no clean-up: as a crash
    ASSERT_TRUE(helper.waitForFinished(10000));

    QDeadlineTimer gone(5000);
    while (!processGone(serverPid) && !gone.hasExpired())
        QThread::msleep(20);
    const bool died = processGone(serverPid);
    if (!died)
        ::kill(pid_t(serverPid), SIGKILL); // leave nothing behind either way
    EXPECT_TRUE(died) << "ticket-server " << serverPid << " outlived the process that started it";
}
