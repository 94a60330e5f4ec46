#pragma once

#include <QString>
#include <optional>

namespace server {

// The database a ticket-server works on (--database URL):
//   sqlite:PATH                                   a SQLite file (relative to the working folder)
//   postgresql://[user@][host][:port][/dbname]    a PostgreSQL database (also postgres://)
// A PostgreSQL URL never carries a password (command lines are visible to every user of
// the machine): it comes from PGPASSWORD, ~/.pgpass (libpq reads both) or
// --database-password-file. Missing parts are libpq's (PGHOST, PGPORT, PGUSER, PGDATABASE).
struct DatabaseUrl {
    enum class Kind { Sqlite, PostgreSql };
    Kind kind = Kind::Sqlite;
    QString sqlitePath; // absolute; empty: the data folder's tickets.sqlite
    QString host;       // a Unix socket folder when it starts with '/' (written %2F in the URL)
    int port = 0;       // 0: libpq's
    QString user;
    QString name;

    // Parses the URL; nullopt with the reason ("wants ...") in *error.
    static std::optional<DatabaseUrl> parse(const QString &text, QString *error);
    // For messages: the URL without anything secret.
    QString toDisplayString() const;
};

} // namespace server
