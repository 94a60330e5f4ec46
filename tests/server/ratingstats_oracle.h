#pragma once

// The rating statistics computed the slow, obvious way from the raw rows of the server's
// SQLite file (read directly), and the comparison of an answer of GET /stats/ratings with
// them. Shared by the rating statistics suites.
#include "core/timeutil.h"
#include "testsupport.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUrl>
#include <QUuid>
#include <algorithm>
#include <array>
#include <gtest/gtest.h>
#include <limits>
#include <map>
#include <optional>

// Readable failures.
inline void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}

namespace ratingstats {

using namespace Qt::StringLiterals;

// The dimensions in the order of the API's filters; their breakdown keys and tables.
inline const QStringList kParams{u"assignee"_s, u"fleet"_s, u"flow"_s, u"template"_s,
                                 u"customer"_s};
inline const QStringList kBreakdowns{u"staff"_s, u"fleet"_s, u"flow"_s, u"template"_s,
                                     u"customer"_s};
inline const QStringList kTables{u"staff"_s, u"fleets"_s, u"flows"_s, u"templates"_s,
                                 u"customers"_s};
using Dims = std::array<qint64, 5>; // 0: none

struct RawRating {
    qint64 id = 0, ticketId = 0, createdAt = 0;
    int stars = 0;
    QString comment, number, title;
    Dims dims{};
};
struct RawTicket {
    qint64 id = 0;
    bool rateable = false; // public, created by a code user
    std::optional<qint64> resolvedAt;
    Dims dims{}; // what the ticket holds now (template through its device)
};
struct Raw {
    QList<RawRating> ratings;
    QList<RawTicket> tickets;
    QHash<qint64, qint64> ratingOfTicket; // ticket id -> index in ratings
    std::array<QHash<qint64, QString>, 5> names;
};

// A read-only connection to the server's database (WAL: beside the running server).
class Database
{
public:
    explicit Database(const QString &dataDir, bool readOnly = true)
        : m_name(QUuid::createUuid().toString())
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(dataDir + u"/tickets.sqlite"_s);
        if (readOnly)
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        EXPECT_TRUE(db.open()) << db.lastError().text().toStdString();
    }
    ~Database()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    QSqlQuery exec(const QString &sql) const
    {
        QSqlQuery q(db());
        EXPECT_TRUE(q.exec(sql)) << q.lastError().text().toStdString() << " " << sql.toStdString();
        return q;
    }

private:
    QString m_name;
};

inline qint64 orZero(const QVariant &v)
{
    return v.isNull() ? 0 : v.toLongLong();
}

inline Raw readRaw(const QString &dataDir)
{
    Database d(dataDir);
    Raw raw;
    QSqlQuery r = d.exec(
        u"SELECT r.id, r.ticket_id, r.stars, r.comment, r.created_at, r.assignee_id, r.fleet_id, "
        "r.flow_id, r.template_id, r.customer_id, t.number, t.title FROM ratings r JOIN tickets "
        "t ON t.id = r.ticket_id"_s);
    while (r.next()) {
        RawRating x;
        x.id = r.value(0).toLongLong();
        x.ticketId = r.value(1).toLongLong();
        x.stars = r.value(2).toInt();
        x.comment = r.value(3).toString();
        x.createdAt = r.value(4).toLongLong();
        for (int i = 0; i < 5; ++i)
            x.dims[i] = orZero(r.value(5 + i));
        x.number = r.value(10).toString();
        x.title = r.value(11).toString();
        raw.ratingOfTicket.insert(x.ticketId, raw.ratings.size());
        raw.ratings.append(x);
    }
    QSqlQuery t = d.exec(u"SELECT t.id, t.created_by_kind, t.visibility, t.resolved_at, "
                         "t.assignee_id, t.fleet_id, t.flow_id, d.template_id, t.customer_id "
                         "FROM tickets t JOIN devices d ON d.id = t.device_id"_s);
    while (t.next()) {
        RawTicket x;
        x.id = t.value(0).toLongLong();
        x.rateable = t.value(1).toString() == u"code_user" && t.value(2).toInt() == 0;
        if (!t.value(3).isNull())
            x.resolvedAt = t.value(3).toLongLong();
        for (int i = 0; i < 5; ++i)
            x.dims[i] = orZero(t.value(4 + i));
        raw.tickets.append(x);
    }
    for (int i = 0; i < 5; ++i) {
        QSqlQuery n = d.exec(u"SELECT id, name FROM "_s + kTables[i]);
        while (n.next())
            raw.names[i].insert(n.value(0).toLongLong(), n.value(1).toString());
    }
    return raw;
}

