// The admin view's fleet edits and the words for how a ticket was assigned: pure functions.
#include "models/assignmentinfo.h"
#include "models/fleetedits.h"

#include <QJsonArray>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace {

core::Fleet nord()
{
    // Members 2, 3, 4, 6 in turn; spare parts (flow 3) to 6 and 4.
    return {
        1, u"Nord"_s, core::FleetStrategy::RoundRobin, {2, 3, 4, 6}, {core::FlowRule{3, {6, 4}}}};
}

QString names(qint64 id)
{
    return id == 1 ? u"Anna Schmidt"_s : QString();
}

} // namespace

TEST(FleetEdits, AddingAMemberPutsThemLastInTurn)
{
    const core::Fleet f = models::withMember(nord(), 7, true);
    EXPECT_EQ(f.memberIds, (QList<qint64>{2, 3, 4, 6, 7}));
    EXPECT_EQ(models::withMember(nord(), 3, true).memberIds, nord().memberIds); // no twice
}

TEST(FleetEdits, RemovingAMemberTakesThemOutOfRulesAndDropsEmptyRules)
{
    core::Fleet f = models::withMember(nord(), 6, false);
    EXPECT_EQ(f.memberIds, (QList<qint64>{2, 3, 4}));
    ASSERT_EQ(f.flowRules.size(), 1);
    EXPECT_EQ(f.flowRules[0].memberIds, QList<qint64>{4});
    f = models::withMember(f, 4, false);
    EXPECT_TRUE(f.flowRules.isEmpty()); // a rule with nobody would route to nobody
}

TEST(FleetEdits, MovingChangesTheTurnOrderWithinBounds)
{
    EXPECT_EQ(models::withMemberMoved(nord(), 4, -1).memberIds, (QList<qint64>{2, 4, 3, 6}));
    EXPECT_EQ(models::withMemberMoved(nord(), 2, -1).memberIds, nord().memberIds);
    EXPECT_EQ(models::withMemberMoved(nord(), 6, 5).memberIds, nord().memberIds);
    EXPECT_EQ(models::withMemberMoved(nord(), 99, 1).memberIds, nord().memberIds);
}

TEST(FleetEdits, RuleMembersFollowTheTurnOrderAndOnlyMembersCount)
{
    core::Fleet f = models::withRuleMember(nord(), 3, 2, true);
    EXPECT_EQ(models::ruleMembers(f, 3), (QList<qint64>{2, 4, 6}));
    f = models::withRuleMember(f, 5, 3, true); // a new rule for flow 5
    EXPECT_EQ(models::ruleMembers(f, 5), QList<qint64>{3});
    f = models::withRuleMember(f, 5, 3, false);
    EXPECT_TRUE(models::ruleMembers(f, 5).isEmpty());
    EXPECT_EQ(f.flowRules.size(), 1);
    EXPECT_EQ(models::withRuleMember(nord(), 3, 8, true).flowRules[0].memberIds,
              (QList<qint64>{6, 4})); // 8 is no member: unchanged
}

TEST(FleetEdits, PatchBodyCarriesTheWholeState)
{
    const QJsonObject body = models::fleetPatchBody(nord());
    EXPECT_EQ(body.value(u"strategy").toString(), u"round_robin"_s);
    EXPECT_EQ(body.value(u"memberIds").toArray(), (QJsonArray{2, 3, 4, 6}));
    const QJsonArray rules = body.value(u"flowRules").toArray();
    ASSERT_EQ(rules.size(), 1);
    EXPECT_EQ(rules[0].toObject().value(u"flowId").toInteger(), 3);
    EXPECT_EQ(rules[0].toObject().value(u"memberIds").toArray(), (QJsonArray{6, 4}));
    EXPECT_EQ(body.keys().size(), 3);
}

TEST(FleetEdits, StrategiesHaveNamesAndDescriptions)
{
    const QList<core::FleetStrategy> all = models::fleetStrategies();
    EXPECT_EQ(all.size(), core::FleetStrategyCount);
    for (const core::FleetStrategy s : all) {
        EXPECT_FALSE(models::strategyLabel(s).isEmpty());
        EXPECT_FALSE(models::strategyPhrase(s).isEmpty());
        EXPECT_EQ(models::strategyPhrase(core::toString(s)), models::strategyPhrase(s));
        EXPECT_FALSE(models::strategyDescription(s).isEmpty());
    }
    // A strategy a newer server knows and this client does not is shown by its name.
    EXPECT_EQ(models::strategyPhrase(u"something_new"_s), u"something_new"_s);
}

TEST(AssignmentInfo, ARuleSaysFleetStrategyAndFlow)
{
    const QJsonObject rule{{u"assigneeId"_s, 6},
                           {u"by"_s, u"rule"_s},
                           {u"rule"_s, u"Nord, round_robin"_s},
                           {u"fleetId"_s, 1},
                           {u"fleet"_s, u"Nord"_s},
                           {u"strategy"_s, u"round_robin"_s},
                           {u"at"_s, u"2026-11-27T08:00:00.000Z"_s}};
    models::AssignmentInfo info = models::describeAssignment(rule, names);
    EXPECT_EQ(info.text, u"Automatically: fleet Nord, round robin"_s);
    EXPECT_FALSE(info.flagged);
    EXPECT_EQ(info.at, 1795766400000);

    QJsonObject withFlow = rule;
    withFlow.insert(u"flow"_s, u"Spare part order"_s);
    withFlow.insert(u"strategy"_s, u"least_open"_s);
    EXPECT_EQ(models::describeAssignment(withFlow, names).text,
              u"Automatically: fleet Nord, fewest open tickets, rule for Spare part order"_s);
    EXPECT_EQ(models::describeAssignment(withFlow, names).rule,
              u"Nord (fewest open tickets, rule for Spare part order)"_s);
    EXPECT_EQ(info.rule, u"Nord (round robin)"_s);
}

TEST(AssignmentInfo, OlderRecordsAreReadFromTheRuleText)
{
    const QJsonObject old{{u"assigneeId"_s, 6},
                          {u"by"_s, u"rule"_s},
                          {u"rule"_s, u"Süd, least_open, Parts, urgent"_s}};
    EXPECT_EQ(models::describeAssignment(old, names).text,
              u"Automatically: fleet Süd, fewest open tickets, rule for Parts, urgent"_s);
}

TEST(AssignmentInfo, NobodyAvailableIsFlagged)
{
    const QJsonObject none{{u"assigneeId"_s, QJsonValue::Null},
                           {u"by"_s, u"rule"_s},
                           {u"rule"_s, u"West, round_robin: nobody available"_s},
                           {u"unassigned"_s, true}};
    const models::AssignmentInfo info = models::describeAssignment(none, names);
    EXPECT_TRUE(info.flagged);
    EXPECT_EQ(info.text, u"Nobody available in fleet West (round robin): assign it by hand"_s);
}

TEST(AssignmentInfo, APersonIsNamed)
{
    EXPECT_EQ(models::describeAssignment({{u"assigneeId"_s, 6}, {u"by"_s, 1}}, names).text,
              u"By Anna Schmidt"_s);
    EXPECT_EQ(models::describeAssignment(
                  {{u"assigneeId"_s, 6}, {u"by"_s, 1}, {u"byName"_s, u"Anna S."_s}}, names)
                  .text,
              u"By Anna S."_s);
    EXPECT_EQ(
        models::describeAssignment({{u"assigneeId"_s, QJsonValue::Null}, {u"by"_s, 5}}, names).text,
        u"Unassigned by staff member 5"_s);
    EXPECT_TRUE(models::describeAssignment({}, names).text.isEmpty());
}
