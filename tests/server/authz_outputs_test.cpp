// What code users receive: no internal ticket, note, attachment, customer datum or event
// ever reaches them, through lists, facets, search, single reads, history or the event
// stream. The statuses of every endpoint per role are in authz_matrix_test.cpp.
#include "testsupport.h"

#include <QJsonDocument>
#include <QSet>
#include <QUrl>
#include <gtest/gtest.h>
#include <map>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

// Words that occur nowhere else: in P's title, I's title, a message on I and a note on P.
const QString PublicWord = u"kolibriventil"_s;
const QString InternalWord = u"zebrafinkpumpe"_s;
const QString InternalMessageWord = u"internbotschaft"_s;
const QString NoteWord = u"notizgeheimnis"_s;

QSet<qint64> idsOf(const QJsonArray &items)
{
    QSet<qint64> ids;
    for (const QJsonValue &v : items)
        ids.insert(v.toObject().value(u"id"_s).toInteger());
    return ids;
}

class AuthzOutputs : public ::testing::Test
{
protected:
    TestServer server;
    ApiClient admin{server.baseUrl()};
    ApiClient agent{server.baseUrl()};
    ApiClient userA{server.baseUrl()};
    ApiClient userB{server.baseUrl()};
    qint64 deviceA = 0, deviceB = 0;
    qint64 publicId = 0, internalId = 0, publicOfB = 0;
    QString publicFile, internalFile;

    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_FALSE(admin.loginStaff(demoLogin(u"admin"_s)).isEmpty());
        ASSERT_FALSE(agent.loginStaff(demoLogin(u"agent"_s)).isEmpty());
        ASSERT_FALSE(userA.loginDevice(demoDeviceCode(0), u"Nutzer A"_s).isEmpty());
        ASSERT_FALSE(userB.loginDevice(demoDeviceCode(1), u"Nutzer B"_s).isEmpty());
        deviceA = demoDeviceId(0);
        deviceB = demoDeviceId(1);

        publicId = createTicket(userA, u"Matrix "_s + PublicWord).value(u"id"_s).toInteger();
        ASSERT_GT(publicId, 0);
        publicFile = uploadTextFile(userA, publicId, false).object().value(u"id"_s).toString();
        internalFile = uploadTextFile(admin, publicId, true).object().value(u"id"_s).toString();
        ASSERT_FALSE(publicFile.isEmpty());
        ASSERT_FALSE(internalFile.isEmpty());
        ASSERT_EQ(userA
                      .post(u"/tickets/%1/messages"_s.arg(publicId),
                            {{u"body"_s, u"Hallo"_s}, {u"attachmentIds"_s, QJsonArray{publicFile}}})
                      .status,
                  201);
        ASSERT_EQ(admin
                      .post(u"/tickets/%1/notes"_s.arg(publicId),
                            {{u"body"_s, NoteWord}, {u"attachmentIds"_s, QJsonArray{internalFile}}})
                      .status,
                  201);

        internalId = createTicket(admin, u"Matrix "_s + InternalWord,
                                  {{u"deviceId"_s, deviceA}, {u"visibility"_s, u"internal"_s}})
                         .value(u"id"_s)
                         .toInteger();
        ASSERT_GT(internalId, 0);
        ASSERT_EQ(
            admin
                .post(u"/tickets/%1/messages"_s.arg(internalId), {{u"body"_s, InternalMessageWord}})
                .status,
            201);
        ASSERT_EQ(
            admin.post(u"/tickets/%1/notes"_s.arg(internalId), {{u"body"_s, u"Notiz"_s}}).status,
            201);

