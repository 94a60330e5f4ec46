#pragma once

#include "core/types.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <optional>

namespace client {
class ApiClient;
class ApiJob;
struct ApiError;
struct ApiResult;
} // namespace client
class AttachmentListWidget;

// The detail pane's attachment uploads and downloads: one after the other, each shown in
// the list's progress bar, so that dropping ten files doesn't open ten connections.
class AttachmentTransfers final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttachmentTransfers)

public:
    AttachmentTransfers(client::ApiClient *api, AttachmentListWidget *list,
                        QObject *parent = nullptr);
    ~AttachmentTransfers() override;

    // Public attachments of `ticketId` (the messenger's; internal ones belong to notes).
    void upload(qint64 ticketId, const QStringList &paths);
    // Into `target`; with `open`, opened with the desktop's application when complete.
    void download(const QString &attachmentId, const QString &name, const QString &target,
                  bool open);
    bool isBusy() const { return m_current.has_value(); }

    // A server error in words a window can show.
    static QString errorText(const client::ApiError &error);

Q_SIGNALS:
    void uploaded(qint64 ticketId, const core::Attachment &attachment);
    void failed(const QString &message);

private:
    struct Transfer {
        bool upload = true;
        qint64 ticketId = 0;
        QString path; // upload: the local file; download: the target
        QString attachmentId;
        QString name;
        bool open = false;
    };
    void enqueue(const Transfer &transfer);
    void startNext();
    void onFinished(const client::ApiResult &result);

    client::ApiClient *m_api;
    AttachmentListWidget *m_list;
    QList<Transfer> m_queue;
    std::optional<Transfer> m_current;
    QPointer<client::ApiJob> m_job;
};
