#include "viewscontroller.h"

#include "ui_mainwindow.h"

#include "dialogs.h"
#include "saveviewdialog.h"
#include "widgets/countdelegate.h"

#include "client/apiclient.h"
#include "client/apijob.h"
#include "models/queuefilter.h"
#include "models/viewlist.h"

#include <QAction>
#include <QApplication>
#include <QMenu>

using namespace Qt::StringLiterals;

ViewsController::ViewsController(Ui::MainWindow *ui, models::ViewList *views,
                                 models::QueueFilter *filter, client::ApiClient *api,
                                 QWidget *window)
    : QObject(window)
    , m_ui(ui)
    , m_views(views)
    , m_filter(filter)
    , m_api(api)
    , m_window(window)
{
    for (QListView *list : {m_ui->myViewsListView, m_ui->sharedViewsListView}) {
        list->setModel(m_views);
        list->setItemDelegate(new CountDelegate(list));
        list->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        list->setDragDropOverwriteMode(false);
        list->setDropIndicatorShown(true);
        // A click, Enter or moving onto a row applies the view.
        connect(list, &QListView::clicked, this,
                [this](const QModelIndex &index) { applyRow(index.row()); });
        connect(list, &QListView::activated, this,
                [this](const QModelIndex &index) { applyRow(index.row()); });
        connect(list->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this, list](const QModelIndex &current) {
                    if (current.isValid() && list->hasFocus())
                        applyRow(current.row());
                });
        connect(list, &QWidget::customContextMenuRequested, this,
                [this, list](const QPoint &pos) { showMenu(list, pos); });
    }
    m_ui->myViewsListView->setDragEnabled(true);
    m_ui->sharedViewsListView->setDragEnabled(false);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_views, signal, this, &ViewsController::updateSections);
    connect(m_views, &QAbstractItemModel::rowsMoved, this, &ViewsController::updateSections);
    connect(m_views, &QAbstractItemModel::dataChanged, this, &ViewsController::updateSections);
    connect(m_views, &QAbstractItemModel::modelReset, this, &ViewsController::updateSections);
    // Another choice of queue: no view is the current one any more.
    connect(m_ui->queueListView, &QListView::clicked, this, [this] {
        m_ui->myViewsListView->clearSelection();
        m_ui->sharedViewsListView->clearSelection();
    });

    // Filters changed after a view was chosen: it is no longer what the list shows.
    connect(m_filter, &models::QueueFilter::queryChanged, this,
            [this](const core::TicketQuery &query) {
                if (m_applying || !m_applied || query == *m_applied)
                    return;
                m_applied.reset();
                m_ui->myViewsListView->clearSelection();
                m_ui->sharedViewsListView->clearSelection();
            });
    connect(m_ui->saveViewButton, &QPushButton::clicked, this, &ViewsController::saveView);
    connect(m_ui->saveViewAction, &QAction::triggered, this, &ViewsController::saveView);
    for (int i = 0; i < 9; ++i) {
        auto *jump = new QAction(tr("Go to view %1").arg(i + 1), m_window);
        jump->setObjectName(u"jumpToView%1Action"_s.arg(i + 1));
        jump->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        jump->setShortcutContext(Qt::WindowShortcut);
        connect(jump, &QAction::triggered, this, [this, i] {
            if (i < m_views->rowCount())
                applyRow(i);
        });
        m_window->addAction(jump);
        m_jumps.append(jump);
    }
    updateSections();
}

ViewsController::~ViewsController() = default;

void ViewsController::setAdmin(bool admin)
{
    m_admin = admin;
    m_ui->sharedViewsListView->setDragEnabled(admin);
}

void ViewsController::updateSections()
{
    const int shared = m_views->sharedStart();
    const int rows = m_views->rowCount();
    auto fit = [](QListView *list, int visible) {
        const int rowHeight = visible ? list->sizeHintForRow(0) : 0;
        list->setFixedHeight(visible * rowHeight + 2 * list->frameWidth() + 2);
        list->setVisible(visible > 0);
    };
    for (int row = 0; row < rows; ++row) {
        m_ui->myViewsListView->setRowHidden(row, row >= shared);
        m_ui->sharedViewsListView->setRowHidden(row, row < shared);
    }
    fit(m_ui->myViewsListView, shared);
    fit(m_ui->sharedViewsListView, rows - shared);
    m_ui->myViewsHeaderLabel->setVisible(shared > 0);
    m_ui->sharedViewsHeaderLabel->setVisible(rows > shared);
}

void ViewsController::applyRow(int row)
{
    if (row < 0 || row >= m_views->rowCount() || m_applying)
        return;
    m_applying = true;
    const bool shared = row >= m_views->sharedStart();
    QListView *list = shared ? m_ui->sharedViewsListView : m_ui->myViewsListView;
    QListView *other = shared ? m_ui->myViewsListView : m_ui->sharedViewsListView;
    other->clearSelection();
    list->setCurrentIndex(m_views->index(row));
    m_ui->queueListView->clearSelection();
    m_filter->applyView(m_views->viewAt(row).query);
    m_applied = m_filter->query();
    m_ui->queueListView->setCurrentIndex(
        m_filter->queues()->index(m_filter->queues()->rowOf(models::Queue::All)));
    m_ui->queueListView->clearSelection();
    m_applying = false;
}

bool ViewsController::mayEdit(int row) const
{
    const models::SavedView &v = m_views->viewAt(row);
    return v.shared ? m_admin : v.ownerId == m_api->myId();
}

void ViewsController::saveView()
{
    // A completion list of the search box still open would keep the keyboard from the dialog.
    if (QWidget *popup = QApplication::activePopupWidget())
        popup->close();
    auto *dialog = new SaveViewDialog(m_views, m_filter->query(), m_admin, m_window);
    dialog->setObjectName(u"saveViewDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void ViewsController::showMenu(QListView *list, const QPoint &pos)
{
    const QModelIndex index = list->indexAt(pos);
    if (!index.isValid())
        return;
    const int row = index.row();
    const qint64 id = m_views->viewAt(row).id;
    const bool editable = mayEdit(row);
    QMenu menu(list);
    menu.setObjectName(u"viewContextMenu"_s);
    QAction *rename = menu.addAction(tr("&Rename…"));
    QAction *remove = menu.addAction(tr("&Delete"));
    rename->setEnabled(editable);
    remove->setEnabled(editable);
    QAction *share = nullptr;
    if (m_admin) {
        share = menu.addAction(tr("&Shared with all staff"));
        share->setCheckable(true);
        share->setChecked(m_views->viewAt(row).shared);
        share->setEnabled(editable);
    }
    QAction *chosen = menu.exec(list->viewport()->mapToGlobal(pos));
    auto report = [this](client::ApiJob *job) {
        connect(job, &client::ApiJob::finished, this, [this](const client::ApiResult &r) {
            if (!r.ok() && r.error.kind != client::ApiError::Kind::Canceled)
                Dialogs::of(m_window).message(m_window, QMessageBox::Warning, tr("Views"),
                                              r.error.message);
        });
    };
    if (chosen == rename) {
        auto *dialog = new SaveViewDialog(m_views, id, m_window);
        dialog->setObjectName(u"renameViewDialog"_s);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    } else if (chosen == remove) {
        if (Dialogs::of(m_window).confirm(
                m_window, tr("Delete view"),
                tr("Delete the view \"%1\"?").arg(m_views->viewAt(m_views->rowOf(id)).name)))
            report(m_views->remove(id));
    } else if (share && chosen == share) {
        report(m_views->setShared(id, share->isChecked()));
    }
}
