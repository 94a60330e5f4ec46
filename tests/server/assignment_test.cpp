// Automatic assignment on creation through the device's fleet: strategies, flow rules,
// absences and inactive members, nobody available, the record of how, and parallel
// creation keeping round robin fair.
#include "testsupport.h"

#include <QEventLoop>
#include <QHash>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <climits>
#include <functional>
#include <gtest/gtest.h>
#include <memory>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

// Demo devices by index: 0 Nord (round_robin), 1 Süd (least_open), 2 West (manual).
constexpr int NordDevice = 0;
constexpr int SuedDevice = 1;
constexpr int WestDevice = 2;
constexpr qint64 SparePartFlow = 3; // spare_part_order; Nord's rule: Tobias only

class AssignmentTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_FALSE(staff->loginStaff(u"anna"_s).isEmpty());
        for (const QJsonValue &s : staff->get(u"/staff"_s).items())
            ids.insert(s[u"login"_s].toString(), s[u"id"_s].toInteger());
    }

    // A ticket created by a code user of the demo device (first flow, or `flowId`).
    QJsonObject createAs(int device, const QString &title, qint64 flowId = 0)
    {
        ApiClient user(server.baseUrl());
        EXPECT_FALSE(user.loginDevice(demoDeviceCode(device)).isEmpty());
        QJsonObject extra;
        if (flowId)
            extra.insert(u"flowId"_s, flowId);
        HttpResult failure;
        const QJsonObject t = createTicket(user, title, extra, &failure);
        EXPECT_FALSE(t.isEmpty()) << failure.body.toStdString();
        // Staff see the assignment record (code users may not).
        return staff->get(u"/tickets/%1"_s.arg(t[u"id"_s].toInteger())).object();
    }

    // Runs SQL on the stopped server's database, then starts it again.
    void changeDatabase(const QStringList &statements)
    {
        ASSERT_TRUE(server.stop());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"assignment-setup"_s);
            db.setDatabaseName(server.dataDir() + u"/tickets.sqlite"_s);
            ASSERT_TRUE(db.open());
            QSqlQuery q(db);
            for (const QString &sql : statements)
                ASSERT_TRUE(q.exec(sql)) << sql.toStdString();
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(u"assignment-setup"_s);
        ASSERT_TRUE(server.restart());
        staff = std::make_unique<ApiClient>(server.baseUrl());
        ASSERT_FALSE(staff->loginStaff(u"anna"_s).isEmpty());
    }

    // Open (new/open/waiting) tickets per assignee id.
    QHash<qint64, int> openCounts()
    {
        QHash<qint64, int> counts;
        const HttpResult r = staff->get(u"/tickets/facets?status=new,open,waiting"_s);
        EXPECT_EQ(r.status, 200) << r.body.toStdString();
        for (const QJsonValue &v : r.object().value(u"assignee"_s).toArray()) {
            if (!v[u"assigneeId"_s].isNull())
                counts.insert(v[u"assigneeId"_s].toInteger(), v[u"count"_s].toInt());
        }
        return counts;
    }

    TestServer server;
    std::unique_ptr<ApiClient> staff = std::make_unique<ApiClient>(server.baseUrl());
    QHash<QString, qint64> ids;
};

qint64 assigneeOf(const QJsonObject &t)
{
    return t.value(u"assigneeId"_s).toInteger();
}

TEST_F(AssignmentTest, RoundRobinTakesTurnsAndSkipsTheAbsent)
{
    // Nord: Jonas, Lena (absent today), Murat, Tobias in this order.
    const QList<qint64> turn{ids[u"jonas"_s], ids[u"murat"_s], ids[u"tobias"_s]};
    QList<qint64> got;
    for (int i = 0; i < 9; ++i) {
        const QJsonObject t = createAs(NordDevice, u"Papierstau %1"_s.arg(i));
        got.append(assigneeOf(t));
        const QJsonObject a = t.value(u"assignment"_s).toObject();
        EXPECT_EQ(a.value(u"assigneeId"_s).toInteger(), got.last());
        EXPECT_EQ(a.value(u"by"_s).toString(), u"rule"_s);
        EXPECT_EQ(a.value(u"rule"_s).toString(), u"Nord, round_robin"_s);
        EXPECT_FALSE(a.value(u"at"_s).toString().isEmpty());
        EXPECT_FALSE(a.contains(u"unassigned"_s));
    }
    const qsizetype start = turn.indexOf(got.first());
    ASSERT_GE(start, 0) << got.first();
    for (int i = 0; i < got.size(); ++i)
        EXPECT_EQ(got[i], turn[(start + i) % turn.size()]) << "ticket " << i;
    EXPECT_FALSE(got.contains(ids[u"lena"_s]));
}

