#include "ticketlistcontroller.h"

#include "listheading.h"

#include "ui_mainwindow.h"

#include "models/queuefilter.h"
#include "models/tickettablemodel.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <utility>

using namespace Qt::StringLiterals;

using models::TicketTableModel;

TicketListController::TicketListController(Ui::MainWindow *ui, TicketTableModel *model,
                                           models::QueueFilter *filter, QSettings *settings,
                                           QObject *parent)
    : QObject(parent)
    , m_ui(ui)
    , m_model(model)
    , m_filter(filter)
    , m_settings(settings)
    , m_heading(new ListHeading(ui, model, filter, this))
{
    QTableView *view = m_ui->ticketTableView;
    view->setModel(m_model);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    view->horizontalHeader()->setSectionsMovable(true);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    view->setTabKeyNavigation(false);
    // Defaults for a first start (the header's saved state wins afterwards): what triage
    // needs in view; category, customer and rating are one right click away. The widths
    // follow the table's width until the user sizes or moves a column (fitColumns()).
    view->setColumnHidden(TicketTableModel::FlowColumn, true);
    view->setColumnHidden(TicketTableModel::CustomerColumn, true);
    view->setColumnHidden(TicketTableModel::RatingColumn, true);
    view->viewport()->installEventFilter(this);
    connect(view->horizontalHeader(), &QHeaderView::sectionResized, this, [this](int logical) {
        // The last section follows the view's width by itself; only other sizes are the
        // user's.
        QHeaderView *header = m_ui->ticketTableView->horizontalHeader();
        int last = header->count() - 1;
        while (last > 0 && header->isSectionHidden(header->logicalIndex(last)))
            --last;
        if (!m_fitting && header->visualIndex(logical) != last)
            m_autoFit = false;
    });
    connect(view->horizontalHeader(), &QHeaderView::sectionMoved, this,
            [this] { m_autoFit = false; });
    // The header shows the server's sort; clicks on unsortable columns change nothing.
    view->horizontalHeader()->setSectionsClickable(true);
    view->horizontalHeader()->setSortIndicatorShown(true);
    connect(view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this](int column, Qt::SortOrder order) {
                if (!TicketTableModel::isSortable(column)) {
                    showSortIndicator();
                    return;
                }
                core::SortKey::Field field = core::SortKey::Field::CreatedAt;
                switch (column) {
                case TicketTableModel::PriorityColumn:
                    field = core::SortKey::Field::Priority;
                    break;
                case TicketTableModel::StatusColumn:
                    field = core::SortKey::Field::Status;
                    break;
                case TicketTableModel::UpdatedColumn:
                    field = core::SortKey::Field::UpdatedAt;
                    break;
                default:
                    break;
                }
                m_filter->setSort({core::SortKey{field, order == Qt::DescendingOrder}});
            });
    connect(view->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            [this, view](const QPoint &pos) {
                QMenu menu;
                fillColumnsMenu(&menu);
                menu.exec(view->horizontalHeader()->mapToGlobal(pos));
            });

    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TicketListController::onCurrentRowChanged);
    connect(m_model, &TicketTableModel::pageLoaded, this, [this](bool first, int) {
        updateTitle();
        if (first)
            onFirstPage();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &TicketListController::updateTitle);
    connect(m_model, &TicketTableModel::loadingChanged, this, &TicketListController::updateTitle);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &TicketListController::updateTitle);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_wanted = m_current;
        m_newQuery = true;
        updateTitle();
    });
    connect(m_filter, &models::QueueFilter::queryChanged, this,
            [this](const core::TicketQuery &query) {
                if (query.text != m_text) {
                    m_text = query.text;
                    m_jumpNumber = core::ticketNumberIn(query.text);
                    m_openedElsewhere.clear();
                }
                showSortIndicator();
                updateTitle();
            });

    // A saved view chosen names the list, also when its filters were the ones shown already
    // (then the query does not change and says nothing).
    for (QListView *views : {m_ui->myViewsListView, m_ui->sharedViewsListView}) {
        if (views->selectionModel())
            connect(views->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                    &TicketListController::updateTitle);
    }

    // j/k as in mail readers, only while the table has the focus (not in text fields).
    auto *next = new QShortcut(QKeySequence(Qt::Key_J), view);
    next->setContext(Qt::WidgetShortcut);
    connect(next, &QShortcut::activated, this, &TicketListController::selectNext);
    auto *previous = new QShortcut(QKeySequence(Qt::Key_K), view);
    previous->setContext(Qt::WidgetShortcut);
    connect(previous, &QShortcut::activated, this, &TicketListController::selectPrevious);
    auto *extendNext = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_J), view);
    extendNext->setContext(Qt::WidgetShortcut);
    connect(extendNext, &QShortcut::activated, this, &TicketListController::extendNext);
    auto *extendPrevious = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_K), view);
    extendPrevious->setContext(Qt::WidgetShortcut);
    connect(extendPrevious, &QShortcut::activated, this, &TicketListController::extendPrevious);
    restoreState();
}

