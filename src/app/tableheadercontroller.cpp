#include "tableheadercontroller.h"

#include "models/duecell.h"
#include "models/labels.h"
#include "models/queuefilter.h"
#include "models/tickettablemodel.h"

#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QStyle>
#include <QTableView>

using namespace Qt::StringLiterals;

using models::TicketTableModel;

TableHeaderController::TableHeaderController(QTableView *view, TicketTableModel *model,
                                             models::QueueFilter *filter, QSettings *settings,
                                             QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_model(model)
    , m_filter(filter)
    , m_settings(settings)
{
    QHeaderView *header = view->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    // Defaults for a first start (the header's saved state wins afterwards): what triage
    // needs in view; category, customer and rating are one right click away. The widths
    // follow the table's width until the user sizes or moves a column (fitColumns()).
    view->setColumnHidden(TicketTableModel::FlowColumn, true);
    view->setColumnHidden(TicketTableModel::CustomerColumn, true);
    view->setColumnHidden(TicketTableModel::RatingColumn, true);
    view->viewport()->installEventFilter(this);
    connect(header, &QHeaderView::sectionResized, this, [this, header](int logical) {
        // The last section follows the view's width by itself; only other sizes are the
        // user's.
        int last = header->count() - 1;
        while (last > 0 && header->isSectionHidden(header->logicalIndex(last)))
            --last;
        if (!m_fitting && header->visualIndex(logical) != last)
            m_autoFit = false;
    });
    connect(header, &QHeaderView::sectionMoved, this, [this] { m_autoFit = false; });
    // The header shows the server's sort; clicks on unsortable columns change nothing.
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    connect(header, &QHeaderView::sortIndicatorChanged, this, &TableHeaderController::sortBy);
    connect(header, &QHeaderView::customContextMenuRequested, this,
            [this, header](const QPoint &pos) {
                QMenu menu;
                fillColumnsMenu(&menu);
                menu.exec(header->mapToGlobal(pos));
            });
    connect(m_filter, &models::QueueFilter::queryChanged, this,
            &TableHeaderController::showSortIndicator);
    restoreState();
}

TableHeaderController::~TableHeaderController() = default;

void TableHeaderController::sortBy(int column, Qt::SortOrder order)
{
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
    case TicketTableModel::DueColumn:
        field = core::SortKey::Field::Due;
        break;
    default:
        break;
    }
    m_filter->setSort({core::SortKey{field, order == Qt::DescendingOrder}});
}

void TableHeaderController::fillColumnsMenu(QMenu *menu)
{
    menu->clear();
    QTableView *view = m_view;
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

bool TableHeaderController::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && m_autoFit && watched == m_view->viewport()) {
        if (m_fitting) // a scroll bar came or went while fitting: once more afterwards
            QMetaObject::invokeMethod(this, &TableHeaderController::fitColumns,
                                      Qt::QueuedConnection);
        else
            fitColumns();
    }
    return QObject::eventFilter(watched, event);
}

void TableHeaderController::fitColumns()
{
    // Status, assignee and the time left always in view; the title takes what is left; the
    // number where the title keeps a dozen characters, device and the update time only where
    // it keeps a readable width beside them.
    QTableView *view = m_view;
    QHeaderView *header = view->horizontalHeader();
    const int width = view->viewport()->width();
    if (!m_autoFit || width < 100)
        return;
    const QFontMetrics fm = view->fontMetrics();
    auto wanted = [&](int column, int contentWidth) {
        return std::max(header->sectionSizeHint(column), contentWidth + 16);
    };
    const int minTitle = fm.averageCharWidth() * 22;
    // Unread rows are bold: the widest priority in bold beside its colour swatch.
    QFont bold = view->font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    int priorityWidth = 0;
    for (int p = 0; p < core::PriorityCount; ++p)
        priorityWidth = qMax(
            priorityWidth, boldMetrics.horizontalAdvance(models::priorityLabel(core::Priority(p))));
    priorityWidth += view->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, view) + 8;
    // The Due cell's widest texts: a long time left, "paused", an hour overdue; in bold
    // italics (an unread internal ticket) a little wider.
    int dueWidth = 0;
    for (const QString &text :
         {models::DueCell::durationText((10 * 24 * 60 + 23 * 60 + 59) * 60'000LL),
          models::DueCell::tr("paused"), models::DueCell::tr("missed"),
          models::DueCell::tr("−%1", "overdue by")
              .arg(models::DueCell::overdueText(59 * 60'000LL))})
        dueWidth = qMax(dueWidth, boldMetrics.horizontalAdvance(text));
    dueWidth += fm.averageCharWidth();
    const std::pair<int, int> always[] = {
        {TicketTableModel::PriorityColumn, wanted(TicketTableModel::PriorityColumn, priorityWidth)},
        {TicketTableModel::StatusColumn,
         wanted(TicketTableModel::StatusColumn, fm.averageCharWidth() * 11)},
        {TicketTableModel::AssigneeColumn,
         wanted(TicketTableModel::AssigneeColumn, fm.averageCharWidth() * 13)},
        {TicketTableModel::DueColumn, wanted(TicketTableModel::DueColumn, dueWidth)},
    };
    // {column, width, the title's width that must remain}
    const std::tuple<int, int, int> optional[] = {
        {TicketTableModel::NumberColumn,
         wanted(TicketTableModel::NumberColumn, fm.horizontalAdvance(u"T-000000"_s)),
         fm.averageCharWidth() * 12},
        {TicketTableModel::DeviceColumn,
         wanted(TicketTableModel::DeviceColumn, fm.averageCharWidth() * 16), minTitle},
        {TicketTableModel::UpdatedColumn,
         wanted(TicketTableModel::UpdatedColumn,
                fm.horizontalAdvance(QLocale().toString(
                    QDateTime(QDate(2026, 12, 30), QTime(22, 59)), QLocale::ShortFormat))),
         minTitle},
    };
    m_fitting = true;
    int used = 0;
    for (const auto &[column, size] : always) {
        view->setColumnHidden(column, false);
        header->resizeSection(column, size);
        used += size;
    }
    for (const auto &[column, size, titleWidth] : optional) {
        const bool room = width - used - size >= titleWidth;
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

void TableHeaderController::saveState() const
{
    m_settings->setValue(u"table/header"_s, m_view->horizontalHeader()->saveState());
    m_settings->setValue(u"table/arrangedByUser"_s, !m_autoFit);
}

void TableHeaderController::restoreState()
{
    const QByteArray state = m_settings->value(u"table/header"_s).toByteArray();
    QHeaderView *header = m_view->horizontalHeader();
    if (!state.isEmpty()) {
        header->restoreState(state);
        // Widths the user never touched go on following the table's width.
        m_autoFit = !m_settings->value(u"table/arrangedByUser"_s, true).toBool();
    }
    showSortIndicator();
}

void TableHeaderController::showSortIndicator()
{
    // The sort always comes from the query (the server's order), not the saved header.
    QHeaderView *header = m_view->horizontalHeader();
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
    case core::SortKey::Field::Due:
        column = TicketTableModel::DueColumn;
        break;
    case core::SortKey::Field::CreatedAt:
        break;
    }
    const QSignalBlocker block(header);
    header->setSortIndicator(column,
                             sort.first().descending ? Qt::DescendingOrder : Qt::AscendingOrder);
}
