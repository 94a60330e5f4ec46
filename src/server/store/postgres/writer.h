#pragma once

#include "store/store.h"

#include <QList>
#include <functional>
#include <memory>
#include <mutex>

namespace server::postgres {

class Connection;

// Shared by the writers of one process (one per connection): held from COMMIT until the
// listener has had the transaction's events, so that the events of all connections reach
// listeners in the order of their commits, which is their seq order (see eventstore.cpp).
struct EventOrder {
    std::mutex mutex;
};

// Runs write transactions on one PostgreSQL connection, as SqliteStore::write does on
// SQLite: BEGIN, the work, COMMIT when it returns true, ROLLBACK otherwise. Events the
// work appended (PgEventStore) reach the listener after the commit, in seq order, and
// never for a transaction that did not commit.
class PgWriter
{
public:
    explicit PgWriter(Connection &connection, std::shared_ptr<EventOrder> order = {});
    Q_DISABLE_COPY_MOVE(PgWriter)

    // False when the transaction could not begin, the work returned false, a statement
    // inside it failed (the transaction is then aborted), or COMMIT failed (e.g. a
    // serialization failure): nothing of it stays, and no event reaches the listener.
    bool write(const std::function<bool()> &work);
    void setEventListener(std::function<void(const ServerEvent &)> listener);

    bool inTransaction() const { return m_inTransaction; }
    Connection &connection() { return m_c; }
    // The events appended by the running transaction, oldest first.
    QList<ServerEvent> &pendingEvents() { return m_pending; }

private:
    bool failedInside();

    Connection &m_c;
    std::shared_ptr<EventOrder> m_order;
    std::function<void(const ServerEvent &)> m_listener;
    QList<ServerEvent> m_pending;
    bool m_inTransaction = false;
};

} // namespace server::postgres
