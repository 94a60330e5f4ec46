#pragma once

#include "testsupport.h"

#include <gtest/gtest.h>

namespace testsupport {

// A fixture that gives every test its own seeded server (fresh data folder) with an
// agent (`staff`), a code user of device A (`user`) and one of device B (`other`) signed in.
class SharedServerTest : public ::testing::Test
{
protected:
    void SetUp() override;

    TestServer &server() { return m_server; }
    // A ticket created through the API (see createTicket()): its id, 0 on failure.
    static qint64 newTicket(ApiClient &as, const QString &title, const QJsonObject &extra = {});
    // A staff edit with the ticket's current version as If-Match.
    HttpResult edit(qint64 id, const QJsonObject &change);

    TestServer m_server;
    ApiClient staff{m_server.baseUrl()};
    ApiClient user{m_server.baseUrl()};
    ApiClient other{m_server.baseUrl()};
};

} // namespace testsupport
