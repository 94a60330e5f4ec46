// The composition root against a real server: signing in through the login dialog to a
// shared server (--server), a wrong password shown in the dialog, and the servers and
// login remembered for the next start; the local server brought up again when it stops.
#include "logindriver.h"
#include "testconfig.h"
#include "testsupport.h"

#include "application.h"
#include "mainwindow.h"
#include "models/tickettablemodel.h"
#include "scripteddialogs.h"
#include "widgets/logindialog.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <csignal>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace {

using guitest::signIn;
using guitest::topLevel;

// The ticket-server process serving `dataDir` (0: none).
qint64 serverPidFor(const QString &dataDir)
{
    const QStringList pids = QDir(u"/proc"_s).entryList(QDir::Dirs);
    for (const QString &pid : pids) {
        QFile cmdline(u"/proc/"_s + pid + u"/cmdline"_s);
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> args = cmdline.readAll().split('\0');
        if (!args.isEmpty() && args.first().endsWith("ticket-server") &&
            args.contains(dataDir.toUtf8()))
            return pid.toLongLong();
    }
    return 0;
}

TEST(ApplicationTest, BringsTheLocalServerBackWhenItStops)
{
    // The program's own server, found on the PATH as an installed one would be.
    qputenv("PATH", QFileInfo(QStringLiteral(TICKET_SERVER_EXECUTABLE)).absolutePath().toUtf8() +
                        ':' + qgetenv("PATH"));
    QTemporaryDir dir;
    Application::Options options;
    options.dataDir = dir.path();
    options.language = u"en"_s;
    Application app(options);
    app.start();
    MainWindow *window = nullptr;
    ASSERT_TRUE(QTest::qWaitFor([&] { return (window = topLevel<MainWindow>()); }, 30000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return window->tableModel()->rowCount() > 0; }, 30000));
    auto *status = window->findChild<QLabel *>(u"connectionLabel"_s);
    ASSERT_NE(status, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return status->text().contains(u"live"_s); }, 30000));
    const QString serverDir = dir.filePath(u"local-server"_s);
    const qint64 first = serverPidFor(serverDir);
    ASSERT_NE(first, 0);

    // Killed: the client starts a new one by itself and is live on it again.
    ASSERT_EQ(::kill(pid_t(first), SIGKILL), 0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !status->text().contains(u"live"_s); }, 10000));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const qint64 now = serverPidFor(serverDir);
            return now != 0 && now != first && status->text().contains(u"live"_s);
        },
        30000));
    auto *button = window->findChild<QToolButton *>(u"restartLocalServerButton"_s);
    ASSERT_NE(button, nullptr);
    EXPECT_TRUE(QTest::qWaitFor([&] { return !button->isVisible(); }, 5000));
    const int rows = window->tableModel()->rowCount();
    window->tableModel()->reload();
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            return !window->tableModel()->isLoading() && window->tableModel()->rowCount() == rows;
        },
        10000));

    // Again, and the user does not wait for the back-off: "Restart local server".
    const qint64 second = serverPidFor(serverDir);
    ASSERT_EQ(::kill(pid_t(second), SIGKILL), 0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return button->isVisible(); }, 10000));
    EXPECT_TRUE(button->text().contains(u"Restart local server"_s));
    window->findChild<QAction *>(u"restartLocalServerAction"_s)->trigger();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const qint64 now = serverPidFor(serverDir);
            return now != 0 && now != second && status->text().contains(u"live"_s);
        },
        30000));
    window->close();
}

