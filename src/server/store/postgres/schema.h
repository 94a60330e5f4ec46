#pragma once

#include <QStringList>

// The PostgreSQL schema's pieces. Together they are PostgreSQL migration 1, the baseline:
// the schema SQLite has after its 14 migrations (store/sqlite/schema.cpp), written for
// PostgreSQL. Shipped schema text: append a new migration (migrations.cpp) instead of
// changing these.
//
// Types: ids, times (milliseconds since the epoch, UTC), seqs, sizes and counts are
// BIGINT; enums and 0/1 flags stay INTEGER as on SQLite, so that the stores' SQL reads
// the same on both. Case-insensitive uniqueness (COLLATE NOCASE on SQLite) is a unique
// index on lower(...): queries compare lower(x) = lower(?).
namespace server::postgres::schema {

// Staff, customers, flows, templates, fleets, devices, code users, tokens, the library
// (text modules, macros, views), service levels and business hours.
QStringList directoryTables();
// Tickets, messages, notes, attachments, ratings, history, events, idempotency, counters
// and their indexes (migrations 1, 2, 3, 7, 11, 12, 13 and 14 of SQLite).
QStringList ticketTables();
// Full text: the `ticket_search` configuration (unaccent, then simple) and the tsvector
// columns with their GIN indexes on tickets, messages, devices and customers.
QStringList search();
// Per-day rating figures (SQLite migration 4) as PL/pgSQL trigger functions.
QStringList ratingStats();
// Open tickets per staff member (SQLite migration 5) and the seen marks' copy of their
// ticket (SQLite migrations 11 and 13), as PL/pgSQL trigger functions.
QStringList workloadAndSeen();

} // namespace server::postgres::schema
