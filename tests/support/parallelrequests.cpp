#include "parallelrequests.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>
#include <memory>
#include <vector>

namespace testsupport {

QNetworkRequest jsonRequest(const QString &url, const QByteArray &token)
{
    QNetworkRequest r{QUrl(url)};
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    r.setRawHeader("Authorization", "Bearer " + token);
    return r;
}

QList<ParallelAnswer> sendInParallel(const QList<QNetworkRequest> &requests,
                                     const QByteArray &method, const QList<QByteArray> &bodies)
{
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    QList<QNetworkReply *> replies;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        managers.push_back(std::make_unique<QNetworkAccessManager>());
        replies.append(managers.back()->sendCustomRequest(requests[i], method, bodies[i]));
    }
    QList<ParallelAnswer> answers;
    for (QNetworkReply *reply : replies) {
        if (!reply->isFinished()) {
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
        }
        answers.append(
            {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()});
        reply->deleteLater();
    }
    return answers;
}

} // namespace testsupport
