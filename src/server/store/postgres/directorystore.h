#pragma once

#include "store/store.h"

namespace server::postgres {

class Connection;

// Staff, flows, templates, devices, customers and fleets on PostgreSQL, with the
// behaviour (rows, order, paging) of sqlite::SqliteDirectoryStore.
class PgDirectoryStore final : public DirectoryStore
{
public:
    explicit PgDirectoryStore(Connection &connection)
        : m_c(connection)
    {}
    QList<core::StaffMember> staff() override;
    std::optional<core::StaffMember> staffMember(qint64 id) override;
    QList<core::Flow> flows(std::optional<qint64> templateId) override;
    std::optional<core::Flow> flow(qint64 id) override;
    QList<core::DeviceTemplate> templates() override;
    std::optional<core::DeviceTemplate> deviceTemplate(qint64 id) override;
    DevicePage devices(int limit, qint64 afterId) override;
    std::optional<core::Device> device(qint64 id) override;
    std::optional<core::Customer> customer(qint64 id) override;
    QList<core::Fleet> fleets() override;

private:
    Connection &m_c;
};

} // namespace server::postgres
