#pragma once

#include "models/bulkeditor.h"
#include "ticketchanges.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
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
// one row (or none) selected they edit the current ticket; with two or more, every selected
// ticket at once (TicketChanges sends both and takes them back). A change to the selection
// that is refused as a whole (server unreachable, too many) is said in the selection bar,
// beside the tickets it concerns, until the selection changes or the user tries again: the
// message bar may be taken by news of the server's absence.
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

    models::BulkEditor *bulkEditor() { return m_changes.bulkEditor(); }
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
    void addTableAction(QAction *action);
    void retranslate();
    void onSelectionChanged();
    void pickAssignee();
    void pickStatus();
    void addNote();
    void selectAllMatching();
    bool isBulk() const;
    // The selection as a bulk call's target: its rows, or the view's query once "select all
    // matching" was chosen.
    models::BulkEditor::Target selectionTarget(const QList<qint64> &ids) const;
    // A bulk call for `target`; `target` is the selection in the bar when isBulk().
    void send(const models::BulkEditor::Target &target, const QJsonObject &changes, bool posts,
              const std::optional<QString> &noteBody = std::nullopt,
              const std::optional<qint64> &macroId = std::nullopt);
    // The refusal shown in the bar no longer concerns what is selected.
    void forgetRefusal();

    Parts m_parts;
    TicketChanges m_changes;
    SelectionBar *m_bar;
    PickerPopup *m_picker;
    QList<QAction *> m_actions;
    QAction *m_low, *m_normal, *m_high, *m_assignee, *m_me, *m_status, *m_reply, *m_note,
        *m_resolve, *m_select, *m_clear, *m_selectAll, *m_public, *m_internal, *m_bulkNote,
        *m_barAssignee, *m_priorityMenuAction, *m_statusMenuAction, *m_visibilityMenuAction;
    std::unique_ptr<QMenu> m_priorityMenu, m_statusMenu, m_visibilityMenu;
    QList<QAction *> m_statusActions;
    QList<QPointer<QAction>> m_moreActions;
    int m_matching = -1;        // the server's total for the view (-1: not known, -2: asked)
    bool m_allMatching = false; // "select all N matching" chosen for the current selection
};
