#include "ticketheaderwidget.h"

#include "ui_ticketheaderwidget.h"

#include "client/apiclient.h"
#include "core/timeutil.h"
#include "models/assignmentinfo.h"
#include "models/directory.h"
#include "models/duecell.h"
#include "models/labels.h"
#include "models/ticketdocument.h"
#include "widgets/statusflowwidget.h"
#include "widgets/widgetstyle.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QLineEdit>
#include <QStandardItemModel>
#include <QTimer>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// The rules found nobody: the line says so in the warning colour, so it is not missed.
void setFlagged(QLabel *label, bool flagged)
{
    label->setPalette(QPalette()); // back to the inherited colours
    if (!flagged)
        return;
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText,
                     widgets::bannerColors(widgets::BannerTone::Warning, palette).text);
    label->setPalette(palette);
}

} // namespace

TicketHeaderWidget::TicketHeaderWidget(models::TicketDocument *document,
                                       models::Directory *directory, client::ApiClient *api,
                                       QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::TicketHeaderWidget>())
    , m_document(document)
    , m_directory(directory)
    , m_api(api)
{
    m_ui->setupUi(this);
    m_ui->busyLabel->hide();
    m_ui->statusReasonLabel->hide();
    m_ui->headerLayout->setAlignment(m_ui->chipsLayout, Qt::AlignTop);
    applyMutedColors();
    // The time left moves on without any event: once a minute, as the table's Due column.
    auto *dueTimer = new QTimer(this);
    dueTimer->setInterval(60 * 1000);
    connect(dueTimer, &QTimer::timeout, this, [this] {
        if (m_document->isLoaded())
            fillDue();
    });
    dueTimer->start();

    for (int p = 0; p < core::PriorityCount; ++p)
        m_ui->priorityComboBox->addItem(models::priorityLabel(core::Priority(p)), p);

    // Type any part of a name ("len" finds "Lena Fischer") and pick from the popup.
    QComboBox *assignee = m_ui->assigneeComboBox;
    auto *completer = new QCompleter(assignee->model(), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    assignee->setCompleter(completer);
    assignee->lineEdit()->setPlaceholderText(tr("Type a name"));
    // Before the completer's own filter, which drops Enter when no row is highlighted.
    completer->popup()->installEventFilter(this);
    rebuildAssigneeItems();

    connect(m_ui->priorityComboBox, &QComboBox::activated, this,
            &TicketHeaderWidget::onPriorityActivated);
    connect(m_ui->statusFlowWidget, &StatusFlowWidget::statusRequested, this,
            [this](core::Status status) {
                if (m_document->isLoaded() && status != m_document->shownSummary().status)
                    m_document->setStatus(status);
            });
    connect(assignee, &QComboBox::activated, this, &TicketHeaderWidget::onAssigneeActivated);
    // After the combo box's own handler, which takes only an exact name.
    connect(assignee->lineEdit(), &QLineEdit::returnPressed, this,
            &TicketHeaderWidget::takeFirstAssigneeMatch);
    connect(assignee->lineEdit(), &QLineEdit::editingFinished, this,
            &TicketHeaderWidget::onAssigneeEditingFinished);
    connect(m_ui->assignToMeButton, &QPushButton::clicked, this, &TicketHeaderWidget::onAssignToMe);
    connect(m_ui->visibilityButton, &QPushButton::clicked, this,
            &TicketHeaderWidget::visibilityChangeRequested);
}

TicketHeaderWidget::~TicketHeaderWidget() = default;

void TicketHeaderWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateArrangement();
}

void TicketHeaderWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyMutedColors();
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateArrangement();
}

bool TicketHeaderWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress &&
        watched == m_ui->assigneeComboBox->completer()->popup()) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && takeFirstAssigneeMatch())
            return true;
    }
    return QWidget::eventFilter(watched, event);
}

void TicketHeaderWidget::applyMutedColors()
{
    // Between text and background: readable, yet clearly secondary, in light and dark themes.
    const QPalette pal = palette();
    const QColor muted =
        widgets::mixColors(pal.color(QPalette::WindowText), pal.color(QPalette::Window), 0.4);
    for (QLabel *label : {m_ui->assignmentInfoLabel, m_ui->busyLabel, m_ui->statusReasonLabel}) {
        QPalette p = label->palette();
        p.setColor(QPalette::WindowText, muted);
        label->setPalette(p);
    }
}

