#include "certificategate.h"

#include "dialogs.h"

#include "client/certificatetrust.h"

#include <QLocale>
#include <QPointer>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

// 32 bytes as two lines of 16, so that the dialog does not break them anywhere.
QString twoLines(const QString &fingerprint)
{
    const QStringList bytes = fingerprint.split(u':');
    return bytes.mid(0, 16).join(u':') + u'\n' + bytes.mid(16).join(u':');
}

QString describe(const QStringList &parts)
{
    return parts.isEmpty() ? u"–"_s : parts.join(u", "_s);
}

} // namespace

CertificateGate::CertificateGate(client::CertificateTrust *trust, Dialogs *dialogs, QObject *parent)
    : QObject(parent)
    , m_trust(trust)
    , m_dialogs(dialogs)
{}

void CertificateGate::whenTrusted(const QUrl &url, QWidget *parent, std::function<void()> go,
                                  std::function<void(const QString &)> refused)
{
    if (!client::CertificateTrust::needsCheck(url)) {
        go();
        return;
    }
    QPointer<QWidget> guard(parent);
    m_trust->check(url, this,
                   [this, url, guard, parent, go = std::move(go),
                    refused = std::move(refused)](const client::CertificateCheck &check) {
                       using Outcome = client::CertificateCheck::Outcome;
                       if (check.outcome != Outcome::Untrusted) {
                           go();
                           return;
                       }
                       if (ask(url, guard ? parent : nullptr, check)) {
                           m_trust->trust(url, check.certificate);
                           go();
                           return;
                       }
                       refused(tr("You did not trust the certificate of %1: nothing was sent "
                                  "to it.")
                                   .arg(client::CertificateTrust::serverKey(url)));
                   });
}

bool CertificateGate::askAgain(const QUrl &url, QWidget *parent,
                               const client::CertificateCheck &check)
{
    if (!ask(url, parent, check))
        return false;
    m_trust->trust(url, check.certificate);
    return true;
}

bool CertificateGate::ask(const QUrl &url, QWidget *parent, const client::CertificateCheck &check)
{
    const QString server = client::CertificateTrust::serverKey(url);
    QStringList reasons;
    for (const QSslError &error : check.errors)
        reasons.append(error.errorString());
    reasons.removeDuplicates();
    const QSslCertificate &cert = check.certificate;
    const QString details =
        tr("SHA-256 fingerprint:\n%1\n\nSubject: %2\nIssuer: %3\nValid until: %4")
            .arg(twoLines(client::CertificateTrust::fingerprint(cert)),
                 describe(cert.subjectInfo(QSslCertificate::CommonName) +
                          cert.subjectInfo(QSslCertificate::Organization)),
                 describe(cert.issuerInfo(QSslCertificate::CommonName) +
                          cert.issuerInfo(QSslCertificate::Organization)),
                 QLocale().toString(cert.expiryDate().toLocalTime(), QLocale::ShortFormat));
    const QString intro =
        check.changed
            ? tr("The certificate of %1 has changed since you trusted it, and it cannot be "
                 "verified (%2). If the server's administrator did not renew it, someone may "
                 "be listening in.")
                  .arg(server, reasons.join(u"; "_s))
            : tr("The certificate of %1 cannot be verified (%2).")
                  .arg(server, reasons.join(u"; "_s));
    const QString text =
        intro + u"\n\n"_s + details + u"\n\n"_s +
        tr("Compare the fingerprint with the one the server's administrator gives you. Trust "
           "this certificate for %1? Nothing is sent to the server before you answer.")
            .arg(server);
    const QString title =
        check.changed ? tr("Changed server certificate") : tr("Unverified server certificate");
    return m_dialogs->message(parent, QMessageBox::Warning, title, text,
                              QMessageBox::Yes | QMessageBox::No,
                              QMessageBox::No) == QMessageBox::Yes;
}
