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
    , m_changes(parts.api, parts.table, parts.document, this)
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
    addTableAction(m_changes.undoAction());
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
    connect(&m_changes, &TicketChanges::doneMessage, this, &TableActions::doneMessage);
    connect(&m_changes, &TicketChanges::errorMessage, this, &TableActions::errorMessage);
    connect(&m_changes, &TicketChanges::errorWithAction, this, &TableActions::errorWithAction);
    connect(&m_changes, &TicketChanges::undoOffered, this, &TableActions::undoOffered);
    connect(&m_changes, &TicketChanges::refusedForSelection, this, [this](const QString &text) {
        if (m_bar->isHidden())
            Q_EMIT errorMessage(text);
        else
            m_bar->setError(text);
    });

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
    connect(m_changes.bulkEditor(), &models::BulkEditor::matchingCount, this,
            [this](const core::TicketQuery &query, int total) {
                if (query == m_parts.filter->query()) {
                    m_matching = total;
                    onSelectionChanged();
                }
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
    auto *action = new QAction(this);
    action->setObjectName(objectName);
    action->setShortcut(key);
    addTableAction(action);
    return action;
}

void TableActions::addTableAction(QAction *action)
{
    // On the table only: never while typing in a text field.
    action->setShortcutContext(Qt::WidgetShortcut);
    m_parts.view->addAction(action);
    m_actions.append(action);
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
        m_changes.bulkEditor()->countMatching(m_parts.filter->query());
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
            m_changes.changeCurrent(changes);
        return;
    }
    if (m_changes.isBusy()) {
        Q_EMIT infoMessage(tr("The last change to many tickets is still on its way."));
        return;
    }
    send(selectionTarget(selectedIds()), changes, false);
}

models::BulkEditor::Target TableActions::selectionTarget(const QList<qint64> &ids) const
{
    return m_allMatching ? models::BulkEditor::Target::fromQuery(m_parts.filter->query())
                         : models::BulkEditor::Target::fromRows(m_parts.table, ids);
}

void TableActions::send(const models::BulkEditor::Target &target, const QJsonObject &changes,
                        bool posts, const std::optional<QString> &noteBody,
                        const std::optional<qint64> &macroId)
{
    const bool forBar = isBulk();
    if (forBar)
        m_bar->setError({}); // tried again: a new refusal brings the line back
    m_changes.send(target, changes, forBar, posts, noteBody, macroId);
}

void TableActions::forgetRefusal()
{
    m_changes.forgetSelection();
    m_bar->setError({});
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
        if (text.trimmed().isEmpty() || m_changes.isBusy())
            return;
        send(selectionTarget(selectedIds()), {}, true, text);
    });
    dialog->open();
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
    if (m_changes.undoAction()->isEnabled())
        menu->addAction(m_changes.undoAction());
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
    if (m_changes.isBusy()) {
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
    send(selectionTarget(ids), {}, posts, std::nullopt, macroId);
}
