#include "apijob.h"

#include "errortext.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QJsonDocument>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace client {

namespace {

ApiError errorFrom(QNetworkReply *reply, int status, const QJsonValue &json)
{
    ApiError e;
    if (status >= 400) {
        e.kind = ApiError::Kind::Http;
        e.status = status;
        const QJsonObject err = json.toObject().value(u"error"_s).toObject();
        e.code = err.value(u"code"_s).toString();
        e.detail = err.value(u"message"_s).toString();
        e.field = err.value(u"field"_s).toString();
        e.message = serverErrorText(err, status);
        if (e.message.isEmpty())
            e.message = e.detail;
        if (e.message.isEmpty())
            e.message = QCoreApplication::translate("client::ApiJob", "The server answered %1.")
                            .arg(status);
        if (e.code.isEmpty())
            e.code = u"http_%1"_s.arg(status);
        return e;
    }
    if (status == 0 || reply->error() != QNetworkReply::NoError) {
        e.kind = ApiError::Kind::Network;
        e.code = u"network"_s;
        e.detail = reply->errorString();
        switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
            e.message = QCoreApplication::translate(
                "client::ApiJob", "The server refused the connection: is it running?");
            break;
        case QNetworkReply::HostNotFoundError:
            e.message = QCoreApplication::translate("client::ApiJob",
                                                    "The server's address was not found.");
            break;
        case QNetworkReply::RemoteHostClosedError:
            e.message =
                QCoreApplication::translate("client::ApiJob", "The server closed the connection.");
            break;
        default:
            e.message = e.detail; // Qt's own text, translated by its catalogue
        }
    }
    return e;
}

} // namespace

ApiJob::ApiJob(QNetworkReply *reply, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
{
    reply->setParent(this);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        ApiResult r;
        r.error.kind = ApiError::Kind::Timeout;
        r.error.code = u"timeout"_s;
        r.error.message =
            QCoreApplication::translate("client::ApiJob", "The server did not answer in time.");
        finish(r);
    });
    // Any traffic restarts the clock: a long upload that moves is not a timeout.
    auto restart = [this, timeoutMs](qint64 done, qint64 total) {
        m_timer.start(timeoutMs);
        Q_EMIT progress(done, total);
    };
    connect(reply, &QNetworkReply::uploadProgress, this, restart);
    connect(reply, &QNetworkReply::downloadProgress, this, restart);
    connect(reply, &QNetworkReply::readyRead, this, &ApiJob::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &ApiJob::onFinished);
    m_timer.start(timeoutMs);
}

ApiJob::ApiJob(const ApiError &error, QObject *parent)
    : QObject(parent)
{
    ApiResult r;
    r.error = error;
    QMetaObject::invokeMethod(
        this, [this, r] { finish(r); }, Qt::QueuedConnection);
}

ApiJob::~ApiJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void ApiJob::setSink(QIODevice *sink)
{
    m_sink = sink;
}

void ApiJob::abort()
{
    if (m_finished)
        return;
    ApiResult r;
    r.error.kind = ApiError::Kind::Canceled;
    r.error.code = u"canceled"_s;
    r.error.message = QCoreApplication::translate("client::ApiJob", "Canceled.");
    finish(r);
}

void ApiJob::onReadyRead()
{
    if (!m_sink || !m_reply)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 200 && status < 300)
        m_sink->write(m_reply->readAll());
}

void ApiJob::onFinished()
{
    if (m_finished || !m_reply)
        return;
    ApiResult r;
    r.status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.headers = m_reply->rawHeaderPairs();
    if (m_sink && r.status >= 200 && r.status < 300)
        m_sink->write(m_reply->readAll());
    else
        r.body = m_reply->readAll();
    if (!r.body.isEmpty()) {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &pe);
        if (pe.error == QJsonParseError::NoError)
            r.json = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        else if (r.status >= 200 && r.status < 300 && !m_sink &&
                 r.header("Content-Type").startsWith("application/json")) {
            r.error.kind = ApiError::Kind::Parse;
            r.error.status = r.status;
            r.error.code = u"parse"_s;
            r.error.message = QCoreApplication::translate("client::ApiJob",
                                                          "The server's answer could not be read.");
        }
    }
    if (r.error.isNone())
        r.error = errorFrom(m_reply, r.status, r.json);
    finish(r);
}

void ApiJob::finish(const ApiResult &result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        if (!m_reply->isFinished())
            m_reply->abort();
    }
    m_result = result;
    Q_EMIT finished(m_result);
    deleteLater();
}

} // namespace client
