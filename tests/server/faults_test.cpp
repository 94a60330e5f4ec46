// Concurrency and faults: parallel writers on one ticket, stale versions, and a hard
// kill of the server in the middle of a stream of writes.
#include "parallelrequests.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTimer>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

class FaultsTest : public ::testing::Test
{
protected:
    TestServer server;
    ApiClient staff{server.baseUrl()};
    qint64 ticketId = 0;

    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_FALSE(staff.loginStaff(demoLogin(u"agent"_s)).isEmpty());
        const QJsonObject t =
            createTicket(staff, u"Parallel"_s, {{u"deviceId"_s, demoDeviceId(0)}});
        ASSERT_FALSE(t.isEmpty());
        ticketId = t.value(u"id"_s).toInteger();
    }
};

TEST_F(FaultsTest, TwentyConcurrentMessagePostsAllLandWithDistinctSequence)
{
    QList<QNetworkRequest> requests;
    QList<QByteArray> bodies;
    for (int i = 0; i < 20; ++i) {
        requests.append(
            jsonRequest(server.baseUrl() + u"/tickets/%1/messages"_s.arg(ticketId), staff.token()));
        bodies.append(QJsonDocument(QJsonObject{{u"body"_s, u"Nachricht %1"_s.arg(i)}}).toJson());
    }
    const QList<ParallelAnswer> answers = sendInParallel(requests, "POST", bodies);
    for (const ParallelAnswer &a : answers)
        EXPECT_EQ(a.status, 201) << a.body.toStdString();

    const HttpResult list = staff.get(u"/tickets/%1/messages?limit=200"_s.arg(ticketId));
    QSet<qint64> seqs;
    QSet<QString> texts;
    for (const QJsonValue &m : list.items()) {
        seqs.insert(m.toObject().value(u"seq"_s).toInteger());
        texts.insert(m.toObject().value(u"body"_s).toString());
    }
    for (int i = 0; i < 20; ++i)
        EXPECT_TRUE(texts.contains(u"Nachricht %1"_s.arg(i))) << "lost message " << i;
    EXPECT_EQ(seqs.size(), list.items().size()) << "duplicate seq";
}

// Twenty writers read version v and patch at once: exactly one wins, the others get 412
// and change nothing. Each loser then retries with the fresh version until it lands:
// in the end every writer's change is in the history, none lost.
TEST_F(FaultsTest, TwentyConcurrentPatchesOneWinsPerVersionAndNoneIsLost)
{
    const qint64 version = staff.versionOf(ticketId);
    ASSERT_GT(version, 0);
    QList<QNetworkRequest> requests;
    QList<QByteArray> bodies;
    for (int i = 0; i < 20; ++i) {
        QNetworkRequest r =
            jsonRequest(server.baseUrl() + u"/tickets/%1"_s.arg(ticketId), staff.token());
        r.setRawHeader("If-Match", '"' + QByteArray::number(version) + '"');
        requests.append(r);
        bodies.append(
            QJsonDocument(QJsonObject{{u"title"_s, u"Titel von Schreiber %1"_s.arg(i)}}).toJson());
    }
    const QList<ParallelAnswer> answers = sendInParallel(requests, "PATCH", bodies);
    int won = 0;
    QString winner;
    for (int i = 0; i < answers.size(); ++i) {
        EXPECT_TRUE(answers[i].status == 200 || answers[i].status == 412) << answers[i].status;
        if (answers[i].status == 200) {
            ++won;
            winner = u"Titel von Schreiber %1"_s.arg(i);
        }
    }
    EXPECT_EQ(won, 1);
    const HttpResult after = staff.get(u"/tickets/%1"_s.arg(ticketId));
    EXPECT_EQ(after.object().value(u"title"_s).toString(), winner);
    EXPECT_EQ(after.object().value(u"version"_s).toInteger(), version + 1);

    for (int i = 0; i < answers.size(); ++i) {
        if (answers[i].status == 200)
            continue;
        for (int attempt = 0; attempt < 5; ++attempt) {
            const qint64 v = staff.versionOf(ticketId);
            const HttpResult r = staff.patch(u"/tickets/%1"_s.arg(ticketId),
                                             {{u"title"_s, u"Titel von Schreiber %1"_s.arg(i)}},
                                             {{"If-Match", '"' + QByteArray::number(v) + '"'}});
            if (r.status == 200)
                break;
        }
    }
    EXPECT_EQ(staff.versionOf(ticketId), version + 20);
    const HttpResult history = staff.get(u"/tickets/%1/history"_s.arg(ticketId));
    QSet<QString> titles;
    for (const QJsonValue &h : history.items()) {
        if (h.toObject().value(u"field"_s).toString() == u"title"_s)
            titles.insert(h.toObject().value(u"to"_s).toString());
    }
    for (int i = 0; i < 20; ++i)
        EXPECT_TRUE(titles.contains(u"Titel von Schreiber %1"_s.arg(i))) << "lost write " << i;
}

// Writes stream in on four connections; the server is killed with SIGKILL in the middle.
// After a restart on the same data folder, every write that was answered 2xx is there.
TEST_F(FaultsTest, HardKillLosesNoAcknowledgedWrite)
{
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    for (int i = 0; i < 4; ++i)
        managers.push_back(std::make_unique<QNetworkAccessManager>());
    QStringList acknowledged;
    int sent = 0;
    bool killed = false;
    const QString url = server.baseUrl() + u"/tickets/%1/messages"_s.arg(ticketId);
    std::function<void(QNetworkAccessManager *)> sendNext = [&](QNetworkAccessManager *nam) {
        if (killed || sent >= 5000)
            return;
        const QString text = u"Schreibstrom %1"_s.arg(sent++);
        QNetworkReply *reply =
            nam->post(jsonRequest(url, staff.token()),
                      QJsonDocument(QJsonObject{{u"body"_s, text}}).toJson(QJsonDocument::Compact));
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, nam, text] {
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201)
                acknowledged.append(text);
            reply->deleteLater();
            sendNext(nam);
        });
    };
    for (auto &nam : managers)
        sendNext(nam.get());
    QEventLoop loop;
    QTimer::singleShot(1500, &loop, [&] {
        server.killHard();
        killed = true;
        loop.quit();
    });
    loop.exec();
    // Let the failed replies of the dead connections come in.
    QEventLoop settle;
    QTimer::singleShot(500, &settle, &QEventLoop::quit);
    settle.exec();
    ASSERT_GT(acknowledged.size(), 10) << "too few writes before the kill to mean anything";

    ASSERT_TRUE(server.restart()) << server.output().toStdString();
    ApiClient again(server.baseUrl());
    ASSERT_FALSE(again.loginStaff(demoLogin(u"agent"_s)).isEmpty());
    QSet<QString> stored;
    QString after = u"0"_s;
    for (;;) {
        const HttpResult page =
            again.get(u"/tickets/%1/messages?limit=200&after=%2"_s.arg(ticketId).arg(after));
        ASSERT_EQ(page.status, 200);
        for (const QJsonValue &m : page.items())
            stored.insert(m.toObject().value(u"body"_s).toString());
        if (page.items().isEmpty())
            break;
        after = QString::number(page.items().last().toObject().value(u"seq"_s).toInteger());
    }
    int lost = 0;
    for (const QString &text : acknowledged)
        lost += stored.contains(text) ? 0 : 1;
    EXPECT_EQ(lost, 0) << "of " << acknowledged.size() << " acknowledged writes";
}

} // namespace
