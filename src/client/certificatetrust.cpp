#include "certificatetrust.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>
#include <QUrl>
#include <memory>

using namespace Qt::StringLiterals;

namespace client {
namespace {

constexpr auto SettingsKey = "trustedCertificates"; // "host:port SHA256HEX" entries
constexpr int CheckTimeoutMs = 15000;

} // namespace

CertificateTrust::CertificateTrust(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{}

bool CertificateTrust::isTls(const QUrl &url)
{
    return url.scheme() == u"https" || url.scheme() == u"wss";
}

QString CertificateTrust::serverKey(const QUrl &url)
{
    const QString host = url.host().contains(u':') ? u'[' + url.host() + u']' : url.host();
    return host + u':' + QString::number(url.port(isTls(url) ? 443 : 80));
}

QString CertificateTrust::fingerprint(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

QString CertificateTrust::trustedFingerprint(const QString &server) const
{
    const QStringList entries = m_settings->value(QLatin1String(SettingsKey)).toStringList();
    for (const QString &entry : entries) {
        if (entry.section(u' ', 0, 0) == server)
            return entry.section(u' ', 1, 1);
    }
    return {};
}

bool CertificateTrust::isTrusted(const QUrl &url, const QSslCertificate &certificate) const
{
    return !certificate.isNull() && trustedFingerprint(serverKey(url)) == fingerprint(certificate);
}

void CertificateTrust::trust(const QUrl &url, const QSslCertificate &certificate)
{
    const QString server = serverKey(url);
    QStringList entries = m_settings->value(QLatin1String(SettingsKey)).toStringList();
    entries.removeIf([&](const QString &entry) { return entry.section(u' ', 0, 0) == server; });
    entries.append(server + u' ' + fingerprint(certificate));
    m_settings->setValue(QLatin1String(SettingsKey), entries);
    m_settings->sync();
    m_reported.clear();
}

bool CertificateTrust::accept(const QUrl &url, const QSslCertificate &certificate,
                              const QList<QSslError> &errors)
{
    if (isTrusted(url, certificate))
        return true;
    const QString server = serverKey(url);
    if (certificate.isNull() || m_reported.contains(server + u' ' + fingerprint(certificate)))
        return false;
    m_reported.insert(server + u' ' + fingerprint(certificate));
    CertificateCheck check;
    check.outcome = CertificateCheck::Outcome::Untrusted;
    check.certificate = certificate;
    check.errors = errors;
    check.changed = !trustedFingerprint(server).isEmpty();
    Q_EMIT rejected(url, check);
    return false;
}

void CertificateTrust::check(const QUrl &url, QObject *context,
                             std::function<void(const CertificateCheck &)> done) const
{
    // The socket only shakes hands: it is aborted before a byte of a request could go out.
    auto *socket = new QSslSocket(context);
    auto timer = new QTimer(socket);
    auto finish = std::make_shared<std::function<void(CertificateCheck)>>(
        [socket, done = std::move(done)](const CertificateCheck &result) {
            socket->disconnect();
            socket->abort();
            socket->deleteLater();
            done(result);
        });
    connect(socket, &QSslSocket::sslErrors, socket,
            [this, url, socket, finish](const QList<QSslError> &errors) {
                CertificateCheck result;
                result.certificate = socket->peerCertificate();
                result.errors = errors;
                if (isTrusted(url, result.certificate)) {
                    result.outcome = CertificateCheck::Outcome::Trusted;
                } else {
                    result.outcome = CertificateCheck::Outcome::Untrusted;
                    result.changed = !trustedFingerprint(serverKey(url)).isEmpty();
                }
                (*finish)(result);
            });
    connect(socket, &QSslSocket::encrypted, socket, [socket, finish] {
        CertificateCheck result;
        result.outcome = CertificateCheck::Outcome::Verified;
        result.certificate = socket->peerCertificate();
        (*finish)(result);
    });
    connect(socket, &QAbstractSocket::errorOccurred, socket,
            [finish] { (*finish)(CertificateCheck()); });
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, socket, [finish] { (*finish)(CertificateCheck()); });
    timer->start(CheckTimeoutMs);
    socket->connectToHostEncrypted(url.host(), quint16(url.port(443)));
}

void CertificateTrust::watch(QNetworkAccessManager *nam)
{
    connect(nam, &QNetworkAccessManager::sslErrors, this,
            [this](QNetworkReply *reply, const QList<QSslError> &errors) {
                if (accept(reply->url(), reply->sslConfiguration().peerCertificate(), errors))
                    reply->ignoreSslErrors();
            });
}

} // namespace client
