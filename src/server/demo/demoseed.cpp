#include "demoseed.h"

#include "core/enums.h"
#include "core/timeutil.h"
#include "demodata.h"
#include "demolibrary.h"
#include "demotexts.h"
#include "demounread.h"
#include "store/sqlite/assignment.h"
#include "store/sqlite/schema.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace server::demo {

namespace {

constexpr qint64 Minute = 60 * 1000LL;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;
constexpr int DemoTicketCount = 300;
constexpr quint32 DemoSeed = 20240611;

QString jsonText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
// A status or priority as a history value: its JSON string.
template <typename E> QString jsonName(E value)
{
    return u'"' + core::toString(value) + u'"';
}

QString randomHex(QRandomGenerator &rng)
{
    QByteArray bytes(16, Qt::Uninitialized);
    for (char &b : bytes)
        b = char(rng.bounded(256));
    return QString::fromLatin1(bytes.toHex());
}

// One prepared INSERT, rebound per row.
class Insert
{
public:
    // target: "table (columns)"
    Insert(QSqlDatabase &db, const QString &target)
        : m_q(db)
    {
        const qsizetype columns = target.count(u',') + 1;
        m_q.prepare(u"INSERT INTO "_s + target + u" VALUES ("_s +
                    QStringList(columns, u"?"_s).join(u", "_s) + u')');
    }
    bool operator()(const QVariantList &values, QString *error)
    {
        for (int i = 0; i < values.size(); ++i)
            m_q.bindValue(i, values[i]);
        if (m_q.exec())
            return true;
        *error = u"demo data: "_s + m_q.lastError().text();
        return false;
    }

private:
    QSqlQuery m_q;
};

class DemoSeeder
{
public:
    DemoSeeder(QSqlDatabase &db, const Directory &dir, const QString &attachmentDir, qint64 now)
        : m_dir(dir)
        , m_attachmentDir(attachmentDir)
        , m_now(now)
        , m_rng(DemoSeed)
        , m_tickets(db, u"tickets (id, number, title, description, status, priority, visibility, "
                        "flow_id, device_id, customer_id, fleet_id, assignee_id, created_by_kind, "
                        "created_by_id, created_at, updated_at, resolved_at, version, fields, "
                        "assignment, rating_stars)"_s)
        , m_search(db, u"search (rowid, body, ticket_id, kind)"_s)
        , m_messages(db, u"messages (id, ticket_id, seq, author_kind, author_id, author_name, "
                         "body, created_at)"_s)
        , m_notes(db, u"notes (id, ticket_id, seq, author_id, author_name, body, created_at)"_s)
        , m_history(db, u"history (ticket_id, at, actor_kind, actor_id, actor_name, field, "
                        "old_value, new_value, public_fact)"_s)
        , m_ratings(db, u"ratings (ticket_id, stars, comment, code_user_id, assignee_id, "
                        "fleet_id, flow_id, template_id, customer_id, created_at)"_s)
        , m_attachments(db, u"attachments (id, ticket_id, internal, name, size, content_type, "
                            "sha256, storage_name, message_id, note_id, uploaded_by_kind, "
                            "uploaded_by_id, uploaded_by_name, created_at)"_s)
    {}
    bool run(QString *error);
    const QStringList &writtenFiles() const { return m_files; }

private:
    struct Person {
        QString kind; // "code_user", "staff" or "system"
        qint64 id;
        QString name;
    };
    bool seedTicket(qint64 id, qint64 createdAt, QString *error);
    // A file on a message (field photo or log) or on an internal note (delivery note PDF).
    bool attach(qint64 ticketId, const Person &by, std::optional<qint64> messageId,
                std::optional<qint64> noteId, qint64 at, const QString &name,
                const QString &contentType, const QByteArray &bytes, QString *error);
    qint64 between(qint64 from, qint64 to) // a time in [from, to]
    {
        return to <= from ? from : from + qint64(m_rng.bounded(double(to - from)));
    }
    Person staff(qint64 id) const { return {u"staff"_s, id, m_dir.staffNames.value(id)}; }
    static QVariant orNull(const std::optional<qint64> &v) { return v ? QVariant(*v) : QVariant(); }

