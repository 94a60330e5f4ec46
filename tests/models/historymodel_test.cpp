// HistoryModel against a real ticket-server: the history as the server lists it, one
// translated sentence per entry, and updates appended in place.
#include "models/historymodel.h"
#include "models/labels.h"
#include "ticketmodeltestsupport.h"

using namespace Qt::StringLiterals;
using models::HistoryModel;

namespace {

class HistoryModelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_FALSE(http.loginStaff(u"anna"_s).isEmpty());
        ASSERT_TRUE(client.signIn(server.baseUrl(), testsupport::demoLogin(u"agent"_s)));
        for (const QJsonValue &v : http.get(u"/staff"_s).items()) {
            const QJsonObject o = v.toObject();
            names.insert(o.value(u"id"_s).toInteger(), o.value(u"name"_s).toString());
        }
        ASSERT_EQ(names.size(), 8);
    }

    qint64 newTicket(const QString &title)
    {
        const QJsonObject t = testsupport::createTicket(http, title, {{u"deviceId"_s, 1}});
        return t.value(u"id"_s).toInteger();
    }

    // A change by anna (the helper), as the event stream would announce it.
    core::Event edit(qint64 id, const QJsonObject &change)
    {
        const testsupport::HttpResult r =
            http.patch(u"/tickets/%1"_s.arg(id), change,
                       {{"If-Match", '"' + QByteArray::number(http.versionOf(id)) + '"'}});
        EXPECT_EQ(r.status, 200) << r.body.toStdString();
        core::Event e;
        e.type = u"ticket.updated"_s;
        e.ticketId = id;
        e.data = r.object();
        e.data.insert(u"changes"_s, change);
        return e;
    }

    // The server's entries the model shows: each assignment is written twice (the assignee
    // change and the record of how); the model shows a person's change by its assignee row
    // and a rule's by its record.
    QList<qint64> shownIds(qint64 id)
    {
        const QJsonArray items = http.get(u"/tickets/%1/history"_s.arg(id)).items();
        const auto byRule = [&items](qsizetype i) {
            const QJsonObject o = items.at(i).toObject();
            return o.value(u"field"_s) == u"assignment"_s &&
                   o.value(u"to"_s).toObject().value(u"by"_s) == u"rule"_s;
        };
        QList<qint64> ids;
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QJsonObject o = items.at(i).toObject();
            const QString field = o.value(u"field"_s).toString();
            if ((field == u"assignment" && !byRule(i)) ||
                (field == u"assigneeId" && i + 1 < items.size() && byRule(i + 1)))
                continue;
            ids.append(o.value(u"id"_s).toInteger());
        }
        return ids;
    }

    static QString lastSentence(const HistoryModel &model)
    {
        return model.index(model.rowCount() - 1).data().toString();
    }

    modeltest::TesterFailures failures;
    testsupport::TestServer server;
    testsupport::ApiClient http{server.baseUrl()};
    modeltest::SignedInClient client;
    QHash<qint64, QString> names;
};

TEST_F(HistoryModelTest, LoadsTheServersHistoryAsSentences)
{
    const qint64 id = newTicket(u"Verlauf"_s);
    ASSERT_GT(id, 0);
    HistoryModel model(&client.api);
    auto tester = modeltest::TesterFailures::attach(&model);
    model.setStaffNames(names);
    model.setTicket(id);
    const int expected = int(shownIds(id).size());
    ASSERT_GT(expected, 0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.rowCount() == expected; }, 10000));

    const QModelIndex created = model.index(0);
    EXPECT_EQ(created.data(HistoryModel::FieldRole).toString(), u"created"_s);
    EXPECT_EQ(created.data(HistoryModel::ActorRole).toString(), u"Anna Schmidt"_s);
    EXPECT_EQ(created.data().toString(), u"Anna Schmidt created the ticket"_s);
    const QDateTime at = created.data(HistoryModel::AtRole).toDateTime();
    EXPECT_EQ(at.timeSpec(), Qt::LocalTime);
    EXPECT_LT(qAbs(at.secsTo(QDateTime::currentDateTime())), 300);
}

