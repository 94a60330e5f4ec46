#include "directory.h"

#include "client/apiclient.h"
#include "client/apijob.h"
#include "core/timeutil.h"

#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace models {

namespace {

constexpr int DevicePageSize = 200;

template <typename T> QList<T> listFrom(const client::ApiResult &result)
{
    QList<T> out;
    const QJsonArray items = result.items();
    out.reserve(items.size());
    for (const QJsonValue &v : items)
        out.append(T::fromJson(v.toObject()));
    return out;
}

} // namespace

StaffModel::StaffModel(QObject *parent)
    : QAbstractListModel(parent)
{}

namespace {

// Pickers offer who can take work first; members who left stay findable at the end.
bool staffBefore(const core::StaffMember &a, const core::StaffMember &b)
{
    if (a.active != b.active)
        return a.active;
    return a.name.localeAwareCompare(b.name) < 0;
}

} // namespace

void StaffModel::setStaff(const QList<core::StaffMember> &staff)
{
    QList<core::StaffMember> sorted = staff;
    std::stable_sort(sorted.begin(), sorted.end(), staffBefore);
    // Loaded once per sign-in: a reset is what a view expects here.
    beginResetModel();
    m_staff = sorted;
    reindex(0);
    endResetModel();
}

void StaffModel::updateMember(const core::StaffMember &member)
{
    const int row = rowOf(member.id);
    if (row < 0) {
        // New: inserted where the order puts it.
        const auto at = std::upper_bound(m_staff.cbegin(), m_staff.cend(), member, staffBefore);
        const int to = int(at - m_staff.cbegin());
        beginInsertRows({}, to, to);
        m_staff.insert(to, member);
        reindex(to);
        endInsertRows();
        return;
    }
    m_staff[row] = member;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed);
    // Renamed or (de)activated: the row moves to its place in the order, keeping the
    // selection and the current row of a view on it.
    int to = row;
    while (to > 0 && staffBefore(member, m_staff.at(to - 1)))
        --to;
    while (to + 1 < m_staff.size() && staffBefore(m_staff.at(to + 1), member))
        ++to;
    if (to == row)
        return;
    beginMoveRows({}, row, row, {}, to > row ? to + 1 : to);
    m_staff.move(row, to);
    reindex(std::min(row, to));
    endMoveRows();
}

void StaffModel::reindex(int fromRow)
{
    for (int r = fromRow; r < m_staff.size(); ++r)
        m_rowById.insert(m_staff.at(r).id, r);
}

int StaffModel::rowOf(qint64 id) const
{
    return m_rowById.value(id, -1);
}

int StaffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_staff.size());
}

QVariant StaffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::StaffMember &member = m_staff.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (member.isAbsentAt(core::nowMsecs()))
            return QString(member.name + tr(" (absent)"));
        return member.name;
    case IdRole:
        return member.id;
    case AbsentRole:
        return member.isAbsentAt(core::nowMsecs());
    case ActiveRole:
        return member.active;
    case LoginRole:
        return member.login;
    default:
        return {};
    }
}

Directory::Directory(client::ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{}

void Directory::load()
{
    ++m_generation;
    m_started = true;
    m_failed = false;
    m_pending = 0;
    request(u"/staff"_s, {}, [this](const client::ApiResult &r) {
        m_staffModel.setStaff(listFrom<core::StaffMember>(r));
    });
    request(u"/flows"_s, {},
            [this](const client::ApiResult &r) { m_flows = listFrom<core::Flow>(r); });
    request(u"/fleets"_s, {},
            [this](const client::ApiResult &r) { m_fleets = listFrom<core::Fleet>(r); });
    m_devices.clear();
    fetchDevices({});
}

void Directory::request(const QString &path, const QUrlQuery &query,
                        const std::function<void(const client::ApiResult &)> &handle)
{
    ++m_pending;
    client::ApiJob *job = m_api->get(path, query);
    const quint64 generation = m_generation;
    connect(job, &client::ApiJob::finished, this,
            [this, generation, handle](const client::ApiResult &result) {
                if (generation != m_generation)
                    return;
                if (result.ok()) {
                    handle(result);
                } else {
                    m_failed = true;
                    Q_EMIT errorOccurred(result.error);
                }
                done();
            });
}

void Directory::fetchDevices(const QString &cursor)
{
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(DevicePageSize));
    if (!cursor.isEmpty())
        query.addQueryItem(u"cursor"_s, cursor);
    request(u"/devices"_s, query, [this](const client::ApiResult &r) {
        m_devices.append(listFrom<core::Device>(r));
        const QJsonValue next = r.object().value(u"nextCursor"_s);
        if (next.isString() && !next.toString().isEmpty())
            fetchDevices(next.toString());
        else
            fetchCustomers();
    });
}