inline const QTimeZone &berlin()
{
    static const QTimeZone zone("Europe/Berlin");
    return zone;
}

// The first instant of a local day.
inline qint64 midnight(QDate day, const QTimeZone &zone = berlin())
{
    return QDateTime(day, QTime(0, 0), zone).toMSecsSinceEpoch();
}

inline QDate localDate(qint64 msecs, const QTimeZone &zone = berlin())
{
    return QDateTime::fromMSecsSinceEpoch(msecs, zone).date();
}

inline qint64 parseInstant(const QString &text, const QTimeZone &zone = berlin())
{
    if (text.size() == 10)
        return midnight(QDate::fromString(text, Qt::ISODate), zone);
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeZone(QTimeZone::utc());
    return t.toMSecsSinceEpoch();
}

inline QString iso(qint64 msecs)
{
    return core::toIsoUtc(msecs);
}

// A request: from/to as sent ("YYYY-MM-DD" or ISO time; empty: default), and filters.
struct Query {
    QString from, to, groupBy = u"day"_s;
    std::array<QList<qint64>, 5> filters;
    int limit = 50;

    QString path() const
    {
        QStringList p;
        auto enc = [](const QString &s) {
            return QString::fromLatin1(QUrl::toPercentEncoding(s));
        };
        if (!from.isEmpty())
            p.append(u"from="_s + enc(from));
        if (!to.isEmpty())
            p.append(u"to="_s + enc(to));
        p.append(u"groupBy="_s + groupBy);
        for (int i = 0; i < 5; ++i) {
            QStringList ids;
            for (qint64 id : filters[i])
                ids.append(QString::number(id));
            if (!ids.isEmpty())
                p.append(kParams[i] + u'=' + ids.join(u','));
        }
        p.append(u"limit=%1"_s.arg(limit));
        return u"/stats/ratings?"_s + p.join(u'&');
    }
    bool matches(const Dims &dims) const
    {
        for (int i = 0; i < 5; ++i) {
            if (!filters[i].isEmpty() && !filters[i].contains(dims[i]))
                return false;
        }
        return true;
    }
};

struct Figures {
    std::array<qint64, 5> stars{};
    qint64 resolved = 0, rated = 0;
    qint64 count() const { return stars[0] + stars[1] + stars[2] + stars[3] + stars[4]; }
    double average() const
    {
        return double(stars[0] + 2 * stars[1] + 3 * stars[2] + 4 * stars[3] + 5 * stars[4]) /
               double(count());
    }
};

struct Expected {
    qint64 from = 0, to = 0, previousFrom = 0;
    Figures summary, previous;
    std::map<QDate, Figures> series; // by bucket start
    std::array<std::map<qint64, Figures>, 5> breakdown;
    QList<const RawRating *> low; // newest first
};

inline QDate bucketOf(QDate day, const QString &groupBy)
{
    if (groupBy == u"week")
        return day.addDays(1 - day.dayOfWeek());
    if (groupBy == u"month")
        return QDate(day.year(), day.month(), 1);
    return day;
}

inline Figures tally(const Raw &raw, const Query &q, qint64 from, qint64 to)
{
    Figures f;
    for (const RawRating &r : raw.ratings) {
        if (r.createdAt >= from && r.createdAt < to && q.matches(r.dims))
            ++f.stars[r.stars - 1];
    }
    for (const RawTicket &t : raw.tickets) {
        if (!t.rateable || !t.resolvedAt || *t.resolvedAt < from || *t.resolvedAt >= to)
            continue;
        // A rated ticket counts under what its rating recorded.
        const auto rating = raw.ratingOfTicket.constFind(t.id);
        const bool rated = rating != raw.ratingOfTicket.cend();
        if (!q.matches(rated ? raw.ratings[*rating].dims : t.dims))
            continue;
        ++f.resolved;
        f.rated += rated ? 1 : 0;
    }
    return f;
}

