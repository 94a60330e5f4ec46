#pragma once

#include "core/types.h"

#include <QList>
#include <QPair>
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

// The upper half of the ticket detail: title, number and visibility badge; the status
// flow; priority editor; assignee picker (type to search, "assign to me"); visibility
// switch (with confirmation); how the ticket was assigned; device and customer card;
// description and the flow's form fields; rating; attachments (download/open, upload by
// button or drag and drop, with progress). Shows whatever the TicketDocument holds and
// sends the user's edits through it; a stale edit shows the conflict banner.
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

Q_SIGNALS:
    // Something went wrong that the window should show (plain text).
    void errorMessage(const QString &text);
    // An attachment was uploaded (for the notes/messages composer to offer attaching it).
    void attachmentUploaded(const QString &attachmentId, const QString &name, bool internal);
    // "All tickets of this device / customer".
    void deviceTicketsRequested(qint64 deviceId);
    void customerTicketsRequested(qint64 customerId);

private:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void applyMutedColors();
    void refill();
    void fillHeader();
    void fillEditors();
    void fillUnsent();
    void fillAssignmentInfo();
    void fillDeviceAndCustomer();
    void fillFields();
    void fillRating();
    void fillAttachments();
    void rebuildAssigneeItems();
    void selectAssignee();

    void onPriorityActivated(int index);
    void onAssigneeActivated(int index);
    void onAssigneeEditingFinished();
    void onAssignToMe();
    void onVisibilityClicked();
    void onConflict(const QJsonObject &change);
    void onBusyChanged(bool busy);
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

    qint64 m_shownTicketId = 0;
    // Uploaded here but not yet in the document (the attachment.created event follows).
    QList<core::Attachment> m_uploaded;
    // What the form-fields section shows, to rebuild it only when it changed.
    QList<QPair<QString, QString>> m_fieldRows;
    QString m_fieldsTitle;
    // The attachment ids the list shows, to hand it a new list only when it changed.
    QStringList m_attachmentIds;
    AttachmentTransfers *m_transfers;
};