        publicOfB = createTicket(userB, u"Matrix Gerät B"_s).value(u"id"_s).toInteger();
        ASSERT_GT(publicOfB, 0);
    }

    // Every page of a ticket list.
    static QJsonArray allPages(ApiClient &api, const QString &query, int *status = nullptr)
    {
        QJsonArray all;
        QString cursor;
        for (int page = 0; page < 100; ++page) {
            QString path = u"/tickets?limit=200"_s + (query.isEmpty() ? QString() : u'&' + query);
            if (!cursor.isEmpty())
                path += u"&cursor="_s + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
            const HttpResult r = api.get(path);
            if (status)
                *status = r.status;
            if (r.status != 200)
                break;
            for (const QJsonValue &v : r.items())
                all.append(v);
            cursor = r.object().value(u"nextCursor"_s).toString();
            if (cursor.isEmpty())
                break;
        }
        return all;
    }

    static auto about(const QString &type, qint64 ticketId)
    {
        return [type, ticketId](const QJsonObject &f) {
            return f.value(u"type"_s).toString() == type &&
                   f.value(u"ticketId"_s).toInteger() == ticketId;
        };
    }
};

// Count per value of `key` ("null" for null) over list items, and the same from a facet
// (an object of counts, or the assignee array of {assigneeId, count}); zero counts dropped.
std::map<std::string, int> countBy(const QJsonArray &items, const QString &key)
{
    std::map<std::string, int> counts;
    for (const QJsonValue &v : items) {
        const QJsonValue value = v.toObject().value(key);
        ++counts[value.isNull() ? "null" : value.toVariant().toString().toStdString()];
    }
    return counts;
}

std::map<std::string, int> facetCounts(const QJsonValue &facet)
{
    std::map<std::string, int> counts;
    if (facet.isArray()) {
        for (const QJsonValue &v : facet.toArray()) {
            const QJsonValue id = v.toObject().value(u"assigneeId"_s);
            if (const int n = v.toObject().value(u"count"_s).toInt())
                counts[id.isNull() ? "null" : std::to_string(id.toInteger())] = n;
        }
    } else {
        const QJsonObject o = facet.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (const int n = it.value().toInt())
                counts[it.key().toStdString()] = n;
        }
    }
    return counts;
}

TEST_F(AuthzOutputs, ListsAndFacetsShowCodeUsersTheirDevicesPublicTicketsOnly)
{
    struct CodeUser {
        ApiClient &api;
        qint64 device, own, foreign;
    };
    const QStringList filters{QString(),
                              u"visibility=internal"_s,
                              u"visibility=public,internal"_s,
                              u"device=%1"_s.arg(deviceA),
                              u"device=%1"_s.arg(deviceB),
                              u"device=%1,%2"_s.arg(deviceA).arg(deviceB),
                              u"status=new"_s,
                              u"priority=high,low"_s,
                              u"sort=-priority"_s,
                              u"q=Matrix"_s,
                              u"assignee=none"_s};
    for (const CodeUser &user : {CodeUser{userA, deviceA, publicId, publicOfB},
                                 CodeUser{userB, deviceB, publicOfB, publicId}}) {
        const QJsonArray all = allPages(user.api, {});
        for (const QString &filter : filters) {
            SCOPED_TRACE("device " + std::to_string(user.device) + ": " + filter.toStdString());
            int status = 0;
            const QJsonArray items = allPages(user.api, filter, &status);
            EXPECT_EQ(status, 200);
            for (const QJsonValue &v : items) {
                const QJsonObject t = v.toObject();
                EXPECT_EQ(t.value(u"deviceId"_s).toInteger(), user.device)
                    << "another device's ticket";
                EXPECT_EQ(t.value(u"visibility"_s).toString(), u"public"_s) << "an internal ticket";
                EXPECT_NE(t.value(u"id"_s).toInteger(), internalId);
                EXPECT_NE(t.value(u"id"_s).toInteger(), user.foreign);
                EXPECT_FALSE(t.contains(u"customerName"_s)) << "customer data";
            }
            if (filter.startsWith(u"sort"))
                continue; // facets take no sort
            const HttpResult facets = user.api.get(u"/tickets/facets?"_s + filter);
            ASSERT_EQ(facets.status, 200) << facets.body.toStdString();
            const QJsonObject f = facets.object();
            EXPECT_EQ(f.value(u"total"_s).toInt(), items.size()) << "facets count hidden tickets";
            // A dimension's counts leave out its own filter (what choosing a value would
            // give): compare them with the visible list without that filter.
            for (const auto &[dimension, key] :
                 {std::pair{u"status"_s, u"status"_s}, std::pair{u"priority"_s, u"priority"_s},
                  std::pair{u"assignee"_s, u"assigneeId"_s}}) {
                const QJsonArray &base = filter.startsWith(dimension + u'=') ? all : items;
                EXPECT_EQ(facetCounts(f.value(dimension)), countBy(base, key))
                    << dimension.toStdString();
            }
        }
        // Exactly what staff see as the public tickets of the device: nothing more or less.
        const QSet<qint64> seen = idsOf(all);
        EXPECT_TRUE(seen.contains(user.own));
        EXPECT_EQ(seen, idsOf(allPages(admin, u"device=%1&visibility=public"_s.arg(user.device))));
        // Customers are staff data: the filter matches nothing for code users.
        const qint64 customer = admin.get(u"/devices/%1"_s.arg(user.device))
                                    .object()
                                    .value(u"customerId"_s)
                                    .toInteger();
        EXPECT_TRUE(allPages(user.api, u"customer=%1"_s.arg(customer)).isEmpty());
        EXPECT_EQ(user.api.get(u"/tickets/facets?customer=%1"_s.arg(customer))
                      .object()
                      .value(u"total"_s)
                      .toInt(),
                  0);
    }
    EXPECT_FALSE(allPages(admin, u"visibility=internal&device=%1"_s.arg(deviceA)).isEmpty());
}

