#pragma once

#include "models/bulkeditor.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <optional>

class QAction;
namespace client {
class ApiClient;
class ApiError;
} // namespace client
namespace models {
class TicketDocument;
class TicketTableModel;
} // namespace models

// Sends the table's changes and takes them back: one ticket (the open one) through its
// document, which queues edits while offline, with a Ctrl+Z of its own for a while; many
// through models::BulkEditor (also macros and notes), whose failures, reapply and undo it
// reports. TableActions decides what is changed (the current ticket or the selection) and
// where a refusal of the selection is shown.
class TicketChanges final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketChanges)

public:
    TicketChanges(client::ApiClient *api, models::TicketTableModel *table,
                  models::TicketDocument *document, QObject *parent = nullptr);
    ~TicketChanges() override;

    models::BulkEditor *bulkEditor() { return &m_bulk; }
    // Ctrl+Z: the last change, to one ticket or many, while it may be taken back.
    QAction *undoAction() const { return m_undo; }
    bool isBusy() const { return m_bulk.isBusy(); }

    // The open ticket changed at once, what it was kept for undo.
    void changeCurrent(const QJsonObject &changes);
    // A bulk call for `target`. `forSelection`: a refusal concerns the selection shown in the
    // selection bar (refusedForSelection) rather than the message bar. `posts`: the change
    // adds notes or messages, which undoing it leaves.
    void send(const models::BulkEditor::Target &target, const QJsonObject &changes,
              bool forSelection, bool posts, const std::optional<QString> &noteBody = std::nullopt,
              const std::optional<qint64> &macroId = std::nullopt);
    // A refusal still to come concerns tickets no longer selected.
    void forgetSelection() { m_forSelection = false; }
    void undo();

Q_SIGNALS:
    void doneMessage(const QString &text);
    void errorMessage(const QString &text);
    void errorWithAction(const QString &text, QAction *action);
    void undoOffered(const QString &text, QAction *undo);
    void refusedForSelection(const QString &text);

private:
    void retranslate();
    void onFinished(int applied, int failed);
    void onRefused(const client::ApiError &error);

    client::ApiClient *m_api;
    models::TicketTableModel *m_table;
    models::TicketDocument *m_document;
    models::BulkEditor m_bulk;
    QAction *m_undo;
    QAction *m_reapply;
    bool m_undoing = false;      // the call running is an undo
    bool m_forSelection = false; // the call running changes the selection shown in the bar
    bool m_posted = false;       // the last change added notes or messages, which undo leaves
    struct SingleUndo {
        qint64 ticketId = 0;
        QJsonObject previous; // the fields the key changed, as they were
    };
    SingleUndo m_singleUndo;  // the last single-ticket change, while it may be undone
    QTimer m_singleUndoTimer; // ends that offer
};
