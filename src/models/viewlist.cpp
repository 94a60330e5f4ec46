#include "viewlist.h"

#include "client/apiclient.h"
#include "client/apijob.h"

#include <QDateTime>
#include <QJsonArray>
#include <QKeySequence>
#include <QMimeData>
#include <QUrl>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace models {
namespace {

SavedView fromJson(const QJsonObject &o)
{
    SavedView v;
    v.id = o.value(u"id"_s).toInteger();
    v.name = o.value(u"name"_s).toString();
    if (std::optional<core::TicketQuery> q = viewQueryFrom(o.value(u"query"_s).toObject()))
        v.query = *q;
    v.shared = o.value(u"shared"_s).toBool();
    v.ownerId = o.value(u"ownerId"_s).toInteger();
    v.position = o.value(u"position"_s).toInteger();
    return v;
}

// Personal before shared, then by position, then by name.
bool before(const SavedView &a, const SavedView &b)
{
    if (a.shared != b.shared)
        return !a.shared;
    if (a.position != b.position)
        return a.position < b.position;
    const int byName = a.name.compare(b.name, Qt::CaseInsensitive);
    return byName != 0 ? byName < 0 : a.id < b.id;
}

const QString ViewIdsMime = u"application/x-ticket-backoffice-view-id"_s;

QUrlQuery facetsQuery(const core::TicketQuery &query)
{
    // Relative days as local day starts, as the list is asked.
    QUrlQuery u = query.resolved(QDateTime::currentDateTime()).toUrlQuery();
    for (const QString &name : {u"sort"_s, u"limit"_s, u"cursor"_s})
        u.removeAllQueryItems(name);
    return u;
}

} // namespace

QJsonObject viewQueryJson(const core::TicketQuery &query)
{
    core::TicketQuery q = query;
    q.limit = core::TicketQuery::DefaultLimit;
    q.cursor.clear();
    QJsonObject out;
    const auto items = q.toUrlQuery().queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items)
        out.insert(name, value);
    return out;
}

std::optional<core::TicketQuery> viewQueryFrom(const QJsonObject &json)
{
    // As the server reads it (view_api.cpp): strings or arrays of strings.
    QUrlQuery url;
    for (auto it = json.begin(); it != json.end(); ++it) {
        QString text;
        if (it.value().isArray()) {
            QStringList parts;
            for (const QJsonValue &v : it.value().toArray())
                parts.append(v.toString());
            text = parts.join(u',');
        } else {
            text = it.value().toString();
        }
        url.addQueryItem(it.key(), QString::fromLatin1(QUrl::toPercentEncoding(text, ",")));
    }
    auto parsed = core::TicketQuery::fromUrlQuery(url);
    if (auto *q = std::get_if<core::TicketQuery>(&parsed)) {
        q->limit = core::TicketQuery::DefaultLimit;
        return *q;
    }
    return std::nullopt;
}

ViewList::ViewList(client::ApiClient *api, QObject *parent)
    : QAbstractListModel(parent)
    , m_api(api)
{}

ViewList::~ViewList() = default;

int ViewList::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_views.size());
}

QVariant ViewList::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SavedView &v = m_views.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return v.name;
    case Qt::ToolTipRole:
        // The first nine have a shortcut (Ctrl+1..9, see ViewsController).
        if (index.row() < 9)
            return tr("%1 (%2)").arg(v.name,
                                     QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index.row()))
                                         .toString(QKeySequence::NativeText));
        return v.name;
    case IdRole:
        return v.id;
    case CountRole:
        return m_counts.value(v.id, -1);
    case UnreadCountRole:
        return m_unreadCounts.value(v.id, -1);
    case SharedRole:
        return v.shared;
    case OwnerRole:
        return v.ownerId;
    case PositionRole:
        return v.position;
    default:
        return {};
    }
}

Qt::ItemFlags ViewList::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

int ViewList::rowOf(qint64 id) const
{
    for (int row = 0; row < m_views.size(); ++row) {
        if (m_views[row].id == id)
            return row;
    }
    return -1;
}

int ViewList::sharedStart() const
{
    return int(std::find_if(m_views.cbegin(), m_views.cend(),
                            [](const SavedView &v) { return v.shared; }) -
               m_views.cbegin());
}

