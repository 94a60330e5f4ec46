#include "ticketpage.h"

#include "ticketrows.h"

using namespace Qt::StringLiterals;
using core::SortKey;

namespace server::sqlite::ticketsql {
namespace {

// More (status, priority) pairs than this and the general statement is used: every pair
// costs a range seek and a merge step even when it holds no rows.
constexpr int MaxPairs = 12;

template <typename E> QList<int> allowed(const QList<E> &filter, int count)
{
    QList<int> out;
    for (int i = 0; i < count; ++i) {
        if (filter.isEmpty() || filter.contains(E(i)))
            out.append(i);
    }
    return out;
}

QString allValues(int count)
{
    QStringList values;
    for (int i = 0; i < count; ++i)
        values.append(QString::number(i));
    return u'(' + values.join(u", "_s) + u')';
}

bool isTime(SortKey::Field f)
{
    return f == SortKey::Field::CreatedAt || f == SortKey::Field::UpdatedAt;
}

QString direction(bool descending)
{
    return descending ? u" DESC"_s : u" ASC"_s;
}

// The keyset condition of one (status, priority) range: empty when the whole range comes
// after the cursor, nullopt when all of it comes before (or at) the cursor.
std::optional<Where> armAfter(const QList<SortKey> &sort, const QList<qint64> &cursor, int status,
                              int priority)
{
    for (qsizetype i = 0; i + 1 < sort.size(); ++i) {
        const qint64 mine = sort[i].field == SortKey::Field::Status ? status : priority;
        if (mine == cursor[i])
            continue;
        if (sort[i].descending ? mine < cursor[i] : mine > cursor[i])
            return Where{};
        return std::nullopt;
    }
    // Same leading values: after the cursor's (time, id), in the time key's direction.
    const SortKey &time = sort.last();
    const QString c = column(time.field);
    const qint64 t = cursor[sort.size() - 1];
    const qint64 id = cursor[sort.size()];
    Where w;
    // The scalar bound keeps the range seek; the row value decides ties by id.
    w.add(c + (time.descending ? u" <= ?"_s : u" >= ?"_s), {t});
    w.add(u'(' + c + (time.descending ? u", t.id) < (?, ?)"_s : u", t.id) > (?, ?)"_s), {t, id});
    return w;
}

// "SELECT <summary columns> FROM (<ids>) page JOIN tickets t ..." for a statement that
// selects the page's ids as `id`.
QString withSummaries(const QString &ids)
{
    return u"SELECT "_s + ticketrows::SummaryColumns + u" FROM ("_s + ids +
           u") page JOIN tickets t ON t.id = page.id "_s + ticketrows::SummaryJoins;
}

} // namespace

Statement pageStatement(const core::TicketQuery &query, const Caller &caller,
                        const std::optional<QList<qint64>> &cursor, int limit, TextPlan textPlan)
{
    if (auto s = unionPage(query, caller, cursor, limit))
        return *s;
    return generalPage(query, caller, cursor, limit, textPlan);
}

Statement generalPage(const core::TicketQuery &query, const Caller &caller,
                      const std::optional<QList<qint64>> &cursor, int limit, TextPlan textPlan)
{
    Where where = filters(query, caller, NoDimension, textPlan);
    if (cursor)
        where.add(after(query, *cursor));
    Statement s{listStatement(where, query.sort), where.values};
    s.values.append(limit);
    return s;
}

std::optional<Statement> unionPage(const core::TicketQuery &query, const Caller &caller,
                                   const std::optional<QList<qint64>> &cursor, int limit)
{
    const QList<SortKey> &sort = query.sort;
    if (!caller.isStaff() || query.statuses.isEmpty() || !query.text.isEmpty() ||
        !query.phrases.isEmpty() || !query.deviceIds.isEmpty() || !query.customerIds.isEmpty() ||
        sort.isEmpty() || !isTime(sort.last().field))
        return std::nullopt;
    for (qsizetype i = 0; i + 1 < sort.size(); ++i) {
        if (isTime(sort[i].field))
            return std::nullopt;
    }
    const QList<int> statuses = allowed(query.statuses, core::StatusCount);
    const QList<int> priorities = allowed(query.priorities, core::PriorityCount);
    if (statuses.size() * priorities.size() > MaxPairs)
        return std::nullopt;

    // Within one pair, status and priority are fixed: the range is in (time, id) order,
    // and id runs in the time key's direction (the last key's, see idDescending()).
    QString keys = u"t.id AS id"_s;
    QStringList order;
    for (qsizetype i = 0; i < sort.size(); ++i) {
        keys += u", "_s + column(sort[i].field) + u" AS k"_s + QString::number(i);
        order.append(u'k' + QString::number(i) + direction(sort[i].descending));
    }
    order.append(u"id"_s + direction(sort.last().descending));

    const Where rest = filters(query, caller, StatusDimension | PriorityDimension);
    Statement s;
    QStringList arms;
    for (int status : statuses) {
        for (int priority : priorities) {
            Where arm;
            arm.add(u"t.status = ?"_s, {status});
            arm.add(u"t.priority = ?"_s, {priority});
            arm.add(rest);
            if (cursor) {
                const std::optional<Where> a = armAfter(sort, *cursor, status, priority);
                if (!a)
                    continue; // the whole range lies before the cursor
                arm.add(*a);
            }
            arms.append(u"SELECT "_s + keys + u" FROM tickets t "_s + arm.sql());
            s.values.append(arm.values);
        }
    }
    if (arms.isEmpty())
        return std::nullopt; // nothing after the cursor: the general statement says so
    // A compound's ORDER BY is pushed into each arm, where the range index satisfies it,
    // and the arms are merged; a simple SELECT takes the same ORDER BY.
    s.sql = withSummaries(arms.join(u" UNION ALL "_s) + u" ORDER BY "_s + order.join(u", "_s) +
                          u" LIMIT ?"_s);
    s.values.append(limit);
    return s;
}

QList<FacetCount> facetCounts(const core::TicketQuery &query, const Caller &caller,
                              const FacetSource &source)
{
    struct Dim {
        Dimension dimension;
        bool filtered;
        QString column;
    };
    const Dim dims[] = {{StatusDimension, !query.statuses.isEmpty(), u"t.status"_s},
                        {PriorityDimension, !query.priorities.isEmpty(), u"t.priority"_s},
                        {AssigneeDimension, query.hasAssigneeFilter(), u"t.assignee_id"_s}};
    auto count = [&](int grouped, int omit, bool base) {
        QStringList columns;
        for (const Dim &d : dims) {
            if (grouped & d.dimension)
                columns.append(d.column);
        }
        Where where = filters(query, caller, omit);
        // Every value of the counted column as an IN list: the planner then seeks one range
        // of (status, priority, ...) or (priority, status, ...) per pair, in the order of
        // the counted column, instead of scanning a whole index that starts with it.
        if (omit == StatusDimension)
            where.add(u"t.status IN "_s + allValues(core::StatusCount));
        else if (omit == PriorityDimension)
            where.add(u"t.priority IN "_s + allValues(core::PriorityCount));
        where.add(source.extra);
        const QString group = columns.join(u", "_s);
        return FacetCount{grouped, base,
                          Statement{u"SELECT "_s + group + u", COUNT(*) FROM "_s + source.from +
                                        u' ' + where.sql() + u" GROUP BY "_s + group,
                                    where.values}};
    };
    QList<FacetCount> out;
    int unfiltered = NoDimension;
    for (const Dim &d : dims) {
        if (!d.filtered)
            unfiltered |= d.dimension;
    }
    // Dimensions without a filter have the same filters as the total: one count serves
    // them all. With none of them filtered it is one pass over tickets_facets.
    if (unfiltered != NoDimension)
        out.append(count(unfiltered, NoDimension, true));
    for (const Dim &d : dims) {
        if (d.filtered)
            out.append(count(d.dimension, d.dimension, false));
    }
    return out;
}

} // namespace server::sqlite::ticketsql
