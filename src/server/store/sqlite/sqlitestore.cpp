#include "sqlitestore.h"

#include "adminstore.h"
#include "authstore.h"
#include "checkpointer.h"
#include "clockstore.h"
#include "connection.h"
#include "conversationstore.h"
#include "directorystore.h"
#include "eventstore.h"
#include "idempotencystore.h"
#include "librarystore.h"
#include "ratingstore.h"
#include "statsdays.h"
#include "ticketstore.h"

#include <QAtomicInt>

using namespace Qt::StringLiterals;

namespace server::sqlite {

SqliteStore::SqliteStore(std::unique_ptr<Connection> connection)
    : m_connection(std::move(connection))
    , m_auth(std::make_unique<SqliteAuthStore>(*m_connection))
    , m_directory(std::make_unique<SqliteDirectoryStore>(*m_connection))
    , m_tickets(std::make_unique<SqliteTicketStore>(*m_connection))
    , m_conversation(std::make_unique<SqliteConversationStore>(*m_connection))
    , m_ratings(std::make_unique<SqliteRatingStore>(*m_connection))
    , m_events(std::make_unique<SqliteEventStore>(*m_connection))
    , m_idempotency(std::make_unique<SqliteIdempotencyStore>(*m_connection))
    , m_admin(std::make_unique<SqliteAdminStore>(*m_connection))
    , m_library(std::make_unique<SqliteLibraryStore>(*m_connection))
    , m_clocks(std::make_unique<SqliteClockStore>(*m_connection))
{}

SqliteStore::~SqliteStore() = default;

std::unique_ptr<SqliteStore> SqliteStore::open(const QString &path, QString *error,
                                               const QTimeZone &statsZone)
{
    auto store = open(path, error, statsZone, nullptr);
    if (store && path != u":memory:"_s) {
        // One checkpointer for the file, whatever number of siblings write to it.
        store->m_checkpointer = std::make_unique<Checkpointer>(path);
        store->m_checkpointer->start(QThread::LowPriority);
    }
    return store;
}

std::unique_ptr<SqliteStore> SqliteStore::open(const QString &path, QString *error,
                                               const QTimeZone &statsZone,
                                               std::shared_ptr<WriteGate> gate)
{
    static QAtomicInt counter;
    // A sibling opens with the same pragmas; the migrations and the statistics' days
    // are current by then (the first store did them), so it only checks.
    auto connection = Connection::open(path, u"store-%1"_s.arg(counter.fetchAndAddRelaxed(1)),
                                       error, std::move(gate));
    if (!connection)
        return nullptr;
    const LocalDays days(statsZone);
    if (!prepareRatingStats(*connection, days, error))
        return nullptr;
    std::unique_ptr<SqliteStore> store(new SqliteStore(std::move(connection)));
    store->m_ratings->setLocalDays(days);
    store->m_statsZone = statsZone;
    // What the file looks like now: other processes' commits count from here on (a
    // worker that answers its first request after an operator's change must see it).
    store->m_auth->outsideChanges();
    if (path != u":memory:"_s)
        store->m_connection->exec(u"PRAGMA wal_autocheckpoint=0"_s);
    return store;
}

std::unique_ptr<Store> SqliteStore::sibling(QString *error)
{
    // Every connection to ":memory:" opens a database of its own: nothing to share (the
    // server then answers on one thread, see WorkerPool).
    if (m_connection->path() == u":memory:"_s || m_connection->path().isEmpty()) {
        *error = u"an in-memory database cannot be shared between connections"_s;
        return nullptr;
    }
    return open(m_connection->path(), error, m_statsZone, m_connection->sharedGate());
}

bool SqliteStore::write(const std::function<bool()> &work)
{
    Q_ASSERT(!m_connection->inTransaction());
    WriteGate &gate = m_connection->gate();
    std::lock_guard lock(gate.mutex);
    gate.started.fetch_add(1);
    m_connection->countOwnWrite();
    // A statement of this connection left open (stepped, not finished) keeps the snapshot
    // it began on; once another connection committed, SQLite refuses to turn that stale
    // read into a write at once (SQLITE_BUSY, without waiting). Reads end here first.
    endReads();
    struct Done {
        WriteGate &gate;
        ~Done() { gate.done.fetch_add(1); }
    } done{gate};
    if (!m_connection->begin())
        return false;
    if (!work() || !m_connection->commit()) {
        m_connection->rollback();
        return false;
    }
    // Still under the lock: the events of all connections reach their listeners in the
    // order of their commits (the seq order), also when a listener posts them to another
    // thread.
    const QList<ServerEvent> events = std::exchange(m_connection->pendingEvents(), {});
    if (m_listener) {
        for (const ServerEvent &e : events)
            m_listener(e);
    }
    return true;
}

void SqliteStore::endReads()
{
    if (m_connection->inTransaction())
        return;
    m_connection->endReads();
    m_tickets->endReads();
}

void SqliteStore::setEventListener(std::function<void(const ServerEvent &)> listener)
{
    m_listener = std::move(listener);
}

AuthStore &SqliteStore::auth()
{
    return *m_auth;
}
DirectoryStore &SqliteStore::directory()
{
    return *m_directory;
}
TicketStore &SqliteStore::tickets()
{
    return *m_tickets;
}
ConversationStore &SqliteStore::conversation()
{
    return *m_conversation;
}
RatingStore &SqliteStore::ratings()
{
    return *m_ratings;
}
EventStore &SqliteStore::events()
{
    return *m_events;
}
IdempotencyStore &SqliteStore::idempotency()
{
    return *m_idempotency;
}
AdminStore &SqliteStore::admin()
{
    return *m_admin;
}

ClockStore &SqliteStore::clocks()
{
    return *m_clocks;
}

LibraryStore &SqliteStore::library()
{
    return *m_library;
}

} // namespace server::sqlite
