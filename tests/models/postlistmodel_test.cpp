// PostListModel against a real ticket-server: the conversation as the server orders it
// (all pages), live events appended in place, stale answers dropped, and the outbox's
// sends shown as pending rows until the server confirms them.
#include "client/outbox.h"
#include "models/postlistmodel.h"
#include "ticketmodeltestsupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using models::PostListModel;

namespace {

class PostListModelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_FALSE(http.loginStaff(testsupport::demoLogin(u"admin"_s)).isEmpty());
        ASSERT_TRUE(client.signIn(server.baseUrl(), testsupport::demoLogin(u"agent"_s)));
    }

    qint64 newTicket(const QString &title)
    {
        const QJsonObject t = testsupport::createTicket(http, title, {{u"deviceId"_s, 1}});
        return t.value(u"id"_s).toInteger();
    }

    // Posts as the helper (not the model's user) and returns the post's JSON.
    QJsonObject post(qint64 ticketId, const QString &body, const QString &kind = u"messages"_s)
    {
        const testsupport::HttpResult r =
            http.post(u"/tickets/%1/%2"_s.arg(ticketId).arg(kind), {{u"body"_s, body}});
        EXPECT_EQ(r.status, 201) << r.body.toStdString();
        return r.object();
    }

    // Every post of the ticket through GET, page by page: the server's own order.
    QList<qint64> serverIds(qint64 ticketId, const QString &kind = u"messages"_s)
    {
        QList<qint64> ids;
        QString after = u"0"_s;
        for (int guard = 0; guard < 100 && !after.isEmpty(); ++guard) {
            const testsupport::HttpResult r =
                http.get(u"/tickets/%1/%2?limit=50&after=%3"_s.arg(ticketId).arg(kind, after));
            EXPECT_EQ(r.status, 200) << r.body.toStdString();
            for (const QJsonValue &v : r.items())
                ids.append(v.toObject().value(u"id"_s).toInteger());
            after = r.object().value(u"nextCursor"_s).toString();
        }
        return ids;
    }

    static core::Event eventFor(const QString &type, qint64 ticketId, const QJsonObject &post)
    {
        core::Event e;
        e.seq = 1000;
        e.type = type;
        e.ticketId = ticketId;
        e.data = post;
        return e;
    }

    // Outbox::sent as the list of confirmed posts.
    struct Sent {
        explicit Sent(client::Outbox *outbox)
        {
            QObject::connect(
                outbox, &client::Outbox::sent, &context,
                [this](const client::OutboxItem &, const core::Post &post) { posts.append(post); });
        }
        QObject context;
        QList<core::Post> posts;
    };

    static QList<qint64> modelIds(const PostListModel &model)
    {
        QList<qint64> ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.append(model.index(row).data(PostListModel::IdRole).toLongLong());
        return ids;
    }

    static bool waitLoaded(const PostListModel &model)
    {
        return QTest::qWaitFor([&] { return !model.isLoading(); }, 15000);
    }

    modeltest::TesterFailures failures;
    testsupport::TestServer server;
    testsupport::ApiClient http{server.baseUrl()};
    modeltest::SignedInClient client;
};