void Directory::fetchCustomers()
{
    // There is no customer list: the devices name the customers that matter here.
    QList<qint64> ids;
    QSet<qint64> seen;
    for (const core::Device &d : std::as_const(m_devices)) {
        if (d.customerId && !seen.contains(*d.customerId)) {
            seen.insert(*d.customerId);
            ids.append(*d.customerId);
        }
    }
    std::sort(ids.begin(), ids.end());
    m_customers.clear();
    for (const qint64 id : std::as_const(ids)) {
        request(u"/customers/%1"_s.arg(id), {}, [this](const client::ApiResult &r) {
            const core::Customer c = core::Customer::fromJson(r.object());
            const auto at =
                std::lower_bound(m_customers.begin(), m_customers.end(), c.id,
                                 [](const core::Customer &x, qint64 id) { return x.id < id; });
            m_customers.insert(at, c);
        });
    }
}

void Directory::done()
{
    if (--m_pending > 0)
        return;
    if (m_failed) {
        m_started = false; // not loaded: load() may be tried again
        return;
    }
    Q_EMIT loaded();
}

QString Directory::staffName(qint64 id) const
{
    const int row = m_staffModel.rowOf(id);
    return row < 0 ? QString() : m_staffModel.staff().at(row).name;
}

QHash<qint64, QString> Directory::staffNames() const
{
    QHash<qint64, QString> names;
    for (const core::StaffMember &m : m_staffModel.staff())
        names.insert(m.id, m.name);
    return names;
}

std::optional<core::Fleet> Directory::fleet(qint64 id) const
{
    for (const core::Fleet &f : m_fleets) {
        if (f.id == id)
            return f;
    }
    return std::nullopt;
}

std::optional<core::StaffMember> Directory::staffMember(qint64 id) const
{
    const int row = m_staffModel.rowOf(id);
    return row < 0 ? std::nullopt : std::optional(m_staffModel.staff().at(row));
}

void Directory::replaceFleet(const core::Fleet &fleet)
{
    auto it = std::find_if(m_fleets.begin(), m_fleets.end(),
                           [&fleet](const core::Fleet &f) { return f.id == fleet.id; });
    if (it == m_fleets.end())
        m_fleets.append(fleet);
    else
        *it = fleet;
    // Staff members list their fleets: keep those in step with the fleet's members.
    const QList<core::StaffMember> staff = m_staffModel.staff();
    for (core::StaffMember member : staff) {
        const bool in = fleet.memberIds.contains(member.id);
        if (in == member.fleetIds.contains(fleet.id))
            continue;
        if (in) {
            member.fleetIds.append(fleet.id);
            std::sort(member.fleetIds.begin(), member.fleetIds.end());
        } else {
            member.fleetIds.removeAll(fleet.id);
        }
        m_staffModel.updateMember(member);
    }
    Q_EMIT fleetChanged(fleet.id);
}

void Directory::replaceStaffMember(const core::StaffMember &member)
{
    m_staffModel.updateMember(member);
    Q_EMIT staffMemberChanged(member.id);
}

bool Directory::applyEvent(const core::Event &event)
{
    if (event.type == u"fleet.updated") {
        replaceFleet(core::Fleet::fromJson(event.data));
        return true;
    }
    if (event.type == u"staff.updated") {
        replaceStaffMember(core::StaffMember::fromJson(event.data));
        return true;
    }
    return false;
}

QString Directory::flowName(qint64 id) const
{
    for (const core::Flow &f : m_flows) {
        if (f.id == id)
            return f.name;
    }
    return {};
}

} // namespace models
