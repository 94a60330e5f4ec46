#include "generator.h"

#include "core/enums.h"
#include "core/timeutil.h"
#include "demodata.h"
#include "demotexts.h"
#include "demounread.h"
#include "store/sqlite/assignment.h"
#include "store/sqlite/schema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

// The search rows below spell the rowid shift as a number.
static_assert(server::sqlite::SearchTicketShift == 24);

using namespace Qt::StringLiterals;

// Speed: SQLite's own work dominates (ten ticket indexes, full text), so the generator keeps
// statements few and large. Ticket rows are bound one by one (named placeholders: positional
// ones format a string per value in Qt 6.4); each batch's dependent rows (history, messages,
// notes, ratings, full-text rows) are derived from the new tickets by INSERT ... SELECT,
// their choices made by a hash of the ticket id and the seed. A full-text insert per row
// would also flush FTS5's index at every statement. The rating statistics' per-day figures
// follow by themselves: the triggers of migration 4 (store/sqlite/statsschema.h) count each
// resolved ticket and rating as it is inserted.
namespace server::demo {
namespace {

constexpr qint64 Minute = 60 * 1000LL;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;
constexpr qint64 Span = 365 * Day;
constexpr qint64 BatchSize = 10000;

// An assignment record as compact JSON without `assigneeId` and `at` and without the
// opening brace: a ticket's record is its own `{"assigneeId":..,"at":"..",` and this.
QString recordTail(QJsonObject record)
{
    record.remove(u"assigneeId"_s);
    record.remove(u"at"_s);
    return QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact)).mid(1);
}

// A range of rows in the temporary text table.
struct TextPool {
    int base = 0;
    int size = 0;
    // SQL: the text chosen by the integer SQL expression `hash`.
    QString pick(const QString &hash) const
    {
        return u"(SELECT body FROM temp.generator_text WHERE id = %1 + %2 % %3)"_s.arg(
            QString::number(base), hash, QString::number(size));
    }
};

class DerivedRows
{
public:
    DerivedRows(QSqlDatabase &db, quint32 seed)
        : m_db(db)
        , m_seed(seed)
    {}
    bool prepare(QString *error);
    bool insert(qint64 firstTicket, qint64 lastTicket, QString *error);

private:
    // A pseudo-random non-negative integer per ticket (t.id) and SQL expression `k`.
    QString hash(const QString &k) const
    {
        // Squared, so that the values for neighbouring k are not simply shifted.
        const QString x = u"(((t.id % 1000003) * 2654435761 + (%1) * 1597334677 + %2) % "
                          "2147483647)"_s.arg(k, QString::number(m_seed));
        return u"(%1 * %1 % 2147483647)"_s.arg(x);
    }
    TextPool addPool(const QStringList &texts, QSqlQuery &insert, bool *ok);

    QSqlDatabase &m_db;
    quint32 m_seed;
    QList<QSqlQuery> m_statements;
    int m_nextText = 0;
};

TextPool DerivedRows::addPool(const QStringList &texts, QSqlQuery &insert, bool *ok)
{
    const TextPool pool{m_nextText, int(texts.size())};
    for (const QString &t : texts) {
        insert.bindValue(0, m_nextText++);
        insert.bindValue(1, t);
        *ok = *ok && insert.exec();
    }
    return pool;
}

