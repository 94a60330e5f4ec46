// TicketTableModel against a real ticket-server with the demo data: paging, the server's
// order, live events (insert/update/remove, pinned rows), filter changes and reload.

#include "models/labels.h"
#include "models/tickettablemodel.h"
#include "ticketmodeltestsupport.h"

#include <QSignalSpy>
#include <QTextDocument>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using core::SortKey;
using models::TicketTableModel;

namespace {

core::TicketQuery openQuery()
{
    core::TicketQuery q;
    q.statuses = {core::Status::New, core::Status::Open, core::Status::Waiting};
    return q;
}

class TicketTableModelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_FALSE(http.loginStaff(u"anna"_s).isEmpty());
        ASSERT_TRUE(client.signIn(server.baseUrl(), u"anna"_s));
        ASSERT_TRUE(events.open(server.baseUrl(), http.token()));
    }

    bool waitIdle(TicketTableModel &m) const
    {
        return QTest::qWaitFor([&] { return !m.isLoading(); }, 15000);
    }
    // QAbstractItemModelTester calls fetchMore() after every change, as an eager view would:
    // let that page arrive, then start a new signal record.
    void settle()
    {
        ASSERT_TRUE(waitIdle(model));
        log.clear();
    }
    void load(const core::TicketQuery &q)
    {
        model.setQuery(q);
        ASSERT_TRUE(waitIdle(model));
    }
    void fetchAll(TicketTableModel &m) const
    {
        while (m.canFetchMore({})) {
            m.fetchMore({});
            ASSERT_TRUE(waitIdle(m));
        }
    }
    static QList<qint64> ids(const TicketTableModel &m)
    {
        QList<qint64> out;
        for (int row = 0; row < m.rowCount(); ++row)
            out.append(m.idAt(row));
        return out;
    }

    // The next event of `type` for `ticketId` from the real stream, as the app gets it.
    // For ticket.updated, `version` picks the event of that edit.
    core::Event nextEvent(const QString &type, qint64 ticketId, qint64 version = -1)
    {
        const QJsonObject frame = events.waitFor([&](const QJsonObject &f) {
            const QJsonObject data = f.value(u"data"_s).toObject();
            return f.value(u"seq"_s).toInteger() > m_seenSeq && f.value(u"type"_s) == type &&
                   f.value(u"ticketId"_s).toInteger() == ticketId &&
                   (version < 0 || data.value(u"version"_s).toInteger() == version);
        });
        EXPECT_FALSE(frame.isEmpty()) << "no " << type.toStdString() << " event";
        const core::Event e = core::Event::fromJson(frame);
        m_seenSeq = qMax(m_seenSeq, e.seq);
        return e;
    }

    qint64 create(const QString &title, const QJsonObject &extra = {})
    {
        QJsonObject body = extra;
        body.insert(u"deviceId"_s, testsupport::demoDeviceId(0));
        const QJsonObject t = testsupport::createTicket(http, title, body);
        EXPECT_FALSE(t.isEmpty());
        return t.value(u"id"_s).toInteger();
    }
    // A staff edit; returns the new version.
    qint64 patch(qint64 id, const QJsonObject &change)
    {
        const qint64 version = http.versionOf(id);
        const testsupport::HttpResult r =
            http.patch(u"/tickets/%1"_s.arg(id), change,
                       {{"If-Match", '"' + QByteArray::number(version) + '"'}});
        EXPECT_EQ(r.status, 200) << r.body.toStdString();
        return r.object().value(u"version"_s).toInteger();
    }
    // An edit and its ticket.updated event applied to the model.
    void patchAndApply(qint64 id, const QJsonObject &change)
    {
        const qint64 version = patch(id, change);
        model.applyEvent(nextEvent(u"ticket.updated"_s, id, version));
    }

    testsupport::TestServer server;
    testsupport::ApiClient http{server.baseUrl()};
    testsupport::EventClient events;
    modeltest::SignedInClient client;
    modeltest::TesterFailures failures;
    TicketTableModel model{&client.api};
    std::unique_ptr<QAbstractItemModelTester> tester = modeltest::TesterFailures::attach(&model);
    modeltest::SignalLog log{&model};
    qint64 m_seenSeq = 0;
};

