#pragma once

#include "store/store.h"

namespace server::sqlite {

class Connection;

class SqliteAdminStore final : public AdminStore
{
public:
    explicit SqliteAdminStore(Connection &connection)
        : m_c(connection)
    {}
    AdminResult<core::Fleet> updateFleet(qint64 id, const FleetChange &change, qint64 now) override;
    AdminResult<core::StaffMember> updateAbsence(qint64 staffId, const AbsenceChange &change,
                                                 qint64 now) override;

private:
    std::optional<core::Fleet> fleet(qint64 id);
    bool writeMembers(qint64 fleetId, const QList<qint64> &before, const QList<qint64> &after);
    bool writeRules(qint64 fleetId, const QList<core::FlowRule> &rules);

    Connection &m_c;
};

} // namespace server::sqlite
