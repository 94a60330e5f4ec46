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
    static QAtomicInt counter;
    auto connection =
        Connection::open(path, u"store-%1"_s.arg(counter.fetchAndAddRelaxed(1)), error);
    if (!connection)
        return nullptr;
    const LocalDays days(statsZone);
    if (!prepareRatingStats(*connection, days, error))
        return nullptr;
    std::unique_ptr<SqliteStore> store(new SqliteStore(std::move(connection)));
    store->m_ratings->setLocalDays(days);
    if (path != u":memory:"_s) {
        store->m_connection->exec(u"PRAGMA wal_autocheckpoint=0"_s);
        store->m_checkpointer = std::make_unique<Checkpointer>(path);
        store->m_checkpointer->start(QThread::LowPriority);
    }
    return store;
}

bool SqliteStore::write(const std::function<bool()> &work)
{
    Q_ASSERT(!m_connection->inTransaction());
    if (!m_connection->begin())
        return false;
    if (!work() || !m_connection->commit()) {
        m_connection->rollback();
        return false;
    }
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
