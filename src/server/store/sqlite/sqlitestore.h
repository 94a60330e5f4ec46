#pragma once

#include "store/store.h"

#include <QTimeZone>
#include <memory>

namespace server::sqlite {

class Connection;
class SqliteAuthStore;
class SqliteDirectoryStore;
class SqliteTicketStore;
class SqliteConversationStore;
class SqliteRatingStore;
class SqliteEventStore;
class SqliteIdempotencyStore;
class SqliteAdminStore;
class SqliteLibraryStore;
class SqliteClockStore;
class Checkpointer;
struct WriteGate;

// The SQLite store: one file, one connection, used on one thread; sibling() opens more
// connections to the file for other threads (the server's workers). Every write goes
// through write(), one BEGIN IMMEDIATE transaction under the process-wide WriteGate mutex,
// so concurrent requests never see "database is locked", never spin on busy_timeout and
// never lose a write. In WAL mode the siblings' readers run in parallel beside the writer.
class SqliteStore final : public Store
{
public:
    // `statsZone`: the time zone of the rating statistics' days, weeks and months (the
    // pre-aggregated days are rebuilt when it differs from the one they were counted in).
    static std::unique_ptr<SqliteStore>
    open(const QString &path, QString *error,
         const QTimeZone &statsZone = QTimeZone("Europe/Berlin"));
    ~SqliteStore() override;

    bool write(const std::function<bool()> &work) override;
    void setEventListener(std::function<void(const ServerEvent &)> listener) override;
    void endReads() override;
    std::unique_ptr<Store> sibling(QString *error) override;

    AuthStore &auth() override;
    DirectoryStore &directory() override;
    TicketStore &tickets() override;
    ConversationStore &conversation() override;
    RatingStore &ratings() override;
    EventStore &events() override;
    IdempotencyStore &idempotency() override;
    AdminStore &admin() override;
    LibraryStore &library() override;
    ClockStore &clocks() override;

    Connection &connection() { return *m_connection; }

private:
    explicit SqliteStore(std::unique_ptr<Connection> connection);
    static std::unique_ptr<SqliteStore> open(const QString &path, QString *error,
                                             const QTimeZone &statsZone,
                                             std::shared_ptr<WriteGate> gate);

    std::unique_ptr<Connection> m_connection;
    std::unique_ptr<SqliteAuthStore> m_auth;
    std::unique_ptr<SqliteDirectoryStore> m_directory;
    std::unique_ptr<SqliteTicketStore> m_tickets;
    std::unique_ptr<SqliteConversationStore> m_conversation;
    std::unique_ptr<SqliteRatingStore> m_ratings;
    std::unique_ptr<SqliteEventStore> m_events;
    std::unique_ptr<SqliteIdempotencyStore> m_idempotency;
    std::unique_ptr<SqliteAdminStore> m_admin;
    std::unique_ptr<SqliteLibraryStore> m_library;
    std::unique_ptr<SqliteClockStore> m_clocks;
    std::function<void(const ServerEvent &)> m_listener;
    std::unique_ptr<Checkpointer> m_checkpointer; // the first store's only
    QTimeZone m_statsZone;
};

} // namespace server::sqlite
