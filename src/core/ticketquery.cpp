#include "ticketquery.h"

#include "timeutil.h"
#include "validation.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>
#include <algorithm>
#include <type_traits>

using namespace Qt::StringLiterals;

namespace core {
namespace {

ApiProblem badParameter(const QString &name, const QString &message)
{
    return ApiProblem{400, u"invalid_parameter"_s, message, name};
}

template <typename T, typename Parse> bool parseList(const QString &raw, QList<T> &out, Parse parse)
{
    const QStringList parts = raw.split(u',', Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return false;
    for (const QString &part : parts) {
        const std::optional<T> v = parse(part.trimmed());
        if (!v)
            return false;
        if (!out.contains(*v))
            out.append(*v);
    }
    return true;
}

// Noncharacters (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF) pass QString::fromUtf8 but not QUrl's
// percent-decoding, which makes them U+FFFD: a search text holding one would not arrive
// as the client sent it (found by the ticket_query fuzzer's round trip).
bool hasNonCharacter(QStringView s)
{
    const QList<uint> codePoints = s.toUcs4();
    return std::any_of(codePoints.cbegin(), codePoints.cend(),
                       [](uint c) { return QChar::isNonCharacter(char32_t(c)); });
}

std::optional<qint64> parseId(QStringView s)
{
    bool ok = false;
    const qint64 id = s.toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

std::optional<SortKey> parseSortKey(QStringView s)
{
    SortKey key;
    if (s.startsWith(u'-')) {
        key.descending = true;
        s = s.mid(1);
    }
    if (s == u"priority")
        key.field = SortKey::Field::Priority;
    else if (s == u"createdAt")
        key.field = SortKey::Field::CreatedAt;
    else if (s == u"updatedAt")
        key.field = SortKey::Field::UpdatedAt;
    else if (s == u"status")
        key.field = SortKey::Field::Status;
    else if (s == u"due")
        key.field = SortKey::Field::Due;
    else
        return std::nullopt;
    return key;
}

template <typename T, typename ToStr> QString joinList(const QList<T> &items, ToStr toStr)
{
    static_assert(std::is_same_v<std::invoke_result_t<ToStr &, const T &>, QString>,
                  "give the lambda an explicit QString return type (QStringBuilder dangles)");
    QStringList parts;
    for (const T &item : items)
        parts.append(toStr(item));
    return parts.join(u',');
}

// One word or phrase of `exclude` or `phrase`: trimmed, searchable text with a letter or
// digit (a term of punctuation alone would be no full-text term at all), no comma (the
// list's separator; the full text splits words at commas anyway).
bool parseTextTerms(const QString &raw, QStringList &out)
{
    const QStringList parts = raw.split(u',', Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return false;
    for (const QString &part : parts) {
        const QString term = part.simplified();
        if (term.isEmpty() || part.size() > MaxTitleLength || checkText(part, false) ||
            hasNonCharacter(part) ||
            std::none_of(term.cbegin(), term.cend(), [](QChar c) { return c.isLetterOrNumber(); }))
            return false;
        if (!out.contains(term, Qt::CaseInsensitive))
            out.append(term);
    }
    return out.size() <= TicketQuery::MaxTextTerms;
}

} // namespace

QString ticketNumberIn(const QString &text)
{
    static const QRegularExpression number(u"^\\s*(?:T-?)?0*([1-9][0-9]{0,17})\\s*$"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = number.match(text);
    if (!m.hasMatch())
        return {};
    return u"T-"_s + m.captured(1).rightJustified(6, u'0');
}

QString toString(SortKey::Field field)
{
    switch (field) {
    case SortKey::Field::Priority:
        return u"priority"_s;
    case SortKey::Field::CreatedAt:
        return u"createdAt"_s;
    case SortKey::Field::UpdatedAt:
        return u"updatedAt"_s;
    case SortKey::Field::Status:
        return u"status"_s;
    case SortKey::Field::Due:
        return u"due"_s;
    }
    return {};
}

std::variant<TicketQuery, ApiProblem> TicketQuery::fromUrlQuery(const QUrlQuery &query)
{
    TicketQuery q;
    bool sortGiven = false;
    const auto items = query.queryItems(QUrl::FullyDecoded);
    QStringList seen;
    for (const auto &[name, value] : items) {
        // Words and phrases may come one per parameter (they are merged).
        const bool repeatable = name == u"exclude" || name == u"phrase";
        if (seen.contains(name) && !repeatable)
            return badParameter(name, u"This parameter is given more than once."_s);
        seen.append(name);
        if (name != u"q" && name != u"cursor" && value.count(u',') >= TicketQuery::MaxListValues)
            return badParameter(name, u"At most 200 values per parameter."_s);
        bool ok = true;
        if (name == u"status") {
            ok = parseList<Status>(value, q.statuses, parseStatus);
        } else if (name == u"priority") {
            ok = parseList<Priority>(value, q.priorities, parsePriority);
        } else if (name == u"visibility") {
            ok = parseList<Visibility>(value, q.visibilities, parseVisibility);
        } else if (name == u"assignee") {
            const QStringList parts = value.split(u',', Qt::SkipEmptyParts);
            ok = !parts.isEmpty();
            for (const QString &part : parts) {
                if (part == u"me")
                    q.assigneeMe = true;
                else if (part == u"none")
                    q.assigneeNone = true;
                else if (auto id = parseId(part))
                    q.assigneeIds.append(*id);
                else
                    ok = false;
            }
        } else if (name == u"flow") {
            ok = parseList<qint64>(value, q.flowIds, parseId);
        } else if (name == u"device") {
            ok = parseList<qint64>(value, q.deviceIds, parseId);
        } else if (name == u"customer") {
            ok = parseList<qint64>(value, q.customerIds, parseId);
        } else if (name == u"fleet") {
            ok = parseList<qint64>(value, q.fleetIds, parseId);
        } else if (name == u"q") {
            q.text = value.trimmed();
            ok = q.text.size() <= MaxTitleLength && !checkText(q.text, false) &&
                 !hasNonCharacter(q.text);
        } else if (name == u"createdFrom" || name == u"createdTo") {
            const bool from = name == u"createdFrom";
            // Relative: "-7d" is the start of the day 7 days before today (resolved where
            // the query runs).
            static const QRegularExpression relative(u"^-([0-9]{1,5})d$"_s);
            if (const auto m = relative.match(value); m.hasMatch()) {
                const int days = m.captured(1).toInt();
                ok = days <= MaxDaysAgo;
                (from ? q.createdFromDaysAgo : q.createdToDaysAgo) =
                    ok ? std::optional<int>(days) : std::nullopt;
                if (!ok)
                    return badParameter(name, u"A relative day is -Nd, N from 0 to 36500."_s);
                continue;
            }
            // A time with its zone ("Z" or an offset): a local time would mean another
            // moment on every server.
            const QDateTime dt = QDateTime::fromString(value, Qt::ISODateWithMs);
            // From the epoch to the last moment of year 9999: what toIsoUtc writes back.
            static constexpr qint64 Last = 253'402'300'799'999;
            ok = dt.isValid() && value.contains(u'T') && dt.timeSpec() != Qt::LocalTime &&
                 dt.toMSecsSinceEpoch() >= 0 && dt.toMSecsSinceEpoch() <= Last;
            const std::optional<qint64> at =
                ok ? std::optional<qint64>(dt.toMSecsSinceEpoch()) : std::nullopt;
            (from ? q.createdFrom : q.createdTo) = at;
        } else if (name == u"exclude") {
            ok = parseTextTerms(value, q.excluded);
        } else if (name == u"phrase") {
            ok = parseTextTerms(value, q.phrases);
        } else if (name == u"unread") {
            ok = value == u"true" || value == u"false";
            q.unreadOnly = value == u"true";
        } else if (name == u"awaiting") {
            ok = value == u"staff";
            q.awaitingStaff = ok;
        } else if (name == u"sort") {
            // Not parseList: a key given twice is an error here, not merged away.
            q.sort.clear();
            sortGiven = true;
            const QStringList parts = value.split(u',', Qt::SkipEmptyParts);
            ok = !parts.isEmpty();
            for (const QString &part : parts) {
                const std::optional<SortKey> key = parseSortKey(part.trimmed());
                const bool repeated =
                    key && std::any_of(q.sort.cbegin(), q.sort.cend(),
                                       [&](const SortKey &k) { return k.field == key->field; });
                ok = ok && key && !repeated;
                if (key)
                    q.sort.append(*key);
            }
        } else if (name == u"due") {
            ok = value == u"breached" || value == u"soon";
            q.due = value == u"soon" ? DueFilter::Soon : DueFilter::Breached;
        } else if (name == u"limit") {
            q.limit = value.toInt(&ok);
            ok = ok && q.limit >= 1 && q.limit <= MaxLimit;
            if (!ok)
                return badParameter(name, u"limit must be a number from 1 to 200."_s);
        } else if (name == u"cursor") {
            // The server's cursors are base64url: printable ASCII. Anything else is none of
            // ours and, like a noncharacter, might not come back as it was sent.
            q.cursor = value;
            ok = !value.isEmpty() && value.size() <= 2000 &&
                 std::all_of(value.cbegin(), value.cend(),
                             [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; });
        } else {
            return badParameter(name, u"Unknown parameter."_s);
        }
        if (!ok)
            return badParameter(name, u"This parameter has a value that is not allowed."_s);
    }
    if (sortGiven && q.sort.isEmpty())
        return badParameter(u"sort"_s, u"This parameter has a value that is not allowed."_s);
    if ((q.createdFrom && q.createdTo && *q.createdFrom >= *q.createdTo) ||
        (q.createdFromDaysAgo && q.createdToDaysAgo &&
         *q.createdFromDaysAgo <= *q.createdToDaysAgo))
        return ApiProblem{422, u"invalid_value"_s, u"createdFrom must come before createdTo."_s,
                          u"createdFrom"_s};
    return q;
}

QUrlQuery TicketQuery::toUrlQuery() const
{
    QUrlQuery u;
    auto add = [&u](const QString &name, const QString &value) {
        if (!value.isEmpty())
            u.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value, ",")));
    };
    add(u"status"_s, joinList(statuses, [](Status s) { return core::toString(s); }));
    add(u"priority"_s, joinList(priorities, [](Priority p) { return core::toString(p); }));
    QStringList assignee;
    if (assigneeMe)
        assignee.append(u"me"_s);
    if (assigneeNone)
        assignee.append(u"none"_s);
    for (qint64 id : assigneeIds)
        assignee.append(QString::number(id));
    add(u"assignee"_s, assignee.join(u','));
    auto ids = [](qint64 id) {
        return QString::number(id);
    };
    add(u"flow"_s, joinList(flowIds, ids));
    add(u"visibility"_s, joinList(visibilities, [](Visibility v) { return core::toString(v); }));
    add(u"device"_s, joinList(deviceIds, ids));
    add(u"customer"_s, joinList(customerIds, ids));
    add(u"fleet"_s, joinList(fleetIds, ids));
    add(u"q"_s, text);
    auto relative = [](int daysAgo) -> QString {
        return u"-"_s + QString::number(daysAgo) + u'd';
    };
    if (createdFromDaysAgo)
        add(u"createdFrom"_s, relative(*createdFromDaysAgo));
    else if (createdFrom)
        add(u"createdFrom"_s, toIsoUtc(*createdFrom));
    if (createdToDaysAgo)
        add(u"createdTo"_s, relative(*createdToDaysAgo));
    else if (createdTo)
        add(u"createdTo"_s, toIsoUtc(*createdTo));
    add(u"exclude"_s, excluded.join(u','));
    add(u"phrase"_s, phrases.join(u','));
    if (due)
        add(u"due"_s, *due == DueFilter::Soon ? u"soon"_s : u"breached"_s);
    if (unreadOnly)
        add(u"unread"_s, u"true"_s);
    if (awaitingStaff)
        add(u"awaiting"_s, u"staff"_s);
    // An explicit QString: with QT_USE_QSTRINGBUILDER a deduced return type would be a
    // QStringBuilder referring to this lambda's temporaries, read after they are gone.
    add(u"sort"_s, joinList(sort, [](const SortKey &k) -> QString {
            return (k.descending ? u"-"_s : QString()) + toString(k.field);
        }));
    if (limit != DefaultLimit)
        add(u"limit"_s, QString::number(limit));
    add(u"cursor"_s, cursor);
    return u;
}

TicketQuery TicketQuery::resolved(const QDateTime &now) const
{
    TicketQuery q = *this;
    const QDate today = now.date();
    auto startOf = [&](int daysAgo) {
        return QDateTime(today.addDays(-daysAgo), QTime(0, 0), now.timeZone()).toMSecsSinceEpoch();
    };
    if (q.createdFromDaysAgo)
        q.createdFrom = startOf(*std::exchange(q.createdFromDaysAgo, std::nullopt));
    if (q.createdToDaysAgo)
        q.createdTo = startOf(*std::exchange(q.createdToDaysAgo, std::nullopt));
    if (q.createdFrom && q.createdTo && *q.createdFrom >= *q.createdTo) {
        q.createdFrom.reset();
        q.createdTo = 1;
    }
    return q;
}

bool TicketQuery::createdRangeCrosses(const QDateTime &now) const
{
    const TicketQuery q = resolved(now);
    return !q.createdFrom && q.createdTo && *q.createdTo <= 1;
}

bool TicketQuery::setStatuses(const QList<Status> &v)
{
    return std::exchange(statuses, v) != v;
}

bool TicketQuery::setPriorities(const QList<Priority> &v)
{
    return std::exchange(priorities, v) != v;
}

bool TicketQuery::setText(const QString &v)
{
    return std::exchange(text, v.trimmed()) != v.trimmed();
}

bool TicketQuery::setSort(const QList<SortKey> &v)
{
    return std::exchange(sort, v) != v;
}

bool TicketQuery::matches(const TicketSummary &t, qint64 me) const
{
    if (hasRelativeDates())
        return resolved(QDateTime::currentDateTime()).matches(t, me);
    if (!statuses.isEmpty() && !statuses.contains(t.status))
        return false;
    if (!priorities.isEmpty() && !priorities.contains(t.priority))
        return false;
    if (!visibilities.isEmpty() && !visibilities.contains(t.visibility))
        return false;
    if (!flowIds.isEmpty() && !flowIds.contains(t.flowId))
        return false;
    if (!deviceIds.isEmpty() && !deviceIds.contains(t.deviceId))
        return false;
    if ((createdFrom && t.createdAt < *createdFrom) || (createdTo && t.createdAt >= *createdTo))
        return false;
    if (unreadOnly && !t.unread.value_or(false))
        return false;
    if (hasAssigneeFilter()) {
        const bool hit = (assigneeNone && !t.assigneeId) ||
                         (assigneeMe && t.assigneeId && *t.assigneeId == me) ||
                         (t.assigneeId && assigneeIds.contains(*t.assigneeId));
        if (!hit)
            return false;
    }
    return true;
}

namespace {

template <typename T> bool sameList(const QList<T> &a, const QList<T> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend());
}

} // namespace

bool TicketQuery::operator==(const TicketQuery &o) const
{
    return sameList(statuses, o.statuses) && sameList(priorities, o.priorities) &&
           assigneeMe == o.assigneeMe && assigneeNone == o.assigneeNone &&
           sameList(assigneeIds, o.assigneeIds) && sameList(flowIds, o.flowIds) &&
           sameList(visibilities, o.visibilities) && sameList(deviceIds, o.deviceIds) &&
           sameList(customerIds, o.customerIds) && sameList(fleetIds, o.fleetIds) &&
           text == o.text && createdFrom == o.createdFrom && createdTo == o.createdTo &&
           createdFromDaysAgo == o.createdFromDaysAgo && createdToDaysAgo == o.createdToDaysAgo &&
           sameList(excluded, o.excluded) && sameList(phrases, o.phrases) && due == o.due &&
           unreadOnly == o.unreadOnly && awaitingStaff == o.awaitingStaff &&
           sameList(sort, o.sort) && limit == o.limit && cursor == o.cursor;
}

} // namespace core
