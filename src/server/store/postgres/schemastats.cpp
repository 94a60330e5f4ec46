#include "schema.h"

using namespace Qt::StringLiterals;

// SQLite migration 4 (store/sqlite/statsschema.h says what the tables hold) as PL/pgSQL.
// The triggers are row triggers, so the figures change inside the writing transaction
// whoever writes, as on SQLite. One difference: PostgreSQL runs AFTER row triggers at the
// end of their statement, not row by row; every trigger here reads only rows that the
// statement does not change (or its own NEW/OLD), so the result is the same.
namespace server::postgres::schema {
namespace {

// Functions, not globals: migrations() may run during another file's static initialisation.
QString stars()
{
    return u"stars1, stars2, stars3, stars4, stars5"_s;
}

QString key()
{
    return u"day, assignee_id, fleet_id, flow_id, template_id, customer_id"_s;
}

QString counts(const QString &columns)
{
    return QString(columns).replace(u", "_s, u" BIGINT NOT NULL DEFAULT 0, "_s) +
           u" BIGINT NOT NULL DEFAULT 0"_s;
}

// ON CONFLICT clause adding the new values of `columns` to the row of `table`.
QString addOnConflict(const QString &table, const QString &key, const QString &columns)
{
    QStringList sets;
    for (const QString &c : columns.split(u", "_s))
        sets.append(u"%1 = %2.%1 + excluded.%1"_s.arg(c, table));
    return u" ON CONFLICT ("_s + key + u") DO UPDATE SET "_s + sets.join(u", "_s);
}

} // namespace

QStringList ratingStats()
{
    const QString Stars = stars();
    const QString Key = key();
    const QString days = addOnConflict(u"t"_s, Key, u"resolved, rated"_s);
    return {
        u"CREATE TABLE stats_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
        u"CREATE TABLE stats_zone_offsets (start BIGINT PRIMARY KEY, offset_ms BIGINT NOT NULL)"_s,
        u"CREATE TABLE rating_days (day BIGINT NOT NULL, assignee_id BIGINT NOT NULL, "
        "fleet_id BIGINT NOT NULL, flow_id BIGINT NOT NULL, template_id BIGINT NOT NULL, "
        "customer_id BIGINT NOT NULL, "_s +
            counts(Stars + u", resolved, rated"_s) + u", PRIMARY KEY ("_s + Key + u"))"_s,
        u"CREATE TABLE rating_day_totals (day BIGINT PRIMARY KEY, "_s +
            counts(Stars + u", resolved, rated"_s) + u')',
        // dim: 1 staff (credited assignee), 2 fleet, 3 flow, 4 template, 5 customer.
        u"CREATE TABLE rating_day_dims (day BIGINT NOT NULL, dim INTEGER NOT NULL, value "
        "BIGINT NOT NULL, "_s +
            counts(Stars) + u", PRIMARY KEY (day, dim, value))"_s,

        // The local day of an instant; UTC days until the server has filled the offsets.
        u"CREATE FUNCTION stats_day(at BIGINT) RETURNS BIGINT LANGUAGE sql STABLE AS $$ "
        "SELECT COALESCE((SELECT (at + o.offset_ms) / 86400000 FROM stats_zone_offsets o "
        "WHERE o.start <= at ORDER BY o.start DESC LIMIT 1), at / 86400000) $$"_s,

        // Roll-ups of a rating_days row's change; its key never changes.
        uR"sql(CREATE FUNCTION rating_days_fixed_key() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'rating_days keys are fixed';
        END $$)sql"_s,
        u"CREATE TRIGGER rating_days_fixed_key BEFORE UPDATE ON rating_days FOR EACH ROW WHEN "
        "((OLD.day, OLD.assignee_id, OLD.fleet_id, OLD.flow_id, OLD.template_id, "
        "OLD.customer_id) IS DISTINCT FROM (NEW.day, NEW.assignee_id, NEW.fleet_id, "
        "NEW.flow_id, NEW.template_id, NEW.customer_id)) "
        "EXECUTE FUNCTION rating_days_fixed_key()"_s,
        uR"sql(CREATE FUNCTION rating_days_roll_up() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            o rating_days;
            n rating_days;
            k rating_days;
        BEGIN
            -- Missing sides count as zeros: the change of each count is n - o.
            o := ROW(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            n := o;
            IF TG_OP <> 'INSERT' THEN o := OLD; k := OLD; END IF;
            IF TG_OP <> 'DELETE' THEN n := NEW; k := NEW; END IF;
            INSERT INTO rating_day_totals AS t (day, )sql"_s +
            Stars + uR"sql(, resolved, rated)
            VALUES (k.day, n.stars1 - o.stars1, n.stars2 - o.stars2, n.stars3 - o.stars3,
                    n.stars4 - o.stars4, n.stars5 - o.stars5, n.resolved - o.resolved,
                    n.rated - o.rated))sql"_s +
            addOnConflict(u"t"_s, u"day"_s, Stars + u", resolved, rated"_s) + uR"sql(;
            IF (n.stars1, n.stars2, n.stars3, n.stars4, n.stars5)
                IS DISTINCT FROM (o.stars1, o.stars2, o.stars3, o.stars4, o.stars5) THEN
                INSERT INTO rating_day_dims AS t (day, dim, value, )sql"_s +
            Stars + uR"sql()
                SELECT k.day, d.dim, d.value, n.stars1 - o.stars1, n.stars2 - o.stars2,
                       n.stars3 - o.stars3, n.stars4 - o.stars4, n.stars5 - o.stars5
                FROM (VALUES (1, k.assignee_id), (2, k.fleet_id), (3, k.flow_id),
                             (4, k.template_id), (5, k.customer_id)) d (dim, value))sql"_s +
            addOnConflict(u"t"_s, u"day, dim, value"_s, Stars) + uR"sql(;
            END IF;
            RETURN NULL;
        END $$)sql"_s,
        u"CREATE TRIGGER rating_days_roll_up AFTER INSERT OR UPDATE OR DELETE ON rating_days "
        "FOR EACH ROW EXECUTE FUNCTION rating_days_roll_up()"_s,

        // A rating's stars, `sign` 1 or -1, on the day it was given, under what it recorded.
        uR"sql(CREATE FUNCTION stats_rating_stars(r ratings, sign BIGINT) RETURNS void
        LANGUAGE sql AS $$
            INSERT INTO rating_days AS t ()sql"_s +
            Key + u", "_s + Stars + uR"sql()
            VALUES (stats_day(r.created_at), COALESCE(r.assignee_id, 0),
                    COALESCE(r.fleet_id, 0), COALESCE(r.flow_id, 0),
                    COALESCE(r.template_id, 0), COALESCE(r.customer_id, 0),
                    sign * (r.stars = 1)::int, sign * (r.stars = 2)::int,
                    sign * (r.stars = 3)::int, sign * (r.stars = 4)::int,
                    sign * (r.stars = 5)::int))sql"_s +
            addOnConflict(u"t"_s, Key, Stars) + uR"sql( $$)sql"_s,
        // The ticket rated by `r` counted as resolved on its resolution day: unrated under
        // the ticket's own fields or rated under what `r` recorded.
        uR"sql(CREATE FUNCTION stats_rated_ticket(r ratings, sign BIGINT, as_rated BOOLEAN)
        RETURNS void LANGUAGE sql AS $$
            INSERT INTO rating_days AS t ()sql"_s +
            Key + uR"sql(, resolved, rated)
            SELECT stats_day(x.resolved_at),
                   CASE WHEN as_rated THEN COALESCE(r.assignee_id, 0)
                        ELSE COALESCE(x.assignee_id, 0) END,
                   CASE WHEN as_rated THEN COALESCE(r.fleet_id, 0)
                        ELSE COALESCE(x.fleet_id, 0) END,
                   CASE WHEN as_rated THEN COALESCE(r.flow_id, 0) ELSE x.flow_id END,
                   CASE WHEN as_rated THEN COALESCE(r.template_id, 0)
                        ELSE COALESCE((SELECT d.template_id FROM devices d
                                       WHERE d.id = x.device_id), 0) END,
                   CASE WHEN as_rated THEN COALESCE(r.customer_id, 0)
                        ELSE COALESCE(x.customer_id, 0) END,
                   sign, CASE WHEN as_rated THEN sign ELSE 0 END
            FROM tickets x
            WHERE x.id = r.ticket_id AND x.created_by_kind = 'code_user'
              AND x.visibility = 0 AND x.resolved_at IS NOT NULL)sql"_s +
            days + uR"sql( $$)sql"_s,
        // The ticket `x` counted as resolved on its resolution day, under its rating if it
        // has one, else under its own fields.
        uR"sql(CREATE FUNCTION stats_ticket_resolved(x tickets, sign BIGINT) RETURNS void
        LANGUAGE sql AS $$
            INSERT INTO rating_days AS t ()sql"_s +
            Key + uR"sql(, resolved, rated)
            SELECT stats_day(x.resolved_at),
                   CASE WHEN r.id IS NULL THEN COALESCE(x.assignee_id, 0)
                        ELSE COALESCE(r.assignee_id, 0) END,
                   CASE WHEN r.id IS NULL THEN COALESCE(x.fleet_id, 0)
                        ELSE COALESCE(r.fleet_id, 0) END,
                   CASE WHEN r.id IS NULL THEN x.flow_id ELSE COALESCE(r.flow_id, 0) END,
                   CASE WHEN r.id IS NULL
                        THEN COALESCE((SELECT d.template_id FROM devices d
                                       WHERE d.id = x.device_id), 0)
                        ELSE COALESCE(r.template_id, 0) END,
                   CASE WHEN r.id IS NULL THEN COALESCE(x.customer_id, 0)
                        ELSE COALESCE(r.customer_id, 0) END,
                   sign, sign * (r.id IS NOT NULL)::int
            FROM (SELECT 1) one LEFT JOIN ratings r ON r.ticket_id = x.id
            WHERE x.created_by_kind = 'code_user' AND x.visibility = 0
              AND x.resolved_at IS NOT NULL)sql"_s +
            days + uR"sql( $$)sql"_s,

        // Ratings: their stars, and the rated ticket moves from its own fields to the
        // rating's (ratings.ticket_id is unique: a ticket had no rating before).
        uR"sql(CREATE FUNCTION ratings_stats() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                PERFORM stats_rating_stars(OLD, -1);
                PERFORM stats_rated_ticket(OLD, -1, true);
                PERFORM stats_rated_ticket(OLD, 1, false);
            END IF;
            IF TG_OP <> 'DELETE' THEN
                PERFORM stats_rating_stars(NEW, 1);
                PERFORM stats_rated_ticket(NEW, -1, false);
                PERFORM stats_rated_ticket(NEW, 1, true);
            END IF;
            RETURN NULL;
        END $$)sql"_s,
        u"CREATE TRIGGER ratings_stats AFTER INSERT OR UPDATE OR DELETE ON ratings "
        "FOR EACH ROW EXECUTE FUNCTION ratings_stats()"_s,

        // Tickets: resolved (or closed) ones count on their resolution day.
        uR"sql(CREATE FUNCTION tickets_stats() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN PERFORM stats_ticket_resolved(OLD, -1); END IF;
            IF TG_OP <> 'DELETE' THEN PERFORM stats_ticket_resolved(NEW, 1); END IF;
            RETURN NULL;
        END $$)sql"_s,
        u"CREATE TRIGGER tickets_stats_inserted AFTER INSERT ON tickets FOR EACH ROW "
        "WHEN (NEW.resolved_at IS NOT NULL) EXECUTE FUNCTION tickets_stats()"_s,
        u"CREATE TRIGGER tickets_stats_deleted AFTER DELETE ON tickets FOR EACH ROW "
        "WHEN (OLD.resolved_at IS NOT NULL) EXECUTE FUNCTION tickets_stats()"_s,
        u"CREATE TRIGGER tickets_stats_updated AFTER UPDATE OF resolved_at, visibility, "
        "created_by_kind, assignee_id, fleet_id, flow_id, customer_id, device_id ON tickets "
        "FOR EACH ROW WHEN ((OLD.resolved_at IS NOT NULL OR NEW.resolved_at IS NOT NULL) AND "
        "(OLD.resolved_at, OLD.visibility, OLD.created_by_kind, OLD.assignee_id, "
        "OLD.fleet_id, OLD.flow_id, OLD.customer_id, OLD.device_id) IS DISTINCT FROM "
        "(NEW.resolved_at, NEW.visibility, NEW.created_by_kind, NEW.assignee_id, "
        "NEW.fleet_id, NEW.flow_id, NEW.customer_id, NEW.device_id)) "
        "EXECUTE FUNCTION tickets_stats()"_s,
    };
}

} // namespace server::postgres::schema
