#pragma once

#include "client/apiresult.h"
#include "core/types.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <functional>

namespace client {
class ApiClient;
}

namespace models {

class TicketTableModel;

// Keeps the table's unread marks (mine: the events carry none) right and marks tickets seen:
// - a ticket open in the detail pane or in a window of its own for `delay` ms is marked seen
//   up to the latest event seq the client has (PUT /tickets/{id}/seen); the row loses its
//   bold at once;
// - news by someone else makes a row unread: a message or a note (their author is known)
//   and a rating at once; a creation or a status, priority or assignee change (the stream
//   does not say by whom) by asking the server for the ticket; a clocks-only update is no
//   news; a `ticket.seen` event sets the mark as the server says;
// - a mark the server could not take (unreachable, or no seq known yet) stays pending and
//   goes out again on reconnect or with the next event; one it refused shows unread again.
class UnreadTracker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnreadTracker)

public:
    static constexpr int DefaultDelayMs = 1000;
    // More tickets to ask about at once than this (a bulk edit): the loaded rows are read
    // again instead, in a few pages.
    static constexpr int MaxSingleFetches = 20;

    // `latestSeq`: the seq of the last event the client has (-1: none yet).
    UnreadTracker(client::ApiClient *api, TicketTableModel *table,
                  std::function<qint64()> latestSeq, QObject *parent = nullptr);

    void setMyId(qint64 id) { m_myId = id; }
    // How long a ticket is open before it counts as seen (0: at once).
    void setDelay(int ms);
    int delay() const { return m_delayMs; }
    // The ticket in the detail pane (0: none).
    void setOpenTicket(qint64 id);
    qint64 openTicket() const { return m_open; }
    // A ticket shown in a window of its own, from its opening to its closing.
    void addWindowTicket(qint64 id);
    void removeWindowTicket(qint64 id);
    // In the pane or a window.
    bool isOpen(qint64 id) const { return id != 0 && (id == m_open || m_windows.contains(id)); }
    void applyEvent(const core::Event &event);
    // DELETE /tickets/{id}/seen; the open ticket then stays unread until opened again.
    void markUnread(qint64 id);
    // Sends the marks that are still pending (after a reconnect).
    void retryPending();
    bool isPending(qint64 id) const
    {
        return m_pending.contains(id) || m_pendingUnread.contains(id);
    }

Q_SIGNALS:
    // Some unread mark may have changed on the server: the counts are to be asked again.
    void countsChanged();
    void errorOccurred(const client::ApiError &error);

private:
    void markSeen(qint64 id);
    void sendSeen(qint64 id);
    void sendUnread(qint64 id);
    // News on a ticket: unread now (or after asking the server), and read again if open.
    void news(qint64 id);
    void refetch(qint64 id);
    void fetchQueued();
    // The delay before an open ticket counts as seen, one per open ticket.
    void startTimer(qint64 id);
    void closed(qint64 id); // no longer open anywhere: its timer and "kept unread" go

    client::ApiClient *m_api;
    TicketTableModel *m_table;
    std::function<qint64()> m_latestSeq;
    qint64 m_myId = 0;
    int m_delayMs = DefaultDelayMs;
    qint64 m_open = 0;
    QSet<qint64> m_windows;
    // Open tickets the user marked unread: not marked seen again until opened again.
    QSet<qint64> m_keptUnread;
    QHash<qint64, QTimer *> m_timers; // children of this
    QTimer m_fetchTimer;              // gathers a burst of changes into one round of asking
    QSet<qint64> m_pending;           // marks not taken by the server yet
    QSet<qint64> m_sending;           // PUTs and DELETEs on their way
    QSet<qint64> m_pendingUnread;     // "mark as unread" not taken by the server yet
    QSet<qint64> m_toFetch;           // tickets to ask the server about (on the next turn)
    QSet<qint64> m_fetching;          // ... asked
};

} // namespace models
