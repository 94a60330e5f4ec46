#include "schema.h"

using namespace Qt::StringLiterals;

namespace server::postgres::schema {
namespace {

// A stored tsvector column `search` of `table` over `text`, and its GIN index.
QStringList searchColumn(const QString &table, const QString &text)
{
    return {
        u"ALTER TABLE %1 ADD COLUMN search tsvector GENERATED ALWAYS AS "
        "(to_tsvector('ticket_search'::regconfig, %2)) STORED"_s.arg(table, text),
        u"CREATE INDEX %1_search ON %1 USING gin (search)"_s.arg(table),
    };
}

} // namespace

// SQLite's fts5 tables (`unicode61 remove_diacritics 2`) fold case and diacritics: "Grüße"
// is found by "grusse"'s prefix "gru". Here the `ticket_search` configuration runs the
// words through `unaccent` (Ä -> A, é -> e; also ß -> ss, which SQLite keeps as ß) and
// then `simple` (lower case, no stemming, no stop words), and a search asks
// `search @@ to_tsquery('ticket_search', 'word:* & other:*')`: prefix words, AND.
// unaccent is a trusted extension: the database's owner may create it, no superuser.
// The rows of SQLite's `search`, `device_search` and `customer_search` tables are the
// `search` columns of tickets (title and description), messages, devices (name,
// location, serial) and customers (name, number), kept by PostgreSQL itself.
QStringList search()
{
    return QStringList{
               u"CREATE EXTENSION IF NOT EXISTS unaccent"_s,
               u"CREATE TEXT SEARCH CONFIGURATION ticket_search (COPY = simple)"_s,
               u"ALTER TEXT SEARCH CONFIGURATION ticket_search ALTER MAPPING FOR word, hword, "
               "hword_part, numword, numhword, hword_numpart WITH unaccent, simple"_s,
           } +
           searchColumn(u"tickets"_s, u"title || E'\\n' || description"_s) +
           searchColumn(u"messages"_s, u"body"_s) +
           searchColumn(u"devices"_s, u"name || E'\\n' || location || E'\\n' || serial"_s) +
           searchColumn(u"customers"_s, u"name || E'\\n' || number"_s);
}

} // namespace server::postgres::schema