TEST_F(HistoryModelTest, APriorityChangeIsAppendedAndToldWithTheLabels)
{
    const qint64 id = newTicket(u"Priorität"_s);
    HistoryModel model(&client.api);
    auto tester = modeltest::TesterFailures::attach(&model);
    model.setStaffNames(names);
    model.setTicket(id);
    const int before = int(shownIds(id).size());
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.rowCount() == before; }, 10000));

    modeltest::SignalLog log(&model);
    model.applyEvent(edit(id, {{u"priority"_s, u"high"_s}}));
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.rowCount() == before + 1; }, 10000));
    EXPECT_EQ(log.text(), u"rowsInserted(%1,%1)"_s.arg(before));

    const QModelIndex last = model.index(before);
    EXPECT_EQ(last.data(HistoryModel::FieldRole).toString(), u"priority"_s);
    EXPECT_EQ(last.data(HistoryModel::FromRole).toString(), u"normal"_s);
    EXPECT_EQ(last.data(HistoryModel::ToRole).toString(), u"high"_s);
    const QString sentence = last.data().toString();
    EXPECT_TRUE(sentence.contains(models::priorityLabel(core::Priority::Normal)))
        << sentence.toStdString();
    EXPECT_TRUE(sentence.contains(models::priorityLabel(core::Priority::High)))
        << sentence.toStdString();
    EXPECT_EQ(sentence, u"Anna Schmidt changed the priority from Normal to High"_s);

    // Another ticket's update fetches nothing.
    log.clear();
    const qint64 other = newTicket(u"Anderes"_s);
    model.applyEvent(edit(other, {{u"priority"_s, u"low"_s}}));
    EXPECT_EQ(client.api.jobsInFlight(), 0) << "another ticket's update fetched";
    ASSERT_TRUE(modeltest::allAnswered(client.api));
    EXPECT_EQ(log.text(), QString());
}

TEST_F(HistoryModelTest, StatusVisibilityAssigneeAndTitleSentences)
{
    const qint64 id = newTicket(u"Alter Titel"_s);
    HistoryModel model(&client.api);
    auto tester = modeltest::TesterFailures::attach(&model);
    model.setTicket(id);
    int rows = int(shownIds(id).size());
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.rowCount() == rows; }, 10000));

    auto step = [&](const QJsonObject &change) {
        model.applyEvent(edit(id, change));
        ++rows;
        EXPECT_TRUE(QTest::qWaitFor([&] { return model.rowCount() == rows; }, 10000));
        return lastSentence(model);
    };
    EXPECT_EQ(step({{u"status"_s, u"open"_s}}),
              u"Anna Schmidt changed the status from %1 to %2"_s.arg(
                  models::statusLabel(core::Status::New), models::statusLabel(core::Status::Open)));
    EXPECT_EQ(step({{u"visibility"_s, u"internal"_s}}),
              u"Anna Schmidt changed the visibility from Public to Internal"_s);
    EXPECT_EQ(step({{u"title"_s, u"Neuer Titel"_s}}),
              u"Anna Schmidt changed the title to \u201cNeuer Titel\u201d"_s);

    // Assignees are named through the directory's names; before those arrive, by number.
    const QJsonValue initial = http.get(u"/tickets/%1"_s.arg(id)).object().value(u"assigneeId"_s);
    if (!initial.isNull()) { // assigned by the fleet's rule on creation
        EXPECT_EQ(
            step({{u"assigneeId"_s, QJsonValue::Null}}),
            u"Anna Schmidt unassigned the ticket from staff member #%1"_s.arg(initial.toInteger()));
    }
    const qint64 murat = 4;
    ASSERT_EQ(names.value(murat), u"Murat Demir"_s);
    const QString assigned = step({{u"assigneeId"_s, murat}});
    EXPECT_EQ(assigned, u"Anna Schmidt assigned the ticket to staff member #4"_s);
    modeltest::SignalLog log(&model);
    model.setStaffNames(names);
    EXPECT_EQ(log.text(), u"dataChanged(0,%1:0-0)"_s.arg(rows - 1));
    EXPECT_EQ(lastSentence(model), u"Anna Schmidt assigned the ticket to Murat Demir"_s);
    EXPECT_EQ(step({{u"assigneeId"_s, 2}}),
              u"Anna Schmidt changed the assignee from Murat Demir to Jonas Weber"_s);
    const QString unassigned = step({{u"assigneeId"_s, QJsonValue::Null}});
    EXPECT_EQ(unassigned, u"Anna Schmidt unassigned the ticket from Jonas Weber"_s);
}

