#include "outbox.h"

#include "apiclient.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace client {

namespace {

constexpr int InitialRetryMs = 2000;
constexpr int MaxRetryMs = 60000;

QString kindName(OutboxItem::Kind kind)
{
    switch (kind) {
    case OutboxItem::Kind::Note:
        return u"note"_s;
    case OutboxItem::Kind::Edit:
        return u"edit"_s;
    case OutboxItem::Kind::Message:
        break;
    }
    return u"message"_s;
}

QJsonObject merged(QJsonObject base, const QJsonObject &later)
{
    for (auto it = later.begin(); it != later.end(); ++it)
        base.insert(it.key(), it.value());
    return base;
}

QJsonObject toJson(const OutboxItem &item)
{
    return {{u"key"_s, item.key},
            {u"ticketId"_s, item.ticketId},
            {u"kind"_s, kindName(item.kind)},
            {u"body"_s, item.body},
            {u"attachmentIds"_s, QJsonArray::fromStringList(item.attachmentIds)},
            {u"changes"_s, item.changes},
            {u"ifMatch"_s, item.ifMatch},
            {u"queuedAt"_s, item.queuedAt},
            {u"error"_s, item.error},
            {u"errorStatus"_s, item.errorStatus}};
}

OutboxItem itemFromJson(const QJsonObject &o)
{
    OutboxItem item;
    item.key = o.value(u"key"_s).toString();
    item.ticketId = o.value(u"ticketId"_s).toInteger();
    const QString kind = o.value(u"kind"_s).toString();
    item.kind = kind == u"note"   ? OutboxItem::Kind::Note
                : kind == u"edit" ? OutboxItem::Kind::Edit
                                  : OutboxItem::Kind::Message;
    item.body = o.value(u"body"_s).toString();
    for (const QJsonValue &v : o.value(u"attachmentIds"_s).toArray())
        item.attachmentIds.append(v.toString());
    item.changes = o.value(u"changes"_s).toObject();
    item.ifMatch = o.value(u"ifMatch"_s).toInteger();
    item.queuedAt = o.value(u"queuedAt"_s).toInteger();
    item.error = o.value(u"error"_s).toString();
    item.errorStatus = o.value(u"errorStatus"_s).toInt();
    return item;
}

// The server has the key but has not finished with it (a concurrent request): asking
// again later gets the stored answer. Other 409s (a closed ticket) are final.
bool isKeyInFlight(const ApiError &error)
{
    return error.status == 409 &&
           (error.code.contains(u"flight"_s) || error.code.contains(u"idempotency"_s) ||
            error.code.contains(u"in_progress"_s));
}

} // namespace

core::TicketSummary withChanges(core::TicketSummary summary, const QJsonObject &changes)
{
    if (changes.contains(u"title"))
        summary.title = changes.value(u"title").toString();
    if (const auto s = core::parseStatus(changes.value(u"status").toString()))
        summary.status = *s;
    if (const auto p = core::parsePriority(changes.value(u"priority").toString()))
        summary.priority = *p;
    if (const auto v = core::parseVisibility(changes.value(u"visibility").toString()))
        summary.visibility = *v;
    if (changes.contains(u"assigneeId")) {
        const std::optional<qint64> id = core::optionalIdFrom(changes.value(u"assigneeId"));
        if (id != summary.assigneeId)
            summary.assigneeName.clear();
        summary.assigneeId = id;
    }
    return summary;
}

Outbox::Outbox(ApiClient *api, const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_filePath(filePath)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &Outbox::sendPending);
    load();
    // Whatever a previous run left unconfirmed goes out now.
    sendPending();
}

Outbox::~Outbox() = default;

QString Outbox::enqueue(qint64 ticketId, OutboxItem::Kind kind, const QString &body,
                        const QStringList &attachmentIds)
{
    for (const OutboxItem &item : std::as_const(m_items)) {
        if (item.error.isEmpty() && item.ticketId == ticketId && item.kind == kind &&
            item.body == body && item.attachmentIds == attachmentIds)
            return item.key;
    }
    OutboxItem item;
    item.ticketId = ticketId;
    item.kind = kind;
    item.body = body;
    item.attachmentIds = attachmentIds;
    return queue(std::move(item));
}

