// TicketTableModel, the live part: events change rows in place, reload() merges the
// server's current list into the rows; both without a reset.

#include "tickettablemodel.h"

#include "client/apiclient.h"
#include "client/apijob.h"
#include "client/outbox.h"
#include "directory.h"

#include <QDateTime>
#include <algorithm>

using namespace Qt::StringLiterals;
using core::SortKey;
using core::TicketSummary;

namespace models {

void TicketTableModel::reload()
{
    if (!m_active)
        return;
    cancelJob();
    m_reloading = true;
    m_reloadRows.clear();
    m_touched.clear();
    m_reloadTarget = qMax(int(m_rows.size()), PageSize);
    fetchReloadPage(QString());
}

void TicketTableModel::fetchReloadPage(const QString &cursor)
{
    core::TicketQuery q = m_query.resolved(QDateTime::currentDateTime());
    q.limit = qMin(core::TicketQuery::MaxLimit, m_reloadTarget - int(m_reloadRows.size()));
    q.cursor = cursor;
    client::ApiJob *job = m_api->get(u"/tickets"_s, q.toUrlQuery());
    connect(job, &client::ApiJob::finished, this, &TicketTableModel::onReloadPage);
    setLoading(job);
}

void TicketTableModel::onReloadPage(const client::ApiResult &result)
{
    if (!result.ok()) {
        setLoading(nullptr);
        m_reloading = false;
        if (result.error.kind != client::ApiError::Kind::Canceled)
            Q_EMIT errorOccurred(result.error);
        return;
    }
    const QJsonArray items = result.items();
    for (const QJsonValue &v : items)
        m_reloadRows.append(TicketSummary::fromJson(v.toObject()));
    const QString next = result.object().value(u"nextCursor"_s).toString();
    if (!next.isEmpty() && m_reloadRows.size() < m_reloadTarget) {
        fetchReloadPage(next);
        return;
    }
    m_nextCursor = next;
    m_atEnd = next.isEmpty();
    m_hasCursorRow = !m_reloadRows.isEmpty();
    if (m_hasCursorRow)
        m_cursorRow = m_reloadRows.last();
    m_failed = false;
    mergeReload();
    m_reloading = false;
    m_reloadRows.clear();
    m_touched.clear();
    setLoading(nullptr);
    Q_EMIT pageLoaded(true, int(m_rows.size()));
}

void TicketTableModel::mergeReload()
{
    // Rows the events changed while the pages were on their way are newer than the
    // server's answer and stay as they are; so does the pinned row.
    QSet<qint64> wanted;
    for (const TicketSummary &t : std::as_const(m_reloadRows))
        wanted.insert(t.id);
    auto keep = [&](qint64 id) {
        return id == m_pinned || m_touched.contains(id);
    };
    if (rowOf(m_pinned) >= 0)
        m_pinnedStale = !wanted.contains(m_pinned);
    // Vanished rows leave, in runs from the bottom so that fewer signals go out.
    for (int row = int(m_rows.size()) - 1; row >= 0;) {
        if (wanted.contains(m_rows[row].id) || keep(m_rows[row].id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !wanted.contains(m_rows[first - 1].id) && !keep(m_rows[first - 1].id))
            --first;
        beginRemoveRows({}, first, row);
        for (int i = first; i <= row; ++i)
            m_rowOf.remove(m_rows[i].id);
        m_rows.remove(first, row - first + 1);
        reindex(first);
        endRemoveRows();
        row = first - 1;
    }
    // Walk the server's order; rows kept without being in it are stepped over in place.
    int p = 0;
    for (const TicketSummary &t : std::as_const(m_reloadRows)) {
        while (p < m_rows.size() && !wanted.contains(m_rows[p].id))
            ++p;
        const int row = rowOf(t.id);
        if (row < 0) {
            if (m_touched.contains(t.id))
                continue; // an event removed it after the server answered
            insertRow(p++, t);
            continue;
        }
        moveRowTo(row, p);
        if (t.version > m_rows[p].version ||
            (t.version == m_rows[p].version && !m_touched.contains(t.id)))
            replaceRow(p, t);
        ++p;
    }
}

void TicketTableModel::setOutbox(client::Outbox *outbox)
{
    m_outbox = outbox;
    connect(m_outbox, &client::Outbox::changed, this, [this](qint64 ticketId) {
        if (const int row = rowOf(ticketId); row >= 0)
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    });
    // The answer holds the new values: no moment of the old ones before the event comes.
    connect(m_outbox, &client::Outbox::edited, this,
            [this](const client::OutboxItem &, const QJsonObject &ticket) {
                applySummary(TicketSummary::fromJson(ticket));
            });
}

void TicketTableModel::setDirectory(const Directory *directory)
{
    if (m_directory)
        disconnect(m_directory, nullptr, this, nullptr);
    m_directory = directory;
    if (!directory)
        return;
    connect(directory, &Directory::loaded, this, &TicketTableModel::unsentAssigneesChanged);
    connect(directory, &Directory::staffMemberChanged, this,
            &TicketTableModel::unsentAssigneesChanged);
    unsentAssigneesChanged();
}

void TicketTableModel::unsentAssigneesChanged()
{
    // Only unsent assignees are named from the directory; the server names the others.
    if (!m_outbox)
        return;
    QSet<qint64> done;
    for (const client::OutboxItem &item : m_outbox->allItems()) {
        const int row = rowOf(item.ticketId);
        if (item.kind != client::OutboxItem::Kind::Edit || row < 0 || done.contains(item.ticketId))
            continue;
        done.insert(item.ticketId);
        const QModelIndex cell = index(row, AssigneeColumn);
        Q_EMIT dataChanged(cell, cell);
    }
}

void TicketTableModel::applyEvent(const core::Event &event)
{
    const QString &type = event.type;
    if (type == u"ticket.created" || type == u"ticket.updated") {
        applySummary(TicketSummary::fromJson(event.data));
        return;
    }
    const bool message = type == u"message.created";
    const bool rating = type == u"rating.created";
    if (!message && !rating)
        return;
    const int row = rowOf(event.ticketId);
    if (row < 0) {
        // It may now belong near the top of a list sorted by activity: ask for it.
        const QList<SortKey> sort = effectiveSort();
        const bool byActivity = std::any_of(sort.cbegin(), sort.cend(), [](const SortKey &k) {
            return k.field == SortKey::Field::UpdatedAt;
        });
        if (byActivity && isJudgeable() && m_active)
            fetchTicket(event.ticketId);
        return;
    }
    // Messages and ratings are activity: updatedAt moves on, the version stays.
    TicketSummary t = m_rows[row];
    t.updatedAt = qMax(t.updatedAt, event.at);
    if (rating && event.data.value(u"stars"_s).isDouble())
        t.ratingStars = event.data.value(u"stars"_s).toInt();
    applySummary(t);
}

void TicketTableModel::applyTicket(const QJsonObject &ticket)
{
    applySummary(TicketSummary::fromJson(ticket));
}

void TicketTableModel::fetchTicket(qint64 id)
{
    if (m_fetching.contains(id))
        return;
    m_fetching.insert(id);
    client::ApiJob *job = m_api->get(u"/tickets/"_s + QString::number(id));
    connect(job, &client::ApiJob::finished, this, [this, id](const client::ApiResult &r) {
        m_fetching.remove(id);
        if (r.ok())
            applySummary(TicketSummary::fromJson(r.object()));
    });
}

void TicketTableModel::setUnread(qint64 id, bool unread)
{
    const int row = rowOf(id);
    if (row < 0 || m_rows[row].unread == unread)
        return;
    TicketSummary t = m_rows[row];
    t.unread = unread;
    replaceRow(row, t);
}

void TicketTableModel::applySummary(const TicketSummary &given)
{
    if (!m_active || given.id <= 0)
        return;
    TicketSummary t = given;
    // Events carry no `unread` (each staff member's own): the row keeps its mark.
    if (const int shown = rowOf(t.id); shown >= 0 && !t.unread)
        t.unread = m_rows[shown].unread;
    if (m_reloading)
        m_touched.insert(t.id);
    const int row = rowOf(t.id);
    const bool pinned = t.id == m_pinned;
    if (row < 0) {
        if (isJudgeable() && matches(t) && inLoadedRange(t))
            insertRow(sortedPosition(t), t);
        return;
    }
    if (t.version < m_rows[row].version)
        return; // an older state than the one shown
    const bool match = matches(t);
    // A row that now sorts past the loaded range leaves too: a later page brings it.
    if (!pinned && (!match || !inLoadedRange(t))) {
        removeRowAt(row);
        return;
    }
    if (pinned)
        m_pinnedStale = !match;
    replaceRow(row, t);
    // Most changes keep the row between its neighbours (O(1), e.g. a bulk edit of 500 rows
    // sorted by creation); only otherwise is its place looked for.
    const bool inPlace = (row == 0 || !lessThan(t, m_rows[row - 1])) &&
                         (row + 1 >= m_rows.size() || !lessThan(m_rows[row + 1], t));
    if (!inPlace)
        moveRowTo(row, sortedPosition(t, row));
}

void TicketTableModel::setPinnedTicket(qint64 id)
{
    if (id == m_pinned)
        return;
    const qint64 previous = std::exchange(m_pinned, id);
    const bool stale = std::exchange(m_pinnedStale, false);
    const int row = rowOf(previous);
    if (stale && row >= 0)
        removeRowAt(row);
}

} // namespace models