TEST_F(PostListModelTest, LoadsEveryPageInSeqOrderAsTheServerLists)
{
    const qint64 id = newTicket(u"Lange Unterhaltung"_s);
    ASSERT_GT(id, 0);
    // More than one page of 200: the model has to follow nextCursor.
    for (int i = 1; i <= 203; ++i)
        post(id, u"Nachricht %1"_s.arg(i));
    const QList<qint64> expected = serverIds(id);
    ASSERT_EQ(expected.size(), 203);

    PostListModel model(&client.api, nullptr, PostListModel::Kind::Messages);
    auto tester = modeltest::TesterFailures::attach(&model);
    QSignalSpy loading(&model, &PostListModel::loadingChanged);
    model.setTicket(id);
    EXPECT_TRUE(model.isLoading());
    ASSERT_TRUE(waitLoaded(model));
    EXPECT_EQ(loading.count(), 2);

    EXPECT_EQ(modelIds(model), expected);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex idx = model.index(row);
        EXPECT_EQ(idx.data(PostListModel::SeqRole).toLongLong(), row + 1);
        EXPECT_EQ(idx.data(Qt::DisplayRole).toString(), u"Nachricht %1"_s.arg(row + 1));
        EXPECT_FALSE(idx.data(PostListModel::PendingRole).toBool());
        // Written by the admin helper, not by the agent signed in to the model's client.
        EXPECT_FALSE(idx.data(PostListModel::MineRole).toBool());
        EXPECT_EQ(idx.data(PostListModel::AuthorTypeRole).toString(), u"staff"_s);
    }
    const QDateTime at = model.index(0).data(PostListModel::CreatedAtRole).toDateTime();
    EXPECT_TRUE(at.isValid());
    EXPECT_EQ(at.timeSpec(), Qt::LocalTime);
    EXPECT_LT(qAbs(at.secsTo(QDateTime::currentDateTime())), 300);
}

TEST_F(PostListModelTest, NotesAreTheirOwnListAndMineIsMarked)
{
    const qint64 id = newTicket(u"Notizen"_s);
    ASSERT_GT(id, 0);
    post(id, u"Öffentliche Nachricht"_s);
    post(id, u"Interne Notiz vom Admin"_s, u"notes"_s);
    // A note by the model's own user.
    testsupport::ApiClient agent(server.baseUrl());
    ASSERT_FALSE(agent.loginStaff(testsupport::demoLogin(u"agent"_s)).isEmpty());
    ASSERT_EQ(agent.post(u"/tickets/%1/notes"_s.arg(id), {{u"body"_s, u"Meine Notiz"_s}}).status,
              201);

    PostListModel model(&client.api, nullptr, PostListModel::Kind::Notes);
    auto tester = modeltest::TesterFailures::attach(&model);
    model.setTicket(id);
    ASSERT_TRUE(waitLoaded(model));
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(modelIds(model), serverIds(id, u"notes"_s));
    EXPECT_EQ(model.index(0).data().toString(), u"Interne Notiz vom Admin"_s);
    EXPECT_FALSE(model.index(0).data(PostListModel::MineRole).toBool());
    EXPECT_EQ(model.index(1).data(PostListModel::BodyRole).toString(), u"Meine Notiz"_s);
    EXPECT_TRUE(model.index(1).data(PostListModel::MineRole).toBool());
}

TEST_F(PostListModelTest, EventsAppendWithoutResetAndOnlyOnce)
{
    const qint64 id = newTicket(u"Live"_s);
    const qint64 otherId = newTicket(u"Anderes Ticket"_s);
    ASSERT_GT(otherId, 0);
    post(id, u"Erste"_s);

    PostListModel model(&client.api, nullptr, PostListModel::Kind::Messages);
    auto tester = modeltest::TesterFailures::attach(&model);
    model.setTicket(id);
    ASSERT_TRUE(waitLoaded(model));
    ASSERT_EQ(model.rowCount(), 1);

    modeltest::SignalLog log(&model);
    const QJsonObject second = post(id, u"Zweite"_s);
    model.applyEvent(eventFor(u"message.created"_s, id, second));
    EXPECT_EQ(log.text(), u"rowsInserted(1,1)"_s);
    EXPECT_EQ(model.index(1).data().toString(), u"Zweite"_s);
    EXPECT_EQ(model.index(1).data(PostListModel::IdRole).toLongLong(),
              second.value(u"id"_s).toInteger());

    // The same post again, a note, another ticket's message: nothing changes.
    log.clear();
    model.applyEvent(eventFor(u"message.created"_s, id, second));
    model.applyEvent(eventFor(u"note.created"_s, id, post(id, u"Notiz"_s, u"notes"_s)));
    model.applyEvent(eventFor(u"message.created"_s, otherId, post(otherId, u"Woanders"_s)));
    EXPECT_EQ(log.text(), QString());
    EXPECT_EQ(modelIds(model), serverIds(id));
}

