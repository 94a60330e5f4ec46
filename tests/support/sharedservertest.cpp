#include "sharedservertest.h"

using namespace Qt::StringLiterals;

namespace testsupport {

void SharedServerTest::SetUp()
{
    ASSERT_TRUE(m_server.isRunning()) << m_server.output().toStdString();
    ASSERT_FALSE(staff.loginStaff(demoLogin(u"agent"_s)).isEmpty());
    ASSERT_FALSE(user.loginDevice(demoDeviceCode(0), u"Field User"_s).isEmpty());
    ASSERT_FALSE(other.loginDevice(demoDeviceCode(1), u"Other Device"_s).isEmpty());
}

qint64 SharedServerTest::newTicket(ApiClient &as, const QString &title, const QJsonObject &extra)
{
    HttpResult failure;
    const QJsonObject t = createTicket(as, title, extra, &failure);
    EXPECT_FALSE(t.isEmpty()) << failure.body.toStdString();
    return t.value(u"id"_s).toInteger();
}

HttpResult SharedServerTest::edit(qint64 id, const QJsonObject &change)
{
    return staff.editTicket(id, change);
}

} // namespace testsupport
