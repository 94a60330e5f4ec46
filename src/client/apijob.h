#pragma once

#include "apiresult.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkReply;
class QIODevice;

namespace client {

// One request: owns its reply, its timeout and the mapping of the answer to an ApiResult.
// Emits finished() exactly once (also on timeout or abort), then deletes itself later.
class ApiJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiJob)

public:
    ~ApiJob() override;

    const ApiResult &result() const { return m_result; }
    bool isFinished() const { return m_finished; }
    // Stops waiting; finished() is emitted with ApiError::Kind::Canceled.
    void abort();

Q_SIGNALS:
    void finished(const client::ApiResult &result);
    // Bytes sent (uploads) or received (downloads) so far, of total (-1 if unknown).
    void progress(qint64 done, qint64 total);

private:
    friend class ApiClient;
    ApiJob(QNetworkReply *reply, int timeoutMs, QObject *parent);
    // A job that fails at once (e.g. an unreadable file), delivered on the next event loop turn.
    ApiJob(const ApiError &error, QObject *parent);
    void setSink(QIODevice *sink); // downloads: write the body here instead of keeping it
    void onReadyRead();
    void onFinished();
    void finish(const ApiResult &result);

    QPointer<QNetworkReply> m_reply;
    QIODevice *m_sink = nullptr;
    QTimer m_timer;
    ApiResult m_result;
    bool m_finished = false;
};

} // namespace client
