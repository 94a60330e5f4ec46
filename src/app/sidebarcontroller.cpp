#include "sidebarcontroller.h"

#include "ui_mainwindow.h"

#include "searchboxcontroller.h"

#include "models/directory.h"
#include "models/directorysearch.h"
#include "models/labels.h"
#include "models/queuefilter.h"
#include "widgets/countdelegate.h"

#include <QAbstractItemView>
#include <QCollator>
#include <QCompleter>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Special values of the assignee filter box (staff ids are positive).
constexpr qint64 AnyoneValue = 0;
constexpr qint64 MeValue = -1;
constexpr qint64 NobodyValue = -2;

void fitHeight(QListView *view)
{
    // Short fixed lists: as tall as their rows, no scroll bar.
    const int rows = view->model() ? view->model()->rowCount() : 0;
    const int rowHeight = rows ? view->sizeHintForRow(0) : view->fontMetrics().height() + 8;
    view->setFixedHeight(rows * rowHeight + 2 * view->frameWidth() + 2);
    view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

QStringList toStrings(const QList<int> &values)
{
    QStringList out;
    for (int v : values)
        out.append(QString::number(v));
    return out;
}

QList<int> toInts(const QStringList &values)
{
    QList<int> out;
    for (const QString &v : values)
        out.append(v.toInt());
    return out;
}

void setComboValue(QComboBox *box, const QVariant &value)
{
    const int index = box->findData(value);
    box->setCurrentIndex(index >= 0 ? index : 0);
}

// Long lists (devices, customers): typing filters them by any part of the name.
void makeSearchable(QComboBox *box)
{
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    QCompleter *completer = box->completer();
    completer->setFilterMode(Qt::MatchContains);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    // Text that names no choice goes back to the chosen one when the box is left.
    QObject::connect(box->lineEdit(), &QLineEdit::editingFinished, box, [box] {
        if (box->currentText() != box->itemText(box->currentIndex()))
            box->setEditText(box->itemText(box->currentIndex()));
    });
    QObject::connect(box, &QComboBox::currentIndexChanged, box,
                     [box] { box->setToolTip(box->currentText()); });
}

// Fills a filter box with "all" and the choices sorted by name, each name whole in its
// tooltip and in a popup wide enough for the longest.
void fillChoices(QComboBox *box, const QString &all, QList<std::pair<QString, qint64>> choices)
{
    QCollator collator;
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(choices.begin(), choices.end(),
              [&](const auto &a, const auto &b) { return collator.compare(a.first, b.first) < 0; });
    box->clear();
    box->addItem(all, 0);
    for (const auto &[name, id] : std::as_const(choices)) {
        box->addItem(name, id);
        box->setItemData(box->count() - 1, name, Qt::ToolTipRole);
    }
    const int width = box->view()->sizeHintForColumn(0) +
                      box->view()->verticalScrollBar()->sizeHint().width() + 8;
    box->view()->setMinimumWidth(width);
    if (QCompleter *completer = box->completer())
        completer->popup()->setMinimumWidth(width);
}

} // namespace

