// The command palette's model: fuzzy matching (case- and accent-insensitive subsequences),
// ranking best first, kinds replaced whole, providers first, under QAbstractItemModelTester.
#include "models/palettemodel.h"
#include "ticketmodeltestsupport.h"

#include <QStringList>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using models::PaletteModel;

namespace {

QStringList texts(const PaletteModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row).data().toString());
    return out;
}

QList<PaletteModel::Entry> actions(const QStringList &names)
{
    QList<PaletteModel::Entry> out;
    for (const QString &name : names)
        out.append({u"action"_s, name, QString(), QString::number(out.size())});
    return out;
}

} // namespace

TEST(PaletteModel, FoldsCaseAndAccents)
{
    EXPECT_EQ(PaletteModel::fold(u"Priorität"_s), u"prioritat"_s);
    EXPECT_EQ(PaletteModel::fold(u"ÉCOLE Straße"_s), u"ecole strasse"_s);
    EXPECT_GE(PaletteModel::score(u"prio", PaletteModel::fold(u"Priorität hoch"_s)), 0);
    EXPECT_GE(PaletteModel::score(u"rtst", PaletteModel::fold(u"Rating statistics…"_s)), 0);
    EXPECT_LT(PaletteModel::score(u"xyz", PaletteModel::fold(u"Rating statistics…"_s)), 0);
    // The order of the typed characters counts: a subsequence, not a set.
    EXPECT_LT(PaletteModel::score(u"tsr", PaletteModel::fold(u"Rating statistics"_s)), 0);
}

TEST(PaletteModel, FiltersAndRanksBestFirst)
{
    modeltest::TesterFailures failures;
    PaletteModel model;
    auto tester = modeltest::TesterFailures::attach(&model);
    model.setEntries(u"action"_s, actions({u"Reload"_s, u"Assign to me"_s, u"Rating statistics…"_s,
                                           u"Priorität setzen"_s, u"Set priority high"_s,
                                           u"Fleets and absences…"_s}));
    EXPECT_EQ(model.rowCount(), 6);
    EXPECT_EQ(texts(model).first(), u"Reload"_s); // nothing typed: in their order

    model.setFilter(u"prio"_s);
    // A word that starts with it first, then a word containing it; nothing scattered.
    EXPECT_EQ(texts(model), (QStringList{u"Priorität setzen"_s, u"Set priority high"_s}));

    model.setFilter(u"PRIORITAT"_s); // case and accents do not matter
    EXPECT_EQ(texts(model), QStringList{u"Priorität setzen"_s});

    model.setFilter(u"statist"_s);
    EXPECT_EQ(texts(model), QStringList{u"Rating statistics…"_s});

    // Scattered letters still find it; word starts rank above letters inside words.
    model.setFilter(u"as"_s);
    const QStringList as = texts(model);
    ASSERT_FALSE(as.isEmpty());
    EXPECT_EQ(as.first(), u"Assign to me"_s);
    EXPECT_TRUE(as.contains(u"Fleets and absences…"_s));

    model.setFilter(u"atm"_s); // Assign To Me
    EXPECT_EQ(texts(model).value(0), u"Assign to me"_s);

    // Words typed apart: together as typed first, else as letters in order.
    model.setFilter(u"set prio"_s);
    EXPECT_EQ(texts(model), QStringList{u"Set priority high"_s}); // in the order typed
    model.setFilter(u"prio setz"_s);
    EXPECT_EQ(texts(model), QStringList{u"Priorität setzen"_s});

    model.setFilter(u"zzz"_s);
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(PaletteModel, KindsAreReplacedWholeAndProvidersComeFirst)
{
    modeltest::TesterFailures failures;
    PaletteModel model;
    auto tester = modeltest::TesterFailures::attach(&model);
    model.setEntries(u"action"_s, actions({u"Reload"_s, u"Open in window"_s}));
    model.setEntries(u"view"_s, {{u"view"_s, u"Go to view My open tickets"_s, {}, u"7"_s}});
    EXPECT_EQ(model.entryCount(), 3);
    model.setEntries(u"view"_s, {{u"view"_s, u"Go to view Waiting"_s, {}, u"8"_s},
                                 {u"view"_s, u"Go to view Open high"_s, {}, u"9"_s}});
    EXPECT_EQ(model.entryCount(), 4);
    model.setFilter(u"open"_s);
    EXPECT_EQ(texts(model), (QStringList{u"Open in window"_s, u"Go to view Open high"_s}));

    model.addProvider([](const QString &typed) {
        QList<PaletteModel::Entry> out;
        if (typed == u"open"_s)
            out.append({u"ticket"_s, u"Open T-000001"_s, u"Ticket"_s, u"1"_s});
        return out;
    });
    ASSERT_EQ(model.rowCount(), 3);
    const PaletteModel::Entry first = model.entry(0);
    EXPECT_EQ(first.kind, u"ticket"_s);
    EXPECT_EQ(first.key, u"1"_s);
    EXPECT_EQ(model.index(0).data(PaletteModel::DetailRole).toString(), u"Ticket"_s);

    model.setEntries(u"view"_s, {});
    EXPECT_EQ(texts(model), (QStringList{u"Open T-000001"_s, u"Open in window"_s}));
    model.setFilter(QString());
    EXPECT_EQ(model.rowCount(), 2); // the provider offers nothing for nothing typed
}
