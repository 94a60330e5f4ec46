#include "directorystore.h"

#include "statement.h"
#include "store/directoryrows.h"

#include <QHash>
#include <QVariant>

using namespace Qt::StringLiterals;

// Read-only lookups as in store/sqlite: a fixed number of statements per method, child
// rows (fleet members, template flows, rules) read in one pass and grouped by parent. Each
// result is read to its end before the next statement (QPSQL's single-row mode).
namespace server::postgres {
namespace {

using rows::CustomerColumns;
using rows::DeviceColumns;
using rows::FlowColumns;
using rows::StaffColumns;

// Rows of (parent id, child id) in the statement's order, grouped by parent.
QHash<qint64, QList<qint64>> childIds(Connection &c, const QString &sql,
                                      std::optional<qint64> parent = std::nullopt)
{
    QHash<qint64, QList<qint64>> out;
    QSqlQuery q = prepare(c, sql);
    if (parent)
        q.addBindValue(*parent);
    if (!run(q))
        return out;
    while (q.next())
        out[q.value(0).toLongLong()].append(q.value(1).toLongLong());
    return out;
}

// The first row of a statement with one bound id, read by `from`; the rest is drained.
template <typename T, typename From>
std::optional<T> one(Connection &c, const QString &sql, qint64 id, From from)
{
    QSqlQuery q = prepare(c, sql);
    q.addBindValue(id);
    if (!run(q) || !q.next())
        return std::nullopt;
    T value = from(q);
    drain(q);
    return value;
}

} // namespace

QList<core::StaffMember> PgDirectoryStore::staff()
{
    const QHash<qint64, QList<qint64>> fleetsOf = childIds(
        m_c, u"SELECT staff_id, fleet_id FROM fleet_members ORDER BY staff_id, fleet_id"_s);
    QList<core::StaffMember> out;
    QSqlQuery q = prepare(m_c, StaffColumns + u" ORDER BY id"_s);
    if (!run(q))
        return out;
    while (q.next()) {
        core::StaffMember s = rows::staffFrom(q);
        s.fleetIds = fleetsOf.value(s.id);
        out.append(s);
    }
    return out;
}

std::optional<core::StaffMember> PgDirectoryStore::staffMember(qint64 id)
{
    std::optional<core::StaffMember> s =
        one<core::StaffMember>(m_c, StaffColumns + u" WHERE id = ?"_s, id, rows::staffFrom);
    if (s) {
        s->fleetIds = childIds(m_c,
                               u"SELECT staff_id, fleet_id FROM fleet_members WHERE staff_id = ? "
                               "ORDER BY fleet_id"_s,
                               id)
                          .value(id);
    }
    return s;
}

QList<core::Flow> PgDirectoryStore::flows(std::optional<qint64> templateId)
{
    QList<core::Flow> out;
    QSqlQuery q =
        templateId
            ? prepare(m_c, FlowColumns + u" JOIN template_flows tf ON tf.flow_id = f.id "
                                         "WHERE tf.template_id = ? ORDER BY tf.position, f.id"_s)
            : prepare(m_c, FlowColumns + u" ORDER BY f.id"_s);
    if (templateId)
        q.addBindValue(*templateId);
    if (!run(q))
        return out;
    while (q.next())
        out.append(rows::flowFrom(q));
    return out;
}

std::optional<core::Flow> PgDirectoryStore::flow(qint64 id)
{
    return one<core::Flow>(m_c, FlowColumns + u" WHERE f.id = ?"_s, id, rows::flowFrom);
}

QList<core::DeviceTemplate> PgDirectoryStore::templates()
{
    const QHash<qint64, QList<qint64>> flowsOf =
        childIds(m_c, u"SELECT template_id, flow_id FROM template_flows "
                      "ORDER BY template_id, position, flow_id"_s);
    QList<core::DeviceTemplate> out;
    QSqlQuery q = prepare(m_c, u"SELECT id, name, description FROM templates ORDER BY id"_s);
    if (!run(q))
        return out;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        out.append({id, q.value(1).toString(), q.value(2).toString(), flowsOf.value(id)});
    }
    return out;
}

std::optional<core::DeviceTemplate> PgDirectoryStore::deviceTemplate(qint64 id)
{
    std::optional<core::DeviceTemplate> t = one<core::DeviceTemplate>(
        m_c, u"SELECT id, name, description FROM templates WHERE id = ?"_s, id,
        [](const QSqlQuery &q) {
            return core::DeviceTemplate{
                q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), {}};
        });
    if (t) {
        t->flowIds = childIds(m_c,
                              u"SELECT template_id, flow_id FROM template_flows "
                              "WHERE template_id = ? ORDER BY position, flow_id"_s,
                              id)
                         .value(id);
    }
    return t;
}

DevicePage PgDirectoryStore::devices(int limit, qint64 afterId)
{
    DevicePage page;
    QSqlQuery q = prepare(m_c, DeviceColumns + u" WHERE d.id > ? ORDER BY d.id LIMIT ?"_s);
    q.addBindValue(afterId);
    q.addBindValue(limit + 1); // one more tells whether another page follows
    if (!run(q))
        return page;
    while (q.next())
        page.items.append(rows::deviceFrom(q));
    if (page.items.size() > limit) {
        page.items.resize(limit);
        page.nextAfterId = page.items.last().id;
    }
    return page;
}

std::optional<core::Device> PgDirectoryStore::device(qint64 id)
{
    return one<core::Device>(m_c, DeviceColumns + u" WHERE d.id = ?"_s, id, rows::deviceFrom);
}

std::optional<core::Customer> PgDirectoryStore::customer(qint64 id)
{
    return one<core::Customer>(m_c, CustomerColumns + u" WHERE id = ?"_s, id, rows::customerFrom);
}

QList<core::Fleet> PgDirectoryStore::fleets()
{
    const QHash<qint64, QList<qint64>> membersOf =
        childIds(m_c, u"SELECT fleet_id, staff_id FROM fleet_members "
                      "ORDER BY fleet_id, position, staff_id"_s);
    QHash<qint64, QList<core::FlowRule>> rulesOf;
    {
        QSqlQuery q = prepare(m_c, u"SELECT fleet_id, flow_id, member_ids FROM fleet_flow_rules "
                                   "ORDER BY fleet_id, flow_id"_s);
        if (run(q)) {
            while (q.next()) {
                auto [fleetId, rule] = rows::flowRuleFrom(q);
                rulesOf[fleetId].append(rule);
            }
        }
    }
    QList<core::Fleet> out;
    QSqlQuery q = prepare(m_c, u"SELECT id, name, strategy FROM fleets ORDER BY id"_s);
    if (!run(q))
        return out;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        out.append(rows::fleetFrom(q, membersOf.value(id), rulesOf.value(id)));
    }
    return out;
}

} // namespace server::postgres