TEST(ApplicationTest, SignsInToASharedServerThroughTheLoginDialog)
{
    testsupport::TestServer server;
    ASSERT_TRUE(server.isRunning());
    QTemporaryDir dir;
    Application::Options options;
    options.server = server.baseUrl();
    options.dataDir = dir.path();
    options.language = u"en"_s;
    {
        Application app(options);
        app.start();
        LoginDialog *dialog = nullptr;
        ASSERT_TRUE(QTest::qWaitFor([&] { return (dialog = topLevel<LoginDialog>()); }, 10000));

        // A wrong password: the server's refusal in the dialog, which stays open.
        signIn(dialog, u"jonas"_s, u"falsch"_s);
        auto *error = dialog->findChild<QLabel *>(u"errorLabel"_s);
        ASSERT_TRUE(QTest::qWaitFor([&] { return error->isVisible(); }, 10000));
        EXPECT_FALSE(error->text().isEmpty());
        EXPECT_EQ(error->textFormat(), Qt::PlainText);
        EXPECT_EQ(topLevel<MainWindow>(), nullptr);

        signIn(dialog, u"jonas"_s, u"demo"_s);
        MainWindow *window = nullptr;
        ASSERT_TRUE(QTest::qWaitFor([&] { return (window = topLevel<MainWindow>()); }, 10000));
        ASSERT_TRUE(QTest::qWaitFor([&] { return window->tableModel()->rowCount() > 0; }, 10000));
        EXPECT_FALSE(dialog->isVisible());
        window->close();
    }
    // Remembered for the next start (the token only where a keychain works).
    QSettings settings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    EXPECT_EQ(settings.value(u"servers"_s).toStringList().value(0), server.baseUrl());
    EXPECT_EQ(settings.value(u"lastLogin"_s).toString(), u"jonas"_s);
}

TEST(ApplicationTest, AStartThatCannotWorkSaysWhy)
{
    // The data folder cannot be made (a file is in the way): the local server cannot start.
    QTemporaryDir dir;
    QFile blocker(dir.filePath(u"file"_s));
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    guitest::ScriptedDialogs dialogs;
    Application::Options options;
    options.dataDir = dir.filePath(u"file/data"_s);
    options.language = u"en"_s;
    options.dialogs = &dialogs;
    Application app(options);
    app.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !dialogs.asked.isEmpty(); }, 30000));
    const guitest::ScriptedDialogs::Asked &asked = dialogs.asked.first();
    EXPECT_EQ(asked.icon, QMessageBox::Critical);
    EXPECT_EQ(asked.title, u"Ticket Backoffice"_s);
    EXPECT_TRUE(asked.text.contains(u"local"_s)) << asked.text.toStdString();
    EXPECT_EQ(topLevel<MainWindow>(), nullptr);
}

TEST(ApplicationTest, ASessionTheServerEndsIsSaid)
{
    testsupport::TestServer::Options serverOptions;
    serverOptions.extraArgs = {u"--staff-session-seconds"_s, u"3"_s};
    testsupport::TestServer server(serverOptions);
    ASSERT_TRUE(server.isRunning());
    QTemporaryDir dir;
    guitest::ScriptedDialogs dialogs;
    Application::Options options;
    options.server = server.baseUrl();
    options.dataDir = dir.path();
    options.language = u"en"_s;
    options.dialogs = &dialogs;
    Application app(options);
    app.start();
    LoginDialog *dialog = nullptr;
    ASSERT_TRUE(QTest::qWaitFor([&] { return (dialog = topLevel<LoginDialog>()); }, 10000));
    signIn(dialog, u"jonas"_s, u"demo"_s);
    MainWindow *window = nullptr;
    ASSERT_TRUE(QTest::qWaitFor([&] { return (window = topLevel<MainWindow>()); }, 10000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return window->tableModel()->rowCount() > 0; }, 10000));
    EXPECT_TRUE(dialogs.asked.isEmpty());

    // The session runs out; the next request (F5, twice a second) hears so.
    auto *reload = window->findChild<QAction *>(u"reloadAction"_s);
    ASSERT_NE(reload, nullptr);
    QElapsedTimer sinceReload;
    sinceReload.start();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            if (!dialogs.asked.isEmpty())
                return true;
            if (sinceReload.elapsed() > 500) {
                reload->trigger();
                sinceReload.restart();
            }
            return false;
        },
        20000));
    const guitest::ScriptedDialogs::Asked &asked = dialogs.asked.first();
    EXPECT_EQ(asked.icon, QMessageBox::Warning);
    EXPECT_EQ(asked.title, u"Signed out"_s);
    window->close();
}

} // namespace
