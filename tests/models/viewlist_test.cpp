// ViewList against the real server: loading, personal before shared in position order, live
// counts as the server lists them, create/rename/share/delete, and a move that the server
// keeps; all under QAbstractItemModelTester.

#include "client/apijob.h"
#include "models/viewlist.h"
#include "ticketmodeltestsupport.h"

#include <QMimeData>
#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using models::ViewList;

namespace {

class ViewListTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_FALSE(admin.loginStaff(testsupport::demoLogin(u"admin"_s)).isEmpty());
        ASSERT_TRUE(client.signIn(server.baseUrl(), testsupport::demoLogin(u"agent"_s)));
        ASSERT_FALSE(agentHttp.loginStaff(testsupport::demoLogin(u"agent"_s)).isEmpty());
    }

    bool finishes(client::ApiJob *job, client::ApiResult *out = nullptr)
    {
        bool done = false;
        QObject::connect(job, &client::ApiJob::finished, &client.nam,
                         [&](const client::ApiResult &r) {
                             done = true;
                             if (out)
                                 *out = r;
                         });
        return QTest::qWaitFor([&] { return done; }, 10000);
    }
    bool load()
    {
        QSignalSpy spy(&views, &ViewList::loaded);
        views.load();
        return spy.wait(10000);
    }
    QStringList names() const
    {
        QStringList out;
        for (int row = 0; row < views.rowCount(); ++row)
            out.append(views.index(row).data().toString() +
                       (views.index(row).data(ViewList::SharedRole).toBool() ? u"*"_s : u""_s));
        return out;
    }
    qint64 post(testsupport::ApiClient &http, const QString &name, const QJsonObject &query,
                bool shared)
    {
        const testsupport::HttpResult r =
            http.post(u"/views"_s, {{u"name"_s, name}, {u"query"_s, query}, {u"shared"_s, shared}});
        EXPECT_EQ(r.status, 201) << r.body.toStdString();
        return r.object().value(u"id"_s).toInteger();
    }

    testsupport::TestServer server;
    testsupport::ApiClient admin{server.baseUrl()};
    testsupport::ApiClient agentHttp{server.baseUrl()};
    modeltest::SignedInClient client;
    modeltest::TesterFailures failures;
    ViewList views{&client.api};
    std::unique_ptr<QAbstractItemModelTester> tester = modeltest::TesterFailures::attach(&views);
};

TEST(ViewQueryTest, QueryJsonRoundTrips)
{
    core::TicketQuery q;
    q.statuses = {core::Status::New, core::Status::Open};
    q.priorities = {core::Priority::High};
    q.assigneeMe = true;
    q.deviceIds = {12};
    q.text = u"Aufzug Süd, \"Tür\" 50%"_s;
    q.sort = {core::SortKey{core::SortKey::Field::Priority, true}};
    const QJsonObject json = models::viewQueryJson(q);
    EXPECT_EQ(json.value(u"status"_s).toString(), u"new,open"_s);
    EXPECT_EQ(json.value(u"q"_s).toString(), q.text);
    EXPECT_FALSE(json.contains(u"limit"_s));
    EXPECT_EQ(models::viewQueryFrom(json), q);
    EXPECT_FALSE(models::viewQueryFrom({{u"status"_s, u"nonsense"_s}}));
    EXPECT_EQ(models::viewQueryFrom({{u"status"_s, QJsonArray{u"new"_s, u"open"_s}}})->statuses,
              (QList<core::Status>{core::Status::New, core::Status::Open}));
}

TEST_F(ViewListTest, PersonalBeforeSharedInPositionOrderWithLiveCounts)
{
    post(admin, u"Team high"_s, {{u"priority"_s, u"high"_s}}, true);
    post(admin, u"Admin's own"_s, {}, false); // never shown to the agent
    post(agentHttp, u"B open"_s, {{u"status"_s, u"open"_s}}, false);
    post(agentHttp, u"A new"_s, {{u"status"_s, u"new"_s}}, false);
    ASSERT_TRUE(load());
    // Personal ones in their creation (position) order, not by name.
    EXPECT_EQ(names(), (QStringList{u"B open"_s, u"A new"_s, u"Team high*"_s}));
    EXPECT_EQ(views.sharedStart(), 2);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            for (int row = 0; row < views.rowCount(); ++row) {
                if (views.index(row).data(ViewList::CountRole).toInt() < 0 ||
                    views.index(row).data(ViewList::UnreadCountRole).toInt() < 0)
                    return false;
            }
            return true;
        },
        10000));
    for (int row = 0; row < views.rowCount(); ++row) {
        EXPECT_EQ(views.index(row).data(ViewList::CountRole).toInt(),
                  int(modeltest::serverIds(admin, views.viewAt(row).query).size()))
            << views.viewAt(row).name.toStdString();
        // Beside it, how many of them are unread for the agent (the demo tickets are news).
        core::TicketQuery unread = views.viewAt(row).query;
        unread.unreadOnly = true;
        const int expected = int(modeltest::serverIds(agentHttp, unread).size());
        EXPECT_GT(expected, 0);
        EXPECT_EQ(views.index(row).data(ViewList::UnreadCountRole).toInt(), expected)
            << views.viewAt(row).name.toStdString();
    }
}

