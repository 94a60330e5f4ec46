#pragma once

#include "client/apiresult.h"
#include "core/types.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QObject>
#include <QUrlQuery>
#include <functional>

namespace client {
class ApiClient;
}

namespace models {

// Staff members as a list for the assignee picker and filter: DisplayRole "Name" (with
// "(absent)" when absent today, inactive members last), IdRole, AbsentRole, ActiveRole.
class StaffModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StaffModel)

public:
    enum Role { IdRole = Qt::UserRole + 1, AbsentRole, ActiveRole, LoginRole };
    explicit StaffModel(QObject *parent = nullptr);
    void setStaff(const QList<core::StaffMember> &staff);
    // One member changed or came: their row changes (and moves to its place in the order
    // when renamed or (de)activated) or is inserted; never a reset.
    void updateMember(const core::StaffMember &member);
    const QList<core::StaffMember> &staff() const { return m_staff; }
    int rowOf(qint64 id) const;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void reindex(int fromRow);

    QList<core::StaffMember> m_staff;
    QHash<qint64, int> m_rowById;
};

// The directories a staff client needs once after sign-in: staff, flows, devices (and
// their customers), fleets. Loaded by load(); `loaded` when all arrived.
class Directory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Directory)

public:
    explicit Directory(client::ApiClient *api, QObject *parent = nullptr);
    void load();
    bool isLoaded() const { return m_pending == 0 && m_started; }

    StaffModel *staffModel() { return &m_staffModel; }
    QString staffName(qint64 id) const;
    QHash<qint64, QString> staffNames() const;
    const QList<core::Flow> &flows() const { return m_flows; }
    QString flowName(qint64 id) const;
    const QList<core::Device> &devices() const { return m_devices; }
    const QList<core::Customer> &customers() const { return m_customers; }
    const QList<core::Fleet> &fleets() const { return m_fleets; }
    std::optional<core::Fleet> fleet(qint64 id) const;
    std::optional<core::StaffMember> staffMember(qint64 id) const;

    // What an administrator's change (here or in another client) made of a fleet or a
    // staff member; keeps the staff members' fleet lists in step.
    void replaceFleet(const core::Fleet &fleet);
    void replaceStaffMember(const core::StaffMember &member);
    // `fleet.updated` and `staff.updated` from the event stream; false for other events.
    bool applyEvent(const core::Event &event);

Q_SIGNALS:
    void loaded();
    void fleetChanged(qint64 fleetId);
    void staffMemberChanged(qint64 staffId);
    void errorOccurred(const client::ApiError &error);

private:
    // Runs `handle` on a successful answer of this load; counts the request as done either way.
    void request(const QString &path, const QUrlQuery &query,
                 const std::function<void(const client::ApiResult &)> &handle);
    void fetchDevices(const QString &cursor);
    void fetchCustomers();
    void done();

    client::ApiClient *m_api;
    StaffModel m_staffModel;
    QList<core::Flow> m_flows;
    QList<core::Device> m_devices;
    QList<core::Customer> m_customers;
    QList<core::Fleet> m_fleets;
    int m_pending = 0;
    bool m_started = false;
    bool m_failed = false;
    quint64 m_generation = 0; // bumped per load(): answers of an earlier load are dropped
};

} // namespace models
