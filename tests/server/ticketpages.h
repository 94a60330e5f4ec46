#pragma once

// Pages through GET /tickets' statement straight in the database, as the API would with
// its cursor: the shared oracle of the query and search tests.
#include "store/sqlite/ticketpage.h"
#include "store/sqlite/ticketrows.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <gtest/gtest.h>

namespace ticketstest {

// Every page of `query` with `plan`, `limit` rows at a time, read straight from the
// database: the ids in the order the API would send them.
inline QList<qint64> pagedIds(const QSqlDatabase &db, const core::TicketQuery &query,
                              const server::Caller &caller,
                              server::sqlite::ticketsql::TextPlan plan, int limit)
{
    using namespace server::sqlite;
    QList<qint64> seen;
    std::optional<QList<qint64>> cursor;
    for (int guard = 0; guard < 1000; ++guard) {
        const ticketsql::Statement s =
            ticketsql::pageStatement(query, caller, cursor, limit + 1, plan);
        QSqlQuery q(db);
        if (!q.prepare(s.sql)) {
            ADD_FAILURE() << q.lastError().text().toStdString();
            return seen;
        }
        for (const QVariant &v : s.values)
            q.addBindValue(v);
        if (!q.exec()) {
            ADD_FAILURE() << q.lastError().text().toStdString();
            return seen;
        }
        QList<core::TicketSummary> page;
        while (q.next())
            page.append(ticketrows::summaryFrom(q));
        std::sort(page.begin(), page.end(), [&](const auto &a, const auto &b) {
            return ticketrows::comesBefore(a, b, query.sort);
        });
        for (qsizetype i = 0; i < qMin<qsizetype>(limit, page.size()); ++i)
            seen.append(page[i].id);
        if (page.size() <= limit)
            break;
        QList<qint64> keys;
        for (const core::SortKey &key : query.sort)
            keys.append(ticketrows::sortValue(page[limit - 1], key.field));
        keys.append(page[limit - 1].id);
        cursor = keys;
    }
    return seen;
}

} // namespace ticketstest
