#pragma once

#include "core/types.h"

#include <QWidget>
#include <memory>

class QTreeWidgetItem;

namespace Ui {
class AttachmentListWidget;
}

// A ticket's files: icon, name, size, who added them and whether they are internal. Files
// come in by "Add file…" or by dropping them on the widget; the caller uploads them and
// reports progress with setTransferProgress()/finishTransfer(). "Open" and "Save as…"
// ask the caller to download the selected file.
class AttachmentListWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttachmentListWidget)

public:
    explicit AttachmentListWidget(QWidget *parent = nullptr);
    ~AttachmentListWidget() override;

    void setAttachments(const QList<core::Attachment> &attachments);
    QString selectedAttachmentId() const;
    // Whether files may be added (the Add button and drops).
    void setUploadEnabled(bool enabled);

    // A transfer in progress ("Uploading report.pdf"); total <= 0: size unknown.
    void setTransferProgress(const QString &label, qint64 done, qint64 total);
    void finishTransfer();

    // Narrow enough for a small window: the buttons go one under the other then.
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void filesDropped(const QStringList &paths);
    void uploadRequested(const QStringList &paths);
    // open: open it with the desktop's application; otherwise save a copy.
    void downloadRequested(const QString &attachmentId, bool open);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void addFiles();
    void requestDownload(bool open);
    void updateButtons();
    void arrangeButtons();
    void applyHintColor();
    QIcon iconFor(const core::Attachment &attachment) const;

    std::unique_ptr<Ui::AttachmentListWidget> m_ui;
    QString m_lastDirectory;
    bool m_uploadEnabled = true;
};
