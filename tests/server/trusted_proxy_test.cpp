// --trusted-proxy against a real ticket-server: X-Forwarded-For names the client for the
// sign-in limiter and the access log only when the TCP peer is a trusted proxy; from
// anyone else it is ignored, so that nobody escapes the limiter by writing the header.
#include "testsupport.h"

#include <QJsonDocument>
#include <QProcess>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

HttpResult login(TestServer &server, const QString &peer, const QList<QByteArray> &forwardedFor,
                 const QString &name, const QString &password)
{
    ApiClient client(server.baseUrl());
    client.setSourceAddress(peer); // raw HTTP: several X-Forwarded-For fields stay apart
    ApiClient::Headers headers;
    for (const QByteArray &value : forwardedFor)
        headers.append({"X-Forwarded-For", value});
    return client.post(u"/auth/login"_s, {{u"login"_s, name}, {u"password"_s, password}}, headers);
}

// The "client" of every access log line (--log-format json) of the login route.
QStringList loginClients(const TestServer &server)
{
    QStringList clients;
    for (const QByteArray &line : server.errorOutput().split('\n')) {
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        if (entry.value(u"route"_s).toString() == u"/api/v1/auth/login")
            clients.append(entry.value(u"client"_s).toString());
    }
    return clients;
}

} // namespace

TEST(TrustedProxyTest, WithoutTheOptionForwardedForChangesNothing)
{
    TestServer server(TestServer::Options{true, {u"--log-format"_s, u"json"_s}});
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    const QString agent = demoLogin(u"agent"_s);
    int refused = 0, limited = 0;
    for (int i = 0; i < 8; ++i) {
        // A "different" address each time: still one stranger to the limiter.
        const HttpResult r =
            login(server, u"127.0.0.1"_s, {"203.0.113." + QByteArray::number(i + 1)}, agent,
                  u"guess%1"_s.arg(i));
        refused += r.status == 401;
        limited += r.status == 429;
    }
    EXPECT_EQ(refused, 5);
    EXPECT_EQ(limited, 3);
    const QStringList clients = loginClients(server);
    ASSERT_EQ(clients.size(), 8) << server.errorOutput().constData();
    EXPECT_EQ(clients.count(u"127.0.0.1"_s), 8) << clients.join(u' ').toStdString();
}

TEST(TrustedProxyTest, BehindATrustedProxyEachForwardedClientIsLimitedAlone)
{
    TestServer server(TestServer::Options{
        true, {u"--log-format"_s, u"json"_s, u"--trusted-proxy"_s, u"127.0.0.1"_s}});
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    const QString agent = demoLogin(u"agent"_s);
    // Eight clients behind the proxy, one wrong password each: none is limited.
    for (int i = 1; i <= 8; ++i) {
        const QByteArray client = "203.0.113." + QByteArray::number(i);
        EXPECT_EQ(login(server, u"127.0.0.1"_s, {client}, agent, u"wrong"_s).status, 401) << i;
    }
    // One client's failures lock that client: its own entry is the right-most one that
    // is not the proxy, after whatever it wrote itself, over two fields.
    int refused = 0, limited = 0;
    for (int i = 0; i < 7; ++i) {
        const HttpResult r =
            login(server, u"127.0.0.1"_s,
                  {"1.2.3." + QByteArray::number(i), "198.51.100.9, 127.0.0.1"}, agent, u"wrong"_s);
        refused += r.status == 401;
        limited += r.status == 429;
    }
    EXPECT_EQ(refused, 5);
    EXPECT_EQ(limited, 2);
    // ...while the others and the agent's own desk still get in.
    EXPECT_EQ(login(server, u"127.0.0.1"_s, {"203.0.113.1"}, agent, u"demo"_s).status, 200);
    EXPECT_EQ(login(server, u"127.0.0.1"_s, {}, agent, u"demo"_s).status, 200);
    // A peer that is no proxy is itself the client, whatever it forwards.
    EXPECT_EQ(login(server, u"127.0.0.2"_s, {"192.0.2.77"}, agent, u"demo"_s).status, 200);

    const QStringList clients = loginClients(server);
    ASSERT_EQ(clients.size(), 18) << server.errorOutput().constData();
    for (int i = 1; i <= 8; ++i)
        EXPECT_EQ(clients[i - 1], u"203.0.113.%1"_s.arg(i));
    for (int i = 8; i < 15; ++i)
        EXPECT_EQ(clients[i], u"198.51.100.9"_s);
    EXPECT_EQ(clients[15], u"203.0.113.1"_s);
    EXPECT_EQ(clients[16], u"127.0.0.1"_s);
    EXPECT_EQ(clients[17], u"127.0.0.2"_s);
    EXPECT_FALSE(clients.contains(u"192.0.2.77"_s));
}

TEST(TrustedProxyTest, ABadValueStopsTheStart)
{
    TestServer server;
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    for (const QString &value : {u"proxy.example.com"_s, u"10.0.0.0/40"_s, u"127.0.0.1,"_s}) {
        QProcess p;
        p.start(serverExecutable(),
                {u"--data-dir"_s, server.dataDir() + u"/x"_s, u"--trusted-proxy"_s, value});
        ASSERT_TRUE(p.waitForFinished(30000));
        EXPECT_EQ(p.exitCode(), 1) << qPrintable(value);
        const QByteArray error = p.readAllStandardError();
        EXPECT_TRUE(error.contains("--trusted-proxy wants IP addresses or CIDR ranges"))
            << error.constData();
    }
}
