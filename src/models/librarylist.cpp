#include "librarylist.h"

#include "client/apiclient.h"
#include "client/apijob.h"
#include "core/types.h"

#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace models {
namespace {

qint64 idOf(const QJsonObject &item)
{
    return item.value(u"id"_s).toInteger();
}

bool nameBefore(const QJsonObject &a, const QJsonObject &b)
{
    const int c = QString::localeAwareCompare(a.value(u"name"_s).toString().toCaseFolded(),
                                              b.value(u"name"_s).toString().toCaseFolded());
    return c != 0 ? c < 0 : idOf(a) < idOf(b);
}

} // namespace

LibraryList::LibraryList(client::ApiClient *api, const QString &path, const QString &eventKind,
                         QObject *parent)
    : QAbstractListModel(parent)
    , m_api(api)
    , m_path(path)
    , m_eventKind(eventKind)
{}

LibraryList::~LibraryList()
{
    if (m_job)
        m_job->abort();
}

void LibraryList::reload()
{
    if (m_job)
        m_job->abort();
    m_job = m_api->get(m_path);
    connect(m_job, &client::ApiJob::finished, this, &LibraryList::take);
}

void LibraryList::take(const client::ApiResult &result)
{
    m_job = nullptr;
    if (!result.ok()) {
        if (result.error.kind != client::ApiError::Kind::Canceled)
            Q_EMIT errorOccurred(result.error);
        return;
    }
    const QJsonArray items = result.items();
    QSet<qint64> present;
    for (const QJsonValue &v : items)
        present.insert(idOf(v.toObject()));
    for (int row = int(m_items.size()) - 1; row >= 0; --row) {
        if (!present.contains(idOf(m_items[row])))
            removeId(idOf(m_items[row]));
    }
    for (const QJsonValue &v : items)
        upsert(v.toObject());
    m_loaded = true;
    Q_EMIT loaded();
}

bool LibraryList::applyEvent(const core::Event &event)
{
    if (!event.type.startsWith(m_eventKind + u'.'))
        return false;
    const QStringView what = QStringView(event.type).mid(m_eventKind.size() + 1);
    if (what == u"updated")
        upsert(event.data);
    else if (what == u"deleted")
        removeId(idOf(event.data));
    return true;
}

int LibraryList::sortedRow(const QJsonObject &item) const
{
    return int(std::lower_bound(m_items.cbegin(), m_items.cend(), item, nameBefore) -
               m_items.cbegin());
}

void LibraryList::reindex(int from)
{
    for (int row = from; row < m_items.size(); ++row)
        m_rowById.insert(idOf(m_items[row]), row);
}

void LibraryList::upsert(const QJsonObject &item)
{
    const qint64 id = idOf(item);
    if (id <= 0)
        return;
    const int row = rowOf(id);
    if (row >= 0) {
        if (m_items[row] == item)
            return;
        if (m_items[row].value(u"name"_s) == item.value(u"name"_s)) {
            m_items[row] = item;
            Q_EMIT dataChanged(index(row), index(row));
            return;
        }
        removeId(id); // renamed: to its new place
    }
    const int at = sortedRow(item);
    beginInsertRows({}, at, at);
    m_items.insert(at, item);
    reindex(at);
    endInsertRows();
}

void LibraryList::removeId(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_items.removeAt(row);
    m_rowById.remove(id);
    reindex(row);
    endRemoveRows();
}

qint64 LibraryList::idAt(int row) const
{
    return row >= 0 && row < m_items.size() ? idOf(m_items[row]) : 0;
}

QJsonObject LibraryList::item(qint64 id) const
{
    const int row = rowOf(id);
    return row >= 0 ? m_items[row] : QJsonObject();
}

int LibraryList::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant LibraryList::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &item = m_items[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return item.value(u"name"_s).toString();
    case IdRole:
        return idOf(item);
    case SharedRole:
        return item.value(u"shared"_s).toBool();
    case OwnerIdRole:
        return item.value(u"ownerId"_s).toInteger();
    case ItemRole:
        return item;
    default:
        return itemData(item, role);
    }
}

QVariant LibraryList::itemData(const QJsonObject &, int) const
{
    return {};
}

QHash<int, QByteArray> LibraryList::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(NameRole, "name");
    names.insert(SharedRole, "shared");
    names.insert(OwnerIdRole, "ownerId");
    names.insert(ItemRole, "item");
    return names;
}

} // namespace models
