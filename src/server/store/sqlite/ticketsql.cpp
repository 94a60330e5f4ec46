#include "ticketsql.h"

#include "schema.h"
#include "ticketrows.h"
#include "unread.h"

#include "core/timeutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using core::SortKey;

namespace server::sqlite::ticketsql {
namespace {

// `share` is the typical fraction of tickets one value selects. Wrapped in likelihood(),
// the estimate keeps the planner from reading a third of the table through a status or
// fleet index and sorting it, when walking the ORDER BY index stops after one page.
// Most tickets of a working system are closed; the open states are a small backlog.
double statusShare(const QList<core::Status> &statuses)
{
    static constexpr double share[core::StatusCount] = {0.03, 0.04, 0.04, 0.15, 0.74};
    double sum = 0;
    for (core::Status s : statuses)
        sum += share[int(s)];
    return sum / double(qMax<qsizetype>(1, statuses.size()));
}

template <typename T, typename ToVariant>
void addIn(Where &where, const QString &column, const QList<T> &items, ToVariant toVariant,
           double share = 0)
{
    if (items.isEmpty())
        return;
    QStringList marks;
    QVariantList values;
    for (const T &item : items) {
        marks.append(u"?"_s);
        values.append(toVariant(item));
    }
    const QString in = column + u" IN ("_s + marks.join(u", "_s) + u')';
    if (share <= 0)
        return where.add(in, values);
    const double p = qMin(0.9, share * double(items.size()));
    where.add(u"likelihood("_s + in + u", "_s + QString::number(p, 'f', 2) + u')', values);
}

QVariant idValue(qint64 id)
{
    return id;
}

template <typename E> QVariant enumValue(E e)
{
    return int(e);
}

template <typename E> QList<qint64> allowed(const QList<E> &filter, int count)
{
    QList<qint64> out;
    for (int i = 0; i < count; ++i) {
        if (filter.isEmpty() || filter.contains(E(i)))
            out.append(i);
    }
    return out;
}

// One sort column at the cursor, with the values a page can hold for it when the column
// has a small domain (priority, status) and nothing otherwise.
struct Key {
    QString column;
    qint64 value = 0;
    std::optional<QList<qint64>> domain;
};

// Consecutive keys (id last) with the same direction.
struct Group {
    QList<Key> keys;
    bool descending = false;
    QString tuple() const
    {
        QStringList columns;
        for (const Key &k : keys)
            columns.append(k.column);
        return keys.size() == 1 ? columns.first() : u'(' + columns.join(u", "_s) + u')';
    }
    QString marks() const
    {
        return keys.size() == 1 ? u"?"_s
                                : u'(' + QStringList(keys.size(), u"?"_s).join(u", "_s) + u')';
    }
    QVariantList values() const
    {
        QVariantList out;
        for (const Key &k : keys)
            out.append(k.value);
        return out;
    }
    // Whether some row the filters admit can equal the cursor here.
    bool canEqual() const
    {
        return std::all_of(keys.begin(), keys.end(),
                           [](const Key &k) { return !k.domain || k.domain->contains(k.value); });
    }
    // Whether some admitted row can come after the cursor here (judged on the first key).
    bool canFollow() const
    {
        const Key &k = keys.first();
        if (!k.domain)
            return true;
        return std::any_of(k.domain->begin(), k.domain->end(), [&](qint64 v) {
            const bool strict = keys.size() == 1;
            return descending ? (strict ? v < k.value : v <= k.value)
                              : (strict ? v > k.value : v >= k.value);
        });
    }
};

QList<Group> groups(const core::TicketQuery &query, const QList<qint64> &values)
{
    const QList<SortKey> &sort = query.sort;
    QList<Group> out;
    for (qsizetype i = 0; i <= sort.size(); ++i) {
        const bool last = i == sort.size();
        Key key{last ? u"t.id"_s : column(sort[i].field), values[i], std::nullopt};
        if (!last && sort[i].field == SortKey::Field::Priority)
            key.domain = allowed(query.priorities, core::PriorityCount);
        else if (!last && sort[i].field == SortKey::Field::Status)
            key.domain = allowed(query.statuses, core::StatusCount);
        const bool desc = last ? idDescending(sort) : sort[i].descending;
        if (out.isEmpty() || out.last().descending != desc)
            out.append(Group{{}, desc});
        out.last().keys.append(key);
    }
    return out;
}

// The staff ids of the assignee filter, `me` resolved.
QList<qint64> assigneeIds(const core::TicketQuery &query, const Caller &caller)
{
    QList<qint64> ids = query.assigneeIds;
    if (query.assigneeMe && caller.isStaff() && !ids.contains(caller.id))
        ids.append(caller.id);
    return ids;
}

} // namespace

void Where::add(const QString &condition, const QVariantList &conditionValues)
{
    conditions.append(condition);
    values.append(conditionValues);
}

void Where::add(const Where &other)
{
    conditions.append(other.conditions);
    values.append(other.values);
}

QString Where::sql() const
{
    return conditions.isEmpty() ? QString() : u"WHERE "_s + conditions.join(u" AND "_s);
}

Where filters(const core::TicketQuery &query, const Caller &caller, int omit, TextPlan textPlan)
{
    Where w;
    const bool staff = caller.isStaff();
    if (!staff) {
        w.add(u"t.device_id = ?"_s, {caller.deviceId});
        w.add(u"t.visibility = 0"_s);
    }
    // Sorted by due time first: walk tickets_due and filter, never another index and a
    // sort. The tickets with a running clock come first in it, and those are the ones a
    // due queue (new, open) shows; `+` and no likelihood() keep the planner off the
    // filters' indexes.
    const bool dueFirst =
        !query.sort.isEmpty() && query.sort.first().field == core::SortKey::Field::Due;
    const QString plus = dueFirst ? u"+"_s : QString();
    if (!(omit & StatusDimension))
        addIn(w, plus + u"t.status"_s, query.statuses, enumValue<core::Status>,
              dueFirst ? 0 : statusShare(query.statuses));
    if (!(omit & PriorityDimension))
        addIn(w, plus + u"t.priority"_s, query.priorities, enumValue<core::Priority>,
              dueFirst ? 0 : 0.33);
    addIn(w, u"t.visibility"_s, query.visibilities, enumValue<core::Visibility>);
    addIn(w, u"t.flow_id"_s, query.flowIds, idValue);
    addIn(w, u"t.device_id"_s, query.deviceIds, idValue);
    // Code users never learn their device's customer or fleet: those filters match nothing.
    if (!staff && (!query.customerIds.isEmpty() || !query.fleetIds.isEmpty()))
        w.add(u"0"_s);
    addIn(w, plus + u"t.customer_id"_s, query.customerIds, idValue, dueFirst ? 0 : 0.1);
    addIn(w, plus + u"t.fleet_id"_s, query.fleetIds, idValue, dueFirst ? 0 : 0.33);
    if (!(omit & AssigneeDimension) && query.hasAssigneeFilter()) {
        Where any;
        if (query.assigneeNone)
            any.add(u"t.assignee_id IS NULL"_s);
        addIn(any, u"t.assignee_id"_s, assigneeIds(query, caller), idValue);
        if (any.conditions.isEmpty()) // only "me", asked by a code user
            w.add(u"0"_s);
        else
            w.add(u'(' + any.conditions.join(u" OR "_s) + u')', any.values);
    }
    // Code users never learn about clocks: a due filter matches nothing for them.
    if (query.due && !(omit & DueDimension)) {
        if (staff)
            w.add(dueCondition(*query.due, core::nowMsecs()));
        else
            w.add(u"0"_s);
    }
    // Unread and "needs reply" are staff matters: for code users they match nothing.
    if (query.unreadOnly) {
        if (staff)
            w.add(unread::condition(), unread::conditionValues(caller.id));
        else
            w.add(u"0"_s);
    }
    if (query.awaitingStaff)
        w.add(staff ? unread::awaitingCondition() : u"0"_s);
    if (query.createdFrom)
        w.add(u"t.created_at >= ?"_s, {*query.createdFrom});
    if (query.createdTo)
        w.add(u"t.created_at < ?"_s, {*query.createdTo});
    // `+` keeps the planner from reading the set's tickets by id and sorting them all: it
    // walks the filters' and sort's index instead and looks each ticket up in the set.
    const bool walk = textPlan == TextPlan::WalkInOrder;
    // A phrase is looked for in the texts only (the search table: title, description and
    // messages, what a code user of the ticket may read too; never internal notes).
    for (const QString &phrase : query.phrases) {
        if (phraseExpression(phrase, false).isEmpty()) { // no words: nothing holds it
            w.add(u"0"_s);
            continue;
        }
        w.add((walk ? u"+t.id IN ("_s : u"t.id IN ("_s) +
                  u"SELECT rowid >> %1 FROM search WHERE search MATCH ?)"_s.arg(SearchTicketShift),
              {phraseExpression(phrase, false)});
    }
    // An excluded word is matched as `q` matches its words, for the same caller.
    for (const QString &term : query.excluded) {
        const Statement hit = termMatches(phraseExpression(term, true), term, caller);
        if (!hit.sql.isEmpty())
            w.add(u"+t.id NOT IN ("_s + hit.sql + u')', hit.values);
    }
    const Statement found = textMatches(query, caller);
    if (found.sql.isEmpty())
        return w;
    w.add((walk ? u"+t.id IN ("_s : u"t.id IN ("_s) + found.sql + u')', found.values);
    return w;
}

Where dueCondition(core::TicketQuery::DueFilter due, qint64 now)
{
    Where w;
    // Breached: a clock's breach instant has passed. Soon: none has (the earliest breach
    // instant is still ahead: a running clock always has one), and a running clock
    // reached its last business hour. Few tickets have a breach ahead (the open backlog
    // with targets): `soon` reads them through tickets_clock_breach and sorts them, where
    // walking the page's sort index past every other ticket took 27 ms at 100,000.
    if (due == core::TicketQuery::DueFilter::Breached) {
        w.add(u"t.clock_breach < ?"_s, {now});
    } else {
        w.add(u"likelihood(t.clock_breach >= ?, 0.01)"_s, {now});
        w.add(u"+t.clock_soon <= ?"_s, {now});
    }
    return w;
}

Statement textMatches(const core::TicketQuery &query, const Caller &caller)
{
    return termMatches(matchExpression(query.text), query.text, caller);
}

Statement termMatches(const QString &match, const QString &text, const Caller &caller)
{
    if (match.isEmpty())
        return {};
    // The ticket from the rowid: no content row is read per match (schema.h).
    Statement s{u"SELECT rowid >> %1 FROM search WHERE search MATCH ?"_s.arg(SearchTicketShift),
                {match}};
    // Staff also find a ticket by its number and tickets by their device's and customer's
    // names and numbers (code users never by customer data). Each part is an indexed
    // lookup (search, the number's, tickets_device, tickets_customer). UNION ALL: the IN
    // list keeps each id once anyway, a UNION would build a second set for nothing.
    if (caller.isStaff()) {
        if (const QString number = core::ticketNumberIn(text); !number.isEmpty()) {
            s.sql += u" UNION ALL SELECT id FROM tickets WHERE number = ?"_s;
            s.values.append(number);
        }
        s.sql += u" UNION ALL SELECT id FROM tickets WHERE device_id IN (SELECT rowid FROM "
                 "device_search WHERE device_search MATCH ?) UNION ALL SELECT id FROM tickets "
                 "WHERE customer_id IN (SELECT rowid FROM customer_search WHERE "
                 "customer_search MATCH ?)"_s;
        s.values.append(match);
        s.values.append(match);
    }
    return s;
}

QString matchExpression(const QString &text, bool prefix)
{
    static const QRegularExpression space(u"\\s+"_s);
    QStringList terms;
    for (const QString &token : text.split(space, Qt::SkipEmptyParts)) {
        QString term = token;
        term.replace(u'"', u"\"\""_s);
        terms.append(u'"' + term + u'"' + (prefix ? u"*"_s : QString()));
    }
    return terms.join(u' ');
}

QString phraseExpression(const QString &phrase, bool prefix)
{
    static const QRegularExpression space(u"\\s+"_s);
    QString words = phrase.split(space, Qt::SkipEmptyParts).join(u' ');
    if (words.isEmpty())
        return {};
    words.replace(u'"', u"\"\""_s);
    return u'"' + words + u'"' + (prefix ? u"*"_s : QString());
}

QString column(SortKey::Field field)
{
    switch (field) {
    case SortKey::Field::Priority:
        return u"t.priority"_s;
    case SortKey::Field::CreatedAt:
        return u"t.created_at"_s;
    case SortKey::Field::UpdatedAt:
        return u"t.updated_at"_s;
    case SortKey::Field::Status:
        return u"t.status"_s;
    case SortKey::Field::Due:
        return u"t.clock_due"_s;
    }
    return u"t.id"_s;
}

bool idDescending(const QList<SortKey> &sort)
{
    return !sort.isEmpty() && sort.last().descending;
}

QString orderBy(const QList<SortKey> &sort)
{
    QStringList parts;
    for (const SortKey &key : sort)
        parts.append(column(key.field) + (key.descending ? u" DESC"_s : u" ASC"_s));
    parts.append(idDescending(sort) ? u"t.id DESC"_s : u"t.id ASC"_s);
    return u"ORDER BY "_s + parts.join(u", "_s);
}

QString sortText(const QList<SortKey> &sort)
{
    QStringList parts;
    for (const SortKey &key : sort)
        parts.append((key.descending ? u"-"_s : QString()) + core::toString(key.field));
    return parts.join(u',');
}

Where after(const core::TicketQuery &query, const QList<qint64> &values)
{
    Q_ASSERT(values.size() == query.sort.size() + 1);
    const QList<Group> gs = groups(query, values);
    // "After" is: the first groups equal and the next one beyond, for some split. Splits
    // the filters rule out are dropped (a page of high priority never continues with
    // "priority < high"), which often leaves one plain index range.
    QList<Where> alternatives;
    for (qsizetype j = 0; j < gs.size(); ++j) {
        Where alt;
        bool possible = gs[j].canFollow();
        for (qsizetype i = 0; i < j; ++i) {
            possible = possible && gs[i].canEqual();
            alt.add(gs[i].tuple() + u" = "_s + gs[i].marks(), gs[i].values());
        }
        if (!possible)
            continue;
        const Group &g = gs[j];
        const QString op = g.descending ? u" < "_s : u" > "_s;
        if (g.keys.size() > 1) // a scalar bound lets the planner keep the index order
            alt.add(g.keys.first().column + (g.descending ? u" <= ?"_s : u" >= ?"_s),
                    {g.keys.first().value});
        alt.add(g.tuple() + op + g.marks(), g.values());
        alternatives.append(alt);
    }
    Where w;
    if (alternatives.isEmpty()) {
        w.add(u"0"_s);
    } else if (alternatives.size() == 1) {
        w.add(alternatives.first());
    } else {
        const Key &first = gs.first().keys.first();
        w.add(first.column + (gs.first().descending ? u" <= ?"_s : u" >= ?"_s), {first.value});
        QStringList any;
        QVariantList anyValues;
        for (const Where &alt : std::as_const(alternatives)) {
            any.append(u'(' + alt.conditions.join(u" AND "_s) + u')');
            anyValues.append(alt.values);
        }
        w.add(u'(' + any.join(u" OR "_s) + u')', anyValues);
    }
    return w;
}

QString listStatement(const Where &where, const QList<SortKey> &sort)
{
    // The page's ids first, from indexes alone where one covers the filters; then the
    // joins for those rows only, not for every row a sort has to look at.
    const QString order = orderBy(sort);
    return u"SELECT "_s + ticketrows::SummaryColumns + u" FROM (SELECT t.id FROM tickets t "_s +
           where.sql() + u' ' + order + u" LIMIT ?) page JOIN tickets t ON t.id = page.id "_s +
           ticketrows::SummaryJoins + u' ' + order;
}

QString encodeCursor(const QList<SortKey> &sort, const QList<qint64> &values)
{
    QJsonArray keys;
    for (qint64 v : values)
        keys.append(v);
    const QJsonObject o{{u"s"_s, sortText(sort)}, {u"k"_s, keys}};
    return QString::fromLatin1(
        QJsonDocument(o)
            .toJson(QJsonDocument::Compact)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QList<qint64>> decodeCursor(const QString &cursor, const QList<SortKey> &sort)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    const QJsonArray keys = o.value(u"k").toArray();
    if (o.size() != 2 || o.value(u"s").toString() != sortText(sort) ||
        keys.size() != sort.size() + 1)
        return std::nullopt;
    QList<qint64> values;
    for (const QJsonValue &v : keys) {
        const double d = v.toDouble();
        // Integers only, within the range a double holds exactly.
        if (!v.isDouble() || qAbs(d) > 9007199254740992.0 || d != double(qint64(d)))
            return std::nullopt;
        values.append(qint64(d));
    }
    return values;
}

} // namespace server::sqlite::ticketsql
