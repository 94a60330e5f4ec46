#pragma once

// Shared by the suites of the staff's library (text modules, macros, views): a fresh
// server with an admin, two agents, a code user and an anonymous client, and the helpers
// their checks share.
#include "testsupport.h"

#include <gtest/gtest.h>

namespace librarytest {

using namespace Qt::StringLiterals;
using testsupport::ApiClient;
using testsupport::HttpResult;

inline QString errorField(const HttpResult &r)
{
    return r.object()[u"error"_s][u"field"_s].toString();
}

inline QList<qint64> idsOf(const HttpResult &r)
{
    QList<qint64> ids;
    for (const QJsonValue &v : r.items())
        ids.append(v[u"id"_s].toInteger());
    return ids;
}

class LibraryTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        using testsupport::demoLogin;
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_FALSE(admin.loginStaff(demoLogin(u"admin"_s)).isEmpty());
        ASSERT_FALSE(agent.loginStaff(demoLogin(u"agent"_s, 0)).isEmpty());
        ASSERT_FALSE(otherAgent.loginStaff(demoLogin(u"agent"_s, 1)).isEmpty());
        ASSERT_FALSE(codeUser.loginDevice(testsupport::demoDeviceCode(0)).isEmpty());
    }

    testsupport::TestServer server;
    ApiClient anonymous{server.baseUrl()};
    ApiClient admin{server.baseUrl()};
    ApiClient agent{server.baseUrl()};
    ApiClient otherAgent{server.baseUrl()};
    ApiClient codeUser{server.baseUrl()};
};

} // namespace librarytest
