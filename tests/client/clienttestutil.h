#pragma once

// Shared by the client suites: waiting for jobs and signals, and a fresh server with a
// signed-in staff member.

#include "client/apiclient.h"
#include "testsupport.h"

#include <QNetworkAccessManager>
#include <QTest>
#include <QTimer>
#include <gtest/gtest.h>
#include <memory>

namespace clienttest {

// Runs the event loop until `job` has finished and returns its result (a Timeout error
// when it did not finish within timeoutMs).
inline client::ApiResult wait(client::ApiJob *job, int timeoutMs = 5000)
{
    auto result = std::make_shared<client::ApiResult>();
    auto done = std::make_shared<bool>(false);
    QObject context;
    QObject::connect(job, &client::ApiJob::finished, &context,
                     [result, done](const client::ApiResult &r) {
                         *result = r;
                         *done = true;
                     });
    if (!QTest::qWaitFor([&] { return *done; }, timeoutMs)) {
        client::ApiResult r;
        r.error.kind = client::ApiError::Kind::Timeout;
        r.error.code = QStringLiteral("test_timeout");
        return r;
    }
    return *result;
}

// Runs the event loop until everything posted before this call has been delivered: a
// zero-time timer posted now fires after the events already queued. A sentinel for
// "nothing more was pending", in place of waiting a fixed time.
inline bool deliverPosted(int timeoutMs = 5000)
{
    bool reached = false;
    QObject context;
    QTimer::singleShot(0, &context, [&reached] { reached = true; });
    return QTest::qWaitFor([&] { return reached; }, timeoutMs);
}

// Waits for `api` to find the server unreachable (a refused connection came back).
inline bool waitUnreachable(client::ApiClient &api, int timeoutMs = 5000)
{
    if (!api.isReachable())
        return true;
    bool unreachable = false;
    QObject context;
    QObject::connect(&api, &client::ApiClient::reachabilityChanged, &context,
                     [&unreachable](bool reachable) { unreachable = !reachable; });
    return QTest::qWaitFor([&] { return unreachable; }, timeoutMs);
}

// A fresh seeded server, a sync helper client (`helper`) and the client under test
// (`api`), both signed in as an agent.
class ServerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        agentLogin = testsupport::demoLogin(QStringLiteral("agent"));
        ASSERT_FALSE(helper.loginStaff(agentLogin).isEmpty());
        api.setBaseUrl(QUrl(server.baseUrl()));
        const client::ApiResult r = wait(api.login(agentLogin, QStringLiteral("demo")));
        ASSERT_TRUE(r.ok()) << r.error.message.toStdString();
    }

    // A new public ticket on device 1, created by the helper; its id (0 on failure).
    qint64 newTicket(const QString &title)
    {
        const QJsonObject t =
            testsupport::createTicket(helper, title, {{QStringLiteral("deviceId"), 1}});
        return t.value(QStringLiteral("id")).toInteger();
    }

    testsupport::TestServer server;
    testsupport::ApiClient helper{server.baseUrl()};
    QString agentLogin;
    QNetworkAccessManager nam;
    client::ApiClient api{&nam};
};

} // namespace clienttest
