// https:// servers whose certificate the system cannot verify (a certificate authority made
// by the test): the client shows the certificate and asks before it sends anything; a
// refusal sends nothing, a trust is remembered for that server, a changed one asks again.
#include "testcerts.h"
#include "testsupport.h"

#include "application.h"
#include "client/certificatetrust.h"
#include "guiclient.h"
#include "logindriver.h"
#include "mainwindow.h"
#include "scripteddialogs.h"
#include "widgets/logindialog.h"
#include "widgets/messagebanner.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using testsupport::ServerCertificate;
using testsupport::TestCertificateAuthority;
using testsupport::TestServer;

namespace {

using guitest::topLevel;

// Sign-ins the server has handed out a token for (its database, read beside it).
int tokensIssued(const TestServer &server)
{
    const QString name = u"tokens-"_s + QString::number(quintptr(&server));
    int count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(server.dataDir() + u"/tickets.sqlite"_s);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(u"SELECT COUNT(*) FROM tokens"_s) && q.next())
                count = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}

QStringList tlsArgs(const ServerCertificate &cert)
{
    return {u"--tls-cert"_s, cert.certFile, u"--tls-key"_s, cert.keyFile};
}

class CertificateTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_ca.isValid());
        m_cert = m_ca.issue(u"server"_s);
        ASSERT_FALSE(m_cert.certFile.isEmpty());
        m_options.dataDir = m_dir.path();
        m_options.language = qEnvironmentVariable("TICKET_SCREENSHOT_LANGUAGE", u"en"_s);
    }

    // Starts the client against `server` and signs in through the login dialog.
    std::unique_ptr<Application> start(const TestServer &server, guitest::ScriptedDialogs &dialogs,
                                       LoginDialog **dialog)
    {
        Application::Options options = m_options;
        options.server = server.baseUrl();
        options.dialogs = &dialogs;
        auto app = std::make_unique<Application>(options);
        app->start();
        EXPECT_TRUE(QTest::qWaitFor([&] { return (*dialog = topLevel<LoginDialog>()); }, 10000));
        if (*dialog)
            guitest::signIn(*dialog, u"jonas"_s, u"demo"_s, 10000);
        return app;
    }

    TestCertificateAuthority m_ca;
    ServerCertificate m_cert;
    QTemporaryDir m_dir;
    Application::Options m_options;
};

TEST_F(CertificateTest, AnUnverifiedCertificateIsShownAndNothingSentUntilTrusted)
{
    TestServer server({true, tlsArgs(m_cert)});
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    ASSERT_TRUE(server.baseUrl().startsWith(u"https://"_s));
    const int tokensBefore = tokensIssued(server);
    ASSERT_GE(tokensBefore, 0);
    const QString fingerprint = client::CertificateTrust::fingerprint(m_cert.certificate());
    QString firstTitle;

    {
        // Refused: the dialog says so, and no sign-in reached the server.
        guitest::ScriptedDialogs dialogs;
        dialogs.answerNext(QMessageBox::No);
        LoginDialog *dialog = nullptr;
        const auto app = start(server, dialogs, &dialog);
        ASSERT_TRUE(dialog);
        ASSERT_TRUE(guitest::waitFor([&] { return !dialogs.asked.isEmpty(); }));
        const guitest::ScriptedDialogs::Asked asked = dialogs.asked.first();
        firstTitle = asked.title;
        EXPECT_TRUE(asked.text.contains(fingerprint.left(47)) &&
                    asked.text.contains(fingerprint.mid(48)))
            << asked.text.toStdString();
        EXPECT_TRUE(asked.text.contains(u"Ticket Test CA"_s)) << asked.text.toStdString();
        EXPECT_TRUE(asked.text.contains(u"127.0.0.1"_s));
        auto *error = dialog->findChild<QLabel *>(u"errorLabel"_s);
        ASSERT_TRUE(guitest::waitFor([&] { return error->isVisible(); }));
        EXPECT_TRUE(error->text().contains(u"127.0.0.1:%1"_s.arg(server.port())))
            << error->text().toStdString();
        EXPECT_EQ(topLevel<MainWindow>(), nullptr);
        EXPECT_EQ(tokensIssued(server), tokensBefore);

        // The question as the user sees it.
        QMessageBox box(QMessageBox::Warning, asked.title, asked.text,
                        QMessageBox::Yes | QMessageBox::No);
        box.setDefaultButton(QMessageBox::No);
        box.show();
        guitest::saveScreenshot(&box, u"certificate-question"_s);

        // Trusted: signed in, and the event stream (wss) goes live.
        dialogs.answerNext(QMessageBox::Yes);
        guitest::signIn(dialog, u"jonas"_s, u"demo"_s, 10000);
        MainWindow *window = nullptr;
        ASSERT_TRUE(guitest::waitFor([&] { return (window = topLevel<MainWindow>()); }));
        EXPECT_EQ(dialogs.asked.size(), 2);
        auto *status = window->findChild<QLabel *>(u"connectionLabel"_s);
        ASSERT_TRUE(status);
        EXPECT_TRUE(guitest::waitFor([&] { return status->text().contains(u"live"_s); }))
            << status->text().toStdString();
        EXPECT_EQ(tokensIssued(server), tokensBefore + 1);
        window->close();
    }
    {
        // Remembered on the next start: nothing asked.
        guitest::ScriptedDialogs dialogs;
        LoginDialog *dialog = nullptr;
        const auto app = start(server, dialogs, &dialog);
        MainWindow *window = nullptr;
        ASSERT_TRUE(guitest::waitFor([&] { return (window = topLevel<MainWindow>()); }));
        EXPECT_TRUE(dialogs.asked.isEmpty());
        window->close();
    }
    // Another certificate for the same server: asked again, saying it changed.
    const ServerCertificate other = m_ca.issue(u"other"_s);
    ASSERT_TRUE(server.restart(tlsArgs(other)));
    {
        guitest::ScriptedDialogs dialogs;
        dialogs.answerNext(QMessageBox::No);
        LoginDialog *dialog = nullptr;
        const auto app = start(server, dialogs, &dialog);
        ASSERT_TRUE(guitest::waitFor([&] { return !dialogs.asked.isEmpty(); }));
        EXPECT_TRUE(dialogs.asked.first().text.contains(
            client::CertificateTrust::fingerprint(other.certificate()).left(47)));
        EXPECT_NE(dialogs.asked.first().title, firstTitle); // "Changed server certificate"
        EXPECT_EQ(topLevel<MainWindow>(), nullptr);
        dialog->close();
    }
}

