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
    QList<ServerEvent> since(qint64 seq, int limit) override;
    qint64 oldestSeq() override;
    qint64 latestSeq() override;

private:
    Connection &m_c;
};

} // namespace server::sqlite
