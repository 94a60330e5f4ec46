#include "statsschema.h"

#include <functional>

using namespace Qt::StringLiterals;

// The text of migration 4, built from the pieces below: they belong to this migration
// alone (a later change of the statistics gets a new migration with its own text).
namespace server::sqlite {
namespace {

const QString Key = u"day, assignee_id, fleet_id, flow_id, template_id, customer_id"_s;
const QStringList StarColumns{u"stars1"_s, u"stars2"_s, u"stars3"_s, u"stars4"_s, u"stars5"_s};
// The ticket conditions of the response rate: public and created by a code user.
const QString Rateable = u"%1.created_by_kind = 'code_user' AND %1.visibility = 0"_s;

// The local day (days since 1970-01-01 in the statistics' time zone) of the instant `x`;
// UTC days until the server has filled stats_zone_offsets.
QString dayOf(const QString &x)
{
    return u"COALESCE((SELECT (%1 + o.offset_ms) / 86400000 FROM stats_zone_offsets o "
           "WHERE o.start <= %1 ORDER BY o.start DESC LIMIT 1), %1 / 86400000)"_s.arg(x);
}

// ON CONFLICT clause adding the new values of `columns` to a row with the same key.
QString addOnConflict(const QString &key, const QStringList &columns)
{
    QStringList sets;
    for (const QString &c : columns)
        sets.append(c + u" = "_s + c + u" + excluded."_s + c);
    return u" ON CONFLICT ("_s + key + u") DO UPDATE SET "_s + sets.join(u", "_s);
}

// The stars of the rating `r` (NEW or OLD), `sign` 1 or -1, on the day it was given and
// under what it recorded.
QString ratingStars(const QString &r, const QString &sign)
{
    QStringList stars;
    for (int s = 1; s <= 5; ++s)
        stars.append(u"%1 * (%2.stars = %3)"_s.arg(sign, r).arg(s));
    return u"INSERT INTO rating_days ("_s + Key + u", "_s + StarColumns.join(u", "_s) +
           u") VALUES ("_s + dayOf(r + u".created_at"_s) +
           u", COALESCE(%1.assignee_id, 0), COALESCE(%1.fleet_id, 0), COALESCE(%1.flow_id, 0), "
           "COALESCE(%1.template_id, 0), COALESCE(%1.customer_id, 0), "_s.arg(r) +
           stars.join(u", "_s) + u')' + addOnConflict(Key, StarColumns) + u';';
}

// The ticket rated by `r` counted as resolved on its resolution day: unrated under the
// ticket's own fields (`asRated` false) or rated under what `r` recorded.
QString ratedTicket(const QString &r, const QString &sign, bool asRated)
{
    const QString dims =
        asRated ? u"COALESCE(%1.assignee_id, 0), COALESCE(%1.fleet_id, 0), "
                  "COALESCE(%1.flow_id, 0), COALESCE(%1.template_id, 0), "
                  "COALESCE(%1.customer_id, 0)"_s.arg(r)
                : u"COALESCE(t.assignee_id, 0), COALESCE(t.fleet_id, 0), t.flow_id, "
                  "COALESCE((SELECT d.template_id FROM devices d WHERE d.id = t.device_id), 0), "
                  "COALESCE(t.customer_id, 0)"_s;
    return u"INSERT INTO rating_days ("_s + Key + u", resolved, rated) SELECT "_s +
           dayOf(u"t.resolved_at"_s) + u", "_s + dims +
           u", %1, %2 FROM tickets t "_s.arg(sign, asRated ? sign : u"0"_s) + u"WHERE t.id = "_s +
           r + u".ticket_id AND "_s + Rateable.arg(u"t"_s) + u" AND t.resolved_at IS NOT NULL"_s +
           addOnConflict(Key, {u"resolved"_s, u"rated"_s}) + u';';
}

// The ticket `t` (NEW or OLD) counted as resolved on its resolution day, under its rating
// if it has one, else under its own fields.
QString ticketResolved(const QString &t, const QString &sign)
{
    auto pick = [&](const QString &own, const QString &rated) -> QString {
        return u"CASE WHEN r.id IS NULL THEN "_s + own + u" ELSE COALESCE(r."_s + rated +
               u", 0) END"_s;
    };
    const QStringList dims{
        pick(u"COALESCE(%1.assignee_id, 0)"_s.arg(t), u"assignee_id"_s),
        pick(u"COALESCE(%1.fleet_id, 0)"_s.arg(t), u"fleet_id"_s),
        pick(t + u".flow_id"_s, u"flow_id"_s),
        pick(u"COALESCE((SELECT d.template_id FROM devices d WHERE d.id = %1.device_id), 0)"_s.arg(
                 t),
             u"template_id"_s),
        pick(u"COALESCE(%1.customer_id, 0)"_s.arg(t), u"customer_id"_s),
    };
    return u"INSERT INTO rating_days ("_s + Key + u", resolved, rated) SELECT "_s +
           dayOf(t + u".resolved_at"_s) + u", "_s + dims.join(u", "_s) +
           u", %1, %1 * (r.id IS NOT NULL) FROM (SELECT 1) LEFT JOIN ratings r ON "
           "r.ticket_id = %2.id WHERE "_s.arg(sign, t) +
           Rateable.arg(t) + u" AND "_s + t + u".resolved_at IS NOT NULL"_s +
           addOnConflict(Key, {u"resolved"_s, u"rated"_s}) + u';';
}

// The roll-ups of a change of one rating_days row: `delta(column)` is the SQL of the
// change of that column.
QString rollUp(const std::function<QString(const QString &)> &delta, const QString &row)
{
    QStringList totals, stars, changed;
    for (const QString &c : StarColumns) {
        stars.append(delta(c));
        changed.append(delta(c) + u" <> 0"_s);
    }
    totals = stars;
    totals.append(delta(u"resolved"_s));
    totals.append(delta(u"rated"_s));
    const QStringList totalColumns = StarColumns + QStringList{u"resolved"_s, u"rated"_s};
    return u"INSERT INTO rating_day_totals (day, "_s + totalColumns.join(u", "_s) +
           u") VALUES ("_s + row + u".day, "_s + totals.join(u", "_s) + u')' +
           addOnConflict(u"day"_s, totalColumns) +
           u"; INSERT INTO rating_day_dims (day, dim, "
           "value, "_s +
           StarColumns.join(u", "_s) + u") SELECT "_s + row + u".day, d.dim, d.value, "_s +
           stars.join(u", "_s) +
           u" FROM (SELECT 1 AS dim, %1.assignee_id AS value UNION ALL "
           "SELECT 2, %1.fleet_id UNION ALL SELECT 3, %1.flow_id UNION "
           "ALL SELECT 4, %1.template_id UNION ALL SELECT 5, "
           "%1.customer_id) d WHERE "_s.arg(row) +
           changed.join(u" OR "_s) + addOnConflict(u"day, dim, value"_s, StarColumns) + u';';
}

QString counts(const QStringList &columns)
{
    QStringList out;
    for (const QString &c : columns)
        out.append(c + u" INTEGER NOT NULL DEFAULT 0"_s);
    return out.join(u", "_s);
}

} // namespace

QStringList ratingStatsMigration()
{
    const QString stars = counts(StarColumns);
    const QString resolved = counts({u"resolved"_s, u"rated"_s});
    const QString ticketChanged =
        u"OLD.resolved_at IS NOT NEW.resolved_at OR OLD.visibility IS NOT NEW.visibility OR "
        "OLD.created_by_kind IS NOT NEW.created_by_kind OR OLD.assignee_id IS NOT "
        "NEW.assignee_id OR OLD.fleet_id IS NOT NEW.fleet_id OR OLD.flow_id IS NOT NEW.flow_id "
        "OR OLD.customer_id IS NOT NEW.customer_id OR OLD.device_id IS NOT NEW.device_id"_s;
    const QString keyChanged =
        u"OLD.day IS NOT NEW.day OR OLD.assignee_id IS NOT NEW.assignee_id OR OLD.fleet_id IS "
        "NOT NEW.fleet_id OR OLD.flow_id IS NOT NEW.flow_id OR OLD.template_id IS NOT "
        "NEW.template_id OR OLD.customer_id IS NOT NEW.customer_id"_s;
    return {
        // 'time_zone' and 'zone_offsets' (a hash of stats_zone_offsets): the days
        // rating_days counts (see statsdays.h).
        u"CREATE TABLE stats_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL) "
        "WITHOUT ROWID"_s,
        // The zone's UTC offset in milliseconds from `start` (UTC) on.
        u"CREATE TABLE stats_zone_offsets (start INTEGER PRIMARY KEY, offset_ms INTEGER NOT "
        "NULL)"_s,
        u"CREATE TABLE rating_days (day INTEGER NOT NULL, assignee_id INTEGER NOT NULL, "
        "fleet_id INTEGER NOT NULL, flow_id INTEGER NOT NULL, template_id INTEGER NOT NULL, "
        "customer_id INTEGER NOT NULL, "_s +
            stars + u", "_s + resolved + u", PRIMARY KEY ("_s + Key + u")) WITHOUT ROWID"_s,
        u"CREATE TABLE rating_day_totals (day INTEGER PRIMARY KEY, "_s + stars + u", "_s +
            resolved + u')',
        // dim: 1 staff (credited assignee), 2 fleet, 3 flow, 4 template, 5 customer.
        u"CREATE TABLE rating_day_dims (day INTEGER NOT NULL, dim INTEGER NOT NULL, value "
        "INTEGER NOT NULL, "_s +
            stars + u", PRIMARY KEY (day, dim, value)) WITHOUT ROWID"_s,
        // Low ratings newest first: an ordered walk of the few 1- and 2-star rows.
        u"CREATE INDEX ratings_low ON ratings (created_at, id) WHERE stars <= 2"_s,

        // Roll-ups. Upserts only add to the counts; a key never changes.
        u"CREATE TRIGGER rating_days_fixed_key BEFORE UPDATE ON rating_days WHEN "_s + keyChanged +
            u" BEGIN SELECT RAISE(ABORT, 'rating_days keys are fixed'); END"_s,
        u"CREATE TRIGGER rating_days_inserted AFTER INSERT ON rating_days BEGIN "_s +
            rollUp([](const QString &c) -> QString { return u"NEW."_s + c; }, u"NEW"_s) + u" END"_s,
        u"CREATE TRIGGER rating_days_updated AFTER UPDATE ON rating_days BEGIN "_s +
            rollUp([](const QString &c) { return u"(NEW.%1 - OLD.%1)"_s.arg(c); }, u"NEW"_s) +
            u" END"_s,
        u"CREATE TRIGGER rating_days_deleted AFTER DELETE ON rating_days BEGIN "_s +
            rollUp([](const QString &c) { return u"(-OLD.%1)"_s.arg(c); }, u"OLD"_s) + u" END"_s,

        // Ratings: their stars, and the rated ticket moves from its own fields to the
        // rating's (ratings.ticket_id is unique: a ticket had no rating before).
        u"CREATE TRIGGER ratings_stats_inserted AFTER INSERT ON ratings BEGIN "_s +
            ratingStars(u"NEW"_s, u"1"_s) + ratedTicket(u"NEW"_s, u"-1"_s, false) +
            ratedTicket(u"NEW"_s, u"1"_s, true) + u" END"_s,
        u"CREATE TRIGGER ratings_stats_deleted AFTER DELETE ON ratings BEGIN "_s +
            ratingStars(u"OLD"_s, u"-1"_s) + ratedTicket(u"OLD"_s, u"-1"_s, true) +
            ratedTicket(u"OLD"_s, u"1"_s, false) + u" END"_s,
        u"CREATE TRIGGER ratings_stats_updated AFTER UPDATE ON ratings BEGIN "_s +
            ratingStars(u"OLD"_s, u"-1"_s) + ratedTicket(u"OLD"_s, u"-1"_s, true) +
            ratedTicket(u"OLD"_s, u"1"_s, false) + ratingStars(u"NEW"_s, u"1"_s) +
            ratedTicket(u"NEW"_s, u"-1"_s, false) + ratedTicket(u"NEW"_s, u"1"_s, true) + u" END"_s,

        // Tickets: resolved (or closed) ones count on their resolution day.
        u"CREATE TRIGGER tickets_stats_inserted AFTER INSERT ON tickets WHEN "
        "NEW.resolved_at IS NOT NULL BEGIN "_s +
            ticketResolved(u"NEW"_s, u"1"_s) + u" END"_s,
        u"CREATE TRIGGER tickets_stats_deleted AFTER DELETE ON tickets WHEN "
        "OLD.resolved_at IS NOT NULL BEGIN "_s +
            ticketResolved(u"OLD"_s, u"-1"_s) + u" END"_s,
        u"CREATE TRIGGER tickets_stats_updated AFTER UPDATE OF resolved_at, visibility, "
        "created_by_kind, assignee_id, fleet_id, flow_id, customer_id, device_id ON tickets "
        "WHEN (OLD.resolved_at IS NOT NULL OR NEW.resolved_at IS NOT NULL) AND ("_s +
            ticketChanged + u") BEGIN "_s + ticketResolved(u"OLD"_s, u"-1"_s) +
            ticketResolved(u"NEW"_s, u"1"_s) + u" END"_s,
    };
}

} // namespace server::sqlite
