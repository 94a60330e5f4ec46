#include "demounread.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace server::demo {

bool markDemoUnread(QSqlDatabase &db, qint64 firstId, qint64 lastId, qint64 seenBefore,
                    QString *error)
{
    const QList<std::pair<QString, QVariantList>> statements{
        {u"UPDATE tickets SET notable_seq = 0, notable_actor = 0, notable_other_seq = -1, "
         "awaiting_staff = COALESCE((SELECT m.author_kind = 'code_user' FROM messages m WHERE "
         "m.ticket_id = tickets.id ORDER BY m.seq DESC LIMIT 1), 0) "
         "WHERE id BETWEEN ? AND ?"_s,
         {firstId, lastId}},
        {u"INSERT OR IGNORE INTO ticket_seen (staff_id, ticket_id, seq) SELECT assignee_id, id, "
         "0 FROM tickets WHERE id BETWEEN ? AND ? AND assignee_id IS NOT NULL AND "
         "updated_at < ?"_s,
         {firstId, lastId, seenBefore}},
    };
    for (const auto &[sql, values] : statements) {
        QSqlQuery q(db);
        if (!q.prepare(sql)) {
            *error = u"demo unread marks: "_s + q.lastError().text();
            return false;
        }
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec()) {
            *error = u"demo unread marks: "_s + q.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace server::demo