TEST_F(TicketTableModelTest, PagesUntilTheServersTotal)
{
    QSignalSpy pages(&model, &TicketTableModel::pageLoaded);
    const core::TicketQuery all;
    load(all);
    ASSERT_EQ(pages.size(), 1);
    EXPECT_TRUE(pages.first().at(0).toBool());
    EXPECT_EQ(model.rowCount(), 100);
    EXPECT_EQ(log.text(), u"modelReset rowsInserted(0,99)"_s);
    EXPECT_TRUE(model.canFetchMore({}));

    fetchAll(model);
    EXPECT_FALSE(model.canFetchMore({}));
    EXPECT_GE(model.rowCount(), 300);
    EXPECT_EQ(model.rowCount(), modeltest::serverTotal(http, all));
    EXPECT_EQ(ids(model), modeltest::serverIds(http, model.query()));
    EXPECT_FALSE(log.contains(u"dataChanged"_s));
    EXPECT_FALSE(log.contains(u"rowsRemoved"_s));
}

TEST_F(TicketTableModelTest, OrderIsTheServersForEverySort)
{
    load(core::TicketQuery{});
    const struct {
        int column;
        Qt::SortOrder order;
        SortKey key;
    } sorts[] = {
        {TicketTableModel::PriorityColumn, Qt::DescendingOrder, {SortKey::Field::Priority, true}},
        {TicketTableModel::UpdatedColumn, Qt::AscendingOrder, {SortKey::Field::UpdatedAt, false}},
        {TicketTableModel::StatusColumn, Qt::AscendingOrder, {SortKey::Field::Status, false}},
    };
    for (const auto &s : sorts) {
        model.sort(s.column, s.order);
        ASSERT_TRUE(waitIdle(model));
        EXPECT_EQ(model.query().sort, QList<SortKey>{s.key});
        fetchAll(model);
        EXPECT_EQ(ids(model), modeltest::serverIds(http, model.query())) << s.column;
    }
    // Not sortable: nothing happens.
    settle();
    model.sort(TicketTableModel::TitleColumn);
    EXPECT_FALSE(model.isLoading());
    EXPECT_EQ(log.text(), QString());
    EXPECT_FALSE(TicketTableModel::isSortable(TicketTableModel::TitleColumn));
    EXPECT_TRUE(TicketTableModel::isSortable(TicketTableModel::NumberColumn));

    core::TicketQuery twoKeys = openQuery();
    twoKeys.sort = {{SortKey::Field::Status, false}, {SortKey::Field::UpdatedAt, true}};
    load(twoKeys);
    fetchAll(model);
    EXPECT_EQ(ids(model), modeltest::serverIds(http, twoKeys));
}

TEST_F(TicketTableModelTest, DataRolesAndHeaders)
{
    load(core::TicketQuery{});
    ASSERT_GT(model.rowCount(), 0);
    const qint64 id = model.idAt(0);
    const core::TicketSummary *t = model.summary(id);
    ASSERT_NE(t, nullptr);
    auto at = [&](int column, int role) {
        return model.data(model.index(0, column), role);
    };
    EXPECT_EQ(at(0, TicketTableModel::IdRole).toLongLong(), id);
    EXPECT_EQ(at(TicketTableModel::PriorityColumn, Qt::DisplayRole).toString(),
              models::priorityLabel(t->priority));
    EXPECT_EQ(at(TicketTableModel::PriorityColumn, Qt::DecorationRole).value<QColor>(),
              models::priorityColor(t->priority));
    EXPECT_EQ(at(TicketTableModel::PriorityColumn, TicketTableModel::SortRole).toInt(),
              int(t->priority));
    // The tooltip shows the title literally (escaped for Qt's rich-text tooltips).
    QTextDocument tip;
    tip.setHtml(at(TicketTableModel::TitleColumn, Qt::ToolTipRole).toString());
    EXPECT_TRUE(tip.toPlainText().startsWith(t->title)) << tip.toPlainText().toStdString();
    EXPECT_EQ(at(TicketTableModel::NumberColumn, Qt::DisplayRole).toString(), t->number);
    EXPECT_EQ(at(TicketTableModel::UpdatedColumn, TicketTableModel::SortRole).toLongLong(),
              t->updatedAt);
    EXPECT_EQ(at(TicketTableModel::UpdatedColumn, Qt::ToolTipRole).toString(),
              models::longDateTime(t->updatedAt));
    EXPECT_EQ(at(TicketTableModel::AssigneeColumn, Qt::DisplayRole).toString(),
              t->assigneeName.isEmpty() ? u"—"_s : t->assigneeName);
    EXPECT_EQ(model.headerData(TicketTableModel::StatusColumn, Qt::Horizontal).toString(),
              u"Status"_s);
    EXPECT_EQ(model.rowOf(id), 0);
    EXPECT_EQ(model.rowOf(-5), -1);
}