TEST_F(ViewListTest, CreateRenameDeleteAndRefusals)
{
    ASSERT_TRUE(load());
    core::TicketQuery q;
    q.priorities = {core::Priority::High};
    QSignalSpy created(&views, &ViewList::created);
    client::ApiResult r;
    ASSERT_TRUE(finishes(views.create(u"Hot"_s, q, false), &r));
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(created.size(), 1);
    const qint64 id = created.first().first().toLongLong();
    EXPECT_EQ(views.viewAt(views.rowOf(id)).query.priorities, q.priorities);

    // The same name again: the server's 422 on `name`, the model unchanged.
    ASSERT_TRUE(finishes(views.create(u"hot"_s, q, false), &r));
    EXPECT_EQ(r.error.status, 422);
    EXPECT_EQ(r.error.field, u"name"_s);
    EXPECT_EQ(views.rowCount(), 1);
    // An agent may not share.
    ASSERT_TRUE(finishes(views.setShared(id, true), &r));
    EXPECT_EQ(r.error.status, 403);
    EXPECT_FALSE(views.viewAt(0).shared);

    ASSERT_TRUE(finishes(views.rename(id, u"Hot ones"_s), &r));
    EXPECT_TRUE(r.ok());
    EXPECT_EQ(names(), QStringList{u"Hot ones"_s});
    ASSERT_TRUE(finishes(views.remove(id), &r));
    EXPECT_TRUE(r.ok());
    EXPECT_EQ(views.rowCount(), 0);
    EXPECT_EQ(agentHttp.get(u"/views/"_s + QString::number(id)).status, 404);
}

TEST_F(ViewListTest, MoveStaysWithinItsSectionAndPersists)
{
    for (const QString &name : {u"One"_s, u"Two"_s, u"Three"_s})
        post(agentHttp, name, {}, false);
    post(admin, u"Shared"_s, {}, true);
    ASSERT_TRUE(load());
    modeltest::SignalLog log(&views);
    const qint64 three = views.viewAt(2).id;
    ASSERT_TRUE(views.move(three, 0));
    EXPECT_EQ(names(), (QStringList{u"Three"_s, u"One"_s, u"Two"_s, u"Shared*"_s}));
    EXPECT_TRUE(log.text().startsWith(u"rowsMoved(2,2->0)"_s)) << log.text().toStdString();
    // Not into the shared section.
    EXPECT_FALSE(views.moveRows({}, 0, 1, {}, 4));
    ASSERT_TRUE(modeltest::allAnswered(client.api));

    ViewList again(&client.api);
    QSignalSpy spy(&again, &ViewList::loaded);
    again.load();
    ASSERT_TRUE(spy.wait(10000));
    QStringList order;
    for (const models::SavedView &v : again.views())
        order.append(v.name);
    EXPECT_EQ(order, (QStringList{u"Three"_s, u"One"_s, u"Two"_s, u"Shared"_s}));
}

TEST_F(ViewListTest, ADropMovesTheDraggedViewWithinItsSection)
{
    for (const QString &name : {u"One"_s, u"Two"_s, u"Three"_s})
        post(agentHttp, name, {}, false);
    post(admin, u"Shared"_s, {}, true);
    ASSERT_TRUE(load());
    std::unique_ptr<QMimeData> one(views.mimeData({views.index(0)}));
    ASSERT_TRUE(one);
    // Onto the shared section: refused.
    EXPECT_FALSE(views.canDropMimeData(one.get(), Qt::MoveAction, 4, 0, {}));
    EXPECT_FALSE(views.dropMimeData(one.get(), Qt::MoveAction, 4, 0, {}));
    // Below the last personal one (onto the gap before "Shared").
    ASSERT_TRUE(views.canDropMimeData(one.get(), Qt::MoveAction, 3, 0, {}));
    ASSERT_TRUE(views.dropMimeData(one.get(), Qt::MoveAction, 3, 0, {}));
    EXPECT_EQ(names(), (QStringList{u"Two"_s, u"Three"_s, u"One"_s, u"Shared*"_s}));
    ASSERT_TRUE(modeltest::allAnswered(client.api));
    QStringList stored;
    QList<std::pair<qint64, QString>> personal;
    for (const QJsonValue &v : agentHttp.get(u"/views"_s).items()) {
        if (!v.toObject().value(u"shared"_s).toBool())
            personal.append({v.toObject().value(u"position"_s).toInteger(),
                             v.toObject().value(u"name"_s).toString()});
    }
    std::sort(personal.begin(), personal.end());
    for (const auto &p : personal)
        stored.append(p.second);
    EXPECT_EQ(stored, (QStringList{u"Two"_s, u"Three"_s, u"One"_s}));
}

} // namespace
