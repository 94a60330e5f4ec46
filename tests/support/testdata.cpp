// Test data helpers of testsupport.h: creating tickets and attachments through the API,
// and the server's demo accounts (staff logins and devices).
#include "testsupport.h"

#include <QJsonArray>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace testsupport {

HttpResult uploadTextFile(ApiClient &api, qint64 ticketId, bool internal)
{
    return api.send("POST",
                    u"/tickets/%1/attachments%2"_s.arg(ticketId).arg(internal ? u"?internal=true"_s
                                                                              : QString()),
                    "file of the matrix",
                    {{"Content-Type", "text/plain"},
                     {"Content-Disposition", "attachment; filename*=UTF-8''matrix.txt"}});
}

QJsonObject requiredFieldValues(const QJsonObject &flow)
{
    QJsonObject values;
    for (const QJsonValue &v : flow.value(u"fields"_s).toArray()) {
        const QJsonObject f = v.toObject();
        if (!f.value(u"required"_s).toBool())
            continue;
        const QString type = f.value(u"type"_s).toString();
        const QString key = f.value(u"key"_s).toString();
        if (type == u"number")
            values.insert(key, 1);
        else if (type == u"boolean")
            values.insert(key, true);
        else if (type == u"select")
            values.insert(key, f.value(u"options"_s).toArray().first().toString());
        else
            values.insert(key, u"Testwert"_s);
    }
    return values;
}

QJsonObject createTicket(ApiClient &api, const QString &title, const QJsonObject &extra,
                         HttpResult *failure)
{
    const QJsonArray flows = api.get(u"/flows"_s).items();
    QJsonObject flow = flows.first().toObject();
    if (extra.contains(u"deviceId"_s)) {
        const qint64 deviceId = extra.value(u"deviceId"_s).toInteger();
        const qint64 templateId =
            api.get(u"/devices/%1"_s.arg(deviceId)).object().value(u"templateId"_s).toInteger();
        const QJsonArray offered =
            api.get(u"/templates/%1"_s.arg(templateId)).object().value(u"flowIds"_s).toArray();
        for (const QJsonValue &f : flows) {
            if (!offered.isEmpty() && f.toObject().value(u"id"_s) == offered.first()) {
                flow = f.toObject();
                break;
            }
        }
    }
    if (extra.contains(u"flowId"_s)) { // that flow, with its required fields filled in
        for (const QJsonValue &f : flows) {
            if (f.toObject().value(u"id"_s) == extra.value(u"flowId"_s))
                flow = f.toObject();
        }
    }
    QJsonObject body;
    body.insert(u"flowId"_s, flow.value(u"id"_s));
    body.insert(u"title"_s, title);
    body.insert(u"description"_s, QString(u"Beschreibung von "_s + title));
    body.insert(u"fields"_s, requiredFieldValues(flow));
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    const HttpResult r = api.post(u"/tickets"_s, body);
    if (r.status != 201) {
        if (failure)
            *failure = r;
        return {};
    }
    return r.object();
}

const QJsonObject &demoAccounts()
{
    static const QJsonObject accounts = [] {
        QProcess p;
        p.start(serverExecutable(), {u"--demo-accounts"_s});
        p.waitForFinished(30000);
        return parseObject(p.readAllStandardOutput());
    }();
    return accounts;
}

QString demoLogin(const QString &role, int index)
{
    int seen = 0;
    for (const QJsonValue &v : demoAccounts().value(u"staff"_s).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(u"role"_s).toString() == role && seen++ == index)
            return o.value(u"login"_s).toString();
    }
    return {};
}

QString demoDeviceCode(int index)
{
    return demoAccounts()
        .value(u"devices"_s)
        .toArray()
        .at(index)
        .toObject()
        .value(u"code"_s)
        .toString();
}

qint64 demoDeviceId(int index)
{
    return demoAccounts()
        .value(u"devices"_s)
        .toArray()
        .at(index)
        .toObject()
        .value(u"deviceId"_s)
        .toInteger();
}

} // namespace testsupport