TEST_F(AuthzOutputs, SearchFindsHiddenThingsForStaffOnly)
{
    for (ApiClient *staff : {&admin, &agent}) {
        EXPECT_TRUE(idsOf(allPages(*staff, u"q="_s + InternalWord)).contains(internalId));
        EXPECT_TRUE(idsOf(allPages(*staff, u"q="_s + InternalMessageWord)).contains(internalId));
    }
    for (ApiClient *user : {&userA, &userB}) {
        for (const QString &word : {InternalWord, InternalMessageWord, NoteWord}) {
            SCOPED_TRACE(word.toStdString());
            EXPECT_TRUE(allPages(*user, u"q="_s + word).isEmpty());
            EXPECT_EQ(user->get(u"/tickets/facets?q="_s + word).object().value(u"total"_s).toInt(),
                      0);
        }
    }
    EXPECT_EQ(idsOf(allPages(userA, u"q="_s + PublicWord)), QSet<qint64>{publicId});
    EXPECT_TRUE(allPages(userB, u"q="_s + PublicWord).isEmpty());
}

TEST_F(AuthzOutputs, SingleReadsCarryNoCustomerDataNoNotesAndNoInternalFiles)
{
    const QJsonObject staffView = admin.get(u"/tickets/%1"_s.arg(publicId)).object();
    ASSERT_TRUE(staffView.contains(u"customer"_s)); // the fixture has something to hide
    ASSERT_TRUE(QJsonDocument(staffView).toJson().contains(internalFile.toUtf8()));

    const HttpResult ticket = userA.get(u"/tickets/%1"_s.arg(publicId));
    ASSERT_EQ(ticket.status, 200);
    const QJsonObject t = ticket.object();
    EXPECT_FALSE(t.contains(u"customer"_s));
    EXPECT_FALSE(t.contains(u"customerName"_s));
    for (const QString &key : {u"customerId"_s, u"fleetId"_s, u"fleetName"_s})
        EXPECT_FALSE(t.value(u"device"_s).toObject().contains(key)) << key.toStdString();
    const QSet<QString> files = [&] {
        QSet<QString> ids;
        for (const QJsonValue &a : t.value(u"attachments"_s).toArray()) {
            EXPECT_FALSE(a.toObject().value(u"internal"_s).toBool());
            ids.insert(a.toObject().value(u"id"_s).toString());
        }
        return ids;
    }();
    EXPECT_TRUE(files.contains(publicFile));
    EXPECT_FALSE(files.contains(internalFile));

    // No answer a code user gets about P mentions the note or its file.
    for (const QString &path :
         {u"/tickets/%1"_s, u"/tickets/%1/messages"_s, u"/tickets/%1/history"_s}) {
        const HttpResult r = userA.get(path.arg(publicId));
        EXPECT_EQ(r.status, 200) << path.toStdString();
        EXPECT_FALSE(r.body.contains(internalFile.toUtf8())) << path.toStdString();
        EXPECT_FALSE(r.body.contains(NoteWord.toUtf8())) << path.toStdString();
    }
    // The device, alone or listed, without fleet or customer.
    const HttpResult device = userA.get(u"/devices/%1"_s.arg(deviceA));
    EXPECT_EQ(device.status, 200);
    EXPECT_FALSE(device.object().contains(u"customerId"_s));
    const QJsonArray devices = userA.get(u"/devices"_s).items();
    ASSERT_EQ(devices.size(), 1);
    EXPECT_EQ(devices.first().toObject().value(u"id"_s).toInteger(), deviceA);
    EXPECT_FALSE(devices.first().toObject().contains(u"customerId"_s));
}

