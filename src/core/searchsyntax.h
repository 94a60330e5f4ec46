#pragma once

#include "ticketquery.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <optional>

// The search box's syntax: field terms beside free words, e.g.
//   priority:high status:new,open assignee:me fleet:Süd device:"Aufzug Haupthaus"
//   created:>7d created:2026-11-01..2026-11-30 -word "exact phrase" printer
// parsed into a TicketQuery (and the created range in days, see SearchExtras), and
// written back.
// The parser knows no data: names go through a SearchDirectory the caller supplies.
namespace core {

// Names of staff, fleets, flows, devices and customers, as the caller knows them.
class SearchDirectory
{
public:
    enum class Kind { Staff, Fleet, Flow, Device, Customer };

    virtual ~SearchDirectory() = default;
    // Every id the name names (case-insensitively); empty for none.
    virtual QList<qint64> idsOf(Kind kind, const QString &name) const = 0;
    // The name to write for an id; empty when unknown (then "#id" is written).
    virtual QString nameOf(Kind kind, qint64 id) const = 0;
    // Names that start with (or otherwise fit) a typed prefix, best first, at most `max`.
    virtual QStringList completions(Kind kind, const QString &prefix, int max) const = 0;
};

// A day the search names: a calendar date or "N days ago" (kept relative, so a saved view
// of "the last 7 days" stays the last 7 days).
struct SearchDate {
    QDate date;      // valid for a calendar date
    int daysAgo = 0; // used when `date` is null
    QDate resolve(QDate today) const { return date.isValid() ? date : today.addDays(-daysAgo); }
    bool operator==(const SearchDate &) const = default;
};

// created:… as an inclusive range of days; a missing bound is open.
struct SearchDateRange {
    std::optional<SearchDate> from;
    std::optional<SearchDate> to;
    bool operator==(const SearchDateRange &) const = default;
};

// What the syntax says in its own words: the created range in days (relative days stay
// relative; resolvedQuery() makes times of them), and the phrases and excluded words as
// typed (TicketQuery::phrases and ::excluded hold them as GET /tickets takes them).
struct SearchExtras {
    std::optional<SearchDateRange> created;
    QStringList phrases;  // "exact phrase": their words are also in TicketQuery::text
    QStringList excluded; // -word, -"some phrase"
    bool isEmpty() const { return !created && phrases.isEmpty() && excluded.isEmpty(); }
    bool operator==(const SearchExtras &) const = default;
};

// A term the parser does not understand: the client highlights [start, start+length)
// (UTF-16 positions, as QString and QTextLayout count).
struct SearchProblem {
    enum class Reason {
        UnknownField,      // nofield:x
        EmptyValue,        // status:  or status:new,,open
        UnknownValue,      // status:nonsense, fleet:<a name the directory does not know>
        AmbiguousName,     // the directory knows several of that name
        BadDate,           // created:2026-13-01, created:>x
        UnterminatedQuote, // "open end
        NegatedField,      // -status:new (GET /tickets has no negated filters)
        RepeatedField,     // created: given twice
        ReversedRange,     // created:2026-12-01..3d before 2026-12-04: the days cross today
        Refused,           // GET /tickets would refuse it: over 200 values for one field, a
                           // free text over 200 characters or with control characters
    };
    int start = 0;
    int length = 0;
    Reason reason = Reason::UnknownField;
    bool operator==(const SearchProblem &) const = default;
};

struct SearchParseResult {
    TicketQuery query; // filters and free text; sort, limit and cursor as given to parse
    SearchExtras extras;
    QList<SearchProblem> problems; // when not empty, send nothing
    bool ok() const { return problems.isEmpty(); }
};

// The field names the syntax knows, in the order completion offers them.
QStringList searchFieldNames();

// Parses `text` onto `base` (whose filters and text are replaced; sort and paging kept).
// With a valid `today`, a created range whose days cross on that day is a problem
// (ReversedRange); without, only ranges that always cross are (BadDate).
SearchParseResult parseSearch(const QString &text, const SearchDirectory &directory,
                              const TicketQuery &base = {}, QDate today = {});

// The query to keep for a parse (the filter's, a saved view's): its query with the created
// range of its extras, calendar days as times from midnight of `now`'s time zone, relative
// days as TicketQuery's createdFromDaysAgo/createdToDaysAgo (GET /tickets' `-Nd`), so that
// "the last 7 days" stays that. `to` is inclusive of its whole day: created:..3d is
// createdTo=-2d; a relative end today or later is no bound (nothing is created later).
// A relative day in the future becomes a time.
TicketQuery heldQuery(const SearchParseResult &parse, const QDateTime &now);

// The query to send for a parse: heldQuery(parse, now).resolved(now), every day a time.
// A range of crossing days matches nothing.
TicketQuery resolvedQuery(const SearchParseResult &parse, const QDateTime &now);

// The created range, phrases and excluded words of a query in the syntax's own words
// (relative days stay relative; times become days of `now`'s time zone): what searchText
// writes for a query that came from elsewhere (a saved view).
SearchExtras searchExtrasOf(const TicketQuery &query, const QDateTime &now);

// The text that parses back to the same query and extras (free text normalised to single
// spaces). Names are written through the directory, ids it does not know as "#id".
QString searchText(const TicketQuery &query, const SearchExtras &extras,
                   const SearchDirectory &directory);

// What may be typed at `cursor`: candidates replace [replaceStart, replaceStart+replaceLength).
struct SearchCompletion {
    int replaceStart = 0;
    int replaceLength = 0;
    QStringList candidates;
};

SearchCompletion completeSearch(const QString &text, int cursor, const SearchDirectory &directory,
                                int max = 20);

} // namespace core
