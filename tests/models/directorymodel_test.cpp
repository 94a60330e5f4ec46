// Directory and StaffModel against a real ticket-server with the demo data: staff (Lena
// absent, Klaus inactive), flows, devices with their customers, fleets.
#include "models/directory.h"
#include "ticketmodeltestsupport.h"

#include <QSet>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using models::StaffModel;

namespace {

class DirectoryTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_FALSE(http.loginStaff(u"anna"_s).isEmpty());
        ASSERT_TRUE(client.signIn(server.baseUrl(), testsupport::demoLogin(u"agent"_s)));
    }

    modeltest::TesterFailures failures;
    testsupport::TestServer server;
    testsupport::ApiClient http{server.baseUrl()};
    modeltest::SignedInClient client;
};

TEST_F(DirectoryTest, LoadsStaffWithAbsentAndInactiveMembers)
{
    models::Directory directory(&client.api);
    auto tester = modeltest::TesterFailures::attach(directory.staffModel());
    QSignalSpy loaded(&directory, &models::Directory::loaded);
    QSignalSpy errors(&directory, &models::Directory::errorOccurred);
    EXPECT_FALSE(directory.isLoaded());
    directory.load();
    ASSERT_TRUE(loaded.wait(15000));
    EXPECT_EQ(loaded.count(), 1);
    EXPECT_EQ(errors.count(), 0);
    EXPECT_TRUE(directory.isLoaded());

    const StaffModel *staff = directory.staffModel();
    ASSERT_EQ(staff->rowCount(), 8);
    // Active members by name, the one who left at the end.
    QStringList names;
    for (int row = 0; row < staff->rowCount(); ++row)
        names.append(staff->index(row).data(Qt::DisplayRole).toString());
    EXPECT_EQ(names, (QStringList{u"Anna Schmidt"_s, u"Jonas Weber"_s,
                                  u"Lena Fischer"_s + StaffModel::tr(" (absent)"),
                                  u"Mia Hoffmann"_s, u"Murat Demir"_s, u"Sophie Wagner"_s,
                                  u"Tobias Becker"_s, u"Klaus Richter"_s}));
    const QModelIndex klaus = staff->index(7);
    EXPECT_FALSE(klaus.data(StaffModel::ActiveRole).toBool());
    EXPECT_EQ(klaus.data(StaffModel::LoginRole).toString(), u"klaus"_s);
    EXPECT_EQ(klaus.data(StaffModel::IdRole).toLongLong(), 8);

    const int lena = staff->rowOf(3);
    ASSERT_EQ(lena, 2);
    EXPECT_TRUE(staff->index(lena).data(StaffModel::AbsentRole).toBool());
    EXPECT_TRUE(staff->index(lena).data(StaffModel::ActiveRole).toBool());
    EXPECT_FALSE(staff->index(0).data(StaffModel::AbsentRole).toBool());
    EXPECT_EQ(staff->rowOf(12345), -1);

    EXPECT_EQ(directory.staffName(1), u"Anna Schmidt"_s);
    EXPECT_EQ(directory.staffName(3), u"Lena Fischer"_s); // names stay plain
    EXPECT_EQ(directory.staffNames().size(), 8);
    EXPECT_EQ(directory.staffNames().value(8), u"Klaus Richter"_s);
}

TEST_F(DirectoryTest, LoadsFlowsDevicesCustomersAndFleets)
{
    models::Directory directory(&client.api);
    QSignalSpy loaded(&directory, &models::Directory::loaded);
    directory.load();
    ASSERT_TRUE(loaded.wait(15000));

    const QJsonArray flows = http.get(u"/flows"_s).items();
    ASSERT_EQ(directory.flows().size(), flows.size());
    for (const QJsonValue &v : flows) {
        const QJsonObject f = v.toObject();
        EXPECT_EQ(directory.flowName(f.value(u"id"_s).toInteger()), f.value(u"name"_s).toString());
    }
    EXPECT_FALSE(directory.flows().first().fields.isEmpty());

    QList<qint64> deviceIds;
    QSet<qint64> customerIds;
    QString cursor;
    do {
        const testsupport::HttpResult r = http.get(
            u"/devices?limit=7"_s + (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor));
        ASSERT_EQ(r.status, 200);
        for (const QJsonValue &v : r.items()) {
            deviceIds.append(v.toObject().value(u"id"_s).toInteger());
            if (v.toObject().value(u"customerId"_s).isDouble())
                customerIds.insert(v.toObject().value(u"customerId"_s).toInteger());
        }
        cursor = r.object().value(u"nextCursor"_s).toString();
    } while (!cursor.isEmpty());
    QList<qint64> loadedDevices;
    for (const core::Device &d : directory.devices())
        loadedDevices.append(d.id);
    EXPECT_EQ(loadedDevices, deviceIds);

    ASSERT_FALSE(customerIds.isEmpty());
    ASSERT_EQ(directory.customers().size(), customerIds.size());
    for (const core::Customer &c : directory.customers()) {
        EXPECT_TRUE(customerIds.contains(c.id));
        const QJsonObject server = http.get(u"/customers/%1"_s.arg(c.id)).object();
        EXPECT_EQ(c.name, server.value(u"name"_s).toString());
        EXPECT_EQ(c.number, server.value(u"number"_s).toString());
    }

    ASSERT_EQ(directory.fleets().size(), 3);
    EXPECT_EQ(directory.fleets().first().name, u"Nord"_s);
    EXPECT_EQ(directory.fleets().first().memberIds, (QList<qint64>{2, 3, 4, 6}));
}

TEST_F(DirectoryTest, ErrorsAreReportedAndItIsNotLoaded)
{
    QNetworkAccessManager nam;
    client::ApiClient signedOut(&nam);
    signedOut.setBaseUrl(QUrl(server.baseUrl()));
    models::Directory directory(&signedOut);
    QSignalSpy loaded(&directory, &models::Directory::loaded);
    QSignalSpy errors(&directory, &models::Directory::errorOccurred);
    directory.load();
    ASSERT_TRUE(QTest::qWaitFor([&] { return errors.count() >= 4; }, 15000));
    QTest::qWait(200);
    EXPECT_EQ(loaded.count(), 0);
    EXPECT_FALSE(directory.isLoaded());
    EXPECT_EQ(errors.at(0).at(0).value<client::ApiError>().status, 401);
    EXPECT_EQ(directory.staffModel()->rowCount(), 0);
}

} // namespace