TEST_F(AssignmentTest, TheRecordIsInTheHistory)
{
    const QJsonObject t = createAs(NordDevice, u"Verlauf der Zuweisung"_s);
    const qint64 id = t[u"id"_s].toInteger();
    QStringList fields;
    QJsonObject record;
    for (const QJsonValue &h : staff->get(u"/tickets/%1/history"_s.arg(id)).items()) {
        fields.append(h[u"field"_s].toString());
        if (h[u"field"_s] == u"assignment"_s)
            record = h[u"to"_s].toObject();
    }
    EXPECT_EQ(fields, (QStringList{u"created"_s, u"assigneeId"_s, u"assignment"_s}));
    EXPECT_EQ(record, t.value(u"assignment"_s).toObject());

    // Staff naming an assignee assign by hand; an explicit null leaves the ticket alone.
    const QJsonObject byHand =
        createTicket(*staff, u"Von Hand"_s,
                     {{u"deviceId"_s, demoDeviceId(NordDevice)}, {u"assigneeId"_s, ids[u"mia"_s]}});
    EXPECT_EQ(assigneeOf(byHand), ids[u"mia"_s]);
    EXPECT_EQ(byHand[u"assignment"_s][u"by"_s].toInteger(), ids[u"anna"_s]);
    EXPECT_TRUE(byHand[u"assignment"_s][u"rule"_s].isNull());
    const QJsonObject left = createTicket(
        *staff, u"Liegen lassen"_s,
        {{u"deviceId"_s, demoDeviceId(NordDevice)}, {u"assigneeId"_s, QJsonValue::Null}});
    EXPECT_TRUE(left[u"assigneeId"_s].isNull());
    EXPECT_TRUE(left[u"assignment"_s].isNull());
    // Without assigneeId staff get the fleet's rule too.
    const QJsonObject automatic =
        createTicket(*staff, u"Automatisch"_s, {{u"deviceId"_s, demoDeviceId(NordDevice)}});
    EXPECT_EQ(automatic[u"assignment"_s][u"by"_s].toString(), u"rule"_s);
}

TEST_F(AssignmentTest, FlowRuleRoutesSparePartOrders)
{
    for (int i = 0; i < 3; ++i) {
        const QJsonObject t = createAs(NordDevice, u"Toner bestellen %1"_s.arg(i), SparePartFlow);
        EXPECT_EQ(assigneeOf(t), ids[u"tobias"_s]);
        EXPECT_EQ(t[u"assignment"_s][u"rule"_s].toString(),
                  u"Nord, round_robin, Ersatzteilbestellung"_s);
    }
}

TEST_F(AssignmentTest, LeastOpenPicksTheLeastBusy)
{
    // Süd: Sophie, Mia, Tobias, Anna; each new ticket goes to one with the fewest open.
    const QList<qint64> members{ids[u"sophie"_s], ids[u"mia"_s], ids[u"tobias"_s], ids[u"anna"_s]};
    for (int i = 0; i < 6; ++i) {
        const QHash<qint64, int> before = openCounts();
        int fewest = INT_MAX;
        for (qint64 m : members)
            fewest = qMin(fewest, before.value(m));
        const QJsonObject t = createAs(SuedDevice, u"Brauerei %1"_s.arg(i));
        EXPECT_TRUE(members.contains(assigneeOf(t)));
        EXPECT_EQ(before.value(assigneeOf(t)), fewest) << "ticket " << i;
        EXPECT_EQ(t[u"assignment"_s][u"rule"_s].toString(), u"Süd, least_open"_s);
    }
}

