#include "tableactions.h"

#include "conversationtabs.h"
#include "ticketlistcontroller.h"
#include "widgets/pickerpopup.h"
#include "widgets/selectionbar.h"

#include "client/apiclient.h"
#include "models/directory.h"
#include "models/labels.h"
#include "models/queuefilter.h"
#include "models/ticketdocument.h"
#include "models/tickettablemodel.h"

#include <QAction>
#include <QBoxLayout>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLocale>
#include <QMenu>
#include <QTableView>

using namespace Qt::StringLiterals;

TableActions::TableActions(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
    , m_bulk(parts.api, parts.table)
    , m_bar(new SelectionBar(parts.view->parentWidget()))
    , m_picker(new PickerPopup(parts.view))
    , m_priorityMenu(std::make_unique<QMenu>())
    , m_statusMenu(std::make_unique<QMenu>())
    , m_visibilityMenu(std::make_unique<QMenu>())
{
    QTableView *view = m_parts.view;
    m_bar->setObjectName(u"selectionBar"_s);
    m_bar->hide();
    if (auto *layout = qobject_cast<QBoxLayout *>(view->parentWidget()->layout()))
        layout->insertWidget(layout->indexOf(view), m_bar);
    m_picker->setObjectName(u"tablePickerPopup"_s);

    m_low = addAction(u"priorityLowAction"_s, QKeySequence(Qt::Key_1));
    m_normal = addAction(u"priorityNormalAction"_s, QKeySequence(Qt::Key_2));
    m_high = addAction(u"priorityHighAction"_s, QKeySequence(Qt::Key_3));
    m_assignee = addAction(u"pickAssigneeAction"_s, QKeySequence(Qt::Key_A));
    m_me = addAction(u"assignMeAction"_s, QKeySequence(Qt::Key_M));
    m_status = addAction(u"pickStatusAction"_s, QKeySequence(Qt::Key_S));
    m_reply = addAction(u"replyAction"_s, QKeySequence(Qt::Key_R));
    m_note = addAction(u"noteAction"_s, QKeySequence(Qt::Key_N));
    m_resolve = addAction(u"resolveAction"_s, QKeySequence(Qt::Key_E));
    m_select = addAction(u"toggleSelectAction"_s, QKeySequence(Qt::Key_X));
    m_select->setShortcuts({QKeySequence(Qt::Key_X), QKeySequence(Qt::Key_Space)});
    m_clear = addAction(u"clearSelectionAction"_s, QKeySequence(Qt::Key_Escape));
    m_selectAll = addAction(u"selectAllAction"_s, QKeySequence::SelectAll);
    m_undo = addAction(u"undoBulkAction"_s, QKeySequence::Undo);
    m_undo->setEnabled(false);
    m_reapply = new QAction(this);
    m_reapply->setObjectName(u"reapplyBulkAction"_s);
    m_public = new QAction(this);
    m_internal = new QAction(this);
    m_bulkNote = new QAction(this);
    m_bulkNote->setObjectName(u"bulkNoteAction"_s);
    m_barAssignee = new QAction(this);

    m_priorityMenu->addActions({m_low, m_normal, m_high});
    for (int s = 0; s < core::StatusCount; ++s) {
        auto *action = m_statusMenu->addAction(QString());
        action->setData(s);
        connect(action, &QAction::triggered, this, [this, s] {
            applyChange({{u"status"_s, core::toString(core::Status(s))}});
        });
        m_statusActions.append(action);
    }
    m_visibilityMenu->addActions({m_public, m_internal});
    m_priorityMenuAction = new QAction(this);
    m_priorityMenuAction->setMenu(m_priorityMenu.get());
    m_statusMenuAction = new QAction(this);
    m_statusMenuAction->setMenu(m_statusMenu.get());
    m_visibilityMenuAction = new QAction(this);
    m_visibilityMenuAction->setMenu(m_visibilityMenu.get());
    m_bar->addAction(m_priorityMenuAction, u"selectionPriorityButton"_s);
    m_bar->addAction(m_statusMenuAction, u"selectionStatusButton"_s);
    m_bar->addAction(m_barAssignee, u"selectionAssigneeButton"_s);
    m_bar->addAction(m_visibilityMenuAction, u"selectionVisibilityButton"_s);
    m_bar->addAction(m_bulkNote, u"selectionNoteButton"_s);

    auto change = [this](const char *field, const QString &value) {
        return [this, field, value] {
            applyChange({{QLatin1String(field), value}});
        };
    };
    connect(m_low, &QAction::triggered, this, change("priority", u"low"_s));
    connect(m_normal, &QAction::triggered, this, change("priority", u"normal"_s));
    connect(m_high, &QAction::triggered, this, change("priority", u"high"_s));
    connect(m_resolve, &QAction::triggered, this, change("status", u"resolved"_s));
    connect(m_public, &QAction::triggered, this, change("visibility", u"public"_s));
    connect(m_internal, &QAction::triggered, this, change("visibility", u"internal"_s));
    connect(m_me, &QAction::triggered, this, [this] {
        applyChange({{u"assigneeId"_s, m_parts.api->myId()}});
    });
    connect(m_assignee, &QAction::triggered, this, &TableActions::pickAssignee);
    connect(m_barAssignee, &QAction::triggered, this, &TableActions::pickAssignee);
    connect(m_status, &QAction::triggered, this, &TableActions::pickStatus);
    connect(m_bulkNote, &QAction::triggered, this, &TableActions::addNote);
    connect(m_reply, &QAction::triggered, this,
            [this] { m_parts.conversation->showTab(ConversationTabs::Tab::Messenger); });
    connect(m_note, &QAction::triggered, this, [this] {
        if (isBulk())
            addNote();
        else
            m_parts.conversation->showTab(ConversationTabs::Tab::Notes);
    });
    connect(m_select, &QAction::triggered, m_parts.list, &TicketListController::toggleCurrent);
    connect(m_clear, &QAction::triggered, m_parts.list, &TicketListController::reduceSelection);
    connect(m_selectAll, &QAction::triggered, view, &QTableView::selectAll);
    connect(m_undo, &QAction::triggered, this, &TableActions::undo);
    m_singleUndoTimer.setSingleShot(true);
    connect(&m_singleUndoTimer, &QTimer::timeout, this, [this] {
        m_singleUndo = {};
        m_undo->setEnabled(m_bulk.canUndo());
        Q_EMIT undoOffered({}, m_undo);
    });
    connect(m_reapply, &QAction::triggered, this, [this] { m_bulk.reapply(); });

    connect(m_bar, &SelectionBar::clearRequested, m_parts.list,
            &TicketListController::reduceSelection);
    connect(m_bar, &SelectionBar::selectAllMatchingRequested, this,
            &TableActions::selectAllMatching);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        forgetRefusal();
        onSelectionChanged();
    });
    connect(m_parts.filter, &models::QueueFilter::queryChanged, this, [this] {
        forgetRefusal();
        m_matching = -1;
        m_allMatching = false;
        onSelectionChanged();
    });
    connect(&m_bulk, &models::BulkEditor::matchingCount, this,
            [this](const core::TicketQuery &query, int total) {
                if (query == m_parts.filter->query()) {
                    m_matching = total;
                    onSelectionChanged();
                }
            });
    connect(&m_bulk, &models::BulkEditor::finished, this, &TableActions::onBulkFinished);
    // The detail pane follows at once, as the ticket.updated event would make it (that one is
    // then no news: same version).
    connect(&m_bulk, &models::BulkEditor::ticketApplied, this,
            [this](qint64 id, const QJsonObject &ticket) {
                if (id != m_parts.document->id())
                    return;
                core::Event event;
                event.type = u"ticket.updated"_s;
                event.ticketId = id;
                event.data = ticket;
                m_parts.document->applyEvent(event);
            });
    connect(&m_bulk, &models::BulkEditor::refused, this, &TableActions::onRefused);
    connect(&m_bulk, &models::BulkEditor::undoAvailableChanged, this, [this](bool available) {
        m_undo->setEnabled(available || m_singleUndo.ticketId != 0);
        if (!available && m_singleUndo.ticketId == 0)
            Q_EMIT undoOffered({}, m_undo);
    });
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, [this, view](const QPoint &pos) {
        QMenu menu;
        fillContextMenu(&menu);
        menu.exec(view->viewport()->mapToGlobal(pos));
    });
    retranslate();
}

