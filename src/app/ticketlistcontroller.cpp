#include "ticketlistcontroller.h"

#include "listheading.h"

#include "ui_mainwindow.h"

#include "models/queuefilter.h"
#include "models/tickettablemodel.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QHeaderView>
#include <QKeyEvent>
#include <QListView>
#include <QLocale>
#include <QScrollBar>
#include <QShortcut>
#include <utility>

using namespace Qt::StringLiterals;

using models::TicketTableModel;

TicketListController::TicketListController(Ui::MainWindow *ui, TicketTableModel *model,
                                           models::QueueFilter *filter, QObject *parent)
    : QObject(parent)
    , m_ui(ui)
    , m_model(model)
    , m_filter(filter)
    , m_heading(new ListHeading(ui, model, filter, this))
{
    QTableView *view = m_ui->ticketTableView;
    view->setModel(m_model);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    view->setTabKeyNavigation(false);

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
}

TicketListController::~TicketListController() = default;

bool TicketListController::selectTicket(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    m_keepElsewhere = false;
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
    if (newQuery)
        m_keepElsewhere = false;
    if (m_model->rowCount() > 0 && (newQuery || (m_current == 0 && !m_keepElsewhere)))
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