TEST_F(HistoryModelTest, AssignmentsSayHowTheyWereMade)
{
    // Anna creates a ticket for a Nord device without choosing: round robin picks.
    const qint64 id = newTicket(u"Wer bekommt es?"_s);
    const QJsonObject ticket = http.get(u"/tickets/%1"_s.arg(id)).object();
    const QJsonValue assignee = ticket.value(u"assigneeId"_s);
    ASSERT_FALSE(assignee.isNull()) << "Nord has available members";
    HistoryModel model(&client.api);
    auto tester = modeltest::TesterFailures::attach(&model);
    model.setStaffNames(names);
    model.setTicket(id);
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.rowCount() == 2; }, 10000));
    EXPECT_EQ(shownIds(id).size(), 2);
    EXPECT_EQ(model.index(1).data(HistoryModel::FieldRole).toString(), u"assignment"_s);
    EXPECT_EQ(lastSentence(model), u"Fleet Nord (round robin) assigned it to %1"_s.arg(
                                       names.value(assignee.toInteger())));
    EXPECT_TRUE(model.index(1).data(Qt::ToolTipRole).toString().contains(lastSentence(model)));

    // A person's reassignment: one row, the assignee change (its record is not repeated).
    const qint64 murat = 4;
    const qint64 other = assignee.toInteger() == murat ? 2 : murat;
    model.applyEvent(edit(id, {{u"assigneeId"_s, other}}));
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.rowCount() == 3; }, 10000));
    ASSERT_TRUE(modeltest::allAnswered(client.api)); // a second fetch is in too
    EXPECT_EQ(model.rowCount(), 3);
    EXPECT_EQ(lastSentence(model), u"Anna Schmidt changed the assignee from %1 to %2"_s.arg(
                                       names.value(assignee.toInteger()), names.value(other)));
}

TEST_F(HistoryModelTest, UpdatesDuringAFetchAreFetchedAgain)
{
    const qint64 id = newTicket(u"Schnell hintereinander"_s);
    HistoryModel model(&client.api);
    auto tester = modeltest::TesterFailures::attach(&model);
    model.setStaffNames(names);
    model.setTicket(id);
    // Two changes announced before the first fetch is answered.
    model.applyEvent(edit(id, {{u"priority"_s, u"low"_s}}));
    model.applyEvent(edit(id, {{u"status"_s, u"open"_s}}));
    const int expected = int(shownIds(id).size());
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.rowCount() == expected; }, 10000));
    ASSERT_TRUE(modeltest::allAnswered(client.api)); // a second fetch is in too
    EXPECT_EQ(model.rowCount(), expected);
    EXPECT_EQ(model.index(expected - 1).data(HistoryModel::FieldRole).toString(), u"status"_s);
}

TEST_F(HistoryModelTest, AnAnswerForThePreviousTicketIsIgnored)
{
    const qint64 first = newTicket(u"Erstes"_s);
    edit(first, {{u"priority"_s, u"high"_s}});
    edit(first, {{u"status"_s, u"open"_s}});
    const qint64 second = newTicket(u"Zweites"_s);
    HistoryModel model(&client.api);
    auto tester = modeltest::TesterFailures::attach(&model);
    model.setTicket(first);
    model.setTicket(second);
    const int expected = int(shownIds(second).size());
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.rowCount() == expected; }, 10000));
    ASSERT_TRUE(modeltest::allAnswered(client.api)); // the first ticket's answer is in too
    EXPECT_EQ(model.rowCount(), expected);
    EXPECT_EQ(model.ticketId(), second);
    EXPECT_NE(int(shownIds(first).size()), expected);
}

} // namespace
