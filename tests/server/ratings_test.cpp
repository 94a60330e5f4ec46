// Ratings against a real ticket-server: who may rate and when, and the statistics
// compared with a brute-force computation over the ratings the test gave.
#include "sharedservertest.h"

#include <QDateTime>
#include <QThread>
#include <QTimeZone>
#include <gtest/gtest.h>
#include <map>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

class RatingsTest : public SharedServerTest
{
protected:
    HttpResult rate(ApiClient &as, qint64 id, const QJsonObject &body,
                    const ApiClient::Headers &headers = {})
    {
        return as.post(u"/tickets/%1/rating"_s.arg(id), body, headers);
    }
};

TEST_F(RatingsTest, OnlyTheCreatorRatesOnceAfterResolution)
{
    const qint64 id = newTicket(user, u"Bitte bewerten"_s);
    ASSERT_GT(id, 0);
    const QJsonObject five{{u"stars"_s, 5}, {u"comment"_s, u"Schnell und freundlich.\nDanke!"_s}};

    HttpResult early = rate(user, id, five);
    EXPECT_EQ(early.status, 409);
    EXPECT_EQ(early.errorCode(), u"not_resolved"_s);

    const HttpResult resolved = edit(id, {{u"status"_s, u"resolved"_s}});
    ASSERT_EQ(resolved.status, 200) << resolved.body.toStdString();

    ApiClient sameDevice(server().baseUrl());
    ASSERT_FALSE(sameDevice.loginDevice(demoDeviceCode(0), u"Colleague"_s).isEmpty());
    ApiClient otherDevice(server().baseUrl());
    ASSERT_FALSE(otherDevice.loginDevice(demoDeviceCode(1), u"Stranger"_s).isEmpty());
    EXPECT_EQ(rate(staff, id, five).status, 403);
    EXPECT_EQ(rate(sameDevice, id, five).status, 403);
    EXPECT_EQ(rate(otherDevice, id, five).status, 404);
    EXPECT_EQ(rate(user, 999999, five).status, 404);

    const HttpResult rated = rate(user, id, five);
    ASSERT_EQ(rated.status, 201) << rated.body.toStdString();
    EXPECT_EQ(rated.object().value(u"stars"_s).toInt(), 5);
    EXPECT_EQ(rated.object().value(u"comment"_s).toString(), u"Schnell und freundlich.\nDanke!"_s);
    EXPECT_FALSE(rated.object().contains(u"assigneeId"_s)); // staff only

    const HttpResult twice = rate(user, id, {{u"stars"_s, 1}});
    EXPECT_EQ(twice.status, 409);
    EXPECT_EQ(twice.errorCode(), u"already_rated"_s);

    const HttpResult ticket = staff.get(u"/tickets/%1"_s.arg(id));
    EXPECT_EQ(ticket.object().value(u"ratingStars"_s).toInt(), 5);
    EXPECT_EQ(ticket.object().value(u"rating"_s).toObject().value(u"stars"_s).toInt(), 5);
}

TEST_F(RatingsTest, ClosedTicketsCanBeRatedAndBodiesAreValidated)
{
    const qint64 id = newTicket(user, u"Geschlossen"_s);
    ASSERT_EQ(edit(id, {{u"status"_s, u"closed"_s}}).status, 200);
    EXPECT_EQ(rate(user, id, {{u"stars"_s, 0}}).status, 422);
    EXPECT_EQ(rate(user, id, {{u"stars"_s, 6}}).status, 422);
    EXPECT_EQ(rate(user, id, {{u"stars"_s, 4.5}}).status, 400);
    EXPECT_EQ(rate(user, id, {{u"stars"_s, u"5"_s}}).status, 400);
    EXPECT_EQ(rate(user, id, {}).status, 422);
    EXPECT_EQ(rate(user, id, {{u"stars"_s, 3}, {u"assigneeId"_s, 1}}).status, 422);
    EXPECT_EQ(rate(user, id, {{u"stars"_s, 3}, {u"comment"_s, QString(2001, u'x')}}).status, 422);

    const ApiClient::Headers key{{"Idempotency-Key", "rating-1"}};
    const HttpResult first = rate(user, id, {{u"stars"_s, 3}}, key);
    ASSERT_EQ(first.status, 201) << first.body.toStdString();
    const HttpResult replay = rate(user, id, {{u"stars"_s, 3}}, key);
    EXPECT_EQ(replay.status, 201);
    EXPECT_EQ(replay.body, first.body);
}

