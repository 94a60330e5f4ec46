#pragma once

#include "models/bulkeditor.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>

class ConversationTabs;
class PickerPopup;
class QAction;
class QMenu;
class QTableView;
class SelectionBar;
class TicketListController;
namespace client {
class ApiClient;
}
namespace models {
class Directory;
class QueueFilter;
class TicketDocument;
class TicketTableModel;
} // namespace models

// What can be done to the tickets of the table from the keyboard, the context menu and the
// selection bar: single keys (1/2/3 priority, A assignee, M me, S status, R reply, N note,
// E resolve, X/Space select, Esc clear) that act only while the table has the focus. With
// one row (or none) selected they edit the current ticket through its document (the
// single-ticket path that queues offline edits); with two or more, every selected ticket
// at once through models::BulkEditor, which also reports failures, reapply and undo. A
// change to the selection that is refused as a whole (server unreachable, too many) is said
// in the selection bar, beside the tickets it concerns, until the selection changes or the
// user tries again: the message bar may be taken by news of the server's absence.
class TableActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableActions)

public:
    struct Parts {
        QTableView *view;
        TicketListController *list;
        models::TicketTableModel *table;
        models::TicketDocument *document;
        models::Directory *directory;
        models::QueueFilter *filter;
        ConversationTabs *conversation;
        client::ApiClient *api;
    };
    // Creates the selection bar above `parts.view` (in its layout).
    explicit TableActions(const Parts &parts, QObject *parent = nullptr);
    ~TableActions() override;

    models::BulkEditor *bulkEditor() { return &m_bulk; }
    SelectionBar *selectionBar() const { return m_bar; }
    // The single-key actions, for the shortcuts list.
    QList<QAction *> actions() const { return m_actions; }
    // Rows selected, or every ticket the view matches once "select all matching" was chosen.
    QList<qint64> selectedIds() const;
    bool allMatchingChosen() const { return m_allMatching; }
    // A change to the current ticket or the selection ({priority|status|assigneeId|visibility}).
    void applyChange(const QJsonObject &changes);
    // Applies macro `macroId` to the selection, or to the current ticket when one row is
    // selected: always through the bulk call, so it is refused visibly while offline.
    // `posts`: the macro adds a note or a message, which undoing the change leaves.
    void applyMacro(qint64 macroId, bool posts);
    // Another entry for the context menu (not owned), after the built-in ones.
    void addToContextMenu(QAction *action);
    void fillContextMenu(QMenu *menu);

Q_SIGNALS:
    void infoMessage(const QString &text);
    // A change done as asked (not a warning).
    void doneMessage(const QString &text);
    void errorMessage(const QString &text);
    // An error with a button (the action stays this object's).
    void errorWithAction(const QString &text, QAction *action);
    // "Changed N tickets — Undo": shown while undo is offered (empty text: withdrawn).
    void undoOffered(const QString &text, QAction *undo);

private:
    QAction *addAction(const QString &objectName, const QKeySequence &key);
    void retranslate();
    void onSelectionChanged();
    void pickAssignee();
    void pickStatus();
    void addNote();
    void selectAllMatching();
    void onBulkFinished(int applied, int failed);
    bool isBulk() const;
    // A bulk call for `target`; `target` is the selection in the bar when isBulk().
    void send(const models::BulkEditor::Target &target, const QJsonObject &changes,
              const std::optional<QString> &noteBody = std::nullopt,
              const std::optional<qint64> &macroId = std::nullopt);
    void onRefused(const client::ApiError &error);
    // The refusal shown in the bar no longer concerns what is selected.
    void forgetRefusal();
    // One ticket (the open one) changed by a key, with its undo.
    void changeCurrent(const QJsonObject &changes);
    void undo();

    Parts m_parts;
    models::BulkEditor m_bulk;
    SelectionBar *m_bar;
    PickerPopup *m_picker;
    QList<QAction *> m_actions;
    QAction *m_low, *m_normal, *m_high, *m_assignee, *m_me, *m_status, *m_reply, *m_note,
        *m_resolve, *m_select, *m_clear, *m_selectAll, *m_undo, *m_reapply, *m_public, *m_internal,
        *m_bulkNote, *m_barAssignee, *m_priorityMenuAction, *m_statusMenuAction,
        *m_visibilityMenuAction;
    std::unique_ptr<QMenu> m_priorityMenu, m_statusMenu, m_visibilityMenu;
    QList<QAction *> m_statusActions;
    QList<QPointer<QAction>> m_moreActions;
    int m_matching = -1;        // the server's total for the view (-1: not known, -2: asked)
    bool m_allMatching = false; // "select all N matching" chosen for the current selection
    bool m_undoing = false;     // the call running is an undo
    bool m_forBar = false;      // the call running changes the selection shown in the bar
    bool m_posted = false;      // the last change added notes or messages, which undo leaves
    struct SingleUndo {
        qint64 ticketId = 0;
        QJsonObject previous; // the fields the key changed, as they were
    };
    SingleUndo m_singleUndo;  // the last single-ticket change, while it may be undone
    QTimer m_singleUndoTimer; // ends that offer
};
