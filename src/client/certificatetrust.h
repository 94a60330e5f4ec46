#pragma once

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QSet>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <functional>

class QNetworkAccessManager;
class QSettings;
class QUrl;

namespace client {

// What a TLS handshake with a server showed, before anything was sent to it.
struct CertificateCheck {
    enum class Outcome {
        Verified,  // the system's certificate store vouches for it
        Trusted,   // not verifiable, but the user trusted this very certificate for the server
        Untrusted, // not verifiable and not trusted (yet): ask
        NoTls      // no handshake came about (unreachable, not TLS): the request will say
    };
    Outcome outcome = Outcome::NoTls;
    QSslCertificate certificate; // the server's own
    QList<QSslError> errors;     // why it could not be verified
    bool changed = false;        // Untrusted, although another one was trusted for the server
};

// Certificates the user trusted, one per server (host:port), kept in the settings. Checks a
// server's certificate with a bare handshake, and lets the requests and event streams to a
// server through when its certificate is the one trusted for it.
class CertificateTrust final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificateTrust)

public:
    explicit CertificateTrust(QSettings *settings, QObject *parent = nullptr);

    static QString serverKey(const QUrl &url); // "host:port"
    // SHA-256 of the DER encoding, as "AB:CD:…".
    static QString fingerprint(const QSslCertificate &certificate);
    static bool needsCheck(const QUrl &url) { return isTls(url); }
    static bool isTls(const QUrl &url);

    bool isTrusted(const QUrl &url, const QSslCertificate &certificate) const;
    void trust(const QUrl &url, const QSslCertificate &certificate);

    // Connects to `url`'s server and reports through `done` (with `context` alive).
    void check(const QUrl &url, QObject *context,
               std::function<void(const CertificateCheck &)> done) const;
    // Replies from `nam` whose only fault is a certificate trusted for their server go on;
    // others are refused (nothing sent) and reported by rejected().
    void watch(QNetworkAccessManager *nam);
    // A connection to `url` (a request or an event stream) met a certificate that cannot
    // be verified: lets it through when trusted; otherwise reports it (once per server
    // and certificate) and returns false.
    bool accept(const QUrl &url, const QSslCertificate &certificate,
                const QList<QSslError> &errors);

    // Reports a certificate already reported (and refused by the user) again on the next
    // connection that meets it: the user asked to be asked again.
    void forgetReports() { m_reported.clear(); }

Q_SIGNALS:
    // A certificate was refused for a connection after the sign-in (a changed one): ask.
    void rejected(const QUrl &url, const client::CertificateCheck &check);

private:
    QString trustedFingerprint(const QString &server) const;

    QSettings *m_settings;
    QSet<QString> m_reported; // "host:port fingerprint" reported by rejected()
};

} // namespace client

Q_DECLARE_METATYPE(client::CertificateCheck)
