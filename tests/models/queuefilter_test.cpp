// QueueFilter, QueueListModel and FacetListModel: the queues' queries, overrides by the
// checked statuses/priorities and extra filters, queryChanged only on a change, and the
// live counts against a brute-force count of the real server's lists.

#include "models/queuefilter.h"
#include "ticketmodeltestsupport.h"

#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using core::SortKey;
using core::Status;
using models::FacetListModel;
using models::Queue;
using models::QueueFilter;
using models::QueueListModel;

namespace {

class QueueFilterTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_FALSE(http.loginStaff(u"anna"_s).isEmpty());
        ASSERT_TRUE(client.signIn(server.baseUrl(), u"anna"_s));
    }

    static int count(QAbstractItemModel *m, int row)
    {
        return m->index(row, 0).data(QueueListModel::CountRole).toInt();
    }
    // Every count of the sidebar is known (no -1 left).
    bool countsKnown()
    {
        for (int row = 0; row < filter.queues()->rowCount(); ++row) {
            if (count(filter.queues(), row) < 0)
                return false;
        }
        for (FacetListModel *m : {filter.statuses(), filter.priorities()}) {
            for (int row = 0; row < m->rowCount(); ++row) {
                if (count(m, row) < 0)
                    return false;
            }
        }
        return true;
    }
    static int rowOfValue(FacetListModel *m, int value)
    {
        for (int row = 0; row < m->rowCount(); ++row) {
            if (m->index(row, 0).data(FacetListModel::ValueRole).toInt() == value)
                return row;
        }
        return -1;
    }
    static void check(FacetListModel *m, int value)
    {
        m->setData(m->index(rowOfValue(m, value), 0), Qt::Checked, Qt::CheckStateRole);
    }
    // Brute force: the list of the query, every page, counted.
    int listed(const core::TicketQuery &q) { return int(modeltest::serverIds(http, q).size()); }

    testsupport::TestServer server;
    testsupport::ApiClient http{server.baseUrl()};
    modeltest::SignedInClient client;
    modeltest::TesterFailures failures;
    QueueFilter filter{&client.api};
    std::unique_ptr<QAbstractItemModelTester> queuesTester =
        modeltest::TesterFailures::attach(filter.queues());
    std::unique_ptr<QAbstractItemModelTester> statusesTester =
        modeltest::TesterFailures::attach(filter.statuses());
    std::unique_ptr<QAbstractItemModelTester> prioritiesTester =
        modeltest::TesterFailures::attach(filter.priorities());
};

TEST(QueueQueryTest, QueuesStandForTheirFilters)
{
    const core::TicketQuery fresh = models::queueQuery(Queue::NewUnassigned);
    EXPECT_EQ(fresh.statuses, QList<Status>{Status::New});
    EXPECT_TRUE(fresh.assigneeNone);
    EXPECT_EQ(fresh.sort, (QList<SortKey>{{SortKey::Field::CreatedAt, true}}));

    const core::TicketQuery mine = models::queueQuery(Queue::Mine);
    EXPECT_TRUE(mine.assigneeMe);
    EXPECT_EQ(mine.statuses, (QList<Status>{Status::New, Status::Open, Status::Waiting}));

    const core::TicketQuery resolved = models::queueQuery(Queue::RecentlyResolved);
    EXPECT_EQ(resolved.statuses, (QList<Status>{Status::Resolved, Status::Closed}));
    EXPECT_EQ(resolved.sort, (QList<SortKey>{{SortKey::Field::UpdatedAt, true}}));

    EXPECT_EQ(models::queueQuery(Queue::Internal).visibilities,
              QList<core::Visibility>{core::Visibility::Internal});
    EXPECT_EQ(models::queueQuery(Queue::All), core::TicketQuery{});
}

TEST_F(QueueFilterTest, CountsEqualBruteForceCounts)
{
    filter.refreshCounts(0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return countsKnown(); }, 15000));
    QueueListModel *queues = filter.queues();
    EXPECT_EQ(queues->index(queues->rowOf(Queue::AllOpen), 0).data().toString(), u"All open"_s);
    for (Queue queue : {Queue::AllOpen, Queue::Waiting, Queue::NewUnassigned}) {
        const int expected = listed(models::queueQuery(queue));
        EXPECT_GT(expected, 0);
        EXPECT_EQ(count(queues, queues->rowOf(queue)), expected) << int(queue);
    }
    EXPECT_EQ(count(queues, queues->rowOf(Queue::All)), listed(core::TicketQuery{}));

    // The current query is All open: each facet group is counted without its own filter.
    ASSERT_EQ(filter.query(), models::queueQuery(Queue::AllOpen));
    core::TicketQuery resolved;
    resolved.statuses = {Status::Resolved};
    EXPECT_EQ(count(filter.statuses(), rowOfValue(filter.statuses(), int(Status::Resolved))),
              listed(resolved));
    core::TicketQuery highOpen = models::queueQuery(Queue::AllOpen);
    highOpen.priorities = {core::Priority::High};
    EXPECT_EQ(count(filter.priorities(), rowOfValue(filter.priorities(), 2)), listed(highOpen));
}

