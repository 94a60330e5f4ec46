#include "delivery.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace bench {

LoadResult runDelivery(const DeliverySpec &spec)
{
    LoadResult r;
    r.name = u"event delivery"_s;
    auto noteError = [&r](int status, const QByteArray &body) {
        ++r.errors;
        if (r.firstErrorBody.isEmpty()) {
            r.firstErrorStatus = status;
            r.firstErrorBody = body.left(600);
        }
    };

    QWebSocket listener;
    QNetworkRequest request(QUrl(u"ws://%1:%2/api/v1/events"_s.arg(spec.host).arg(spec.port)));
    request.setRawHeader("Authorization", "Bearer " + spec.listenerToken);
    {
        QEventLoop wait;
        QObject::connect(&listener, &QWebSocket::connected, &wait, &QEventLoop::quit);
        QObject::connect(&listener, &QWebSocket::disconnected, &wait, &QEventLoop::quit);
        QTimer::singleShot(10000, &wait, &QEventLoop::quit);
        listener.open(request);
        wait.exec();
    }
    if (listener.state() != QAbstractSocket::ConnectedState) {
        noteError(0, "the event stream did not open: " + listener.errorString().toUtf8());
        return r;
    }

    HttpConnection poster(spec.host, spec.port, spec.posterToken);
    if (!poster.connectNow(5000)) {
        noteError(0, "cannot connect to the server");
        return r;
    }
    const QByteArray target = "/api/v1/tickets/" + QByteArray::number(spec.ticketId) + "/messages";

    QEventLoop loop;
    QTimer eventTimeout;
    eventTimeout.setSingleShot(true);
    const qint64 start = nowNs();
    const qint64 deadline = start + qint64(spec.seconds * 1e9);
    qint64 lastEnd = start;
    qint64 posted = 0;
    qint64 sentAt = 0;
    QString marker;
    bool httpDone = true;
    bool eventDone = true;

    std::function<void()> next;
    auto maybeNext = [&] {
        if (!httpDone || !eventDone)
            return;
        eventTimeout.stop();
        lastEnd = nowNs();
        if (lastEnd < deadline && posted < spec.maxPosts)
            next();
        else
            loop.quit();
    };
    next = [&] {
        marker = u"bench delivery %1"_s.arg(++posted);
        httpDone = eventDone = false;
        ++r.requests;
        HttpRequest post;
        post.method = "POST";
        post.target = target;
        post.body = QJsonDocument(QJsonObject{{u"body"_s, marker}}).toJson(QJsonDocument::Compact);
        sentAt = nowNs();
        eventTimeout.start(spec.eventTimeoutMs);
        poster.send(post, [&](const HttpResponse &response, qint64) {
            httpDone = true;
            if (!response.ok()) {
                noteError(response.status, response.status ? response.body : "no answer");
                eventDone = true; // nothing was posted: no event to wait for
            }
            maybeNext();
        });
    };
    QObject::connect(&listener, &QWebSocket::textMessageReceived, &loop, [&](const QString &text) {
        if (eventDone)
            return;
        const qint64 at = nowNs();
        const QJsonObject event = QJsonDocument::fromJson(text.toUtf8()).object();
        if (event.value(u"type"_s).toString() != u"message.created" ||
            event.value(u"data"_s).toObject().value(u"body"_s).toString() != marker)
            return;
        r.latencyNs.push_back(at - sentAt);
        eventDone = true;
        maybeNext();
    });
    QObject::connect(&eventTimeout, &QTimer::timeout, &loop, [&] {
        noteError(0, "message.created not received within the event timeout");
        eventDone = true;
        maybeNext();
    });
    QObject::connect(&listener, &QWebSocket::disconnected, &loop, [&] {
        noteError(0, "the event stream closed: " + listener.closeReason().toUtf8());
        loop.quit();
    });
    QTimer watchdog;
    watchdog.setSingleShot(true);
    QObject::connect(&watchdog, &QTimer::timeout, &loop, &QEventLoop::quit);
    watchdog.start(int(spec.seconds * 1000) + spec.eventTimeoutMs + 30000);

    next();
    loop.exec();
    QObject::disconnect(&listener, nullptr, &loop, nullptr);
    poster.abort();
    listener.close();
    r.seconds = double(lastEnd - start) / 1e9;
    std::sort(r.latencyNs.begin(), r.latencyNs.end());
    return r;
}

} // namespace bench
