#include "writer.h"

#include "connection.h"

#include <QSqlDriver>
#include <libpq-fe.h>

using namespace Qt::StringLiterals;

namespace server::postgres {

PgWriter::PgWriter(Connection &connection, std::shared_ptr<EventOrder> order)
    : m_c(connection)
    , m_order(order ? std::move(order) : std::make_shared<EventOrder>())
{}

void PgWriter::setEventListener(std::function<void(const ServerEvent &)> listener)
{
    m_listener = std::move(listener);
}

bool PgWriter::failedInside()
{
    // A statement that failed aborts the whole transaction, and PostgreSQL then answers
    // COMMIT as ROLLBACK without an error: ask libpq for the transaction's state instead.
    const QVariant handle = m_c.database().driver()->handle();
    const char *type = handle.typeName();
    if (qstrcmp(type, "pg_conn*") == 0 || qstrcmp(type, "PGconn*") == 0) {
        auto *conn = *static_cast<PGconn *const *>(handle.constData());
        const PGTransactionStatusType status = conn ? PQtransactionStatus(conn) : PQTRANS_UNKNOWN;
        if (status == PQTRANS_INTRANS)
            return false;
        if (status == PQTRANS_INERROR)
            return true;
        // PQTRANS_ACTIVE: a forward-only query not read to its end; the probe below
        // makes QPSQL finish it first.
    }
    // A statement in an aborted transaction fails.
    return !m_c.exec(u"SELECT 1"_s);
}

bool PgWriter::write(const std::function<bool()> &work)
{
    Q_ASSERT(!m_inTransaction);
    m_pending.clear();
    if (!m_c.exec(u"BEGIN"_s))
        return false;
    m_inTransaction = true;
    const auto failed = [this](bool open) {
        if (open)
            m_c.exec(u"ROLLBACK"_s);
        m_inTransaction = false;
        m_pending.clear();
        return false;
    };
    if (!work() || failedInside())
        return failed(true);
    // Held across COMMIT and the listener: another connection of this process that
    // appended events waits for this commit (the event seq lock, eventstore.cpp) and
    // then for this mutex, so listeners get every connection's events in seq order.
    // Writes without events do not take it.
    std::unique_lock<std::mutex> lock;
    if (!m_pending.isEmpty())
        lock = std::unique_lock(m_order->mutex);
    // A COMMIT that fails (a deferred constraint, a serialization failure) has ended the
    // transaction already, rolled back.
    if (!m_c.exec(u"COMMIT"_s))
        return failed(false);
    m_inTransaction = false;
    const QList<ServerEvent> events = std::exchange(m_pending, {});
    if (m_listener) {
        for (const ServerEvent &e : events)
            m_listener(e);
    }
    return true;
}

} // namespace server::postgres
