#include "queuefilter.h"

#include "client/apiclient.h"
#include "client/apijob.h"
#include "labels.h"

#include <QDateTime>
#include <algorithm>

using namespace Qt::StringLiterals;
using core::SortKey;
using core::Status;

namespace models {
namespace {

// The sidebar's order: "Needs reply" beside "My tickets", "All tickets" last.
constexpr Queue QueueOrder[] = {Queue::NewUnassigned, Queue::Mine,    Queue::NeedsReply,
                                Queue::AllOpen,       Queue::Waiting, Queue::RecentlyResolved,
                                Queue::Internal,      Queue::All};
constexpr int QueueCount = int(std::size(QueueOrder));

// The facets' unread total (-1: not given, e.g. to a code user).
int unreadTotal(const QJsonObject &facets)
{
    return facets.value(u"unread"_s).toObject().value(u"total"_s).toInt(-1);
}

// The filters of a list without its paging and order: what /tickets/facets accepts.
QUrlQuery facetsQuery(const core::TicketQuery &query)
{
    // Relative days as local day starts, as the list is asked.
    QUrlQuery u = query.resolved(QDateTime::currentDateTime()).toUrlQuery();
    for (const QString &name : {u"sort"_s, u"limit"_s, u"cursor"_s})
        u.removeAllQueryItems(name);
    return u;
}

// The values of a facet group in the order the sidebar lists them: statuses by life
// cycle, priorities most urgent first.
QList<int> facetValues(FacetListModel::Dimension dimension)
{
    if (dimension == FacetListModel::Dimension::Status)
        return {0, 1, 2, 3, 4};
    return {int(core::Priority::High), int(core::Priority::Normal), int(core::Priority::Low)};
}

// A queue with the sidebar's extra filters; a dimension filtered by both takes the extra's.
core::TicketQuery withExtras(core::TicketQuery q, const core::TicketQuery &extra)
{
    if (extra.hasAssigneeFilter()) {
        q.assigneeMe = extra.assigneeMe;
        q.assigneeNone = extra.assigneeNone;
        q.assigneeIds = extra.assigneeIds;
    }
    if (!extra.flowIds.isEmpty())
        q.flowIds = extra.flowIds;
    if (!extra.visibilities.isEmpty())
        q.visibilities = extra.visibilities;
    if (!extra.deviceIds.isEmpty())
        q.deviceIds = extra.deviceIds;
    if (!extra.customerIds.isEmpty())
        q.customerIds = extra.customerIds;
    if (!extra.fleetIds.isEmpty())
        q.fleetIds = extra.fleetIds;
    q.text = extra.text;
    q.createdFrom = extra.createdFrom;
    q.createdTo = extra.createdTo;
    q.createdFromDaysAgo = extra.createdFromDaysAgo;
    q.createdToDaysAgo = extra.createdToDaysAgo;
    q.excluded = extra.excluded;
    q.phrases = extra.phrases;
    return q;
}

} // namespace

core::TicketQuery queueQuery(Queue queue)
{
    core::TicketQuery q;
    q.sort = {SortKey{SortKey::Field::CreatedAt, true}};
    switch (queue) {
    case Queue::NewUnassigned:
        q.statuses = {Status::New};
        q.assigneeNone = true;
        break;
    case Queue::Mine:
        q.assigneeMe = true;
        q.statuses = {Status::New, Status::Open, Status::Waiting};
        break;
    case Queue::AllOpen:
        q.statuses = {Status::New, Status::Open, Status::Waiting};
        break;
    case Queue::Waiting:
        q.statuses = {Status::Waiting};
        break;
    case Queue::RecentlyResolved:
        q.statuses = {Status::Resolved, Status::Closed};
        q.sort = {SortKey{SortKey::Field::UpdatedAt, true}};
        break;
    case Queue::Internal:
        q.visibilities = {core::Visibility::Internal};
        break;
    case Queue::All:
        break;
    case Queue::NeedsReply:
        q.awaitingStaff = true;
        break;
    }
    return q;
}

// --- QueueListModel ---

QueueListModel::QueueListModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_counts(QueueCount, -1)
    , m_unreadCounts(QueueCount, -1)
{}

int QueueListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : QueueCount;
}

QVariant QueueListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Queue queue = queueAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (queue) {
        case Queue::NewUnassigned:
            return tr("New and unassigned");
        case Queue::Mine:
            return tr("My tickets");
        case Queue::AllOpen:
            return tr("All open");
        case Queue::Waiting:
            return tr("Waiting");
        case Queue::RecentlyResolved:
            return tr("Recently resolved");
        case Queue::Internal:
            return tr("Internal");
        case Queue::All:
            return tr("All tickets");
        case Queue::NeedsReply:
            return tr("Needs reply");
        }
        return {};
    case Qt::ToolTipRole:
        if (queue == Queue::NeedsReply)
            return tr("Public tickets, not closed, whose last message is the code user's");
        return {};
    case QueueRole:
        return int(queue);
    case CountRole:
        return m_counts[index.row()];
    case UnreadCountRole:
        return m_unreadCounts[index.row()];
    default:
        return {};
    }
}

