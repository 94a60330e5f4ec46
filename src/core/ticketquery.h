#pragma once

#include "enums.h"
#include "types.h"
#include "validation.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>
#include <optional>
#include <variant>

namespace core {

struct SortKey {
    // Due: the next due time of a running response clock (tickets without one last when
    // ascending; see core/clocks.h).
    enum class Field { Priority, CreatedAt, UpdatedAt, Status, Due };
    Field field = Field::CreatedAt;
    bool descending = false;
    bool operator==(const SortKey &) const = default;
};

QString toString(SortKey::Field field);

// The default order of GET /tickets: by creation time, newest first.
inline QList<SortKey> newestFirst()
{
    QList<SortKey> keys;
    keys.append(SortKey{SortKey::Field::CreatedAt, true});
    return keys;
}

// The ticket number ("T-000120") a search text names, if it is one: "T-000120", "t120",
// "000120" and "120" all name T-000120. Empty for anything else.
QString ticketNumberIn(const QString &text);

// The ticket filter: on the server it becomes the SQL query, in the client the same
// object describes a queue and decides whether a live-updated row still belongs in it.
// Setters return whether anything changed.
class TicketQuery
{
public:
    static constexpr int DefaultLimit = 50;
    static constexpr int MaxLimit = 200;
    // Values one list parameter may name (`device=1,2,...`): bounds what one request costs.
    static constexpr int MaxListValues = 200;
    // Words or phrases one of `exclude` and `phrase` may name, each at most MaxTitleLength
    // characters: every one is a full-text lookup.
    static constexpr int MaxTextTerms = 20;

    QList<Status> statuses;
    QList<Priority> priorities;
    bool assigneeMe = false;
    bool assigneeNone = false;
    QList<qint64> assigneeIds;
    QList<qint64> flowIds;
    QList<Visibility> visibilities;
    QList<qint64> deviceIds;
    QList<qint64> customerIds;
    QList<qint64> fleetIds;
    QString text;
    // Created in [createdFrom, createdTo) (msecs since the epoch; a missing bound is open).
    std::optional<qint64> createdFrom;
    std::optional<qint64> createdTo;
    // The same bounds relative to the day the query is run (`createdFrom=-7d`): the start
    // (00:00) of the day N days before today, createdTo exclusive as ever. At most one of
    // createdFrom and createdFromDaysAgo is set (likewise for To); resolved() makes times.
    static constexpr int MaxDaysAgo = 36500;
    std::optional<int> createdFromDaysAgo;
    std::optional<int> createdToDaysAgo;
    // Tickets whose text holds one of these words or phrases are left out (`exclude`).
    QStringList excluded;
    // Tickets whose text holds every one of these phrases, words adjacent (`phrase`).
    QStringList phrases;
    // Staff only (for code users they match nothing, like customer and fleet filters):
    // `unread=true`, what the asking staff member has not seen; `awaiting=staff`, public
    // tickets not closed whose last message is the code user's.
    bool unreadOnly = false;
    bool awaitingStaff = false;
    // `due=breached`: a response clock is breached; `due=soon`: none is, and a running
    // one has at most an hour of business time left. Only the server knows (staff only).
    enum class DueFilter { Breached, Soon };
    std::optional<DueFilter> due;
    // Newest first. (Filled by a function: GCC 12 warns falsely about the initializer
    // list's array when the member is initialized with a braced list.)
    QList<SortKey> sort = newestFirst();
    int limit = DefaultLimit;
    QString cursor;

    // Anything outside the allow-lists is a problem (400), with the offending parameter;
    // createdFrom at or after createdTo is 422 invalid_value (for two times, or two relative
    // days; a time and a relative day are compared only when resolved).
    static std::variant<TicketQuery, ApiProblem> fromUrlQuery(const QUrlQuery &query);
    QUrlQuery toUrlQuery() const;

    bool setStatuses(const QList<Status> &v);
    bool setPriorities(const QList<Priority> &v);
    bool setText(const QString &v);
    bool setSort(const QList<SortKey> &v);

    bool hasRelativeDates() const { return createdFromDaysAgo || createdToDaysAgo; }
    bool hasCreatedRange() const
    {
        return createdFrom || createdTo || createdFromDaysAgo || createdToDaysAgo;
    }
    // The query with its relative days as times: the start of the day N days before `now`'s
    // day in `now`'s time zone (the server: UTC; the client: local time). A range that
    // crosses holds nothing: no createdFrom, createdTo 1 (before the epoch's first
    // millisecond), which GET /tickets takes.
    TicketQuery resolved(const QDateTime &now) const;
    // Whether the created range holds no day on `now`'s day (its bounds cross).
    bool createdRangeCrosses(const QDateTime &now) const;

    bool hasAssigneeFilter() const { return assigneeMe || assigneeNone || !assigneeIds.isEmpty(); }
    // Whether a summary passes the filters a summary can answer (all but the full text,
    // excluded words and phrases, customer and fleet, which only the server knows). `me` is the
    // caller's staff id.
    bool matches(const TicketSummary &t, qint64 me) const;

    // Field by field; lists element by element (Qt 6.4's QList == passes a null pointer to
    // memcmp for an empty list, which UBSan rightly refuses).
    bool operator==(const TicketQuery &other) const;
};

} // namespace core