TableActions::~TableActions() = default;

QAction *TableActions::addAction(const QString &objectName, const QKeySequence &key)
{
    // On the table only: never while typing in a text field.
    auto *action = new QAction(this);
    action->setObjectName(objectName);
    action->setShortcut(key);
    action->setShortcutContext(Qt::WidgetShortcut);
    m_parts.view->addAction(action);
    m_actions.append(action);
    return action;
}

void TableActions::retranslate()
{
    m_low->setText(tr("Priority &low"));
    m_normal->setText(tr("Priority &normal"));
    m_high->setText(tr("Priority &high"));
    m_assignee->setText(tr("&Assign to…"));
    m_me->setText(tr("Assign to &me"));
    m_status->setText(tr("&Status…"));
    m_reply->setText(tr("&Reply"));
    m_note->setText(tr("Internal no&te"));
    m_resolve->setText(tr("R&esolve"));
    m_select->setText(tr("Select or deselect the current ticket"));
    m_clear->setText(tr("Clear the selection"));
    m_selectAll->setText(tr("Select all loaded tickets"));
    m_undo->setText(tr("&Undo"));
    m_reapply->setText(tr("Reapply"));
    m_public->setText(models::visibilityLabel(core::Visibility::Public));
    m_internal->setText(models::visibilityLabel(core::Visibility::Internal));
    m_bulkNote->setText(tr("Note…"));
    m_bulkNote->setToolTip(tr("An internal note for each selected ticket"));
    m_barAssignee->setText(tr("Assign…"));
    m_priorityMenuAction->setText(tr("Priority"));
    m_statusMenuAction->setText(tr("Status"));
    m_visibilityMenuAction->setText(tr("Visibility"));
    for (QAction *action : std::as_const(m_statusActions))
        action->setText(models::statusLabel(core::Status(action->data().toInt())));
}