Queue QueueListModel::queueAt(int row) const
{
    return QueueOrder[qBound(0, row, QueueCount - 1)];
}

int QueueListModel::rowOf(Queue queue) const
{
    const auto it = std::find(std::begin(QueueOrder), std::end(QueueOrder), queue);
    return it == std::end(QueueOrder) ? -1 : int(it - std::begin(QueueOrder));
}

void QueueListModel::setCount(Queue queue, int count)
{
    const int row = rowOf(queue);
    if (m_counts[row] == count)
        return;
    m_counts[row] = count;
    Q_EMIT dataChanged(index(row), index(row), {CountRole});
}

void QueueListModel::setUnreadCount(Queue queue, int count)
{
    const int row = rowOf(queue);
    if (row < 0 || m_unreadCounts[row] == count)
        return;
    m_unreadCounts[row] = count;
    Q_EMIT dataChanged(index(row), index(row), {UnreadCountRole});
}

// --- FacetListModel ---

FacetListModel::FacetListModel(Dimension dimension, QObject *parent)
    : QAbstractListModel(parent)
    , m_dimension(dimension)
    , m_values(facetValues(dimension))
    , m_counts(m_values.size(), -1)
    , m_unreadCounts(m_values.size(), -1)
    , m_checked(m_values.size(), false)
{}

int FacetListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_values.size());
}

QString FacetListModel::valueKey(int value) const
{
    return m_dimension == Dimension::Status ? core::toString(core::Status(value))
                                            : core::toString(core::Priority(value));
}

QVariant FacetListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int value = m_values[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return m_dimension == Dimension::Status ? statusLabel(core::Status(value))
                                                : priorityLabel(core::Priority(value));
    case Qt::DecorationRole:
        return m_dimension == Dimension::Status ? statusColor(core::Status(value))
                                                : priorityColor(core::Priority(value));
    case Qt::CheckStateRole:
        return m_checked[index.row()] ? Qt::Checked : Qt::Unchecked;
    case ValueRole:
        return value;
    case CountRole:
        return m_counts[index.row()];
    case UnreadCountRole:
        return m_unreadCounts[index.row()];
    default:
        return {};
    }
}

bool FacetListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const bool checked = value.toInt() == Qt::Checked;
    if (m_checked[index.row()] != checked) {
        m_checked[index.row()] = checked;
        Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
        Q_EMIT checkedChanged();
    }
    return true;
}

Qt::ItemFlags FacetListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
}

void FacetListModel::setCounts(const QJsonObject &counts)
{
    for (int row = 0; row < m_values.size(); ++row) {
        const int count = counts.value(valueKey(m_values[row])).toInt(-1);
        if (m_counts[row] == count)
            continue;
        m_counts[row] = count;
        Q_EMIT dataChanged(index(row), index(row), {CountRole});
    }
}

void FacetListModel::setUnreadCounts(const QJsonObject &counts)
{
    for (int row = 0; row < m_values.size(); ++row) {
        // Absent from the answer: none unread (the object lists only values that have some).
        const int count = counts.isEmpty() ? -1 : counts.value(valueKey(m_values[row])).toInt(0);
        if (m_unreadCounts[row] == count)
            continue;
        m_unreadCounts[row] = count;
        Q_EMIT dataChanged(index(row), index(row), {UnreadCountRole});
    }
}

QList<int> FacetListModel::checkedValues() const
{
    // Ascending enum order, so that equal choices make equal queries.
    QList<int> out;
    for (int row = 0; row < m_values.size(); ++row) {
        if (m_checked[row])
            out.append(m_values[row]);
    }
    std::sort(out.begin(), out.end());
    return out;
}

void FacetListModel::setCheckedValues(const QList<int> &values)
{
    bool changed = false;
    for (int row = 0; row < m_values.size(); ++row) {
        const bool checked = values.contains(m_values[row]);
        if (m_checked[row] == checked)
            continue;
        m_checked[row] = checked;
        changed = true;
        Q_EMIT dataChanged(index(row), index(row), {Qt::CheckStateRole});
    }
    if (changed)
        Q_EMIT checkedChanged();
}

// --- QueueFilter ---

QueueFilter::QueueFilter(client::ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
    m_debounce.setSingleShot(true);
    connect(&m_debounce, &QTimer::timeout, this, &QueueFilter::fetchCounts);
    connect(&m_statuses, &FacetListModel::checkedChanged, this, &QueueFilter::emitChanged);
    connect(&m_priorities, &FacetListModel::checkedChanged, this, &QueueFilter::emitChanged);
    m_emitted = query();
}

bool QueueFilter::setQueue(Queue queue)
{
    if (queue == m_queue)
        return false;
    m_queue = queue;
    emitChanged();
    return true;
}

