// The ticket table's Due column (issue 14, response clocks): the time left to the next
// running due time in short words, red when breached, amber within the hour, "paused" while
// the ticket waits, with an injected clock; a minute's tick changes that column only.

#include "core/timeutil.h"
#include "models/duecell.h"
#include "models/servicelevelforms.h"
#include "models/tickettablemodel.h"
#include "ticketmodeltestsupport.h"

#include <QBrush>
#include <QJsonArray>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using models::DueCell;
using models::TicketTableModel;

namespace {

constexpr qint64 Now = 1796130000000; // 2026-12-01 around 14:20 UTC
constexpr qint64 Minute = 60 * 1000;

QJsonValue iso(std::optional<qint64> msecs)
{
    return msecs ? QJsonValue(core::toIsoUtc(*msecs)) : QJsonValue(QJsonValue::Null);
}

QJsonObject clocks(std::optional<qint64> firstReplyDue, std::optional<qint64> resolutionDue,
                   std::optional<qint64> firstReplyAt = {}, std::optional<qint64> pausedSince = {},
                   const QStringList &breached = {})
{
    return QJsonObject{{u"firstReplyDue"_s, iso(firstReplyDue)},
                       {u"resolutionDue"_s, iso(resolutionDue)},
                       {u"firstReplyAt"_s, iso(firstReplyAt)},
                       {u"pausedSince"_s, iso(pausedSince)},
                       {u"breached"_s, QJsonArray::fromStringList(breached)}};
}

class DueColumnTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_TRUE(client.signIn(server.baseUrl(), u"anna"_s));
        model.setClock([this] { return now; });
        core::TicketQuery q;
        q.statuses = {core::Status::New, core::Status::Open};
        model.setQuery(q);
        ASSERT_TRUE(QTest::qWaitFor([&] { return !model.isLoading(); }, 15000));
        ASSERT_GT(model.rowCount(), 0);
        id = model.idAt(0);
        model.setPinnedTicket(id); // stays even when a status no longer matches
    }

    // The loaded row with these clocks (and status), as an event would bring it.
    void setClocks(const QJsonObject &c, const QString &status = u"open"_s)
    {
        QJsonObject t = model.summary(id)->toJson(true);
        t.insert(u"clocks"_s, c);
        t.insert(u"status"_s, status);
        model.applyTicket(t);
        ASSERT_GE(model.rowOf(id), 0);
    }
    QVariant due(int role = Qt::DisplayRole) const
    {
        return model.index(model.rowOf(id), TicketTableModel::DueColumn).data(role);
    }
    QColor foreground() const { return due(Qt::ForegroundRole).value<QBrush>().color(); }

    testsupport::TestServer server;
    modeltest::SignedInClient client;
    modeltest::TesterFailures failures;
    TicketTableModel model{&client.api};
    std::unique_ptr<QAbstractItemModelTester> tester = modeltest::TesterFailures::attach(&model);
    qint64 now = Now;
    qint64 id = 0;
};

TEST_F(DueColumnTest, HeaderSaysDueAndTheColumnSortsByTheServersDueOrder)
{
    EXPECT_EQ(model.headerData(TicketTableModel::DueColumn, Qt::Horizontal).toString(), u"Due");
    EXPECT_TRUE(TicketTableModel::isSortable(TicketTableModel::DueColumn));
    model.sort(TicketTableModel::DueColumn, Qt::AscendingOrder);
    ASSERT_EQ(model.query().sort.size(), 1);
    EXPECT_EQ(model.query().sort.first().field, core::SortKey::Field::Due);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model.isLoading(); }, 15000));
    // The server's order: due times ascending, tickets without one last.
    qint64 previous = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const qint64 order = model.index(row, TicketTableModel::DueColumn)
                                 .data(TicketTableModel::SortRole)
                                 .toLongLong();
        EXPECT_GE(order, previous) << "row " << row;
        previous = order;
    }
}

TEST_F(DueColumnTest, RunningClockShowsTheTimeLeftUncoloured)
{
    setClocks(clocks(Now + 130 * Minute, Now + 3 * 24 * 60 * Minute));
    EXPECT_EQ(due().toString(), u"2 h 10 min");
    EXPECT_FALSE(due(Qt::ForegroundRole).isValid());
    const QString tip = due(Qt::ToolTipRole).toString();
    EXPECT_TRUE(tip.contains(u"First reply due:")) << tip.toStdString();
    EXPECT_TRUE(tip.contains(u"Resolution due:")) << tip.toStdString();
}

TEST_F(DueColumnTest, AfterTheFirstReplyTheResolutionCounts)
{
    setClocks(clocks(Now - 30 * Minute, Now + (2 * 24 * 60 + 4 * 60) * Minute, Now - 40 * Minute));
    EXPECT_EQ(due().toString(), u"2 d 4 h");
    EXPECT_TRUE(due(Qt::ToolTipRole).toString().contains(u"First reply:"));
}

TEST_F(DueColumnTest, WithinTheHourIsAmber)
{
    setClocks(clocks(Now + 45 * Minute, Now + 8 * 60 * Minute));
    EXPECT_EQ(due().toString(), u"45 min");
    EXPECT_EQ(foreground(), DueCell::soonColor());
    EXPECT_EQ(due(Qt::AccessibleTextRole).toString(), u"45 min (due soon)");
}

