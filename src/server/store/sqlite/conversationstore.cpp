#include "conversationstore.h"

#include "clockstore.h"
#include "connection.h"
#include "eventstore.h"
#include "schema.h"
#include "ticketrows.h"
#include "unread.h"

#include <QHash>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace server::sqlite {
namespace {

// Whether the ticket's stored clocks already have its first staff reply.
bool firstReplyStored(Connection &c, qint64 ticketId)
{
    QSqlQuery &q =
        c.prepared(u"SELECT clock_first_reply_at IS NOT NULL FROM tickets WHERE id = ?"_s);
    q.addBindValue(ticketId);
    const bool stored = Connection::run(q) && q.next() && q.value(0).toBool();
    q.finish();
    return stored;
}

const QString AttachmentColumns =
    u"a.id, a.ticket_id, a.internal, a.name, a.size, a.content_type, a.sha256, "
    "a.storage_name, a.uploaded_by_kind, a.uploaded_by_id, a.uploaded_by_name, a.created_at"_s;

// Reads the AttachmentColumns starting at column `at`.
StoredAttachment readAttachment(const QSqlQuery &q, int at = 0)
{
    StoredAttachment s;
    s.meta.id = q.value(at).toString();
    s.ticketId = q.value(at + 1).toLongLong();
    s.meta.internal = q.value(at + 2).toBool();
    s.meta.name = q.value(at + 3).toString();
    s.meta.size = q.value(at + 4).toLongLong();
    s.meta.contentType = q.value(at + 5).toString();
    s.meta.sha256 = q.value(at + 6).toString();
    s.storageName = q.value(at + 7).toString();
    s.meta.uploadedBy = {q.value(at + 8).toString(), q.value(at + 9).toLongLong(),
                         q.value(at + 10).toString()};
    s.meta.createdAt = q.value(at + 11).toLongLong();
    return s;
}

} // namespace

bool SqliteConversationStore::canSee(qint64 ticketId, const Caller &caller)
{
    QSqlQuery &q = m_c.prepared(u"SELECT device_id, visibility FROM tickets WHERE id = ?"_s);
    q.addBindValue(ticketId);
    if (!Connection::run(q) || !q.next())
        return false;
    if (caller.isStaff())
        return true;
    return q.value(0).toLongLong() == caller.deviceId && caller.deviceId != 0 &&
           q.value(1).toInt() == int(core::Visibility::Public);
}

std::optional<QList<core::Post>> SqliteConversationStore::messages(qint64 ticketId, qint64 afterSeq,
                                                                   int limit, const Caller &caller)
{
    return posts(Kind::Message, ticketId, afterSeq, limit, caller);
}

std::optional<QList<core::Post>> SqliteConversationStore::notes(qint64 ticketId, qint64 afterSeq,
                                                                int limit, const Caller &caller)
{
    if (!caller.isStaff())
        return std::nullopt;
    return posts(Kind::Note, ticketId, afterSeq, limit, caller);
}

std::optional<QList<core::Post>> SqliteConversationStore::posts(Kind kind, qint64 ticketId,
                                                                qint64 afterSeq, int limit,
                                                                const Caller &caller)
{
    if (!canSee(ticketId, caller))
        return std::nullopt;
    QList<core::Post> out;
    QSqlQuery &q =
        m_c.prepared(kind == Kind::Message
                         ? u"SELECT id, seq, author_kind, author_id, author_name, body, created_at "
                           "FROM messages WHERE ticket_id = ? AND seq > ? ORDER BY seq LIMIT ?"_s
                         : u"SELECT id, seq, 'staff', author_id, author_name, body, created_at "
                           "FROM notes WHERE ticket_id = ? AND seq > ? ORDER BY seq LIMIT ?"_s);
    q.addBindValue(ticketId);
    q.addBindValue(afterSeq);
    q.addBindValue(limit);
    if (!Connection::run(q))
        return out;
    QHash<qint64, qsizetype> rowOf;
    while (q.next()) {
        core::Post p;
        p.id = q.value(0).toLongLong();
        p.ticketId = ticketId;
        p.seq = q.value(1).toLongLong();
        p.author = {q.value(2).toString(), q.value(3).toLongLong(), q.value(4).toString()};
        p.body = q.value(5).toString();
        p.createdAt = q.value(6).toLongLong();
        rowOf.insert(p.id, out.size());
        out.append(p);
    }
    q.finish();
    if (out.isEmpty())
        return out;
    // The page's files in one query, bounded by the range of the page's post ids.
    qint64 lowId = out.first().id, highId = lowId;
    for (const core::Post &p : std::as_const(out)) {
        lowId = qMin(lowId, p.id);
        highId = qMax(highId, p.id);
    }
    const QString link = kind == Kind::Message ? u"message_id"_s : u"note_id"_s;
    QSqlQuery &a = m_c.prepared(u"SELECT %1, a.%2 FROM attachments a WHERE a.ticket_id = ? "
                                "AND a.%2 BETWEEN ? AND ? AND (a.internal = 0 OR ?) "
                                "ORDER BY a.created_at, a.id"_s.arg(AttachmentColumns, link));
    a.addBindValue(ticketId);
    a.addBindValue(lowId);
    a.addBindValue(highId);
    a.addBindValue(caller.isStaff() ? 1 : 0);
    if (!Connection::run(a))
        return out;
    while (a.next()) {
        const auto row = rowOf.constFind(a.value(12).toLongLong());
        if (row != rowOf.constEnd())
            out[*row].attachments.append(readAttachment(a).meta);
    }
    return out;
}