QString Outbox::queue(OutboxItem item)
{
    item.key = QString::fromLatin1(ApiClient::newIdempotencyKey());
    item.queuedAt = QDateTime::currentMSecsSinceEpoch();
    m_items.append(item);
    // On disk before it is on the wire: a crash from here on loses nothing.
    save();
    Q_EMIT changed(item.ticketId);
    send(item.key);
    return item.key;
}

QString Outbox::enqueueEdit(qint64 ticketId, const QJsonObject &changes, qint64 ifMatch)
{
    if (changes.isEmpty())
        return {};
    for (OutboxItem &item : m_items) {
        if (item.kind == OutboxItem::Kind::Edit && item.ticketId == ticketId &&
            item.error.isEmpty() && !m_inFlight.contains(item.key)) {
            // Not on the wire yet: one PATCH with both, on the version of the first.
            item.changes = merged(item.changes, changes);
            save();
            Q_EMIT changed(ticketId);
            return item.key;
        }
    }
    OutboxItem item;
    item.ticketId = ticketId;
    item.kind = OutboxItem::Kind::Edit;
    item.changes = changes;
    item.ifMatch = ifMatch;
    return queue(std::move(item));
}

QJsonObject Outbox::pendingEdit(qint64 ticketId) const
{
    QJsonObject changes;
    for (const OutboxItem &item : m_items) {
        if (item.kind == OutboxItem::Kind::Edit && item.ticketId == ticketId &&
            item.error.isEmpty())
            changes = merged(changes, item.changes);
    }
    return changes;
}

QList<OutboxItem> Outbox::items(qint64 ticketId, OutboxItem::Kind kind) const
{
    QList<OutboxItem> out;
    for (const OutboxItem &item : m_items) {
        if (item.ticketId == ticketId && item.kind == kind)
            out.append(item);
    }
    return out;
}

void Outbox::discard(const QString &key)
{
    const qsizetype i = indexOf(key);
    if (i < 0)
        return;
    const qint64 ticketId = m_items.at(i).ticketId;
    m_items.removeAt(i);
    save();
    Q_EMIT changed(ticketId);
}

void Outbox::retryAll()
{
    m_retryMs = InitialRetryMs;
    sendPending();
}

void Outbox::sendPending()
{
    m_retry.stop();
    const QList<OutboxItem> pending = m_items;
    for (const OutboxItem &item : pending) {
        if (item.error.isEmpty())
            send(item.key);
    }
}

void Outbox::send(const QString &key)
{
    const qsizetype i = indexOf(key);
    if (i < 0 || m_inFlight.contains(key) || !m_items.at(i).error.isEmpty())
        return;
    // Not signed in (yet, or any more): the owner calls retryAll() after the login.
    if (m_api->token().isEmpty())
        return;
    if (waitsForEarlierEdit(i))
        return; // sent once the one before it is answered, on the version it brings
    const OutboxItem &item = m_items.at(i);
    if (item.kind == OutboxItem::Kind::Edit) {
        m_inFlight.append(key);
        ApiJob *job = m_api->patch(u"/tickets/%1"_s.arg(item.ticketId), item.changes, item.ifMatch,
                                   key.toLatin1());
        connect(job, &ApiJob::finished, this,
                [this, key](const ApiResult &result) { onAnswer(key, result); });
        return;
    }
    const QString path = u"/tickets/%1/%2"_s.arg(item.ticketId)
                             .arg(item.kind == OutboxItem::Kind::Note ? u"notes"_s : u"messages"_s);
    const QJsonObject body{{u"body"_s, item.body},
                           {u"attachmentIds"_s, QJsonArray::fromStringList(item.attachmentIds)}};
    m_inFlight.append(key);
    ApiJob *job = m_api->post(path, body, key.toLatin1());
    connect(job, &ApiJob::finished, this,
            [this, key](const ApiResult &result) { onAnswer(key, result); });
}

