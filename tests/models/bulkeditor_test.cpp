// models::BulkEditor against a real ticket-server with the demo data: rows follow each
// result, a stale ticket is listed and reapplied, undo restores the previous values, the
// query form, and an unreachable server refuses without changing rows.

#include "models/bulkeditor.h"
#include "models/tickettablemodel.h"
#include "ticketmodeltestsupport.h"

#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using models::BulkEditor;
using models::TicketTableModel;

namespace {

class BulkEditorTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_FALSE(http.loginStaff(u"anna"_s).isEmpty());
        ASSERT_TRUE(client.signIn(server.baseUrl(), u"anna"_s));
        model.setQuery(core::TicketQuery{});
        ASSERT_TRUE(QTest::qWaitFor([&] { return !model.isLoading(); }, 15000));
        ASSERT_GE(model.rowCount(), 5);
        for (int row = 0; row < 5; ++row)
            ids.append(model.idAt(row));
    }
    QString serverPriority(qint64 id)
    {
        return http.get(u"/tickets/"_s + QString::number(id))
            .object()
            .value(u"priority"_s)
            .toString();
    }
    // Gives the five tickets distinct known priorities on the server and waits for the rows.
    void setPriorities(const QStringList &values)
    {
        for (int i = 0; i < ids.size(); ++i) {
            const testsupport::HttpResult r = http.get(u"/tickets/"_s + QString::number(ids[i]));
            const qint64 version = r.object().value(u"version"_s).toInteger();
            const testsupport::HttpResult p =
                http.patch(u"/tickets/"_s + QString::number(ids[i]), {{u"priority"_s, values[i]}},
                           {{"If-Match", '"' + QByteArray::number(version) + '"'}});
            ASSERT_EQ(p.status, 200) << p.body.toStdString();
            model.applyTicket(p.object());
        }
    }

    testsupport::TestServer server;
    testsupport::ApiClient http{server.baseUrl()};
    modeltest::SignedInClient client;
    modeltest::TesterFailures failures;
    TicketTableModel model{&client.api};
    std::unique_ptr<QAbstractItemModelTester> tester = modeltest::TesterFailures::attach(&model);
    QList<qint64> ids;
};

TEST_F(BulkEditorTest, AppliesToTheSelectionAndUpdatesTheRowsThenUndoRestores)
{
    setPriorities({u"low"_s, u"normal"_s, u"low"_s, u"normal"_s, u"normal"_s});
    BulkEditor editor(&client.api, &model);
    QSignalSpy finished(&editor, &BulkEditor::finished);
    QSignalSpy applied(&editor, &BulkEditor::ticketApplied);
    ASSERT_TRUE(
        editor.apply(BulkEditor::Target::fromRows(&model, ids), {{u"priority"_s, u"high"_s}}));
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_EQ(finished.first().at(0).toInt(), 5);
    EXPECT_EQ(finished.first().at(1).toInt(), 0);
    EXPECT_EQ(applied.size(), 5);
    for (qint64 id : ids) {
        EXPECT_EQ(serverPriority(id), u"high"_s);
        EXPECT_EQ(model.summary(id)->priority, core::Priority::High);
    }
    ASSERT_TRUE(editor.canUndo());

    finished.clear();
    ASSERT_TRUE(editor.undo());
    // Two groups (low, normal): finished once, after both.
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_EQ(finished.first().at(0).toInt(), 5);
    const QStringList expected{u"low"_s, u"normal"_s, u"low"_s, u"normal"_s, u"normal"_s};
    for (int i = 0; i < ids.size(); ++i) {
        EXPECT_EQ(serverPriority(ids[i]), expected[i]) << i;
        EXPECT_EQ(core::toString(model.summary(ids[i])->priority), expected[i]);
    }
    EXPECT_FALSE(editor.canUndo());
}

TEST_F(BulkEditorTest, UndoEndsAfterItsWindow)
{
    BulkEditor editor(&client.api, &model);
    editor.setUndoWindow(200);
    QSignalSpy finished(&editor, &BulkEditor::finished);
    QSignalSpy undo(&editor, &BulkEditor::undoAvailableChanged);
    ASSERT_TRUE(editor.apply(BulkEditor::Target::fromRows(&model, ids.mid(0, 2)),
                             {{u"status"_s, u"open"_s}}));
    ASSERT_TRUE(finished.wait(10000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !editor.canUndo(); }, 5000));
    EXPECT_FALSE(undo.last().at(0).toBool());
    EXPECT_FALSE(editor.undo());
}