TEST_F(AuthzOutputs, HistoryAndEventsKeepWhatHappenedWhileInternalFromCodeUsers)
{
    EventClient stream;
    ASSERT_TRUE(stream.open(server.baseUrl(), userA.token()));
    const QString path = u"/tickets/%1"_s.arg(publicId);
    auto patch = [&](const QJsonObject &body) {
        const QByteArray tag = '"' + QByteArray::number(admin.versionOf(publicId)) + '"';
        return admin.patch(path, body, {{"If-Match", tag}}).status;
    };
    ASSERT_EQ(patch({{u"visibility"_s, u"internal"_s}}), 200);
    EXPECT_EQ(userA.get(path).status, 404);
    ASSERT_EQ(patch({{u"priority"_s, u"high"_s}}), 200); // a fact of an internal ticket
    ASSERT_EQ(patch({{u"visibility"_s, u"public"_s}}), 200);
    ASSERT_EQ(userA.post(path + u"/messages"_s, {{u"body"_s, u"Wieder da"_s}}).status, 201);

    const QJsonArray staffHistory = admin.get(path + u"/history"_s).items();
    qint64 firstHidden = 0, lastHidden = 0; // the visibility entries and what lies between
    for (const QJsonValue &v : staffHistory) {
        const QJsonObject h = v.toObject();
        if (h.value(u"field"_s).toString() == u"visibility") {
            lastHidden = h.value(u"id"_s).toInteger();
            firstHidden = firstHidden ? firstHidden : lastHidden;
        }
    }
    ASSERT_GT(lastHidden, firstHidden) << "staff history lacks the visibility changes";
    const HttpResult mine = userA.get(path + u"/history"_s);
    ASSERT_EQ(mine.status, 200);
    const QSet<qint64> staffIds = idsOf(staffHistory);
    for (const QJsonValue &v : mine.items()) {
        const QJsonObject h = v.toObject();
        const qint64 id = h.value(u"id"_s).toInteger();
        EXPECT_TRUE(staffIds.contains(id));
        EXPECT_NE(h.value(u"field"_s).toString(), u"visibility"_s) << "internal fact in history";
        EXPECT_FALSE(id >= firstHidden && id <= lastHidden)
            << "a change made while the ticket was internal: "
            << QJsonDocument(h).toJson().toStdString();
    }

    ASSERT_FALSE(stream.waitFor(about(u"message.created"_s, publicId)).isEmpty());
    for (const QJsonObject &f : stream.frames()) {
        const QJsonObject changes = f.value(u"data"_s).toObject().value(u"changes"_s).toObject();
        EXPECT_FALSE(changes.contains(u"visibility"_s) || changes.contains(u"priority"_s))
            << "the stream tells that P was internal: "
            << QJsonDocument(f).toJson(QJsonDocument::Compact).toStdString();
    }
}

