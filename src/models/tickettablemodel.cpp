#include "tickettablemodel.h"

#include "client/apiclient.h"
#include "client/apijob.h"
#include "client/outbox.h"
#include "directory.h"
#include "duecell.h"
#include "ticketcells.h"
#include "unreadcells.h"

#include <QDateTime>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using core::SortKey;
using core::TicketSummary;

namespace models {
namespace {

qint64 sortValue(const TicketSummary &t, SortKey::Field field)
{
    switch (field) {
    case SortKey::Field::Priority:
        return int(t.priority);
    case SortKey::Field::CreatedAt:
        return t.createdAt;
    case SortKey::Field::UpdatedAt:
        return t.updatedAt;
    case SortKey::Field::Status:
        return int(t.status);
    case SortKey::Field::Due:
        return t.dueOrder;
    }
    return 0;
}

// Which columns show a difference between two versions of a row.
QList<bool> changedColumns(const TicketSummary &a, const TicketSummary &b)
{
    QList<bool> c(TicketTableModel::ColumnCount, false);
    // Internal tickets are drawn in italics: a visibility change touches every column.
    if (a.visibility != b.visibility || a.unread != b.unread)
        c.fill(true); // unread rows are bold
    c[TicketTableModel::PriorityColumn] |= a.priority != b.priority;
    c[TicketTableModel::NumberColumn] |= a.number != b.number || a.createdAt != b.createdAt;
    c[TicketTableModel::TitleColumn] |= a.title != b.title;
    c[TicketTableModel::DeviceColumn] |= a.deviceName != b.deviceName;
    c[TicketTableModel::CustomerColumn] |= a.customerName != b.customerName;
    c[TicketTableModel::FlowColumn] |= a.flowName != b.flowName;
    c[TicketTableModel::StatusColumn] |= a.status != b.status;
    c[TicketTableModel::AssigneeColumn] |=
        a.assigneeId != b.assigneeId || a.assigneeName != b.assigneeName;
    c[TicketTableModel::UpdatedColumn] |= a.updatedAt != b.updatedAt;
    c[TicketTableModel::RatingColumn] |= a.ratingStars != b.ratingStars;
    c[TicketTableModel::DueColumn] |=
        a.clocks != b.clocks || a.status != b.status || a.dueOrder != b.dueOrder;
    return c;
}

} // namespace

TicketTableModel::TicketTableModel(client::ApiClient *api, QObject *parent)
    : QAbstractTableModel(parent)
    , m_api(api)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_dueTimer.setInterval(60 * 1000);
    connect(&m_dueTimer, &QTimer::timeout, this, &TicketTableModel::refreshDue);
    m_dueTimer.start();
}

void TicketTableModel::setClock(Clock clock)
{
    m_clock = std::move(clock);
    refreshDue();
}

void TicketTableModel::refreshDue()
{
    if (m_rows.isEmpty())
        return;
    Q_EMIT dataChanged(
        index(0, DueColumn), index(int(m_rows.size()) - 1, DueColumn),
        {Qt::DisplayRole, Qt::ForegroundRole, Qt::ToolTipRole, Qt::AccessibleTextRole});
}

TicketTableModel::~TicketTableModel()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
}

QList<SortKey> TicketTableModel::effectiveSort() const
{
    // An empty sort is not sent, and the server then sorts by its default.
    return m_query.sort.isEmpty() ? QList<SortKey>{SortKey{SortKey::Field::CreatedAt, true}}
                                  : m_query.sort;
}

bool TicketTableModel::lessThan(const TicketSummary &a, const TicketSummary &b) const
{
    // The server's ORDER BY: the sort keys, then the id in the last key's direction.
    const QList<SortKey> sort = effectiveSort();
    for (const SortKey &key : sort) {
        const qint64 va = sortValue(a, key.field);
        const qint64 vb = sortValue(b, key.field);
        if (va != vb)
            return key.descending ? va > vb : va < vb;
    }
    return sort.last().descending ? a.id > b.id : a.id < b.id;
}

bool TicketTableModel::isJudgeable() const
{
    // The full text, customer, fleet and awaiting filters are the server's to judge.
    return m_query.text.isEmpty() && m_query.customerIds.isEmpty() && m_query.fleetIds.isEmpty() &&
           !m_query.awaitingStaff;
}

