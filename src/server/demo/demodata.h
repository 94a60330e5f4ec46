#pragma once

#include "core/types.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace server::demo {

// Public, fixed demo logins and device codes, for README and `ticket-server --demo-accounts`.
QJsonObject demoAccountsJson(); // {"staff":[{"login","password","name","role"}],
                                // "devices":[{"code","deviceId","name","fleet","customer"}]}

// Inserts the fixed directory (staff, customers, flows, templates, fleets, fleet members and
// flow rules, devices, a few code users per device) into an empty, migrated database. Runs
// inside the caller's transaction. Staff passwords are a precomputed Argon2id hash of "demo".
bool insertDirectory(QSqlDatabase &db, qint64 nowMsecs, QString *error);

// What the ticket writers need to know of the directory, read with a handful of SELECTs so
// that inserting tickets never has to look anything up per row.
struct Directory {
    struct Device {
        qint64 id = 0;
        qint64 templateId = 0;
        qint64 fleetId = 0;
        std::optional<qint64> customerId;
        QList<qint64> codeUserIds;
    };
    struct Fleet {
        qint64 id = 0;
        QString name;
        core::FleetStrategy strategy = core::FleetStrategy::Manual;
        QList<qint64> memberIds;            // by position
        QHash<qint64, QList<qint64>> rules; // flow id -> member subset
    };
    QList<Device> devices;
    QHash<qint64, Fleet> fleets;
    QHash<qint64, QList<qint64>> templateFlows; // by position
    QHash<qint64, core::Flow> flows;
    QHash<qint64, QString> staffNames;
    QList<qint64> activeStaffIds;
    QHash<qint64, QString> codeUserNames;
};

std::optional<Directory> loadDirectory(QSqlDatabase &db, QString *error);

// Which text pool (0 printer, 1 lift, 2 coffee machine) serves a template's devices.
inline int templateSlot(qint64 templateId)
{
    return int((templateId - 1) % 3);
}

} // namespace server::demo