TEST_F(DueColumnTest, BreachedIsRedAndSaysOverdue)
{
    setClocks(clocks(Now - 35 * Minute, Now + 8 * 60 * Minute, {}, {}, {u"firstReply"_s}));
    EXPECT_EQ(due().toString(), u"\u221235 min");
    EXPECT_EQ(foreground(), DueCell::breachedColor());
    EXPECT_EQ(due(Qt::AccessibleTextRole).toString(), u"overdue 35 min (breached)");
    // Long overdue: the largest unit only, so that the column stays narrow.
    setClocks(clocks(Now - (26 * 60 + 5) * Minute, {}, {}, {}, {u"firstReply"_s}));
    EXPECT_EQ(due().toString(), u"\u22121 d");
    EXPECT_TRUE(due(Qt::ToolTipRole).toString().contains(u"too late"));
}

TEST_F(DueColumnTest, WaitingTicketIsPaused)
{
    setClocks(clocks({}, {}, Now - 60 * Minute, Now - 20 * Minute), u"waiting"_s);
    EXPECT_EQ(due().toString(), u"paused");
    EXPECT_FALSE(due(Qt::ForegroundRole).isValid());
    EXPECT_TRUE(due(Qt::ToolTipRole).toString().contains(u"Paused while waiting since"));
    // A first reply that came too late: still paused, in red.
    setClocks(
        clocks(Now - 90 * Minute, {}, Now - 60 * Minute, Now - 20 * Minute, {u"firstReply"_s}),
        u"waiting"_s);
    EXPECT_EQ(due().toString(), u"paused");
    EXPECT_EQ(foreground(), DueCell::breachedColor());
}

TEST_F(DueColumnTest, NoTargetShowsADash)
{
    setClocks(clocks({}, {}));
    EXPECT_EQ(due().toString(), u"—");
    EXPECT_FALSE(due(Qt::ForegroundRole).isValid());
    EXPECT_EQ(due(Qt::ToolTipRole).toString(), u"No response targets apply.");
}

TEST_F(DueColumnTest, TimePassingTurnsTheCellAmberThenRedWithDataChangedOfThatColumnOnly)
{
    setClocks(clocks(Now + 61 * Minute, Now + 8 * 60 * Minute));
    EXPECT_EQ(due().toString(), u"1 h 1 min");
    modeltest::SignalLog log(&model);
    now = Now + 2 * Minute;
    model.refreshDue();
    EXPECT_EQ(log.text(), u"dataChanged(0,%1:%2-%2)"_s.arg(model.rowCount() - 1)
                              .arg(int(TicketTableModel::DueColumn)));
    EXPECT_EQ(due().toString(), u"59 min");
    EXPECT_EQ(foreground(), DueCell::soonColor());
    now = Now + 70 * Minute;
    model.refreshDue();
    EXPECT_EQ(due().toString(), u"\u22129 min");
    EXPECT_EQ(foreground(), DueCell::breachedColor());
}

TEST_F(DueColumnTest, ClocksOnlyUpdateChangesTheDueColumn)
{
    setClocks(clocks(Now + 300 * Minute, {}));
    modeltest::SignalLog log(&model);
    setClocks(clocks(Now + 30 * Minute, {}));
    const int row = model.rowOf(id);
    EXPECT_TRUE(
        log.contains(u"dataChanged(%1,%1:%2-%2)"_s.arg(row).arg(int(TicketTableModel::DueColumn))))
        << log.text().toStdString();
    EXPECT_FALSE(log.contains(u"modelReset"_s));
    EXPECT_EQ(due().toString(), u"30 min");
}

TEST(ServiceLevelForms, TargetsShowInTheLargestWholeUnit)
{
    namespace forms = models::servicelevelforms;
    EXPECT_EQ(forms::targetText(60).number, u"1");
    EXPECT_EQ(forms::targetText(60).unit, forms::Unit::Hours);
    EXPECT_EQ(forms::targetText(1620).unit, forms::Unit::Days);
    EXPECT_EQ(forms::targetText(1620).number, u"3");
    EXPECT_EQ(forms::targetText(90).unit, forms::Unit::Minutes);
    EXPECT_TRUE(forms::targetText(QJsonValue::Null).number.isEmpty());
    EXPECT_EQ(*forms::targetMinutes(u"2"_s, forms::Unit::Hours), QJsonValue(120));
    EXPECT_EQ(*forms::targetMinutes(u"1"_s, forms::Unit::Days), QJsonValue(540));
    EXPECT_TRUE(forms::targetMinutes(u""_s, forms::Unit::Hours)->isNull());
    EXPECT_EQ(*forms::targetMinutes(u"-1"_s, forms::Unit::Hours), QJsonValue(-60));
    EXPECT_FALSE(forms::targetMinutes(u"soon"_s, forms::Unit::Hours).has_value());
    const QJsonArray intervals = forms::intervalsFrom(u"08:00–12:00, 13:00 - 17:00"_s);
    EXPECT_EQ(forms::intervalsText(intervals), u"08:00–12:00, 13:00–17:00");
    EXPECT_TRUE(forms::intervalsFrom(u""_s).isEmpty());
    EXPECT_EQ(forms::holidaysFrom(u"2026-12-24\n2026-12-25"_s).size(), 2);
}

} // namespace