namespace {
constexpr int Spacing = 8; // of the title row and the editors' grid (see the form)
} // namespace

TicketHeaderWidget::Widths TicketHeaderWidget::widths() const
{
    Widths w{};
    for (const QLabel *label : {m_ui->priorityLabel, m_ui->assigneeLabel, m_ui->visibilityLabel})
        w.captions = qMax(w.captions, label->sizeHint().width());
    w.fields = std::max({m_ui->priorityComboBox->minimumSizeHint().width(),
                         m_ui->assigneeComboBox->minimumSizeHint().width(),
                         m_ui->visibilityValueLabel->sizeHint().width()});
    w.buttons = qMax(m_ui->assignToMeButton->sizeHint().width(),
                     m_ui->visibilityButton->sizeHint().width());
    w.chips = m_ui->chipsLayout->sizeHint().width();
    w.title = m_ui->titleLabel->fontMetrics().averageCharWidth() * 16;
    return w;
}

QSize TicketHeaderWidget::minimumSizeHint() const
{
    const Widths w = widths();
    QSize size = QWidget::minimumSizeHint();
    size.setWidth(std::max({w.captions + Spacing + qMax(w.fields, w.buttons), w.chips, w.title,
                            m_ui->statusFlowWidget->minimumSizeHint().width()}));
    return size;
}

void TicketHeaderWidget::updateArrangement()
{
    // Side by side where everything fits at its full size, else wrapped: badges under the
    // title, buttons under their fields. Never clipped or elided (long German labels).
    const Widths w = widths();
    const bool narrowTitle = width() < w.chips + Spacing + w.title;
    if (narrowTitle != m_narrowTitle) {
        m_narrowTitle = narrowTitle;
        m_ui->headerLayout->setDirection(narrowTitle ? QBoxLayout::TopToBottom
                                                     : QBoxLayout::LeftToRight);
        // Beside a title of two lines the badges stay at its top, one line high.
        m_ui->headerLayout->setAlignment(m_ui->chipsLayout,
                                         narrowTitle ? Qt::AlignLeft : Qt::AlignTop);
    }
    const bool narrowEditors = width() < w.captions + w.fields + w.buttons + 2 * Spacing;
    if (narrowEditors != m_narrowEditors)
        arrangeEditors(narrowEditors);
}

void TicketHeaderWidget::arrangeEditors(bool narrow)
{
    m_narrowEditors = narrow;
    QGridLayout *grid = m_ui->editorsGridLayout;
    QWidget *const moved[] = {m_ui->assignToMeButton,     m_ui->visibilityLabel,
                              m_ui->visibilityValueLabel, m_ui->visibilityButton,
                              m_ui->assignmentInfoLabel,  m_ui->dueLabel,
                              m_ui->dueValueLabel};
    for (QWidget *w : moved)
        grid->removeWidget(w);
    const Qt::Alignment left = narrow ? Qt::AlignLeft : Qt::Alignment();
    const int visibilityRow = narrow ? 3 : 2;
    grid->addWidget(m_ui->assignToMeButton, narrow ? 2 : 1, narrow ? 1 : 2, left);
    grid->addWidget(m_ui->visibilityLabel, visibilityRow, 0);
    grid->addWidget(m_ui->visibilityValueLabel, visibilityRow, 1);
    grid->addWidget(m_ui->visibilityButton, narrow ? 4 : 2, narrow ? 1 : 2, left);
    grid->addWidget(m_ui->assignmentInfoLabel, narrow ? 5 : 3, 1, 1, narrow ? 1 : 2);
    grid->addWidget(m_ui->dueLabel, narrow ? 6 : 4, 0);
    grid->addWidget(m_ui->dueValueLabel, narrow ? 6 : 4, 1, 1, narrow ? 1 : 2);
}

void TicketHeaderWidget::fill()
{
    fillTitle();
    const core::TicketSummary s = m_document->shownSummary();
    QComboBox *priority = m_ui->priorityComboBox;
    priority->setCurrentIndex(priority->findData(int(s.priority)));
    m_ui->statusFlowWidget->setStatus(s.status);
    m_ui->statusFlowWidget->setEditable(true);
    m_ui->assignToMeButton->setEnabled(m_api->myId() != 0);
    selectAssignee();
    fillAssignmentInfo();
    fillDue();
    updateGeometry(); // the minimum width follows the texts (a longer name, a button)
    updateArrangement();
}

