#include "schema.h"

#include "statsschema.h"

// Migration 9 writes the shift as a number: it must not change after that shipped.
static_assert(server::sqlite::SearchTicketShift == 24);

using namespace Qt::StringLiterals;

namespace server::sqlite {
namespace {

QStringList libraryTable(const QString &table)
{
    return {
        uR"sql(CREATE TABLE %1 (
            id INTEGER PRIMARY KEY,
            owner_id INTEGER NOT NULL REFERENCES staff(id),
            shared INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),
            scope INTEGER NOT NULL,
            name TEXT NOT NULL COLLATE NOCASE,
            position INTEGER NOT NULL DEFAULT 0,
            doc TEXT NOT NULL DEFAULT '{}',
            updated_at INTEGER NOT NULL,
            UNIQUE (scope, name)))sql"_s.arg(table),
    };
}

} // namespace

// Conventions: times are INTEGER milliseconds since the epoch (UTC); priority and status
// are INTEGER in their enum order (core/enums.h) so that ORDER BY sorts by urgency and
// life cycle; visibility is 0 public, 1 internal; JSON documents are TEXT.
// Migration 13: whether staff member `staffId`'s seen mark at `seq` makes ticket `t` read
// (unread.h: the ticket's threshold for them is at most `seq`, and there is one: -1 is none).
QString readFlag(const QString &t, const QString &staffId, const QString &seq)
{
    return u"MAX(CASE WHEN %1.notable_actor = %2 THEN %1.notable_other_seq ELSE %1.notable_seq "
           "END, CASE WHEN %1.assignee_id = %2 THEN %1.assigned_seq ELSE -1 END) BETWEEN 0 "
           "AND %3"_s.arg(t, staffId, seq);
}

// Migration 13: the SET clause that copies a seen mark's ticket into the ticket_seen row `row`.
QString seenCopy(const QString &row)
{
    return u"(status, priority, assignee_id, read) = (SELECT t.status, t.priority, "
           "t.assignee_id, (%1) FROM tickets t WHERE t.id = %2.ticket_id)"_s.arg(
               readFlag(u"t"_s, row + u".staff_id"_s, row + u".seq"_s), row);
}

