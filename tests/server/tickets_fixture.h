#pragma once

// Shared by the ticket suites: a seeded server with staff and code users signed in, and
// helpers to walk pages and compare sort orders.
#include "testsupport.h"

#include <QJsonDocument>
#include <QSet>
#include <QUrl>
#include <QUuid>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace ticketstest {

inline const QStringList kStatuses{u"new"_s, u"open"_s, u"waiting"_s, u"resolved"_s, u"closed"_s};
inline const QStringList kPriorities{u"low"_s, u"normal"_s, u"high"_s};

inline QString enc(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s, ","));
}

inline qint64 idOf(const QJsonObject &t)
{
    return t.value(u"id"_s).toInteger();
}

inline QList<qint64> ids(const QList<QJsonObject> &items)
{
    QList<qint64> out;
    for (const QJsonObject &t : items)
        out.append(idOf(t));
    return out;
}

// Every page of GET /tickets?query; fails the test when a page repeats a ticket.
inline QList<QJsonObject> listAll(ApiClient &api, const QString &query, int limit = 200)
{
    QList<QJsonObject> out;
    QSet<qint64> seen;
    QString cursor;
    for (int guard = 0; guard < 2000; ++guard) {
        const QString path = u"/tickets?limit=%1"_s.arg(limit) +
                             (query.isEmpty() ? QString() : u'&' + query) +
                             (cursor.isEmpty() ? QString() : u"&cursor="_s + enc(cursor));
        const HttpResult r = api.get(path);
        EXPECT_EQ(r.status, 200) << path.toStdString() << r.body.toStdString();
        if (r.status != 200)
            break;
        for (const QJsonValue &v : r.items()) {
            EXPECT_FALSE(seen.contains(idOf(v.toObject()))) << "repeated in " << path.toStdString();
            seen.insert(idOf(v.toObject()));
            out.append(v.toObject());
        }
        cursor = r.object().value(u"nextCursor"_s).toString();
        if (cursor.isEmpty())
            break;
    }
    return out;
}

// Whether a comes strictly before b under `sort`, ties by id in the last key's direction.
inline bool before(const QJsonObject &a, const QJsonObject &b, const QString &sort)
{
    bool descending = false;
    for (QString key : sort.split(u',')) {
        descending = key.startsWith(u'-');
        key.remove(u'-');
        auto value = [&](const QJsonObject &t) -> QString {
            if (key == u"priority")
                return QString::number(kPriorities.indexOf(t.value(key).toString()));
            if (key == u"status")
                return QString::number(kStatuses.indexOf(t.value(key).toString()));
            return t.value(key).toString(); // ISO times compare as text
        };
        const int c = value(a).compare(value(b));
        if (c != 0)
            return descending ? c > 0 : c < 0;
    }
    return descending ? idOf(a) > idOf(b) : idOf(a) < idOf(b);
}

inline QJsonObject problemFields(const HttpResult &r)
{
    return r.object().value(u"error"_s).toObject();
}

class TicketsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_server.isRunning()) << m_server.output().toStdString();
        ASSERT_FALSE(staff.loginStaff(demoLogin(u"agent"_s)).isEmpty());
        ASSERT_FALSE(admin.loginStaff(demoLogin(u"admin"_s)).isEmpty());
        ASSERT_FALSE(userA.loginDevice(demoDeviceCode(0), u"Feld A"_s).isEmpty());
        ASSERT_FALSE(userB.loginDevice(demoDeviceCode(1), u"Feld B"_s).isEmpty());
        staffId = staff.get(u"/me"_s).object().value(u"id"_s).toInteger();
    }

    // A valid problem report (flow 1 of the demo printer template), plus `extra`.
    static QJsonObject body(const QString &title, const QJsonObject &extra = {})
    {
        QJsonObject o{{u"flowId"_s, 1},
                      {u"title"_s, title},
                      {u"description"_s, u"Vom Tickettest angelegt."_s},
                      {u"fields"_s, QJsonObject{{u"since"_s, u"Heute"_s}, {u"usable"_s, true}}}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            o.insert(it.key(), it.value());
        return o;
    }
    QJsonObject create(ApiClient &as, const QString &title, const QJsonObject &extra = {})
    {
        const HttpResult r = as.post(u"/tickets"_s, body(title, extra));
        EXPECT_EQ(r.status, 201) << r.body.toStdString();
        return r.object();
    }
    HttpResult patch(ApiClient &as, qint64 id, const QJsonObject &changes, qint64 version)
    {
        return as.patch(u"/tickets/%1"_s.arg(id), changes,
                        {{"If-Match", '"' + QByteArray::number(version) + '"'}});
    }
    QList<qint64> search(ApiClient &as, const QString &q)
    {
        return ids(listAll(as, u"q="_s + enc(q)));
    }

    TestServer m_server; // a fresh server and data folder per test
    ApiClient staff{m_server.baseUrl()};
    ApiClient admin{m_server.baseUrl()};
    ApiClient userA{m_server.baseUrl()};
    ApiClient userB{m_server.baseUrl()};
    qint64 staffId = 0;
};

} // namespace ticketstest
