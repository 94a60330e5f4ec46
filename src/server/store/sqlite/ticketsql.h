#pragma once

#include "core/ticketquery.h"
#include "store/caller.h"

#include <QString>
#include <QStringList>
#include <QVariantList>
#include <optional>

// SQL building for ticket lists and facets. Only column names from the allow-list below
// and fixed fragments enter the SQL text; every value from a request is a bound `?`.
namespace server::sqlite::ticketsql {

// A WHERE clause in pieces: conditions joined by AND, values in placeholder order.
struct Where {
    QStringList conditions;
    QVariantList values;
    void add(const QString &condition, const QVariantList &conditionValues = {});
    void add(const Where &other);
    QString sql() const; // "WHERE a AND b", or empty
};

// A statement with its values in placeholder order.
struct Statement {
    QString sql;
    QVariantList values;
};

// Filter dimensions facets leave out for their own counts.
enum Dimension {
    NoDimension = 0,
    StatusDimension = 1,
    PriorityDimension = 2,
    AssigneeDimension = 4,
    DueDimension = 8 // the due filter (its facet counts both of its values)
};

// How the tickets the text of `q` matches (the match set, built once per statement) and
// the page's order meet:
// - MatchSet: the set's tickets are read by id, filtered and sorted. Its cost grows with
//   the matches: right for narrow words, and for facets, which count every match anyway.
// - WalkInOrder: the tickets are walked in the page's order (the filters' and sort's
//   index) and each is looked up in the set, until the page is full. Its cost grows with
//   the tickets walked past: right for a word that matches a large share of them, where
//   reading and sorting every match was most of the time (200 ms at 100,000 tickets).
enum class TextPlan { MatchSet, WalkInOrder };

// What the caller may see (code users: public tickets of their device) plus the query's
// filters, except those in `omit`.
Where filters(const core::TicketQuery &query, const Caller &caller, int omit = NoDimension,
              TextPlan textPlan = TextPlan::MatchSet);

// The condition of `due=` as of `now` on the stored clocks (migration 12).
Where dueCondition(core::TicketQuery::DueFilter due, qint64 now);

// The ids of the tickets the text of `q` finds for the caller, with repeats (a ticket
// matched by its text, messages, number, device or customer): a statement to use inside
// `IN (...)` or to count. Empty when the text has no words.
Statement textMatches(const core::TicketQuery &query, const Caller &caller);

// textMatches for an FTS5 expression `match` (from matchExpression or phraseExpression)
// and the text it came from (a ticket number in it finds that ticket for staff).
Statement termMatches(const QString &match, const QString &text, const Caller &caller);

// A safe FTS5 phrase: the words of `phrase` in one quoted FTS5 string ("" escaped), which
// matches them adjacent and in order; with `prefix` the last word matches as a prefix.
// Empty when the phrase has no words.
QString phraseExpression(const QString &phrase, bool prefix);

// A safe FTS5 MATCH expression: each whitespace-separated token becomes a quoted FTS5
// string ("" escaped) with a trailing * for prefix matching, so user text is never FTS
// syntax. Empty when the text has no tokens.
QString matchExpression(const QString &text, bool prefix = true);

// The column of a sort field (allow-list), e.g. "t.priority".
QString column(core::SortKey::Field field);

// Ties are broken by id in the direction of the last sort key, so that a single-key sort
// walks one index (created_at, id) in one direction, forwards or backwards.
bool idDescending(const QList<core::SortKey> &sort);
QString orderBy(const QList<core::SortKey> &sort);

// The sort as the `sort` parameter spells it ("-priority,createdAt").
QString sortText(const QList<core::SortKey> &sort);

// The keyset condition "after the row with these sort values and id" under the query's
// sort and filters; see ticketsql.cpp for the shape the planner needs.
Where after(const core::TicketQuery &query, const QList<qint64> &values);

// The page statement of GET /tickets: summaries under `where`, in sort order, with one
// LIMIT placeholder after the where values.
QString listStatement(const Where &where, const QList<core::SortKey> &sort);

// The opaque cursor: base64url of {"s": sortText, "k": [sort values..., id]}.
QString encodeCursor(const QList<core::SortKey> &sort, const QList<qint64> &values);
// The values of a cursor made for this sort, or nullopt when it is not one of ours.
std::optional<QList<qint64>> decodeCursor(const QString &cursor, const QList<core::SortKey> &sort);

} // namespace server::sqlite::ticketsql
