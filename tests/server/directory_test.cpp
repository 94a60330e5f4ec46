// The catalog routes (staff, flows, templates, devices, customers, fleets) against a real
// ticket-server with demo data: who sees what, paging, parameters and consistency.
#include "testsupport.h"

#include <QJsonDocument>
#include <QSet>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;

// Readable failure messages (found by argument-dependent lookup).
static void PrintTo(const QJsonObject &o, std::ostream *os)
{
    *os << QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

namespace {

QSet<qint64> idsOf(const QJsonArray &items, const QString &key = u"id"_s)
{
    QSet<qint64> ids;
    for (const QJsonValue &v : items)
        ids.insert(v.toObject().value(key).toInteger());
    return ids;
}

QList<qint64> idList(const QJsonValue &array)
{
    QList<qint64> ids;
    for (const QJsonValue &v : array.toArray())
        ids.append(v.toInteger());
    return ids;
}

// One server for the suite: these routes only read.
class DirectoryTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        server = new TestServer();
        if (!server->isRunning())
            return;
        ApiClient c(server->baseUrl());
        adminToken = c.loginStaff(demoLogin(u"admin"_s));
        agentToken = c.loginStaff(demoLogin(u"agent"_s));
        codeA = c.loginDevice(demoDeviceCode(0));
        codeB = c.loginDevice(demoDeviceCode(1));
    }
    static void TearDownTestSuite()
    {
        delete server;
        server = nullptr;
    }
    void SetUp() override
    {
        ASSERT_TRUE(server->isRunning()) << server->output().toStdString();
        ASSERT_FALSE(adminToken.isEmpty());
        ASSERT_FALSE(agentToken.isEmpty());
        ASSERT_FALSE(codeA.isEmpty());
        ASSERT_FALSE(codeB.isEmpty());
    }

    static HttpResult get(const QByteArray &token, const QString &path)
    {
        ApiClient c(server->baseUrl());
        c.setToken(token);
        return c.get(path);
    }
    // The staff view of a device.
    static QJsonObject device(qint64 id)
    {
        return get(agentToken, u"/devices/%1"_s.arg(id)).object();
    }

    static inline TestServer *server = nullptr;
    static inline QByteArray adminToken, agentToken, codeA, codeB;
};

const QStringList kAllPaths{u"/staff"_s,   u"/flows"_s,     u"/templates"_s,   u"/templates/1"_s,
                            u"/devices"_s, u"/devices/1"_s, u"/customers/1"_s, u"/fleets"_s};

TEST_F(DirectoryTest, EveryRouteNeedsAToken)
{
    for (const QString &path : kAllPaths) {
        const HttpResult r = get({}, path);
        EXPECT_EQ(r.status, 401) << qPrintable(path);
        EXPECT_EQ(r.errorCode(), u"unauthorized"_s) << qPrintable(path);
        EXPECT_EQ(get("bogus-token", path).status, 401) << qPrintable(path);
    }
}

TEST_F(DirectoryTest, StaffOnlyRoutesAre404ForCodeUsers)
{
    const qint64 templateId = device(demoDeviceId(0)).value(u"templateId"_s).toInteger();
    const QJsonValue customerId = device(demoDeviceId(0)).value(u"customerId"_s);
    QStringList paths{u"/staff"_s, u"/templates"_s, u"/templates/%1"_s.arg(templateId),
                      u"/fleets"_s, u"/customers/1"_s};
    if (customerId.isDouble()) // even the customer of their own device
        paths.append(u"/customers/%1"_s.arg(customerId.toInteger()));
    for (const QString &path : paths) {
        const HttpResult r = get(codeA, path);
        EXPECT_EQ(r.status, 404) << qPrintable(path);
        EXPECT_EQ(r.errorCode(), u"not_found"_s) << qPrintable(path);
        EXPECT_EQ(r.body, get(codeA, u"/no-such-thing"_s).body) << qPrintable(path);
    }
}

