#include "unreadtracker.h"

#include "client/apiclient.h"
#include "client/apijob.h"
#include "tickettablemodel.h"

using namespace Qt::StringLiterals;

namespace models {
namespace {

QString seenPath(qint64 id)
{
    return u"/tickets/%1/seen"_s.arg(id);
}

// A ticket.updated that may be news: a status, priority or assignee change (by whom, the
// stream does not say). Clocks, title and visibility are not news.
bool mayBeNews(const QJsonObject &changes)
{
    return changes.contains(u"status") || changes.contains(u"priority") ||
           changes.contains(u"assigneeId");
}

} // namespace

UnreadTracker::UnreadTracker(client::ApiClient *api, TicketTableModel *table,
                             std::function<qint64()> latestSeq, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_table(table)
    , m_latestSeq(std::move(latestSeq))
{
    m_fetchTimer.setSingleShot(true);
    m_fetchTimer.setInterval(50);
    connect(&m_fetchTimer, &QTimer::timeout, this, &UnreadTracker::fetchQueued);
}

void UnreadTracker::setDelay(int ms)
{
    m_delayMs = qMax(0, ms);
}

void UnreadTracker::setOpenTicket(qint64 id)
{
    if (id == m_open)
        return;
    const qint64 before = std::exchange(m_open, id);
    if (!isOpen(before))
        closed(before);
    if (id != 0) {
        m_keptUnread.remove(id); // opened again
        startTimer(id);
    }
}

void UnreadTracker::addWindowTicket(qint64 id)
{
    if (id == 0 || m_windows.contains(id))
        return;
    m_windows.insert(id);
    m_keptUnread.remove(id);
    startTimer(id);
}

void UnreadTracker::removeWindowTicket(qint64 id)
{
    if (m_windows.remove(id) && !isOpen(id))
        closed(id);
}

void UnreadTracker::startTimer(qint64 id)
{
    QTimer *&timer = m_timers[id];
    if (!timer) {
        timer = new QTimer(this);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, id] { markSeen(id); });
    }
    timer->start(m_delayMs);
}

void UnreadTracker::closed(qint64 id)
{
    m_keptUnread.remove(id);
    if (QTimer *timer = m_timers.take(id))
        timer->deleteLater();
}

void UnreadTracker::markSeen(qint64 id)
{
    if (id == 0 || m_keptUnread.contains(id))
        return;
    const core::TicketSummary *row = m_table->summary(id);
    if (row && !row->unread.value_or(false) && !m_pending.contains(id))
        return;                    // read already
    m_table->setUnread(id, false); // at once; a refusal shows it unread again
    m_pendingUnread.remove(id);
    m_pending.insert(id);
    sendSeen(id);
}

void UnreadTracker::sendSeen(qint64 id)
{
    const qint64 seq = m_latestSeq ? m_latestSeq() : -1;
    if (seq < 0)
        return; // no event yet to say up to where: goes out with the first one
    client::ApiJob *job = m_api->put(seenPath(id), {{u"seq"_s, seq}});
    m_sending.insert(id);
    connect(job, &client::ApiJob::finished, this, [this, id](const client::ApiResult &r) {
        m_sending.remove(id);
        if (r.ok()) {
            m_pending.remove(id);
            m_table->setUnread(id, r.object().value(u"unread"_s).toBool());
            Q_EMIT countsChanged();
            return;
        }
        if (r.error.isTransient() || r.error.kind == client::ApiError::Kind::Canceled)
            return; // stays pending: sent again on reconnect
        // Refused: not read on the server, so not shown read.
        m_pending.remove(id);
        m_table->setUnread(id, true);
        refetch(id);
        Q_EMIT errorOccurred(r.error);
    });
}

void UnreadTracker::retryPending()
{
    const QSet<qint64> pending = m_pending;
    for (qint64 id : pending) {
        if (!m_sending.contains(id))
            sendSeen(id);
    }
    const QSet<qint64> unread = m_pendingUnread;
    for (qint64 id : unread) {
        if (!m_sending.contains(id))
            sendUnread(id);
    }
}