PostOutcome SqliteConversationStore::addMessage(qint64 ticketId, const QString &body,
                                                const QStringList &attachmentIds,
                                                const Caller &caller, qint64 now,
                                                core::Post *created)
{
    return addPost(Kind::Message, ticketId, body, attachmentIds, caller, now, created);
}

PostOutcome SqliteConversationStore::addNote(qint64 ticketId, const QString &body,
                                             const QStringList &attachmentIds, const Caller &caller,
                                             qint64 now, core::Post *created)
{
    if (!caller.isStaff())
        return PostOutcome::NotFound;
    return addPost(Kind::Note, ticketId, body, attachmentIds, caller, now, created);
}

bool SqliteConversationStore::attachmentsUsable(Kind kind, qint64 ticketId, const QStringList &ids,
                                                const Caller &caller)
{
    QSqlQuery &q =
        m_c.prepared(u"SELECT ticket_id, internal, message_id IS NULL AND note_id IS NULL, "
                     "uploaded_by_kind, uploaded_by_id FROM attachments WHERE id = ?"_s);
    for (const QString &id : ids) {
        q.addBindValue(id);
        if (!Connection::run(q) || !q.next())
            return false;
        const bool usable = q.value(0).toLongLong() == ticketId &&
                            (kind == Kind::Note || !q.value(1).toBool()) && q.value(2).toBool() &&
                            q.value(3).toString() == caller.kind() &&
                            q.value(4).toLongLong() == caller.id;
        q.finish();
        if (!usable)
            return false;
    }
    return true;
}

PostOutcome SqliteConversationStore::addPost(Kind kind, qint64 ticketId, const QString &body,
                                             const QStringList &attachmentIds, const Caller &caller,
                                             qint64 now, core::Post *created)
{
    Q_ASSERT(m_c.inTransaction());
    // A failed statement (logged) answers NotFound too: the transaction rolls back.
    if (!canSee(ticketId, caller))
        return PostOutcome::NotFound;
    if (!attachmentsUsable(kind, ticketId, attachmentIds, caller))
        return PostOutcome::BadAttachment;
    const bool message = kind == Kind::Message;

    QSqlQuery &s = m_c.prepared(
        message ? u"SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE ticket_id = ?"_s
                : u"SELECT COALESCE(MAX(seq), 0) + 1 FROM notes WHERE ticket_id = ?"_s);
    s.addBindValue(ticketId);
    if (!Connection::run(s) || !s.next())
        return PostOutcome::NotFound;
    core::Post post;
    post.ticketId = ticketId;
    post.seq = s.value(0).toLongLong();
    post.author = caller.ref();
    post.body = body;
    post.createdAt = now;
    s.finish();

    QSqlQuery &insert = m_c.prepared(
        message ? u"INSERT INTO messages (ticket_id, seq, author_kind, author_id, "
                  "author_name, body, created_at) VALUES (?, ?, ?, ?, ?, COALESCE(?, ''), ?)"_s
                : u"INSERT INTO notes (ticket_id, seq, author_id, author_name, body, "
                  "created_at) VALUES (?, ?, ?, ?, COALESCE(?, ''), ?)"_s);
    insert.addBindValue(ticketId);
    insert.addBindValue(post.seq);
    if (message)
        insert.addBindValue(post.author.type);
    insert.addBindValue(post.author.id);
    insert.addBindValue(post.author.name);
    insert.addBindValue(body);
    insert.addBindValue(now);
    if (!Connection::run(insert))
        return PostOutcome::NotFound;
    post.id = insert.lastInsertId().toLongLong();

    // A file on a note is the note's: internal from now on, whatever it was uploaded as.
    QSqlQuery &link =
        m_c.prepared(message ? u"UPDATE attachments SET message_id = ? WHERE id = ?"_s
                             : u"UPDATE attachments SET note_id = ?, internal = 1 WHERE id = ?"_s);
    for (const QString &id : attachmentIds) {
        link.addBindValue(post.id);
        link.addBindValue(id);
        if (!Connection::run(link))
            return PostOutcome::NotFound;
    }
    if (!attachmentIds.isEmpty()) {
        QSqlQuery &files = m_c.prepared(
            u"SELECT %1 FROM attachments a WHERE a.%2 = ? ORDER BY a.created_at, a.id"_s.arg(
                AttachmentColumns, message ? u"message_id"_s : u"note_id"_s));
        files.addBindValue(post.id);
        if (!Connection::run(files))
            return PostOutcome::NotFound;
        while (files.next())
            post.attachments.append(readAttachment(files).meta);
    }

    if (message) {
        // Messages are searchable (notes are not: code users search too) and count as
        // activity on the ticket. The version stays: it guards the editable fields only.
        QSqlQuery &fts = m_c.prepared(
            u"INSERT INTO search (rowid, body, ticket_id, kind) VALUES (?, ?, ?, 'm')"_s);
        fts.addBindValue((ticketId << SearchTicketShift) + post.seq);
        fts.addBindValue(body);
        fts.addBindValue(ticketId);
        if (!Connection::run(fts))
            return PostOutcome::NotFound;
        QSqlQuery &touch =
            m_c.prepared(u"UPDATE tickets SET updated_at = MAX(updated_at, ?) WHERE id = ?"_s);
        touch.addBindValue(now);
        touch.addBindValue(ticketId);
        if (!Connection::run(touch))
            return PostOutcome::NotFound;
        // The first staff message stops the first-reply clock; staff see it at once.
        if (caller.isStaff() && !firstReplyStored(m_c, ticketId)) {
            if (!SqliteClockStore(m_c).refresh(ticketId, now))
                return PostOutcome::NotFound;
            if (const auto summary = ticketrows::readSummary(m_c, ticketId)) {
                QJsonObject data = summary->toJson(true);
                data.insert(u"changes"_s, QJsonObject{{u"clocks"_s, data.value(u"clocks"_s)}});
                SqliteEventStore(m_c).append(u"ticket.updated"_s, ticketId, data, now, true);
            }
        }
    }
    SqliteEventStore events(m_c);
    events.append(message ? u"message.created"_s : u"note.created"_s, ticketId, post.toJson(), now,
                  !message);
    // News for every other staff member; the code user's message awaits a staff answer.
    const qint64 seq = events.lastAppended();
    if (!seq || !unread::recordNotable(m_c, ticketId, seq, unread::actorOf(caller)))
        return PostOutcome::NotFound;
    if (message && !unread::recordMessage(m_c, ticketId, !caller.isStaff()))
        return PostOutcome::NotFound;
    if (created)
        *created = post;
    return PostOutcome::Ok;
}

