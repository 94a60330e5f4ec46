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
#include "ticketheaderwidget.h"
#include "ticketinfowidget.h"
#include "widgets/attachmentlistwidget.h"
#include "widgets/conflictbanner.h"
#include "widgets/widgetstyle.h"

#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QScrollBar>
#include <QStandardPaths>

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
    m_header =
        new TicketHeaderWidget(m_document, m_directory, m_api, m_ui->scrollAreaWidgetContents);
    m_header->setObjectName(u"headerWidget"_s);
    m_info = new TicketInfoWidget(m_document, m_directory, m_ui->scrollAreaWidgetContents);
    m_info->setObjectName(u"infoWidget"_s);
    m_ui->contentLayout->insertWidget(0, m_header);
    m_ui->contentLayout->insertWidget(1, m_info);
    // Tab order: header, sections, attachments (the sections come from their own forms).
    setTabOrder(m_header, m_info);
    setTabOrder(m_info, m_ui->attachmentList);
    m_transfers = new AttachmentTransfers(m_api, m_ui->attachmentList, this);
    m_ui->conflictBanner->hide();
    m_ui->unsentLabel->hide();
    applyMutedColors();
    m_ui->stackedWidget->setCurrentWidget(m_ui->placeholderPage);

    connect(m_document, &models::TicketDocument::loaded, this, &DetailPane::refill);
    connect(m_document, &models::TicketDocument::changed, this, &DetailPane::refill);
    connect(m_document, &models::TicketDocument::busyChanged, m_header,
            &TicketHeaderWidget::setBusy);
    connect(m_document, &models::TicketDocument::conflict, this, &DetailPane::onConflict);
    connect(m_document, &models::TicketDocument::errorOccurred, this, &DetailPane::onDocumentError);

    connect(m_directory, &models::Directory::loaded, this, [this] {
        m_header->rebuildAssigneeItems();
        refill();
    });
    models::StaffModel *staff = m_directory->staffModel();
    connect(staff, &QAbstractItemModel::modelReset, m_header,
            &TicketHeaderWidget::rebuildAssigneeItems);
    connect(staff, &QAbstractItemModel::rowsInserted, m_header,
            &TicketHeaderWidget::rebuildAssigneeItems);
    connect(staff, &QAbstractItemModel::rowsRemoved, m_header,
            &TicketHeaderWidget::rebuildAssigneeItems);
    connect(staff, &QAbstractItemModel::dataChanged, m_header,
            &TicketHeaderWidget::rebuildAssigneeItems);

    connect(m_header, &TicketHeaderWidget::visibilityChangeRequested, this,
            &DetailPane::onVisibilityClicked);
    connect(m_info, &TicketInfoWidget::deviceTicketsRequested, this,
            &DetailPane::deviceTicketsRequested);
    connect(m_info, &TicketInfoWidget::customerTicketsRequested, this,
            &DetailPane::customerTicketsRequested);

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
    connect(m_transfers, &AttachmentTransfers::failed, this,
            [this](const QString &text) { Q_EMIT errorMessage(text); });

    refill();
}

DetailPane::~DetailPane() = default;

void DetailPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyMutedColors();
}

void DetailPane::applyMutedColors()
{
    // Readable, yet clearly secondary (disabled text is too faint for the empty state).
    const QPalette pal = palette();
    QPalette p = m_ui->placeholderLabel->palette();
    p.setColor(QPalette::WindowText, widgets::mixColors(pal.color(QPalette::WindowText),
                                                        pal.color(QPalette::Window), 0.4));
    m_ui->placeholderLabel->setPalette(p);
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
    m_header->fill();
    fillUnsent();
    m_info->fill();
    fillAttachments();
}

void DetailPane::fillUnsent()
{
    const QJsonObject unsent = m_document->unsentChange();
    // Italics on what shows the user's value rather than the server's, until it is confirmed.
    m_header->markUnsent(unsent);
    QLabel *label = m_ui->unsentLabel;
    label->setVisible(!unsent.isEmpty());
    if (unsent.isEmpty())
        return;
    label->setText(tr("Waiting to be sent: %1. The server cannot be reached now; your change is "
                      "kept and sent when it is back.")
                       .arg(describeChange(unsent)));
    QPalette palette = label->palette();
    const widgets::BannerColors colors =
        widgets::bannerColors(widgets::BannerTone::Warning, palette);
    palette.setColor(QPalette::Window, colors.background);
    palette.setColor(QPalette::WindowText, colors.text);
    label->setPalette(palette);
    label->setAutoFillBackground(true);
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

void DetailPane::onDocumentError(const client::ApiError &error)
{
    Q_EMIT errorMessage(AttachmentTransfers::errorText(error), error.isTransient());
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

void DetailPane::setStatusReason(const QString &text)
{
    m_header->setStatusReason(text);
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