TEST_F(RatingsTest, StatisticsAreStaffOnlyAndCheckTheirParameters)
{
    EXPECT_EQ(user.get(u"/stats/ratings"_s).status, 404);
    const HttpResult plain = staff.get(u"/stats/ratings"_s);
    ASSERT_EQ(plain.status, 200) << plain.body.toStdString();
    for (const QString &part : {u"summary"_s, u"series"_s, u"breakdown"_s, u"lowRatings"_s})
        EXPECT_TRUE(plain.object().contains(part)) << part.toStdString();
    // The demo data holds ratings of the last weeks.
    EXPECT_GT(plain.object().value(u"summary"_s).toObject().value(u"count"_s).toInt(), 0);
    EXPECT_EQ(plain.object().value(u"series"_s).toArray().size(), 30);

    for (const QString &query :
         {u"groupBy=year"_s, u"from=yesterday"_s, u"to=2024-13-01"_s,
          u"from=2024-06-01&to=2024-05-01"_s, u"fleet=abc"_s, u"fleet=1,,2"_s, u"flow=0"_s,
          u"color=red"_s, u"from=2024-05-01&from=2024-05-02"_s, u"from=1990-01-01&to=2024-01-01"_s,
          u"limit=0"_s, u"cursor=zzz"_s}) {
        const HttpResult r = staff.get(u"/stats/ratings?"_s + query);
        EXPECT_EQ(r.status, 400) << query.toStdString() << r.body.toStdString();
        EXPECT_EQ(r.errorCode(), u"invalid_parameter"_s) << query.toStdString();
    }
    const HttpResult weeks =
        staff.get(u"/stats/ratings?from=2024-04-01&to=2024-05-01&groupBy=week"_s);
    ASSERT_EQ(weeks.status, 200);
    const QJsonArray series = weeks.object().value(u"series"_s).toArray();
    ASSERT_EQ(series.size(), 5); // Mondays 1, 8, 15, 22 and 29 April 2024
    EXPECT_EQ(series.at(0).toObject().value(u"bucket"_s).toString(), u"2024-04-01"_s);
    EXPECT_EQ(series.at(4).toObject().value(u"bucket"_s).toString(), u"2024-04-29"_s);
    const HttpResult months =
        staff.get(u"/stats/ratings?from=2024-01-15&to=2024-04-01&groupBy=month"_s);
    EXPECT_EQ(months.object().value(u"series"_s).toArray().size(), 3);
}

