// --tls-cert/--tls-key: HTTPS and WSS on the one listener, with a certificate authority
// made by the test; TLS 1.2 and 1.3 only; plain HTTP is not answered; SIGHUP reloads the
// certificate for new connections while open ones go on; a bad pair stops the start.
#include "testcerts.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <csignal>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

QSslConfiguration trusting(const QSslCertificate &ca)
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates({ca});
    return config;
}

QStringList tlsArgs(const ServerCertificate &cert)
{
    return {u"--tls-cert"_s, cert.certFile, u"--tls-key"_s, cert.keyFile};
}

// An encrypted connection to the server, verified against `ca`; nullptr when it fails.
std::unique_ptr<QSslSocket> connectTls(quint16 port, const QSslCertificate &ca)
{
    auto socket = std::make_unique<QSslSocket>();
    socket->setSslConfiguration(trusting(ca));
    socket->connectToHostEncrypted(u"127.0.0.1"_s, port);
    if (!socket->waitForEncrypted(10000))
        return nullptr;
    return socket;
}

// GET /api/v1/health on a kept-alive connection; the status line.
QByteArray healthOn(QSslSocket &socket)
{
    socket.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray answer;
    while (!answer.contains("\r\n\r\n") && socket.waitForReadyRead(10000))
        answer += socket.readAll();
    return answer.left(answer.indexOf("\r\n"));
}

class TlsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_ca.isValid());
        m_cert = m_ca.issue(u"server"_s);
        ASSERT_FALSE(m_cert.certFile.isEmpty());
    }

    TestCertificateAuthority m_ca;
    ServerCertificate m_cert;
};

TEST_F(TlsTest, HealthOverHttpsAndEventsOverWss)
{
    TestServer server({true, tlsArgs(m_cert)});
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    ASSERT_TRUE(server.baseUrl().startsWith(u"https://127.0.0.1:"_s));

    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(server.baseUrl() + u"/health"_s));
    request.setSslConfiguration(trusting(m_ca.certificate()));
    std::unique_ptr<QNetworkReply> reply(nam.get(request));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    EXPECT_EQ(reply->error(), QNetworkReply::NoError) << reply->errorString().toStdString();
    EXPECT_EQ(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    EXPECT_EQ(reply->sslConfiguration().peerCertificate(), m_cert.certificate());

    // The event stream: sign in over HTTPS, then a frame over WSS.
    const QSslConfiguration previous = QSslConfiguration::defaultConfiguration();
    QSslConfiguration::setDefaultConfiguration(trusting(m_ca.certificate()));
    ApiClient api(server.baseUrl());
    const QByteArray token = api.loginStaff(demoLogin(u"admin"_s));
    ASSERT_FALSE(token.isEmpty());
    EventClient events;
    ASSERT_TRUE(events.open(server.baseUrl(), token));
    events.sendJson({{u"type"_s, u"ping"_s}});
    const QJsonObject created =
        createTicket(api, u"Over TLS"_s, {{u"deviceId"_s, demoDeviceId(0)}});
    ASSERT_FALSE(created.isEmpty());
    const QJsonObject frame = events.waitFor([&](const QJsonObject &f) {
        return f.value(u"data"_s).toObject().value(u"ticket"_s).toObject().value(u"id"_s) ==
                   created.value(u"id"_s) ||
               f.value(u"ticketId"_s) == created.value(u"id"_s);
    });
    QSslConfiguration::setDefaultConfiguration(previous);
    EXPECT_FALSE(frame.isEmpty()) << "no event about the new ticket over wss";
}

TEST_F(TlsTest, OnlyTls12And13AreSpoken)
{
    TestServer server({false, tlsArgs(m_cert)});
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    const QString connect = u"127.0.0.1:%1"_s.arg(server.port());
    const auto handshake = [&](const QString &version) {
        QProcess client;
        client.setProcessChannelMode(QProcess::MergedChannels);
        // Security level 0: the client itself would offer TLS 1.1; the server must refuse.
        client.start(u"openssl"_s, {u"s_client"_s, u"-connect"_s, connect, version, u"-cipher"_s,
                                    u"DEFAULT:@SECLEVEL=0"_s, u"-CAfile"_s, m_ca.certFile(),
                                    u"-verify_return_error"_s});
        client.closeWriteChannel();
        client.waitForFinished(20000);
        const QByteArray out = client.readAll();
        return client.exitCode() == 0 && out.contains("Verify return code: 0 (ok)");
    };
    EXPECT_TRUE(handshake(u"-tls1_2"_s));
    EXPECT_TRUE(handshake(u"-tls1_3"_s));
    EXPECT_FALSE(handshake(u"-tls1_1"_s));
    EXPECT_FALSE(handshake(u"-tls1"_s));
}

