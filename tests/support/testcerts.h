#pragma once

// A certificate authority made by the test (the `openssl` command, in a temporary folder)
// and server certificates it signs for 127.0.0.1 (CN and subjectAltName).

#include <QSslCertificate>
#include <QString>
#include <QTemporaryDir>

namespace testsupport {

struct ServerCertificate {
    QString certFile; // PEM
    QString keyFile;  // PEM, unencrypted
    QSslCertificate certificate() const;
};

class TestCertificateAuthority
{
public:
    explicit TestCertificateAuthority(const QString &name = QStringLiteral("Ticket Test CA"));
    bool isValid() const { return m_valid; }
    QSslCertificate certificate() const;
    QString certFile() const { return m_dir.filePath(QStringLiteral("ca.pem")); }
    // A new key and certificate for 127.0.0.1, in files named after `name`; empty paths
    // when openssl failed.
    ServerCertificate issue(const QString &name);
    QString path(const QString &file) const { return m_dir.filePath(file); }

private:
    QTemporaryDir m_dir;
    bool m_valid = false;
};

// Runs `openssl` with `args` in `dir`; false (with a test failure) when it fails.
bool runOpenSsl(const QStringList &args, const QString &dir);

} // namespace testsupport