TicketListController::~TicketListController() = default;

bool TicketListController::selectTicket(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    QTableView *view = m_ui->ticketTableView;
    const QModelIndex index = m_model->index(row, TicketTableModel::TitleColumn);
    view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                       QItemSelectionModel::Rows);
    view->scrollTo(index);
    return true;
}

void TicketListController::clearSelection()
{
    m_ui->ticketTableView->selectionModel()->clear();
    if (m_current == 0)
        return;
    m_current = 0;
    m_model->setPinnedTicket(0);
    Q_EMIT currentTicketChanged(0);
}

void TicketListController::noteOpenedElsewhere(const QString &number)
{
    m_openedElsewhere = number;
    updateTitle();
}

void TicketListController::onFirstPage()
{
    // A search for a ticket number goes to that ticket.
    if (const QString number = std::exchange(m_jumpNumber, QString()); !number.isEmpty()) {
        m_wanted = 0;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const core::TicketSummary *t = m_model->summary(m_model->idAt(row));
            if (t && t->number == number) {
                selectTicket(t->id);
                return;
            }
        }
        Q_EMIT numberNotListed(number);
    }
    // After a filter change: stay on the ticket if it is in the new list, else the first;
    // the detail pane never shows a ticket the list has lost.
    // A reload (F5, a resync) keeps a ticket opened from elsewhere.
    const bool newQuery = std::exchange(m_newQuery, false);
    const qint64 wanted = m_wanted ? m_wanted : m_current;
    m_wanted = 0;
    // A reload merges rows in place: the current row and a selection of many stay as they are.
    const QModelIndex current = m_ui->ticketTableView->selectionModel()->currentIndex();
    if (!newQuery && wanted && current.isValid() && m_model->idAt(current.row()) == wanted) {
        // At the bottom of the list the next page comes, as scrolling there would bring it.
        const QScrollBar *bar = m_ui->ticketTableView->verticalScrollBar();
        if (bar->value() == bar->maximum() && m_model->canFetchMore({}))
            m_model->fetchMore({});
        return;
    }
    if (wanted && selectTicket(wanted))
        return;
    if (m_model->rowCount() > 0 && (newQuery || m_current == 0))
        selectTicket(m_model->idAt(0));
    else if (newQuery)
        clearSelection();
}

void TicketListController::selectNext()
{
    step(1);
}

void TicketListController::selectPrevious()
{
    step(-1);
}

void TicketListController::step(int delta)
{
    const int row = m_model->rowOf(m_current);
    int target = row < 0 ? 0 : row + delta;
    if (target >= m_model->rowCount() && m_model->canFetchMore({}))
        m_model->fetchMore({});
    target = qBound(0, target, m_model->rowCount() - 1);
    if (target >= 0 && target < m_model->rowCount())
        selectTicket(m_model->idAt(target));
}

void TicketListController::extendNext()
{
    extend(1);
}

void TicketListController::extendPrevious()
{
    extend(-1);
}

void TicketListController::extend(int delta)
{
    // Exactly what Shift+Down/Up do in the view (the same anchor and current row).
    QTableView *view = m_ui->ticketTableView;
    if (delta > 0 && m_model->rowOf(m_current) + 1 >= m_model->rowCount() &&
        m_model->canFetchMore({}))
        m_model->fetchMore({});
    QKeyEvent press(QEvent::KeyPress, delta > 0 ? Qt::Key_Down : Qt::Key_Up, Qt::ShiftModifier);
    QCoreApplication::sendEvent(view, &press);
}

void TicketListController::toggleCurrent()
{
    QItemSelectionModel *selection = m_ui->ticketTableView->selectionModel();
    const QModelIndex current = selection->currentIndex();
    if (current.isValid())
        selection->select(current, QItemSelectionModel::Toggle | QItemSelectionModel::Rows);
}

