#pragma once

#include "testsupport.h"

#include <gtest/gtest.h>

namespace testsupport {

// A fixture whose suite shares one seeded server; every test gets an agent (`staff`), a
// code user of device A (`user`) and one of device B (`other`), freshly signed in.
class SharedServerTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite();
    static void TearDownTestSuite();
    void SetUp() override;

    static TestServer &server() { return *s_server; }
    // A ticket created through the API (see createTicket()): its id, 0 on failure.
    static qint64 newTicket(ApiClient &as, const QString &title, const QJsonObject &extra = {});
    // A staff edit with the ticket's current version as If-Match.
    HttpResult edit(qint64 id, const QJsonObject &change);

    inline static TestServer *s_server = nullptr;
    ApiClient staff{s_server->baseUrl()};
    ApiClient user{s_server->baseUrl()};
    ApiClient other{s_server->baseUrl()};
};

} // namespace testsupport