// Beside each queue and status: how many of its tickets are unread for me, as the server's
// unread=true list has them; "Needs reply" counts the awaiting=staff list, after My tickets.
TEST_F(QueueFilterTest, UnreadCountsAndNeedsReplyAreTheServers)
{
    // Some news by a colleague, so that not every count is the same.
    testsupport::ApiClient colleague{server.baseUrl()};
    ASSERT_FALSE(colleague.loginStaff(u"jonas"_s).isEmpty());
    const QList<qint64> open = modeltest::serverIds(http, models::queueQuery(Queue::AllOpen));
    ASSERT_GT(open.size(), 2);
    ASSERT_EQ(colleague.post(u"/tickets/%1/notes"_s.arg(open[1]), {{u"body"_s, u"x"_s}}).status,
              201);
    filter.refreshCounts(0);
    QueueListModel *queues = filter.queues();
    auto unreadKnown = [&] {
        for (int row = 0; row < queues->rowCount(); ++row) {
            if (queues->index(row, 0).data(QueueListModel::UnreadCountRole).toInt() < 0)
                return false;
        }
        return countsKnown();
    };
    ASSERT_TRUE(QTest::qWaitFor(unreadKnown, 15000));
    EXPECT_EQ(queues->queueAt(2), Queue::NeedsReply);
    EXPECT_EQ(queues->rowOf(Queue::NeedsReply), 2);
    EXPECT_EQ(queues->index(2, 0).data().toString(), u"Needs reply"_s);
    EXPECT_TRUE(models::queueQuery(Queue::NeedsReply).awaitingStaff);
    for (int row = 0; row < queues->rowCount(); ++row) {
        const Queue queue = queues->queueAt(row);
        EXPECT_EQ(queues->rowOf(queue), row);
        core::TicketQuery unread = models::queueQuery(queue);
        EXPECT_EQ(count(queues, row), listed(unread)) << int(queue);
        unread.unreadOnly = true;
        EXPECT_EQ(queues->index(row, 0).data(QueueListModel::UnreadCountRole).toInt(),
                  listed(unread))
            << int(queue);
    }
    core::TicketQuery openUnread = models::queueQuery(Queue::AllOpen);
    openUnread.statuses = {Status::Open};
    openUnread.unreadOnly = true;
    FacetListModel *statuses = filter.statuses();
    EXPECT_EQ(statuses->index(rowOfValue(statuses, int(Status::Open)), 0)
                  .data(FacetListModel::UnreadCountRole)
                  .toInt(),
              listed(openUnread));
}

TEST_F(QueueFilterTest, CountsFollowTheExtraFilters)
{
    filter.refreshCounts(0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return countsKnown(); }, 15000));
    core::TicketQuery extra;
    extra.assigneeNone = true;
    ASSERT_TRUE(filter.setExtraFilters(extra));
    QueueListModel *queues = filter.queues();
    core::TicketQuery waitingUnassigned = models::queueQuery(Queue::Waiting);
    waitingUnassigned.assigneeNone = true;
    const int expected = listed(waitingUnassigned);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return count(queues, queues->rowOf(Queue::Waiting)) == expected; }, 15000));

    // A text nothing contains: the newer round wins over the older one.
    ASSERT_TRUE(filter.setText(u"zzqxnothingmatches"_s));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            for (int row = 0; row < queues->rowCount(); ++row) {
                if (count(queues, row) != 0)
                    return false;
            }
            return true;
        },
        15000));
    ASSERT_TRUE(modeltest::allAnswered(client.api)); // every older round is answered too
    EXPECT_EQ(count(queues, queues->rowOf(Queue::All)), 0);
}

TEST_F(QueueFilterTest, AViewOrTheSearchTermsChangeEverythingInOneStep)
{
    QSignalSpy changed(&filter, &QueueFilter::queryChanged);
    core::TicketQuery view;
    view.statuses = {Status::New, Status::Open};
    view.priorities = {core::Priority::High};
    view.assigneeMe = true;
    view.fleetIds = {2};
    view.text = u"Drucker"_s;
    view.sort = {{SortKey::Field::Priority, true}};
    filter.applyView(view);
    ASSERT_EQ(changed.size(), 1);
    EXPECT_EQ(filter.queue(), Queue::All);
    EXPECT_EQ(filter.query(), view);
    // The sidebar's own choices, as the search box writes them (no sort).
    core::TicketQuery overrides = view;
    overrides.sort.clear();
    EXPECT_EQ(filter.overrides(), overrides);

    core::TicketQuery terms;
    terms.priorities = {core::Priority::Low};
    ASSERT_TRUE(filter.setOverrides(terms));
    ASSERT_EQ(changed.size(), 2);
    EXPECT_TRUE(filter.query().statuses.isEmpty()); // the queue "All" has none
    EXPECT_EQ(filter.query().priorities, terms.priorities);
    EXPECT_FALSE(filter.query().assigneeMe);
    EXPECT_TRUE(filter.query().text.isEmpty());
    EXPECT_FALSE(filter.setOverrides(terms));
    EXPECT_EQ(changed.size(), 2);
}

