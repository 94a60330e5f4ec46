#pragma once

// Rows of the directory and auth tables turned into core types, shared by store/sqlite
// and store/postgres: both schemas have the same columns (ids and times as integers, 0/1
// flags, JSON in TEXT columns), so a row reads the same on both. Header-only, so that
// neither store library depends on the other.

#include "caller.h"
#include "core/types.h"
#include "store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>
#include <optional>

namespace server::rows {

// The columns each reader below expects, in this order.
inline const QString StaffColumns = QStringLiteral(
    "SELECT id, login, name, email, role, active, absent_from, absent_to FROM staff");
inline const QString FlowColumns =
    QStringLiteral("SELECT f.id, f.key, f.name, f.fields FROM flows f");
inline const QString DeviceColumns = QStringLiteral(
    "SELECT d.id, d.name, d.serial, d.location, d.template_id, t.name, d.fleet_id, fl.name, "
    "d.customer_id FROM devices d JOIN templates t ON t.id = d.template_id "
    "JOIN fleets fl ON fl.id = d.fleet_id");
inline const QString CustomerColumns =
    QStringLiteral("SELECT id, name, number, contact_name, email, phone, address FROM customers");
inline const QString CredentialColumns =
    QStringLiteral("SELECT id, login, name, email, role, active, password_salt, password_hash, "
                   "password_iterations FROM staff");
// A token with its user, joined; the caller is filtered by hash (and time) in WHERE.
inline const QString SessionColumns = QStringLiteral(
    "SELECT t.kind, t.user_id, t.expires_at, s.role, s.name, s.active, c.name, c.device_id "
    "FROM tokens t LEFT JOIN staff s ON t.kind = 'staff' AND s.id = t.user_id "
    "LEFT JOIN code_users c ON t.kind = 'code_user' AND c.id = t.user_id");

// Code users older than the bound value who have no token left and never wrote anything.
inline const QString PruneCodeUsers = QStringLiteral(
    "DELETE FROM code_users WHERE created_at < ? "
    "AND NOT EXISTS (SELECT 1 FROM tokens k WHERE k.kind = 'code_user' AND "
    "k.user_id = code_users.id) "
    "AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.created_by_kind = 'code_user' AND "
    "t.created_by_id = code_users.id) "
    "AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.author_kind = 'code_user' AND "
    "m.author_id = code_users.id) "
    "AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.uploaded_by_kind = 'code_user' "
    "AND a.uploaded_by_id = code_users.id) "
    "AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.code_user_id = code_users.id)");

inline std::optional<qint64> optionalInteger(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

inline QJsonArray jsonArray(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

inline core::StaffMember staffFrom(const QSqlQuery &q)
{
    core::StaffMember s;
    s.id = q.value(0).toLongLong();
    s.login = q.value(1).toString();
    s.name = q.value(2).toString();
    s.email = q.value(3).toString();
    s.role = core::parseRole(q.value(4).toString()).value_or(core::Role::Agent);
    s.active = q.value(5).toBool();
    s.absentFrom = optionalInteger(q.value(6));
    s.absentTo = optionalInteger(q.value(7));
    return s;
}

inline core::Flow flowFrom(const QSqlQuery &q)
{
    core::Flow f;
    f.id = q.value(0).toLongLong();
    f.key = q.value(1).toString();
    f.name = q.value(2).toString();
    const QJsonArray fields = jsonArray(q.value(3).toString());
    for (const QJsonValue &v : fields)
        f.fields.append(core::FlowField::fromJson(v.toObject()));
    return f;
}

inline core::Device deviceFrom(const QSqlQuery &q)
{
    core::Device d;
    d.id = q.value(0).toLongLong();
    d.name = q.value(1).toString();
    d.serial = q.value(2).toString();
    d.location = q.value(3).toString();
    d.templateId = q.value(4).toLongLong();
    d.templateName = q.value(5).toString();
    d.fleetId = q.value(6).toLongLong();
    d.fleetName = q.value(7).toString();
    d.customerId = optionalInteger(q.value(8));
    return d;
}

inline core::Customer customerFrom(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString(),   q.value(4).toString(), q.value(5).toString(),
            q.value(6).toString()};
}

// A row of (fleet_id, flow_id, member_ids): the rule and its fleet.
inline std::pair<qint64, core::FlowRule> flowRuleFrom(const QSqlQuery &q)
{
    core::FlowRule rule{q.value(1).toLongLong(), {}};
    const QJsonArray ids = jsonArray(q.value(2).toString());
    for (const QJsonValue &v : ids)
        rule.memberIds.append(v.toInteger());
    return {q.value(0).toLongLong(), rule};
}

// A row of (id, name, strategy) and the fleet's members and rules.
inline core::Fleet fleetFrom(const QSqlQuery &q, const QList<qint64> &memberIds,
                             const QList<core::FlowRule> &rules)
{
    return {q.value(0).toLongLong(), q.value(1).toString(),
            core::parseFleetStrategy(q.value(2).toString()).value_or(core::FleetStrategy::Manual),
            memberIds, rules};
}

inline StaffCredentials credentialsFrom(const QSqlQuery &q)
{
    StaffCredentials c;
    c.staff.id = q.value(0).toLongLong();
    c.staff.login = q.value(1).toString();
    c.staff.name = q.value(2).toString();
    c.staff.email = q.value(3).toString();
    c.staff.role = core::parseRole(q.value(4).toString()).value_or(core::Role::Agent);
    c.staff.active = q.value(5).toBool();
    c.salt = q.value(6).toByteArray();
    c.hash = q.value(7).toByteArray();
    c.iterations = q.value(8).toInt();
    return c;
}

// A row of SessionColumns; nullopt when its staff member is inactive or its code user gone.
inline std::optional<Caller> sessionFrom(const QSqlQuery &q, const QByteArray &tokenHash)
{
    Caller c;
    c.id = q.value(1).toLongLong();
    c.expiresAt = q.value(2).toLongLong();
    c.tokenHash = tokenHash;
    if (q.value(0).toString() == QLatin1String("staff")) {
        if (!q.value(5).toBool())
            return std::nullopt;
        c.role = core::parseRole(q.value(3).toString()).value_or(core::Role::Agent);
        c.name = q.value(4).toString();
    } else {
        if (q.value(7).isNull())
            return std::nullopt;
        c.role = core::Role::CodeUser;
        c.name = q.value(6).toString();
        c.deviceId = q.value(7).toLongLong();
    }
    return c;
}

} // namespace server::rows