bool QueueFilter::setExtraFilters(const core::TicketQuery &extra)
{
    core::TicketQuery e;
    e.assigneeMe = extra.assigneeMe;
    e.assigneeNone = extra.assigneeNone;
    e.assigneeIds = extra.assigneeIds;
    e.flowIds = extra.flowIds;
    e.visibilities = extra.visibilities;
    e.deviceIds = extra.deviceIds;
    e.customerIds = extra.customerIds;
    e.fleetIds = extra.fleetIds;
    e.text = extra.text.trimmed();
    e.createdFrom = extra.createdFrom;
    e.createdTo = extra.createdTo;
    e.createdFromDaysAgo = extra.createdFromDaysAgo;
    e.createdToDaysAgo = extra.createdToDaysAgo;
    e.excluded = extra.excluded;
    e.phrases = extra.phrases;
    if (e == m_extra)
        return false;
    m_extra = e;
    emitChanged();
    return true;
}

bool QueueFilter::setText(const QString &text)
{
    if (!m_extra.setText(text))
        return false;
    emitChanged();
    return true;
}

void QueueFilter::setSort(const QList<core::SortKey> &sort)
{
    if (std::exchange(m_sort, sort) != sort)
        emitChanged();
}

core::TicketQuery QueueFilter::overrides() const
{
    core::TicketQuery q = m_extra;
    q.sort.clear();
    for (int s : m_statuses.checkedValues())
        q.statuses.append(core::Status(s));
    for (int p : m_priorities.checkedValues())
        q.priorities.append(core::Priority(p));
    return q;
}

bool QueueFilter::setOverrides(const core::TicketQuery &overrides)
{
    const core::TicketQuery before = query();
    m_batch = true;
    QList<int> statuses;
    for (core::Status s : overrides.statuses)
        statuses.append(int(s));
    QList<int> priorities;
    for (core::Priority p : overrides.priorities)
        priorities.append(int(p));
    m_statuses.setCheckedValues(statuses);
    m_priorities.setCheckedValues(priorities);
    setExtraFilters(overrides);
    m_batch = false;
    emitChanged();
    return query() != before;
}

void QueueFilter::applyView(const core::TicketQuery &view)
{
    m_batch = true;
    m_queue = Queue::All;
    m_sort = view.sort;
    setOverrides(view);
    m_batch = false;
    emitChanged();
}

core::TicketQuery QueueFilter::query() const
{
    core::TicketQuery q = withExtras(queueQuery(m_queue), m_extra);
    const QList<int> statuses = m_statuses.checkedValues();
    if (!statuses.isEmpty()) {
        q.statuses.clear();
        for (int s : statuses)
            q.statuses.append(core::Status(s));
    }
    const QList<int> priorities = m_priorities.checkedValues();
    if (!priorities.isEmpty()) {
        q.priorities.clear();
        for (int p : priorities)
            q.priorities.append(core::Priority(p));
    }
    if (!m_sort.isEmpty())
        q.sort = m_sort;
    return q;
}

void QueueFilter::emitChanged()
{
    if (m_batch)
        return;
    const core::TicketQuery q = query();
    if (q == m_emitted)
        return;
    m_emitted = q;
    Q_EMIT queryChanged(q);
    refreshCounts();
}

void QueueFilter::refreshCounts(int delayMs)
{
    m_debounce.start(qMax(0, delayMs));
}

void QueueFilter::fetchCounts()
{
    // A new round: answers of an older one are dropped, and its requests stop.
    const int generation = ++m_generation;
    for (const QPointer<client::ApiJob> &job : std::as_const(m_countJobs)) {
        if (job) {
            job->disconnect(this);
            job->abort();
        }
    }
    m_countJobs.clear();
    Q_EMIT countsRequested();
    auto ask = [&](const core::TicketQuery &q, auto apply) {
        client::ApiJob *job = m_api->get(u"/tickets/facets"_s, facetsQuery(q));
        m_countJobs.append(job);
        connect(job, &client::ApiJob::finished, this,
                [this, generation, apply](const client::ApiResult &r) {
                    if (generation != m_generation)
                        return;
                    if (r.ok()) {
                        apply(r.object());
                    } else if (r.error.kind != client::ApiError::Kind::Canceled &&
                               m_reportedGeneration != generation) {
                        m_reportedGeneration = generation; // one message per round
                        Q_EMIT errorOccurred(r.error);
                    }
                });
    };
    for (const Queue queue : QueueOrder) {
        ask(withExtras(queueQuery(queue), m_extra), [this, queue](const QJsonObject &o) {
            m_queues.setCount(queue, o.value(u"total"_s).toInt(-1));
            m_queues.setUnreadCount(queue, unreadTotal(o));
        });
    }
    ask(query(), [this](const QJsonObject &o) {
        m_statuses.setCounts(o.value(u"status"_s).toObject());
        m_priorities.setCounts(o.value(u"priority"_s).toObject());
        const QJsonObject unread = o.value(u"unread"_s).toObject();
        m_statuses.setUnreadCounts(unread.value(u"status"_s).toObject());
        m_priorities.setUnreadCounts(unread.value(u"priority"_s).toObject());
    });
}

} // namespace models
