#pragma once

#include "client/apijob.h" // complete type: isBusy() compares the QPointer inline
#include "client/apiresult.h"
#include "core/types.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <optional>

namespace client {
class ApiClient;
class Outbox;
struct OutboxItem;
} // namespace client

namespace models {

// The ticket open in the detail pane: its full representation and version, and edits sent
// as PATCH with If-Match. A stale edit (412) is kept as the pending change; the user then
// reloads (dropping it) or re-applies it on the new version. An edit the server could not be
// reached for goes to the outbox (persisted, sent with its If-Match when the server is back)
// and shows as unsent until then. Nothing the user chose is lost.
class TicketDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketDocument)

public:
    // outbox: where edits wait while the server is unreachable (null: they fail visibly).
    explicit TicketDocument(client::ApiClient *api, client::Outbox *outbox = nullptr,
                            QObject *parent = nullptr);
    ~TicketDocument() override;

    // Loads GET /tickets/{id} (0: closes). Emits loaded() when in.
    void open(qint64 ticketId);
    qint64 id() const { return m_id; }
    bool isLoaded() const { return m_loaded; }
    const core::Ticket &ticket() const { return m_ticket; }
    // The ticket's fields with the user's unsent edits applied: what the editors show.
    core::TicketSummary shownSummary() const;
    // The fields changed offline that wait in the outbox (empty: none).
    QJsonObject unsentChange() const;
    qint64 version() const { return m_ticket.summary.version; }
    bool isBusy() const { return m_job != nullptr; }

    void setPriority(core::Priority priority);
    void setStatus(core::Status status);
    void setAssignee(std::optional<qint64> staffId);
    void setVisibility(core::Visibility visibility);
    void setTitle(const QString &title);
    // Any of {priority, status, assigneeId, visibility, title}.
    void patch(const QJsonObject &changes);

    // The change the server refused as stale (empty: none).
    QJsonObject pendingChange() const { return m_pending; }
    void reloadDiscarding();
    void reapply();
    // Reads the ticket again when nothing of the user's is under way (after the service
    // levels changed its clocks); emits changed(), not loaded().
    void refreshClocks();

    // ticket.updated (no pending edit: fields and version merged), attachment.created,
    // rating.created of this ticket.
    void applyEvent(const core::Event &event);

Q_SIGNALS:
    void loaded();
    void changed();
    void busyChanged(bool busy);
    // 412: `change` is kept; offer reload or re-apply.
    void conflict(const QJsonObject &change);
    void errorOccurred(const client::ApiError &error);

private:
    // GET /tickets/{id} for open() and reloadDiscarding(); `fresh`: emit loaded(), else changed().
    void load(bool fresh);
    void send(const QJsonObject &changes);
    void onPatched(const QJsonObject &sent, const client::ApiResult &result);
    void setJob(client::ApiJob *job);
    void takeTicket(const client::ApiResult &result);
    void replayEvents();
    bool applyNow(const core::Event &event);
    void cancelJobs();
    bool queueInOutbox(const QJsonObject &changes);
    void onOutboxEdited(const client::OutboxItem &item, const QJsonObject &ticket);
    void onOutboxFailed(const client::OutboxItem &item, int status);
    // Refused-as-stale edits of this ticket from the outbox become the pending change.
    void adoptConflicts();

    client::ApiClient *m_api;
    client::Outbox *m_outbox;
    qint64 m_id = 0;
    bool m_loaded = false;
    core::Ticket m_ticket;
    QJsonObject m_pending;
    QJsonObject m_queued;            // edits made while a PATCH was on its way: sent after it
    QList<core::Event> m_heldEvents; // ticket.updated that came while loading or patching
    QPointer<client::ApiJob> m_job;  // the edit in flight (a PATCH, or reapply()'s reload)
    QPointer<client::ApiJob> m_loadJob;
    quint64 m_generation = 0; // bumped per open(): answers about another ticket are dropped
};

} // namespace models
