#pragma once

#include "appcontext.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QTranslator>
#include <memory>

class QAction;
class QNetworkAccessManager;
class QUrl;
class QSettings;
class CertificateGate;
class Dialogs;
class LoginDialog;
class MainWindow;
namespace client {
class ApiClient;
class CertificateTrust;
class CredentialStore;
class DraftStore;
class EventStream;
class LocalServer;
class Outbox;
} // namespace client

// The composition root: reads the options, starts the local server or asks where to sign
// in, creates the network access, API client, event stream, outbox, drafts and settings,
// and hands them to the main window. Nothing else creates services; nothing is global.
class Application final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Application)

public:
    struct Options {
        QString server;   // empty: start the local demo server
        QString login;    // prefilled in the login dialog
        QString dataDir;  // empty: the user's data folder
        QString language; // "de", "en"; empty: the setting, else the system's
        bool measureStartup = false;
        Dialogs *dialogs = nullptr; // the dialogs to ask through (tests); null: real ones
    };

    explicit Application(const Options &options, QObject *parent = nullptr);
    ~Application() override;

    // Starts asynchronously; the event loop then runs until the window closes.
    void start();

    // Milliseconds since this process started (from the kernel's process start time).
    static qint64 processAgeMs();

private:
    void installTranslations();
    void startLocal();
    // The local server came up: sign in (again, after a restart: it may be on another port).
    void onLocalStarted(const QUrl &url);
    // The local server stopped or would not start again: tell, and try again after a while.
    void onLocalDown(const QString &message);
    void restartLocal();
    // The user did not trust a certificate that changed while signed in: says so, with
    // "Check the certificate again" (nothing is sent to that server meanwhile).
    void showCertificateRefused(const QUrl &url);
    void showLoginDialog(bool keychainAvailable);
    void signInFromDialog(const QString &server, const QString &login, const QString &password,
                          bool remember);
    void tryStoredToken();
    void signedIn(const QString &serverLabel, const QString &userName, const QString &storageKey);
    void fail(const QString &message);

    Options m_options;
    std::unique_ptr<Dialogs> m_ownDialogs;
    Dialogs *m_dialogs;
    QString m_dataDir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<client::CertificateTrust> m_trust;
    std::unique_ptr<CertificateGate> m_gate;
    QTranslator m_appTranslator;
    QTranslator m_qtTranslator;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<client::ApiClient> m_api;
    std::unique_ptr<client::EventStream> m_events;
    std::unique_ptr<client::LocalServer> m_localServer;
    std::unique_ptr<client::CredentialStore> m_credentials;
    std::unique_ptr<client::Outbox> m_outbox;
    std::unique_ptr<client::DraftStore> m_drafts;
    std::unique_ptr<LoginDialog> m_loginDialog;
    std::unique_ptr<MainWindow> m_window;
    QString m_serverExecutable;
    QTimer m_restartTimer;
    int m_restartDelayMs = 0; // the next back-off delay for restarting the local server
};
