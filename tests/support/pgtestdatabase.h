#pragma once

// The PostgreSQL side of the tests. Suites pick their backend from TICKET_TEST_DATABASE
// ("postgresql", else SQLite); PostgreSQL is found where libpq looks (PGHOST, PGPORT,
// PGUSER, PGPASSWORD, PGDATABASE), as `pg_virtualenv` sets them (scripts/test.sh runs
// ctest inside one). Every PgTestDatabase is a database of its own, made for one test
// server or test and dropped afterwards, so that tests never share state.

#include <QString>

namespace testsupport {

enum class TestBackend { Sqlite, PostgreSql };
TestBackend testBackend();

class PgTestDatabase
{
public:
    PgTestDatabase();  // CREATE DATABASE with a unique name
    ~PgTestDatabase(); // DROP DATABASE ... WITH (FORCE)
    PgTestDatabase(const PgTestDatabase &) = delete;
    PgTestDatabase &operator=(const PgTestDatabase &) = delete;

    // False when PostgreSQL was not reachable or refused; error() says why and how to
    // run the tests (a test asserts on it: no silent skip).
    bool isValid() const { return !m_name.isEmpty(); }
    QString error() const { return m_error; }
    QString name() const { return m_name; }
    // postgresql://PGUSER@PGHOST:PGPORT/name: what ticket-server's --database takes.
    QString url() const;

private:
    QString m_name;
    QString m_error;
};

} // namespace testsupport
