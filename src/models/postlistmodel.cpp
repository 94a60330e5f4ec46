#include "postlistmodel.h"

#include "client/apiclient.h"
#include "client/apijob.h"
#include "client/outbox.h"

#include <QDateTime>
#include <QUrlQuery>
#include <QVariantMap>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace models {

namespace {

// The server's largest page: a conversation rarely needs a second request.
constexpr int PageSize = 200;

QVariantMap attachmentMap(const core::Attachment &a)
{
    return {{u"id"_s, a.id},
            {u"name"_s, a.name},
            {u"size"_s, a.size},
            {u"contentType"_s, a.contentType}};
}

} // namespace

PostListModel::PostListModel(client::ApiClient *api, client::Outbox *outbox, Kind kind,
                             QObject *parent)
    : QAbstractListModel(parent)
    , m_api(api)
    , m_outbox(outbox)
    , m_kind(kind)
{
    if (m_outbox) {
        connect(m_outbox, &client::Outbox::changed, this, [this](qint64 ticketId) {
            if (ticketId == m_ticketId && m_ticketId != 0)
                refreshPending();
        });
        connect(m_outbox, &client::Outbox::sent, this, &PostListModel::onSent);
    }
}

PostListModel::~PostListModel()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
}

client::OutboxItem::Kind PostListModel::outboxKind() const
{
    return m_kind == Kind::Messages ? client::OutboxItem::Kind::Message
                                    : client::OutboxItem::Kind::Note;
}

void PostListModel::setTicket(qint64 ticketId)
{
    ++m_generation;
    if (m_job) {
        // Disconnect first: the abort's finished() must not reach the new ticket.
        m_job->disconnect(this);
        m_job->abort();
        m_job = nullptr;
    }
    beginResetModel();
    m_ticketId = ticketId;
    m_posts.clear();
    m_postIds.clear();
    m_early.clear();
    m_confirmedKeys.clear();
    m_pendingItems.clear();
    if (m_outbox && ticketId != 0)
        m_pendingItems = m_outbox->items(ticketId, outboxKind());
    endResetModel();

    if (ticketId == 0) {
        setLoading(false);
        return;
    }
    setLoading(true);
    fetchPage(0);
}

void PostListModel::fetchPage(qint64 after)
{
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(PageSize));
    if (after > 0)
        query.addQueryItem(u"after"_s, QString::number(after));
    const QString path = m_kind == Kind::Messages ? u"/tickets/%1/messages"_s.arg(m_ticketId)
                                                  : u"/tickets/%1/notes"_s.arg(m_ticketId);
    m_job = m_api->get(path, query);
    const quint64 generation = m_generation;
    connect(m_job, &client::ApiJob::finished, this,
            [this, generation](const client::ApiResult &result) {
                if (generation != m_generation)
                    return; // an answer for the ticket shown before
                onPage(result);
            });
}

void PostListModel::onPage(const client::ApiResult &result)
{
    m_job = nullptr;
    if (!result.ok()) {
        finishLoading();
        Q_EMIT errorOccurred(result.error);
        return;
    }
    const QJsonArray items = result.items();
    QList<core::Post> page;
    page.reserve(items.size());
    for (const QJsonValue &v : items) {
        core::Post post = core::Post::fromJson(v.toObject());
        if (post.ticketId == 0)
            post.ticketId = m_ticketId;
        if (!m_postIds.contains(post.id))
            page.append(post);
    }
    std::sort(page.begin(), page.end(),
              [](const core::Post &a, const core::Post &b) { return a.seq < b.seq; });
    const bool appends =
        !page.isEmpty() && (m_posts.isEmpty() || page.first().seq > m_posts.last().seq);
    if (appends) {
        // One insert for the whole page: pages come in seq order.
        const int first = int(m_posts.size());
        beginInsertRows({}, first, first + int(page.size()) - 1);
        for (const core::Post &post : std::as_const(page)) {
            m_posts.append(post);
            m_postIds.insert(post.id);
        }
        endInsertRows();
    } else {
        for (const core::Post &post : std::as_const(page))
            insertPost(post);
    }

    const QJsonValue next = result.object().value(u"nextCursor"_s);
    qint64 after = 0;
    if (next.isString())
        after = next.toString().toLongLong();
    else if (next.isDouble())
        after = next.toInteger();
    if (after > 0 && !items.isEmpty()) {
        fetchPage(after);
        return;
    }
    finishLoading();
}

void PostListModel::finishLoading()
{
    const QList<core::Post> early = std::exchange(m_early, {});
    for (const core::Post &post : early)
        insertPost(post);
    setLoading(false);
}

void PostListModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

bool PostListModel::isLoading() const
{
    return m_loading;
}

void PostListModel::insertPost(const core::Post &post)
{
    if (m_postIds.contains(post.id))
        return;
    const auto at = std::lower_bound(m_posts.cbegin(), m_posts.cend(), post.seq,
                                     [](const core::Post &p, qint64 seq) { return p.seq < seq; });
    if (at != m_posts.cend() && at->seq == post.seq)
        return; // the same sequence number: the same post, seen twice
    const int row = int(at - m_posts.cbegin());
    beginInsertRows({}, row, row);
    m_posts.insert(row, post);
    m_postIds.insert(post.id);
    endInsertRows();
}