TEST_F(TicketTableModelTest, LiveInsertUpdateAndRemove)
{
    // Newest first, and more pages than the first: inserts are judged against the cursor.
    core::TicketQuery q = openQuery();
    q.statuses.append(core::Status::Resolved);
    load(q);
    ASSERT_TRUE(model.canFetchMore({}));
    settle();

    const qint64 id = create(u"Live row"_s);
    model.applyEvent(nextEvent(u"ticket.created"_s, id));
    EXPECT_EQ(log.text(), u"rowsInserted(0,0)"_s);
    EXPECT_EQ(model.rowOf(id), 0);

    // A new priority: that row's cells change, nothing moves.
    settle();
    const int priority = model.data(model.index(0, 0), TicketTableModel::PriorityRole).toInt();
    patchAndApply(id,
                  {{u"priority"_s, priority == int(core::Priority::High) ? u"low"_s : u"high"_s}});
    ASSERT_FALSE(log.entries().isEmpty());
    for (const QString &e : log.entries())
        EXPECT_TRUE(e.startsWith(u"dataChanged(0,0:"_s)) << e.toStdString();
    EXPECT_TRUE(log.contains(u"dataChanged(0,0:0-0)"_s)) << log.text().toStdString();
    EXPECT_NE(model.data(model.index(0, 0), TicketTableModel::PriorityRole).toInt(), priority);
    EXPECT_EQ(model.data(model.index(0, 0), TicketTableModel::VersionRole).toLongLong(),
              http.versionOf(id));

    // A message is activity: the Updated cell changes (if the clock moved on).
    settle();
    ASSERT_EQ(http.post(u"/tickets/%1/messages"_s.arg(id),
                        {{u"body"_s, u"Hallo"_s}, {u"attachmentIds"_s, QJsonArray()}})
                  .status,
              201);
    model.applyEvent(nextEvent(u"message.created"_s, id));
    EXPECT_TRUE(log.text().isEmpty() || log.text() == u"dataChanged(0,0:8-8)"_s)
        << log.text().toStdString();

    // Closed is outside the query: the row leaves.
    settle();
    patchAndApply(id, {{u"status"_s, u"closed"_s}});
    EXPECT_EQ(log.text(), u"rowsRemoved(0,0)"_s);
    EXPECT_EQ(model.rowOf(id), -1);
    EXPECT_EQ(model.rowOf(model.idAt(0)), 0);
    EXPECT_FALSE(log.contains(u"modelReset"_s));
}

TEST_F(TicketTableModelTest, PinnedRowStaysUntilUnpinned)
{
    load(openQuery());
    const qint64 id = create(u"Pinned row"_s);
    model.applyEvent(nextEvent(u"ticket.created"_s, id));
    ASSERT_EQ(model.rowOf(id), 0);
    model.setPinnedTicket(id);

    settle();
    patchAndApply(id, {{u"status"_s, u"resolved"_s}});
    EXPECT_FALSE(log.contains(u"rowsRemoved"_s)) << log.text().toStdString();
    EXPECT_TRUE(log.contains(u"dataChanged(0,0:6-6)"_s)) << log.text().toStdString();
    ASSERT_EQ(model.rowOf(id), 0);
    EXPECT_EQ(model.data(model.index(0, 0), TicketTableModel::StatusRole).toInt(),
              int(core::Status::Resolved));

    settle();
    model.setPinnedTicket(0);
    EXPECT_EQ(log.text(), u"rowsRemoved(0,0)"_s);
    EXPECT_EQ(model.rowOf(id), -1);

    // A pinned row that still matches stays when the pin moves on.
    const qint64 other = create(u"Pinned, still matching"_s);
    model.applyEvent(nextEvent(u"ticket.created"_s, other));
    model.setPinnedTicket(other);
    settle();
    model.setPinnedTicket(0);
    EXPECT_EQ(log.text(), QString());
    EXPECT_EQ(model.rowOf(other), 0);
}

TEST_F(TicketTableModelTest, ActivityMovesRowWhenSortedByUpdated)
{
    core::TicketQuery q = openQuery();
    q.sort = {{SortKey::Field::UpdatedAt, true}};
    load(q);
    ASSERT_GT(model.rowCount(), 6);
    const qint64 id = model.idAt(5);
    settle();
    ASSERT_EQ(http.post(u"/tickets/%1/messages"_s.arg(id),
                        {{u"body"_s, u"Any news?"_s}, {u"attachmentIds"_s, QJsonArray()}})
                  .status,
              201);
    model.applyEvent(nextEvent(u"message.created"_s, id));
    EXPECT_EQ(log.text(), u"dataChanged(5,5:8-8) rowsMoved(5,5->0)"_s);
    EXPECT_EQ(model.rowOf(id), 0);
    EXPECT_EQ(model.rowOf(model.idAt(5)), 5);
    ASSERT_TRUE(waitIdle(model));
    const QList<qint64> shown = ids(model);
    EXPECT_EQ(shown, modeltest::serverIds(http, q).mid(0, shown.size()));
}