SidebarController::SidebarController(Ui::MainWindow *ui, models::QueueFilter *filter,
                                     models::Directory *directory, QSettings *settings,
                                     QObject *parent)
    : QObject(parent)
    , m_ui(ui)
    , m_filter(filter)
    , m_directory(directory)
    , m_settings(settings)
{
    m_ui->queueListView->setModel(m_filter->queues());
    m_ui->statusListView->setModel(m_filter->statuses());
    m_ui->priorityListView->setModel(m_filter->priorities());
    for (QListView *view : {m_ui->queueListView, m_ui->statusListView, m_ui->priorityListView}) {
        view->setItemDelegate(new CountDelegate(view));
        fitHeight(view);
    }

    connect(m_ui->queueListView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_filter->setQueue(m_filter->queues()->queueAt(current.row()));
            });
    // Space or a click toggles a status/priority (the models are checkable).
    for (QListView *view : {m_ui->statusListView, m_ui->priorityListView}) {
        connect(view, &QListView::activated, view, [view](const QModelIndex &index) {
            const bool checked = index.data(Qt::CheckStateRole).toInt() == Qt::Checked;
            view->model()->setData(index, checked ? Qt::Unchecked : Qt::Checked,
                                   Qt::CheckStateRole);
        });
    }

    m_names = std::make_unique<models::DirectorySearch>(m_directory);
    m_search = std::make_unique<SearchBoxController>(m_ui->searchLineEdit, m_ui->searchProblemLabel,
                                                     m_filter, m_names.get());
    // Enter searches at once and goes on to the results, as Down does; not with a problem.
    connect(m_ui->searchLineEdit, &QLineEdit::returnPressed, this, [this] {
        if (m_search->searchNow())
            m_ui->ticketTableView->setFocus(Qt::ShortcutFocusReason);
    });
    m_ui->searchLineEdit->installEventFilter(this);
    connect(m_filter, &models::QueueFilter::queryChanged, this, &SidebarController::followFilter);

    m_ui->visibilityFilterComboBox->addItem(tr("All"), -1);
    m_ui->visibilityFilterComboBox->addItem(models::visibilityLabel(core::Visibility::Public),
                                            int(core::Visibility::Public));
    m_ui->visibilityFilterComboBox->addItem(models::visibilityLabel(core::Visibility::Internal),
                                            int(core::Visibility::Internal));
    makeSearchable(m_ui->deviceFilterComboBox);
    makeSearchable(m_ui->customerFilterComboBox);
    fillFilterChoices();
    for (QComboBox *box :
         {m_ui->assigneeFilterComboBox, m_ui->flowFilterComboBox, m_ui->visibilityFilterComboBox,
          m_ui->deviceFilterComboBox, m_ui->customerFilterComboBox}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(12);
        connect(box, &QComboBox::currentIndexChanged, this, [this, box] {
            if (!m_filling)
                applyExtraFilter(box);
        });
    }
    connect(m_ui->clearFiltersButton, &QPushButton::clicked, this, [this] { clearFilters(false); });
    connect(m_ui->searchAllButton, &QPushButton::clicked, this,
            &SidebarController::searchAllTickets);
    restoreState();
    fitWidth();
}

SidebarController::~SidebarController() = default;

void SidebarController::fitWidth()
{
    // The sidebar scrolls when the window is low; it never scrolls sideways.
    QScrollArea *area = m_ui->sidebarScrollArea;
    area->setMinimumWidth(m_ui->sidebarWidget->minimumSizeHint().width() +
                          area->verticalScrollBar()->sizeHint().width());
}

void SidebarController::clearFilters(bool keepText)
{
    m_filling = true;
    for (QComboBox *box :
         {m_ui->assigneeFilterComboBox, m_ui->flowFilterComboBox, m_ui->visibilityFilterComboBox,
          m_ui->deviceFilterComboBox, m_ui->customerFilterComboBox})
        box->setCurrentIndex(0);
    m_filling = false;
    if (!keepText)
        m_search->clear();
    // The search box's own terms stay with its text: words, phrases, -words, created:.
    core::TicketQuery extra;
    if (keepText) {
        const core::TicketQuery &kept = m_filter->extraFilters();
        extra.text = kept.text;
        extra.createdFrom = kept.createdFrom;
        extra.createdTo = kept.createdTo;
        extra.createdFromDaysAgo = kept.createdFromDaysAgo;
        extra.createdToDaysAgo = kept.createdToDaysAgo;
        extra.excluded = kept.excluded;
        extra.phrases = kept.phrases;
    }
    m_filter->setOverrides(extra);
}

void SidebarController::showDeviceTickets(qint64 deviceId)
{
    setComboValue(m_ui->deviceFilterComboBox, deviceId);
}

void SidebarController::showCustomerTickets(qint64 customerId)
{
    setComboValue(m_ui->customerFilterComboBox, customerId);
}

void SidebarController::searchAllTickets()
{
    clearFilters(true);
    selectQueueRow(m_filter->queues()->rowOf(models::Queue::All));
}