TEST_F(DirectoryTest, AgentsGetStaffWithRolesAndNoSecrets)
{
    const HttpResult r = get(agentToken, u"/staff"_s);
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    const QJsonArray staff = r.items();
    ASSERT_GE(staff.size(), 2);
    QSet<QString> roles, logins;
    for (const QJsonValue &v : staff) {
        const QJsonObject s = v.toObject();
        EXPECT_GT(s.value(u"id"_s).toInteger(), 0);
        EXPECT_FALSE(s.value(u"name"_s).toString().isEmpty());
        EXPECT_TRUE(s.value(u"active"_s).isBool());
        EXPECT_TRUE(s.value(u"absent"_s).isBool());
        EXPECT_TRUE(s.value(u"fleets"_s).isArray());
        roles.insert(s.value(u"role"_s).toString());
        logins.insert(s.value(u"login"_s).toString());
    }
    EXPECT_TRUE(roles.contains(u"admin"_s) && roles.contains(u"agent"_s));
    EXPECT_TRUE(roles.subtract({u"admin"_s, u"agent"_s}).isEmpty());
    EXPECT_TRUE(logins.contains(demoLogin(u"admin"_s)));
    EXPECT_TRUE(logins.contains(demoLogin(u"agent"_s)));
    EXPECT_EQ(idsOf(staff).size(), staff.size());
    for (const char *secret : {"password", "salt", "hash", "iterations"})
        EXPECT_FALSE(r.body.contains(secret)) << secret;
    EXPECT_EQ(get(adminToken, u"/staff"_s).body, r.body);
}

TEST_F(DirectoryTest, FleetsReferToExistingStaffAndFlows)
{
    const HttpResult r = get(agentToken, u"/fleets"_s);
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    const QJsonArray fleets = r.items();
    ASSERT_FALSE(fleets.isEmpty());
    const QJsonArray staff = get(agentToken, u"/staff"_s).items();
    const QSet<qint64> staffIds = idsOf(staff);
    const QSet<qint64> flowIds = idsOf(get(agentToken, u"/flows"_s).items());
    QHash<qint64, QSet<qint64>> fleetsOfStaff;
    for (const QJsonValue &v : fleets) {
        const QJsonObject f = v.toObject();
        const qint64 id = f.value(u"id"_s).toInteger();
        EXPECT_FALSE(f.value(u"name"_s).toString().isEmpty());
        EXPECT_TRUE(QStringList({u"round_robin"_s, u"least_open"_s, u"manual"_s})
                        .contains(f.value(u"strategy"_s).toString()));
        const QList<qint64> members = idList(f.value(u"memberIds"_s));
        for (qint64 m : members) {
            EXPECT_TRUE(staffIds.contains(m)) << "fleet " << id << " member " << m;
            fleetsOfStaff[m].insert(id);
        }
        EXPECT_EQ(QSet<qint64>(members.begin(), members.end()).size(), members.size());
        ASSERT_TRUE(f.value(u"flowRules"_s).isArray());
        for (const QJsonValue &rv : f.value(u"flowRules"_s).toArray()) {
            const QJsonObject rule = rv.toObject();
            EXPECT_TRUE(flowIds.contains(rule.value(u"flowId"_s).toInteger()));
            for (qint64 m : idList(rule.value(u"memberIds"_s)))
                EXPECT_TRUE(staffIds.contains(m)) << "rule member " << m;
        }
    }
    // A staff member's `fleets` are exactly the fleets that list them.
    for (const QJsonValue &v : staff) {
        const QJsonObject s = v.toObject();
        const QList<qint64> own = idList(s.value(u"fleets"_s));
        EXPECT_EQ(QSet<qint64>(own.begin(), own.end()),
                  fleetsOfStaff.value(s.value(u"id"_s).toInteger()));
    }
}

TEST_F(DirectoryTest, TemplatesListAndSingleAgree)
{
    const HttpResult r = get(agentToken, u"/templates"_s);
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    ASSERT_FALSE(r.items().isEmpty());
    const QSet<qint64> flowIds = idsOf(get(agentToken, u"/flows"_s).items());
    for (const QJsonValue &v : r.items()) {
        const QJsonObject t = v.toObject();
        const qint64 id = t.value(u"id"_s).toInteger();
        const HttpResult one = get(agentToken, u"/templates/%1"_s.arg(id));
        ASSERT_EQ(one.status, 200);
        EXPECT_EQ(one.object(), t);
        EXPECT_TRUE(t.value(u"description"_s).isString());
        EXPECT_FALSE(t.value(u"flowIds"_s).toArray().isEmpty());
        for (qint64 f : idList(t.value(u"flowIds"_s)))
            EXPECT_TRUE(flowIds.contains(f)) << "template " << id << " flow " << f;
    }
}

