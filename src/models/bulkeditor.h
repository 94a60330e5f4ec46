#pragma once

#include "client/apiresult.h"
#include "core/ticketquery.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

namespace client {
class ApiClient;
class ApiJob;
} // namespace client

namespace models {

class TicketTableModel;

// Changes many tickets in one POST /tickets/bulk: a selection of rows (each with the version
// the table shows) or everything a filter matches (`query`). Rows follow each result's
// ticket as it is read; tickets that failed are listed with the reason; the last change can
// be undone for a while (a bulk call restoring each changed ticket's previous values on
// its new version) and tickets refused as stale (412) can be re-read and sent again.
// A call the server cannot be reached for is refused (refused()), never queued: the rows
// keep their values. A macro goes the same way (apply() with `macroId`).
class BulkEditor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkEditor)

public:
    // What a bulk call changes: tickets by id and seen version, or a filter's matches.
    struct Target {
        struct Item {
            qint64 id = 0;
            qint64 version = 0;
        };
        QList<Item> tickets;
        std::optional<core::TicketQuery> query;

        // The rows' ids with the versions `model` shows (ids not loaded are left out).
        static Target fromRows(const TicketTableModel *model, const QList<qint64> &ids);
        static Target fromQuery(const core::TicketQuery &query);
        bool isEmpty() const { return tickets.isEmpty() && !query; }
    };
    // One ticket the server did not change, and why (in the user's language).
    struct Failure {
        qint64 id = 0;
        QString number; // from the table when loaded, else empty
        int status = 0; // 404, 409, 412, 422
        QString code;
        QString reason;
    };
    static constexpr int DefaultUndoMs = 10000;
    static constexpr int MaxTickets = 1000;

    BulkEditor(client::ApiClient *api, TicketTableModel *table, QObject *parent = nullptr);
    ~BulkEditor() override;

    // `changes`: any of {priority, status, assigneeId (null: unassign), visibility} as the
    // server names them. Returns false (nothing sent) when a call is under way, or there is
    // nothing to change or nothing to change it on.
    bool apply(const Target &target, const QJsonObject &changes,
               const std::optional<QString> &noteBody = std::nullopt,
               const std::optional<qint64> &macroId = std::nullopt);
    bool isBusy() const { return m_job != nullptr; }

    // The failures of the last call (apply, undo or reapply).
    QList<Failure> failures() const { return m_failures; }
    // Failures that a re-read could fix: refused as stale (412).
    int staleCount() const;
    // Re-reads the tickets refused as stale and sends the same change on their fresh versions.
    bool reapply();

    bool canUndo() const { return !m_undo.isEmpty() && m_undoTimer.isActive(); }
    // Restores what the last successful apply() changed (the previous values, per ticket,
    // on the versions it left).
    bool undo();
    void setUndoWindow(int msecs) { m_undoTimer.setInterval(msecs); }

    // Asks GET /tickets/facets for how many tickets `query` matches: matchingCount().
    void countMatching(const core::TicketQuery &query);
    // The query's filters in the form of the bulk call's `query` (no sort/limit/cursor).
    static QJsonObject queryJson(const core::TicketQuery &query);

Q_SIGNALS:
    void busyChanged(bool busy);
    // One ticket changed (its row, if loaded, shows the new values); `ticket` is the server's
    // representation at its new version (for an open detail view).
    void ticketApplied(qint64 id, const QJsonObject &ticket);
    // The call is answered: `applied` tickets changed, `failed` did not (failures()).
    void finished(int applied, int failed);
    // The whole call was refused (unreachable, too many, forbidden): nothing changed.
    void refused(const client::ApiError &error);
    void undoAvailableChanged(bool available);
    void matchingCount(const core::TicketQuery &query, int total);

private:
    enum class Kind { Apply, Undo, Reapply };
    struct Restore {
        qint64 id = 0;
        qint64 version = 0; // the version the change left
        QJsonObject values; // the changed fields' previous values
    };
    bool send(const QJsonObject &body, Kind kind);
    void onAnswer(const client::ApiResult &result, Kind kind);
    void sendRestores();
    void setUndo(QList<Restore> undo);
    void setJob(client::ApiJob *job);
    // The previous values of the fields `changes` names, from the table's row.
    std::optional<QJsonObject> previousValues(qint64 id, const QJsonObject &changes) const;
    static std::optional<QJsonObject> valuesOf(const core::TicketSummary *t,
                                               const QJsonObject &changes);
    // GET /tickets for `query` page by page (the previous values), then sends `body`.
    void readBefore(core::TicketQuery query, const QJsonObject &body);

    client::ApiClient *m_api;
    QPointer<TicketTableModel> m_table;
    QPointer<client::ApiJob> m_job;
    QList<Failure> m_failures;
    // The last apply()'s request, for reapply().
    QJsonObject m_changes;
    QJsonObject m_undoable; // the fields whose previous values undo restores
    std::optional<QString> m_note;
    std::optional<qint64> m_macroId;
    // Previous values of what the request in flight changes (ticket id -> fields).
    QHash<qint64, QJsonObject> m_before;
    QList<Restore> m_undo;
    QList<Restore> m_restoring; // groups of an undo still to send
    QTimer m_undoTimer;
    int m_applied = 0; // across the calls of one undo
};

} // namespace models