void ViewList::load()
{
    client::ApiJob *job = m_api->get(u"/views"_s);
    connect(job, &client::ApiJob::finished, this, [this](const client::ApiResult &r) {
        if (!r.ok()) {
            if (r.error.kind != client::ApiError::Kind::Canceled)
                Q_EMIT errorOccurred(r.error);
            return;
        }
        QList<SavedView> views;
        for (const QJsonValue &item : r.items())
            views.append(fromJson(item.toObject()));
        apply(views);
        m_loaded = true;
        Q_EMIT loaded();
        refreshCounts();
    });
}

void ViewList::apply(const QList<SavedView> &views)
{
    // In place: rows that went away, then every other one updated or inserted.
    for (int row = int(m_views.size()) - 1; row >= 0; --row) {
        const qint64 id = m_views[row].id;
        if (std::none_of(views.cbegin(), views.cend(),
                         [id](const SavedView &v) { return v.id == id; }))
            removeRow(row);
    }
    for (const SavedView &v : views)
        upsert(v);
}

int ViewList::sortedRow(const SavedView &view, int ignoreRow) const
{
    int row = 0;
    for (int i = 0; i < m_views.size(); ++i) {
        if (i != ignoreRow && before(m_views[i], view))
            ++row;
    }
    return row;
}

void ViewList::upsert(const SavedView &view)
{
    const int row = rowOf(view.id);
    if (row < 0) {
        const int at = sortedRow(view, -1);
        beginInsertRows({}, at, at);
        m_views.insert(at, view);
        endInsertRows();
        return;
    }
    const int target = sortedRow(view, row); // row among the others
    if (target != row) {
        beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
        m_views.move(row, target);
        endMoveRows();
    }
    m_views[target] = view;
    Q_EMIT dataChanged(index(target), index(target));
}

void ViewList::removeRow(int row)
{
    beginRemoveRows({}, row, row);
    const qint64 id = m_views.takeAt(row).id;
    m_counts.remove(id);
    m_unreadCounts.remove(id);
    endRemoveRows();
}

void ViewList::refreshCounts()
{
    ++m_generation;
    for (const QPointer<client::ApiJob> &job : std::as_const(m_countJobs)) {
        if (job) {
            job->disconnect(this);
            job->abort();
        }
    }
    m_countJobs.clear();
    for (const SavedView &v : std::as_const(m_views))
        fetchCount(v);
}

void ViewList::fetchCount(const SavedView &view)
{
    const int generation = m_generation;
    const qint64 id = view.id;
    client::ApiJob *job = m_api->get(u"/tickets/facets"_s, facetsQuery(view.query));
    m_countJobs.append(job);
    connect(
        job, &client::ApiJob::finished, this, [this, generation, id](const client::ApiResult &r) {
            if (generation != m_generation || !r.ok())
                return; // the built-in queues' counts report a failing server already
            const int count = r.object().value(u"total"_s).toInt(-1);
            const int unread = r.object().value(u"unread"_s).toObject().value(u"total"_s).toInt(-1);
            const int row = rowOf(id);
            if (row < 0 ||
                (m_counts.value(id, -1) == count && m_unreadCounts.value(id, -1) == unread))
                return;
            m_counts.insert(id, count);
            m_unreadCounts.insert(id, unread);
            Q_EMIT dataChanged(index(row), index(row), {CountRole, UnreadCountRole});
        });
}

client::ApiJob *ViewList::create(const QString &name, const core::TicketQuery &query, bool shared)
{
    QJsonObject body{
        {u"name"_s, name.trimmed()}, {u"query"_s, viewQueryJson(query)}, {u"shared"_s, shared}};
    client::ApiJob *job = m_api->post(u"/views"_s, body, client::ApiClient::newIdempotencyKey());
    connect(job, &client::ApiJob::finished, this, [this](const client::ApiResult &r) {
        if (!r.ok())
            return; // the caller shows the refusal
        const SavedView v = fromJson(r.object());
        upsert(v);
        fetchCount(v);
        Q_EMIT created(v.id);
    });
    return job;
}