// "Connection: close" ends the TLS session with a close_notify before the TCP close, so a
// client can tell the end of the answer from a cut connection (OpenSSL 3 reports the latter
// as "unexpected eof while reading").
TEST_F(TlsTest, AClosedConnectionEndsWithACloseNotify)
{
    TestServer server({false, tlsArgs(m_cert)});
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    QProcess client;
    client.setProcessChannelMode(QProcess::MergedChannels);
    client.start(u"openssl"_s,
                 {u"s_client"_s, u"-connect"_s, u"127.0.0.1:%1"_s.arg(server.port()), u"-CAfile"_s,
                  m_ca.certFile(), u"-verify_return_error"_s, u"-quiet"_s, u"-ign_eof"_s});
    ASSERT_TRUE(client.waitForStarted(5000));
    client.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    ASSERT_TRUE(client.waitForFinished(20000)) << "the server kept the connection open";
    const QByteArray out = client.readAll();
    EXPECT_TRUE(out.contains("\"status\":\"ok\"")) << out.toStdString();
    EXPECT_FALSE(out.contains("unexpected eof")) << out.toStdString();
    EXPECT_EQ(client.exitCode(), 0) << out.toStdString();
}

TEST_F(TlsTest, PlainHttpOnTheTlsPortGetsNoAnswer)
{
    TestServer server({false, tlsArgs(m_cert) + QStringList{u"--header-timeout-ms"_s, u"2000"_s}});
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    QTcpSocket plain;
    plain.connectToHost(u"127.0.0.1"_s, server.port());
    ASSERT_TRUE(plain.waitForConnected(5000));
    plain.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray answer;
    while (plain.state() == QAbstractSocket::ConnectedState && plain.waitForReadyRead(10000))
        answer += plain.readAll();
    answer += plain.readAll();
    if (plain.state() == QAbstractSocket::ConnectedState)
        plain.waitForDisconnected(10000);
    EXPECT_EQ(plain.state(), QAbstractSocket::UnconnectedState);
    EXPECT_FALSE(answer.contains("HTTP/1.1")) << answer.toStdString();
}

TEST_F(TlsTest, AHandshakeNotFinishedWithinTheHeaderTimeoutIsClosed)
{
    TestServer server({false, tlsArgs(m_cert) + QStringList{u"--header-timeout-ms"_s, u"1000"_s}});
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    QTcpSocket silent;
    silent.connectToHost(u"127.0.0.1"_s, server.port());
    ASSERT_TRUE(silent.waitForConnected(5000));
    // The first bytes of a ClientHello, and then nothing.
    silent.write(QByteArray::fromHex("160301"));
    QElapsedTimer timer;
    timer.start();
    EXPECT_TRUE(silent.state() == QAbstractSocket::UnconnectedState ||
                silent.waitForDisconnected(10000));
    EXPECT_LT(timer.elapsed(), 5000);
}

