// The rating statistics stay right while tickets change: a rating stays credited to the
// staff member assigned when it was given, reopening and resolving again move a ticket's
// resolution day, ratings, edits and reads in parallel leave the pre-aggregated days equal
// to a recount of the raw rows, and code users never see the statistics.
#include "ratingstats_aggregates.h"
#include "ratingstats_oracle.h"
#include "sharedservertest.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace testsupport;
using namespace ratingstats;

namespace {

class RatingStatsConsistencyTest : public SharedServerTest
{
protected:
    QList<qint64> activeStaff()
    {
        QList<qint64> ids;
        for (const QJsonValue &v : staff.get(u"/staff"_s).items()) {
            if (v.toObject().value(u"active"_s).toBool())
                ids.append(v.toObject().value(u"id"_s).toInteger());
        }
        return ids;
    }
    // The default period's answer against the brute force, unfiltered and per staff member.
    void expectDefaultPeriod(const QList<qint64> &staffIds)
    {
        const Raw raw = readRaw(server().dataDir());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        expectAnswer(staff, raw, Query{}, now);
        for (qint64 id : staffIds) {
            Query q;
            q.filters[0] = {id};
            expectAnswer(staff, raw, q, now);
        }
        expectAggregatesMatchRawRows(server().dataDir());
    }
    QJsonObject summaryFor(qint64 assignee)
    {
        return staff.get(u"/stats/ratings?assignee=%1"_s.arg(assignee))
            .object()
            .value(u"summary"_s)
            .toObject();
    }
};

TEST_F(RatingStatsConsistencyTest, CreditStaysWithTheAssigneeAtRatingTime)
{
    const QList<qint64> agents = activeStaff();
    ASSERT_GE(agents.size(), 2);
    const qint64 a = agents[0], b = agents[1];
    const qint64 id = newTicket(user, u"Drucker zieht schief ein"_s);
    ASSERT_GT(id, 0);
    ASSERT_EQ(edit(id, {{u"status"_s, u"resolved"_s}, {u"assigneeId"_s, a}}).status, 200);
    const QJsonObject beforeA = summaryFor(a);
    const QJsonObject beforeB = summaryFor(b);
    ASSERT_EQ(user.post(u"/tickets/%1/rating"_s.arg(id),
                        {{u"stars"_s, 2}, {u"comment"_s, u"Zu langsam."_s}})
                  .status,
              201);
    ASSERT_EQ(edit(id, {{u"assigneeId"_s, b}}).status, 200);

    // A holds the rating and the rated resolution; B, who holds the ticket now, neither.
    QJsonObject nowA = summaryFor(a), nowB = summaryFor(b);
    EXPECT_EQ(nowA.value(u"count"_s).toInt(), beforeA.value(u"count"_s).toInt() + 1);
    EXPECT_EQ(nowB.value(u"count"_s).toInt(), beforeB.value(u"count"_s).toInt());
    EXPECT_EQ(nowA.value(u"resolvedCount"_s).toInt(), beforeA.value(u"resolvedCount"_s).toInt());
    EXPECT_EQ(nowB.value(u"resolvedCount"_s).toInt(), beforeB.value(u"resolvedCount"_s).toInt());
    const QJsonArray low = staff.get(u"/stats/ratings?assignee=%1"_s.arg(a))
                               .object()
                               .value(u"lowRatings"_s)
                               .toObject()
                               .value(u"items"_s)
                               .toArray();
    ASSERT_FALSE(low.isEmpty());
    EXPECT_EQ(low.at(0).toObject().value(u"ticketId"_s).toInteger(), id);
    EXPECT_EQ(low.at(0).toObject().value(u"assignee"_s).toObject().value(u"id"_s).toInteger(), a);
    expectDefaultPeriod({a, b});

    // Reopened, the ticket is no longer resolved; resolved again, it counts on the new
    // day, still under A.
    ASSERT_EQ(edit(id, {{u"status"_s, u"open"_s}}).status, 200);
    EXPECT_EQ(summaryFor(a).value(u"resolvedCount"_s).toInt(),
              nowA.value(u"resolvedCount"_s).toInt() - 1);
    EXPECT_EQ(summaryFor(a).value(u"count"_s).toInt(), nowA.value(u"count"_s).toInt());
    expectDefaultPeriod({a, b});
    ASSERT_EQ(edit(id, {{u"status"_s, u"closed"_s}}).status, 200);
    EXPECT_EQ(summaryFor(a).value(u"resolvedCount"_s).toInt(),
              nowA.value(u"resolvedCount"_s).toInt());
    EXPECT_EQ(summaryFor(b).value(u"resolvedCount"_s).toInt(),
              nowB.value(u"resolvedCount"_s).toInt());
    expectDefaultPeriod({a, b});

    // An unrated resolved ticket counts under whoever holds it, and moves with it.
    const qint64 unrated = newTicket(user, u"Ohne Bewertung"_s);
    ASSERT_EQ(edit(unrated, {{u"status"_s, u"resolved"_s}, {u"assigneeId"_s, a}}).status, 200);
    EXPECT_EQ(summaryFor(a).value(u"resolvedCount"_s).toInt(),
              nowA.value(u"resolvedCount"_s).toInt() + 1);
    ASSERT_EQ(edit(unrated, {{u"assigneeId"_s, b}}).status, 200);
    EXPECT_EQ(summaryFor(a).value(u"resolvedCount"_s).toInt(),
              nowA.value(u"resolvedCount"_s).toInt());
    EXPECT_EQ(summaryFor(b).value(u"resolvedCount"_s).toInt(),
              nowB.value(u"resolvedCount"_s).toInt() + 1);
    // Internal tickets are not rateable: they never count.
    ASSERT_EQ(edit(unrated, {{u"visibility"_s, u"internal"_s}}).status, 200);
    EXPECT_EQ(summaryFor(b).value(u"resolvedCount"_s).toInt(),
              nowB.value(u"resolvedCount"_s).toInt());
    expectDefaultPeriod({a, b});
}

// Many requests in flight at once over several connections, each answer collected.
class Burst
{
public:
    explicit Burst(const QString &baseUrl)
        : m_baseUrl(baseUrl)
    {}
    void add(const QByteArray &method, const QString &path, const QByteArray &token,
             const QJsonObject &body = {}, const QByteArray &ifMatch = {})
    {
        QNetworkRequest request(QUrl(m_baseUrl + path));
        request.setRawHeader("Authorization", "Bearer " + token);
        request.setRawHeader("Content-Type", "application/json");
        if (!ifMatch.isEmpty())
            request.setRawHeader("If-Match", ifMatch);
        const QByteArray data =
            method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, data);
        m_replies.append({method, path, reply});
    }
    struct Answer {
        QByteArray method;
        QString path;
        int status;
        QJsonObject body;
    };
    QList<Answer> wait()
    {
        QEventLoop loop;
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        auto allDone = [&] {
            for (const auto &r : std::as_const(m_replies)) {
                if (!r.reply->isFinished())
                    return false;
            }
            return true;
        };
        for (const auto &r : std::as_const(m_replies))
            QObject::connect(r.reply, &QNetworkReply::finished, &loop, [&] {
                if (allDone())
                    loop.quit();
            });
        if (!allDone())
            loop.exec();
        QList<Answer> out;
        for (const auto &r : std::as_const(m_replies)) {
            out.append({r.method, r.path,
                        r.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                        QJsonDocument::fromJson(r.reply->readAll()).object()});
            r.reply->deleteLater();
        }
        m_replies.clear();
        return out;
    }

private:
    struct Pending {
        QByteArray method;
        QString path;
        QNetworkReply *reply;
    };
    QString m_baseUrl;
    QNetworkAccessManager m_nam;
    QList<Pending> m_replies;
};