void TicketHeaderWidget::fillTitle()
{
    const core::TicketSummary s = m_document->shownSummary();
    m_ui->titleLabel->setText(s.title);
    m_ui->numberLabel->setText(s.number);
    const bool internal = s.visibility == core::Visibility::Internal;
    QLabel *badge = m_ui->visibilityBadgeLabel;
    badge->setText(models::visibilityLabel(s.visibility));
    badge->setToolTip(internal ? tr("Staff only: the device's code users do not see this ticket")
                               : tr("The device's code users see this ticket"));
    // Amber for internal, so that nobody answers an internal ticket as if the customer read it.
    const QString sheet = internal ? u"QLabel { background-color: #f2b33d; color: #3b2600;"
                                     " border-radius: 4px; padding: 2px 8px; font-weight: bold; }"_s
                                   : u"QLabel { border: 1px solid palette(mid);"
                                     " border-radius: 4px; padding: 1px 7px; }"_s;
    if (badge->styleSheet() != sheet) // restyling is not free; most refills change other things
        badge->setStyleSheet(sheet);
    m_ui->visibilityValueLabel->setText(models::visibilityLabel(s.visibility));
    m_ui->visibilityButton->setText(internal ? tr("Make public…") : tr("Make internal…"));
}

void TicketHeaderWidget::fillAssignmentInfo()
{
    const QJsonObject a = m_document->ticket().assignment;
    QLabel *label = m_ui->assignmentInfoLabel;
    if (a.isEmpty()) {
        label->setText(m_document->ticket().summary.assigneeId ? QString()
                                                               : tr("Not assigned yet"));
        label->setVisible(!label->text().isEmpty());
        setFlagged(label, false);
        return;
    }
    const models::AssignmentInfo info =
        models::describeAssignment(a, [this](qint64 id) { return m_directory->staffName(id); });
    const QString when = info.at ? models::shortDateTime(info.at) : QString();
    label->setText(when.isEmpty()
                       ? info.text
                       : tr("%1 \u00b7 %2", "assignment info, time").arg(info.text, when));
    label->setToolTip(info.at ? models::longDateTime(info.at) : QString());
    setFlagged(label, info.flagged);
    label->setVisible(true);
}

void TicketHeaderWidget::setStatusReason(const QString &text)
{
    m_ui->statusReasonLabel->setText(text);
    m_ui->statusReasonLabel->setVisible(!text.isEmpty());
    m_ui->statusFlowWidget->setToolTip(text);
    m_ui->statusFlowWidget->setAccessibleDescription(text);
}

void TicketHeaderWidget::fillDue()
{
    // The response clocks in one line (staff only: absent for a ticket without them), red
    // when breached, amber within the hour, as in the table's Due column. One line that
    // never widens the pane (a wrapping label's height-for-width squeezed the device and
    // customer boxes below it): what a narrow pane cuts off is in the tooltip.
    const core::TicketSummary &s = m_document->ticket().summary;
    const models::DueCell due(s, core::nowMsecs());
    const QString line = due.summaryLine();
    m_ui->dueLabel->setVisible(!line.isEmpty());
    m_ui->dueValueLabel->setVisible(!line.isEmpty());
    m_ui->dueValueLabel->setText(line);
    m_ui->dueValueLabel->setToolTip(due.toolTip());
    const QVariant colour = due.data(Qt::ForegroundRole);
    QPalette p = m_ui->dueLabel->palette();
    if (colour.isValid())
        p.setColor(QPalette::WindowText, colour.value<QBrush>().color());
    m_ui->dueValueLabel->setPalette(p);
}

void TicketHeaderWidget::markUnsent(const QJsonObject &unsent)
{
    auto mark = [](QWidget *widget, bool unsentValue) {
        QFont font = widget->font();
        if (font.italic() == unsentValue)
            return;
        font.setItalic(unsentValue);
        widget->setFont(font);
    };
    mark(m_ui->priorityComboBox, unsent.contains(u"priority"));
    mark(m_ui->assigneeComboBox, unsent.contains(u"assigneeId"));
    mark(m_ui->statusFlowWidget, unsent.contains(u"status"));
    mark(m_ui->titleLabel, unsent.contains(u"title"));
    mark(m_ui->visibilityBadgeLabel, unsent.contains(u"visibility"));
}

