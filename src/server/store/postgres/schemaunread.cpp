#include "schema.h"

using namespace Qt::StringLiterals;

namespace server::postgres::schema {
namespace {

// Whether staff member `staffId`'s seen mark at `seq` makes ticket `t` read (SQLite
// migration 13's readFlag, store/sqlite/unread.h): the ticket's threshold for them is at
// most `seq`, and there is one (-1 is none). 1 or 0.
QString readFlag(const QString &t, const QString &staffId, const QString &seq)
{
    return u"(GREATEST(CASE WHEN %1.notable_actor = %2 THEN %1.notable_other_seq ELSE "
           "%1.notable_seq END, CASE WHEN %1.assignee_id = %2 THEN %1.assigned_seq ELSE -1 "
           "END) BETWEEN 0 AND %3)::int"_s.arg(t, staffId, seq);
}

} // namespace

QStringList workloadAndSeen()
{
    return {
        // SQLite migration 5: each staff member's open tickets (new, open, waiting).
        u"CREATE TABLE staff_workload (staff_id BIGINT PRIMARY KEY, "
        "open_tickets BIGINT NOT NULL DEFAULT 0)"_s,
        uR"sql(CREATE FUNCTION tickets_workload() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                IF OLD.assignee_id IS NOT NULL AND OLD.status IN (0, 1, 2) THEN
                    UPDATE staff_workload SET open_tickets = open_tickets - 1
                    WHERE staff_id = OLD.assignee_id;
                END IF;
            END IF;
            IF TG_OP <> 'DELETE' THEN
                IF NEW.assignee_id IS NOT NULL AND NEW.status IN (0, 1, 2) THEN
                    INSERT INTO staff_workload AS w (staff_id, open_tickets)
                    VALUES (NEW.assignee_id, 1)
                    ON CONFLICT (staff_id) DO UPDATE SET open_tickets = w.open_tickets + 1;
                END IF;
            END IF;
            RETURN NULL;
        END $$)sql"_s,
        u"CREATE TRIGGER tickets_workload AFTER INSERT OR DELETE OR UPDATE OF status, "
        "assignee_id ON tickets FOR EACH ROW EXECUTE FUNCTION tickets_workload()"_s,

        // SQLite migrations 11 and 13: the last event seq each staff member has seen per
        // ticket (no row: never seen), with a copy of the ticket's status, priority and
        // assignee and whether the mark makes it read.
        u"CREATE TABLE ticket_seen (staff_id BIGINT NOT NULL, ticket_id BIGINT NOT NULL, "
        "seq BIGINT NOT NULL, status INTEGER NOT NULL DEFAULT 0, priority INTEGER NOT NULL "
        "DEFAULT 0, assignee_id BIGINT, read INTEGER NOT NULL DEFAULT 0, "
        "PRIMARY KEY (staff_id, ticket_id))"_s,
        u"CREATE INDEX ticket_seen_ticket ON ticket_seen (ticket_id)"_s,
        u"CREATE INDEX ticket_seen_read ON ticket_seen (staff_id, status, priority, "
        "assignee_id) WHERE read = 1"_s,
        // ticket_seen_added and ticket_seen_moved: SQLite updates the row after writing it;
        // a BEFORE trigger fills it in as it is written, to the same effect.
        uR"sql(CREATE FUNCTION ticket_seen_copy() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            SELECT t.status, t.priority, t.assignee_id, )sql"_s +
            readFlag(u"t"_s, u"NEW.staff_id"_s, u"NEW.seq"_s) + uR"sql(
            INTO NEW.status, NEW.priority, NEW.assignee_id, NEW.read
            FROM tickets t WHERE t.id = NEW.ticket_id;
            RETURN NEW;
        END $$)sql"_s,
        u"CREATE TRIGGER ticket_seen_added BEFORE INSERT ON ticket_seen FOR EACH ROW "
        "EXECUTE FUNCTION ticket_seen_copy()"_s,
        u"CREATE TRIGGER ticket_seen_moved BEFORE UPDATE OF seq ON ticket_seen FOR EACH ROW "
        "EXECUTE FUNCTION ticket_seen_copy()"_s,
        // ticket_seen_follows: the marks follow their ticket.
        uR"sql(CREATE FUNCTION ticket_seen_follows() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE ticket_seen s SET status = NEW.status, priority = NEW.priority,
                assignee_id = NEW.assignee_id, read = )sql"_s +
            readFlag(u"NEW"_s, u"s.staff_id"_s, u"s.seq"_s) + uR"sql(
            WHERE s.ticket_id = NEW.id;
            RETURN NULL;
        END $$)sql"_s,
        u"CREATE TRIGGER ticket_seen_follows AFTER UPDATE OF status, priority, assignee_id, "
        "notable_seq, notable_actor, notable_other_seq, assigned_seq ON tickets FOR EACH ROW "
        "WHEN ((OLD.status, OLD.priority, OLD.assignee_id, OLD.notable_seq, "
        "OLD.notable_actor, OLD.notable_other_seq, OLD.assigned_seq) IS DISTINCT FROM "
        "(NEW.status, NEW.priority, NEW.assignee_id, NEW.notable_seq, NEW.notable_actor, "
        "NEW.notable_other_seq, NEW.assigned_seq)) EXECUTE FUNCTION ticket_seen_follows()"_s,
    };
}

} // namespace server::postgres::schema