TEST_F(DirectoryTest, StaffSeeAllFlowsWithFields)
{
    const HttpResult r = get(agentToken, u"/flows"_s);
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    ASSERT_GE(r.items().size(), 3);
    QSet<QString> keys;
    for (const QJsonValue &v : r.items()) {
        const QJsonObject f = v.toObject();
        keys.insert(f.value(u"key"_s).toString());
        EXPECT_FALSE(f.value(u"name"_s).toString().isEmpty());
        ASSERT_TRUE(f.value(u"fields"_s).isArray());
        for (const QJsonValue &fv : f.value(u"fields"_s).toArray()) {
            const QJsonObject field = fv.toObject();
            EXPECT_FALSE(field.value(u"key"_s).toString().isEmpty());
            EXPECT_TRUE(
                QStringList({u"text"_s, u"textarea"_s, u"number"_s, u"select"_s, u"boolean"_s})
                    .contains(field.value(u"type"_s).toString()));
            EXPECT_TRUE(field.value(u"required"_s).isBool());
        }
    }
    EXPECT_EQ(keys.size(), r.items().size());
}

TEST_F(DirectoryTest, CodeUsersGetExactlyTheirTemplatesFlows)
{
    QHash<qint64, QJsonObject> staffFlows;
    for (const QJsonValue &v : get(agentToken, u"/flows"_s).items())
        staffFlows.insert(v.toObject().value(u"id"_s).toInteger(), v.toObject());
    const std::pair<QByteArray, int> users[] = {{codeA, 0}, {codeB, 1}};
    for (const auto &[token, index] : users) {
        const qint64 templateId = device(demoDeviceId(index)).value(u"templateId"_s).toInteger();
        const QList<qint64> expected = idList(
            get(agentToken, u"/templates/%1"_s.arg(templateId)).object().value(u"flowIds"_s));
        const HttpResult r = get(token, u"/flows"_s);
        ASSERT_EQ(r.status, 200) << r.body.toStdString();
        QList<qint64> got;
        for (const QJsonValue &v : r.items()) {
            got.append(v.toObject().value(u"id"_s).toInteger());
            EXPECT_EQ(v.toObject(), staffFlows.value(got.last())); // the same representation
        }
        EXPECT_EQ(got, expected) << "device " << index << " (template order)";
        EXPECT_LE(got.size(), staffFlows.size());
    }
}

TEST_F(DirectoryTest, CodeUserSeesOnlyTheirOwnDevice)
{
    const qint64 own = demoDeviceId(0), other = demoDeviceId(1);
    ASSERT_NE(own, other);
    const HttpResult list = get(codeA, u"/devices"_s);
    ASSERT_EQ(list.status, 200) << list.body.toStdString();
    ASSERT_EQ(list.items().size(), 1);
    EXPECT_TRUE(list.object().value(u"nextCursor"_s).isNull());
    const QJsonObject mine = list.items().at(0).toObject();
    EXPECT_EQ(mine.value(u"id"_s).toInteger(), own);
    for (const QString &hidden : {u"fleetId"_s, u"fleetName"_s, u"customerId"_s})
        EXPECT_FALSE(mine.contains(hidden)) << qPrintable(hidden);
    EXPECT_FALSE(mine.value(u"templateName"_s).toString().isEmpty());

    const HttpResult one = get(codeA, u"/devices/%1"_s.arg(own));
    ASSERT_EQ(one.status, 200);
    EXPECT_EQ(one.object(), mine);
    EXPECT_EQ(get(codeA, u"/devices?cursor=%1"_s.arg(own)).items().size(), 0);

    const HttpResult foreign = get(codeA, u"/devices/%1"_s.arg(other));
    EXPECT_EQ(foreign.status, 404);
    EXPECT_EQ(foreign.body, get(codeA, u"/devices/999999"_s).body); // indistinguishable
    EXPECT_EQ(get(codeB, u"/devices/%1"_s.arg(own)).status, 404);
    EXPECT_EQ(get(codeB, u"/devices"_s).items().at(0).toObject().value(u"id"_s).toInteger(), other);
}

