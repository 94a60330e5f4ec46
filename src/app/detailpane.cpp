#include "detailpane.h"

#include "ui_detailpane.h"

#include "attachmenttransfers.h"
#include "client/apiclient.h"
#include "client/apiresult.h"
#include "core/timeutil.h"
#include "dialogs.h"
#include "models/directory.h"
#include "models/labels.h"
#include "models/ticketdocument.h"
#include "widgets/attachmentlistwidget.h"
#include "widgets/conflictbanner.h"

#include <QCompleter>
#include <QDir>
#include <QFileDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

// A name from the server used as a local file name: no folders, no characters that some
// file systems refuse, never hidden, never empty.
QString safeFileName(const QString &name)
{
    QString safe = name.section(u'/', -1).section(u'\\', -1);
    for (QChar &c : safe) {
        if (c.unicode() < 0x20 || QStringView(u":*?\"<>|").contains(c))
            c = u'_';
    }
    while (safe.startsWith(u'.'))
        safe.remove(0, 1);
    return safe.trimmed().isEmpty() ? u"attachment"_s : safe;
}

} // namespace

DetailPane::DetailPane(models::TicketDocument *document, models::Directory *directory,
                       client::ApiClient *api, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::DetailPane>())
    , m_document(document)
    , m_directory(directory)
    , m_api(api)
{
    m_ui->setupUi(this);
    m_transfers = new AttachmentTransfers(m_api, m_ui->attachmentList, this);
    m_ui->conflictBanner->hide();
    m_ui->unsentLabel->hide();
    m_ui->busyLabel->hide();
    applyMutedColors();
    m_ui->stackedWidget->setCurrentWidget(m_ui->placeholderPage);

    for (int p = 0; p < core::PriorityCount; ++p)
        m_ui->priorityComboBox->addItem(models::priorityLabel(core::Priority(p)), p);

    // Type any part of a name ("len" finds "Lena Weber") and pick from the popup.
    auto *completer = new QCompleter(m_ui->assigneeComboBox->model(), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    m_ui->assigneeComboBox->setCompleter(completer);
    m_ui->assigneeComboBox->lineEdit()->setPlaceholderText(tr("Type a name"));
    rebuildAssigneeItems();

    connect(m_document, &models::TicketDocument::loaded, this, &DetailPane::refill);
    connect(m_document, &models::TicketDocument::changed, this, &DetailPane::refill);
    connect(m_document, &models::TicketDocument::busyChanged, this, &DetailPane::onBusyChanged);
    connect(m_document, &models::TicketDocument::conflict, this, &DetailPane::onConflict);
    connect(m_document, &models::TicketDocument::errorOccurred, this, &DetailPane::onDocumentError);

    connect(m_directory, &models::Directory::loaded, this, [this] {
        rebuildAssigneeItems();
        refill();
    });
    models::StaffModel *staff = m_directory->staffModel();
    connect(staff, &QAbstractItemModel::modelReset, this, &DetailPane::rebuildAssigneeItems);
    connect(staff, &QAbstractItemModel::rowsInserted, this, &DetailPane::rebuildAssigneeItems);
    connect(staff, &QAbstractItemModel::rowsRemoved, this, &DetailPane::rebuildAssigneeItems);
    connect(staff, &QAbstractItemModel::dataChanged, this, &DetailPane::rebuildAssigneeItems);

    connect(m_ui->priorityComboBox, &QComboBox::activated, this, &DetailPane::onPriorityActivated);
    connect(m_ui->statusFlowWidget, &StatusFlowWidget::statusRequested, this,
            [this](core::Status status) {
                if (m_document->isLoaded() && status != m_document->shownSummary().status)
                    m_document->setStatus(status);
            });
    connect(m_ui->assigneeComboBox, &QComboBox::activated, this, &DetailPane::onAssigneeActivated);
    connect(m_ui->assigneeComboBox->lineEdit(), &QLineEdit::editingFinished, this,
            &DetailPane::onAssigneeEditingFinished);
    connect(m_ui->assignToMeButton, &QPushButton::clicked, this, &DetailPane::onAssignToMe);
    connect(m_ui->deviceTicketsButton, &QToolButton::clicked, this, [this] {
        if (const qint64 id = m_document->ticket().summary.deviceId)
            Q_EMIT deviceTicketsRequested(id);
    });
    connect(m_ui->customerTicketsButton, &QToolButton::clicked, this, [this] {
        if (const auto &customer = m_document->ticket().customer)
            Q_EMIT customerTicketsRequested(customer->id);
    });
    connect(m_ui->visibilityButton, &QPushButton::clicked, this, &DetailPane::onVisibilityClicked);

    ConflictBanner *banner = m_ui->conflictBanner;
    connect(banner, &ConflictBanner::reloadRequested, this, [this] {
        m_ui->conflictBanner->hide();
        m_document->reloadDiscarding();
    });
    connect(banner, &ConflictBanner::reapplyRequested, this, [this] {
        m_ui->conflictBanner->hide();
        m_document->reapply();
    });
    connect(banner, &ConflictBanner::dismissed, banner, &QWidget::hide);

    AttachmentListWidget *list = m_ui->attachmentList;
    connect(list, &AttachmentListWidget::uploadRequested, this, &DetailPane::queueUploads);
    connect(list, &AttachmentListWidget::filesDropped, this, &DetailPane::queueUploads);
    connect(list, &AttachmentListWidget::downloadRequested, this, &DetailPane::onDownloadRequested);
    connect(m_transfers, &AttachmentTransfers::uploaded, this, &DetailPane::onUploaded);
    connect(m_transfers, &AttachmentTransfers::failed, this, &DetailPane::errorMessage);

    refill();
}

DetailPane::~DetailPane() = default;

void DetailPane::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Device and customer side by side where there is room, one above the other in a narrow
    // pane, so that nothing needs scrolling sideways.
    constexpr int SideBySideWidth = 600;
    m_ui->deviceCustomerLayout->setDirection(width() >= SideBySideWidth ? QBoxLayout::LeftToRight
                                                                        : QBoxLayout::TopToBottom);
}

void DetailPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyMutedColors();
}

void DetailPane::applyMutedColors()
{
    // Between text and background, from the current palette: readable, yet clearly secondary,
    // in light and dark themes alike (disabled text is too faint for the empty state).
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    const QColor back = pal.color(QPalette::Window);
    const QColor muted = QColor::fromRgbF((text.redF() * 3 + back.redF() * 2) / 5,
                                          (text.greenF() * 3 + back.greenF() * 2) / 5,
                                          (text.blueF() * 3 + back.blueF() * 2) / 5);
    for (QLabel *label : {m_ui->placeholderLabel, m_ui->assignmentInfoLabel, m_ui->busyLabel}) {
        QPalette p = label->palette();
        p.setColor(QPalette::WindowText, muted);
        label->setPalette(p);
    }
}

void DetailPane::refill()
{
    if (m_document->id() == 0 || !m_document->isLoaded()) {
        m_shownTicketId = 0;
        m_uploaded.clear();
        m_ui->conflictBanner->hide();
        m_ui->unsentLabel->hide();
        m_ui->stackedWidget->setCurrentWidget(m_ui->placeholderPage);
        return;
    }
    const qint64 id = m_document->ticket().summary.id;
    if (id != m_shownTicketId) {
        // Another ticket: start at its top, without what belonged to the previous one.
        m_shownTicketId = id;
        m_uploaded.clear();
        m_ui->scrollArea->verticalScrollBar()->setValue(0);
    }
    if (m_document->pendingChange().isEmpty())
        m_ui->conflictBanner->hide();
    m_ui->stackedWidget->setCurrentWidget(m_ui->contentPage);
    // Every fill updates widgets in place, so focus and selections survive live updates.
    fillHeader();
    fillEditors();
    fillUnsent();
    fillAssignmentInfo();
    fillDeviceAndCustomer();
    fillFields();
    fillRating();
    fillAttachments();
}

void DetailPane::fillHeader()
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

void DetailPane::fillEditors()
{
    const core::TicketSummary s = m_document->shownSummary();
    QComboBox *priority = m_ui->priorityComboBox;
    priority->setCurrentIndex(priority->findData(int(s.priority)));
    m_ui->statusFlowWidget->setStatus(s.status);
    m_ui->statusFlowWidget->setEditable(true);
    m_ui->assignToMeButton->setEnabled(m_api->myId() != 0);
    selectAssignee();
}

void DetailPane::rebuildAssigneeItems()
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

void DetailPane::selectAssignee()
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

void DetailPane::fillAttachments()
{
    QList<core::Attachment> list = m_document->ticket().attachments;
    QStringList ids;
    for (const core::Attachment &a : std::as_const(list))
        ids.append(a.id);
    // The event for an upload of ours may come after its answer: show it until then.
    m_uploaded.removeIf([&ids](const core::Attachment &a) { return ids.contains(a.id); });
    for (const core::Attachment &a : std::as_const(m_uploaded)) {
        list.append(a);
        ids.append(a.id);
    }
    if (ids == m_attachmentIds)
        return;
    m_attachmentIds = ids;
    m_ui->attachmentList->setAttachments(list);
}

void DetailPane::onPriorityActivated(int index)
{
    if (!m_document->isLoaded())
        return;
    const auto priority = core::Priority(m_ui->priorityComboBox->itemData(index).toInt());
    if (priority != m_document->shownSummary().priority)
        m_document->setPriority(priority);
}

void DetailPane::onAssigneeActivated(int index)
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

void DetailPane::onAssigneeEditingFinished()
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