void TicketHeaderWidget::setBusy(bool busy)
{
    // The editors stay usable: the document queues edits made while one is in flight.
    m_ui->busyLabel->setVisible(busy);
}

void TicketHeaderWidget::rebuildAssigneeItems()
{
    QComboBox *combo = m_ui->assigneeComboBox;
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(tr("Unassigned"));
    const models::StaffModel *staff = m_directory->staffModel();
    auto *items = qobject_cast<QStandardItemModel *>(combo->model());
    for (int row = 0; row < staff->rowCount(); ++row) {
        const QModelIndex index = staff->index(row);
        combo->addItem(index.data(Qt::DisplayRole).toString(),
                       index.data(models::StaffModel::IdRole));
        // Former staff stay visible (old tickets name them) but take no new tickets.
        if (items && !index.data(models::StaffModel::ActiveRole).toBool())
            items->item(combo->count() - 1)->setEnabled(false);
    }
    combo->lineEdit()->setModified(false);
    if (m_document->isLoaded())
        selectAssignee();
}

void TicketHeaderWidget::selectAssignee()
{
    QComboBox *combo = m_ui->assigneeComboBox;
    // Don't overwrite a name the user is typing.
    if (combo->lineEdit()->hasFocus() && combo->lineEdit()->isModified())
        return;
    const core::TicketSummary s = m_document->shownSummary();
    const int index = s.assigneeId ? combo->findData(*s.assigneeId) : 0;
    combo->setCurrentIndex(index);
    if (index < 0) // the staff list is not in yet
        combo->setEditText(s.assigneeName);
    combo->lineEdit()->setModified(false);
}

void TicketHeaderWidget::onPriorityActivated(int index)
{
    if (!m_document->isLoaded())
        return;
    const auto priority = core::Priority(m_ui->priorityComboBox->itemData(index).toInt());
    if (priority != m_document->shownSummary().priority)
        m_document->setPriority(priority);
}

void TicketHeaderWidget::onAssigneeActivated(int index)
{
    if (!m_document->isLoaded() || index < 0)
        return;
    const QVariant data = m_ui->assigneeComboBox->itemData(index);
    const std::optional<qint64> id =
        data.isValid() ? std::optional<qint64>(data.toLongLong()) : std::nullopt;
    m_ui->assigneeComboBox->lineEdit()->setModified(false);
    if (id != m_document->shownSummary().assigneeId)
        m_document->setAssignee(id);
}

bool TicketHeaderWidget::takeFirstAssigneeMatch()
{
    // Enter on a partly typed name ("jon") takes the completer's first match, as a click on
    // it would. An exact name or a row picked in the popup is handled by the combo box.
    QComboBox *combo = m_ui->assigneeComboBox;
    const QString typed = combo->currentText().trimmed();
    const QAbstractItemView *popup = combo->completer()->popup();
    if (!m_document->isLoaded() || typed.isEmpty() ||
        (popup->isVisible() && popup->currentIndex().isValid()) ||
        typed.compare(combo->itemText(combo->currentIndex()), Qt::CaseInsensitive) == 0)
        return false;
    const auto *items = qobject_cast<const QStandardItemModel *>(combo->model());
    for (int i = 0; i < combo->count(); ++i) {
        const bool enabled = !items || items->item(i)->isEnabled();
        if (enabled && combo->itemText(i).contains(typed, Qt::CaseInsensitive)) {
            combo->completer()->popup()->hide();
            combo->setCurrentIndex(i);
            onAssigneeActivated(i);
            return true;
        }
    }
    return false;
}

void TicketHeaderWidget::onAssigneeEditingFinished()
{
    // Leaving the field without picking (Return or the popup) shows the assignee again:
    // moving focus away never assigns anybody. Checked after the key that ended the edit
    // was handled, since Return finishes editing before the combo box activates the name.
    QTimer::singleShot(0, this, [this] {
        QComboBox *combo = m_ui->assigneeComboBox;
        if (m_document->isLoaded() && !combo->lineEdit()->hasFocus() &&
            combo->currentText() != combo->itemText(combo->currentIndex())) {
            combo->lineEdit()->setModified(false);
            selectAssignee();
        }
    });
}

void TicketHeaderWidget::onAssignToMe()
{
    const qint64 me = m_api->myId();
    if (m_document->isLoaded() && me != 0 && m_document->shownSummary().assigneeId != me)
        m_document->setAssignee(me);
}