TEST_F(RatingsTest, StatisticsMatchABruteForceComputation)
{
    const QList<int> stars{5, 4, 2, 1, 5, 3};
    // Two agents share the tickets; the one assigned when rating is credited, even when
    // the ticket moves on afterwards.
    const QJsonArray staffList = staff.get(u"/staff"_s).object().value(u"items"_s).toArray();
    QList<qint64> agents;
    for (const QJsonValue &v : staffList) {
        if (v.toObject().value(u"active"_s).toBool())
            agents.append(v.toObject().value(u"id"_s).toInteger());
    }
    ASSERT_GE(agents.size(), 3) << staff.get(u"/staff"_s).body.toStdString();

    QThread::msleep(5);
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    QList<qint64> tickets;
    std::map<qint64, QList<int>> byAgent;
    for (int i = 0; i < stars.size(); ++i) {
        const qint64 id = newTicket(user, u"Statistik %1"_s.arg(i));
        ASSERT_GT(id, 0);
        const qint64 agent = agents[i % 2];
        const HttpResult done = edit(id, {{u"status"_s, u"resolved"_s}, {u"assigneeId"_s, agent}});
        ASSERT_EQ(done.status, 200) << done.body.toStdString();
        ASSERT_EQ(rate(user, id, {{u"stars"_s, stars[i]}, {u"comment"_s, u"c%1"_s.arg(i)}}).status,
                  201);
        byAgent[agent].append(stars[i]);
        ASSERT_EQ(edit(id, {{u"assigneeId"_s, agents[2]}}).status, 200);
        tickets.append(id);
        QThread::msleep(2);
    }
    // One resolved ticket stays unrated: the response rate counts it.
    const qint64 unrated = newTicket(user, u"Statistik ohne Bewertung"_s);
    ASSERT_EQ(edit(unrated, {{u"status"_s, u"resolved"_s}}).status, 200);

    const QString from =
        QDateTime::fromMSecsSinceEpoch(start, QTimeZone::utc()).toString(Qt::ISODateWithMs);
    const QString to = QDateTime::fromMSecsSinceEpoch(start + 24 * 3600 * 1000LL, QTimeZone::utc())
                           .toString(Qt::ISODateWithMs);
    const HttpResult r = staff.get(u"/stats/ratings?from=%1&to=%2&limit=1"_s.arg(from, to));
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    const QJsonObject summary = r.object().value(u"summary"_s).toObject();

    int sum = 0;
    QList<int> distribution(5, 0);
    for (int s : stars) {
        sum += s;
        ++distribution[s - 1];
    }
    EXPECT_EQ(summary.value(u"count"_s).toInt(), stars.size());
    EXPECT_NEAR(summary.value(u"average"_s).toDouble(), double(sum) / stars.size(), 1e-9);
    QList<int> got;
    for (const QJsonValue &v : summary.value(u"distribution"_s).toArray())
        got.append(v.toInt());
    EXPECT_EQ(got, distribution);
    EXPECT_NEAR(summary.value(u"satisfiedShare"_s).toDouble(),
                double(distribution[3] + distribution[4]) / stars.size(), 1e-9);
    EXPECT_NEAR(summary.value(u"responseRate"_s).toDouble(),
                double(stars.size()) / (stars.size() + 1), 1e-9);
    EXPECT_TRUE(summary.value(u"previous"_s).isObject());

    int seriesCount = 0;
    for (const QJsonValue &b : r.object().value(u"series"_s).toArray())
        seriesCount += b.toObject().value(u"count"_s).toInt();
    EXPECT_EQ(seriesCount, stars.size());

    // Credited at rating time: both agents, never the later assignee.
    // (Staff without ratings are listed for their first replies in time: not here.)
    QJsonArray byStaff;
    for (const QJsonValue &v :
         r.object().value(u"breakdown"_s).toObject().value(u"staff"_s).toArray()) {
        if (v.toObject().value(u"count"_s).toInt() > 0)
            byStaff.append(v);
    }
    EXPECT_EQ(byStaff.size(), 2);
    for (const QJsonValue &v : byStaff) {
        const QJsonObject e = v.toObject();
        const QList<int> given = byAgent[e.value(u"id"_s).toInteger()];
        ASSERT_FALSE(given.isEmpty()) << e.value(u"id"_s).toInteger();
        EXPECT_EQ(e.value(u"count"_s).toInt(), given.size());
        int agentSum = 0;
        for (int s : given)
            agentSum += s;
        EXPECT_NEAR(e.value(u"average"_s).toDouble(), double(agentSum) / given.size(), 1e-9);
        EXPECT_FALSE(e.value(u"name"_s).toString().isEmpty());
    }

    // Low ratings newest first, paged: the 1 star (ticket 3) before the 2 stars (ticket 2).
    const QJsonObject low = r.object().value(u"lowRatings"_s).toObject();
    ASSERT_EQ(low.value(u"items"_s).toArray().size(), 1);
    EXPECT_EQ(low.value(u"items"_s).toArray().at(0).toObject().value(u"ticketId"_s).toInteger(),
              tickets[3]);
    const QString cursor = low.value(u"nextCursor"_s).toString();
    ASSERT_FALSE(cursor.isEmpty());
    const HttpResult next =
        staff.get(u"/stats/ratings?from=%1&to=%2&limit=1&cursor=%3"_s.arg(from, to, cursor));
    const QJsonObject low2 = next.object().value(u"lowRatings"_s).toObject();
    ASSERT_EQ(low2.value(u"items"_s).toArray().size(), 1);
    EXPECT_EQ(low2.value(u"items"_s).toArray().at(0).toObject().value(u"ticketId"_s).toInteger(),
              tickets[2]);
    EXPECT_TRUE(low2.value(u"nextCursor"_s).isNull());

    // A filter narrows everything to the credited agent.
    const HttpResult filtered =
        staff.get(u"/stats/ratings?from=%1&to=%2&assignee=%3"_s.arg(from, to).arg(agents[0]));
    EXPECT_EQ(filtered.object().value(u"summary"_s).toObject().value(u"count"_s).toInt(),
              byAgent[agents[0]].size());
    const HttpResult none =
        staff.get(u"/stats/ratings?from=%1&to=%2&assignee=%3"_s.arg(from, to).arg(agents[2]));
    EXPECT_EQ(none.object().value(u"summary"_s).toObject().value(u"count"_s).toInt(), 0);
    EXPECT_TRUE(none.object().value(u"summary"_s).toObject().value(u"average"_s).isNull());
}

} // namespace