bool DerivedRows::prepare(QString *error)
{
    QSqlQuery q(m_db);
    const bool created =
        q.exec(u"DROP TABLE IF EXISTS temp.generator_text"_s) &&
        q.exec(
            u"CREATE TEMP TABLE generator_text (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"_s) &&
        q.prepare(u"INSERT INTO temp.generator_text (id, body) VALUES (?, COALESCE(?, ''))"_s);
    bool ok = created;
    const texts::Pools &p = texts::pools();
    const TextPool fieldLines = addPool(p.codeUserLines, q, &ok);
    const TextPool staffLines = addPool(p.staffLines, q, &ok);
    const TextPool notes = addPool(p.notes, q, &ok);
    const TextPool praise = addPool(p.praise, q, &ok);
    const TextPool complaints = addPool(p.complaints, q, &ok);
    if (!ok) {
        *error = u"generator: "_s + q.lastError().text();
        return false;
    }
    QString statusText = u"CASE t.status"_s;
    for (int s = 0; s < core::StatusCount; ++s)
        statusText +=
            u" WHEN %1 THEN '\"%2\"'"_s.arg(QString::number(s), core::toString(core::Status(s)));
    statusText += u" END"_s;
    const QString batch = u"t.id BETWEEN :first AND :last"_s;
    const QString staffName = u"(SELECT name FROM staff WHERE id = %1)"_s;
    const QString codeUserName = u"(SELECT name FROM code_users WHERE id = %1)"_s;
    // Messages and notes spread evenly from creation to `end`: resolution, else last update.
    const QString end = u"COALESCE(t.resolved_at, t.updated_at)"_s;
    const QString seqs2 = u"(SELECT 1 AS seq UNION ALL SELECT 2)"_s;
    const QString seqs4 = u"(SELECT 1 AS seq UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL "
                          "SELECT 4)"_s;
    const QStringList sql = {
        // The rowids as store/sqlite/schema.h says (SearchTicketShift).
        u"INSERT INTO search (rowid, body, ticket_id, kind) SELECT t.id << 24, t.title || "
        "char(10) || t.description, t.id, 't' FROM tickets t WHERE "_s +
            batch,
        u"INSERT INTO history (ticket_id, at, actor_kind, actor_id, actor_name, field, "
        "old_value, new_value, public_fact) SELECT t.id, t.created_at, t.created_by_kind, "
        "t.created_by_id, CASE t.created_by_kind WHEN 'staff' THEN "_s +
            staffName.arg(u"t.created_by_id"_s) + u" ELSE "_s +
            codeUserName.arg(u"t.created_by_id"_s) +
            u" END, 'created', NULL, '\"new\"', t.visibility = 0 FROM tickets t WHERE "_s + batch,
        // One fact for the whole way to the current status keeps a million tickets cheap.
        u"INSERT INTO history (ticket_id, at, actor_kind, actor_id, actor_name, field, "
        "old_value, new_value, public_fact) SELECT t.id, "_s +
            end + u", 'staff', t.assignee_id, "_s + staffName.arg(u"t.assignee_id"_s) +
            u", 'status', '\"new\"', "_s + statusText +
            u", t.visibility = 0 FROM tickets t WHERE t.status > 0 AND "_s + batch,
        // 1..4 messages on public tickets, alternating between backoffice and field.
        u"INSERT INTO messages (ticket_id, seq, author_kind, author_id, author_name, body, "
        "created_at) SELECT id, seq, CASE WHEN field THEN 'code_user' ELSE 'staff' END, "
        "CASE WHEN field THEN created_by_id ELSE assignee_id END, CASE WHEN field THEN "_s +
            codeUserName.arg(u"created_by_id"_s) + u" ELSE "_s + staffName.arg(u"assignee_id"_s) +
            u" END, CASE WHEN field THEN "_s + fieldLines.pick(u"h"_s) + u" ELSE "_s +
            staffLines.pick(u"h"_s) +
            u" END, created_at + ((e - created_at) * seq) / (n + 1) FROM (SELECT t.id, "
            "t.created_by_id, t.assignee_id, t.created_at, s.seq, "_s +
            end + u" AS e, t.status = 0 OR s.seq % 2 = 0 AS field, "_s + hash(u"s.seq"_s) +
            u" AS h, CASE WHEN t.status = 0 THEN 1 ELSE 1 + "_s + hash(u"0"_s) +
            u" % 4 END AS n FROM tickets t, "_s + seqs4 + u" s WHERE t.visibility = 0 AND "_s +
            batch + u") WHERE seq <= n ORDER BY id, seq"_s,
        u"INSERT INTO search (rowid, body, ticket_id, kind) SELECT (m.ticket_id << 24) + m.seq, "
        "m.body, m.ticket_id, 'm' FROM messages m WHERE m.ticket_id BETWEEN :first AND :last"_s,
        // Notes: one or two on internal tickets, one on 30% of the public ones.
        u"INSERT INTO notes (ticket_id, seq, author_id, author_name, body, created_at) SELECT "
        "id, seq, a, "_s +
            staffName.arg(u"a"_s) + u", "_s + notes.pick(u"h"_s) +
            u", created_at + ((e - created_at) * seq) / (n + 1) FROM (SELECT t.id, "
            "t.created_at, s.seq, COALESCE(t.assignee_id, t.created_by_id) AS a, "_s +
            end + u" AS e, "_s + hash(u"s.seq + 7"_s) +
            u" AS h, CASE WHEN t.visibility = 1 "
            "THEN 1 + "_s +
            hash(u"2"_s) + u" % 2 WHEN "_s + hash(u"3"_s) +
            u" % 10 < 3 THEN 1 ELSE 0 END AS n FROM tickets t, "_s + seqs2 +
            u" s WHERE (t.visibility = 1 OR t.assignee_id IS NOT NULL) AND "_s + batch +
            u") WHERE seq <= n ORDER BY id, seq"_s,
        u"INSERT INTO ratings (ticket_id, stars, comment, code_user_id, assignee_id, fleet_id, "
        "flow_id, template_id, customer_id, created_at) SELECT t.id, t.rating_stars, CASE WHEN "
        "t.rating_stars >= 4 THEN "_s +
            praise.pick(hash(u"5"_s)) + u" WHEN t.rating_stars <= 2 THEN "_s +
            complaints.pick(hash(u"5"_s)) +
            u" ELSE '' END, t.created_by_id, t.assignee_id, t.fleet_id, t.flow_id, (SELECT "
            "template_id FROM devices WHERE id = t.device_id), t.customer_id, t.updated_at "
            "FROM tickets t WHERE t.rating_stars IS NOT NULL AND "_s +
            batch,
    };
    for (const QString &statement : sql) {
        QSqlQuery s(m_db);
        if (!s.prepare(statement)) {
            *error = u"generator: "_s + s.lastError().text();
            return false;
        }
        m_statements.append(s);
    }
    return true;
}

