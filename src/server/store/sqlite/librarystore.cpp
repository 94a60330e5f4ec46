#include "librarystore.h"

#include "connection.h"
#include "eventstore.h"

#include <QJsonDocument>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace server::sqlite {
namespace {

QString table(LibraryKind kind)
{
    switch (kind) {
    case LibraryKind::TextModule:
        return u"text_modules"_s;
    case LibraryKind::Macro:
        return u"macros"_s;
    case LibraryKind::View:
        return u"views"_s;
    }
    return {};
}

// The name of the kind in event types: `textModule.updated`.
QString eventName(LibraryKind kind)
{
    switch (kind) {
    case LibraryKind::TextModule:
        return u"textModule"_s;
    case LibraryKind::Macro:
        return u"macro"_s;
    case LibraryKind::View:
        return u"view"_s;
    }
    return {};
}

const QString kColumns = u"id, name, shared, owner_id, position, doc"_s;

LibraryItem itemOf(const QSqlQuery &q)
{
    LibraryItem item;
    item.id = q.value(0).toLongLong();
    item.name = q.value(1).toString();
    item.shared = q.value(2).toInt() != 0;
    item.ownerId = q.value(3).toLongLong();
    item.position = q.value(4).toLongLong();
    item.doc = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    return item;
}

} // namespace

QList<LibraryItem> SqliteLibraryStore::items(LibraryKind kind, const Caller &caller)
{
    QList<LibraryItem> out;
    if (!caller.isStaff())
        return out;
    QSqlQuery &q = m_c.prepared(u"SELECT %1 FROM %2 WHERE shared = 1 OR owner_id = ? "
                                "ORDER BY shared, position, name, id"_s.arg(kColumns, table(kind)));
    q.addBindValue(caller.id);
    if (!Connection::run(q))
        return out;
    while (q.next())
        out.append(itemOf(q));
    q.finish();
    return out;
}

std::optional<LibraryItem> SqliteLibraryStore::stored(LibraryKind kind, qint64 id)
{
    QSqlQuery &q = m_c.prepared(u"SELECT %1 FROM %2 WHERE id = ?"_s.arg(kColumns, table(kind)));
    q.addBindValue(id);
    if (!Connection::run(q) || !q.next())
        return std::nullopt;
    const LibraryItem item = itemOf(q);
    q.finish();
    return item;
}

std::optional<LibraryItem> SqliteLibraryStore::item(LibraryKind kind, qint64 id,
                                                    const Caller &caller)
{
    std::optional<LibraryItem> found = stored(kind, id);
    if (!found || !caller.isStaff() || (!found->shared && found->ownerId != caller.id))
        return std::nullopt;
    return found;
}

std::variant<LibraryItem, core::ApiProblem>
SqliteLibraryStore::save(LibraryKind kind, const LibraryItem &item, qint64 now)
{
    Q_ASSERT(m_c.inTransaction());
    const qint64 scope = item.shared ? 0 : item.ownerId;
    {
        QSqlQuery &q = m_c.prepared(
            u"SELECT 1 FROM %1 WHERE scope = ? AND name = ? AND id != ?"_s.arg(table(kind)));
        q.addBindValue(scope);
        q.addBindValue(item.name);
        q.addBindValue(item.id);
        if (!Connection::run(q))
            return core::ApiProblem{500, u"internal"_s, {}, {}};
        const bool taken = q.next();
        q.finish();
        if (taken)
            return core::ApiProblem{422, u"invalid_value"_s,
                                    item.shared ? u"A shared item has this name already."_s
                                                : u"One of your items has this name already."_s,
                                    u"name"_s};
    }
    const std::optional<LibraryItem> before = item.id ? stored(kind, item.id) : std::nullopt;
    const QString doc = QString::fromUtf8(QJsonDocument(item.doc).toJson(QJsonDocument::Compact));
    qint64 id = item.id;
    if (id == 0) {
        QSqlQuery &q = m_c.prepared(
            u"INSERT INTO %1 (owner_id, shared, scope, name, position, doc, updated_at) VALUES "
            "(?, ?, ?, ?, ?, ?, ?)"_s.arg(table(kind)));
        q.addBindValue(item.ownerId);
        q.addBindValue(item.shared ? 1 : 0);
        q.addBindValue(scope);
        q.addBindValue(item.name);
        q.addBindValue(item.position);
        q.addBindValue(doc);
        q.addBindValue(now);
        if (!Connection::run(q))
            return core::ApiProblem{500, u"internal"_s, {}, {}};
        id = q.lastInsertId().toLongLong();
    } else {
        QSqlQuery &q =
            m_c.prepared(u"UPDATE %1 SET owner_id = ?, shared = ?, scope = ?, name = ?, "
                         "position = ?, doc = ?, updated_at = ? WHERE id = ?"_s.arg(table(kind)));
        q.addBindValue(item.ownerId);
        q.addBindValue(item.shared ? 1 : 0);
        q.addBindValue(scope);
        q.addBindValue(item.name);
        q.addBindValue(item.position);
        q.addBindValue(doc);
        q.addBindValue(now);
        q.addBindValue(id);
        if (!Connection::run(q))
            return core::ApiProblem{500, u"internal"_s, {}, {}};
    }
    std::optional<LibraryItem> saved = stored(kind, id);
    if (!saved)
        return core::ApiProblem{500, u"internal"_s, {}, {}};
    // An item made personal again is gone for the other staff: they hear of a deletion.
    if (saved->shared)
        SqliteEventStore(m_c).append(eventName(kind) + u".updated"_s, 0, saved->toJson(), now,
                                     true);
    else if (before && before->shared)
        SqliteEventStore(m_c).append(eventName(kind) + u".deleted"_s, 0, {{u"id"_s, id}}, now,
                                     true);
    return *saved;
}

bool SqliteLibraryStore::remove(LibraryKind kind, qint64 id, qint64 now)
{
    Q_ASSERT(m_c.inTransaction());
    const std::optional<LibraryItem> before = stored(kind, id);
    if (!before)
        return false;
    QSqlQuery &q = m_c.prepared(u"DELETE FROM %1 WHERE id = ?"_s.arg(table(kind)));
    q.addBindValue(id);
    if (!Connection::run(q))
        return false;
    if (before->shared)
        SqliteEventStore(m_c).append(eventName(kind) + u".deleted"_s, 0, {{u"id"_s, id}}, now,
                                     true);
    return true;
}

} // namespace server::sqlite
