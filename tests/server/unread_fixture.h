#pragma once

// Shared by the unread and needs-reply suites: TicketsTest with a second agent, and
// helpers for seen marks and the latest event seq.
#include "tickets_fixture.h"

namespace unreadtest {

using namespace ticketstest;

class UnreadTest : public TicketsTest
{
protected:
    void SetUp() override
    {
        TicketsTest::SetUp();
        ASSERT_FALSE(other.loginStaff(demoLogin(u"agent"_s, 1)).isEmpty());
        otherId = other.get(u"/me"_s).object().value(u"id"_s).toInteger();
        adminId = admin.get(u"/me"_s).object().value(u"id"_s).toInteger();
    }

    // The newest event seq: a stream asked to resume beyond it answers `resync` with it.
    qint64 latestSeq()
    {
        EventClient events;
        EXPECT_TRUE(events.open(m_server.baseUrl(), staff.token(), 1'000'000'000'000LL));
        const QJsonObject resync = events.waitFor(
            [](const QJsonObject &f) { return f.value(u"type"_s).toString() == u"resync"_s; });
        return resync.value(u"seq"_s).toInteger();
    }
    HttpResult markSeen(ApiClient &as, qint64 id, qint64 seq)
    {
        return as.send("PUT", u"/tickets/%1/seen"_s.arg(id),
                       QJsonDocument(QJsonObject{{u"seq"_s, seq}}).toJson(),
                       {{"Content-Type", "application/json"}});
    }
    HttpResult markSeenNow(ApiClient &as, qint64 id) { return markSeen(as, id, latestSeq()); }
    HttpResult markUnread(ApiClient &as, qint64 id)
    {
        return as.del(u"/tickets/%1/seen"_s.arg(id));
    }
    // The ticket's `unread` for `as` (a failure when the field is missing).
    bool unread(ApiClient &as, qint64 id)
    {
        const QJsonObject t = as.get(u"/tickets/%1"_s.arg(id)).object();
        EXPECT_TRUE(t.value(u"unread"_s).isBool()) << QJsonDocument(t).toJson().toStdString();
        return t.value(u"unread"_s).toBool();
    }
    // A public ticket of device A, created by the admin.
    QJsonObject adminTicket(const QString &title, const QJsonObject &extra = {})
    {
        QJsonObject o{{u"deviceId"_s, demoDeviceId(0)}, {u"assigneeId"_s, QJsonValue::Null}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            o.insert(it.key(), it.value());
        return create(admin, title, o);
    }
    HttpResult post(ApiClient &as, qint64 id, const QString &kind, const QString &text)
    {
        return as.post(u"/tickets/%1/%2"_s.arg(id).arg(kind), {{u"body"_s, text}});
    }
    HttpResult edit(ApiClient &as, qint64 id, const QJsonObject &changes)
    {
        return patch(as, id, changes, staff.versionOf(id));
    }

    ApiClient other{m_server.baseUrl()};
    ApiClient anonymous{m_server.baseUrl()};
    qint64 otherId = 0;
    qint64 adminId = 0;
};

} // namespace unreadtest