    const Directory &m_dir;
    QString m_attachmentDir;
    qint64 m_now;
    QRandomGenerator m_rng;
    Insert m_tickets, m_search, m_messages, m_notes, m_history, m_ratings, m_attachments;
    qint64 m_messageId = 0;
    qint64 m_noteId = 0;
    int m_photos = 0;
    int m_public = 0;
    QStringList m_files;
};

bool DemoSeeder::run(QString *error)
{
    if (!QDir().mkpath(m_attachmentDir)) {
        *error = u"cannot create the attachment folder"_s;
        return false;
    }
    // Ages: a tenth in the last three days, more in the weeks before, half over six months;
    // ids follow creation time as they would in a live system.
    QList<qint64> created;
    for (int i = 0; i < DemoTicketCount; ++i) {
        const int band = m_rng.bounded(20);
        const qint64 age = band < 2   ? between(10 * Minute, 3 * Day)
                           : band < 5 ? between(3 * Day, 14 * Day)
                           : band < 9 ? between(14 * Day, 45 * Day)
                                      : between(45 * Day, 182 * Day);
        created.append(m_now - age);
    }
    std::sort(created.begin(), created.end());
    for (int i = 0; i < DemoTicketCount; ++i) {
        if (!seedTicket(i + 1, created[i], error))
            return false;
    }
    return true;
}

bool DemoSeeder::seedTicket(qint64 id, qint64 c, QString *error)
{
    const texts::Pools &p = texts::pools();
    QRandomGenerator &rng = m_rng;
    // Every fourth ticket on the nine listed devices, so demo logins see a full history.
    const Directory::Device &device =
        m_dir.devices[rng.bounded(4) == 0 ? rng.bounded(qMin(9, int(m_dir.devices.size())))
                                          : rng.bounded(int(m_dir.devices.size()))];
    const Directory::Fleet fleet = m_dir.fleets.value(device.fleetId);
    const QList<qint64> flowIds = m_dir.templateFlows.value(device.templateId);
    const int slot = templateSlot(device.templateId);
    const qint64 flowId =
        rng.bounded(100) < 65 ? flowIds[0] : flowIds[1 + rng.bounded(int(flowIds.size()) - 1)];
    const core::Flow flow = m_dir.flows.value(flowId);
    const bool internal = rng.bounded(100) < 15;
    const qint64 age = m_now - c;

    int status;
    const int r = rng.bounded(100);
    if (age < 3 * Day)
        status = r < 45 ? 0 : r < 80 ? 1 : 2;
    else if (age < 14 * Day)
        status = r < 10 ? 0 : r < 40 ? 1 : r < 65 ? 2 : r < 90 ? 3 : 4;
    else
        status = r < 4 ? 1 : r < 8 ? 2 : r < 25 ? 3 : 4;
    int priority = rng.bounded(100) < 25 ? 0 : rng.bounded(100) < 66 ? 1 : 2;
    if (slot == 1 && flow.key == u"problem_report" && rng.bounded(2) == 0)
        priority = 2; // a stuck lift is urgent

    QString title =
        internal ? texts::pick(p.internalTitles, rng) : texts::title(slot, flow.key, rng);
    QString description = texts::description(slot, rng);
    if (!internal && ++m_public % 40 == 7)
        title = p.hostileTitles[(m_public / 40) % p.hostileTitles.size()];
    if (!internal && id % 60 == 23)
        description += u"\n\n"_s + p.hostileBodies[(id / 60) % p.hostileBodies.size()];
    const QString fields = jsonText(texts::fieldValues(flow.fields, slot, rng));
    const qint64 codeUserId = device.codeUserIds[rng.bounded(int(device.codeUserIds.size()))];
    const Person codeUser{u"code_user"_s, codeUserId, m_dir.codeUserNames.value(codeUserId)};
    const Person creator =
        internal ? staff(m_dir.activeStaffIds[rng.bounded(int(m_dir.activeStaffIds.size()))])
                 : codeUser;

    // The life cycle: work until resolution takes hours to days, closing follows later.
    const qint64 work = qMin((age * 7) / 10, between(2 * Hour, 8 * Day));
    const qint64 resolvedAt = c + work;
    const qint64 end = status == 0 ? c + age / 2 : status < 3 ? c + work : resolvedAt;
    qint64 latest = c;
    int changes = 0;
    auto fact = [&](qint64 at, const Person &actor, const QString &field, const QString &from,
                    const QString &to, bool isPublic) {
        // The history reads in the order things happened: no fact before the one before.
        at = qMax(latest, at);
        latest = at;
        // The record of how a ticket was assigned goes with its assignee change.
        changes += field == u"created" || field == u"assignment" ? 0 : 1;
        return m_history({id, at, actor.kind, actor.id, actor.name, field,
                          from.isNull() ? QVariant() : QVariant(from), to, isPublic && !internal},
                         error);
    };
    if (!fact(c, creator, u"created"_s, QString(), jsonName(core::Status::New), true))
        return false;

    // Assignment: the fleet's flow rule or members; manual fleets and some new tickets wait.
    // Staff who left only hold tickets from before they left.
    const QList<qint64> candidates = fleet.rules.value(flowId, fleet.memberIds);
    qint64 assignee = candidates[rng.bounded(int(candidates.size()))];
    if (!m_dir.activeStaffIds.contains(assignee) && age < 60 * Day)
        assignee =
            m_dir.activeStaffIds.contains(candidates[0]) ? candidates[0] : m_dir.activeStaffIds[0];
    const bool manual = fleet.strategy == core::FleetStrategy::Manual;
    std::optional<qint64> assigneeId;
    QString assignment;
    if (!(status == 0 && (manual || rng.bounded(100) < 30))) {
        const qint64 assignedAt = manual ? between(c, qMin(end, c + 4 * Hour)) : c;
        const Person by = manual ? staff(1) : Person{u"system"_s, 0, u"System"_s};
        // Exactly the server's records (store/sqlite/assignment.cpp), so that clients read
        // demo tickets and new ones alike.
        sqlite::RuleSource source{fleet.id, fleet.name, fleet.strategy, std::nullopt, {}};
        if (fleet.rules.contains(flowId)) {
            source.flowId = flowId;
            source.flow = flow.name;
        }
        const QJsonObject a = manual
                                  ? sqlite::manualAssignment(assignee, by.id, by.name, assignedAt)
                                  : sqlite::ruleAssignment(assignee, source, assignedAt);
        assignment = jsonText(a);
        assigneeId = assignee;
        if (!fact(assignedAt, by, u"assigneeId"_s, QString(), QString::number(assignee), true) ||
            !fact(assignedAt, by, u"assignment"_s, QString(), assignment, false))
            return false;
    }
    const Person worker = staff(assigneeId.value_or(1));
    if (priority != 1 && rng.bounded(100) < 40 && status > 0) {
        if (!fact(between(c, end), worker, u"priority"_s, jsonName(core::Priority::Normal),
                  jsonName(core::Priority(priority)), true))
            return false;
    }
    // Status steps along new -> open (-> waiting -> open) -> resolved -> closed.
    QList<int> path;
    if (status >= 1)
        path << 1;
    if (status == 2 || (status >= 3 && rng.bounded(3) == 0))
        path << 2;
    if (status >= 3 && path.last() == 2)
        path << 1;
    if (status >= 3)
        path << 3;
    if (status == 4)
        path << 4;
    qint64 at = c;
    for (int k = 0; k < path.size(); ++k) {
        const int to = path[k];
        at = to == 3   ? resolvedAt
             : to == 4 ? between(resolvedAt + Hour, m_now - Minute)
                       : between(at, c + (work * (k + 1)) / (path.size() + 1));
        if (!fact(at, worker, u"status"_s, jsonName(core::Status(k == 0 ? 0 : path[k - 1])),
                  jsonName(core::Status(to)), true))
            return false;
    }

    // The conversation alternates between backoffice and field; new tickets have only the
    // field's side. Internal tickets have notes only.
    std::optional<qint64> fieldMessage;
    if (!internal) {
        const int count = status == 0 ? 1 + rng.bounded(2) : 1 + rng.bounded(6);
        for (int seq = 1; seq <= count; ++seq) {
            const bool fromField = status == 0 || seq % 2 == 0;
            const Person &author = fromField ? codeUser : worker;
            const qint64 when = c + ((end - c) * seq) / (count + 1);
            QString body = texts::pick(fromField ? p.codeUserLines : p.staffLines, rng);
            if (fromField && id % 40 == 3 && seq == 2)
                body = p.hostileBodies[(id / 40) % p.hostileBodies.size()];
            if (!m_messages(
                    {++m_messageId, id, seq, author.kind, author.id, author.name, body, when},
                    error) ||
                !m_search({(id << sqlite::SearchTicketShift) + seq, body, id, u"m"_s}, error))
                return false;
            if (fromField && !fieldMessage)
                fieldMessage = m_messageId;
            latest = qMax(latest, when);
        }
    }
    std::optional<qint64> firstNote;
    const int notes = internal ? 1 + rng.bounded(3) : rng.bounded(4) == 0 ? 1 + rng.bounded(2) : 0;
    for (int seq = 1; seq <= notes; ++seq) {
        const qint64 when = between(c, end) + seq;
        if (!m_notes({++m_noteId, id, seq, worker.id, worker.name, texts::pick(p.notes, rng), when},
                     error))
            return false;
        firstNote = firstNote.value_or(m_noteId);
        latest = qMax(latest, when);
    }

    // Files: photos and logs from the field, delivery notes on internal notes.
    if (fieldMessage && rng.bounded(100) < 14) {
        const bool photo = rng.bounded(2) == 0;
        const QString name = !photo                ? u"fehlerprotokoll.txt"_s
                             : ++m_photos % 4 == 2 ? u"<b>foto</b> & 'display'.png"_s
                                                   : u"display_foto.png"_s;
        const QByteArray bytes =
            photo ? texts::samplePng()
                  : u"Fehlerprotokoll %1\n%2 Fehler %3\n"_s
                        .arg(title, core::toIsoUtc(c), texts::pick(p.errorCodes, rng))
                        .toUtf8();
        if (!attach(id, codeUser, fieldMessage, std::nullopt, c + Minute, name,
                    photo ? u"image/png"_s : u"text/plain"_s, bytes, error))
            return false;
    }
    if (firstNote && rng.bounded(100) < 20) {
        const QString number = u"T-"_s + QString::number(id).rightJustified(6, u'0');
        if (!attach(id, worker, std::nullopt, firstNote, latest,
                    u"lieferschein_"_s + number + u".pdf"_s, u"application/pdf"_s,
                    texts::samplePdf(u"Lieferschein zu Ticket "_s + number), error))
            return false;
    }

    // Ratings on about 60% of the resolved public tickets, mostly good.
    QVariant stars;
    if (!internal && status >= 3 && rng.bounded(100) < 60) {
        const int s = rng.bounded(100);
        stars = s < 45 ? 5 : s < 75 ? 4 : s < 85 ? 3 : s < 93 ? 2 : 1;
        const QString comment = stars.toInt() >= 4   ? texts::pick(p.praise, rng)
                                : stars.toInt() <= 2 ? texts::pick(p.complaints, rng)
                                                     : QString();
        const qint64 ratedAt = between(resolvedAt + Minute, m_now - Minute);
        if (!m_ratings({id, stars, comment.isNull() ? u""_s : comment, codeUserId,
                        orNull(assigneeId), device.fleetId, flowId, device.templateId,
                        orNull(device.customerId), ratedAt},
                       error))
            return false;
        latest = qMax(latest, ratedAt);
        ++changes;
    }
    return m_tickets({id,
                      QString(u"T-"_s + QString::number(id).rightJustified(6, u'0')),
                      title,
                      description,
                      status,
                      priority,
                      internal ? 1 : 0,
                      flowId,
                      device.id,
                      orNull(device.customerId),
                      device.fleetId,
                      orNull(assigneeId),
                      creator.kind,
                      creator.id,
                      c,
                      qMin(latest, m_now),
                      status >= 3 ? QVariant(resolvedAt) : QVariant(),
                      1 + changes,
                      fields,
                      assignment.isEmpty() ? QVariant() : QVariant(assignment),
                      stars},
                     error) &&
           m_search(
               {id << sqlite::SearchTicketShift, QString(title + u'\n' + description), id, u"t"_s},
               error);
}

bool DemoSeeder::attach(qint64 ticketId, const Person &by, std::optional<qint64> messageId,
                        std::optional<qint64> noteId, qint64 at, const QString &name,
                        const QString &contentType, const QByteArray &bytes, QString *error)
{
    const QString id = randomHex(m_rng);
    const QString storageName = randomHex(m_rng);
    const QString path = QDir(m_attachmentDir).filePath(storageName);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
        file.write(bytes) != bytes.size()) {
        *error = u"cannot write a demo attachment"_s;
        return false;
    }
    m_files.append(path);
    const QString sha256 =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    return m_attachments({id, ticketId, noteId ? 1 : 0, name, bytes.size(), contentType, sha256,
                          storageName, orNull(messageId), orNull(noteId), by.kind, by.id, by.name,
                          at},
                         error);
}

} // namespace

