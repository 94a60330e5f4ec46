#pragma once

#include "store/store.h"

namespace server::sqlite {

class Connection;

class SqliteEventStore final : public EventStore
{
public:
    explicit SqliteEventStore(Connection &connection)
        : m_c(connection)
    {}
    void append(const QString &type, qint64 ticketId, const QJsonObject &data, qint64 now,
                bool staffOnly = false) override;
    // An event for one staff member only (e.g. `ticket.seen`): never sent to anyone else.
    // Returns its seq (0 when it could not be written).
    qint64 appendFor(qint64 staffId, const QString &type, qint64 ticketId, const QJsonObject &data,
                     qint64 now);
    // The seq of the last event this transaction appended (0: none).
    qint64 lastAppended();
    QList<ServerEvent> since(qint64 seq, int limit) override;
    qint64 oldestSeq() override;
    qint64 latestSeq() override;

private:
    void write(ServerEvent &e);
    Connection &m_c;
};

} // namespace server::sqlite