void TicketListController::reduceSelection()
{
    QItemSelectionModel *selection = m_ui->ticketTableView->selectionModel();
    const QModelIndex current = selection->currentIndex();
    if (current.isValid())
        selection->select(current, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    else
        selection->clearSelection();
}

QList<qint64> TicketListController::selectedIds() const
{
    QModelIndexList rows = m_ui->ticketTableView->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<qint64> ids;
    ids.reserve(rows.size());
    for (const QModelIndex &index : std::as_const(rows))
        ids.append(m_model->idAt(index.row()));
    return ids;
}

void TicketListController::onCurrentRowChanged()
{
    const QModelIndex current = m_ui->ticketTableView->selectionModel()->currentIndex();
    const qint64 id = current.isValid() ? m_model->idAt(current.row()) : 0;
    if (id == m_current)
        return;
    m_current = id;
    m_model->setPinnedTicket(id);
    Q_EMIT currentTicketChanged(id);
}

void TicketListController::updateTitle()
{
    m_heading->update(m_openedElsewhere);
}

void TicketListController::fillColumnsMenu(QMenu *menu)
{
    menu->clear();
    QTableView *view = m_ui->ticketTableView;
    for (int c = 0; c < TicketTableModel::ColumnCount; ++c) {
        QAction *action = menu->addAction(m_model->headerData(c, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!view->isColumnHidden(c));
        // The title stays: a queue without titles helps nobody.
        action->setEnabled(c != TicketTableModel::TitleColumn);
        connect(action, &QAction::toggled, view,
                [view, c](bool on) { view->setColumnHidden(c, !on); });
    }
}

bool TicketListController::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && m_autoFit &&
        watched == m_ui->ticketTableView->viewport()) {
        if (m_fitting) // a scroll bar came or went while fitting: once more afterwards
            QMetaObject::invokeMethod(this, &TicketListController::fitColumns,
                                      Qt::QueuedConnection);
        else
            fitColumns();
    }
    return QObject::eventFilter(watched, event);
}

void TicketListController::fitColumns()
{
    // Status and assignee always in view; the title takes what is left; device and the
    // update time only where the title keeps a readable width beside them.
    QTableView *view = m_ui->ticketTableView;
    QHeaderView *header = view->horizontalHeader();
    const int width = view->viewport()->width();
    if (!m_autoFit || width < 100)
        return;
    const QFontMetrics fm = view->fontMetrics();
    auto wanted = [&](int column, int contentWidth) {
        return std::max(header->sectionSizeHint(column), contentWidth + 16);
    };
    const int minTitle = fm.averageCharWidth() * 22;
    const std::pair<int, int> always[] = {
        {TicketTableModel::PriorityColumn, wanted(TicketTableModel::PriorityColumn, 0)},
        {TicketTableModel::NumberColumn,
         wanted(TicketTableModel::NumberColumn, fm.horizontalAdvance(u"T-000000"_s))},
        {TicketTableModel::StatusColumn,
         wanted(TicketTableModel::StatusColumn, fm.averageCharWidth() * 11)},
        {TicketTableModel::AssigneeColumn,
         wanted(TicketTableModel::AssigneeColumn, fm.averageCharWidth() * 13)},
    };
    const std::pair<int, int> optional[] = {
        {TicketTableModel::DeviceColumn,
         wanted(TicketTableModel::DeviceColumn, fm.averageCharWidth() * 16)},
        {TicketTableModel::UpdatedColumn,
         wanted(TicketTableModel::UpdatedColumn,
                fm.horizontalAdvance(QLocale().toString(
                    QDateTime(QDate(2026, 12, 30), QTime(22, 59)), QLocale::ShortFormat)))},
    };
    m_fitting = true;
    int used = 0;
    for (const auto &[column, size] : always) {
        view->setColumnHidden(column, false);
        header->resizeSection(column, size);
        used += size;
    }
    for (const auto &[column, size] : optional) {
        const bool room = width - used - size >= minTitle;
        view->setColumnHidden(column, !room);
        if (room) {
            header->resizeSection(column, size);
            used += size;
        }
    }
    // Narrower than that only where status and assignee would otherwise leave the view.
    header->resizeSection(TicketTableModel::TitleColumn,
                          std::max(fm.averageCharWidth() * 10, width - used));
    m_fitting = false;
}

void TicketListController::saveState() const
{
    m_settings->setValue(u"table/header"_s, m_ui->ticketTableView->horizontalHeader()->saveState());
    m_settings->setValue(u"table/arrangedByUser"_s, !m_autoFit);
}

void TicketListController::restoreState()
{
    const QByteArray state = m_settings->value(u"table/header"_s).toByteArray();
    QHeaderView *header = m_ui->ticketTableView->horizontalHeader();
    if (!state.isEmpty()) {
        header->restoreState(state);
        // Widths the user never touched go on following the table's width.
        m_autoFit = !m_settings->value(u"table/arrangedByUser"_s, true).toBool();
    }
    showSortIndicator();
}

void TicketListController::showSortIndicator()
{
    // The sort always comes from the query (the server's order), not the saved header.
    QHeaderView *header = m_ui->ticketTableView->horizontalHeader();
    const auto &sort = m_filter->query().sort;
    if (sort.isEmpty())
        return;
    int column = TicketTableModel::NumberColumn;
    switch (sort.first().field) {
    case core::SortKey::Field::Priority:
        column = TicketTableModel::PriorityColumn;
        break;
    case core::SortKey::Field::Status:
        column = TicketTableModel::StatusColumn;
        break;
    case core::SortKey::Field::UpdatedAt:
        column = TicketTableModel::UpdatedColumn;
        break;
    case core::SortKey::Field::CreatedAt:
        break;
    }
    const QSignalBlocker block(header);
    header->setSortIndicator(column,
                             sort.first().descending ? Qt::DescendingOrder : Qt::AscendingOrder);
}
