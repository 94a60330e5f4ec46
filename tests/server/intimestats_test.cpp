// "First reply in time" and "resolved in time" of GET /stats/ratings: the server's shares
// (summary, series, breakdown) equal an independent count over the tickets' clocks as
// staff read them, for tickets whose priority has a target, has none, that were answered
// or resolved in time or late, or not at all. Code users get no statistics.
#include "tickets_fixture.h"

#include "core/timeutil.h"

#include <QJsonArray>

using namespace ticketstest;

namespace {

class InTimeStatsTest : public TicketsTest
{
protected:
    HttpResult putLevels(const QJsonObject &body)
    {
        return admin.send("PUT", u"/service-levels"_s,
                          QJsonDocument(body).toJson(QJsonDocument::Compact),
                          {{"Content-Type", "application/json"}});
    }
    // A code user's ticket of `priority`, assigned to the agent.
    qint64 ticket(const QString &title, const QString &priority)
    {
        const qint64 id = idOf(create(userA, title));
        const HttpResult r =
            staff.editTicket(id, {{u"priority"_s, priority}, {u"assigneeId"_s, staffId}});
        EXPECT_EQ(r.status, 200) << r.body.toStdString();
        return id;
    }
    void reply(qint64 id)
    {
        ASSERT_EQ(staff.post(u"/tickets/%1/messages"_s.arg(id), {{u"body"_s, u"Wir sehen nach."_s}})
                      .status,
                  201);
    }
    void resolve(qint64 id)
    {
        ASSERT_EQ(staff.editTicket(id, {{u"status"_s, u"resolved"_s}}).status, 200);
    }
};

struct Count {
    int all = 0;
    int inTime = 0;
    QJsonValue share() const { return all ? QJsonValue(double(inTime) / all) : QJsonValue(); }
};

TEST_F(InTimeStatsTest, SharesEqualACountOverTheTicketsClocks)
{
    // High: due at once (any later reply or resolution is late); normal: ten hours
    // (in time); low: no targets.
    const QJsonObject none{{u"firstReplyMinutes"_s, QJsonValue()},
                           {u"resolutionMinutes"_s, QJsonValue()}};
    const HttpResult set = putLevels(
        {{u"high"_s, QJsonObject{{u"firstReplyMinutes"_s, 0}, {u"resolutionMinutes"_s, 0}}},
         {u"normal"_s, QJsonObject{{u"firstReplyMinutes"_s, 600}, {u"resolutionMinutes"_s, 600}}},
         {u"low"_s, none}});
    ASSERT_EQ(set.status, 200) << set.body.toStdString();

    const qint64 late1 = ticket(u"Spät 1"_s, u"high"_s);
    const qint64 late2 = ticket(u"Spät 2"_s, u"high"_s);
    const qint64 onTime1 = ticket(u"Rechtzeitig 1"_s, u"normal"_s);
    const qint64 onTime2 = ticket(u"Rechtzeitig 2"_s, u"normal"_s);
    const qint64 onTime3 = ticket(u"Rechtzeitig 3"_s, u"normal"_s);
    const qint64 noTarget = ticket(u"Ohne Ziel"_s, u"low"_s);
    const qint64 unanswered = ticket(u"Unbeantwortet"_s, u"normal"_s);
    const qint64 waited = ticket(u"Gewartet"_s, u"normal"_s);
    // The demo data's tickets were answered and resolved when the server started: the
    // period asked for starts after that, with this test's replies and resolutions.
    const qint64 start = core::nowMsecs() - 1;
    for (qint64 id : {late1, late2, onTime1, onTime2, noTarget, waited})
        reply(id);
    // Resolved while waiting: its resolution clock stopped without a due time.
    ASSERT_EQ(staff.editTicket(waited, {{u"status"_s, u"waiting"_s}}).status, 200);
    for (qint64 id : {late1, onTime1, onTime3, noTarget, waited})
        resolve(id);

    // The independent count: every ticket as staff read it.
    Count firstReply, resolution;
    const QList<qint64> mine{late1, late2, onTime1, onTime2, onTime3, noTarget, unanswered, waited};
    for (qint64 id : mine) {
        const QJsonObject t = admin.get(u"/tickets/%1"_s.arg(id)).object();
        const QJsonObject clocks = t[u"clocks"_s].toObject();
        const QJsonArray breached = clocks[u"breached"_s].toArray();
        if (!clocks[u"firstReplyAt"_s].isNull() && !clocks[u"firstReplyDue"_s].isNull()) {
            ++firstReply.all;
            const qint64 at = core::parseIsoUtc(clocks[u"firstReplyAt"_s].toString()).value();
            const qint64 due = core::parseIsoUtc(clocks[u"firstReplyDue"_s].toString()).value();
            firstReply.inTime += at <= due ? 1 : 0;
            EXPECT_EQ(at <= due, !breached.contains(u"firstReply"_s)) << id;
        }
        const QString status = t[u"status"_s].toString();
        if ((status == u"resolved" || status == u"closed") &&
            !clocks[u"resolutionDue"_s].isNull()) {
            ++resolution.all;
            resolution.inTime += breached.contains(u"resolution"_s) ? 0 : 1;
        }
    }
    // What the test set up: two late and three timely first replies, one late and two
    // timely resolutions (the low ticket has no target, one ticket no reply, the one
    // resolved while waiting no resolution due time).
    EXPECT_EQ(firstReply.all, 5);
    EXPECT_EQ(resolution.all, 3);

    const QString period = u"from=%1&to=%2"_s.arg(enc(core::toIsoUtc(start)),
                                                  enc(core::toIsoUtc(core::nowMsecs() + 60'000)));
    const QJsonObject stats = staff.get(u"/stats/ratings?"_s + period).object();
    const QJsonObject summary = stats[u"summary"_s].toObject();
    EXPECT_EQ(summary[u"firstReplyCount"_s].toInteger(), firstReply.all);
    EXPECT_EQ(summary[u"firstReplyInTimeShare"_s], firstReply.share());
    EXPECT_EQ(summary[u"resolvedWithTargetCount"_s].toInteger(), resolution.all);
    EXPECT_EQ(summary[u"resolvedInTimeShare"_s], resolution.share());

    // The same in today's bucket (unless the test ran over midnight), and under the agent
    // in the staff breakdown.
    const QJsonArray series = stats[u"series"_s].toArray();
    ASSERT_FALSE(series.isEmpty());
    if (series.size() == 1) {
        const QJsonObject today = series.last().toObject();
        EXPECT_EQ(today[u"firstReplyInTimeShare"_s], firstReply.share());
        EXPECT_EQ(today[u"resolvedInTimeShare"_s], resolution.share());
    }
    bool found = false;
    for (const QJsonValue &e : stats[u"breakdown"_s][u"staff"_s].toArray()) {
        if (e[u"id"_s].toInteger() != staffId)
            continue;
        found = true;
        EXPECT_EQ(e[u"count"_s].toInteger(), 0); // no ratings
        EXPECT_EQ(e[u"firstReplyCount"_s].toInteger(), firstReply.all);
        EXPECT_EQ(e[u"firstReplyInTimeShare"_s], firstReply.share());
        EXPECT_EQ(e[u"resolvedInTimeShare"_s], resolution.share());
    }
    EXPECT_TRUE(found);

    // Filters apply: another staff member has none of these tickets.
    const qint64 adminId = admin.get(u"/me"_s).object()[u"id"_s].toInteger();
    const QJsonObject other = staff.get(u"/stats/ratings?assignee=%1&"_s.arg(adminId) + period)
                                  .object()[u"summary"_s]
                                  .toObject();
    EXPECT_EQ(other[u"firstReplyCount"_s].toInteger(), 0);
    EXPECT_TRUE(other[u"firstReplyInTimeShare"_s].isNull());

    // A period after today has none; code users get no statistics.
    const QString tomorrow = QDate::currentDate().addDays(2).toString(Qt::ISODate);
    const QJsonObject later =
        staff
            .get(u"/stats/ratings?from=%1&to=%2"_s.arg(
                tomorrow, QDate::currentDate().addDays(3).toString(Qt::ISODate)))
            .object()[u"summary"_s]
            .toObject();
    EXPECT_EQ(later[u"firstReplyCount"_s].toInteger(), 0);
    EXPECT_EQ(later[u"resolvedWithTargetCount"_s].toInteger(), 0);
    EXPECT_EQ(userA.get(u"/stats/ratings"_s).status, 404);
}

} // namespace