bool seedDemo(QSqlDatabase &db, const QString &attachmentDir, qint64 nowMsecs, QString *error)
{
    if (!db.transaction()) {
        *error = u"cannot start the demo transaction: "_s + db.lastError().text();
        return false;
    }
    // A ticket row is written last, once its messages, facts and rating are known: check
    // references at COMMIT (the pragma ends with the transaction).
    QSqlQuery(u"PRAGMA defer_foreign_keys = ON"_s, db);
    QStringList files;
    bool ok = insertDirectory(db, nowMsecs, error) && insertDemoLibrary(db, nowMsecs, error);
    if (ok) {
        const std::optional<Directory> dir = loadDirectory(db, error);
        ok = dir.has_value();
        if (ok) {
            DemoSeeder seeder(db, *dir, attachmentDir, nowMsecs);
            ok = seeder.run(error);
            files = seeder.writtenFiles();
            // Tickets last changed over three days ago: seen by their assignees.
            ok = ok && markDemoUnread(db, 1, DemoTicketCount, nowMsecs - 3 * Day, error);
        }
    }
    if (ok && !db.commit()) {
        *error = u"cannot commit the demo data: "_s + db.lastError().text();
        ok = false;
    }
    if (!ok) {
        db.rollback();
        for (const QString &f : std::as_const(files))
            QFile::remove(f);
    }
    return ok;
}

} // namespace server::demo