TEST_F(TicketTableModelTest, ActivityBringsAnUnloadedTicketToTheTop)
{
    core::TicketQuery q = openQuery(); // closed tickets take no messages
    q.statuses.append(core::Status::Resolved);
    q.sort = {{SortKey::Field::UpdatedAt, true}};
    load(q);
    ASSERT_TRUE(model.canFetchMore({}));
    const QList<qint64> server = modeltest::serverIds(http, q);
    ASSERT_GT(server.size(), model.rowCount());
    const qint64 id = server.last();
    ASSERT_EQ(model.rowOf(id), -1);
    settle();
    ASSERT_EQ(http.post(u"/tickets/%1/messages"_s.arg(id),
                        {{u"body"_s, u"Still broken"_s}, {u"attachmentIds"_s, QJsonArray()}})
                  .status,
              201);
    // The row is not here: the model asks the server for the ticket, then inserts it.
    model.applyEvent(nextEvent(u"message.created"_s, id));
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.rowOf(id) >= 0; }, 5000));
    EXPECT_EQ(log.entries().value(0), u"rowsInserted(0,0)"_s) << log.text().toStdString();
    EXPECT_EQ(model.rowOf(id), 0);
}

TEST_F(TicketTableModelTest, UpdatedTicketEntersAtItsSortedPlace)
{
    core::TicketQuery q;
    q.statuses = {core::Status::Waiting};
    q.sort = {{SortKey::Field::Priority, false}};
    load(q);
    fetchAll(model);
    ASSERT_FALSE(model.canFetchMore({}));

    settle();
    const qint64 id = create(u"Will wait"_s, {{u"priority"_s, u"normal"_s}});
    model.applyEvent(nextEvent(u"ticket.created"_s, id));
    EXPECT_EQ(log.text(), QString()); // status new: not in this queue

    patchAndApply(id, {{u"status"_s, u"waiting"_s}});
    const int row = model.rowOf(id);
    ASSERT_GE(row, 0);
    EXPECT_EQ(log.text(), u"rowsInserted(%1,%1)"_s.arg(row));
    ASSERT_TRUE(waitIdle(model));
    EXPECT_EQ(ids(model), modeltest::serverIds(http, q));

    // Priority high moves it to the end of the list, after the other ties by id.
    settle();
    patchAndApply(id, {{u"priority"_s, u"high"_s}});
    EXPECT_TRUE(log.contains(u"rowsMoved(%1,%1->%2)"_s.arg(row).arg(model.rowCount())))
        << log.text().toStdString();
    EXPECT_EQ(model.rowOf(id), model.rowCount() - 1);
    ASSERT_TRUE(waitIdle(model));
    EXPECT_EQ(ids(model), modeltest::serverIds(http, q));
}

TEST_F(TicketTableModelTest, RowAfterTheLoadedRangeWaitsForItsPage)
{
    core::TicketQuery q;
    q.sort = {{SortKey::Field::Priority, false}}; // low first: a high one belongs far below
    load(q);
    ASSERT_TRUE(model.canFetchMore({}));
    settle();
    const qint64 id = create(u"Far below"_s, {{u"priority"_s, u"high"_s}});
    model.applyEvent(nextEvent(u"ticket.created"_s, id));
    EXPECT_EQ(log.text(), QString());
    EXPECT_EQ(model.rowOf(id), -1);

    fetchAll(model);
    const QList<qint64> all = ids(model);
    EXPECT_EQ(all.count(id), 1);
    EXPECT_EQ(all, modeltest::serverIds(http, q));
}

TEST_F(TicketTableModelTest, FilterChangeBringsMatchingRows)
{
    load(openQuery());
    settle();
    core::TicketQuery high = openQuery();
    high.priorities = {core::Priority::High};
    load(high);
    fetchAll(model);
    EXPECT_TRUE(log.text().startsWith(u"modelReset rowsInserted(0,"_s)) << log.text().toStdString();
    ASSERT_GT(model.rowCount(), 0);
    EXPECT_EQ(model.rowCount(), modeltest::serverTotal(http, high));
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex i = model.index(row, 0);
        EXPECT_EQ(i.data(TicketTableModel::PriorityRole).toInt(), int(core::Priority::High));
        EXPECT_LE(i.data(TicketTableModel::StatusRole).toInt(), int(core::Status::Waiting));
    }
}

