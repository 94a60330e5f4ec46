#include "attachmenttransfers.h"

#include "client/apiclient.h"
#include "client/apijob.h"
#include "widgets/attachmentlistwidget.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QUrl>

AttachmentTransfers::AttachmentTransfers(client::ApiClient *api, AttachmentListWidget *list,
                                         QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_list(list)
{}

AttachmentTransfers::~AttachmentTransfers()
{
    // Nobody is left to hear the answers; the jobs delete themselves.
    m_queue.clear();
    if (m_job)
        m_job->disconnect(this);
}

void AttachmentTransfers::upload(qint64 ticketId, const QStringList &paths)
{
    for (const QString &path : paths) {
        Transfer t;
        t.upload = true;
        t.ticketId = ticketId;
        t.path = path;
        t.name = QFileInfo(path).fileName();
        enqueue(t);
    }
}

void AttachmentTransfers::download(const QString &attachmentId, const QString &name,
                                   const QString &target, bool open)
{
    Transfer t;
    t.upload = false;
    t.path = target;
    t.attachmentId = attachmentId;
    t.name = name;
    t.open = open;
    enqueue(t);
}

QString AttachmentTransfers::errorText(const client::ApiError &error)
{
    if (!error.message.isEmpty())
        return error.message;
    switch (error.kind) {
    case client::ApiError::Kind::Network:
        return tr("The server could not be reached.");
    case client::ApiError::Kind::Timeout:
        return tr("The server did not answer in time.");
    default:
        return tr("Unexpected error (%1).").arg(error.code);
    }
}

void AttachmentTransfers::enqueue(const Transfer &transfer)
{
    m_queue.append(transfer);
    if (!m_current)
        startNext();
}

void AttachmentTransfers::startNext()
{
    if (m_queue.isEmpty()) {
        m_current.reset();
        m_list->finishTransfer();
        return;
    }
    m_current = m_queue.takeFirst();
    const Transfer &t = *m_current;
    const QString label =
        t.upload ? tr("Uploading %1").arg(t.name) : tr("Downloading %1").arg(t.name);
    // A key per file: a retried upload of the same request never creates a second copy.
    m_job = t.upload
                ? m_api->upload(t.ticketId, t.path, false, client::ApiClient::newIdempotencyKey())
                : m_api->download(t.attachmentId, t.path);
    m_list->setTransferProgress(label, 0, -1);
    connect(m_job, &client::ApiJob::progress, this, [this, label](qint64 done, qint64 total) {
        m_list->setTransferProgress(label, done, total);
    });
    connect(m_job, &client::ApiJob::finished, this, &AttachmentTransfers::onFinished);
}

void AttachmentTransfers::onFinished(const client::ApiResult &result)
{
    if (!m_current)
        return;
    const Transfer t = *m_current;
    if (t.upload && result.ok()) {
        core::Attachment a = core::Attachment::fromJson(result.object());
        a.internal = false;
        Q_EMIT uploaded(t.ticketId, a);
    } else if (t.upload) {
        Q_EMIT failed(tr("Could not upload %1: %2").arg(t.name, errorText(result.error)));
    } else if (!result.ok()) {
        Q_EMIT failed(tr("Could not download %1: %2").arg(t.name, errorText(result.error)));
    } else if (t.open && !QDesktopServices::openUrl(QUrl::fromLocalFile(t.path))) {
        Q_EMIT failed(tr("No application is set up to open %1.").arg(t.name));
    }
    startNext();
}
