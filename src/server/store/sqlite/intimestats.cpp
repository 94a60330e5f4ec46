#include "intimestats.h"

#include "connection.h"

#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace server::sqlite {
namespace {

// The local day of the instant `x` in SQL, as statsschema.cpp computes it.
QString dayOf(const QString &x)
{
    return u"COALESCE((SELECT (%1 + o.offset_ms) / 86400000 FROM stats_zone_offsets o "
           "WHERE o.start <= %1 ORDER BY o.start DESC LIMIT 1), %1 / 86400000)"_s.arg(x);
}

// The ticket's own value of dimension `d` (as the unrated tickets of rating_days).
QString ownColumn(int d)
{
    const QString &c = statsDimensions()[size_t(d)].column;
    if (c == u"template_id")
        return u"COALESCE((SELECT template_id FROM devices WHERE id = t.device_id), 0)"_s;
    return u"COALESCE(t."_s + c + u", 0)"_s;
}

struct Clock {
    QString index;   // the partial index of the clocks with a due time (migration 14)
    QString at;      // when the clock stopped: the first reply, the resolution
    QString due;     // its stored due time
    QString breach;  // its stored breach instant (NULL: not breached)
    bool firstReply; // which counts of the tally it fills
};

void tallyClock(Connection &c, const Clock &clock, const SqliteRatingStore::StatsQuery &query,
                qint64 from, qint64 to, bool detailed, SqliteRatingStore::PeriodTally *out)
{
    QString dims;
    for (int d = 0; d < int(statsDimensions().size()); ++d)
        dims += ownColumn(d) + u", "_s;
    // INDEXED BY: the walk is over the clocks with a due time only (and the statement
    // fails rather than scanning, should the index not fit).
    const QString where = u" FROM tickets t INDEXED BY "_s + clock.index + u" WHERE "_s + clock.at +
                          u" >= ? AND "_s + clock.at +
                          u" < ? AND t.created_by_kind = 'code_user' AND t.visibility = 0 AND "_s +
                          clock.due + u" IS NOT NULL"_s + query.filterSql(ownColumn);
    const QString counts = u"COUNT(*), SUM("_s + clock.breach + u" IS NULL)"_s;
    const QString sql = detailed ? QString(u"SELECT "_s + dayOf(clock.at) + u", "_s + dims +
                                           counts + where + u" GROUP BY 1, 2, 3, 4, 5, 6"_s)
                                 : QString(u"SELECT "_s + counts + where);
    QSqlQuery q(c.database());
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        Connection::run(q); // logs the error
        return;
    }
    q.addBindValue(from);
    q.addBindValue(to);
    if (!Connection::run(q))
        return;
    const int first = detailed ? 6 : 0;
    while (q.next()) {
        SqliteRatingStore::Tally t;
        const qint64 n = q.value(first).toLongLong();
        const qint64 inTime = q.value(first + 1).toLongLong();
        if (clock.firstReply) {
            t.firstReplies = n;
            t.firstRepliesInTime = inTime;
        } else {
            t.resolvedWithTarget = n;
            t.resolvedInTime = inTime;
        }
        out->total.add(t);
        if (!detailed)
            continue;
        out->byDay[q.value(0).toLongLong()].add(t);
        for (size_t d = 0; d < out->byDimension.size(); ++d)
            out->byDimension[d][q.value(1 + int(d)).toLongLong()].add(t);
    }
}

} // namespace

void tallyInTime(Connection &c, const SqliteRatingStore::StatsQuery &query, qint64 from, qint64 to,
                 bool detailed, SqliteRatingStore::PeriodTally *out)
{
    if (from >= to)
        return;
    tallyClock(c,
               {u"tickets_first_reply_clock"_s, u"t.clock_first_reply_at"_s,
                u"t.clock_first_reply_due"_s, u"t.clock_first_reply_breach"_s, true},
               query, from, to, detailed, out);
    tallyClock(c,
               {u"tickets_resolved_clock"_s, u"t.resolved_at"_s, u"t.clock_resolution_due"_s,
                u"t.clock_resolution_breach"_s, false},
               query, from, to, detailed, out);
}

} // namespace server::sqlite
