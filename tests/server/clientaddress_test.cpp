// http::TrustedProxies: which peers may name the client through X-Forwarded-For, and
// which address of the header is the client's.
#include "http/clientaddress.h"
#include "http/parse.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using server::http::TrustedProxies;

namespace {

TrustedProxies proxies(const QString &list)
{
    QString error;
    const auto parsed = TrustedProxies::parse(list, &error);
    EXPECT_TRUE(parsed) << qPrintable(list) << ": " << qPrintable(error);
    return parsed.value_or(TrustedProxies());
}

QString clientOf(const TrustedProxies &trusted, const QString &peer, const QByteArray &xff)
{
    return trusted.clientOf(QHostAddress(peer), xff).toString();
}

} // namespace

TEST(TrustedProxiesTest, ParsesAddressesAndRanges)
{
    const TrustedProxies p = proxies(u"127.0.0.1, 10.0.0.0/8,::1,fd00::/8"_s);
    EXPECT_TRUE(p.contains(QHostAddress(u"127.0.0.1"_s)));
    EXPECT_FALSE(p.contains(QHostAddress(u"127.0.0.2"_s)));
    EXPECT_TRUE(p.contains(QHostAddress(u"10.200.3.4"_s)));
    EXPECT_FALSE(p.contains(QHostAddress(u"11.0.0.1"_s)));
    EXPECT_TRUE(p.contains(QHostAddress(u"::1"_s)));
    EXPECT_TRUE(p.contains(QHostAddress(u"fd12:3456::7"_s)));
    EXPECT_FALSE(p.contains(QHostAddress(u"2001:db8::1"_s)));
    // An IPv4 peer of a dual-stack socket.
    EXPECT_TRUE(p.contains(QHostAddress(u"::ffff:10.1.2.3"_s)));
    EXPECT_TRUE(proxies(u"::ffff:192.0.2.1"_s).contains(QHostAddress(u"192.0.2.1"_s)));
    EXPECT_TRUE(TrustedProxies().isEmpty());

    for (const QString &bad :
         {u""_s, u"proxy.example.com"_s, u"127.0.0.1,"_s, u"10.0.0.0/33"_s, u"::1/129"_s,
          u"300.1.1.1"_s, u"127.0.0.1:8080"_s, u"1.2.3.4 5"_s, u"fe80::1%eth0"_s}) {
        QString error;
        EXPECT_FALSE(TrustedProxies::parse(bad, &error)) << qPrintable(bad);
        EXPECT_TRUE(error.contains(u"wants IP addresses or CIDR ranges"_s)) << qPrintable(error);
    }
}

TEST(TrustedProxiesTest, AnUntrustedPeerIsTheClientWhateverItForwards)
{
    EXPECT_EQ(clientOf(TrustedProxies(), u"127.0.0.1"_s, "203.0.113.7"), u"127.0.0.1"_s);
    const TrustedProxies p = proxies(u"10.0.0.1"_s);
    EXPECT_EQ(clientOf(p, u"192.0.2.9"_s, "203.0.113.7"), u"192.0.2.9"_s);
    EXPECT_EQ(clientOf(p, u"192.0.2.9"_s, "10.0.0.1"), u"192.0.2.9"_s);
}

TEST(TrustedProxiesTest, TheRightMostUntrustedAddressIsTheClient)
{
    const TrustedProxies p = proxies(u"10.0.0.1,10.0.1.0/24,2001:db8::1"_s);
    // Nothing forwarded: the proxy itself.
    EXPECT_EQ(clientOf(p, u"10.0.0.1"_s, ""), u"10.0.0.1"_s);
    EXPECT_EQ(clientOf(p, u"10.0.0.1"_s, " , "), u"10.0.0.1"_s);
    EXPECT_EQ(clientOf(p, u"10.0.0.1"_s, "203.0.113.7"), u"203.0.113.7"_s);
    // The client's own (spoofed) entries stand left of what our proxies appended.
    EXPECT_EQ(clientOf(p, u"10.0.0.1"_s, "1.1.1.1, 203.0.113.7"), u"203.0.113.7"_s);
    EXPECT_EQ(clientOf(p, u"10.0.0.1"_s, "1.1.1.1,203.0.113.7, 10.0.1.5 ,10.0.0.1"),
              u"203.0.113.7"_s);
    // Junk left of the client does not matter.
    EXPECT_EQ(clientOf(p, u"10.0.0.1"_s, "nonsense, 203.0.113.7"), u"203.0.113.7"_s);
    // IPv6, bare or in brackets, and an IPv6 proxy.
    EXPECT_EQ(clientOf(p, u"2001:db8::1"_s, "2001:db8:1::42"), u"2001:db8:1::42"_s);
    EXPECT_EQ(clientOf(p, u"10.0.0.1"_s, "[2001:db8:1::42]"), u"2001:db8:1::42"_s);
    // Every entry a proxy: the left-most.
    EXPECT_EQ(clientOf(p, u"10.0.0.1"_s, "10.0.1.7, 10.0.1.8"), u"10.0.1.7"_s);
    // Several X-Forwarded-For fields arrive joined by commas (parse.cpp).
    EXPECT_EQ(clientOf(p, u"10.0.0.1"_s, "198.51.100.1, 203.0.113.7, 10.0.1.9"), u"203.0.113.7"_s);
}

TEST(TrustedProxiesTest, AMalformedEntryMeansThePeer)
{
    const TrustedProxies p = proxies(u"10.0.0.1"_s);
    for (const QByteArray &xff :
         {QByteArray("unknown"), QByteArray("203.0.113.7:4711"), QByteArray("203.0.113.7, junk"),
          QByteArray("203.0.113.0/24"), QByteArray("_hidden"), QByteArray("fe80::1%eth0"),
          QByteArray("203.0.113.7 198.51.100.1")})
        EXPECT_EQ(clientOf(p, u"10.0.0.1"_s, xff), u"10.0.0.1"_s) << xff.constData();
}

TEST(TrustedProxiesTest, TheFrontKeepsEveryForwardedForField)
{
    server::http::Limits limits;
    const auto parsed = server::http::parseRequest(
        "GET /api/v1/health HTTP/1.1\r\nHost: t\r\nX-Forwarded-For: 198.51.100.1\r\n"
        "x-forwarded-for: 203.0.113.7, 10.0.0.1\r\n\r\n",
        limits);
    ASSERT_TRUE(std::holds_alternative<server::http::Request>(parsed));
    const auto &request = std::get<server::http::Request>(parsed);
    EXPECT_EQ(request.header("x-forwarded-for"), "198.51.100.1, 203.0.113.7, 10.0.0.1");
    EXPECT_EQ(request.client, request.peer);
}