const QList<QStringList> &migrations()
{
    static const QList<QStringList> all{
        // 1: the initial schema
        {
            uR"sql(CREATE TABLE staff (
                id INTEGER PRIMARY KEY,
                login TEXT NOT NULL UNIQUE COLLATE NOCASE,
                name TEXT NOT NULL,
                email TEXT NOT NULL DEFAULT '',
                role TEXT NOT NULL CHECK (role IN ('agent', 'admin')),
                password_salt BLOB NOT NULL,
                password_hash BLOB NOT NULL,
                password_iterations INTEGER NOT NULL,
                active INTEGER NOT NULL DEFAULT 1,
                absent_from INTEGER,
                absent_to INTEGER,
                last_assigned_at INTEGER NOT NULL DEFAULT 0))sql"_s,
            uR"sql(CREATE TABLE customers (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                number TEXT NOT NULL DEFAULT '',
                contact_name TEXT NOT NULL DEFAULT '',
                email TEXT NOT NULL DEFAULT '',
                phone TEXT NOT NULL DEFAULT '',
                address TEXT NOT NULL DEFAULT ''))sql"_s,
            uR"sql(CREATE TABLE flows (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                fields TEXT NOT NULL DEFAULT '[]'))sql"_s,
            uR"sql(CREATE TABLE templates (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT ''))sql"_s,
            uR"sql(CREATE TABLE template_flows (
                template_id INTEGER NOT NULL REFERENCES templates(id),
                flow_id INTEGER NOT NULL REFERENCES flows(id),
                position INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (template_id, flow_id)))sql"_s,
            uR"sql(CREATE TABLE fleets (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                strategy TEXT NOT NULL DEFAULT 'manual'
                    CHECK (strategy IN ('round_robin', 'least_open', 'manual')),
                rr_position INTEGER NOT NULL DEFAULT 0))sql"_s,
            uR"sql(CREATE TABLE fleet_members (
                fleet_id INTEGER NOT NULL REFERENCES fleets(id),
                staff_id INTEGER NOT NULL REFERENCES staff(id),
                position INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (fleet_id, staff_id)))sql"_s,
            uR"sql(CREATE TABLE fleet_flow_rules (
                id INTEGER PRIMARY KEY,
                fleet_id INTEGER NOT NULL REFERENCES fleets(id),
                flow_id INTEGER NOT NULL REFERENCES flows(id),
                member_ids TEXT NOT NULL DEFAULT '[]',
                UNIQUE (fleet_id, flow_id)))sql"_s,
            uR"sql(CREATE TABLE devices (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                serial TEXT NOT NULL DEFAULT '',
                location TEXT NOT NULL DEFAULT '',
                code TEXT NOT NULL UNIQUE,
                template_id INTEGER NOT NULL REFERENCES templates(id),
                fleet_id INTEGER NOT NULL REFERENCES fleets(id),
                customer_id INTEGER REFERENCES customers(id)))sql"_s,
            uR"sql(CREATE TABLE code_users (
                id INTEGER PRIMARY KEY,
                device_id INTEGER NOT NULL REFERENCES devices(id),
                name TEXT NOT NULL,
                created_at INTEGER NOT NULL))sql"_s,
            // Only the SHA-256 of a token is stored; kind is 'staff' or 'code_user'.
            uR"sql(CREATE TABLE tokens (
                hash BLOB PRIMARY KEY,
                kind TEXT NOT NULL,
                user_id INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                revoked INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID)sql"_s,
            // customer_id and fleet_id are copied from the device at creation so that
            // filters on them need no join.
            uR"sql(CREATE TABLE tickets (
                id INTEGER PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                status INTEGER NOT NULL DEFAULT 0,
                priority INTEGER NOT NULL DEFAULT 1,
                visibility INTEGER NOT NULL DEFAULT 0,
                flow_id INTEGER NOT NULL REFERENCES flows(id),
                device_id INTEGER NOT NULL REFERENCES devices(id),
                customer_id INTEGER,
                fleet_id INTEGER,
                assignee_id INTEGER REFERENCES staff(id),
                created_by_kind TEXT NOT NULL,
                created_by_id INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                resolved_at INTEGER,
                version INTEGER NOT NULL DEFAULT 1,
                fields TEXT NOT NULL DEFAULT '{}',
                assignment TEXT,
                unassignable INTEGER NOT NULL DEFAULT 0,
                rating_stars INTEGER))sql"_s,
            u"CREATE INDEX tickets_priority ON tickets (priority, created_at, id)"_s,
            u"CREATE INDEX tickets_status ON tickets (status, created_at, id)"_s,
            u"CREATE INDEX tickets_created ON tickets (created_at, id)"_s,
            u"CREATE INDEX tickets_updated ON tickets (updated_at, id)"_s,
            u"CREATE INDEX tickets_assignee ON tickets (assignee_id, status)"_s,
            u"CREATE INDEX tickets_device ON tickets (device_id, visibility)"_s,
            u"CREATE INDEX tickets_customer ON tickets (customer_id)"_s,
            u"CREATE INDEX tickets_fleet ON tickets (fleet_id)"_s,
            u"CREATE INDEX tickets_resolved ON tickets (resolved_at)"_s,
            uR"sql(CREATE TABLE messages (
                id INTEGER PRIMARY KEY,
                ticket_id INTEGER NOT NULL REFERENCES tickets(id),
                seq INTEGER NOT NULL,
                author_kind TEXT NOT NULL,
                author_id INTEGER NOT NULL,
                author_name TEXT NOT NULL,
                body TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                UNIQUE (ticket_id, seq)))sql"_s,
            uR"sql(CREATE TABLE notes (
                id INTEGER PRIMARY KEY,
                ticket_id INTEGER NOT NULL REFERENCES tickets(id),
                seq INTEGER NOT NULL,
                author_id INTEGER NOT NULL,
                author_name TEXT NOT NULL,
                body TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                UNIQUE (ticket_id, seq)))sql"_s,
            // id is 128 random bits in hex; storage_name is the file's server-generated
            // name in the data folder. message_id / note_id link it once posted.
            uR"sql(CREATE TABLE attachments (
                id TEXT PRIMARY KEY,
                ticket_id INTEGER NOT NULL REFERENCES tickets(id),
                internal INTEGER NOT NULL DEFAULT 0,
                name TEXT NOT NULL,
                size INTEGER NOT NULL,
                content_type TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                storage_name TEXT NOT NULL,
                message_id INTEGER REFERENCES messages(id),
                note_id INTEGER REFERENCES notes(id),
                uploaded_by_kind TEXT NOT NULL,
                uploaded_by_id INTEGER NOT NULL,
                uploaded_by_name TEXT NOT NULL,
                created_at INTEGER NOT NULL) WITHOUT ROWID)sql"_s,
            u"CREATE INDEX attachments_ticket ON attachments (ticket_id)"_s,
            // assignee_id is the staff member assigned when the rating was given: the
            // one credited in the statistics, whoever holds the ticket later.
            uR"sql(CREATE TABLE ratings (
                id INTEGER PRIMARY KEY,
                ticket_id INTEGER NOT NULL UNIQUE REFERENCES tickets(id),
                stars INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
                comment TEXT NOT NULL DEFAULT '',
                code_user_id INTEGER NOT NULL,
                assignee_id INTEGER,
                fleet_id INTEGER,
                flow_id INTEGER,
                template_id INTEGER,
                customer_id INTEGER,
                created_at INTEGER NOT NULL))sql"_s,
            u"CREATE INDEX ratings_created ON ratings (created_at)"_s,
            // public_fact = 0 marks entries code users must not see (internal changes).
            uR"sql(CREATE TABLE history (
                id INTEGER PRIMARY KEY,
                ticket_id INTEGER NOT NULL REFERENCES tickets(id),
                at INTEGER NOT NULL,
                actor_kind TEXT NOT NULL,
                actor_id INTEGER NOT NULL,
                actor_name TEXT NOT NULL,
                field TEXT NOT NULL,
                old_value TEXT,
                new_value TEXT,
                public_fact INTEGER NOT NULL DEFAULT 1))sql"_s,
            u"CREATE INDEX history_ticket ON history (ticket_id, id)"_s,
            // The event log behind the WebSocket stream and resume by `since`. device_id,
            // visibility and staff_only decide who may receive an event.
            uR"sql(CREATE TABLE events (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                type TEXT NOT NULL,
                ticket_id INTEGER,
                at INTEGER NOT NULL,
                data TEXT NOT NULL,
                device_id INTEGER,
                visibility INTEGER NOT NULL DEFAULT 0,
                staff_only INTEGER NOT NULL DEFAULT 0))sql"_s,
            uR"sql(CREATE TABLE idempotency (
                caller TEXT NOT NULL,
                key TEXT NOT NULL,
                request_hash BLOB NOT NULL,
                status INTEGER NOT NULL,
                body BLOB NOT NULL,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (caller, key)) WITHOUT ROWID)sql"_s,
            // Full text over title, description and messages: one row per ticket text
            // (kind 't') and per message (kind 'm'), rowid-linked by ticket_id.
            uR"sql(CREATE VIRTUAL TABLE search USING fts5(
                body, ticket_id UNINDEXED, kind UNINDEXED, tokenize = 'unicode61 remove_diacritics 2'))sql"_s,
            u"CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID"_s,
        },
        // 2: ticket queues. A code user's device newest first; "most urgent first, oldest
        // first" (priority DESC, created_at ASC); single-key priority or status sorts (ties by
        // id, which every index ends with). tickets_facets covers every filter and sort
        // column but the text: facets count from it alone, and a page finds its ids in it
        // without reading a row.
        {
            u"CREATE INDEX tickets_device_created ON tickets (device_id, visibility, created_at, id)"_s,
            u"CREATE INDEX tickets_urgent ON tickets (priority DESC, created_at, id)"_s,
            u"CREATE INDEX tickets_by_priority ON tickets (priority)"_s,
            u"CREATE INDEX tickets_by_status ON tickets (status)"_s,
            u"CREATE INDEX tickets_facets ON tickets (status, priority, assignee_id, visibility, "
            "flow_id, device_id, customer_id, fleet_id, created_at, updated_at)"_s,
        },
        // 3: pages and facets in time that does not grow with the table. A list filtered by
        // status (and priority) reads one ordered range per (status, priority) pair and merges
        // them (ticketsql::unionPage). Facets count statuses under a priority filter from
        // tickets_ps_assignee, and priorities and assignees under a status filter from the
        // (status, priority, ...) indexes, without reading rows.
        {
            u"CREATE INDEX tickets_sp_created ON tickets (status, priority, created_at, id)"_s,
            u"CREATE INDEX tickets_sp_updated ON tickets (status, priority, updated_at, id)"_s,
            u"CREATE INDEX tickets_ps_assignee ON tickets (priority, status, assignee_id)"_s,
        },
        // 4: rating statistics pre-aggregated per local day, kept by triggers (statsschema.h).
        ratingStatsMigration(),
        // 5: each staff member's open tickets (new, open, waiting) for least_open assignment,
        // counted once here and then kept by triggers inside the writing statement, whoever
        // writes: counting them per creation read ~40,000 index entries per member at 1M.
        {
            u"CREATE TABLE staff_workload (staff_id INTEGER PRIMARY KEY, "
            "open_tickets INTEGER NOT NULL DEFAULT 0)"_s,
            u"INSERT INTO staff_workload (staff_id, open_tickets) SELECT assignee_id, COUNT(*) "
            "FROM tickets WHERE assignee_id IS NOT NULL AND status IN (0, 1, 2) "
            "GROUP BY assignee_id"_s,
            u"CREATE TRIGGER tickets_workload_inserted AFTER INSERT ON tickets "
            "WHEN NEW.assignee_id IS NOT NULL AND NEW.status IN (0, 1, 2) BEGIN "
            "INSERT INTO staff_workload (staff_id, open_tickets) VALUES (NEW.assignee_id, 1) "
            "ON CONFLICT (staff_id) DO UPDATE SET open_tickets = open_tickets + 1; END"_s,
            u"CREATE TRIGGER tickets_workload_deleted AFTER DELETE ON tickets "
            "WHEN OLD.assignee_id IS NOT NULL AND OLD.status IN (0, 1, 2) BEGIN "
            "UPDATE staff_workload SET open_tickets = open_tickets - 1 "
            "WHERE staff_id = OLD.assignee_id; END"_s,
            u"CREATE TRIGGER tickets_workload_left AFTER UPDATE OF status, assignee_id ON tickets "
            "WHEN OLD.assignee_id IS NOT NULL AND OLD.status IN (0, 1, 2) BEGIN "
            "UPDATE staff_workload SET open_tickets = open_tickets - 1 "
            "WHERE staff_id = OLD.assignee_id; END"_s,
            u"CREATE TRIGGER tickets_workload_joined AFTER UPDATE OF status, assignee_id ON "
            "tickets WHEN NEW.assignee_id IS NOT NULL AND NEW.status IN (0, 1, 2) BEGIN "
            "INSERT INTO staff_workload (staff_id, open_tickets) VALUES (NEW.assignee_id, 1) "
            "ON CONFLICT (staff_id) DO UPDATE SET open_tickets = open_tickets + 1; END"_s,
        },
        // 6: earlier versions showed code users the changes made in the same edit that
        // published an internal ticket (its internal title as a rename's `from`): hide them.
        {
            u"UPDATE history SET public_fact = 0 WHERE public_fact = 1 AND EXISTS (SELECT 1 "
            "FROM history v WHERE v.ticket_id = history.ticket_id AND v.at = history.at AND "
            "v.actor_kind = history.actor_kind AND v.actor_id = history.actor_id AND "
            "v.field = 'visibility' AND v.old_value = '\"internal\"')"_s,
        },
        // 7: what a code user wrote, found without reading rows: pruning code users who
        // wrote nothing, and the quota of files they uploaded outside a message.
        {
            u"CREATE INDEX tokens_user ON tokens (kind, user_id)"_s,
            u"CREATE INDEX tickets_code_user ON tickets (created_by_id) "
            "WHERE created_by_kind = 'code_user'"_s,
            u"CREATE INDEX messages_code_user ON messages (author_id) "
            "WHERE author_kind = 'code_user'"_s,
            u"CREATE INDEX attachments_code_user ON attachments (uploaded_by_id, message_id) "
            "WHERE uploaded_by_kind = 'code_user'"_s,
            u"CREATE INDEX ratings_code_user ON ratings (code_user_id)"_s,
        },
        // 8 (follows 7): staff find tickets by their device's name, location and serial and
        // by their customer's name and number. Full text over the devices and customers
        // (rowid = their id, kept by triggers), so a search reads the tickets of the matching
        // devices and customers through tickets_device / tickets_customer, never the table.
        {
            uR"sql(CREATE VIRTUAL TABLE device_search USING fts5(
                name, location, serial, tokenize = 'unicode61 remove_diacritics 2'))sql"_s,
            u"INSERT INTO device_search (rowid, name, location, serial) "
            "SELECT id, name, location, serial FROM devices"_s,
            u"CREATE TRIGGER devices_search_inserted AFTER INSERT ON devices BEGIN "
            "INSERT INTO device_search (rowid, name, location, serial) "
            "VALUES (NEW.id, NEW.name, NEW.location, NEW.serial); END"_s,
            u"CREATE TRIGGER devices_search_updated AFTER UPDATE OF name, location, serial ON "
            "devices BEGIN DELETE FROM device_search WHERE rowid = OLD.id; "
            "INSERT INTO device_search (rowid, name, location, serial) "
            "VALUES (NEW.id, NEW.name, NEW.location, NEW.serial); END"_s,
            u"CREATE TRIGGER devices_search_deleted AFTER DELETE ON devices BEGIN "
            "DELETE FROM device_search WHERE rowid = OLD.id; END"_s,
            uR"sql(CREATE VIRTUAL TABLE customer_search USING fts5(
                name, number, tokenize = 'unicode61 remove_diacritics 2'))sql"_s,
            u"INSERT INTO customer_search (rowid, name, number) "
            "SELECT id, name, number FROM customers"_s,
            u"CREATE TRIGGER customers_search_inserted AFTER INSERT ON customers BEGIN "
            "INSERT INTO customer_search (rowid, name, number) "
            "VALUES (NEW.id, NEW.name, NEW.number); END"_s,
            u"CREATE TRIGGER customers_search_updated AFTER UPDATE OF name, number ON "
            "customers BEGIN DELETE FROM customer_search WHERE rowid = OLD.id; "
            "INSERT INTO customer_search (rowid, name, number) "
            "VALUES (NEW.id, NEW.name, NEW.number); END"_s,
            u"CREATE TRIGGER customers_search_deleted AFTER DELETE ON customers BEGIN "
            "DELETE FROM customer_search WHERE rowid = OLD.id; END"_s,
        },
        // 9: the ticket in the search rowid (SearchTicketShift). A broad word matched most
        // ticket texts and messages, and reading each match's ticket_id from the content
        // table was most of a 200 ms search at 100,000 tickets. Rebuilt from the tickets
        // and messages, which are what the rows were made of.
        {
            uR"sql(CREATE VIRTUAL TABLE search_by_ticket USING fts5(
                body, ticket_id UNINDEXED, kind UNINDEXED, tokenize = 'unicode61 remove_diacritics 2'))sql"_s,
            u"INSERT INTO search_by_ticket (rowid, body, ticket_id, kind) SELECT id << 24, "
            "title || char(10) || description, id, 't' FROM tickets"_s,
            u"INSERT INTO search_by_ticket (rowid, body, ticket_id, kind) SELECT "
            "(ticket_id << 24) + seq, body, ticket_id, 'm' FROM messages"_s,
            u"DROP TABLE search"_s,
            u"ALTER TABLE search_by_ticket RENAME TO search"_s,
        },
        // 10: the staff's library: text modules, macros and saved views. `scope` is the
        // owner for a personal item and 0 for a shared one, so that names are unique per
        // owner and among the shared items; `doc` holds the rest of the item (JSON).
        libraryTable(u"text_modules"_s) + libraryTable(u"macros"_s) + libraryTable(u"views"_s),
        // 11: unread per staff member and "needs reply" (unreadsql.h). Each ticket keeps what
        // answers "unread for staff member S" in O(1): the seq and actor (staff id, 0 for a
        // code user) of its last notable event, the seq of the last notable event by another
        // actor, and the seq of the last assignment made by someone other than its assignee.
        // ticket_seen holds the last event seq each staff member has seen per ticket; -1
        // stands for "none" on both sides (no row: never seen). Tickets from before start
        // as read (their seqs are -1). awaiting_staff is 1 while the last message is the
        // code user's; the partial index serves ?awaiting=staff.
        {
            u"ALTER TABLE tickets ADD COLUMN notable_seq INTEGER NOT NULL DEFAULT -1"_s,
            u"ALTER TABLE tickets ADD COLUMN notable_actor INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE tickets ADD COLUMN notable_other_seq INTEGER NOT NULL DEFAULT -1"_s,
            u"ALTER TABLE tickets ADD COLUMN assigned_seq INTEGER NOT NULL DEFAULT -1"_s,
            u"ALTER TABLE tickets ADD COLUMN awaiting_staff INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE history ADD COLUMN reason TEXT"_s,
            // An event for one staff member only (ticket.seen): their id.
            u"ALTER TABLE events ADD COLUMN staff_id INTEGER"_s,
            u"CREATE TABLE ticket_seen (staff_id INTEGER NOT NULL, ticket_id INTEGER NOT NULL, "
            "seq INTEGER NOT NULL, PRIMARY KEY (staff_id, ticket_id)) WITHOUT ROWID"_s,
            u"UPDATE tickets SET awaiting_staff = 1 WHERE (SELECT m.author_kind FROM messages m "
            "WHERE m.ticket_id = tickets.id ORDER BY m.seq DESC LIMIT 1) = 'code_user'"_s,
            u"CREATE INDEX tickets_awaiting ON tickets (status, priority, created_at, id) "
            "WHERE awaiting_staff = 1 AND visibility = 0 AND status <> 4"_s,
        },
        // 12: response clocks (core/clocks.h). The targets per priority (milliseconds of
        // business time, NULL = no target) and each fleet's business hours (the JSON of
        // core/clocksjson.h; a fleet without a row runs around the clock in UTC). Each
        // ticket keeps its computed clocks, recomputed in the transaction of every change
        // that moves them: the due times, the first staff reply, since when it waits, the
        // instant each clock is (or will be) breached, and for lists the next due time of
        // a running clock (clock_due, 2^53 - 1 without one, so that sort=due walks one
        // index with those last), when one business hour is left (clock_soon) and the
        // first breach (clock_breach). Existing tickets get theirs when the targets are set.
        {
            u"CREATE TABLE service_levels (priority INTEGER PRIMARY KEY, "
            "first_reply_ms INTEGER, resolution_ms INTEGER)"_s,
            u"CREATE TABLE business_hours (fleet_id INTEGER PRIMARY KEY, doc TEXT NOT NULL)"_s,
            u"ALTER TABLE tickets ADD COLUMN clock_first_reply_due INTEGER"_s,
            u"ALTER TABLE tickets ADD COLUMN clock_resolution_due INTEGER"_s,
            u"ALTER TABLE tickets ADD COLUMN clock_first_reply_at INTEGER"_s,
            u"ALTER TABLE tickets ADD COLUMN clock_paused_since INTEGER"_s,
            u"ALTER TABLE tickets ADD COLUMN clock_first_reply_breach INTEGER"_s,
            u"ALTER TABLE tickets ADD COLUMN clock_resolution_breach INTEGER"_s,
            u"ALTER TABLE tickets ADD COLUMN clock_due INTEGER NOT NULL DEFAULT 9007199254740991"_s,
            u"ALTER TABLE tickets ADD COLUMN clock_soon INTEGER"_s,
            u"ALTER TABLE tickets ADD COLUMN clock_breach INTEGER"_s,
            u"CREATE INDEX tickets_due ON tickets (clock_due, id)"_s,
            u"CREATE INDEX tickets_clock_breach ON tickets (clock_breach)"_s,
            u"CREATE INDEX tickets_clock_soon ON tickets (clock_soon)"_s,
            u"CREATE INDEX messages_staff ON messages (ticket_id, created_at) "
            "WHERE author_kind = 'staff'"_s,
        },
        // 13: the unread facets as a difference (unreadfacets.cpp): the tickets no notable
        // event ever happened on, and those whose only notable actor is one staff member;
        // and each seen mark keeps a copy of its ticket's status, priority and assignee and
        // whether it makes the ticket read (`read`), kept by triggers on both tables, so
        // that a staff member's read tickets are counted from their own rows alone.
        {
            u"CREATE INDEX tickets_unnotable ON tickets (status, priority, assignee_id) "
            "WHERE notable_seq = -1"_s,
            u"CREATE INDEX tickets_sole_actor ON tickets (notable_actor, status, priority) "
            "WHERE notable_other_seq = -1 AND notable_actor <> 0"_s,
            u"ALTER TABLE ticket_seen ADD COLUMN status INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE ticket_seen ADD COLUMN priority INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE ticket_seen ADD COLUMN assignee_id INTEGER"_s,
            u"ALTER TABLE ticket_seen ADD COLUMN read INTEGER NOT NULL DEFAULT 0"_s,
            u"UPDATE ticket_seen SET "_s + seenCopy(u"ticket_seen"_s),
            u"CREATE INDEX ticket_seen_ticket ON ticket_seen (ticket_id)"_s,
            u"CREATE INDEX ticket_seen_read ON ticket_seen (staff_id, status, priority, "
            "assignee_id) WHERE read = 1"_s,
            u"CREATE TRIGGER ticket_seen_follows AFTER UPDATE OF status, priority, assignee_id, "
            "notable_seq, notable_actor, notable_other_seq, assigned_seq ON tickets BEGIN "
            "UPDATE ticket_seen SET status = NEW.status, priority = NEW.priority, "
            "assignee_id = NEW.assignee_id, read = ("_s +
                readFlag(u"NEW"_s, u"ticket_seen.staff_id"_s, u"ticket_seen.seq"_s) +
                u") WHERE ticket_id = NEW.id; END"_s,
            u"CREATE TRIGGER ticket_seen_added AFTER INSERT ON ticket_seen BEGIN "
            "UPDATE ticket_seen SET "_s +
                seenCopy(u"NEW"_s) +
                u" WHERE staff_id = NEW.staff_id AND ticket_id = NEW.ticket_id; END"_s,
            u"CREATE TRIGGER ticket_seen_moved AFTER UPDATE OF seq ON ticket_seen BEGIN "
            "UPDATE ticket_seen SET "_s +
                seenCopy(u"NEW"_s) +
                u" WHERE staff_id = NEW.staff_id AND ticket_id = NEW.ticket_id; END"_s,
        },
        // 14: "first reply in time" and "resolved in time" of GET /stats/ratings
        // (intimestats.h) walk the first replies and resolutions of a period that have a
        // due time: partial indexes hold only those (none for tickets without targets).
        {
            // Covering: a year of first replies read no table rows (639 -> ~150 ms at 1M).
            u"CREATE INDEX tickets_first_reply_clock ON tickets (clock_first_reply_at, "
            "created_by_kind, visibility, clock_first_reply_breach, assignee_id, fleet_id, "
            "flow_id, customer_id, device_id) WHERE clock_first_reply_due IS NOT NULL"_s,
            u"CREATE INDEX tickets_resolved_clock ON tickets (resolved_at, created_by_kind, "
            "visibility, clock_resolution_breach, assignee_id, fleet_id, flow_id, customer_id, "
            "device_id) WHERE clock_resolution_due IS NOT NULL"_s,
        },
    };
    return all;
}

} // namespace server::sqlite
