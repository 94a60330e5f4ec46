#pragma once

// Shared by the NotificationPolicy suites: a policy with an injected clock, me (Anna, fleet
// Nord), two known devices, the notifications it shows and the ticket lookups it asks for,
// and builders for the events of the stream.
#include "models/notificationpolicy.h"

#include <gtest/gtest.h>

#include <QJsonObject>

namespace notificationpolicytest {

using namespace Qt::StringLiterals;
using models::Notification;
using models::NotificationKind;
using models::NotificationPolicy;

constexpr qint64 Me = 7;
constexpr qint64 Other = 8;
constexpr qint64 Nord = 3; // my fleet
constexpr qint64 Sued = 4; // not mine
constexpr qint64 DeviceNord = 100;
constexpr qint64 DeviceSued = 200;

class NotificationPolicyTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        policy.setClock([this] { return now; });
        core::StaffMember me;
        me.id = Me;
        me.login = u"anna"_s;
        me.fleetIds = {Nord};
        policy.setMe(me);
        QObject::connect(&policy, &NotificationPolicy::notificationReady, &policy,
                         [this](const Notification &n) { shown.append(n); });
        QObject::connect(&policy, &NotificationPolicy::ticketLookupNeeded, &policy,
                         [this](qint64 id) { lookups.append(id); });
        knowDevice(DeviceNord, Nord, u"Nord"_s);
        knowDevice(DeviceSued, Sued, u"Süd"_s);
    }

    // Teaches the policy a device's fleet, as a lookup of a ticket on it would.
    void knowDevice(qint64 deviceId, qint64 fleetId, const QString &fleetName)
    {
        core::Ticket t;
        t.summary.id = 9000 + deviceId;
        t.device.id = deviceId;
        t.device.fleetId = fleetId;
        t.device.fleetName = fleetName;
        policy.setTicketFacts(t);
    }

    static QJsonObject summary(qint64 id, qint64 deviceId, std::optional<qint64> assignee)
    {
        core::TicketSummary t;
        t.id = id;
        t.number = u"T-%1"_s.arg(id);
        t.title = u"Title %1"_s.arg(id);
        t.deviceId = deviceId;
        t.assigneeId = assignee;
        return t.toJson(true);
    }
    static core::Event event(const QString &type, qint64 ticketId, const QJsonObject &data)
    {
        core::Event e;
        e.type = type;
        e.ticketId = ticketId;
        e.data = data;
        return e;
    }
    static core::Event created(qint64 id, qint64 deviceId = DeviceNord,
                               std::optional<qint64> assignee = std::nullopt)
    {
        return event(u"ticket.created"_s, id, summary(id, deviceId, assignee));
    }
    static core::Event assigned(qint64 id, std::optional<qint64> assignee)
    {
        QJsonObject data = summary(id, DeviceNord, assignee);
        data.insert(u"changes"_s, QJsonObject{{u"assigneeId"_s, core::optionalId(assignee)}});
        return event(u"ticket.updated"_s, id, data);
    }
    static core::Event post(const QString &type, qint64 ticketId, const QString &authorType,
                            qint64 authorId, const QString &body)
    {
        core::Post p;
        p.ticketId = ticketId;
        p.author = {authorType, authorId, u"Author %1"_s.arg(authorId)};
        p.body = body;
        return event(type, ticketId, p.toJson());
    }
    static core::Event message(qint64 ticketId, const QString &body = u"Hello"_s)
    {
        return post(u"message.created"_s, ticketId, u"code_user"_s, 50, body);
    }
    static core::Event note(qint64 ticketId, const QString &body, qint64 author = Other)
    {
        return post(u"note.created"_s, ticketId, u"staff"_s, author, body);
    }
    // A ticket of mine the policy knows.
    void mine(qint64 id)
    {
        policy.handleEvent(created(id, DeviceSued, Me));
        shown.clear();
        now += NotificationPolicy::MinIntervalMs;
    }

    qint64 now = 1'000'000;
    NotificationPolicy policy;
    QList<Notification> shown;
    QList<qint64> lookups;
};

} // namespace notificationpolicytest