void PostListModel::applyEvent(const core::Event &event)
{
    if (m_ticketId == 0 || event.ticketId != m_ticketId)
        return;
    const QString wanted = m_kind == Kind::Messages ? u"message.created"_s : u"note.created"_s;
    if (event.type != wanted)
        return;
    core::Post post = core::Post::fromJson(event.data);
    if (post.id == 0)
        return;
    if (post.ticketId == 0)
        post.ticketId = m_ticketId;
    if (m_loading) {
        // The load's answer may or may not contain it yet: merged when the load is done.
        m_early.append(post);
        return;
    }
    insertPost(post);
}

void PostListModel::onSent(const client::OutboxItem &item, const core::Post &post)
{
    if (m_ticketId == 0 || item.ticketId != m_ticketId || item.kind != outboxKind())
        return;
    // The pending row becomes the post, whether or not the event already brought it.
    m_confirmedKeys.insert(item.key);
    refreshPending();
    core::Post confirmed = post;
    if (confirmed.ticketId == 0)
        confirmed.ticketId = m_ticketId;
    if (m_loading)
        m_early.append(confirmed);
    else
        insertPost(confirmed);
}

void PostListModel::refreshPending()
{
    QList<client::OutboxItem> wanted;
    if (m_outbox && m_ticketId != 0) {
        const QList<client::OutboxItem> items = m_outbox->items(m_ticketId, outboxKind());
        for (const client::OutboxItem &item : items) {
            if (!m_confirmedKeys.contains(item.key))
                wanted.append(item);
        }
    }
    const int base = int(m_posts.size());
    // Rows that left the outbox go, back to front so that row numbers stay valid.
    for (int i = int(m_pendingItems.size()) - 1; i >= 0; --i) {
        const QString key = m_pendingItems.at(i).key;
        const bool stays =
            std::any_of(wanted.cbegin(), wanted.cend(),
                        [&key](const client::OutboxItem &w) { return w.key == key; });
        if (!stays) {
            beginRemoveRows({}, base + i, base + i);
            m_pendingItems.removeAt(i);
            endRemoveRows();
        }
    }
    // Rows still there take the outbox's state (an error may have come); new ones follow.
    for (const client::OutboxItem &item : std::as_const(wanted)) {
        const auto it =
            std::find_if(m_pendingItems.begin(), m_pendingItems.end(),
                         [&item](const client::OutboxItem &p) { return p.key == item.key; });
        if (it != m_pendingItems.end()) {
            if (it->error != item.error || it->body != item.body ||
                it->attachmentIds != item.attachmentIds) {
                *it = item;
                const QModelIndex idx = index(base + int(it - m_pendingItems.begin()));
                Q_EMIT dataChanged(idx, idx);
            }
            continue;
        }
        const int row = base + int(m_pendingItems.size());
        beginInsertRows({}, row, row);
        m_pendingItems.append(item);
        endInsertRows();
    }
}

int PostListModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_posts.size() + m_pendingItems.size());
}

QVariant PostListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    if (row < m_posts.size())
        return postData(m_posts.at(row), role);
    return pendingData(m_pendingItems.at(row - m_posts.size()), role);
}

QVariant PostListModel::postData(const core::Post &post, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole:
        return post.body;
    case IdRole:
        return post.id;
    case SeqRole:
        return post.seq;
    case AuthorNameRole:
        return post.author.name;
    case AuthorTypeRole:
        return post.author.type;
    case CreatedAtRole:
        return QDateTime::fromMSecsSinceEpoch(post.createdAt, Qt::UTC).toLocalTime();
    case AttachmentsRole: {
        QVariantList list;
        for (const core::Attachment &a : post.attachments)
            list.append(attachmentMap(a));
        return list;
    }
    case PendingRole:
        return false;
    case FailedRole:
    case OutboxKeyRole:
        return QString();
    case MineRole:
        return post.author.type == u"staff" && m_api && post.author.id == m_api->myId();
    default:
        return {};
    }
}

QVariant PostListModel::pendingData(const client::OutboxItem &item, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole:
        return item.body;
    case IdRole:
    case SeqRole:
        return qint64(0);
    case AuthorNameRole:
        return tr("You");
    case AuthorTypeRole:
        return u"staff"_s;
    case CreatedAtRole:
        return QDateTime::fromMSecsSinceEpoch(item.queuedAt, Qt::UTC).toLocalTime();
    case AttachmentsRole: {
        // Only the ids are known until the server confirms the post.
        QVariantList list;
        for (const QString &id : item.attachmentIds)
            list.append(QVariantMap{{u"id"_s, id}});
        return list;
    }
    case PendingRole:
        return true;
    case FailedRole:
        return item.error;
    case OutboxKeyRole:
        return item.key;
    case MineRole:
        return true;
    default:
        return {};
    }
}

} // namespace models
