// Directory and StaffModel against a real ticket-server with the demo data: staff (Lena
// absent, Klaus inactive), flows, devices with their customers, fleets.
#include "models/directory.h"
#include "models/fleeteditor.h"
#include "ticketmodeltestsupport.h"

#include <QJsonArray>
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
    ASSERT_TRUE(modeltest::allAnswered(signedOut)); // nothing more can come
    EXPECT_EQ(loaded.count(), 0);
    EXPECT_FALSE(directory.isLoaded());
    EXPECT_EQ(errors.at(0).at(0).value<client::ApiError>().status, 401);
    EXPECT_EQ(directory.staffModel()->rowCount(), 0);
}

} // namespace

TEST_F(DirectoryTest, FleetAndStaffChangesFromTheEventStreamApply)
{
    models::Directory directory(&client.api);
    auto tester = modeltest::TesterFailures::attach(directory.staffModel());
    QSignalSpy loaded(&directory, &models::Directory::loaded);
    directory.load();
    ASSERT_TRUE(loaded.wait(15000));
    testsupport::EventClient events;
    ASSERT_TRUE(events.open(server.baseUrl(), http.token()));
    const auto nextEvent = [&events](const QString &type) {
        const QJsonObject frame = events.waitFor(
            [&type](const QJsonObject &f) { return f.value(u"type"_s).toString() == type; });
        EXPECT_FALSE(frame.isEmpty()) << "no " << type.toStdString();
        return core::Event::fromJson(frame);
    };

    // An administrator elsewhere makes Nord least_open and takes Murat (4) out of it.
    const std::optional<core::Fleet> nord = directory.fleet(1);
    ASSERT_TRUE(nord);
    QList<qint64> members = nord->memberIds;
    ASSERT_TRUE(members.removeAll(4) == 1);
    QJsonArray memberIds;
    for (const qint64 id : std::as_const(members))
        memberIds.append(id);
    const testsupport::HttpResult r =
        http.patch(u"/fleets/1"_s, {{u"strategy"_s, u"least_open"_s}, {u"memberIds"_s, memberIds}});
    ASSERT_EQ(r.status, 200) << r.body.toStdString();

    QSignalSpy fleetChanged(&directory, &models::Directory::fleetChanged);
    QSignalSpy reset(directory.staffModel(), &QAbstractItemModel::modelReset);
    EXPECT_TRUE(directory.applyEvent(nextEvent(u"fleet.updated"_s)));
    ASSERT_EQ(fleetChanged.count(), 1);
    EXPECT_EQ(fleetChanged.at(0).at(0).toLongLong(), 1);
    EXPECT_EQ(directory.fleet(1)->strategy, core::FleetStrategy::LeastOpen);
    EXPECT_EQ(directory.fleet(1)->memberIds, members);
    EXPECT_FALSE(directory.staffMember(4)->fleetIds.contains(1)); // Murat's fleets follow
    EXPECT_EQ(reset.count(), 0);

    // Lena (3) is back: her row changes in place.
    QSignalSpy staffChanged(&directory, &models::Directory::staffMemberChanged);
    QSignalSpy dataChanged(directory.staffModel(), &QAbstractItemModel::dataChanged);
    ASSERT_EQ(http.patch(u"/staff/3"_s,
                         {{u"absentFrom"_s, QJsonValue::Null}, {u"absentTo"_s, QJsonValue::Null}})
                  .status,
              200);
    EXPECT_TRUE(directory.applyEvent(nextEvent(u"staff.updated"_s)));
    ASSERT_EQ(staffChanged.count(), 1);
    const int lena = directory.staffModel()->rowOf(3);
    EXPECT_FALSE(directory.staffModel()->index(lena).data(StaffModel::AbsentRole).toBool());
    EXPECT_EQ(dataChanged.count(), 1);
    EXPECT_EQ(reset.count(), 0);

    // Other events are not the directory's.
    core::Event other;
    other.type = u"ticket.created"_s;
    EXPECT_FALSE(directory.applyEvent(other));
}

