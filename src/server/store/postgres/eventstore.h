#pragma once

#include "store/store.h"

#include <QHash>
#include <QSqlQuery>
#include <memory>

namespace server::postgres {

class PgWriter;

// The event log on PostgreSQL, the same rows as SQLite's (store/sqlite/eventstore.cpp).
// Each event's seq is taken inside the writing transaction from the `counters` row
// 'event_seq', whose row lock is held until COMMIT: seqs follow commit order, so a
// reader resuming with `since` never skips an event that committed late.
class PgEventStore final : public EventStore
{
public:
    explicit PgEventStore(PgWriter &writer)
        : m_w(writer)
    {}
    void append(const QString &type, qint64 ticketId, const QJsonObject &data, qint64 now,
                bool staffOnly = false) override;
    // An event for one staff member only (e.g. `ticket.seen`). Returns its seq (0 when it
    // could not be written).
    qint64 appendFor(qint64 staffId, const QString &type, qint64 ticketId, const QJsonObject &data,
                     qint64 now);
    // The seq of the last event this transaction appended (0: none).
    qint64 lastAppended();
    QList<ServerEvent> since(qint64 seq, int limit) override;
    qint64 oldestSeq() override;
    // The last seq given to a committed event; it survives pruning.
    qint64 latestSeq() override;

private:
    void write(ServerEvent &e);
    QSqlQuery &prepared(const QString &sql);
    qint64 number(const QString &sql);

    PgWriter &m_w;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_queries;
};

} // namespace server::postgres