bool DerivedRows::insert(qint64 firstTicket, qint64 lastTicket, QString *error)
{
    const QString first = u":first"_s, last = u":last"_s;
    for (QSqlQuery &s : m_statements) {
        s.bindValue(first, firstTicket);
        s.bindValue(last, lastTicket);
        if (!s.exec()) {
            *error = u"generator: "_s + s.lastError().text();
            return false;
        }
    }
    return true;
}

// Each ticket's choices, drawn in C++ from the seeded generator.
class TicketMaker
{
public:
    TicketMaker(const Directory &dir, qint64 n, qint64 now, quint32 seed);
    bool prepare(QSqlDatabase &db, QString *error);
    bool insert(qint64 id, qint64 index, QString *error);

private:
    struct FlowChoice {
        qint64 flowId;
        QStringList titles, fields;
        QList<qint64> candidates;
        QString ruleTail; // the rule's record after {"assigneeId":..,"at":"..",
    };
    struct DeviceInfo {
        const Directory::Device *device;
        bool manual;
        QList<FlowChoice> flows;
    };

    const Directory &m_dir;
    qint64 m_n, m_now;
    QRandomGenerator m_rng;
    QList<QStringList> m_descriptions; // by template slot
    QList<DeviceInfo> m_devices;
    qint64 m_assigner;
    QString m_manualTail; // the manual record after {"assigneeId":..,"at":"..",
    QSqlQuery m_insert;
    QStringList m_names;
};

TicketMaker::TicketMaker(const Directory &dir, qint64 n, qint64 now, quint32 seed)
    : m_dir(dir)
    , m_n(n)
    , m_now(now)
    , m_rng(seed)
    , m_assigner(dir.activeStaffIds.value(0, 1))
    , m_manualTail(recordTail(
          sqlite::manualAssignment(qint64(1), m_assigner, dir.staffNames.value(m_assigner), 0)))
{
    for (int slot = 0; slot < 3; ++slot) {
        QStringList list;
        for (int i = 0; i < 64; ++i)
            list.append(texts::description(slot, m_rng));
        m_descriptions.append(list);
    }
    for (const Directory::Device &d : dir.devices) {
        const Directory::Fleet fleet = dir.fleets.value(d.fleetId);
        DeviceInfo info{&d, fleet.strategy == core::FleetStrategy::Manual, {}};
        const int slot = templateSlot(d.templateId);
        for (qint64 flowId : dir.templateFlows.value(d.templateId)) {
            const core::Flow flow = dir.flows.value(flowId);
            FlowChoice c{flowId, {}, {}, {}, {}};
            for (int i = 0; i < 12; ++i)
                c.titles.append(texts::title(slot, flow.key, m_rng));
            for (int i = 0; i < 16; ++i)
                c.fields.append(
                    QString::fromUtf8(QJsonDocument(texts::fieldValues(flow.fields, slot, m_rng))
                                          .toJson(QJsonDocument::Compact)));
            // Staff who left keep old tickets in the demo seed but get no new ones.
            const bool ruled = fleet.rules.contains(flowId);
            const QList<qint64> all = ruled ? fleet.rules.value(flowId) : fleet.memberIds;
            for (qint64 s : all) {
                if (dir.activeStaffIds.contains(s))
                    c.candidates.append(s);
            }
            if (c.candidates.isEmpty())
                c.candidates = all;
            // The server's record (store/sqlite/assignment.cpp) without the parts that
            // differ per ticket, which insert() puts in front.
            sqlite::RuleSource source{fleet.id, fleet.name, fleet.strategy, std::nullopt, {}};
            if (ruled) {
                source.flowId = flowId;
                source.flow = flow.name;
            }
            c.ruleTail = recordTail(sqlite::ruleAssignment(qint64(1), source, 0));
            info.flows.append(c);
        }
        m_devices.append(info);
    }
}