bool TableActions::isBulk() const
{
    return m_allMatching || m_parts.view->selectionModel()->selectedRows().size() > 1;
}

QList<qint64> TableActions::selectedIds() const
{
    return m_parts.list->selectedIds();
}

void TableActions::onSelectionChanged()
{
    const int selected = int(m_parts.view->selectionModel()->selectedRows().size());
    if (selected < 2) {
        m_allMatching = false;
        m_bar->hide();
        return;
    }
    // The server's total is asked for once per view (beyond the loaded rows).
    if (m_matching == -1 && m_parts.table->canFetchMore({})) {
        m_matching = -2; // asked
        m_bulk.countMatching(m_parts.filter->query());
    }
    const int matching = m_parts.table->canFetchMore({}) ? m_matching : m_parts.table->rowCount();
    if (m_allMatching && selected < m_parts.table->rowCount())
        m_allMatching = false; // the user narrowed the selection again
    m_bar->setCounts(selected, matching, m_allMatching);
    m_bar->show();
}

void TableActions::selectAllMatching()
{
    m_parts.view->selectAll();
    m_allMatching = true;
    onSelectionChanged();
}

void TableActions::applyChange(const QJsonObject &changes)
{
    if (!isBulk()) {
        if (m_parts.document->isLoaded() && m_parts.document->id() == m_parts.list->currentTicket())
            changeCurrent(changes);
        return;
    }
    if (m_bulk.isBusy()) {
        Q_EMIT infoMessage(tr("The last change to many tickets is still on its way."));
        return;
    }
    send(m_allMatching ? models::BulkEditor::Target::fromQuery(m_parts.filter->query())
                       : models::BulkEditor::Target::fromRows(m_parts.table, selectedIds()),
         changes);
}

void TableActions::send(const models::BulkEditor::Target &target, const QJsonObject &changes,
                        const std::optional<QString> &noteBody,
                        const std::optional<qint64> &macroId)
{
    const bool forBar = isBulk();
    if (forBar)
        m_bar->setError({}); // tried again: a new refusal brings the line back
    if (m_bulk.apply(target, changes, noteBody, macroId)) {
        m_forBar = forBar;
        m_posted = noteBody.has_value();
    }
}

