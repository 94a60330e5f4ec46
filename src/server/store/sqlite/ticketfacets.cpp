// The facets of SqliteTicketStore: the grouped counts and their cache.
#include "ticketstore.h"

#include "connection.h"
#include "ticketpage.h"
#include "ticketrows.h"

#include "core/timeutil.h"

#include <QMap>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace server::sqlite::ticketrows;

namespace server::sqlite {
namespace {

// The facets cache key: who asks (what the scope filters depend on) and the filters,
// lists sorted so that "open,new" and "new,open" share an entry.
QString facetKey(const core::TicketQuery &query, const Caller &caller)
{
    core::TicketQuery q;
    q.statuses = query.statuses;
    q.priorities = query.priorities;
    q.assigneeMe = query.assigneeMe;
    q.assigneeNone = query.assigneeNone;
    q.assigneeIds = query.assigneeIds;
    q.flowIds = query.flowIds;
    q.visibilities = query.visibilities;
    q.deviceIds = query.deviceIds;
    q.customerIds = query.customerIds;
    q.createdFrom = query.createdFrom;
    q.createdTo = query.createdTo;
    q.fleetIds = query.fleetIds;
    q.due = query.due;
    for (auto *ids : {&q.assigneeIds, &q.flowIds, &q.deviceIds, &q.customerIds, &q.fleetIds})
        std::sort(ids->begin(), ids->end());
    std::sort(q.statuses.begin(), q.statuses.end());
    std::sort(q.priorities.begin(), q.priorities.end());
    std::sort(q.visibilities.begin(), q.visibilities.end());
    // Staff see every ticket; only "assignee=me" depends on which staff member asks.
    const QString scope = !caller.isStaff()  ? u"device:"_s + QString::number(caller.deviceId)
                          : query.assigneeMe ? u"staff:"_s + QString::number(caller.id)
                                             : u"staff"_s;
    return scope + u'?' + q.toUrlQuery().toString(QUrl::FullyEncoded);
}

} // namespace

std::optional<StaffFacets> SqliteTicketStore::staffFacets(const core::TicketQuery &query,
                                                          const Caller &caller)
{
    if (!caller.isStaff())
        return std::nullopt;
    const ReadSnapshot snapshot(m_c); // the counts agree with each other
    // Seen marks, messages, notes and ratings change these counts without a new facets
    // generation: they are kept only while nothing at all was written, by this connection
    // (total_changes()) or by another process (data_version).
    QSqlQuery &stampQuery =
        m_c.prepared(u"SELECT total_changes(), (SELECT data_version FROM pragma_data_version)"_s);
    if (!Connection::run(stampQuery) || !stampQuery.next())
        return std::nullopt;
    const std::pair<qint64, qint64> stamp{stampQuery.value(0).toLongLong(),
                                          stampQuery.value(1).toLongLong()};
    stampQuery.finish();
    const bool cacheable = m_cacheFacets && query.text.isEmpty() && query.excluded.isEmpty() &&
                           query.phrases.isEmpty();
    if (m_staffFacetsStamp != stamp) {
        m_staffFacets.clear();
        m_staffFacetsStamp = stamp;
    }
    const QString key = u"staff:"_s + QString::number(caller.id) + u'|' + facetKey(query, caller) +
                        (query.unreadOnly ? u"&unread"_s : QString()) +
                        (query.awaitingStaff ? u"&awaiting"_s : QString());
    StaffFacets counts;
    if (const auto it = cacheable ? m_staffFacets.constFind(key) : m_staffFacets.constEnd();
        it != m_staffFacets.constEnd()) {
        counts = *it;
    } else {
        core::TicketQuery awaitingQuery = query;
        awaitingQuery.awaitingStaff = true;
        const std::optional<Facets> unread = countUnreadFacets(query, caller);
        if (!unread)
            return std::nullopt;
        counts.unread = *unread;
        // Only the total: one count through tickets_awaiting, not every dimension (the
        // planner preferred walking a third of the table by priority for `priority=high`).
        const ticketsql::Where w = ticketsql::filters(awaitingQuery, caller);
        QSqlQuery &q = dynamic(
            {u"SELECT COUNT(*) FROM tickets t INDEXED BY tickets_awaiting "_s + w.sql(), w.values});
        const bool ok = Connection::run(q) && q.next();
        counts.awaitingStaff = ok ? q.value(0).toLongLong() : 0;
        q.finish();
        if (!ok)
            return std::nullopt;
        if (cacheable) {
            if (m_staffFacets.size() >= 64)
                m_staffFacets.clear();
            m_staffFacets.insert(key, counts);
        }
    }
    // The due counts depend on who asks only through unread=true (and assignee=me).
    const QString dueKey =
        query.unreadOnly
            ? key
            : facetKey(query, caller) + (query.awaitingStaff ? u"&awaiting"_s : QString());
    if (!countDue(query, caller, cacheable ? dueKey : QString(), counts))
        return std::nullopt;
    return counts;
}

bool SqliteTicketStore::countDue(const core::TicketQuery &query, const Caller &caller,
                                 const QString &key, StaffFacets &out)
{
    // What is breached or soon changes with the time: kept for a second at most (and not
    // past a write that may change counts), so that a busy sidebar does not count it for
    // every request. Text queries are never kept (no key), as above.
    constexpr qint64 DueCountsMaxAgeMs = 1000;
    const qint64 now = core::nowMsecs();
    if (!key.isEmpty()) {
        if (const quint64 g = m_c.gate().facetGeneration.load(); m_facetsGeneration != g) {
            m_facets.clear();
            m_dueCounts.clear();
            m_facetsGeneration = g;
        }
        const auto it = m_dueCounts.constFind(key);
        if (it != m_dueCounts.constEnd() && now >= it->at && now - it->at < DueCountsMaxAgeMs) {
            out.breached = it->breached;
            out.soon = it->soon;
            return true;
        }
    }
    for (const auto due :
         {core::TicketQuery::DueFilter::Breached, core::TicketQuery::DueFilter::Soon}) {
        ticketsql::Where w = ticketsql::filters(query, caller, ticketsql::DueDimension);
        w.add(ticketsql::dueCondition(due, now));
        QSqlQuery &q = dynamic({u"SELECT COUNT(*) FROM tickets t "_s + w.sql(), w.values});
        const bool ok = Connection::run(q) && q.next();
        (due == core::TicketQuery::DueFilter::Breached ? out.breached : out.soon) =
            ok ? q.value(0).toLongLong() : 0;
        q.finish();
        if (!ok)
            return false;
    }
    if (!key.isEmpty()) {
        if (m_dueCounts.size() >= 64)
            m_dueCounts.clear();
        m_dueCounts.insert(key, {out.breached, out.soon, now});
    }
    return true;
}

Facets SqliteTicketStore::facets(const core::TicketQuery &query, const Caller &caller)
{
    // A due filter depends on the time, unread and awaiting on writes that keep the
    // generation: never cached.
    if (!m_cacheFacets || !query.text.isEmpty() || !query.excluded.isEmpty() ||
        !query.phrases.isEmpty() || query.due || query.unreadOnly || query.awaitingStaff) {
        const ReadSnapshot snapshot(m_c); // every dimension counts the same tickets
        return countFacets(query, caller).value_or(Facets{});
    }
    if (const quint64 g = m_c.gate().facetGeneration.load(); m_facetsGeneration != g) {
        m_facets.clear();
        m_dueCounts.clear();
        m_facetsGeneration = g;
    }
    const QString key = facetKey(query, caller);
    if (auto it = m_facets.constFind(key); it != m_facets.constEnd())
        return *it; // no transaction for an answer in memory
    const ReadSnapshot snapshot(m_c);
    const std::optional<Facets> f = countFacets(query, caller);
    if (!f)
        return Facets{};       // not kept: the next call tries again
    if (m_facets.size() >= 64) // a handful of sidebars are in use at a time
        m_facets.clear();
    m_facets.insert(key, *f);
    return *f;
}

std::optional<Facets> SqliteTicketStore::countFacets(const core::TicketQuery &query,
                                                     const Caller &caller)
{
    return countFacets(query, caller, ticketsql::FacetSource{});
}

std::optional<Facets> SqliteTicketStore::countFacets(const core::TicketQuery &query,
                                                     const Caller &caller,
                                                     const ticketsql::FacetSource &source)
{
    // Each dimension counts what choosing one of its values would give: the tickets under
    // every filter but its own. See ticketsql::facetCounts for the statements.
    Facets facets;
    bool haveTotal = false;
    QMap<std::optional<qint64>, qint64> byAssignee; // null first, then by id
    for (const ticketsql::FacetCount &count : ticketsql::facetCounts(query, caller, source)) {
        QSqlQuery &q = dynamic(count.statement);
        if (!Connection::run(q))
            return std::nullopt;
        haveTotal = haveTotal || count.base;
        while (q.next()) {
            int c = 0;
            const int s = count.grouped & ticketsql::StatusDimension ? q.value(c++).toInt() : 0;
            const int p = count.grouped & ticketsql::PriorityDimension ? q.value(c++).toInt() : 0;
            const bool byA = count.grouped & ticketsql::AssigneeDimension;
            const std::optional<qint64> a = byA ? optionalInteger(q.value(c++)) : std::nullopt;
            const qint64 n = q.value(c).toLongLong();
            if (s < 0 || s >= core::StatusCount || p < 0 || p >= core::PriorityCount)
                continue;
            if (count.grouped & ticketsql::StatusDimension)
                facets.byStatus[s] += n;
            if (count.grouped & ticketsql::PriorityDimension)
                facets.byPriority[p] += n;
            if (byA)
                byAssignee[a] += n;
            if (count.base)
                facets.total += n;
        }
        q.finish();
    }
    if (!haveTotal) { // every dimension filtered: the chosen statuses' counts
        for (int s = 0; s < core::StatusCount; ++s) {
            if (query.statuses.contains(core::Status(s)))
                facets.total += facets.byStatus[s];
        }
    }
    for (auto it = byAssignee.cbegin(); it != byAssignee.cend(); ++it)
        facets.byAssignee.append({it.key(), it.value()});
    std::stable_sort(facets.byAssignee.begin(), facets.byAssignee.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    return facets;
}

} // namespace server::sqlite