bool TicketMaker::prepare(QSqlDatabase &db, QString *error)
{
    const QStringList columns =
        u"id, number, title, description, status, priority, visibility, flow_id, device_id, "
        "customer_id, fleet_id, assignee_id, created_by_kind, created_by_id, created_at, "
        "updated_at, resolved_at, version, fields, assignment, rating_stars"_s.split(u", "_s);
    for (const QString &c : columns)
        m_names.append(u':' + c);
    m_insert = QSqlQuery(db);
    if (!m_insert.prepare(u"INSERT INTO tickets ("_s + columns.join(u", "_s) + u") VALUES ("_s +
                          m_names.join(u", "_s) + u')')) {
        *error = u"generator: "_s + m_insert.lastError().text();
        return false;
    }
    return true;
}

bool TicketMaker::insert(qint64 id, qint64 index, QString *error)
{
    QRandomGenerator &rng = m_rng;
    auto pick = [&](const auto &list) {
        return list[rng.bounded(int(list.size()))];
    };
    // Creation times rise with the id, a little jitter apart, over the year before now.
    const qint64 c =
        m_now - Span + (Span * index) / m_n + rng.bounded(int(qMin(Span / m_n + 1, Hour)));
    const qint64 age = m_now - c;
    const DeviceInfo &d = pick(m_devices);
    const FlowChoice &f = d.flows[rng.bounded(100) < 65 ? 0 : rng.bounded(int(d.flows.size()))];
    const bool internal = rng.bounded(100) < 15;
    const int r = rng.bounded(100);
    int status;
    if (age < 3 * Day)
        status = r < 45 ? 0 : r < 80 ? 1 : 2;
    else if (age < 14 * Day)
        status = r < 10 ? 0 : r < 40 ? 1 : r < 65 ? 2 : r < 90 ? 3 : 4;
    else
        status = r < 2 ? 1 : r < 5 ? 2 : r < 20 ? 3 : 4;
    const int priority = rng.bounded(4) == 0 ? 0 : rng.bounded(3) == 0 ? 2 : 1;
    const qint64 codeUser = pick(d.device->codeUserIds);
    const qint64 assignee = pick(f.candidates);
    const bool assigned = !(status == 0 && (d.manual || rng.bounded(10) < 3));
    const qint64 work = qMin((age * 7) / 10, 2 * Hour + rng.bounded(8 * 24 * 60) * Minute);
    // Messages, notes and the last status change fall between creation and `end`.
    const qint64 end = status == 0 ? c + age / 2 : c + work;
    QVariant stars, updated = end;
    // A quarter of the resolved public tickets are rated: about 200,000 ratings for a
    // million tickets (the statistics benchmark). bounded(100) draws once, as bounded(10)
    // did, so the other choices stay those of earlier data sets.
    if (!internal && status >= 3 && rng.bounded(100) < 25) {
        const int s = rng.bounded(100);
        stars = s < 45 ? 5 : s < 75 ? 4 : s < 85 ? 3 : s < 93 ? 2 : 1;
        // The rating comes last: its time is the ticket's last update.
        updated = qMin(end + Hour + rng.bounded(3 * 24 * 60) * Minute, m_now);
    }
    QString assignment;
    if (assigned)
        assignment = u"{\"assigneeId\":%1,\"at\":\"%2\","_s.arg(
                         QString::number(assignee), core::toIsoUtc(d.manual ? c + Minute : c)) +
                     (d.manual ? m_manualTail : f.ruleTail);
    const QVariant values[] = {
        id,
        QString(u"T-"_s + QString::number(id).rightJustified(6, u'0')),
        internal ? pick(texts::pools().internalTitles) : pick(f.titles),
        pick(m_descriptions[templateSlot(d.device->templateId)]),
        status,
        priority,
        internal ? 1 : 0,
        f.flowId,
        d.device->id,
        d.device->customerId ? QVariant(*d.device->customerId) : QVariant(),
        d.device->fleetId,
        assigned ? QVariant(assignee) : QVariant(),
        internal ? u"staff"_s : u"code_user"_s,
        internal ? assignee : codeUser,
        c,
        updated,
        status >= 3 ? QVariant(c + work) : QVariant(),
        1 + (status > 0 ? 1 : 0) + (stars.isNull() ? 0 : 1),
        pick(f.fields),
        assignment.isEmpty() ? QVariant() : QVariant(assignment),
        stars,
    };
    for (int i = 0; i < m_names.size(); ++i)
        m_insert.bindValue(m_names[i], values[i]);
    if (m_insert.exec())
        return true;
    *error = u"generator: "_s + m_insert.lastError().text();
    return false;
}