TEST_F(BulkEditorTest, StaleTicketIsListedAndReapplied)
{
    BulkEditor editor(&client.api, &model);
    const BulkEditor::Target target = BulkEditor::Target::fromRows(&model, ids);
    // Another client changes the third ticket after the table read it.
    const qint64 stale = ids[2];
    const testsupport::HttpResult other =
        http.patch(u"/tickets/"_s + QString::number(stale), {{u"title"_s, u"Changed elsewhere"_s}},
                   {{"If-Match", '"' + QByteArray::number(target.tickets[2].version) + '"'}});
    ASSERT_EQ(other.status, 200) << other.body.toStdString();

    QSignalSpy finished(&editor, &BulkEditor::finished);
    ASSERT_TRUE(editor.apply(target, {{u"priority"_s, u"high"_s}}, u"Bulk triage"_s));
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_EQ(finished.first().at(0).toInt(), 4);
    ASSERT_EQ(editor.failures().size(), 1);
    const BulkEditor::Failure failure = editor.failures().first();
    EXPECT_EQ(failure.id, stale);
    EXPECT_EQ(failure.status, 412);
    EXPECT_FALSE(failure.reason.isEmpty());
    EXPECT_FALSE(failure.number.isEmpty());
    EXPECT_EQ(editor.staleCount(), 1);
    EXPECT_NE(serverPriority(stale), u"high"_s);

    finished.clear();
    ASSERT_TRUE(editor.reapply());
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_EQ(finished.first().at(0).toInt(), 1);
    EXPECT_TRUE(editor.failures().isEmpty());
    EXPECT_EQ(serverPriority(stale), u"high"_s);
    EXPECT_EQ(model.summary(stale)->priority, core::Priority::High);
}

TEST_F(BulkEditorTest, QueryFormChangesWhatTheFilterMatches)
{
    core::TicketQuery query;
    query.priorities = {core::Priority::Low};
    query.statuses = {core::Status::New, core::Status::Open};
    const QJsonObject json = BulkEditor::queryJson(query);
    EXPECT_FALSE(json.contains(u"sort"_s));
    EXPECT_FALSE(json.contains(u"limit"_s));
    EXPECT_EQ(json.value(u"priority"_s).toString(), u"low"_s);

    BulkEditor editor(&client.api, &model);
    QSignalSpy count(&editor, &BulkEditor::matchingCount);
    editor.countMatching(query);
    ASSERT_TRUE(count.wait(10000));
    const int total = count.first().at(1).toInt();
    EXPECT_EQ(total, modeltest::serverTotal(http, query));
    ASSERT_GT(total, 0);
    const QList<qint64> matched = modeltest::serverIds(http, query);

    QSignalSpy finished(&editor, &BulkEditor::finished);
    ASSERT_TRUE(editor.apply(BulkEditor::Target::fromQuery(query), {{u"priority"_s, u"high"_s}}));
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_EQ(finished.first().at(0).toInt(), total);
    for (qint64 id : matched)
        EXPECT_EQ(serverPriority(id), u"high"_s);
    EXPECT_EQ(modeltest::serverTotal(http, query), 0);
}

TEST_F(BulkEditorTest, UnreachableServerRefusesAndRowsKeepTheirValues)
{
    const core::Priority before = model.summary(ids[0])->priority;
    const core::Priority wanted =
        before == core::Priority::High ? core::Priority::Low : core::Priority::High;
    BulkEditor editor(&client.api, &model);
    server.killHard();
    QSignalSpy refused(&editor, &BulkEditor::refused);
    QSignalSpy finished(&editor, &BulkEditor::finished);
    ASSERT_TRUE(editor.apply(BulkEditor::Target::fromRows(&model, ids),
                             {{u"priority"_s, core::toString(wanted)}}));
    ASSERT_TRUE(refused.wait(20000));
    EXPECT_TRUE(finished.isEmpty());
    const auto error = refused.first().at(0).value<client::ApiError>();
    EXPECT_FALSE(error.message.isEmpty());
    EXPECT_EQ(model.summary(ids[0])->priority, before);
    EXPECT_FALSE(editor.canUndo());
    EXPECT_FALSE(editor.isBusy());
}

TEST_F(BulkEditorTest, MoreThanTheServersLimitIsRefusedClearly)
{
    BulkEditor editor(&client.api, &model);
    BulkEditor::Target target;
    for (qint64 id = 1; id <= BulkEditor::MaxTickets + 1; ++id)
        target.tickets.append({id, 1});
    QSignalSpy refused(&editor, &BulkEditor::refused);
    ASSERT_TRUE(editor.apply(target, {{u"priority"_s, u"high"_s}}));
    ASSERT_TRUE(refused.wait(10000));
    const auto error = refused.first().at(0).value<client::ApiError>();
    EXPECT_EQ(error.status, 422);
    EXPECT_EQ(error.code, u"too_many"_s);
    EXPECT_TRUE(error.message.startsWith(u"More than"_s)) << error.message.toStdString();
    EXPECT_TRUE(editor.failures().isEmpty());
}

TEST_F(BulkEditorTest, NothingToSendIsNotSent)
{
    BulkEditor editor(&client.api, &model);
    EXPECT_FALSE(editor.apply({}, {{u"priority"_s, u"high"_s}}));
    EXPECT_FALSE(editor.apply(BulkEditor::Target::fromRows(&model, ids), {}));
    EXPECT_FALSE(editor.isBusy());
}

} // namespace