void SqliteConversationStore::addAttachment(const StoredAttachment &attachment,
                                            const Caller &caller)
{
    Q_ASSERT(m_c.inTransaction());
    const core::Attachment &a = attachment.meta;
    QSqlQuery &q = m_c.prepared(
        u"INSERT INTO attachments (id, ticket_id, internal, name, size, content_type, sha256, "
        "storage_name, uploaded_by_kind, uploaded_by_id, uploaded_by_name, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(a.id);
    q.addBindValue(attachment.ticketId);
    q.addBindValue(a.internal ? 1 : 0);
    q.addBindValue(a.name);
    q.addBindValue(a.size);
    q.addBindValue(a.contentType);
    q.addBindValue(a.sha256);
    q.addBindValue(attachment.storageName);
    q.addBindValue(caller.kind());
    q.addBindValue(caller.id);
    q.addBindValue(caller.name);
    q.addBindValue(a.createdAt);
    if (!Connection::run(q))
        return;
    core::Attachment stored = a;
    stored.uploadedBy = caller.ref();
    SqliteEventStore(m_c).append(u"attachment.created"_s, attachment.ticketId, stored.toJson(),
                                 a.createdAt, a.internal);
}

std::optional<StoredAttachment> SqliteConversationStore::attachment(const QString &id,
                                                                    const Caller &caller)
{
    // Code users: public files of public tickets of their device, and never a note's.
    QSqlQuery &q = m_c.prepared(
        u"SELECT %1 FROM attachments a JOIN tickets t ON t.id = a.ticket_id WHERE a.id = ? AND "
        "(? OR (t.device_id = ? AND t.visibility = 0 AND a.internal = 0 AND a.note_id IS NULL))"_s
            .arg(AttachmentColumns));
    q.addBindValue(id);
    q.addBindValue(caller.isStaff() ? 1 : 0);
    q.addBindValue(caller.isStaff() ? qint64(0) : caller.deviceId);
    if (!Connection::run(q) || !q.next())
        return std::nullopt;
    return readAttachment(q);
}

qint64 SqliteConversationStore::unpostedUploads(const Caller &caller)
{
    // For code users, through the partial index attachments_code_user (migration 7).
    QSqlQuery &q = m_c.prepared(
        caller.isStaff()
            ? u"SELECT COUNT(*) FROM attachments WHERE uploaded_by_kind = 'staff' AND "
              "uploaded_by_id = ? AND message_id IS NULL AND note_id IS NULL"_s
            : u"SELECT COUNT(*) FROM attachments WHERE uploaded_by_kind = 'code_user' AND "
              "uploaded_by_id = ? AND message_id IS NULL AND note_id IS NULL"_s);
    q.addBindValue(caller.id);
    const qint64 n = Connection::run(q) && q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return n;
}

} // namespace server::sqlite
