// The composition root against a real server: signing in through the login dialog to a
// shared server (--server), a wrong password shown in the dialog, and the servers and
// login remembered for the next start.
#include "testsupport.h"

#include "application.h"
#include "mainwindow.h"
#include "models/tickettablemodel.h"
#include "widgets/logindialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace {

template <typename T> T *topLevel()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *t = qobject_cast<T *>(w); t && t->isVisible())
            return t;
    }
    return nullptr;
}

void signIn(LoginDialog *dialog, const QString &login, const QString &password)
{
    auto *loginEdit = dialog->findChild<QLineEdit *>(u"loginLineEdit"_s);
    auto *passwordEdit = dialog->findChild<QLineEdit *>(u"passwordLineEdit"_s);
    ASSERT_TRUE(loginEdit && passwordEdit);
    loginEdit->clear();
    QTest::keyClicks(loginEdit, login);
    passwordEdit->clear();
    QTest::keyClicks(passwordEdit, password);
    auto *buttons = dialog->findChild<QDialogButtonBox *>(u"buttonBox"_s);
    ASSERT_TRUE(buttons);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ASSERT_TRUE(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
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

} // namespace