void Outbox::onAnswer(const QString &key, const ApiResult &result)
{
    m_inFlight.removeAll(key);
    const qsizetype i = indexOf(key);
    if (i < 0)
        return; // discarded meanwhile; the event stream shows it if the server took it
    const OutboxItem item = m_items.at(i);
    if (result.ok()) {
        m_items.removeAt(i);
        m_retryMs = InitialRetryMs;
        if (item.kind == OutboxItem::Kind::Edit) {
            onEditApplied(item, result.object());
            return;
        }
        save();
        Q_EMIT sent(item, core::Post::fromJson(result.object()));
        Q_EMIT changed(item.ticketId);
        return;
    }
    const ApiError &error = result.error;
    if (error.kind == ApiError::Kind::Canceled)
        return;
    if (error.status == 401)
        return; // the session ended: waits for retryAll() after the next login
    if (error.isTransient() || isKeyInFlight(error)) {
        int delay = m_retryMs;
        bool ok = false;
        const int retryAfter = result.header("Retry-After").trimmed().toInt(&ok);
        if (ok && retryAfter > 0)
            delay = std::max(delay, std::min(retryAfter * 1000, MaxRetryMs));
        // One timer for all items: a round of failures doubles the delay once.
        if (!m_retry.isActive()) {
            m_retry.start(delay);
            m_retryMs = std::min(m_retryMs * 2, MaxRetryMs);
        }
        return;
    }
    m_items[i].error = error.message.isEmpty() ? error.code : error.message;
    m_items[i].errorStatus = error.status;
    save();
    const OutboxItem refused = m_items.at(i); // a slot may discard it from the list
    Q_EMIT failed(refused, error);
    Q_EMIT changed(item.ticketId);
}

bool Outbox::waitsForEarlierEdit(qsizetype index) const
{
    const OutboxItem &item = m_items.at(index);
    if (item.kind != OutboxItem::Kind::Edit)
        return false;
    for (qsizetype i = 0; i < index; ++i) {
        const OutboxItem &earlier = m_items.at(i);
        if (earlier.kind == OutboxItem::Kind::Edit && earlier.ticketId == item.ticketId &&
            earlier.error.isEmpty())
            return true;
    }
    return false;
}

void Outbox::onEditApplied(const OutboxItem &item, const QJsonObject &ticket)
{
    // The next edit of this ticket was made on top of this one (the user saw it as
    // pending): it goes out on the version this one brought.
    const qint64 version = ticket.value(u"version"_s).toInteger();
    QString next;
    for (OutboxItem &later : m_items) {
        if (later.kind == OutboxItem::Kind::Edit && later.ticketId == item.ticketId &&
            later.error.isEmpty()) {
            if (later.ifMatch == item.ifMatch && version > 0)
                later.ifMatch = version;
            next = later.key;
            break;
        }
    }
    save();
    Q_EMIT edited(item, ticket);
    Q_EMIT changed(item.ticketId);
    if (!next.isEmpty())
        send(next);
}

qsizetype Outbox::indexOf(const QString &key) const
{
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).key == key)
            return i;
    }
    return -1;
}

void Outbox::save() const
{
    QJsonArray array;
    for (const OutboxItem &item : m_items)
        array.append(toJson(item));
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(array).toJson(QJsonDocument::Compact)) < 0 || !file.commit()) {
        // Sending goes on: losing the copy on disk is better than not sending at all.
        qWarning("Outbox: cannot write %s: %s", qPrintable(m_filePath),
                 qPrintable(file.errorString()));
    }
}

void Outbox::load()
{
    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadOnly))
        return; // nothing queued yet
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("Outbox: %s is unreadable (%s)", qPrintable(m_filePath),
                 qPrintable(error.errorString()));
    const QJsonArray array = doc.array();
    for (const QJsonValue &v : array) {
        OutboxItem item = itemFromJson(v.toObject());
        if (!item.key.isEmpty() && item.ticketId > 0)
            m_items.append(item);
    }
}

} // namespace client
