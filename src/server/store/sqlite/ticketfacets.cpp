// The facets of SqliteTicketStore: the grouped counts and their cache.
#include "ticketstore.h"

#include "connection.h"
#include "ticketpage.h"
#include "ticketrows.h"

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
    if (cacheable) {
        if (auto it = m_staffFacets.constFind(key); it != m_staffFacets.constEnd())
            return *it;
    }
    core::TicketQuery unreadQuery = query;
    unreadQuery.unreadOnly = true;
    core::TicketQuery awaitingQuery = query;
    awaitingQuery.awaitingStaff = true;
    const std::optional<Facets> unread = countFacets(unreadQuery, caller);
    const std::optional<Facets> awaiting = countFacets(awaitingQuery, caller);
    if (!unread || !awaiting)
        return std::nullopt;
    const StaffFacets counts{*unread, awaiting->total};
    if (cacheable) {
        if (m_staffFacets.size() >= 64)
            m_staffFacets.clear();
        m_staffFacets.insert(key, counts);
    }
    return counts;
}

Facets SqliteTicketStore::facets(const core::TicketQuery &query, const Caller &caller)
{
    if (!m_cacheFacets || !query.text.isEmpty() || !query.excluded.isEmpty() ||
        !query.phrases.isEmpty() || query.unreadOnly || query.awaitingStaff)
        return countFacets(query, caller).value_or(Facets{});
    if (m_facetsGeneration != m_generation) {
        m_facets.clear();
        m_facetsGeneration = m_generation;
    }
    const QString key = facetKey(query, caller);
    if (auto it = m_facets.constFind(key); it != m_facets.constEnd())
        return *it;
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
    // Each dimension counts what choosing one of its values would give: the tickets under
    // every filter but its own. See ticketsql::facetCounts for the statements.
    Facets facets;
    bool haveTotal = false;
    QMap<std::optional<qint64>, qint64> byAssignee; // null first, then by id
    for (const ticketsql::FacetCount &count : ticketsql::facetCounts(query, caller)) {
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