// The inserts of generateTickets, inside its transaction.
bool generate(QSqlDatabase &db, qint64 n, qint64 now, quint32 seed, QString *error)
{
    QSqlQuery q(db);
    auto fail = [&](const QSqlQuery &query) {
        *error = u"generator: "_s + query.lastError().text();
        return false;
    };
    if (!q.exec(u"SELECT COALESCE(MAX(id), 0), COUNT(*) FROM tickets"_s) || !q.next())
        return fail(q);
    const qint64 firstId = q.value(0).toLongLong() + 1;
    // A bulk load (at least as many new tickets as old ones) builds the ticket table's
    // secondary indexes afterwards: sorting once is cheaper than updating ten B-trees a row.
    QStringList indexes;
    if (n >= q.value(1).toLongLong()) {
        if (!q.exec(u"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                    "tbl_name = 'tickets' AND sql IS NOT NULL"_s))
            return fail(q);
        QStringList names;
        while (q.next()) {
            names.append(q.value(0).toString());
            indexes.append(q.value(1).toString());
        }
        for (const QString &name : std::as_const(names)) {
            if (!q.exec(u"DROP INDEX \""_s + name + u'"'))
                return fail(q);
        }
    }
    const std::optional<Directory> dir = loadDirectory(db, error);
    if (!dir)
        return false;
    TicketMaker tickets(*dir, n, now, seed);
    DerivedRows derived(db, seed);
    if (!tickets.prepare(db, error) || !derived.prepare(error))
        return false;
    for (qint64 batch = 0; batch < n; batch += BatchSize) {
        const qint64 batchEnd = qMin(n, batch + BatchSize);
        for (qint64 i = batch; i < batchEnd; ++i) {
            if (!tickets.insert(firstId + i, i, error))
                return false;
        }
        if (!derived.insert(firstId + batch, firstId + batchEnd - 1, error))
            return false;
    }
    // Tickets last changed over three days ago: seen by their assignees.
    if (!markDemoUnread(db, firstId, firstId + n - 1, now - 3 * Day, error))
        return false;
    for (const QString &sql : std::as_const(indexes)) {
        if (!q.exec(sql))
            return fail(q);
    }
    return true;
}

} // namespace

bool generateTickets(QSqlDatabase &db, qint64 n, qint64 nowMsecs, quint32 randomSeed,
                     QString *error)
{
    if (n <= 0)
        return true;
    // With memory-mapped reads SQLite searches the WAL for every page it fetches, cached or
    // not; inside a transaction of a million tickets that alone costs an eighth of the time.
    QSqlQuery pragma(db);
    const QVariant mmapSize =
        pragma.exec(u"PRAGMA mmap_size"_s) && pragma.next() ? pragma.value(0) : QVariant();
    auto setMmap = [&](qint64 bytes) {
        pragma.exec(u"PRAGMA mmap_size = "_s + QString::number(bytes));
        pragma.finish();
    };
    if (mmapSize.isValid())
        setMmap(0);
    const auto restoreMmap = qScopeGuard([&] {
        if (mmapSize.isValid())
            setMmap(mmapSize.toLongLong());
    });
    if (!db.transaction()) {
        *error = u"cannot start the generator transaction: "_s + db.lastError().text();
        return false;
    }
    // The prepared statements are gone when generate() returns, before COMMIT/ROLLBACK.
    if (!generate(db, n, nowMsecs, randomSeed, error)) {
        db.rollback(); // also restores dropped indexes and drops the temporary text table
        return false;
    }
    QSqlQuery drop(db);
    if (!drop.exec(u"DROP TABLE temp.generator_text"_s) || !db.commit()) {
        *error = u"cannot commit the generated tickets: "_s + db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

} // namespace server::demo
