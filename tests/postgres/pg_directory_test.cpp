// PgDirectoryStore answers as SqliteDirectoryStore does: the same hand-written rows in a
// SQLite store and in a PostgreSQL database, every DirectoryStore method asked of both,
// the answers compared as JSON (field by field), paging included.
#include "pgstorefixture.h"

using namespace Qt::StringLiterals;
using namespace pgtest;

namespace {

const auto staffJson = [](const core::StaffMember &s) {
    return s.toJson(Now);
};
const auto flowJson = [](const core::Flow &f) {
    return f.toJson();
};
const auto templateJson = [](const core::DeviceTemplate &t) {
    return t.toJson();
};
const auto deviceJson = [](const core::Device &d) {
    return d.toJson(true);
};
const auto customerJson = [](const core::Customer &c) {
    return c.toJson();
};
const auto fleetJson = [](const core::Fleet &f) {
    return f.toJson();
};

QString pageJson(const server::DevicePage &page)
{
    return json(page.items, deviceJson) + u" next "_s +
           (page.nextAfterId ? QString::number(*page.nextAfterId) : u"none"_s);
}

using PgDirectoryTest = PgStoreTest;

TEST_F(PgDirectoryTest, StaffReadTheSame)
{
    server::DirectoryStore &sqlite = m_sqlite->directory();
    const QString expected = json(sqlite.staff(), staffJson);
    EXPECT_EQ(sqlite.staff().size(), 3);
    EXPECT_EQ(sqlite.staff().constFirst().fleetIds, (QList<qint64>{1, 2}));
    EXPECT_EQ(json(m_pgDirectory->staff(), staffJson).toStdString(), expected.toStdString());
    for (qint64 id : {1, 2, 3, 4, 99}) {
        EXPECT_EQ(json(m_pgDirectory->staffMember(id), staffJson).toStdString(),
                  json(sqlite.staffMember(id), staffJson).toStdString())
            << "staff member " << id;
    }
    ASSERT_TRUE(sqlite.staffMember(2));
    EXPECT_EQ(m_pgDirectory->staffMember(2)->absentTo, Now + 86400000);
    EXPECT_FALSE(m_pgDirectory->staffMember(4)->active);
}

TEST_F(PgDirectoryTest, FlowsAndTemplatesReadTheSame)
{
    server::DirectoryStore &sqlite = m_sqlite->directory();
    ASSERT_EQ(sqlite.flows(std::nullopt).size(), 3);
    EXPECT_EQ(sqlite.flows(std::nullopt).constFirst().fields.size(), 2);
    for (std::optional<qint64> templateId : {std::optional<qint64>(), std::optional<qint64>(1),
                                             std::optional<qint64>(2), std::optional<qint64>(7)}) {
        EXPECT_EQ(json(m_pgDirectory->flows(templateId), flowJson).toStdString(),
                  json(sqlite.flows(templateId), flowJson).toStdString())
            << "template " << templateId.value_or(-1);
    }
    for (qint64 id : {1, 2, 3, 4}) {
        EXPECT_EQ(json(m_pgDirectory->flow(id), flowJson).toStdString(),
                  json(sqlite.flow(id), flowJson).toStdString())
            << "flow " << id;
    }
    EXPECT_EQ(sqlite.deviceTemplate(1)->flowIds, (QList<qint64>{2, 1}));
    EXPECT_EQ(json(m_pgDirectory->templates(), templateJson).toStdString(),
              json(sqlite.templates(), templateJson).toStdString());
    for (qint64 id : {1, 2, 3}) {
        EXPECT_EQ(json(m_pgDirectory->deviceTemplate(id), templateJson).toStdString(),
                  json(sqlite.deviceTemplate(id), templateJson).toStdString())
            << "template " << id;
    }
}

TEST_F(PgDirectoryTest, DevicesPageTheSame)
{
    server::DirectoryStore &sqlite = m_sqlite->directory();
    for (int limit : {1, 2, 3, 5, 100}) {
        qint64 afterId = 0;
        int pages = 0;
        for (;;) {
            const server::DevicePage expected = sqlite.devices(limit, afterId);
            const server::DevicePage actual = m_pgDirectory->devices(limit, afterId);
            EXPECT_EQ(pageJson(actual).toStdString(), pageJson(expected).toStdString())
                << "limit " << limit << " after " << afterId;
            ++pages;
            if (!expected.nextAfterId || pages > 10)
                break;
            afterId = *expected.nextAfterId;
        }
        EXPECT_EQ(pages, limit >= 5 ? 1 : (5 + limit - 1) / limit) << "limit " << limit;
    }
    EXPECT_EQ(pageJson(m_pgDirectory->devices(2, 5)).toStdString(),
              pageJson(sqlite.devices(2, 5)).toStdString());
    EXPECT_TRUE(m_pgDirectory->devices(10, 9).items.isEmpty());
    for (qint64 id : {1, 2, 3, 5, 6, 9}) {
        EXPECT_EQ(json(m_pgDirectory->device(id), deviceJson).toStdString(),
                  json(sqlite.device(id), deviceJson).toStdString())
            << "device " << id;
    }
    EXPECT_EQ(m_pgDirectory->device(1)->templateName, u"Kühlschrank"_s);
    EXPECT_FALSE(m_pgDirectory->device(2)->customerId);
}

TEST_F(PgDirectoryTest, CustomersAndFleetsReadTheSame)
{
    server::DirectoryStore &sqlite = m_sqlite->directory();
    for (qint64 id : {1, 2, 3}) {
        EXPECT_EQ(json(m_pgDirectory->customer(id), customerJson).toStdString(),
                  json(sqlite.customer(id), customerJson).toStdString())
            << "customer " << id;
    }
    EXPECT_EQ(m_pgDirectory->customer(1)->address, u"Hauptstraße 1, Köln"_s);
    const QList<core::Fleet> fleets = sqlite.fleets();
    ASSERT_EQ(fleets.size(), 3);
    EXPECT_EQ(fleets.constFirst().memberIds, (QList<qint64>{2, 1, 4}));
    EXPECT_EQ(fleets.constFirst().flowRules.size(), 2);
    EXPECT_EQ(json(m_pgDirectory->fleets(), fleetJson).toStdString(),
              json(fleets, fleetJson).toStdString());
}

} // namespace
