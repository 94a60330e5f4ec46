#include "apiclient.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMimeDatabase>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace client {

namespace {

// RFC 6266/5987: the file name as UTF-8, percent-encoded.
QByteArray contentDisposition(const QString &fileName)
{
    return "attachment; filename*=UTF-8''" + QUrl::toPercentEncoding(fileName);
}

ApiError localError(const QString &message)
{
    ApiError e;
    e.kind = ApiError::Kind::Local;
    e.code = u"local"_s;
    e.message = message;
    return e;
}

} // namespace

ApiClient::ApiClient(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{
    qRegisterMetaType<client::ApiResult>();
    qRegisterMetaType<client::ApiError>();
}

ApiClient::~ApiClient() = default;

void ApiClient::setBaseUrl(const QUrl &apiBase)
{
    m_baseUrl = apiBase;
    QString path = m_baseUrl.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    m_baseUrl.setPath(path);
}

QNetworkRequest ApiClient::request(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + path);
    if (!query.isEmpty())
        url.setQuery(query);
    QNetworkRequest req(url);
    req.setRawHeader("Accept", "application/json");
    if (!m_token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_token);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    return req;
}

ApiJob *ApiClient::track(ApiJob *job)
{
    const bool hadToken = !m_token.isEmpty();
    m_inFlight.insert(job);
    connect(job, &QObject::destroyed, this, [this, job] { m_inFlight.remove(job); });
    connect(job, &ApiJob::finished, this, [this, hadToken, job](const ApiResult &r) {
        m_inFlight.remove(job);
        if (r.error.kind == ApiError::Kind::Canceled || r.error.kind == ApiError::Kind::Local)
            return;
        const bool reachable =
            r.error.kind != ApiError::Kind::Network && r.error.kind != ApiError::Kind::Timeout;
        if (reachable != m_reachable) {
            m_reachable = reachable;
            Q_EMIT reachabilityChanged(reachable);
        }
        if (hadToken && r.status == 401)
            Q_EMIT unauthorized();
    });
    return job;
}

ApiJob *ApiClient::get(const QString &path, const QUrlQuery &query)
{
    return track(new ApiJob(m_nam->get(request(path, query)), m_timeoutMs, this));
}

ApiJob *ApiClient::sendBody(const QByteArray &verb, const QString &path, const QUrlQuery &query,
                            const QJsonObject &body,
                            const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest req = request(path, query);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    const QByteArray data = QJsonDocument(body).toJson(QJsonDocument::Compact);
    ApiJob *job = track(new ApiJob(m_nam->sendCustomRequest(req, verb, data), m_timeoutMs, this));
    Q_EMIT changeSent(path, body);
    return job;
}

ApiJob *ApiClient::post(const QString &path, const QJsonObject &body,
                        const QByteArray &idempotencyKey)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!idempotencyKey.isEmpty())
        headers.append(qMakePair(QByteArray("Idempotency-Key"), idempotencyKey));
    return sendBody("POST", path, {}, body, headers);
}

ApiJob *ApiClient::patch(const QString &path, const QJsonObject &body, qint64 ifMatchVersion,
                         const QByteArray &idempotencyKey)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!idempotencyKey.isEmpty())
        headers.append(qMakePair(QByteArray("Idempotency-Key"), idempotencyKey));
    if (ifMatchVersion > 0)
        headers.append(
            qMakePair(QByteArray("If-Match"), '"' + QByteArray::number(ifMatchVersion) + '"'));
    return sendBody("PATCH", path, {}, body, headers);
}

ApiJob *ApiClient::put(const QString &path, const QJsonObject &body)
{
    return sendBody("PUT", path, {}, body, {});
}

ApiJob *ApiClient::deleteResource(const QString &path)
{
    return track(new ApiJob(m_nam->deleteResource(request(path)), m_timeoutMs, this));
}

ApiJob *ApiClient::upload(qint64 ticketId, const QString &filePath, bool internal,
                          const QByteArray &idempotencyKey)
{
    auto file = std::make_unique<QFile>(filePath);
    if (!file->open(QIODevice::ReadOnly)) {
        return new ApiJob(
            localError(QCoreApplication::translate("client::ApiClient", "Cannot read %1: %2")
                           .arg(QFileInfo(filePath).fileName(), file->errorString())),
            this);
    }
    QUrlQuery query;
    if (internal)
        query.addQueryItem(u"internal"_s, u"true"_s);
    QNetworkRequest req = request(u"/tickets/%1/attachments"_s.arg(ticketId), query);
    QString type = QMimeDatabase().mimeTypeForFile(filePath).name();
    if (type.isEmpty())
        type = u"application/octet-stream"_s;
    req.setHeader(QNetworkRequest::ContentTypeHeader, type.toUtf8());
    req.setHeader(QNetworkRequest::ContentLengthHeader, file->size());
    req.setRawHeader("Content-Disposition", contentDisposition(QFileInfo(filePath).fileName()));
    if (!idempotencyKey.isEmpty())
        req.setRawHeader("Idempotency-Key", idempotencyKey);
    QFile *raw = file.release();
    auto *job = new ApiJob(m_nam->post(req, raw), m_timeoutMs, this);
    raw->setParent(job);
    return track(job);
}

ApiJob *ApiClient::uploadData(qint64 ticketId, const QString &fileName, const QByteArray &data,
                              const QString &contentType, bool internal,
                              const QByteArray &idempotencyKey)
{
    QUrlQuery query;
    if (internal)
        query.addQueryItem(u"internal"_s, u"true"_s);
    QNetworkRequest req = request(u"/tickets/%1/attachments"_s.arg(ticketId), query);
    req.setHeader(QNetworkRequest::ContentTypeHeader, contentType.toUtf8());
    req.setRawHeader("Content-Disposition", contentDisposition(fileName));
    if (!idempotencyKey.isEmpty())
        req.setRawHeader("Idempotency-Key", idempotencyKey);
    return track(new ApiJob(m_nam->post(req, data), m_timeoutMs, this));
}

ApiJob *ApiClient::download(const QString &attachmentId, const QString &targetPath)
{
    auto file = std::make_unique<QSaveFile>(targetPath);
    if (!file->open(QIODevice::WriteOnly)) {
        return new ApiJob(
            localError(QCoreApplication::translate("client::ApiClient", "Cannot write %1: %2")
                           .arg(targetPath, file->errorString())),
            this);
    }
    QSaveFile *raw = file.release();
    auto *job = new ApiJob(m_nam->get(request(u"/attachments/%1"_s.arg(
                               QString::fromLatin1(QUrl::toPercentEncoding(attachmentId))))),
                           m_timeoutMs, this);
    raw->setParent(job);
    job->setSink(raw);
    // Keep the file only when the whole body arrived.
    connect(job, &ApiJob::finished, raw, [raw](const ApiResult &r) {
        if (r.ok())
            raw->commit();
        else
            raw->cancelWriting();
    });
    return track(job);
}

ApiJob *ApiClient::login(const QString &login, const QString &password)
{
    m_token.clear();
    ApiJob *job = post(u"/auth/login"_s, {{u"login"_s, login}, {u"password"_s, password}});
    connect(job, &ApiJob::finished, this, [this](const ApiResult &r) {
        if (!r.ok())
            return;
        m_token = r.object().value(u"token"_s).toString().toUtf8();
        m_myId = r.object().value(u"user"_s).toObject().value(u"id"_s).toInteger();
    });
    return job;
}

ApiJob *ApiClient::logout()
{
    ApiJob *job = post(u"/auth/logout"_s, {});
    m_token.clear();
    return job;
}

QByteArray ApiClient::newIdempotencyKey()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

} // namespace client
