#include "directorystore.h"

#include "connection.h"
#include "store/directoryrows.h"

#include <QHash>
#include <QVariant>

using namespace Qt::StringLiterals;

// Staff, flows, templates, devices, customers and fleets: read-only lookups. Each
// method runs a fixed number of statements (no query per row); child rows (fleet
// members, template flows, rules) are read in one pass and grouped by their parent.
namespace server::sqlite {
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
    QSqlQuery &q = c.prepared(sql);
    if (parent)
        q.addBindValue(*parent);
    if (!Connection::run(q))
        return out;
    while (q.next())
        out[q.value(0).toLongLong()].append(q.value(1).toLongLong());
    return out;
}

} // namespace

QList<core::StaffMember> SqliteDirectoryStore::staff()
{
    const QHash<qint64, QList<qint64>> fleetsOf = childIds(
        m_c, u"SELECT staff_id, fleet_id FROM fleet_members ORDER BY staff_id, fleet_id"_s);
    QList<core::StaffMember> out;
    QSqlQuery &q = m_c.prepared(StaffColumns + u" ORDER BY id"_s);
    if (!Connection::run(q))
        return out;
    while (q.next()) {
        core::StaffMember s = rows::staffFrom(q);
        s.fleetIds = fleetsOf.value(s.id);
        out.append(s);
    }
    return out;
}

std::optional<core::StaffMember> SqliteDirectoryStore::staffMember(qint64 id)
{
    QSqlQuery &q = m_c.prepared(StaffColumns + u" WHERE id = ?"_s);
    q.addBindValue(id);
    if (!Connection::run(q) || !q.next())
        return std::nullopt;
    core::StaffMember s = rows::staffFrom(q);
    q.finish();
    s.fleetIds = childIds(m_c,
                          u"SELECT staff_id, fleet_id FROM fleet_members WHERE staff_id = ? "
                          "ORDER BY fleet_id"_s,
                          id)
                     .value(id);
    return s;
}

QList<core::Flow> SqliteDirectoryStore::flows(std::optional<qint64> templateId)
{
    QList<core::Flow> out;
    QSqlQuery &q =
        templateId
            ? m_c.prepared(FlowColumns + u" JOIN template_flows tf ON tf.flow_id = f.id "
                                         "WHERE tf.template_id = ? ORDER BY tf.position, f.id"_s)
            : m_c.prepared(FlowColumns + u" ORDER BY f.id"_s);
    if (templateId)
        q.addBindValue(*templateId);
    if (!Connection::run(q))
        return out;
    while (q.next())
        out.append(rows::flowFrom(q));
    return out;
}

std::optional<core::Flow> SqliteDirectoryStore::flow(qint64 id)
{
    QSqlQuery &q = m_c.prepared(FlowColumns + u" WHERE f.id = ?"_s);
    q.addBindValue(id);
    if (!Connection::run(q) || !q.next())
        return std::nullopt;
    core::Flow f = rows::flowFrom(q);
    q.finish();
    return f;
}

QList<core::DeviceTemplate> SqliteDirectoryStore::templates()
{
    const QHash<qint64, QList<qint64>> flowsOf =
        childIds(m_c, u"SELECT template_id, flow_id FROM template_flows "
                      "ORDER BY template_id, position, flow_id"_s);
    QList<core::DeviceTemplate> out;
    QSqlQuery &q = m_c.prepared(u"SELECT id, name, description FROM templates ORDER BY id"_s);
    if (!Connection::run(q))
        return out;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        out.append({id, q.value(1).toString(), q.value(2).toString(), flowsOf.value(id)});
    }
    return out;
}

std::optional<core::DeviceTemplate> SqliteDirectoryStore::deviceTemplate(qint64 id)
{
    QSqlQuery &q = m_c.prepared(u"SELECT id, name, description FROM templates WHERE id = ?"_s);
    q.addBindValue(id);
    if (!Connection::run(q) || !q.next())
        return std::nullopt;
    core::DeviceTemplate t{id, q.value(1).toString(), q.value(2).toString(), {}};
    q.finish();
    t.flowIds = childIds(m_c,
                         u"SELECT template_id, flow_id FROM template_flows WHERE template_id = ? "
                         "ORDER BY position, flow_id"_s,
                         id)
                    .value(id);
    return t;
}

DevicePage SqliteDirectoryStore::devices(int limit, qint64 afterId)
{
    DevicePage page;
    QSqlQuery &q = m_c.prepared(DeviceColumns + u" WHERE d.id > ? ORDER BY d.id LIMIT ?"_s);
    q.addBindValue(afterId);
    q.addBindValue(limit + 1); // one more tells whether another page follows
    if (!Connection::run(q))
        return page;
    while (q.next())
        page.items.append(rows::deviceFrom(q));
    if (page.items.size() > limit) {
        page.items.resize(limit);
        page.nextAfterId = page.items.last().id;
    }
    return page;
}

std::optional<core::Device> SqliteDirectoryStore::device(qint64 id)
{
    QSqlQuery &q = m_c.prepared(DeviceColumns + u" WHERE d.id = ?"_s);
    q.addBindValue(id);
    if (!Connection::run(q) || !q.next())
        return std::nullopt;
    core::Device d = rows::deviceFrom(q);
    q.finish();
    return d;
}

std::optional<core::Customer> SqliteDirectoryStore::customer(qint64 id)
{
    QSqlQuery &q = m_c.prepared(CustomerColumns + u" WHERE id = ?"_s);
    q.addBindValue(id);
    if (!Connection::run(q) || !q.next())
        return std::nullopt;
    core::Customer c = rows::customerFrom(q);
    q.finish();
    return c;
}

QList<core::Fleet> SqliteDirectoryStore::fleets()
{
    const QHash<qint64, QList<qint64>> membersOf =
        childIds(m_c, u"SELECT fleet_id, staff_id FROM fleet_members "
                      "ORDER BY fleet_id, position, staff_id"_s);
    QHash<qint64, QList<core::FlowRule>> rulesOf;
    {
        QSqlQuery &q = m_c.prepared(u"SELECT fleet_id, flow_id, member_ids FROM fleet_flow_rules "
                                    "ORDER BY fleet_id, flow_id"_s);
        if (Connection::run(q)) {
            while (q.next()) {
                auto [fleetId, rule] = rows::flowRuleFrom(q);
                rulesOf[fleetId].append(rule);
            }
        }
    }
    QList<core::Fleet> out;
    QSqlQuery &q = m_c.prepared(u"SELECT id, name, strategy FROM fleets ORDER BY id"_s);
    if (!Connection::run(q))
        return out;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        out.append(rows::fleetFrom(q, membersOf.value(id), rulesOf.value(id)));
    }
    return out;
}

} // namespace server::sqlite