// The send queue's bound holds over TLS too: a wss client that does not read is closed
// with 4408, one that reads gets everything.
TEST_F(TlsTest, AWssClientThatDoesNotReadIsClosedWith4408)
{
    TestServer server({true, tlsArgs(m_cert) + QStringList{u"--ws-queue"_s, u"64K"_s}});
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    const QSslConfiguration previous = QSslConfiguration::defaultConfiguration();
    QSslConfiguration::setDefaultConfiguration(trusting(m_ca.certificate()));
    ApiClient admin(server.baseUrl());
    ApiClient agent(server.baseUrl());
    ASSERT_FALSE(admin.loginStaff(demoLogin(u"admin"_s)).isEmpty());
    ASSERT_FALSE(agent.loginStaff(demoLogin(u"agent"_s)).isEmpty());
    const qint64 ticket = createTicket(admin, u"Viel Verkehr"_s, {{u"deviceId"_s, demoDeviceId(0)}})
                              .value(u"id"_s)
                              .toInteger();
    ASSERT_GT(ticket, 0);

    QSslSocket stuck;
    stuck.setSslConfiguration(trusting(m_ca.certificate()));
    stuck.setReadBufferSize(4096); // taken from the network only as it is read
    stuck.connectToHostEncrypted(u"127.0.0.1"_s, server.port());
    ASSERT_TRUE(stuck.waitForEncrypted(10000));
    stuck.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    stuck.write("GET /api/v1/events HTTP/1.1\r\nHost: t\r\nUpgrade: websocket\r\n"
                "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                "Sec-WebSocket-Version: 13\r\nAuthorization: Bearer " +
                admin.token() + "\r\n\r\n");
    ASSERT_TRUE(stuck.waitForReadyRead(10000));
    const QByteArray head = stuck.read(12);
    ASSERT_EQ(head, "HTTP/1.1 101");
    EventClient reader;
    ASSERT_TRUE(reader.open(server.baseUrl(), agent.token()));

    for (int i = 0; i < 150; ++i) {
        ASSERT_EQ(admin
                      .post(u"/tickets/%1/messages"_s.arg(ticket),
                            {{u"body"_s, QString(16000, QChar(u'a' + i % 26))}})
                      .status,
                  201);
    }
    int messages = 0;
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            messages = 0;
            for (const QJsonObject &f : reader.frames())
                messages += f.value(u"type"_s).toString() == u"message.created"_s ? 1 : 0;
            return messages == 150;
        },
        20000));
    EXPECT_TRUE(reader.isOpen());
    // Now read what the stuck one was sent: far less than everything, ending in 4408.
    const QByteArray closing = QByteArray::fromHex("1138") + QByteArrayLiteral("too slow");
    QByteArray received;
    stuck.setReadBufferSize(0);
    while (stuck.waitForReadyRead(3000) || stuck.bytesAvailable() > 0) {
        received += stuck.readAll();
        if (received.contains(closing))
            break;
    }
    QSslConfiguration::setDefaultConfiguration(previous);
    EXPECT_TRUE(received.contains(closing)) << received.size() << " bytes received";
    EXPECT_LT(received.size(), 150 * 16000);
}

TEST_F(TlsTest, SighupServesANewCertificateToNewConnectionsOnly)
{
    TestServer server({false, tlsArgs(m_cert)});
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    const QSslCertificate ca = m_ca.certificate();
    const QSslCertificate original = m_cert.certificate();
    const auto before = connectTls(server.port(), ca);
    ASSERT_TRUE(before);
    EXPECT_EQ(before->peerCertificate(), original);
    EXPECT_EQ(healthOn(*before), "HTTP/1.1 200 OK");

    // A pair that does not load keeps the old one.
    QFile::remove(m_cert.keyFile);
    QFile::copy(m_ca.path(u"ca.key"_s), m_cert.keyFile);
    ASSERT_EQ(::kill(pid_t(server.pid()), SIGHUP), 0);
    // The new pair, in the same files.
    const ServerCertificate renewed = m_ca.issue(u"renewed"_s);
    ASSERT_FALSE(renewed.certFile.isEmpty());
    for (const auto &[from, to] : {std::pair{renewed.certFile, m_cert.certFile},
                                   std::pair{renewed.keyFile, m_cert.keyFile}}) {
        QFile::remove(to);
        ASSERT_TRUE(QFile::copy(from, to));
    }
    ASSERT_EQ(::kill(pid_t(server.pid()), SIGHUP), 0);
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            const auto fresh = connectTls(server.port(), ca);
            return fresh && fresh->peerCertificate() == renewed.certificate();
        },
        10000));
    EXPECT_TRUE(server.isRunning());

    // The connection from before still works, with the certificate it started with.
    EXPECT_EQ(before->state(), QAbstractSocket::ConnectedState);
    EXPECT_EQ(healthOn(*before), "HTTP/1.1 200 OK");
    EXPECT_EQ(before->peerCertificate(), original);
}

TEST_F(TlsTest, ABadPairStopsTheStart)
{
    const ServerCertificate other = m_ca.issue(u"other"_s);
    {
        TestServer server(
            {false, {u"--tls-cert"_s, m_cert.certFile, u"--tls-key"_s, other.keyFile}});
        EXPECT_FALSE(server.isRunning());
        EXPECT_TRUE(server.output().contains(u"does not match"_s) ||
                    server.output().contains(u"key values mismatch"_s))
            << server.output().toStdString();
    }
    {
        TestServer server(
            {false,
             {u"--tls-cert"_s, m_cert.certFile + u".missing"_s, u"--tls-key"_s, m_cert.keyFile}});
        EXPECT_FALSE(server.isRunning());
        EXPECT_TRUE(server.output().contains(u"cannot read the TLS certificate"_s))
            << server.output().toStdString();
    }
    {
        TestServer server({false, {u"--tls-cert"_s, m_cert.certFile}});
        EXPECT_FALSE(server.isRunning());
        EXPECT_TRUE(server.output().contains(u"give both or neither"_s))
            << server.output().toStdString();
    }
}

} // namespace