TEST_F(QueueFilterTest, CheckedValuesAndExtrasOverrideTheQueue)
{
    QSignalSpy changed(&filter, &QueueFilter::queryChanged);
    ASSERT_EQ(filter.queue(), Queue::AllOpen);
    check(filter.statuses(), int(Status::Waiting));
    ASSERT_EQ(changed.size(), 1);
    EXPECT_EQ(filter.query().statuses, QList<Status>{Status::Waiting});
    EXPECT_EQ(changed.last().at(0).value<core::TicketQuery>(), filter.query());

    check(filter.priorities(), int(core::Priority::High));
    check(filter.priorities(), int(core::Priority::Low));
    EXPECT_EQ(filter.query().priorities,
              (QList<core::Priority>{core::Priority::Low, core::Priority::High}));
    EXPECT_EQ(changed.size(), 3);

    ASSERT_TRUE(filter.setQueue(Queue::Mine));
    core::TicketQuery extra;
    extra.assigneeNone = true;
    extra.flowIds = {1};
    extra.fleetIds = {7}; // the search box's fleet: terms
    ASSERT_TRUE(filter.setExtraFilters(extra));
    const core::TicketQuery q = filter.query();
    EXPECT_FALSE(q.assigneeMe);
    EXPECT_TRUE(q.assigneeNone);
    EXPECT_EQ(q.flowIds, QList<qint64>{1});
    EXPECT_EQ(q.fleetIds, QList<qint64>{7});
    EXPECT_EQ(q.statuses, QList<Status>{Status::Waiting});

    filter.setSort({{SortKey::Field::Priority, true}});
    EXPECT_EQ(filter.query().sort, (QList<SortKey>{{SortKey::Field::Priority, true}}));
    ASSERT_TRUE(filter.setQueue(Queue::RecentlyResolved));
    EXPECT_EQ(filter.query().sort, (QList<SortKey>{{SortKey::Field::Priority, true}}));
    filter.setSort({});
    EXPECT_EQ(filter.query().sort, (QList<SortKey>{{SortKey::Field::UpdatedAt, true}}));
}

TEST_F(QueueFilterTest, QueryChangedOnlyWhenTheQueryChanged)
{
    QSignalSpy changed(&filter, &QueueFilter::queryChanged);
    EXPECT_FALSE(filter.setQueue(Queue::AllOpen));
    EXPECT_FALSE(filter.setText(u"  "_s));
    EXPECT_FALSE(filter.setExtraFilters(core::TicketQuery{}));
    filter.setSort({});
    filter.statuses()->setCheckedValues({});
    EXPECT_EQ(changed.size(), 0);

    // Waiting checked in All open is the Waiting queue's query: switching changes nothing.
    filter.statuses()->setCheckedValues({int(Status::Waiting)});
    EXPECT_EQ(changed.size(), 1);
    EXPECT_TRUE(filter.setQueue(Queue::Waiting));
    EXPECT_EQ(changed.size(), 1);

    EXPECT_TRUE(filter.setText(u"pump"_s));
    EXPECT_FALSE(filter.setText(u" pump "_s));
    EXPECT_EQ(changed.size(), 2);
    EXPECT_EQ(filter.query().text, u"pump"_s);
}

TEST_F(QueueFilterTest, FacetModelsAreCheckable)
{
    FacetListModel *statuses = filter.statuses();
    ASSERT_EQ(statuses->rowCount(), core::StatusCount);
    const QModelIndex first = statuses->index(0, 0);
    EXPECT_TRUE(statuses->flags(first) & Qt::ItemIsUserCheckable);
    EXPECT_EQ(first.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QSignalSpy checked(statuses, &FacetListModel::checkedChanged);
    EXPECT_TRUE(statuses->setData(first, Qt::Checked, Qt::CheckStateRole));
    EXPECT_EQ(first.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    EXPECT_EQ(checked.size(), 1);
    EXPECT_EQ(statuses->checkedValues(), QList<int>{first.data(FacetListModel::ValueRole).toInt()});
    EXPECT_EQ(filter.priorities()->rowCount(), core::PriorityCount);
    EXPECT_EQ(filter.priorities()->index(0, 0).data().toString(), u"High"_s);
}

} // namespace