inline Expected expect(const Raw &raw, const Query &q, qint64 now, const QTimeZone &zone = berlin())
{
    Expected e;
    const QDate today = localDate(now, zone);
    e.to = q.to.isEmpty() ? midnight(today.addDays(1), zone) : parseInstant(q.to, zone);
    e.from = q.from.isEmpty() ? midnight(localDate(e.to, zone).addDays(-30), zone)
                              : parseInstant(q.from, zone);
    const bool wholeDays = midnight(localDate(e.from, zone), zone) == e.from &&
                           midnight(localDate(e.to, zone), zone) == e.to;
    const QDate first = localDate(e.from, zone);
    e.previousFrom = wholeDays ? midnight(first.addDays(-first.daysTo(localDate(e.to, zone))), zone)
                               : e.from - (e.to - e.from);
    e.summary = tally(raw, q, e.from, e.to);
    e.previous = tally(raw, q, e.previousFrom, e.from);
    const QDate last = bucketOf(localDate(e.to - 1, zone), q.groupBy);
    auto next = [&](QDate b) {
        return q.groupBy == u"week"    ? b.addDays(7)
               : q.groupBy == u"month" ? b.addMonths(1)
                                       : b.addDays(1);
    };
    for (QDate b = bucketOf(first, q.groupBy); b <= last; b = next(b))
        e.series[b];
    for (const RawRating &r : raw.ratings) {
        if (r.createdAt < e.from || r.createdAt >= e.to || !q.matches(r.dims))
            continue;
        ++e.series[bucketOf(localDate(r.createdAt, zone), q.groupBy)].stars[r.stars - 1];
        for (int i = 0; i < 5; ++i)
            ++e.breakdown[i][r.dims[i]].stars[r.stars - 1];
        if (r.stars <= 2)
            e.low.append(&r);
    }
    std::sort(e.low.begin(), e.low.end(), [](const RawRating *a, const RawRating *b) {
        return std::pair{a->createdAt, a->id} > std::pair{b->createdAt, b->id};
    });
    return e;
}

inline void expectFigures(const QJsonObject &o, const Figures &f, bool summary,
                          const std::string &what)
{
    SCOPED_TRACE(what);
    EXPECT_EQ(o.value(u"count"_s).toInteger(), f.count());
    if (f.count() == 0) {
        EXPECT_TRUE(o.value(u"average"_s).isNull());
        EXPECT_TRUE(o.value(u"satisfiedShare"_s).isNull());
    } else {
        EXPECT_NEAR(o.value(u"average"_s).toDouble(), f.average(), 1e-9);
        EXPECT_NEAR(o.value(u"satisfiedShare"_s).toDouble(),
                    double(f.stars[3] + f.stars[4]) / double(f.count()), 1e-9);
    }
    if (!summary)
        return;
    const QJsonArray distribution = o.value(u"distribution"_s).toArray();
    ASSERT_EQ(distribution.size(), 5);
    for (int s = 0; s < 5; ++s)
        EXPECT_EQ(distribution.at(s).toInteger(), f.stars[s]) << (s + 1) << " stars";
    EXPECT_EQ(o.value(u"resolvedCount"_s).toInteger(), f.resolved);
    if (f.resolved == 0)
        EXPECT_TRUE(o.value(u"responseRate"_s).isNull());
    else
        EXPECT_NEAR(o.value(u"responseRate"_s).toDouble(), double(f.rated) / double(f.resolved),
                    1e-9);
}