void TableActions::onRefused(const client::ApiError &error)
{
    // Beside the selection it concerns, while that is still selected: the message bar is
    // where the server's absence is said, and the one would replace the other there.
    if (std::exchange(m_forBar, false) && !m_bar->isHidden())
        m_bar->setError(error.message);
    else
        Q_EMIT errorMessage(error.message);
}

void TableActions::forgetRefusal()
{
    m_forBar = false; // a refusal still to come concerns tickets no longer selected
    m_bar->setError({});
}

void TableActions::changeCurrent(const QJsonObject &changes)
{
    // A single key changes a ticket at once: what it was is kept for Ctrl+Z, as for many.
    const core::TicketSummary &was = m_parts.document->ticket().summary;
    const QJsonObject before{{u"priority"_s, core::toString(was.priority)},
                             {u"status"_s, core::toString(was.status)},
                             {u"assigneeId"_s, core::optionalId(was.assigneeId)},
                             {u"visibility"_s, core::toString(was.visibility)}};
    QJsonObject previous;
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (before.value(it.key()) != it.value())
            previous.insert(it.key(), before.value(it.key()));
    }
    m_parts.document->patch(changes);
    if (previous.isEmpty())
        return;
    m_singleUndo = {m_parts.document->id(), previous};
    m_singleUndoTimer.start(models::BulkEditor::DefaultUndoMs);
    m_undo->setEnabled(true);
    Q_EMIT undoOffered(tr("%1 changed — Undo (%2)")
                           .arg(was.number, m_undo->shortcut().toString(QKeySequence::NativeText)),
                       m_undo);
}

void TableActions::undo()
{
    if (m_singleUndo.ticketId == 0) {
        m_undoing = m_bulk.undo();
        return;
    }
    const SingleUndo undo = std::exchange(m_singleUndo, {});
    m_singleUndoTimer.stop();
    m_undo->setEnabled(m_bulk.canUndo());
    Q_EMIT undoOffered({}, m_undo);
    // The open ticket goes through its document (kept while offline); another through the
    // bulk call with the version the table shows.
    if (m_parts.document->id() == undo.ticketId)
        m_parts.document->patch(undo.previous);
    else
        m_bulk.apply(models::BulkEditor::Target::fromRows(m_parts.table, {undo.ticketId}),
                     undo.previous);
}

void TableActions::pickAssignee()
{
    m_picker->clear();
    m_picker->setPlaceholderText(tr("Assign to…"));
    m_picker->addEntry(tr("Nobody (unassign)"), QVariant::fromValue<qint64>(0));
    for (const core::StaffMember &m : m_parts.directory->staffModel()->staff()) {
        if (m.active)
            m_picker->addEntry(m.name, QVariant::fromValue<qint64>(m.id));
    }
    disconnect(m_picker, &PickerPopup::picked, this, nullptr);
    connect(m_picker, &PickerPopup::picked, this, [this](const QVariant &value) {
        const qint64 id = value.toLongLong();
        applyChange({{u"assigneeId"_s, id > 0 ? QJsonValue(id) : QJsonValue()}});
        m_parts.view->setFocus();
    });
    m_picker->popup(m_parts.view, m_parts.view->visualRect(m_parts.view->currentIndex()).center());
}

void TableActions::pickStatus()
{
    m_picker->clear();
    m_picker->setPlaceholderText(tr("Status…"));
    for (int s = 0; s < core::StatusCount; ++s)
        m_picker->addEntry(models::statusLabel(core::Status(s)), s);
    disconnect(m_picker, &PickerPopup::picked, this, nullptr);
    connect(m_picker, &PickerPopup::picked, this, [this](const QVariant &value) {
        applyChange({{u"status"_s, core::toString(core::Status(value.toInt()))}});
        m_parts.view->setFocus();
    });
    m_picker->popup(m_parts.view, m_parts.view->visualRect(m_parts.view->currentIndex()).center());
}

