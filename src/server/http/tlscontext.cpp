#include "tlsinternal.h"

#include <QFile>
#include <openssl/err.h>
#include <openssl/ssl.h>

using namespace Qt::StringLiterals;

namespace server::http {
namespace {

// OpenSSL's reason for the last failure, or `fallback`.
QString openSslReason(const QString &fallback)
{
    const unsigned long code = ERR_peek_last_error();
    ERR_clear_error();
    if (code == 0)
        return fallback;
    const char *reason = ERR_reason_error_string(code);
    return reason ? QString::fromUtf8(reason) : fallback;
}

bool readable(const QString &path, const QString &what, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read the TLS %1 %2: %3"_s.arg(what, path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

std::shared_ptr<TlsContext> loadTlsContext(const QString &certFile, const QString &keyFile,
                                           QString *error)
{
    if (!readable(certFile, u"certificate"_s, error) || !readable(keyFile, u"key"_s, error))
        return nullptr;
    ERR_clear_error();
    auto context = std::make_shared<TlsContext>();
    namespace ssl = boost::asio::ssl;
    context->ssl.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                             ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                             ssl::context::no_tlsv1_1 | ssl::context::single_dh_use |
                             ssl::context::no_compression);
    SSL_CTX *native = context->ssl.native_handle();
    if (SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) != 1) {
        *error = u"cannot restrict TLS to versions 1.2 and 1.3"_s;
        return nullptr;
    }
    const QByteArray cert = QFile::encodeName(certFile);
    const QByteArray key = QFile::encodeName(keyFile);
    if (SSL_CTX_use_certificate_chain_file(native, cert.constData()) != 1) {
        *error = u"the TLS certificate %1 is not a PEM certificate (chain): %2"_s.arg(
            certFile, openSslReason(u"unreadable"_s));
        return nullptr;
    }
    if (SSL_CTX_use_PrivateKey_file(native, key.constData(), SSL_FILETYPE_PEM) != 1) {
        *error = u"the TLS key %1 is not a PEM private key matching the certificate: %2"_s.arg(
            keyFile, openSslReason(u"unreadable"_s));
        return nullptr;
    }
    if (SSL_CTX_check_private_key(native) != 1) {
        *error = u"the TLS key %1 does not match the certificate %2: %3"_s.arg(
            keyFile, certFile, openSslReason(u"mismatch"_s));
        return nullptr;
    }
    return context;
}

} // namespace server::http