void DetailPane::onAssignToMe()
{
    const qint64 me = m_api->myId();
    if (m_document->isLoaded() && me != 0 && m_document->shownSummary().assigneeId != me)
        m_document->setAssignee(me);
}

void DetailPane::onVisibilityClicked()
{
    if (!m_document->isLoaded())
        return;
    const core::TicketSummary s = m_document->shownSummary();
    const bool makeInternal = s.visibility == core::Visibility::Public;
    const QString text =
        makeInternal
            ? tr("Make ticket %1 internal?\n\nThe device's code users will no longer see it "
                 "or its conversation.")
                  .arg(s.number)
            : tr("Make ticket %1 public?\n\nThe device's code users will see it and its "
                 "messages. Internal notes stay hidden.")
                  .arg(s.number);
    if (!confirm(tr("Change Visibility"), text))
        return;
    m_document->setVisibility(makeInternal ? core::Visibility::Internal : core::Visibility::Public);
}

bool DetailPane::confirm(const QString &title, const QString &text)
{
    return Dialogs::of(this).confirm(this, title, text);
}

void DetailPane::onConflict(const QJsonObject &change)
{
    m_ui->conflictBanner->setMessage(tr("Someone else changed this ticket meanwhile. Your change "
                                        "(%1) was not saved.")
                                         .arg(describeChange(change)));
    m_ui->conflictBanner->show();
}

QString DetailPane::describeChange(const QJsonObject &change) const
{
    QStringList parts;
    if (change.contains(u"title"))
        parts.append(tr("title: “%1”").arg(change.value(u"title").toString()));
    if (const auto s = core::parseStatus(change.value(u"status").toString()))
        parts.append(tr("status: %1").arg(models::statusLabel(*s)));
    if (const auto p = core::parsePriority(change.value(u"priority").toString()))
        parts.append(tr("priority: %1").arg(models::priorityLabel(*p)));
    if (change.contains(u"assigneeId")) {
        const std::optional<qint64> id = core::optionalIdFrom(change.value(u"assigneeId"));
        const QString name = id ? m_directory->staffName(*id) : QString();
        parts.append(!id ? tr("assignee: nobody")
                         : tr("assignee: %1").arg(name.isEmpty() ? QString::number(*id) : name));
    }
    if (const auto v = core::parseVisibility(change.value(u"visibility").toString()))
        parts.append(tr("visibility: %1").arg(models::visibilityLabel(*v)));
    return parts.join(tr(", ", "list separator"));
}

void DetailPane::onBusyChanged(bool busy)
{
    // The editors stay usable: the document queues edits made while one is in flight.
    m_ui->busyLabel->setVisible(busy);
}

void DetailPane::onDocumentError(const client::ApiError &error)
{
    Q_EMIT errorMessage(AttachmentTransfers::errorText(error));
}

void DetailPane::queueUploads(const QStringList &paths)
{
    if (m_document->isLoaded() && m_document->id() != 0)
        m_transfers->upload(m_document->id(), paths);
}

void DetailPane::onUploaded(qint64 ticketId, const core::Attachment &attachment)
{
    core::Attachment a = attachment;
    if (a.createdAt == 0)
        a.createdAt = core::nowMsecs();
    if (a.uploadedBy.id == 0)
        a.uploadedBy = {u"staff"_s, m_api->myId(), m_directory->staffName(m_api->myId())};
    if (ticketId == m_shownTicketId) {
        m_uploaded.append(a);
        fillAttachments();
    }
    Q_EMIT attachmentUploaded(a.id, a.name, false);
}

void DetailPane::onDownloadRequested(const QString &attachmentId, bool open)
{
    QString name;
    const QList<core::Attachment> known = m_document->ticket().attachments + m_uploaded;
    for (const core::Attachment &a : known) {
        if (a.id == attachmentId)
            name = a.name;
    }
    downloadAttachment(attachmentId, name, open);
}

void DetailPane::downloadAttachment(const QString &attachmentId, const QString &fileName, bool open)
{
    const QString name = safeFileName(fileName);
    QString target;
    if (open) {
        // A folder per attachment: two attachments with the same name don't overwrite each other.
        QString folder = attachmentId;
        folder.removeIf([](QChar c) { return !c.isLetterOrNumber(); });
        const QDir dir(QStandardPaths::writableLocation(QStandardPaths::TempLocation) +
                       u"/ticket-backoffice/"_s + folder);
        if (!dir.mkpath(u"."_s)) {
            Q_EMIT errorMessage(tr("Could not create a temporary folder for %1.").arg(name));
            return;
        }
        target = dir.filePath(name);
    } else {
        const QString downloads =
            QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
        target = Dialogs::of(this).saveFileName(this, tr("Save Attachment"),
                                                QDir(downloads).filePath(name));
    }
    if (!target.isEmpty())
        m_transfers->download(attachmentId, name, target, open);
}
