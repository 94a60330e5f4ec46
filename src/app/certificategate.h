#pragma once

#include <QObject>
#include <QString>
#include <functional>

class Dialogs;
class QUrl;
class QWidget;
namespace client {
class CertificateTrust;
struct CertificateCheck;
} // namespace client

// Before the first request to an https:// server: a certificate the system's store cannot
// verify is shown (SHA-256 fingerprint, subject, issuer) and the user decides whether to
// trust it for that server. Nothing is sent until then; a refusal sends nothing at all.
class CertificateGate final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificateGate)

public:
    CertificateGate(client::CertificateTrust *trust, Dialogs *dialogs, QObject *parent = nullptr);

    // Calls `go` when `url` is plain HTTP, its certificate is verified or trusted, or the
    // user trusts it now; `refused` with what to tell the user otherwise.
    void whenTrusted(const QUrl &url, QWidget *parent, std::function<void()> go,
                     std::function<void(const QString &)> refused);

    // Asks about a certificate refused after the sign-in; trusts it when the user does.
    bool askAgain(const QUrl &url, QWidget *parent, const client::CertificateCheck &check);

private:
    bool ask(const QUrl &url, QWidget *parent, const client::CertificateCheck &check);

    client::CertificateTrust *m_trust;
    Dialogs *m_dialogs;
};
