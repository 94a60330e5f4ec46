#include "application.h"

#include "certificategate.h"
#include "dialogs.h"
#include "mainwindow.h"
#include "translations.h"
#include "widgets/logindialog.h"

#include "client/apiclient.h"
#include "client/certificatetrust.h"
#include "client/credentialstore.h"
#include "client/draftstore.h"
#include "client/eventstream.h"
#include "client/localserver.h"
#include "client/outbox.h"

#include <QAction>
#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

constexpr auto DemoLogin = "anna";
constexpr auto DemoPassword = "demo";
constexpr int FirstRestartDelayMs = 1000;
constexpr int MaxRestartDelayMs = 30000;

QString normalizedServer(QString url)
{
    url = url.trimmed();
    if (!url.contains(u"://"_s))
        url.prepend(u"http://"_s);
    while (url.endsWith(u'/'))
        url.chop(1);
    if (!url.endsWith(u"/api/v1"_s))
        url += u"/api/v1"_s;
    return url;
}

} // namespace

Application::Application(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_ownDialogs(options.dialogs ? nullptr : std::make_unique<Dialogs>())
    , m_dialogs(options.dialogs ? options.dialogs : m_ownDialogs.get())
    , m_nam(std::make_unique<QNetworkAccessManager>())
    , m_api(std::make_unique<client::ApiClient>(m_nam.get()))
    , m_events(std::make_unique<client::EventStream>())
    , m_credentials(std::make_unique<client::CredentialStore>())
{
    m_dataDir = options.dataDir.isEmpty()
                    ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                    : QDir(options.dataDir).absolutePath();
    QDir().mkpath(m_dataDir);
    m_settings = std::make_unique<QSettings>(m_dataDir + u"/settings.ini"_s, QSettings::IniFormat);
    m_trust = std::make_unique<client::CertificateTrust>(m_settings.get());
    m_trust->watch(m_nam.get());
    m_events->setCertificateTrust(m_trust.get());
    m_gate = std::make_unique<CertificateGate>(m_trust.get(), m_dialogs);
    // Queued: the question's event loop must not run inside the network code's signal.
    connect(
        m_trust.get(), &client::CertificateTrust::rejected, this,
        [this](const QUrl &url, const client::CertificateCheck &check) {
            if (!m_window)
                return;
            if (!m_gate->askAgain(url, m_window.get(), check)) {
                showCertificateRefused(url);
                return;
            }
            // Up again with the certificate now trusted: the stream catches up, the outbox
            // sends.
            m_events->stop();
            m_events->start(m_events->lastSeq());
        },
        Qt::QueuedConnection);
    installTranslations();
    m_restartDelayMs = FirstRestartDelayMs;
    m_restartTimer.setSingleShot(true);
    connect(&m_restartTimer, &QTimer::timeout, this, &Application::restartLocal);
    connect(m_api.get(), &client::ApiClient::unauthorized, this, [this] {
        if (m_window)
            m_dialogs->message(m_window.get(), QMessageBox::Warning, tr("Signed out"),
                               tr("The server ended your session. Sign in again to go on; "
                                  "your drafts and unsent messages are kept."));
    });
}

Application::~Application()
{
    // The window first (it saves drafts and state), the local server last.
    m_window.reset();
    m_outbox.reset();
    m_events.reset();
    m_localServer.reset();
}

qint64 Application::processAgeMs()
{
    // /proc/self/stat field 22: start time in clock ticks after boot.
    QFile stat(u"/proc/self/stat"_s);
    QFile uptime(u"/proc/uptime"_s);
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startSeconds = fields.at(19).toDouble() / double(::sysconf(_SC_CLK_TCK));
    const double upSeconds = uptime.readAll().split(' ').value(0).toDouble();
    return qint64((upSeconds - startSeconds) * 1000.0);
}

void Application::installTranslations()
{
    QString language = m_options.language;
    if (language.isEmpty())
        language = m_settings->value(u"language"_s).toString();
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    // Qt's own strings in the language the client speaks, not half French, half English.
    const QLocale translated = i18n::loadAppTranslator(m_appTranslator, locale);
    if (!m_appTranslator.isEmpty())
        QCoreApplication::installTranslator(&m_appTranslator);
    if (m_qtTranslator.load(translated, u"qtbase"_s, u"_"_s,
                            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qtTranslator);
}

void Application::start()
{
    if (m_options.server.isEmpty())
        startLocal();
    else
        tryStoredToken();
}

void Application::startLocal()
{
    m_localServer = std::make_unique<client::LocalServer>();
    m_serverExecutable = client::LocalServer::findExecutable();
    if (m_serverExecutable.isEmpty()) {
        fail(tr("The local ticket-server program was not found next to ticket-backoffice."));
        return;
    }
    connect(m_localServer.get(), &client::LocalServer::failed, this,
            [this](const QString &message) {
                if (!m_window) // the first start: there is nothing to work with
                    fail(tr("The local server could not start: %1").arg(message));
                else
                    onLocalDown(tr("The local server could not start again: %1").arg(message));
            });
    // The message already says that it crashed or ended, and why.
    connect(m_localServer.get(), &client::LocalServer::stoppedUnexpectedly, this,
            &Application::onLocalDown);
    connect(m_localServer.get(), &client::LocalServer::started, this, &Application::onLocalStarted);
    m_localServer->start(m_serverExecutable, m_dataDir + u"/local-server"_s);
}

void Application::onLocalStarted(const QUrl &url)
{
    m_api->setBaseUrl(url);
    client::ApiJob *job =
        m_api->login(QString::fromLatin1(DemoLogin), QString::fromLatin1(DemoPassword));
    connect(job, &client::ApiJob::finished, this, [this](const client::ApiResult &r) {
        if (!r.ok()) {
            const QString message =
                tr("Could not sign in to the local server: %1").arg(r.error.message);
            if (!m_window)
                fail(message);
            else
                onLocalDown(message);
            return;
        }
        if (m_window) {
            // Back after a restart: the stream resumes where it was, the outbox sends.
            m_restartDelayMs = FirstRestartDelayMs;
            m_events->setEndpoint(m_api->baseUrl(), m_api->token());
            m_events->start(m_events->lastSeq());
            m_outbox->retryAll();
            m_window->setLocalServerDown(false);
            return;
        }
        const QString name = r.object().value(u"user"_s).toObject().value(u"name"_s).toString();
        signedIn(tr("the local demo server"), name, u"local"_s);
    });
}

void Application::onLocalDown(const QString &message)
{
    if (!m_window)
        return;
    // Its own server: this client brings it up again rather than waiting for it.
    m_restartTimer.start(m_restartDelayMs);
    m_window->setLocalServerDown(
        true, tr("%1\n\nIt is restarted in %n second(s).", nullptr, (m_restartDelayMs + 999) / 1000)
                  .arg(message));
    m_restartDelayMs = std::min(m_restartDelayMs * 2, MaxRestartDelayMs);
}

void Application::showCertificateRefused(const QUrl &url)
{
    // One action for the window's life, kept with the window.
    auto *again = m_window->findChild<QAction *>(u"checkCertificateAgainAction"_s);
    if (!again) {
        again = new QAction(tr("Check the certificate again"), m_window.get());
        again->setObjectName(u"checkCertificateAgainAction"_s);
        connect(again, &QAction::triggered, this, [this] {
            // The next connection meets the certificate and asks about it once more.
            m_trust->forgetReports();
            m_events->stop();
            m_events->start(m_events->lastSeq());
        });
    }
    m_window->showErrorWithAction(
        tr("You did not trust the changed certificate of %1: nothing is sent to it. Your "
           "drafts and unsent messages are kept.")
            .arg(client::CertificateTrust::serverKey(url)),
        again);
}

void Application::restartLocal()
{
    m_restartTimer.stop();
    if (!m_localServer || m_localServer->isRunning() || m_localServer->isStarting())
        return;
    m_localServer->start(m_serverExecutable, m_dataDir + u"/local-server"_s);
}

void Application::tryStoredToken()
{
    const QString server = normalizedServer(m_options.server);
    const QString login =
        m_options.login.isEmpty() ? m_settings->value(u"lastLogin"_s).toString() : m_options.login;
    if (!client::CredentialStore::isCompiledIn()) {
        showLoginDialog(false);
        return;
    }
    // Also tells whether a keychain answers at all: "not found" is an answer, a missing
    // secret service is an error.
    m_credentials->readToken(
        server, login.isEmpty() ? u"-"_s : login,
        [this, server, login](const QString &token, const QString &error) {
            if (token.isEmpty() || login.isEmpty()) {
                showLoginDialog(error.isEmpty());
                return;
            }
            m_gate->whenTrusted(
                QUrl(server), nullptr,
                [this, server, login, token] {
                    m_api->setBaseUrl(QUrl(server));
                    m_api->setToken(token.toUtf8());
                    client::ApiJob *job = m_api->get(u"/me"_s);
                    connect(job, &client::ApiJob::finished, this,
                            [this, server, login](const client::ApiResult &r) {
                                if (!r.ok()) {
                                    m_credentials->deleteToken(server, login);
                                    m_api->setToken({});
                                    showLoginDialog(true);
                                    return;
                                }
                                m_api->setMyId(r.object().value(u"id"_s).toInteger());
                                signedIn(server, r.object().value(u"name"_s).toString(),
                                         server + u'|' + login);
                            });
                },
                [this](const QString &) { showLoginDialog(true); });
        });
}

void Application::showLoginDialog(bool keychainAvailable)
{
    m_loginDialog = std::make_unique<LoginDialog>();
    Dialogs::install(m_loginDialog.get(), m_dialogs);
    QStringList servers = m_settings->value(u"servers"_s).toStringList();
    if (!m_options.server.isEmpty()) {
        servers.removeAll(normalizedServer(m_options.server));
        servers.prepend(normalizedServer(m_options.server));
    }
    m_loginDialog->setServers(servers);
    m_loginDialog->setLogin(m_options.login.isEmpty() ? m_settings->value(u"lastLogin"_s).toString()
                                                      : m_options.login);
    m_loginDialog->setKeychainAvailable(keychainAvailable);
    connect(m_loginDialog.get(), &LoginDialog::loginRequested, this,
            [this](const QString &serverText, const QString &login, const QString &password,
                   bool remember) {
                const QString server = normalizedServer(serverText);
                m_loginDialog->setBusy(true);
                m_loginDialog->setError({});
                m_gate->whenTrusted(
                    QUrl(server), m_loginDialog.get(),
                    [this, server, login, password, remember] {
                        signInFromDialog(server, login, password, remember);
                    },
                    [this](const QString &message) {
                        m_loginDialog->setBusy(false);
                        m_loginDialog->setError(message);
                    });
            });
    connect(m_loginDialog.get(), &QDialog::rejected, qApp, &QCoreApplication::quit,
            Qt::QueuedConnection);
    m_loginDialog->show();
}

void Application::signInFromDialog(const QString &server, const QString &login,
                                   const QString &password, bool remember)
{
    m_api->setBaseUrl(QUrl(server));
    client::ApiJob *job = m_api->login(login, password);
    connect(
        job, &client::ApiJob::finished, this,
        [this, server, login, remember](const client::ApiResult &r) {
            m_loginDialog->setBusy(false);
            if (!r.ok()) {
                m_loginDialog->setError(r.error.message);
                return;
            }
            QStringList servers = m_settings->value(u"servers"_s).toStringList();
            servers.removeAll(server);
            servers.prepend(server);
            m_settings->setValue(u"servers"_s, servers.mid(0, 10));
            m_settings->setValue(u"lastLogin"_s, login);
            if (remember)
                m_credentials->writeToken(
                    server, login, QString::fromUtf8(m_api->token()), [this](const QString &error) {
                        if (!error.isEmpty() && m_window)
                            m_window->showInfo(tr("Your sign-in could not be kept in the "
                                                  "keychain (%1): you will have to sign in "
                                                  "again next time.")
                                                   .arg(error));
                    });
            const QString name = r.object().value(u"user"_s).toObject().value(u"name"_s).toString();
            m_loginDialog->accept();
            signedIn(server, name, server + u'|' + login);
        });
}

void Application::signedIn(const QString &serverLabel, const QString &userName,
                           const QString &storageKey)
{
    // Drafts and the outbox belong to one server and login.
    const QString key = QString::fromLatin1(
        QCryptographicHash::hash(storageKey.toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
    m_outbox =
        std::make_unique<client::Outbox>(m_api.get(), m_dataDir + u"/outbox-"_s + key + u".json"_s);
    m_drafts = std::make_unique<client::DraftStore>(m_dataDir + u"/drafts-"_s + key + u".json"_s);
    m_events->setEndpoint(m_api->baseUrl(), m_api->token());

    AppContext context{m_api.get(),      m_events.get(), m_outbox.get(), m_drafts.get(),
                       m_settings.get(), serverLabel,    userName,       m_dialogs};
    m_window = std::make_unique<MainWindow>(context);
    connect(m_window.get(), &MainWindow::restartLocalServerRequested, this,
            &Application::restartLocal);
    if (m_options.measureStartup) {
        connect(m_window.get(), &MainWindow::firstRowsShown, this, [] {
            std::printf("startup_ms=%lld\n", static_cast<long long>(processAgeMs()));
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        });
    }
    m_window->show();
    m_window->start();
}

void Application::fail(const QString &message)
{
    std::fprintf(stderr, "ticket-backoffice: %s\n", qPrintable(message));
    if (!m_options.measureStartup)
        m_dialogs->message(m_window.get(), QMessageBox::Critical, tr("Ticket Backoffice"), message);
    // Queued: this may run before the event loop does, when exit() would be lost.
    QMetaObject::invokeMethod(
        qApp, [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
}