// Compares the answer (and every further page of its low ratings) with the brute force.
inline void expectAnswer(testsupport::ApiClient &api, const Raw &raw, const Query &q, qint64 now,
                         const QTimeZone &zone = berlin())
{
    const std::string label = q.path().toStdString();
    SCOPED_TRACE(label);
    const testsupport::HttpResult r = api.get(q.path());
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    const Expected e = expect(raw, q, now, zone);
    const QJsonObject a = r.object();
    const QJsonObject period = a.value(u"period"_s).toObject();
    EXPECT_EQ(period.value(u"from"_s).toString(), iso(e.from));
    EXPECT_EQ(period.value(u"to"_s).toString(), iso(e.to));
    EXPECT_EQ(period.value(u"previousFrom"_s).toString(), iso(e.previousFrom));
    EXPECT_EQ(period.value(u"timeZone"_s).toString(), QString::fromUtf8(zone.id()));
    const QJsonObject summary = a.value(u"summary"_s).toObject();
    expectFigures(summary, e.summary, true, "summary");
    expectFigures(summary.value(u"previous"_s).toObject(), e.previous, true, "previous");

    const QJsonArray series = a.value(u"series"_s).toArray();
    ASSERT_EQ(size_t(series.size()), e.series.size());
    qsizetype i = 0;
    for (const auto &[bucket, f] : e.series) {
        const QJsonObject b = series.at(i++).toObject();
        EXPECT_EQ(b.value(u"bucket"_s).toString(), bucket.toString(Qt::ISODate));
        EXPECT_EQ(
            QDateTime::fromString(b.value(u"start"_s).toString(), Qt::ISODate).toMSecsSinceEpoch(),
            midnight(bucket, zone))
            << b.value(u"start"_s).toString().toStdString();
        expectFigures(b, f, false, "bucket " + bucket.toString(Qt::ISODate).toStdString());
    }

    const QJsonObject breakdown = a.value(u"breakdown"_s).toObject();
    for (int d = 0; d < 5; ++d) {
        const QJsonArray entries = breakdown.value(kBreakdowns[d]).toArray();
        qint64 previousCount = std::numeric_limits<qint64>::max();
        qsizetype expectedEntries = 0;
        for (const auto &[id, f] : e.breakdown[d])
            expectedEntries += f.count() > 0 ? 1 : 0;
        qsizetype rated = 0;
        for (const QJsonValue &v : entries) {
            const QJsonObject entry = v.toObject();
            const qint64 id = entry.value(u"id"_s).isNull() ? 0 : entry.value(u"id"_s).toInteger();
            EXPECT_LE(entry.value(u"count"_s).toInteger(), previousCount) << "most first";
            previousCount = entry.value(u"count"_s).toInteger();
            // Values without ratings are there for their first replies or resolutions in
            // time (intimestats_test checks those), after all rated ones.
            if (previousCount == 0) {
                EXPECT_GT(entry.value(u"firstReplyCount"_s).toInteger() +
                              entry.value(u"resolvedWithTargetCount"_s).toInteger(),
                          0);
                continue;
            }
            ++rated;
            const auto it = e.breakdown[d].find(id);
            ASSERT_NE(it, e.breakdown[d].end()) << kBreakdowns[d].toStdString() << " " << id;
            expectFigures(entry, it->second, false,
                          kBreakdowns[d].toStdString() + " " + std::to_string(id));
            EXPECT_EQ(entry.value(u"name"_s).toString(), raw.names[d].value(id));
        }
        EXPECT_EQ(rated, expectedEntries) << kBreakdowns[d].toStdString();
    }

    // Every page of the low ratings, newest first.
    QList<QJsonObject> low;
    QJsonObject page = a.value(u"lowRatings"_s).toObject();
    for (int guard = 0; guard < 1000; ++guard) {
        for (const QJsonValue &v : page.value(u"items"_s).toArray())
            low.append(v.toObject());
        const QString cursor = page.value(u"nextCursor"_s).toString();
        if (cursor.isEmpty())
            break;
        const testsupport::HttpResult next = api.get(
            q.path() + u"&cursor="_s + QString::fromLatin1(QUrl::toPercentEncoding(cursor)));
        ASSERT_EQ(next.status, 200) << next.body.toStdString();
        EXPECT_LE(
            next.object().value(u"lowRatings"_s).toObject().value(u"items"_s).toArray().size(),
            q.limit);
        page = next.object().value(u"lowRatings"_s).toObject();
    }
    ASSERT_EQ(low.size(), e.low.size());
    for (qsizetype k = 0; k < low.size(); ++k) {
        const RawRating &x = *e.low[k];
        const QJsonObject &o = low[k];
        EXPECT_EQ(o.value(u"ratingId"_s).toInteger(), x.id);
        EXPECT_EQ(o.value(u"ticketId"_s).toInteger(), x.ticketId);
        EXPECT_EQ(o.value(u"stars"_s).toInt(), x.stars);
        EXPECT_EQ(o.value(u"comment"_s).toString(), x.comment);
        EXPECT_EQ(o.value(u"number"_s).toString(), x.number);
        EXPECT_EQ(o.value(u"title"_s).toString(), x.title);
        EXPECT_EQ(o.value(u"createdAt"_s).toString(), iso(x.createdAt));
        const qint64 assignee = x.dims[0];
        EXPECT_EQ(o.value(u"assigneeId"_s).toInteger(), assignee);
        EXPECT_EQ(o.value(u"assignee"_s).toObject().value(u"name"_s).toString(),
                  raw.names[0].value(assignee));
    }
}

} // namespace ratingstats