bool SidebarController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->searchLineEdit && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down) {
            m_ui->ticketTableView->setFocus(Qt::ShortcutFocusReason);
            return true;
        }
        if (key == Qt::Key_Escape && !m_ui->searchLineEdit->text().isEmpty()) {
            m_ui->searchLineEdit->clear();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void SidebarController::focusSearch()
{
    m_ui->searchLineEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->searchLineEdit->selectAll();
}

void SidebarController::fillFilterChoices()
{
    m_filling = true;
    const QVariant assignee = m_ui->assigneeFilterComboBox->currentData();
    const QVariant flow = m_ui->flowFilterComboBox->currentData();
    const QVariant device = m_ui->deviceFilterComboBox->currentData();
    const QVariant customer = m_ui->customerFilterComboBox->currentData();

    QComboBox *box = m_ui->assigneeFilterComboBox;
    box->clear();
    box->addItem(tr("Anyone"), AnyoneValue);
    box->addItem(tr("Me"), MeValue);
    box->addItem(tr("Unassigned"), NobodyValue);
    for (const core::StaffMember &s : m_directory->staffModel()->staff())
        box->addItem(s.name, s.id);

    box = m_ui->flowFilterComboBox;
    box->clear();
    box->addItem(tr("All categories"), 0);
    for (const core::Flow &f : m_directory->flows())
        box->addItem(f.name, f.id);

    QList<std::pair<QString, qint64>> devices;
    for (const core::Device &d : m_directory->devices())
        devices.append({d.name, d.id});
    fillChoices(m_ui->deviceFilterComboBox, tr("All devices"), devices);
    QList<std::pair<QString, qint64>> customers;
    for (const core::Customer &c : m_directory->customers())
        customers.append({c.name, c.id});
    fillChoices(m_ui->customerFilterComboBox, tr("All customers"), customers);

    setComboValue(m_ui->assigneeFilterComboBox, assignee);
    setComboValue(m_ui->flowFilterComboBox, flow);
    setComboValue(m_ui->deviceFilterComboBox, device);
    setComboValue(m_ui->customerFilterComboBox, customer);
    m_filling = false;
    fitWidth();
}

void SidebarController::applyExtraFilter(QComboBox *changed)
{
    core::TicketQuery extra = m_filter->extraFilters();
    const qint64 value = changed->currentData().toLongLong();
    if (changed == m_ui->assigneeFilterComboBox) {
        extra.assigneeMe = value == MeValue;
        extra.assigneeNone = value == NobodyValue;
        extra.assigneeIds.clear();
        if (value > 0)
            extra.assigneeIds = {value};
    } else if (changed == m_ui->flowFilterComboBox) {
        extra.flowIds.clear();
        if (value > 0)
            extra.flowIds = {value};
    } else if (changed == m_ui->visibilityFilterComboBox) {
        extra.visibilities.clear();
        if (value >= 0)
            extra.visibilities = {core::Visibility(value)};
    } else if (changed == m_ui->deviceFilterComboBox) {
        extra.deviceIds.clear();
        if (value > 0)
            extra.deviceIds = {value};
    } else if (changed == m_ui->customerFilterComboBox) {
        extra.customerIds.clear();
        if (value > 0)
            extra.customerIds = {value};
    }
    m_filter->setExtraFilters(extra);
}

void SidebarController::followFilter()
{
    // One value shows as itself; none or several as "all" (the search box says which).
    auto one = [](const QList<qint64> &ids) {
        return ids.size() == 1 ? ids.first() : 0;
    };
    const core::TicketQuery &e = m_filter->extraFilters();
    const bool singleAssignee = int(e.assigneeMe) + int(e.assigneeNone) + e.assigneeIds.size() == 1;
    const qint64 assignee = !singleAssignee  ? AnyoneValue
                            : e.assigneeMe   ? MeValue
                            : e.assigneeNone ? NobodyValue
                                             : e.assigneeIds.first();
    m_filling = true;
    setComboValue(m_ui->assigneeFilterComboBox, assignee);
    setComboValue(m_ui->flowFilterComboBox, one(e.flowIds));
    setComboValue(m_ui->visibilityFilterComboBox,
                  e.visibilities.size() == 1 ? int(e.visibilities.first()) : -1);
    setComboValue(m_ui->deviceFilterComboBox, one(e.deviceIds));
    setComboValue(m_ui->customerFilterComboBox, one(e.customerIds));
    m_filling = false;
}

void SidebarController::selectQueueRow(int row)
{
    m_ui->queueListView->setCurrentIndex(m_filter->queues()->index(row));
}

void SidebarController::saveState() const
{
    m_settings->beginGroup(u"sidebar"_s);
    m_settings->setValue(u"queue"_s, int(m_filter->queue()));
    m_settings->setValue(u"statuses"_s, toStrings(m_filter->statuses()->checkedValues()));
    m_settings->setValue(u"priorities"_s, toStrings(m_filter->priorities()->checkedValues()));
    m_settings->endGroup();
}

void SidebarController::restoreState()
{
    m_settings->beginGroup(u"sidebar"_s);
    const int queue = m_settings->value(u"queue"_s, int(models::Queue::AllOpen)).toInt();
    m_filter->statuses()->setCheckedValues(toInts(m_settings->value(u"statuses"_s).toStringList()));
    m_filter->priorities()->setCheckedValues(
        toInts(m_settings->value(u"priorities"_s).toStringList()));
    m_settings->endGroup();
    const int row = m_filter->queues()->rowOf(models::Queue(queue));
    selectQueueRow(row >= 0 ? row : 0);
}