bool TicketTableModel::matches(const TicketSummary &t) const
{
    return m_query.matches(t, m_myId ? m_myId : m_api->myId());
}

bool TicketTableModel::inLoadedRange(const TicketSummary &t) const
{
    // Rows after the keyset cursor come with a later page.
    if (m_atEnd)
        return true;
    return m_hasCursorRow && !lessThan(m_cursorRow, t);
}

int TicketTableModel::sortedPosition(const TicketSummary &t, int exclude) const
{
    int pos = 0;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (i != exclude && lessThan(m_rows[i], t))
            ++pos;
    }
    return pos;
}

void TicketTableModel::reindex(int from)
{
    for (int i = from; i < m_rows.size(); ++i)
        m_rowOf.insert(m_rows[i].id, i);
}

void TicketTableModel::insertRow(int row, const TicketSummary &t)
{
    beginInsertRows({}, row, row);
    m_rows.insert(row, t);
    reindex(row);
    endInsertRows();
}

void TicketTableModel::removeRowAt(int row)
{
    beginRemoveRows({}, row, row);
    m_rowOf.remove(m_rows[row].id);
    m_rows.removeAt(row);
    reindex(row);
    endRemoveRows();
}

void TicketTableModel::moveRowTo(int from, int to)
{
    if (from == to)
        return;
    beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
    m_rows.move(from, to);
    reindex(qMin(from, to));
    endMoveRows();
}

void TicketTableModel::replaceRow(int row, const TicketSummary &t)
{
    const TicketSummary old = std::exchange(m_rows[row], t);
    const QList<bool> changed = changedColumns(old, t);
    // One signal per run of changed columns: the view repaints those cells only.
    for (int c = 0; c < ColumnCount;) {
        if (!changed[c]) {
            ++c;
            continue;
        }
        int end = c;
        while (end + 1 < ColumnCount && changed[end + 1])
            ++end;
        Q_EMIT dataChanged(index(row, c), index(row, end));
        c = end + 1;
    }
    if (old.version != t.version)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1), {VersionRole});
}

void TicketTableModel::cancelJob()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
    setLoading(nullptr);
}

void TicketTableModel::setLoading(client::ApiJob *job)
{
    const bool was = m_job != nullptr;
    m_job = job;
    if (was != (job != nullptr))
        Q_EMIT loadingChanged(job != nullptr);
}

void TicketTableModel::setQuery(const core::TicketQuery &query)
{
    cancelJob();
    m_reloading = false;
    beginResetModel();
    m_query = query;
    m_query.limit = PageSize;
    m_query.cursor.clear();
    m_rows.clear();
    m_rowOf.clear();
    m_nextCursor.clear();
    m_atEnd = false;
    m_hasCursorRow = false;
    m_failed = false;
    m_active = true;
    m_pinnedStale = false;
    endResetModel();
    fetchPage(true);
}

void TicketTableModel::fetchPage(bool first)
{
    // Relative days as local day starts, so that the list agrees with the search box.
    core::TicketQuery q = m_query.resolved(QDateTime::currentDateTime());
    q.limit = PageSize;
    q.cursor = first ? QString() : m_nextCursor;
    client::ApiJob *job = m_api->get(u"/tickets"_s, q.toUrlQuery());
    connect(job, &client::ApiJob::finished, this,
            [this, first](const client::ApiResult &r) { onPage(r, first); });
    setLoading(job);
}

void TicketTableModel::onPage(const client::ApiResult &result, bool first)
{
    if (!result.ok()) {
        setLoading(nullptr);
        m_failed = true;
        if (result.error.kind != client::ApiError::Kind::Canceled)
            Q_EMIT errorOccurred(result.error);
        return;
    }
    // Still "loading" while the rows go in: a view that asks for more from its
    // rowsInserted handler must wait for the new cursor.
    const QJsonArray items = result.items();
    takeCursor(result, items);
    appendPage(items);
    setLoading(nullptr);
    Q_EMIT pageLoaded(first, int(items.size()));
}