TEST_F(DirectoryTest, StaffPageThroughAllDevices)
{
    const HttpResult first = get(agentToken, u"/devices?limit=200"_s);
    ASSERT_EQ(first.status, 200) << first.body.toStdString();
    QList<qint64> all;
    QString cursor;
    QJsonObject staffDevice;
    do {
        const HttpResult r =
            get(agentToken,
                u"/devices?limit=2"_s + (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor));
        ASSERT_EQ(r.status, 200) << r.body.toStdString();
        ASSERT_LE(r.items().size(), 2);
        for (const QJsonValue &v : r.items()) {
            const QJsonObject d = v.toObject();
            if (!all.isEmpty()) {
                EXPECT_GT(d.value(u"id"_s).toInteger(), all.last()); // ordered by id
            }
            all.append(d.value(u"id"_s).toInteger());
            EXPECT_TRUE(d.contains(u"fleetId"_s) && d.contains(u"customerId"_s));
            EXPECT_FALSE(d.value(u"fleetName"_s).toString().isEmpty());
        }
        const QJsonValue next = r.object().value(u"nextCursor"_s);
        ASSERT_TRUE(next.isNull() || next.isString());
        cursor = next.toString();
        ASSERT_LE(all.size(), 10000);
    } while (!cursor.isEmpty());
    EXPECT_TRUE(all.contains(demoDeviceId(0)) && all.contains(demoDeviceId(1)));
    if (all.size() <= 200) {
        EXPECT_EQ(first.items().size(), all.size());
        EXPECT_TRUE(first.object().value(u"nextCursor"_s).isNull());
    }
    const QJsonObject single = device(all.first());
    EXPECT_EQ(single, get(agentToken, u"/devices?limit=1"_s).items().at(0).toObject());
    EXPECT_EQ(get(agentToken, u"/devices"_s).items().size(), qMin(qsizetype(50), all.size()));
}

TEST_F(DirectoryTest, StaffReadCustomersOfDevices)
{
    qint64 customerId = 0;
    for (const QJsonValue &v : get(agentToken, u"/devices?limit=200"_s).items()) {
        if (v.toObject().value(u"customerId"_s).isDouble()) {
            customerId = v.toObject().value(u"customerId"_s).toInteger();
            break;
        }
    }
    ASSERT_GT(customerId, 0) << "no demo device has a customer";
    const HttpResult r = get(agentToken, u"/customers/%1"_s.arg(customerId));
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    EXPECT_EQ(r.object().value(u"id"_s).toInteger(), customerId);
    EXPECT_FALSE(r.object().value(u"name"_s).toString().isEmpty());
    for (const QString &key : {u"number"_s, u"contactName"_s, u"email"_s, u"phone"_s, u"address"_s})
        EXPECT_TRUE(r.object().value(key).isString()) << qPrintable(key);
    EXPECT_EQ(get(adminToken, u"/customers/999999"_s).status, 404);
    EXPECT_EQ(get(codeA, u"/customers/%1"_s.arg(customerId)).status, 404);
}

TEST_F(DirectoryTest, MalformedIdsAre404)
{
    for (const QString &base : {u"/templates/"_s, u"/devices/"_s, u"/customers/"_s}) {
        for (const QString &id : {u"abc"_s, u"0"_s, u"-1"_s, u"1e3"_s, u"01"_s, u"+1"_s,
                                  u"99999999999999999999"_s, u"999999"_s}) {
            const HttpResult r = get(agentToken, base + id);
            EXPECT_EQ(r.status, 404) << qPrintable(base + id);
            EXPECT_EQ(r.errorCode(), u"not_found"_s) << qPrintable(base + id);
        }
    }
}

TEST_F(DirectoryTest, BadParametersAre400)
{
    for (const QString &path : kAllPaths) {
        const HttpResult r = get(agentToken, path + u"?bogus=1"_s);
        EXPECT_EQ(r.status, 400) << qPrintable(path);
        EXPECT_EQ(r.object().value(u"error"_s).toObject().value(u"field"_s).toString(), u"bogus"_s);
    }
    EXPECT_EQ(get(codeA, u"/flows?templateId=1"_s).status, 400);
    EXPECT_EQ(get(codeA, u"/devices?limit=0"_s).status, 400);
    for (const QString &q : {u"limit=0"_s, u"limit=201"_s, u"limit=ten"_s, u"limit="_s}) {
        const HttpResult r = get(agentToken, u"/devices?"_s + q);
        EXPECT_EQ(r.status, 400) << qPrintable(q);
        EXPECT_EQ(r.object().value(u"error"_s).toObject().value(u"field"_s).toString(), u"limit"_s);
    }
    for (const QString &q : {u"cursor="_s, u"cursor=abc"_s, u"cursor=-5"_s, u"cursor=1%20"_s}) {
        const HttpResult r = get(agentToken, u"/devices?"_s + q);
        EXPECT_EQ(r.status, 400) << qPrintable(q);
        EXPECT_EQ(r.object().value(u"error"_s).toObject().value(u"field"_s).toString(),
                  u"cursor"_s);
    }
    EXPECT_EQ(get(agentToken, u"/devices?limit=200&cursor=999999"_s).items().size(), 0);
}

} // namespace
