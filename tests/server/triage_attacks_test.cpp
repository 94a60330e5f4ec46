// The triage routes (text modules, macros, views and the bulk call) as someone out to get
// more than they may: a session that was signed out, one item more than the cap, and a code
// user who replays the event stream from the start after shared items came and went and a
// macro made their ticket internal for a while.
#include "library_fixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;
using namespace librarytest;

namespace {

class TriageAttacks : public LibraryTest
{
protected:
    static QJsonObject bulkOf(qint64 id, qint64 version, const QJsonObject &rest)
    {
        QJsonObject o = rest;
        o.insert(u"tickets"_s, QJsonArray{QJsonObject{{u"id"_s, id}, {u"version"_s, version}}});
        return o;
    }
};

TEST_F(TriageAttacks, ASignedOutSessionReachesNoTriageRoute)
{
    const qint64 id = createTicket(codeUser, u"Ziel"_s)[u"id"_s].toInteger();
    const qint64 version = agent.versionOf(id);
    ASSERT_GT(version, 0);
    const qint64 macro =
        agent
            .post(u"/macros"_s, {{u"name"_s, u"Vorher"_s},
                                 {u"changes"_s, QJsonObject{{u"priority"_s, u"high"_s}}}})
            .object()[u"id"_s]
            .toInteger();
    ASSERT_GT(macro, 0);
    ASSERT_EQ(agent.send("POST", u"/auth/logout"_s, {}).status, 204);

    const QJsonObject named{{u"name"_s, u"Nach der Abmeldung"_s}, {u"body"_s, u"Hallo"_s}};
    const QList<std::pair<QByteArray, QString>> reads{{"GET", u"/text-modules"_s},
                                                      {"GET", u"/macros"_s},
                                                      {"GET", u"/views"_s},
                                                      {"GET", u"/macros/%1"_s.arg(macro)},
                                                      {"DELETE", u"/macros/%1"_s.arg(macro)}};
    for (const auto &[method, path] : reads)
        EXPECT_EQ(agent.send(method, path, {}).status, 401)
            << method.constData() << " " << path.toStdString();
    EXPECT_EQ(agent.post(u"/text-modules"_s, named).status, 401);
    EXPECT_EQ(agent.post(u"/macros"_s, {{u"name"_s, u"Nach der Abmeldung"_s}}).status, 401);
    EXPECT_EQ(
        agent.post(u"/views"_s, {{u"name"_s, u"Nach der Abmeldung"_s}, {u"query"_s, QJsonObject{}}})
            .status,
        401);
    EXPECT_EQ(agent.patch(u"/macros/%1"_s.arg(macro), {{u"name"_s, u"Umbenannt"_s}}).status, 401);
    EXPECT_EQ(
        agent
            .post(u"/tickets/bulk"_s,
                  bulkOf(id, version, {{u"changes"_s, QJsonObject{{u"priority"_s, u"high"_s}}}}))
            .status,
        401);
    EXPECT_EQ(agent.post(u"/tickets/bulk"_s, bulkOf(id, version, {{u"macroId"_s, macro}})).status,
              401);
    EXPECT_EQ(
        agent
            .post(u"/tickets/bulk"_s, {{u"query"_s, QJsonObject{}},
                                       {u"changes"_s, QJsonObject{{u"priority"_s, u"low"_s}}}})
            .status,
        401);

    // Nothing happened: the ticket is as it was, and the macro is there under its name.
    EXPECT_EQ(admin.versionOf(id), version);
    ApiClient again(server.baseUrl());
    ASSERT_FALSE(again.loginStaff(demoLogin(u"agent"_s, 0)).isEmpty());
    const HttpResult kept = again.get(u"/macros/%1"_s.arg(macro));
    ASSERT_EQ(kept.status, 200);
    EXPECT_EQ(kept.object()[u"name"_s], u"Vorher"_s);
    for (const QString &path : {u"/text-modules"_s, u"/macros"_s, u"/views"_s}) {
        for (const QJsonValue &v : again.get(path).items())
            EXPECT_NE(v[u"name"_s].toString(), u"Nach der Abmeldung"_s) << path.toStdString();
    }
}

// GET lists every item in one page, so each staff member keeps at most 500 personal items
// of a kind and there are at most 500 shared ones; the one over is refused and not stored.
TEST_F(TriageAttacks, PersonalAndSharedItemsAreCapped)
{
    for (int i = 0; i < 500; ++i) {
        const HttpResult r = agent.post(
            u"/views"_s, {{u"name"_s, u"Sicht %1"_s.arg(i)}, {u"query"_s, QJsonObject{}}});
        ASSERT_EQ(r.status, 201) << i << r.body.toStdString();
    }
    const HttpResult over =
        agent.post(u"/views"_s, {{u"name"_s, u"Eine zu viel"_s}, {u"query"_s, QJsonObject{}}});
    EXPECT_EQ(over.status, 422);
    EXPECT_EQ(over.errorCode(), u"too_many"_s);
    EXPECT_EQ(agent.get(u"/views"_s).items().size(), 500);
    // The cap is each owner's: another agent still saves theirs, and an admin a shared one.
    EXPECT_EQ(
        otherAgent.post(u"/views"_s, {{u"name"_s, u"Meine"_s}, {u"query"_s, QJsonObject{}}}).status,
        201);
    EXPECT_EQ(
        admin
            .post(u"/views"_s,
                  {{u"name"_s, u"Für alle"_s}, {u"query"_s, QJsonObject{}}, {u"shared"_s, true}})
            .status,
        201);
}

TEST_F(TriageAttacks, AReplayFromTheStartTellsCodeUsersNothingInternal)
{
    EventClient live;
    ASSERT_TRUE(live.open(server.baseUrl(), codeUser.token()));
    const qint64 ticket = createTicket(codeUser, u"Sichtbar"_s)[u"id"_s].toInteger();
    ASSERT_GT(ticket, 0);

    // Shared items come and go, with secrets in their names and bodies.
    const HttpResult macro = admin.post(
        u"/macros"_s,
        {{u"name"_s, u"GEHEIM Makro"_s},
         {u"shared"_s, true},
         {u"changes"_s, QJsonObject{{u"visibility"_s, u"internal"_s}, {u"priority"_s, u"high"_s}}},
         {u"note"_s, QJsonObject{{u"body"_s, u"GEHEIM Notiz zu {ticket.number}"_s}}}});
    ASSERT_EQ(macro.status, 201) << macro.body.toStdString();
    const qint64 macroId = macro.object()[u"id"_s].toInteger();
    const HttpResult module = admin.post(
        u"/text-modules"_s,
        {{u"name"_s, u"GEHEIM Baustein"_s}, {u"shared"_s, true}, {u"body"_s, u"GEHEIM Text"_s}});
    ASSERT_EQ(module.status, 201) << module.body.toStdString();
    const HttpResult view =
        admin.post(u"/views"_s, {{u"name"_s, u"GEHEIM Sicht"_s},
                                 {u"shared"_s, true},
                                 {u"query"_s, QJsonObject{{u"q"_s, u"GEHEIM"_s}}}});
    ASSERT_EQ(view.status, 201) << view.body.toStdString();

    // The macro makes the ticket internal (with a note and a priority), a bulk edit makes it
    // public again; then the shared items are deleted.
    const HttpResult applied = admin.post(
        u"/tickets/bulk"_s, bulkOf(ticket, admin.versionOf(ticket), {{u"macroId"_s, macroId}}));
    ASSERT_EQ(applied.status, 200) << applied.body.toStdString();
    ASSERT_EQ(applied.object()[u"applied"_s].toInt(), 1) << applied.body.toStdString();
    EXPECT_EQ(codeUser.get(u"/tickets/%1"_s.arg(ticket)).status, 404);
    const HttpResult back = admin.post(
        u"/tickets/bulk"_s, bulkOf(ticket, admin.versionOf(ticket),
                                   {{u"changes"_s, QJsonObject{{u"visibility"_s, u"public"_s}}}}));
    ASSERT_EQ(back.object()[u"applied"_s].toInt(), 1) << back.body.toStdString();
    for (const QString &path : {u"/macros/%1"_s.arg(macroId),
                                u"/text-modules/%1"_s.arg(module.object()[u"id"_s].toInteger()),
                                u"/views/%1"_s.arg(view.object()[u"id"_s].toInteger())})
        ASSERT_EQ(admin.del(path).status, 204) << path.toStdString();
    ASSERT_EQ(admin.post(u"/tickets/%1/messages"_s.arg(ticket), {{u"body"_s, u"Ende"_s}}).status,
              201);

    EventClient replay;
    ASSERT_TRUE(replay.open(server.baseUrl(), codeUser.token(), 0));
    for (EventClient *stream : {&live, &replay}) {
        const QJsonObject last = stream->waitFor([&](const QJsonObject &f) {
            return f[u"type"_s] == u"message.created"_s && f[u"ticketId"_s].toInteger() == ticket &&
                   f[u"data"_s][u"body"_s] == u"Ende"_s;
        });
        ASSERT_FALSE(last.isEmpty()) << "the sentinel message did not arrive";
        for (const QJsonObject &f : stream->frames()) {
            const QByteArray text = QJsonDocument(f).toJson(QJsonDocument::Compact);
            const QString type = f[u"type"_s].toString();
            EXPECT_FALSE(text.contains("GEHEIM")) << text.constData();
            EXPECT_FALSE(type.startsWith(u"macro"_s) || type.startsWith(u"textModule"_s) ||
                         type.startsWith(u"view"_s))
                << text.constData();
            EXPECT_NE(type, u"note.created"_s) << text.constData();
            const QJsonObject changes = f[u"data"_s][u"changes"_s].toObject();
            EXPECT_FALSE(changes.contains(u"visibility"_s) || changes.contains(u"priority"_s))
                << "the stream tells that the ticket was internal: " << text.constData();
        }
    }
    const HttpResult history = codeUser.get(u"/tickets/%1/history"_s.arg(ticket));
    ASSERT_EQ(history.status, 200);
    for (const QJsonValue &v : history.items()) {
        EXPECT_NE(v[u"field"_s].toString(), u"visibility"_s);
        EXPECT_NE(v[u"field"_s].toString(), u"priority"_s)
            << "a change made as the ticket went internal";
    }
    const QByteArray ticketNow = codeUser.get(u"/tickets/%1"_s.arg(ticket)).body;
    EXPECT_FALSE(ticketNow.contains("GEHEIM")) << ticketNow.constData();
}

} // namespace