client::ApiJob *ViewList::patchView(qint64 id, const QJsonObject &body)
{
    client::ApiJob *job = m_api->patch(u"/views/"_s + QString::number(id), body);
    connect(job, &client::ApiJob::finished, this, [this](const client::ApiResult &r) {
        if (r.ok())
            upsert(fromJson(r.object()));
    });
    return job;
}

client::ApiJob *ViewList::rename(qint64 id, const QString &name)
{
    return patchView(id, {{u"name"_s, name.trimmed()}});
}

client::ApiJob *ViewList::setShared(qint64 id, bool shared)
{
    return patchView(id, {{u"shared"_s, shared}});
}

client::ApiJob *ViewList::remove(qint64 id)
{
    client::ApiJob *job = m_api->deleteResource(u"/views/"_s + QString::number(id));
    connect(job, &client::ApiJob::finished, this, [this, id](const client::ApiResult &r) {
        const int row = rowOf(id);
        if ((r.ok() || r.status == 404) && row >= 0)
            removeRow(row);
    });
    return job;
}

bool ViewList::move(qint64 id, int row)
{
    const int from = rowOf(id);
    if (from < 0)
        return false;
    const int start = m_views[from].shared ? sharedStart() : 0;
    const int target = start + row;
    return moveRows({}, from, 1, {}, target > from ? target + 1 : target);
}

QStringList ViewList::mimeTypes() const
{
    return {ViewIdsMime};
}

QMimeData *ViewList::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.size() != 1 || !indexes.first().isValid())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(ViewIdsMime, QByteArray::number(m_views.at(indexes.first().row()).id));
    return data;
}

int ViewList::dropTarget(const QMimeData *data, int row, const QModelIndex &parent,
                         qint64 *id) const
{
    if (!data || !data->hasFormat(ViewIdsMime))
        return -1;
    *id = data->data(ViewIdsMime).toLongLong();
    const int from = rowOf(*id);
    if (from < 0)
        return -1;
    // Dropped onto a row: before it; below the last row: the end of the dragged one's section.
    const bool shared = m_views[from].shared;
    const int start = shared ? sharedStart() : 0;
    const int end = shared ? int(m_views.size()) : sharedStart();
    int target = parent.isValid() ? parent.row() : row;
    if (target < 0)
        target = end;
    return target >= start && target <= end ? target : -1;
}

bool ViewList::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int,
                               const QModelIndex &parent) const
{
    qint64 id = 0;
    return action == Qt::MoveAction && dropTarget(data, row, parent, &id) >= 0;
}

bool ViewList::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int,
                            const QModelIndex &parent)
{
    qint64 id = 0;
    const int target = action == Qt::MoveAction ? dropTarget(data, row, parent, &id) : -1;
    if (target < 0)
        return false;
    moveRows({}, rowOf(id), 1, {}, target);
    return true; // no rows to remove afterwards: removeRows is not offered
}

bool ViewList::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                        const QModelIndex &destinationParent, int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || count != 1 || sourceRow < 0 ||
        sourceRow >= m_views.size())
        return false;
    const bool shared = m_views[sourceRow].shared;
    const int start = shared ? sharedStart() : 0;
    const int end = shared ? int(m_views.size()) : sharedStart(); // one past the section
    if (destinationChild < start || destinationChild > end || destinationChild == sourceRow ||
        destinationChild == sourceRow + 1)
        return false;
    beginMoveRows({}, sourceRow, sourceRow, {}, destinationChild);
    m_views.move(sourceRow, destinationChild > sourceRow ? destinationChild - 1 : destinationChild);
    endMoveRows();
    // The section's order as positions 0, 1, ...: only the rows whose position changed.
    for (int row = start; row < end; ++row) {
        SavedView &v = m_views[row];
        const qint64 position = row - start;
        if (v.position == position)
            continue;
        v.position = position;
        Q_EMIT dataChanged(index(row), index(row), {PositionRole});
        client::ApiJob *job =
            m_api->patch(u"/views/"_s + QString::number(v.id), {{u"position"_s, position}});
        connect(job, &client::ApiJob::finished, this, [this](const client::ApiResult &r) {
            if (r.ok())
                return;
            Q_EMIT errorOccurred(r.error);
            load(); // the server's order again
        });
    }
    return true;
}

} // namespace models