qint64 sumOf(const QJsonArray &entries)
{
    qint64 n = 0;
    for (const QJsonValue &v : entries)
        n += v.toObject().value(u"count"_s).toInteger();
    return n;
}

TEST_F(RatingStatsConsistencyTest, ParallelRatingsEditsAndReadsAgreeWithTheRawRows)
{
    const QList<qint64> agents = activeStaff();
    ASSERT_GE(agents.size(), 3);
    constexpr int N = 24;
    QList<qint64> tickets;
    for (int i = 0; i < N; ++i) {
        const qint64 id = newTicket(user, u"Parallel %1"_s.arg(i));
        ASSERT_GT(id, 0);
        ASSERT_EQ(edit(id, {{u"status"_s, u"resolved"_s}, {u"assigneeId"_s, agents[i % 3]}}).status,
                  200);
        tickets.append(id);
    }
    QList<QByteArray> versions;
    for (qint64 id : std::as_const(tickets))
        versions.append('"' + QByteArray::number(staff.versionOf(id)) + '"');
    const qint64 base = staff.get(u"/stats/ratings"_s)
                            .object()
                            .value(u"summary"_s)
                            .toObject()
                            .value(u"count"_s)
                            .toInteger();

    // Ratings of all tickets, a reassignment of every other one (the rating keeps whoever
    // held it when it was given) and reads, all at once.
    Burst burst(server().baseUrl());
    for (int i = 0; i < N; ++i) {
        burst.add("POST", u"/tickets/%1/rating"_s.arg(tickets[i]), user.token(),
                  {{u"stars"_s, 1 + i % 5}, {u"comment"_s, u"Parallel %1"_s.arg(i)}});
        if (i % 2 == 0)
            burst.add("PATCH", u"/tickets/%1"_s.arg(tickets[i]), staff.token(),
                      {{u"assigneeId"_s, agents[(i + 1) % 3]}}, versions[i]);
        if (i % 3 == 0)
            burst.add("GET", u"/stats/ratings?groupBy=week"_s, staff.token());
    }
    int reads = 0;
    for (const Burst::Answer &a : burst.wait()) {
        const std::string what = a.method.toStdString() + " " + a.path.toStdString();
        if (a.method == "POST") {
            EXPECT_EQ(a.status, 201) << what;
        } else if (a.method == "PATCH") {
            EXPECT_EQ(a.status, 200) << what;
        } else {
            ASSERT_EQ(a.status, 200) << what;
            ++reads;
            // Each answer is one consistent state: its parts add up.
            const QJsonObject summary = a.body.value(u"summary"_s).toObject();
            const qint64 count = summary.value(u"count"_s).toInteger();
            EXPECT_GE(count, base);
            EXPECT_LE(count, base + N);
            EXPECT_EQ(sumOf(a.body.value(u"series"_s).toArray()), count);
            const QJsonObject breakdown = a.body.value(u"breakdown"_s).toObject();
            for (const QString &dimension : kBreakdowns)
                EXPECT_EQ(sumOf(breakdown.value(dimension).toArray()), count)
                    << dimension.toStdString();
            qint64 distributed = 0;
            for (const QJsonValue &v : summary.value(u"distribution"_s).toArray())
                distributed += v.toInteger();
            EXPECT_EQ(distributed, count);
        }
    }
    EXPECT_EQ(reads, N / 3);
    EXPECT_EQ(staff.get(u"/stats/ratings"_s)
                  .object()
                  .value(u"summary"_s)
                  .toObject()
                  .value(u"count"_s)
                  .toInteger(),
              base + N);
    expectDefaultPeriod(agents.mid(0, 3));
}

