#pragma once

#include "apiresult.h"
#include "core/types.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace client {

class ApiClient;

// One send waiting for the server's confirmation.
struct OutboxItem {
    enum class Kind { Message, Note, Edit };
    QString key; // also the Idempotency-Key
    qint64 ticketId = 0;
    Kind kind = Kind::Message;
    QString body;
    QStringList attachmentIds;
    QJsonObject changes; // Edit: the fields of a PATCH /tickets/{id}
    qint64 ifMatch = 0;  // Edit: the ticket version the user saw when making the change
    qint64 queuedAt = 0; // msecs
    QString error;       // refused by the server (won't be retried); empty while pending
    int errorStatus = 0; // the refusal's HTTP status (412: someone else changed the ticket)
};

// `summary` as it will be once `changes` (fields of an Edit) are applied. The assignee's
// name is not known here: it is cleared when the assignee changes.
core::TicketSummary withChanges(core::TicketSummary summary, const QJsonObject &changes);

// Messages, notes and field edits go out through here: written to a file before anything is sent (a
// crash or a closed window loses nothing), sent with an Idempotency-Key, retried on
// reconnect and with backoff while the server is unreachable, until the server confirms.
// An item the server refuses (4xx) stays with its error until the user discards it.
class Outbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Outbox)

public:
    // filePath: where pending items persist (JSON, written atomically).
    Outbox(ApiClient *api, const QString &filePath, QObject *parent = nullptr);
    ~Outbox() override;

    // Queues and sends; returns the item's key. An identical item already pending for the
    // same ticket (a double click) is not queued twice: its key is returned.
    QString enqueue(qint64 ticketId, OutboxItem::Kind kind, const QString &body,
                    const QStringList &attachmentIds = {});
    // A field edit of a ticket made on `ifMatch`: joins the ticket's edit that waits unsent
    // (the user's latest value per field wins), else queued after any edit on its way.
    QString enqueueEdit(qint64 ticketId, const QJsonObject &changes, qint64 ifMatch);
    // The fields of the ticket's edits not yet confirmed nor refused (empty: none).
    QJsonObject pendingEdit(qint64 ticketId) const;
    QList<OutboxItem> items(qint64 ticketId, OutboxItem::Kind kind) const;
    QList<OutboxItem> allItems() const { return m_items; }
    void discard(const QString &key);
    // Sends everything pending again (e.g. after the event stream reconnected).
    void retryAll();

Q_SIGNALS:
    // The ticket's pending items changed (queued, sent, failed, discarded).
    void changed(qint64 ticketId);
    void sent(const client::OutboxItem &item, const core::Post &post);
    void failed(const client::OutboxItem &item, const client::ApiError &error);
    // An Edit was applied; `ticket` is the server's answer (the ticket at its new version).
    void edited(const client::OutboxItem &item, const QJsonObject &ticket);

private:
    // Gives a new item its key and time, keeps it on disk, then sends it.
    QString queue(OutboxItem item);
    void send(const QString &key);
    bool waitsForEarlierEdit(qsizetype index) const;
    void onEditApplied(const OutboxItem &item, const QJsonObject &ticket);
    void sendPending();
    void onAnswer(const QString &key, const ApiResult &result);
    qsizetype indexOf(const QString &key) const;
    void save() const;
    void load();

    ApiClient *m_api;
    QString m_filePath;
    QList<OutboxItem> m_items;
    QStringList m_inFlight;
    QTimer m_retry;
    int m_retryMs = 2000; // the next backoff delay while the server is unreachable
};

} // namespace client