TEST_F(AuthzOutputs, EventStreamCarriesNothingHiddenToCodeUsers)
{
    EventClient replayA, liveA, liveB, staff;
    ASSERT_TRUE(replayA.open(server.baseUrl(), userA.token(), 0));
    ASSERT_TRUE(liveA.open(server.baseUrl(), userA.token()));
    ASSERT_TRUE(liveB.open(server.baseUrl(), userB.token()));
    ASSERT_TRUE(staff.open(server.baseUrl(), admin.token()));

    // While they listen: changes on I, a note and an internal file on P, a new internal ticket.
    const QString ticketI = u"/tickets/%1"_s.arg(internalId);
    const QByteArray tag = '"' + QByteArray::number(admin.versionOf(internalId)) + '"';
    EXPECT_EQ(admin.patch(ticketI, {{u"priority"_s, u"high"_s}}, {{"If-Match", tag}}).status, 200);
    EXPECT_EQ(admin.post(ticketI + u"/messages"_s, {{u"body"_s, u"Noch intern"_s}}).status, 201);
    EXPECT_EQ(uploadTextFile(admin, internalId, false).status, 201);
    const QString lateFile =
        uploadTextFile(admin, publicId, true).object().value(u"id"_s).toString();
    EXPECT_FALSE(lateFile.isEmpty());
    EXPECT_EQ(admin
                  .post(u"/tickets/%1/notes"_s.arg(publicId),
                        {{u"body"_s, NoteWord}, {u"attachmentIds"_s, QJsonArray{lateFile}}})
                  .status,
              201);
    const qint64 secondInternal =
        createTicket(admin, u"Matrix zweites internes"_s,
                     {{u"deviceId"_s, deviceA}, {u"visibility"_s, u"internal"_s}})
            .value(u"id"_s)
            .toInteger();
    EXPECT_GT(secondInternal, 0);
    // Last, something A may see: once it arrived, everything before it would have, too.
    ASSERT_EQ(admin.post(u"/tickets/%1/messages"_s.arg(publicId), {{u"body"_s, u"Ende"_s}}).status,
              201);
    ASSERT_FALSE(staff.waitFor(about(u"note.created"_s, publicId)).isEmpty());
    for (EventClient *a : {&replayA, &liveA}) {
        const QJsonObject last = a->waitFor([&](const QJsonObject &f) {
            return about(u"message.created"_s, publicId)(f) &&
                   f.value(u"data"_s).toObject().value(u"body"_s).toString() == u"Ende";
        });
        ASSERT_FALSE(last.isEmpty());
    }
    EXPECT_FALSE(replayA.waitFor(about(u"ticket.created"_s, publicId)).isEmpty())
        << "since=0 did not replay the fixture";
    liveB.collect(300);

    QSet<qint64> ticketsSeen;
    for (const auto &[name, client] : {std::pair{"replay A", &replayA}, std::pair{"live A", &liveA},
                                       std::pair{"live B", &liveB}}) {
        for (const QJsonObject &f : client->frames()) {
            const std::string text = name + std::string(": ") +
                                     QJsonDocument(f).toJson(QJsonDocument::Compact).toStdString();
            const qint64 ticketId = f.value(u"ticketId"_s).toInteger();
            const QJsonObject data = f.value(u"data"_s).toObject();
            EXPECT_NE(ticketId, internalId) << text;
            EXPECT_NE(ticketId, secondInternal) << text;
            EXPECT_NE(f.value(u"type"_s).toString(), u"note.created"_s) << text;
            EXPECT_NE(f.value(u"type"_s).toString(), u"presence"_s) << text;
            EXPECT_FALSE(data.value(u"internal"_s).toBool()) << text;
            for (const QString &secret : {internalFile, lateFile, NoteWord, InternalWord})
                EXPECT_FALSE(QString::fromStdString(text).contains(secret)) << text;
            for (const QString &key : {u"customerName"_s, u"customer"_s, u"customerId"_s})
                EXPECT_FALSE(data.contains(key)) << text;
            if (client == &liveB)
                EXPECT_NE(ticketId, publicId) << text;
            else if (ticketId > 0)
                ticketsSeen.insert(ticketId);
        }
    }
    // Every ticket A heard of is one A may read.
    for (const qint64 id : ticketsSeen)
        EXPECT_EQ(userA.get(u"/tickets/%1"_s.arg(id)).status, 200) << "ticket " << id;
}

} // namespace
