#include "testcerts.h"

#include <QFile>
#include <QProcess>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace testsupport {

bool runOpenSsl(const QStringList &args, const QString &dir)
{
    QProcess openssl;
    openssl.setWorkingDirectory(dir);
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(u"openssl"_s, args);
    if (!openssl.waitForFinished(60000) || openssl.exitStatus() != QProcess::NormalExit ||
        openssl.exitCode() != 0) {
        ADD_FAILURE() << "openssl " << qPrintable(args.join(u' ')) << " failed:\n"
                      << openssl.readAll().constData();
        return false;
    }
    return true;
}

QSslCertificate ServerCertificate::certificate() const
{
    return QSslCertificate::fromPath(certFile).value(0);
}

TestCertificateAuthority::TestCertificateAuthority(const QString &name)
{
    m_valid = m_dir.isValid() &&
              runOpenSsl({u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                          u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-keyout"_s, u"ca.key"_s,
                          u"-out"_s, u"ca.pem"_s, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN="_s + name,
                          u"-addext"_s, u"basicConstraints=critical,CA:TRUE"_s, u"-addext"_s,
                          u"keyUsage=critical,keyCertSign,cRLSign"_s},
                         m_dir.path());
}

QSslCertificate TestCertificateAuthority::certificate() const
{
    return QSslCertificate::fromPath(certFile()).value(0);
}

ServerCertificate TestCertificateAuthority::issue(const QString &name)
{
    const QString dir = m_dir.path();
    QFile extensions(m_dir.filePath(name + u".ext"_s));
    if (!extensions.open(QIODevice::WriteOnly))
        return {};
    extensions.write("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                     "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n");
    extensions.close();
    if (!runOpenSsl({u"req"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                     u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-keyout"_s, name + u".key"_s,
                     u"-out"_s, name + u".csr"_s, u"-subj"_s, u"/CN=127.0.0.1/O="_s + name},
                    dir) ||
        !runOpenSsl({u"x509"_s, u"-req"_s, u"-in"_s, name + u".csr"_s, u"-CA"_s, u"ca.pem"_s,
                     u"-CAkey"_s, u"ca.key"_s, u"-CAcreateserial"_s, u"-out"_s, name + u".pem"_s,
                     u"-days"_s, u"2"_s, u"-extfile"_s, name + u".ext"_s},
                    dir))
        return {};
    return {m_dir.filePath(name + u".pem"_s), m_dir.filePath(name + u".key"_s)};
}

} // namespace testsupport