TEST_F(CertificateTest, ACertificateChangedWhileSignedInIsAskedAboutAgain)
{
    TestServer server({true, tlsArgs(m_cert)});
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    guitest::ScriptedDialogs dialogs;
    dialogs.answerNext(QMessageBox::Yes);
    LoginDialog *dialog = nullptr;
    const auto app = start(server, dialogs, &dialog);
    MainWindow *window = nullptr;
    ASSERT_TRUE(guitest::waitFor([&] { return (window = topLevel<MainWindow>()); }));
    auto *status = window->findChild<QLabel *>(u"connectionLabel"_s);
    ASSERT_TRUE(guitest::waitFor([&] { return status->text().contains(u"live"_s); }));
    ASSERT_EQ(dialogs.asked.size(), 1);
    const QString firstTitle = dialogs.asked.first().title;

    // Renewed by someone the user does not know of: the stream's reconnect meets it.
    const ServerCertificate other = m_ca.issue(u"other"_s);
    const quint16 port = server.port();
    dialogs.answerNext(QMessageBox::No); // first not trusted: the window says so
    ASSERT_TRUE(server.restart(tlsArgs(other)));
    ASSERT_EQ(server.port(), port);
    ASSERT_TRUE(guitest::waitFor([&] { return dialogs.asked.size() == 2; }, 30000));
    EXPECT_NE(dialogs.asked.at(1).title, firstTitle); // "Changed server certificate"
    EXPECT_TRUE(dialogs.asked.at(1).text.contains(
        client::CertificateTrust::fingerprint(other.certificate()).left(47)));
    auto *banner = window->findChild<MessageBanner *>(u"messageBanner"_s);
    ASSERT_TRUE(guitest::waitFor([&] { return banner->isVisible(); }));
    EXPECT_TRUE(banner->message().contains(u"did not trust the changed certificate"_s))
        << banner->message().toStdString();
    auto *again = window->findChild<QAction *>(u"checkCertificateAgainAction"_s);
    ASSERT_NE(again, nullptr);
    EXPECT_FALSE(status->text().contains(u"live"_s));
    guitest::saveScreenshot(window, u"certificate-refused"_s);

    // Asked to check again, the user trusts it: the stream is live once more.
    dialogs.answerNext(QMessageBox::Yes);
    again->trigger();
    ASSERT_TRUE(guitest::waitFor([&] { return dialogs.asked.size() == 3; }, 30000));
    EXPECT_EQ(dialogs.asked.at(2).title, dialogs.asked.at(1).title);
    EXPECT_TRUE(guitest::waitFor([&] { return status->text().contains(u"live"_s); }, 30000))
        << status->text().toStdString();
    EXPECT_EQ(dialogs.asked.size(), 3);
    window->close();
}

} // namespace
