#include "bulkscenario.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <memory>

using namespace Qt::StringLiterals;

namespace bench {

std::optional<LoadSpec> bulkSpec(HttpConnection &setup, const QSet<qint64> &avoid, int count,
                                 double seconds, qint64 maxRequests)
{
    struct Target {
        qint64 id;
        qint64 version;
    };
    auto targets = std::make_shared<QList<Target>>();
    QString cursor;
    while (targets->size() < count) {
        QByteArray path = "/api/v1/tickets?sort=-createdAt&limit=200";
        if (!cursor.isEmpty())
            path += "&cursor=" + QUrl::toPercentEncoding(cursor);
        const HttpResponse r = call(setup, {"GET", path, {}, {}});
        const QJsonObject page = QJsonDocument::fromJson(r.body).object();
        for (const QJsonValue &v : page.value(u"items"_s).toArray()) {
            const qint64 id = v[u"id"_s].toInteger();
            if (!avoid.contains(id) && targets->size() < count)
                targets->append({id, v[u"version"_s].toInteger()});
        }
        cursor = page.value(u"nextCursor"_s).toString();
        if (r.status != 200 || cursor.isEmpty())
            break;
    }
    if (targets->size() < count)
        return std::nullopt;
    LoadSpec spec;
    spec.name = u"bulk"_s;
    spec.connections = 1;
    spec.seconds = seconds;
    spec.maxRequests = maxRequests;
    spec.next = [targets](int, qint64 n) {
        QJsonArray list;
        for (const Target &t : std::as_const(*targets))
            list.append(QJsonObject{{u"id"_s, t.id}, {u"version"_s, t.version}});
        const QJsonObject body{
            {u"tickets"_s, list},
            {u"changes"_s, QJsonObject{{u"priority"_s, n % 2 ? u"normal"_s : u"high"_s}}}};
        return HttpRequest{
            "POST", "/api/v1/tickets/bulk", QJsonDocument(body).toJson(QJsonDocument::Compact), {}};
    };
    spec.seen = [targets](int, const HttpResponse &r) {
        // Results come in request order.
        const QJsonArray results =
            QJsonDocument::fromJson(r.body).object().value(u"results"_s).toArray();
        for (qsizetype i = 0; i < results.size() && i < targets->size(); ++i) {
            if (results[i][u"status"_s].toInt() == 200)
                (*targets)[i].version = results[i][u"ticket"_s][u"version"_s].toInteger();
        }
    };
    return spec;
}

} // namespace bench