TEST_F(AssignmentTest, WorkloadCountersFollowEveryChange)
{
    // least_open reads each member's open tickets from counters kept by triggers: after
    // creations, reassignments, status changes and reopening they equal a count.
    QList<qint64> created;
    for (int i = 0; i < 4; ++i)
        created.append(createAs(SuedDevice, u"Last %1"_s.arg(i))[u"id"_s].toInteger());
    const auto edit = [this](qint64 id, const QJsonObject &change) {
        EXPECT_EQ(staff->editTicket(id, change).status, 200);
    };
    edit(created[0], {{u"assigneeId"_s, ids[u"jonas"_s]}});
    edit(created[1], {{u"status"_s, u"resolved"_s}});
    edit(created[2], {{u"status"_s, u"waiting"_s}});
    edit(created[2], {{u"assigneeId"_s, QJsonValue::Null}});
    edit(created[1], {{u"status"_s, u"open"_s}, {u"assigneeId"_s, ids[u"mia"_s]}});
    edit(created[3], {{u"status"_s, u"closed"_s}});

    ASSERT_TRUE(server.stop());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"workload-check"_s);
        db.setDatabaseName(server.dataDir() + u"/tickets.sqlite"_s);
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(u"SELECT s.id, COALESCE(w.open_tickets, 0), (SELECT COUNT(*) FROM "
                           "tickets t WHERE t.assignee_id = s.id AND t.status IN (0, 1, 2)) "
                           "FROM staff s LEFT JOIN staff_workload w ON w.staff_id = s.id"_s));
        int rows = 0;
        while (q.next()) {
            ++rows;
            EXPECT_EQ(q.value(1).toLongLong(), q.value(2).toLongLong())
                << "staff " << q.value(0).toLongLong();
        }
        EXPECT_EQ(rows, ids.size());
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"workload-check"_s);
}

TEST_F(AssignmentTest, ManualFleetLeavesTicketsUnassigned)
{
    const QJsonObject t = createAs(WestDevice, u"Im Westen"_s);
    EXPECT_TRUE(t[u"assigneeId"_s].isNull());
    EXPECT_TRUE(t[u"assignment"_s].isNull());
}

TEST_F(AssignmentTest, InactiveMembersAreSkippedAndNobodyAvailableIsFlagged)
{
    changeDatabase({u"UPDATE staff SET active = 0 WHERE login IN ('jonas', 'murat')"_s});
    for (int i = 0; i < 2; ++i)
        EXPECT_EQ(assigneeOf(createAs(NordDevice, u"Nur Tobias %1"_s.arg(i))), ids[u"tobias"_s]);

    changeDatabase({u"UPDATE staff SET absent_from = 0, absent_to = 9000000000000 "
                    "WHERE login = 'tobias'"_s});
    const QJsonObject t = createAs(NordDevice, u"Niemand da"_s);
    EXPECT_TRUE(t[u"assigneeId"_s].isNull());
    const QJsonObject a = t[u"assignment"_s].toObject();
    EXPECT_TRUE(a[u"assigneeId"_s].isNull());
    EXPECT_EQ(a[u"by"_s].toString(), u"rule"_s);
    EXPECT_EQ(a[u"rule"_s].toString(), u"Nord, round_robin: nobody available"_s);
    EXPECT_TRUE(a[u"unassigned"_s].toBool());
}

// 200 tickets posted 20 at a time into Nord with all four members present.
TEST_F(AssignmentTest, ParallelCreationStaysFair)
{
    changeDatabase({u"UPDATE staff SET absent_from = NULL, absent_to = NULL"_s});
    const QJsonArray flows = staff->get(u"/flows"_s).items();
    const QJsonObject flow = flows.first().toObject();
    QNetworkAccessManager nam;
    QHash<qint64, int> perAssignee;
    int done = 0, failed = 0;
    QEventLoop loop;
    int sent = 0;
    std::function<void()> sendOne = [&] {
        const QJsonObject body{{u"flowId"_s, flow[u"id"_s]},
                               {u"title"_s, u"Parallel %1"_s.arg(sent++)},
                               {u"deviceId"_s, demoDeviceId(NordDevice)},
                               {u"fields"_s, requiredFieldValues(flow)}};
        QNetworkRequest request(QUrl(server.baseUrl() + u"/tickets"_s));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        request.setRawHeader("Authorization", "Bearer " + staff->token());
        QNetworkReply *reply = nam.post(request, QJsonDocument(body).toJson());
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 201)
                ++perAssignee[QJsonDocument::fromJson(reply->readAll())
                                  .object()
                                  .value(u"assigneeId"_s)
                                  .toInteger()];
            else
                ++failed;
            if (++done == 200)
                loop.quit();
            else if (sent < 200)
                sendOne();
        });
    };
    for (int i = 0; i < 20; ++i)
        sendOne();
    loop.exec();
    EXPECT_EQ(failed, 0);
    EXPECT_EQ(perAssignee.size(), 4);
    for (const QString &login : {u"jonas"_s, u"lena"_s, u"murat"_s, u"tobias"_s})
        EXPECT_EQ(perAssignee.value(ids[login]), 50) << login.toStdString();
}

} // namespace
