// The list pages of SqliteTicketStore and the small cache of their statements.
#include "ticketstore.h"

#include "connection.h"
#include "ticketpage.h"
#include "ticketrows.h"
#include "unread.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QVariant>

using namespace Qt::StringLiterals;
using namespace server::sqlite::ticketrows;

Q_DECLARE_LOGGING_CATEGORY(lcSql)

namespace server::sqlite {
namespace {

// Below this many matches a text is never broad (ticketsql::TextPlan): a small table is
// cheap to search as a set, whatever the share.
constexpr qint64 BroadMatches = 2000;

core::ApiProblem internalProblem()
{
    return {500, u"internal"_s, u"The server could not complete the request."_s, {}};
}

} // namespace

void SqliteTicketStore::endReads()
{
    for (const CachedStatement &c : std::as_const(m_dynamic))
        c.query->finish();
}

QSqlQuery &SqliteTicketStore::dynamic(const ticketsql::Statement &statement)
{
    const QString &sql = statement.sql;
    constexpr qsizetype Capacity = 48;
    auto it = m_dynamic.find(sql);
    if (it == m_dynamic.end()) {
        if (m_dynamic.size() >= Capacity) {
            auto oldest = m_dynamic.begin();
            for (auto i = m_dynamic.begin(); i != m_dynamic.end(); ++i) {
                if (i->lastUse < oldest->lastUse)
                    oldest = i;
            }
            delete oldest->query;
            m_dynamic.erase(oldest);
        }
        auto *q = new QSqlQuery(m_c.database());
        q->setForwardOnly(true);
        if (!q->prepare(sql))
            qCWarning(lcSql) << "prepare failed:" << q->lastError().text() << sql;
        it = m_dynamic.insert(sql, {q, 0});
    }
    it->lastUse = ++m_uses;
    it->query->finish();
    for (const QVariant &v : statement.values)
        it->query->addBindValue(v);
    return *it->query;
}

std::variant<TicketPage, core::ApiProblem> SqliteTicketStore::list(const core::TicketQuery &query,
                                                                   const Caller &caller)
{
    std::optional<QList<qint64>> cursor;
    if (!query.cursor.isEmpty()) {
        cursor = ticketsql::decodeCursor(query.cursor, query.sort);
        if (!cursor)
            return core::ApiProblem{400, u"invalid_parameter"_s,
                                    u"This cursor is not valid for this sort; start again "
                                    "without it."_s,
                                    u"cursor"_s};
    }
    // One more than the page tells whether another page follows.
    const ticketsql::Statement s =
        ticketsql::pageStatement(query, caller, cursor, query.limit + 1, textPlan(query, caller));
    QSqlQuery &q = dynamic(s);
    if (!Connection::run(q))
        return internalProblem();
    TicketPage page;
    page.items.reserve(query.limit + 1);
    while (q.next())
        page.items.append(summaryFrom(q));
    q.finish();
    std::sort(page.items.begin(), page.items.end(),
              [&](const core::TicketSummary &a, const core::TicketSummary &b) {
                  return comesBefore(a, b, query.sort);
              });
    if (caller.isStaff() && !unread::fill(m_c, page.items, caller.id))
        return internalProblem();
    if (page.items.size() > query.limit) {
        page.items.resize(query.limit);
        const core::TicketSummary &last = page.items.last();
        QList<qint64> keys;
        for (const core::SortKey &key : query.sort)
            keys.append(sortValue(last, key.field));
        keys.append(last.id);
        page.nextCursor = ticketsql::encodeCursor(query.sort, keys);
    }
    return page;
}

ticketsql::TextPlan SqliteTicketStore::textPlan(const core::TicketQuery &query,
                                                const Caller &caller)
{
    using ticketsql::TextPlan;
    ticketsql::Statement matches = ticketsql::textMatches(query, caller);
    if (matches.sql.isEmpty())
        return TextPlan::MatchSet;
    // Broad: at least a tenth as many matches (texts, messages, tickets of matching devices
    // and customers) as tickets. A page walked in order then meets a match every few
    // tickets; a narrower text is cheaper read and sorted. Counting stops at the bound.
    QSqlQuery &size = m_c.prepared(u"SELECT COALESCE(MAX(id), 0) FROM tickets"_s);
    if (!Connection::run(size) || !size.next())
        return TextPlan::MatchSet;
    const qint64 bound = qMax<qint64>(BroadMatches, size.value(0).toLongLong() / 10);
    size.finish();
    matches.sql = u"SELECT COUNT(*) FROM ("_s + matches.sql + u" LIMIT ?)"_s;
    matches.values.append(bound);
    QSqlQuery &count = dynamic(matches);
    const bool broad =
        Connection::run(count) && count.next() && count.value(0).toLongLong() >= bound;
    count.finish();
    return broad ? TextPlan::WalkInOrder : TextPlan::MatchSet;
}

} // namespace server::sqlite
