// GET /tickets' relative created days (`createdFrom=-7d`: the start of the day seven days
// before today, in UTC): filtered as the same times would be, through lists and facets,
// bad forms refused, kept as given by a saved view, and taken by the bulk call's query.
#include "tickets_fixture.h"

#include <QJsonArray>
#include <QTimeZone>

using namespace ticketstest;

namespace {

qint64 createdAt(const QJsonObject &t)
{
    return QDateTime::fromString(t.value(u"createdAt"_s).toString(), Qt::ISODateWithMs)
        .toMSecsSinceEpoch();
}

// The start (UTC) of the day `daysAgo` days before today: what -Nd means to the server.
qint64 startOfDaysAgo(int daysAgo)
{
    const QDate today = QDateTime::currentDateTimeUtc().date();
    return QDateTime(today.addDays(-daysAgo), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

int daysAgoOf(const QJsonObject &t)
{
    const QDate day = QDateTime::fromMSecsSinceEpoch(createdAt(t), QTimeZone::utc()).date();
    return int(day.daysTo(QDateTime::currentDateTimeUtc().date()));
}

TEST_F(TicketsTest, RelativeCreatedDaysCountFromTheStartOfTheDayInUtc)
{
    const QList<QJsonObject> all = listAll(staff, {}); // newest first
    ASSERT_GE(all.size(), 100);
    // Days that split the demo tickets: a newer and an older third.
    const int newer = daysAgoOf(all.at(all.size() / 3));
    const int older = daysAgoOf(all.at(all.size() * 2 / 3));
    ASSERT_GE(newer, 1) << "the demo tickets should spread over the past days";
    ASSERT_GT(older, newer);
    const QList<std::pair<std::optional<int>, std::optional<int>>> ranges = {
        {newer, {}}, {{}, newer}, {older, newer}, {older, {}}, {0, {}}};
    for (const auto &[from, to] : ranges) {
        QStringList parts;
        if (from)
            parts.append(u"createdFrom=-%1d"_s.arg(*from));
        if (to)
            parts.append(u"createdTo=-%1d"_s.arg(*to));
        const QString query = parts.join(u'&');
        QList<qint64> expected;
        for (const QJsonObject &t : all) {
            const qint64 at = createdAt(t);
            if ((!from || at >= startOfDaysAgo(*from)) && (!to || at < startOfDaysAgo(*to)))
                expected.append(idOf(t));
        }
        if (from != 0) {
            ASSERT_FALSE(expected.isEmpty()) << query.toStdString();
        }
        ASSERT_LT(expected.size(), all.size()) << query.toStdString();
        EXPECT_EQ(ids(listAll(staff, query, 37)), expected) << query.toStdString();
        const HttpResult facets = staff.get(u"/tickets/facets?"_s + query);
        EXPECT_EQ(facets.object().value(u"total"_s).toInteger(-1), expected.size())
            << query.toStdString();
    }
    // A time and a relative day whose days cross hold nothing (no 422: they cross only
    // on some days).
    const QString crossing = u"createdFrom="_s +
                             enc(QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODate)) +
                             u"&createdTo=-0d"_s;
    const HttpResult none = staff.get(u"/tickets?"_s + crossing);
    EXPECT_EQ(none.status, 200) << none.body.toStdString();
    EXPECT_TRUE(none.items().isEmpty());
}

TEST_F(TicketsTest, BadRelativeDaysAreRefused)
{
    const QList<std::tuple<QString, int, QString>> cases{
        {u"createdFrom=-d"_s, 400, u"createdFrom"_s},
        {u"createdFrom=-99999d"_s, 400, u"createdFrom"_s},
        {u"createdTo=-36501d"_s, 400, u"createdTo"_s},
        {u"createdFrom=7d"_s, 400, u"createdFrom"_s},
        {u"createdTo=-7w"_s, 400, u"createdTo"_s},
        {u"createdFrom=%2B7d"_s, 400, u"createdFrom"_s},
        {u"createdFrom=-3d&createdTo=-3d"_s, 422, u"createdFrom"_s},
        {u"createdFrom=-3d&createdTo=-7d"_s, 422, u"createdFrom"_s},
    };
    for (const auto &[query, status, field] : cases) {
        for (const QString &path : {u"/tickets?"_s, u"/tickets/facets?"_s}) {
            const HttpResult r = staff.get(path + query);
            EXPECT_EQ(r.status, status) << path.toStdString() << query.toStdString();
            EXPECT_EQ(problemFields(r).value(u"field"_s).toString(), field)
                << query.toStdString() << r.body.toStdString();
        }
    }
    const HttpResult view =
        staff.post(u"/views"_s, {{u"name"_s, u"Falsch"_s},
                                 {u"query"_s, QJsonObject{{u"createdFrom"_s, u"-7w"_s}}}});
    EXPECT_EQ(view.status, 422) << view.body.toStdString();
    EXPECT_EQ(problemFields(view).value(u"field"_s).toString(), u"query.createdFrom"_s);
    const HttpResult bulk =
        staff.post(u"/tickets/bulk"_s, {{u"query"_s, QJsonObject{{u"createdFrom"_s, u"-99999d"_s}}},
                                        {u"changes"_s, QJsonObject{{u"priority"_s, u"high"_s}}}});
    EXPECT_EQ(bulk.status, 400) << bulk.body.toStdString();
    EXPECT_EQ(problemFields(bulk).value(u"field"_s).toString(), u"query.createdFrom"_s);
}

TEST_F(TicketsTest, ViewsKeepRelativeDaysAndTheBulkQueryTakesThem)
{
    const QJsonObject query{
        {u"createdFrom"_s, u"-14d"_s}, {u"createdTo"_s, u"-6d"_s}, {u"status"_s, u"new,open"_s}};
    const HttpResult saved =
        staff.post(u"/views"_s, {{u"name"_s, u"Vorletzte Woche"_s}, {u"query"_s, query}});
    ASSERT_EQ(saved.status, 201) << saved.body.toStdString();
    EXPECT_EQ(saved.object()[u"query"_s].toObject(), query);
    const QString path = u"/views/%1"_s.arg(saved.object()[u"id"_s].toInteger());
    EXPECT_EQ(staff.get(path).object()[u"query"_s].toObject(), query);

    // The bulk call's query: the tickets of the last days, and only those.
    const QList<QJsonObject> all = listAll(staff, {});
    const int newer = daysAgoOf(all.at(all.size() / 4));
    ASSERT_GE(newer, 1);
    QList<qint64> expected;
    for (const QJsonObject &t : all) {
        if (createdAt(t) >= startOfDaysAgo(newer))
            expected.append(idOf(t));
    }
    ASSERT_FALSE(expected.isEmpty());
    const HttpResult bulk = staff.post(
        u"/tickets/bulk"_s, {{u"query"_s, QJsonObject{{u"createdFrom"_s, u"-%1d"_s.arg(newer)}}},
                             {u"changes"_s, QJsonObject{{u"visibility"_s, u"internal"_s}}}});
    ASSERT_EQ(bulk.status, 200) << bulk.body.toStdString();
    QList<qint64> changed;
    for (const QJsonValue &r : bulk.object()[u"results"_s].toArray())
        changed.append(r[u"id"_s].toInteger());
    std::sort(changed.begin(), changed.end());
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(changed, expected);
}

} // namespace