// The per-day figures are recounted when the zone's offsets are not those they were
// counted with (new time zone data), whatever state they are in.
TEST_F(RatingStatsConsistencyTest, NewZoneDataRecountsTheDays)
{
    ASSERT_TRUE(server().stop());
    {
        Database db(server().dataDir(), false);
        db.exec(u"UPDATE stats_settings SET value = 'older data' WHERE name = 'zone_offsets'"_s);
        db.exec(u"DELETE FROM rating_day_totals WHERE day % 2 = 0"_s);
        db.exec(u"UPDATE rating_days SET resolved = resolved + 7"_s);
    }
    ASSERT_TRUE(server().restart()) << server().output().toStdString();
    expectAggregatesMatchRawRows(server().dataDir());
    ApiClient api(server().baseUrl());
    ASSERT_FALSE(api.loginStaff(demoLogin(u"agent"_s)).isEmpty());
    expectAnswer(api, readRaw(server().dataDir()), Query{}, QDateTime::currentMSecsSinceEpoch());
}

TEST_F(RatingStatsConsistencyTest, CodeUsersGetNotFound)
{
    EXPECT_EQ(user.get(u"/stats/ratings"_s).status, 404);
    EXPECT_EQ(other.get(u"/stats/ratings?from=2024-01-01&to=2024-02-01&groupBy=week"_s).status,
              404);
    EXPECT_EQ(user.get(u"/stats/ratings?groupBy=year"_s).status, 404); // not even a 400
    ApiClient anonymous(server().baseUrl());
    EXPECT_EQ(anonymous.get(u"/stats/ratings"_s).status, 401);
    EXPECT_EQ(staff.get(u"/stats/ratings"_s).status, 200);
}

} // namespace
