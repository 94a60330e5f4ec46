#pragma once

#include <QDialog>
#include <memory>

namespace Ui {
class LoginDialog;
}

// Sign-in to a ticket server: server URL (with the remembered ones to pick from), login,
// password, "Remember me". The dialog only collects: OK emits loginRequested() and the
// caller signs in, shows progress with setBusy(), a refusal with setError(), and calls
// accept() on success.
class LoginDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginDialog)

public:
    explicit LoginDialog(QWidget *parent = nullptr);
    ~LoginDialog() override;

    // Remembered servers, most recent first; the first one is preselected.
    void setServers(const QStringList &servers);
    void setLogin(const QString &login);
    void setRemember(bool remember);
    // Without a keychain nothing can be remembered: the checkbox is disabled and a note
    // says so.
    void setKeychainAvailable(bool available);
    // Plain text from the server or the network ("Wrong login or password."); empty hides it.
    void setError(const QString &message);
    // While signing in: inputs disabled, "Signing in…" shown.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }

    QString server() const;
    QString login() const;
    QString password() const;
    bool remember() const;

Q_SIGNALS:
    void loginRequested(const QString &server, const QString &login, const QString &password,
                        bool remember);

protected:
    void changeEvent(QEvent *event) override;

private:
    void submit();
    void applyErrorColor();
    void updateState();
    bool isComplete() const;

    std::unique_ptr<Ui::LoginDialog> m_ui;
    bool m_busy = false;
    bool m_keychainAvailable = true;
};