void TableActions::addNote()
{
    if (!isBulk()) {
        m_parts.conversation->showTab(ConversationTabs::Tab::Notes);
        return;
    }
    auto *dialog = new QInputDialog(m_parts.view->window());
    dialog->setObjectName(u"bulkNoteDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setOption(QInputDialog::UsePlainTextEditForTextInput);
    dialog->setWindowTitle(tr("Internal note"));
    dialog->setLabelText(tr("An internal note for each of the %n selected ticket(s):", nullptr,
                            m_allMatching ? m_matching : int(selectedIds().size())));
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &text) {
        if (text.trimmed().isEmpty() || m_bulk.isBusy())
            return;
        send(m_allMatching ? models::BulkEditor::Target::fromQuery(m_parts.filter->query())
                           : models::BulkEditor::Target::fromRows(m_parts.table, selectedIds()),
             {}, text);
    });
    dialog->open();
}

void TableActions::onBulkFinished(int applied, int failed)
{
    const bool undone = std::exchange(m_undoing, false);
    m_forBar = false;
    if (failed > 0) {
        QStringList lines;
        for (const models::BulkEditor::Failure &f : m_bulk.failures()) {
            const QString name = f.number.isEmpty() ? tr("Ticket %1").arg(f.id) : f.number;
            lines.append(tr("%1: %2").arg(name, f.reason));
        }
        const QString text =
            tr("%n ticket(s) not changed: ", nullptr, failed) + lines.join(u"; "_s);
        if (m_bulk.staleCount() > 0)
            Q_EMIT errorWithAction(text, m_reapply);
        else
            Q_EMIT errorMessage(text);
        return;
    }
    // Notes and messages cannot be taken back: the offer and the undo say so.
    if (undone)
        Q_EMIT doneMessage(
            m_posted
                ? tr("Undone: %n ticket(s) have their previous values again; the notes and "
                     "messages added stay.",
                     nullptr, applied)
                : tr("Undone: %n ticket(s) have their previous values again.", nullptr, applied));
    else if (m_bulk.canUndo()) {
        m_singleUndo = {}; // Ctrl+Z now takes back this change to many
        m_singleUndoTimer.stop();
        const QString key = m_undo->shortcut().toString(QKeySequence::NativeText);
        Q_EMIT undoOffered(m_posted
                               ? tr("Changed %n ticket(s) — Undo (%1) keeps the notes and "
                                    "messages added",
                                    nullptr, applied)
                                     .arg(key)
                               : tr("Changed %n ticket(s) — Undo (%1)", nullptr, applied).arg(key),
                           m_undo);
    } else {
        Q_EMIT doneMessage(tr("Changed %n ticket(s).", nullptr, applied));
    }
}

void TableActions::fillContextMenu(QMenu *menu)
{
    menu->addActions({m_high, m_normal, m_low});
    menu->addSeparator();
    QMenu *status = menu->addMenu(tr("Status"));
    status->addActions(m_statusActions);
    menu->addActions({m_status, m_resolve});
    menu->addSeparator();
    menu->addActions({m_assignee, m_me});
    QMenu *visibility = menu->addMenu(tr("Visibility"));
    visibility->addActions({m_public, m_internal});
    menu->addSeparator();
    menu->addActions({m_reply, m_note});
    menu->addSeparator();
    menu->addActions({m_select, m_selectAll, m_clear});
    if (m_undo->isEnabled())
        menu->addAction(m_undo);
    menu->addSeparator();
    for (QAction *action : std::as_const(m_moreActions)) {
        if (action)
            menu->addAction(action);
    }
}

void TableActions::addToContextMenu(QAction *action)
{
    m_moreActions.append(action);
}

void TableActions::applyMacro(qint64 macroId, bool posts)
{
    if (m_bulk.isBusy()) {
        Q_EMIT infoMessage(tr("The last change to many tickets is still on its way."));
        return;
    }
    QList<qint64> ids = isBulk() ? selectedIds() : QList<qint64>{};
    if (ids.isEmpty() && m_parts.list->currentTicket() != 0)
        ids = {m_parts.list->currentTicket()};
    if (ids.isEmpty() && !m_allMatching) {
        Q_EMIT infoMessage(tr("Choose the tickets to apply the macro to."));
        return;
    }
    send(m_allMatching ? models::BulkEditor::Target::fromQuery(m_parts.filter->query())
                       : models::BulkEditor::Target::fromRows(m_parts.table, ids),
         {}, std::nullopt, macroId);
    m_posted = posts;
}