TEST_F(PostListModelTest, EventsDuringTheLoadAreMergedOnce)
{
    const qint64 id = newTicket(u"Frühe Ereignisse"_s);
    post(id, u"Eins"_s);
    const QJsonObject two = post(id, u"Zwei"_s);

    PostListModel model(&client.api, nullptr, PostListModel::Kind::Messages);
    auto tester = modeltest::TesterFailures::attach(&model);
    model.setTicket(id);
    ASSERT_TRUE(model.isLoading());
    // Already in the answer the load will bring, and arriving before it.
    model.applyEvent(eventFor(u"message.created"_s, id, two));
    ASSERT_TRUE(waitLoaded(model));
    EXPECT_EQ(modelIds(model), serverIds(id));
    EXPECT_EQ(model.rowCount(), 2);
}

TEST_F(PostListModelTest, AnAnswerForThePreviousTicketIsIgnored)
{
    const qint64 first = newTicket(u"Erstes"_s);
    const qint64 second = newTicket(u"Zweites"_s);
    for (int i = 0; i < 5; ++i)
        post(first, u"Erstes Ticket %1"_s.arg(i));
    post(second, u"Zweites Ticket"_s);

    PostListModel model(&client.api, nullptr, PostListModel::Kind::Messages);
    auto tester = modeltest::TesterFailures::attach(&model);
    model.setTicket(first);
    model.setTicket(second); // before the first answer is in
    EXPECT_EQ(model.ticketId(), second);
    ASSERT_TRUE(waitLoaded(model));
    ASSERT_TRUE(modeltest::allAnswered(client.api)); // a late answer for `first` is in too
    EXPECT_EQ(modelIds(model), serverIds(second));

    model.setTicket(0);
    EXPECT_FALSE(model.isLoading());
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(PostListModelTest, AnOutboxSendIsPendingThenConfirmed)
{
    const qint64 id = newTicket(u"Ausgang"_s);
    post(id, u"Frage aus dem Feld"_s);
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    client::Outbox outbox(&client.api, dir.filePath(u"outbox.json"_s));

    PostListModel model(&client.api, &outbox, PostListModel::Kind::Messages);
    auto tester = modeltest::TesterFailures::attach(&model);
    model.setTicket(id);
    ASSERT_TRUE(waitLoaded(model));
    ASSERT_EQ(model.rowCount(), 1);

    Sent sent(&outbox);
    const QString key = outbox.enqueue(id, client::OutboxItem::Kind::Message, u"Antwort"_s);
    // Shown at once, before the server has answered.
    ASSERT_EQ(model.rowCount(), 2);
    QModelIndex pending = model.index(1);
    EXPECT_TRUE(pending.data(PostListModel::PendingRole).toBool());
    EXPECT_EQ(pending.data(PostListModel::OutboxKeyRole).toString(), key);
    EXPECT_EQ(pending.data(PostListModel::IdRole).toLongLong(), 0);
    EXPECT_EQ(pending.data().toString(), u"Antwort"_s);
    EXPECT_TRUE(pending.data(PostListModel::MineRole).toBool());
    EXPECT_TRUE(pending.data(PostListModel::FailedRole).toString().isEmpty());

    ASSERT_TRUE(QTest::qWaitFor([&] { return sent.posts.size() == 1; }, 10000));
    ASSERT_EQ(model.rowCount(), 2);
    const QModelIndex confirmed = model.index(1);
    EXPECT_FALSE(confirmed.data(PostListModel::PendingRole).toBool());
    EXPECT_GT(confirmed.data(PostListModel::IdRole).toLongLong(), 0);
    EXPECT_EQ(confirmed.data(PostListModel::SeqRole).toLongLong(), 2);
    EXPECT_TRUE(confirmed.data(PostListModel::MineRole).toBool());
    EXPECT_EQ(modelIds(model), serverIds(id));

    // The stream's copy of the same post does not add a row.
    model.applyEvent(eventFor(u"message.created"_s, id, sent.posts.first().toJson()));
    EXPECT_EQ(model.rowCount(), 2);
}

TEST_F(PostListModelTest, TheEventBeforeTheSendsAnswerLeavesOneRow)
{
    const qint64 id = newTicket(u"Ereignis zuerst"_s);
    ASSERT_GT(id, 0);
    // The outbox's own client has no token yet: the item waits, as it does while signed out.
    client::ApiClient outboxApi(&client.nam);
    outboxApi.setBaseUrl(QUrl(server.baseUrl()));
    QTemporaryDir dir;
    client::Outbox outbox(&outboxApi, dir.filePath(u"outbox.json"_s));
    PostListModel model(&client.api, &outbox, PostListModel::Kind::Notes);
    auto tester = modeltest::TesterFailures::attach(&model);
    model.setTicket(id);
    ASSERT_TRUE(waitLoaded(model));

    const QString body = u"Notiz über den Ausgang"_s;
    const QString key = outbox.enqueue(id, client::OutboxItem::Kind::Note, body);
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_TRUE(model.index(0).data(PostListModel::PendingRole).toBool());

    // The server takes the same request (same key) another way, and its event comes first.
    testsupport::ApiClient agent(server.baseUrl());
    agent.setToken(client.api.token());
    const testsupport::HttpResult created = agent.post(
        u"/tickets/%1/notes"_s.arg(id), {{u"body"_s, body}, {u"attachmentIds"_s, QJsonArray()}},
        {{"Idempotency-Key", key.toLatin1()}});
    ASSERT_EQ(created.status, 201) << created.body.toStdString();
    model.applyEvent(eventFor(u"note.created"_s, id, created.object()));
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_FALSE(model.index(0).data(PostListModel::PendingRole).toBool());
    EXPECT_TRUE(model.index(1).data(PostListModel::PendingRole).toBool());

    // Now the outbox's send is answered with the same post: the pending row just goes.
    Sent sent(&outbox);
    modeltest::SignalLog log(&model);
    outboxApi.setToken(client.api.token());
    outbox.retryAll();
    ASSERT_TRUE(QTest::qWaitFor([&] { return sent.posts.size() == 1; }, 10000));
    EXPECT_EQ(sent.posts.first().id, created.object().value(u"id"_s).toInteger());
    EXPECT_EQ(log.text(), u"rowsRemoved(1,1)"_s);
    EXPECT_EQ(modelIds(model), serverIds(id, u"notes"_s));
}

TEST_F(PostListModelTest, ARefusedSendShowsWhy)
{
    const qint64 id = newTicket(u"Geschlossen"_s);
    const testsupport::HttpResult closed =
        http.patch(u"/tickets/%1"_s.arg(id), {{u"status"_s, u"closed"_s}},
                   {{"If-Match", '"' + QByteArray::number(http.versionOf(id)) + '"'}});
    ASSERT_EQ(closed.status, 200) << closed.body.toStdString();
    QTemporaryDir dir;
    client::Outbox outbox(&client.api, dir.filePath(u"outbox.json"_s));
    PostListModel model(&client.api, &outbox, PostListModel::Kind::Messages);
    auto tester = modeltest::TesterFailures::attach(&model);
    model.setTicket(id);
    ASSERT_TRUE(waitLoaded(model));

    int failed = 0;
    QObject context;
    QObject::connect(&outbox, &client::Outbox::failed, &context, [&failed] { ++failed; });
    modeltest::SignalLog log(&model);
    outbox.enqueue(id, client::OutboxItem::Kind::Message, u"Noch eine Frage"_s);
    ASSERT_TRUE(QTest::qWaitFor([&] { return failed == 1; }, 10000));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_TRUE(model.index(0).data(PostListModel::PendingRole).toBool());
    EXPECT_FALSE(model.index(0).data(PostListModel::FailedRole).toString().isEmpty());
    EXPECT_EQ(log.text(), u"rowsInserted(0,0) dataChanged(0,0:0-0)"_s);
}

} // namespace