void TicketTableModel::takeCursor(const client::ApiResult &result, const QJsonArray &items)
{
    m_nextCursor = result.object().value(u"nextCursor"_s).toString();
    m_atEnd = m_nextCursor.isEmpty();
    // The cursor holds the sort values of the page's last row as they were then.
    if (!items.isEmpty()) {
        m_cursorRow = TicketSummary::fromJson(items.last().toObject());
        m_hasCursorRow = true;
    }
}

void TicketTableModel::appendPage(const QJsonArray &items)
{
    QList<TicketSummary> fresh;
    auto flush = [&] {
        if (fresh.isEmpty())
            return;
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        m_rows.append(fresh);
        reindex(first);
        endInsertRows();
        fresh.clear();
    };
    for (const QJsonValue &v : items) {
        const TicketSummary t = TicketSummary::fromJson(v.toObject());
        const int row = rowOf(t.id);
        if (row < 0) {
            fresh.append(t);
            continue;
        }
        // Already here (a pinned row that moved past the loaded range): the page's order wins.
        flush();
        moveRowTo(row, int(m_rows.size()) - 1);
        if (t.version >= m_rows.last().version)
            replaceRow(int(m_rows.size()) - 1, t);
    }
    flush();
}

int TicketTableModel::rowOf(qint64 id) const
{
    return m_rowOf.value(id, -1);
}

qint64 TicketTableModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].id : 0;
}

const TicketSummary *TicketTableModel::summary(qint64 id) const
{
    const int row = rowOf(id);
    return row >= 0 ? &m_rows[row] : nullptr;
}

int TicketTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TicketTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TicketTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TicketSummary &row = m_rows[index.row()];
    if (index.column() == DueColumn) {
        if (role == SortRole)
            return row.dueOrder;
        const QVariant due = DueCell(row, m_clock()).data(role);
        if (due.isValid() || role == Qt::DisplayRole || role == Qt::ForegroundRole ||
            role == Qt::ToolTipRole)
            return due;
    }
    const QJsonObject unsent = m_outbox ? m_outbox->pendingEdit(row.id) : QJsonObject();
    const auto staffName = [this](qint64 id) {
        return m_directory ? m_directory->staffName(id) : QString();
    };
    const bool unread = row.unread.value_or(false);
    if (role == UnreadRole)
        return unread;
    QVariant value = TicketCells(row, unsent, staffName).data(index.column(), role);
    return unread ? unreadCellData(index.column(), role, std::move(value)) : value;
}

QVariant TicketTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PriorityColumn:
        return tr("Priority");
    case NumberColumn:
        return tr("Number");
    case TitleColumn:
        return tr("Title");
    case DeviceColumn:
        return tr("Device");
    case CustomerColumn:
        return tr("Customer");
    case FlowColumn:
        return tr("Category");
    case StatusColumn:
        return tr("Status");
    case AssigneeColumn:
        return tr("Assignee");
    case UpdatedColumn:
        return tr("Updated");
    case RatingColumn:
        return tr("Rating");
    case DueColumn:
        return tr("Due");
    default:
        return {};
    }
}

bool TicketTableModel::canFetchMore(const QModelIndex &parent) const
{
    // After a failed page the view would ask again at once: reload() or setQuery() retry.
    return !parent.isValid() && m_active && !m_atEnd && !m_failed && !m_job &&
           !m_nextCursor.isEmpty();
}

void TicketTableModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        fetchPage(false);
}

bool TicketTableModel::isSortable(int column)
{
    return column == PriorityColumn || column == NumberColumn || column == StatusColumn ||
           column == UpdatedColumn || column == DueColumn;
}

void TicketTableModel::sort(int column, Qt::SortOrder order)
{
    SortKey key;
    switch (column) {
    case PriorityColumn:
        key.field = SortKey::Field::Priority;
        break;
    case NumberColumn:
        key.field = SortKey::Field::CreatedAt;
        break;
    case StatusColumn:
        key.field = SortKey::Field::Status;
        break;
    case UpdatedColumn:
        key.field = SortKey::Field::UpdatedAt;
        break;
    case DueColumn:
        key.field = SortKey::Field::Due;
        break;
    default:
        return;
    }
    key.descending = order == Qt::DescendingOrder;
    if (m_active && m_query.sort == QList<SortKey>{key})
        return;
    core::TicketQuery q = m_query;
    q.sort = {key};
    setQuery(q);
}

} // namespace models