void UnreadTracker::markUnread(qint64 id)
{
    if (id == 0)
        return;
    m_pending.remove(id);
    if (isOpen(id)) {
        if (QTimer *timer = m_timers.value(id))
            timer->stop();
        m_keptUnread.insert(id);
    }
    m_table->setUnread(id, true);
    m_pendingUnread.insert(id);
    sendUnread(id);
}

void UnreadTracker::sendUnread(qint64 id)
{
    client::ApiJob *job = m_api->deleteResource(seenPath(id));
    m_sending.insert(id);
    connect(job, &client::ApiJob::finished, this, [this, id](const client::ApiResult &r) {
        m_sending.remove(id);
        if (!m_pendingUnread.contains(id))
            return; // marked seen since: that wins
        if (r.ok()) {
            m_pendingUnread.remove(id);
            m_table->setUnread(id, r.object().value(u"unread"_s).toBool());
            Q_EMIT countsChanged();
            return;
        }
        // Found using it: Shift+U while the server was away was lost once it came back.
        // Unreachable: kept (shown unread) and sent again on reconnect, as seen marks are.
        if (r.error.isTransient() || r.error.kind == client::ApiError::Kind::Canceled)
            return;
        m_pendingUnread.remove(id);
        refetch(id); // what the server holds
        Q_EMIT errorOccurred(r.error);
    });
}

void UnreadTracker::applyEvent(const core::Event &event)
{
    const QString &type = event.type;
    const qint64 id = event.ticketId;
    if (type == u"ticket.seen") {
        const bool unread = event.data.value(u"unread"_s).toBool();
        if (!unread)
            m_pending.remove(id);
        if (!unread || !m_pending.contains(id))
            m_table->setUnread(id, unread);
    } else if (type == u"message.created" || type == u"note.created") {
        const core::Post post = core::Post::fromJson(event.data);
        if (!(post.author.type == u"staff" && post.author.id == m_myId))
            news(id);
    } else if (type == u"rating.created") {
        news(id);
    } else if (type == u"ticket.created") {
        refetch(id);
    } else if (type == u"ticket.updated" && mayBeNews(event.data.value(u"changes"_s).toObject())) {
        refetch(id);
    }
    // Marks that waited for a seq to name go out now.
    if (!m_pending.isEmpty() && m_sending.isEmpty())
        retryPending();
}

void UnreadTracker::news(qint64 id)
{
    if (id == 0)
        return;
    m_table->setUnread(id, true);
    if (isOpen(id) && !m_keptUnread.contains(id))
        startTimer(id);
    Q_EMIT countsChanged();
}

void UnreadTracker::refetch(qint64 id)
{
    if (id == 0)
        return;
    // A little later: the table takes the event first (a new row), and a burst is one round.
    if (!m_fetchTimer.isActive())
        m_fetchTimer.start();
    m_toFetch.insert(id);
}

void UnreadTracker::fetchQueued()
{
    const QSet<qint64> ids = std::exchange(m_toFetch, {});
    if (ids.size() > MaxSingleFetches) {
        m_table->reload(); // the server's marks for every loaded row
        for (qint64 id : ids) {
            if (isOpen(id))
                refetch(id); // perhaps not a loaded row
        }
        return;
    }
    for (qint64 id : ids) {
        if ((m_table->rowOf(id) < 0 && !isOpen(id)) || m_fetching.contains(id))
            continue;
        m_fetching.insert(id);
        client::ApiJob *job = m_api->get(u"/tickets/%1"_s.arg(id));
        connect(job, &client::ApiJob::finished, this, [this, id](const client::ApiResult &r) {
            m_fetching.remove(id);
            if (!r.ok())
                return;
            const QJsonObject ticket = r.object();
            const bool unread = ticket.value(u"unread"_s).toBool();
            if (m_pending.contains(id) && unread)
                return; // my mark is on its way (or waits for the server)
            m_table->applyTicket(ticket);
            m_table->setUnread(id, unread || m_pendingUnread.contains(id));
            if (unread && isOpen(id) && !m_keptUnread.contains(id))
                startTimer(id);
        });
    }
}

} // namespace models
