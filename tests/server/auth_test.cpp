// Sign-in, sessions and rate limiting against a real ticket-server.
#include "testsupport.h"

#include "core/version.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

class AuthTest : public ::testing::Test
{
protected:
    TestServer server;
    ApiClient api{server.baseUrl()};
    void SetUp() override { ASSERT_TRUE(server.isRunning()) << server.output().toStdString(); }
};

TEST_F(AuthTest, HealthNeedsNoSignIn)
{
    const HttpResult r = api.get(u"/health"_s);
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.object().value(u"status"_s).toString(), u"ok"_s);
    // The one version of the build, as --version says it too.
    EXPECT_EQ(r.object().value(u"version"_s).toString(), QString::fromLatin1(core::Version));
}

TEST(ServerVersion, VersionOptionPrintsTheBuildsVersion)
{
    QProcess process;
    process.start(testsupport::serverExecutable(), {u"--version"_s});
    ASSERT_TRUE(process.waitForFinished(10000));
    EXPECT_EQ(process.exitCode(), 0);
    EXPECT_EQ(QString::fromUtf8(process.readAllStandardOutput()).trimmed(),
              u"ticket-server "_s + QString::fromLatin1(core::Version));
}

TEST_F(AuthTest, StaffLoginGivesTokenThatIdentifiesTheCaller)
{
    const QString login = demoLogin(u"admin"_s);
    ASSERT_FALSE(login.isEmpty());
    const HttpResult r =
        api.post(u"/auth/login"_s, {{u"login"_s, login}, {u"password"_s, u"demo"_s}});
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    const QByteArray token = r.object().value(u"token"_s).toString().toLatin1();
    EXPECT_GE(token.size(), 43); // 256 bits, base64url
    EXPECT_EQ(r.object().value(u"user"_s).toObject().value(u"role"_s).toString(), u"admin"_s);
    EXPECT_FALSE(r.body.contains("password"));
    api.setToken(token);
    const HttpResult me = api.get(u"/me"_s);
    ASSERT_EQ(me.status, 200);
    EXPECT_EQ(me.object().value(u"type"_s).toString(), u"staff"_s);
    EXPECT_EQ(me.object().value(u"role"_s).toString(), u"admin"_s);
}

TEST_F(AuthTest, WrongPasswordAndUnknownLoginAreRefusedAlike)
{
    const HttpResult wrong = api.post(
        u"/auth/login"_s, {{u"login"_s, demoLogin(u"agent"_s)}, {u"password"_s, u"nope"_s}});
    const HttpResult unknown =
        api.post(u"/auth/login"_s, {{u"login"_s, u"nobody"_s}, {u"password"_s, u"demo"_s}});
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(wrong.body, unknown.body);
}

TEST_F(AuthTest, LoginRejectsMalformedAndUnknownFields)
{
    EXPECT_EQ(
        api.send("POST", u"/auth/login"_s, "{not json", {{"Content-Type", "application/json"}})
            .status,
        400);
    EXPECT_EQ(api.send("POST", u"/auth/login"_s, "{}", {{"Content-Type", "text/plain"}}).status,
              415);
    EXPECT_EQ(api.post(u"/auth/login"_s, {{u"login"_s, 5}, {u"password"_s, u"x"_s}}).status, 400);
    const HttpResult extra =
        api.post(u"/auth/login"_s,
                 {{u"login"_s, u"anna"_s}, {u"password"_s, u"demo"_s}, {u"role"_s, u"admin"_s}});
    EXPECT_EQ(extra.status, 422);
    EXPECT_EQ(extra.object().value(u"error"_s).toObject().value(u"field"_s).toString(), u"role"_s);
}

TEST_F(AuthTest, MissingOrInvalidTokenIs401)
{
    EXPECT_EQ(api.get(u"/me"_s).status, 401);
    api.setToken("not-a-token");
    EXPECT_EQ(api.get(u"/me"_s).status, 401);
    EXPECT_EQ(api.get(u"/tickets"_s).status, 401);
}

TEST_F(AuthTest, LogoutRevokesTheToken)
{
    ASSERT_FALSE(api.loginStaff(demoLogin(u"agent"_s)).isEmpty());
    EXPECT_EQ(api.get(u"/me"_s).status, 200);
    EXPECT_EQ(api.send("POST", u"/auth/logout"_s, {}).status, 204);
    EXPECT_EQ(api.get(u"/me"_s).status, 401);
}

TEST_F(AuthTest, DeviceCodeSignsInACodeUserBoundToTheDevice)
{
    const HttpResult r = api.post(u"/auth/device-code"_s,
                                  {{u"code"_s, demoDeviceCode(0)}, {u"name"_s, u"Frau Test"_s}});
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    EXPECT_EQ(r.object().value(u"device"_s).toObject().value(u"id"_s).toInteger(), demoDeviceId(0));
    EXPECT_FALSE(r.object().value(u"device"_s).toObject().contains(u"customerId"_s));
    api.setToken(r.object().value(u"token"_s).toString().toLatin1());
    const HttpResult me = api.get(u"/me"_s);
    EXPECT_EQ(me.object().value(u"type"_s).toString(), u"code_user"_s);
    EXPECT_EQ(me.object().value(u"deviceId"_s).toInteger(), demoDeviceId(0));
    EXPECT_EQ(api.post(u"/auth/device-code"_s, {{u"code"_s, u"WRONG-CODE"_s}, {u"name"_s, u"X"_s}})
                  .status,
              401);
}

// A burst of parallel wrong passwords for one account: at most the limit (5) are even
// checked, the rest get 429 with Retry-After, and afterwards the right password is
// refused too until the window passes.
TEST_F(AuthTest, ParallelBurstOfFailedLoginsIsRateLimited)
{
    QNetworkAccessManager nam;
    QList<QNetworkReply *> replies;
    const QByteArray body = QJsonDocument(QJsonObject{{u"login"_s, demoLogin(u"agent"_s, 1)},
                                                      {u"password"_s, u"wrong"_s}})
                                .toJson();
    for (int i = 0; i < 30; ++i) {
        QNetworkRequest request(QUrl(server.baseUrl() + u"/auth/login"_s));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        replies.append(nam.post(request, body));
    }
    int unauthorized = 0, limited = 0;
    for (QNetworkReply *reply : replies) {
        if (!reply->isFinished()) {
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 401)
            ++unauthorized;
        if (status == 429) {
            ++limited;
            EXPECT_FALSE(reply->rawHeader("Retry-After").isEmpty());
        }
        reply->deleteLater();
    }
    EXPECT_LE(unauthorized, 5);
    EXPECT_EQ(unauthorized + limited, 30);
    EXPECT_EQ(api.post(u"/auth/login"_s,
                       {{u"login"_s, demoLogin(u"agent"_s, 1)}, {u"password"_s, u"demo"_s}})
                  .status,
              429);
}

TEST_F(AuthTest, UnknownRoutesAnd405)
{
    EXPECT_EQ(api.get(u"/nothing"_s).status, 404);
    EXPECT_EQ(api.send("DELETE", u"/health"_s, {}).status, 405);
}

} // namespace