TEST(StaffModelTest, ARenameMovesTheRowInsteadOfResetting)
{
    modeltest::TesterFailures failures;
    StaffModel model;
    auto tester = modeltest::TesterFailures::attach(&model);
    core::StaffMember anna, jonas, klaus, mia;
    anna.id = 1, anna.name = u"Anna"_s, anna.active = true;
    jonas.id = 2, jonas.name = u"Jonas"_s, jonas.active = true;
    mia.id = 4, mia.name = u"Mia"_s, mia.active = true;
    klaus.id = 3, klaus.name = u"Klaus"_s, klaus.active = false;
    model.setStaff({klaus, mia, jonas, anna});
    ASSERT_EQ(model.rowOf(1), 0);
    ASSERT_EQ(model.rowOf(4), 2);
    ASSERT_EQ(model.rowOf(3), 3); // who left comes last

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QPersistentModelIndex annaRow = model.index(0);

    // Anna becomes Zoe: her row moves behind Mia, and a view's index on it follows.
    anna.name = u"Zoe"_s;
    model.updateMember(anna);
    EXPECT_EQ(reset.count(), 0);
    EXPECT_EQ(moved.count(), 1);
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(model.rowOf(1), 2);
    EXPECT_EQ(annaRow.row(), 2);
    EXPECT_EQ(annaRow.data().toString(), u"Zoe"_s);
    EXPECT_EQ(model.rowOf(2), 0);
    EXPECT_EQ(model.rowOf(4), 1);

    // Klaus comes back: from last to his place among the active.
    klaus.active = true;
    model.updateMember(klaus);
    EXPECT_EQ(model.rowOf(3), 1);
    EXPECT_EQ(model.index(3).data(StaffModel::IdRole).toLongLong(), 1); // Zoe last

    // A member who is new is inserted in order, again without a reset.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    core::StaffMember bea;
    bea.id = 9, bea.name = u"Bea"_s, bea.active = true;
    model.updateMember(bea);
    EXPECT_EQ(inserted.count(), 1);
    EXPECT_EQ(model.rowOf(9), 0);
    EXPECT_EQ(model.rowCount(), 5);
    for (int row = 0; row < model.rowCount(); ++row)
        EXPECT_EQ(model.rowOf(model.index(row).data(StaffModel::IdRole).toLongLong()), row);
    EXPECT_EQ(reset.count(), 0);
}

TEST_F(DirectoryTest, TheFleetEditorSavesAndPutsTheServersAnswerInTheDirectory)
{
    ASSERT_TRUE(client.signIn(server.baseUrl(), testsupport::demoLogin(u"admin"_s)));
    models::Directory directory(&client.api);
    QSignalSpy loaded(&directory, &models::Directory::loaded);
    directory.load();
    ASSERT_TRUE(loaded.wait(15000));
    models::FleetEditor editor(&client.api, &directory);
    QSignalSpy saved(&editor, &models::FleetEditor::fleetSaved);
    QSignalSpy busy(&editor, &models::FleetEditor::busyChanged);

    core::Fleet nord = *directory.fleet(1);
    nord.strategy = core::FleetStrategy::Manual;
    editor.saveFleet(nord);
    EXPECT_TRUE(editor.busy());
    ASSERT_TRUE(saved.wait(15000));
    EXPECT_FALSE(editor.busy());
    EXPECT_EQ(busy.count(), 2);
    EXPECT_TRUE(saved.at(0).at(1).toBool());
    EXPECT_EQ(directory.fleet(1)->strategy, core::FleetStrategy::Manual);
    EXPECT_EQ(http.get(u"/fleets"_s).items().at(0)[u"strategy"_s].toString(), u"manual"_s);

    // A refusal (a member who does not exist) changes nothing and says why.
    core::Fleet wrong = *directory.fleet(1);
    wrong.memberIds.append(999);
    editor.saveFleet(wrong);
    ASSERT_TRUE(saved.wait(15000));
    EXPECT_FALSE(saved.at(1).at(1).toBool());
    EXPECT_FALSE(saved.at(1).at(2).toString().isEmpty());
    EXPECT_FALSE(directory.fleet(1)->memberIds.contains(999));

    // An absence: Lena (3) is back.
    QSignalSpy absence(&editor, &models::FleetEditor::absenceSaved);
    editor.saveAbsence(3, std::nullopt, std::nullopt);
    ASSERT_TRUE(absence.wait(15000));
    EXPECT_TRUE(absence.at(0).at(1).toBool());
    EXPECT_FALSE(directory.staffModel()
                     ->index(directory.staffModel()->rowOf(3))
                     .data(StaffModel::AbsentRole)
                     .toBool());
}
