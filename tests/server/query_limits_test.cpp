// What one list request may ask for: filter lists are bounded before anything is parsed
// or prepared, so that no request can hold the server for seconds.
#include "sharedservertest.h"

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

class QueryLimitsTest : public SharedServerTest
{};

QString ids(int count)
{
    QStringList out;
    for (int i = 1; i <= count; ++i)
        out.append(QString::number(i));
    return out.join(u',');
}

TEST_F(QueryLimitsTest, FilterListsOfMoreThan200ValuesAreRefused)
{
    for (const QString &param :
         {u"device"_s, u"customer"_s, u"flow"_s, u"fleet"_s, u"assignee"_s}) {
        for (const QString &path : {u"/tickets"_s, u"/tickets/facets"_s}) {
            const HttpResult within = staff.get(path + u"?"_s + param + u"="_s + ids(200));
            EXPECT_EQ(within.status, 200) << param.toStdString() << within.body.toStdString();
            const HttpResult over = staff.get(path + u"?"_s + param + u"="_s + ids(201));
            EXPECT_EQ(over.status, 400) << param.toStdString();
            EXPECT_EQ(over.errorCode(), u"invalid_parameter"_s);
            EXPECT_EQ(over.object().value(u"error"_s)[u"field"_s].toString(), param);
        }
    }
    // Code users are bounded the same way.
    EXPECT_EQ(user.get(u"/tickets?device="_s + ids(201)).status, 400);
}

TEST_F(QueryLimitsTest, AHugeListCostsTheServerNothing)
{
    // 2,000 ids (about 9 KB of query): refused at once, and the server answers others.
    const HttpResult huge = staff.get(u"/tickets?device="_s + ids(2000));
    EXPECT_TRUE(huge.status == 400 || huge.status == 414) << huge.status;
    EXPECT_EQ(staff.get(u"/health"_s).status, 200);
}

} // namespace