TEST_F(TicketTableModelTest, ReloadMergesWithoutReset)
{
    const core::TicketQuery q = openQuery();
    load(q);
    ASSERT_GT(model.rowCount(), 30);
    // Changes the model hears nothing about (as after a dropped connection).
    create(u"Missed one"_s);
    create(u"Missed two"_s);
    patch(model.idAt(3), {{u"status"_s, u"closed"_s}});
    patch(model.idAt(10), {{u"status"_s, u"resolved"_s}});
    const int priority = model.data(model.index(20, 0), TicketTableModel::PriorityRole).toInt();
    patch(model.idAt(20), {{u"priority"_s, priority == 2 ? u"low"_s : u"high"_s}});
    settle();

    QSignalSpy pages(&model, &TicketTableModel::pageLoaded);
    model.reload();
    ASSERT_TRUE(waitIdle(model));
    ASSERT_EQ(pages.size(), 1);
    EXPECT_FALSE(log.contains(u"modelReset"_s)) << log.text().toStdString();
    EXPECT_TRUE(log.contains(u"rowsRemoved"_s));
    EXPECT_TRUE(log.contains(u"rowsInserted(0,"_s));

    TicketTableModel fresh(&client.api);
    auto freshTester = modeltest::TesterFailures::attach(&fresh);
    fresh.setQuery(q);
    ASSERT_TRUE(waitIdle(fresh));
    ASSERT_EQ(model.rowCount(), fresh.rowCount());
    for (int row = 0; row < fresh.rowCount(); ++row) {
        for (int column = 0; column < TicketTableModel::ColumnCount; ++column) {
            for (int role : {int(Qt::DisplayRole), int(TicketTableModel::VersionRole)}) {
                EXPECT_EQ(model.index(row, column).data(role), fresh.index(row, column).data(role))
                    << row << ":" << column;
            }
        }
    }
    // Paging goes on from where the reload ended.
    EXPECT_EQ(model.canFetchMore({}), fresh.canFetchMore({}));
    fetchAll(model);
    EXPECT_EQ(ids(model), modeltest::serverIds(http, q));
}

TEST_F(TicketTableModelTest, ErrorKeepsRows)
{
    load(core::TicketQuery{});
    const int rows = model.rowCount();
    ASSERT_TRUE(model.canFetchMore({}));
    QSignalSpy errors(&model, &TicketTableModel::errorOccurred);
    ASSERT_TRUE(server.stop());
    model.fetchMore({});
    ASSERT_TRUE(waitIdle(model));
    EXPECT_EQ(errors.size(), 1);
    EXPECT_EQ(model.rowCount(), rows);
    EXPECT_FALSE(model.canFetchMore({})); // no retry storm from the view
}

} // namespace

TEST_F(TicketTableModelTest, MyTicketsTakeAutomaticAssignmentsLive)
{
    // Tobias's "My tickets": round robin in fleet Nord hands some of the new tickets to him.
    modeltest::SignedInClient tobias;
    ASSERT_TRUE(tobias.signIn(server.baseUrl(), u"tobias"_s));
    TicketTableModel mine{&tobias.api};
    mine.setMyId(tobias.api.myId());
    auto mineTester = modeltest::TesterFailures::attach(&mine);
    core::TicketQuery q = openQuery();
    q.assigneeMe = true;
    mine.setQuery(q);
    ASSERT_TRUE(waitIdle(mine));
    fetchAll(mine);
    const QList<qint64> before = ids(mine);

    testsupport::ApiClient user(server.baseUrl());
    ASSERT_FALSE(user.loginDevice(testsupport::demoDeviceCode(0)).isEmpty()); // a Nord device
    QList<qint64> his;
    for (int i = 0; i < 6; ++i) {
        const QJsonObject t = testsupport::createTicket(user, u"Round %1"_s.arg(i));
        ASSERT_FALSE(t.isEmpty());
        const qint64 id = t.value(u"id"_s).toInteger();
        mine.applyEvent(nextEvent(u"ticket.created"_s, id));
        const QJsonObject full = http.get(u"/tickets/%1"_s.arg(id)).object();
        if (full.value(u"assigneeId"_s).toInteger() == tobias.api.myId())
            his.prepend(id); // newest first, as the model sorts
    }
    EXPECT_FALSE(his.isEmpty()) << "three available members take turns over six tickets";
    EXPECT_EQ(ids(mine), his + before);
}
