// client::CertificateTrust against real TLS servers with the test's own certificate
// authority: what a bare handshake shows, and a trust kept for one host:port only.
#include "testcerts.h"
#include "testsupport.h"

#include "client/certificatetrust.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>
#include <optional>

using namespace Qt::StringLiterals;
using client::CertificateCheck;
using client::CertificateTrust;
using testsupport::TestServer;

namespace {

CertificateCheck checked(const CertificateTrust &trust, const QUrl &url)
{
    std::optional<CertificateCheck> result;
    QObject context;
    trust.check(url, &context, [&](const CertificateCheck &c) { result = c; });
    EXPECT_TRUE(QTest::qWaitFor([&] { return result.has_value(); }, 20000));
    return result.value_or(CertificateCheck());
}

TEST(CertificateTrustTest, ATrustHoldsForThatCertificateOnThatServerOnly)
{
    testsupport::TestCertificateAuthority ca;
    ASSERT_TRUE(ca.isValid());
    const testsupport::ServerCertificate cert = ca.issue(u"server"_s);
    const QStringList args{u"--tls-cert"_s, cert.certFile, u"--tls-key"_s, cert.keyFile};
    TestServer first({false, args});
    TestServer second({false, args});
    ASSERT_TRUE(first.isRunning() && second.isRunning());
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    CertificateTrust trust(&settings);
    const QUrl one(first.baseUrl());
    const QUrl two(second.baseUrl());

    EXPECT_FALSE(CertificateTrust::needsCheck(QUrl(u"http://127.0.0.1:8080/api/v1"_s)));
    ASSERT_TRUE(CertificateTrust::needsCheck(one));
    CertificateCheck c = checked(trust, one);
    EXPECT_EQ(c.outcome, CertificateCheck::Outcome::Untrusted);
    EXPECT_EQ(c.certificate, cert.certificate());
    EXPECT_FALSE(c.errors.isEmpty());
    EXPECT_FALSE(c.changed);
    EXPECT_EQ(CertificateTrust::fingerprint(c.certificate).size(), 32 * 3 - 1);

    trust.trust(one, c.certificate);
    EXPECT_EQ(checked(trust, one).outcome, CertificateCheck::Outcome::Trusted);
    EXPECT_EQ(checked(trust, two).outcome, CertificateCheck::Outcome::Untrusted);
    // Kept in the settings, for the next start.
    CertificateTrust again(&settings);
    EXPECT_TRUE(again.isTrusted(one, cert.certificate()));
    EXPECT_FALSE(again.isTrusted(two, cert.certificate()));

    // Another certificate on the trusted server: not trusted, and said to have changed.
    const testsupport::ServerCertificate other = ca.issue(u"other"_s);
    ASSERT_TRUE(first.restart({u"--tls-cert"_s, other.certFile, u"--tls-key"_s, other.keyFile}));
    c = checked(trust, QUrl(first.baseUrl()));
    EXPECT_EQ(c.outcome, CertificateCheck::Outcome::Untrusted);
    EXPECT_TRUE(c.changed || QUrl(first.baseUrl()).port() != one.port());

    // Nothing listening: no handshake, the request itself will say why.
    first.stop();
    EXPECT_EQ(checked(trust, one).outcome, CertificateCheck::Outcome::NoTls);
}

} // namespace
