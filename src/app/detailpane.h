#pragma once

#include "core/types.h"

#include <QList>
#include <QStringList>
#include <QWidget>
#include <memory>
#include <optional>

namespace Ui {
class DetailPane;
}
namespace client {
class ApiClient;
struct ApiError;
} // namespace client
namespace models {
class Directory;
class TicketDocument;
} // namespace models
class AttachmentTransfers;
class TicketHeaderWidget;
class TicketInfoWidget;

// The upper half of the ticket detail, scrolling: the header (TicketHeaderWidget: title,
// status flow, editors), the read-only sections (TicketInfoWidget: device and customer,
// description, form fields, rating) and the attachments (download/open, upload by button
// or drag and drop, with progress). Shows whatever the TicketDocument holds; asks before
// a visibility change; a stale edit shows the conflict banner, an unsent one says so.
class DetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailPane)

public:
    DetailPane(models::TicketDocument *document, models::Directory *directory,
               client::ApiClient *api, QWidget *parent = nullptr);
    ~DetailPane() override;

    // Opens or saves an attachment of the open ticket (also those of messages and notes),
    // through the pane's transfers and progress bar.
    void downloadAttachment(const QString &attachmentId, const QString &name, bool open);
    // See TicketHeaderWidget::setStatusReason.
    void setStatusReason(const QString &text);

Q_SIGNALS:
    // Something went wrong that the window should show (plain text); `serverAway`: it only
    // says that the server cannot be reached now.
    void errorMessage(const QString &text, bool serverAway = false);
    // An attachment was uploaded (for the notes/messages composer to offer attaching it).
    void attachmentUploaded(const QString &attachmentId, const QString &name, bool internal);
    // "All tickets of this device / customer".
    void deviceTicketsRequested(qint64 deviceId);
    void customerTicketsRequested(qint64 customerId);

private:
    void changeEvent(QEvent *event) override;
    void applyMutedColors();
    void refill();
    void fillUnsent();
    void fillAttachments();

    void onVisibilityClicked();
    void onConflict(const QJsonObject &change);
    void onDocumentError(const client::ApiError &error);
    QString describeChange(const QJsonObject &change) const;
    bool confirm(const QString &title, const QString &text);

    void queueUploads(const QStringList &paths);
    void onUploaded(qint64 ticketId, const core::Attachment &attachment);
    void onDownloadRequested(const QString &attachmentId, bool open);

    std::unique_ptr<Ui::DetailPane> m_ui;
    models::TicketDocument *m_document;
    models::Directory *m_directory;
    client::ApiClient *m_api;

    TicketHeaderWidget *m_header;
    TicketInfoWidget *m_info;
    qint64 m_shownTicketId = 0;
    // Uploaded here but not yet in the document (the attachment.created event follows).
    QList<core::Attachment> m_uploaded;
    // The attachment ids the list shows, to hand it a new list only when it changed.
    QStringList m_attachmentIds;
    AttachmentTransfers *m_transfers;
};
