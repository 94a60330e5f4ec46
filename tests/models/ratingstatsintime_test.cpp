// The models' first replies and resolutions in time: parsed from the known answer (null is
// "none", not zero), shown in the breakdown table (the share, its count in the tooltip, the
// header on two lines) and sorted by.
#include "ratingstatsknown.h"

using namespace ratingstatstest;

namespace {

TEST_F(RatingStatsTest, ParsesTheInTimeFigures)
{
    const RatingStats s = knownStats();
    // First replies and resolutions in time: counts and shares, null as "none".
    EXPECT_EQ(s.summary.inTime.firstReplyCount, 8);
    EXPECT_EQ(s.summary.inTime.firstReplyInTimeShare, std::optional<double>(0.75));
    EXPECT_EQ(s.summary.inTime.resolvedWithTargetCount, 5);
    EXPECT_EQ(s.summary.inTime.resolvedInTimeShare, std::optional<double>(0.4));
    EXPECT_EQ(s.summary.previous.inTime.firstReplyCount, 0);
    EXPECT_FALSE(s.summary.previous.inTime.firstReplyInTimeShare.has_value());
    EXPECT_EQ(s.summary.previous.inTime.resolvedInTimeShare, std::optional<double>(1.0));
    EXPECT_EQ(s.series.at(2).inTime.firstReplyInTimeShare, std::optional<double>(0.5));
    EXPECT_FALSE(s.series.at(2).inTime.resolvedInTimeShare.has_value());
    EXPECT_EQ(s.series.at(0).inTime, models::InTimeFigures{});
    EXPECT_EQ(s.breakdownFor(Dimension::Staff).at(0).inTime.resolvedInTimeShare,
              std::optional<double>(0.5));
    EXPECT_EQ(s.breakdownFor(Dimension::Staff).at(0).inTime.firstReplyCount, 3);
    EXPECT_EQ(s.breakdownFor(Dimension::Staff).at(1).inTime, models::InTimeFigures{});
}

TEST_F(RatingStatsTest, BreakdownShowsTheInTimeShares)
{
    BreakdownModel model;
    auto tester = modeltest::TesterFailures::attach(&model);
    model.setStats(knownStats());
    // In time: the share, the count it rests on in the tooltip; a dash without.
    const QString dash = models::shareText(std::nullopt);
    EXPECT_EQ(column(model, BreakdownModel::FirstReplyInTimeColumn),
              (QStringList{u"66.7%"_s, dash, dash}));
    EXPECT_EQ(column(model, BreakdownModel::ResolvedInTimeColumn),
              (QStringList{u"50.0%"_s, dash, dash}));
    EXPECT_EQ(
        model.index(0, BreakdownModel::FirstReplyInTimeColumn).data(Qt::ToolTipRole).toString(),
        u"Of 3 first reply(s) with a target"_s);
    EXPECT_EQ(model.headerData(BreakdownModel::FirstReplyInTimeColumn, Qt::Horizontal).toString(),
              u"First reply\nin time"_s);
    EXPECT_EQ(model.headerData(BreakdownModel::ResolvedInTimeColumn, Qt::Horizontal).toString(),
              u"Resolved\nin time"_s);
}

TEST_F(RatingStatsTest, BreakdownSortsByTheInTimeShares)
{
    BreakdownModel model;
    model.setStats(knownStats());
    model.sort(BreakdownModel::ResolvedInTimeColumn, Qt::AscendingOrder);
    // Without a share first (as -1), ties by the number of ratings.
    EXPECT_EQ(column(model, BreakdownModel::NameColumn),
              (QStringList{u"Unassigned"_s, u"Jonas Weber"_s, u"Tobias Becker"_s}));
    model.sort(BreakdownModel::FirstReplyInTimeColumn, Qt::DescendingOrder);
    EXPECT_EQ(column(model, BreakdownModel::NameColumn).value(0), u"Tobias Becker"_s);
}

} // namespace
