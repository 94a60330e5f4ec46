// POST /tickets/bulk against a real ticket-server: partial failures, the query form and
// its limit, idempotency, history and events per ticket, and bad input. Who may call it
// is in authz_matrix_test.cpp.
#include "tickets_fixture.h"

#include <QJsonArray>

using namespace ticketstest;

namespace {

QJsonObject target(qint64 id, qint64 version)
{
    return {{u"id"_s, id}, {u"version"_s, version}};
}

// The results of a bulk answer by ticket id.
QHash<qint64, QJsonObject> resultsById(const HttpResult &r)
{
    QHash<qint64, QJsonObject> out;
    for (const QJsonValue &v : r.object().value(u"results"_s).toArray())
        out.insert(v[u"id"_s].toInteger(), v.toObject());
    return out;
}

class TicketsBulkTest : public TicketsTest
{
protected:
    HttpResult bulk(const QJsonObject &body, const ApiClient::Headers &headers = {})
    {
        return staff.post(u"/tickets/bulk"_s, body, headers);
    }
    QList<qint64> createSome(int n, const QString &title)
    {
        QList<qint64> out;
        for (int i = 0; i < n; ++i)
            out.append(idOf(create(userA, u"%1 %2"_s.arg(title).arg(i))));
        return out;
    }
    QStringList historyFields(qint64 id)
    {
        QStringList fields;
        for (const QJsonValue &h : staff.get(u"/tickets/%1/history"_s.arg(id)).items())
            fields.append(h[u"field"_s].toString());
        return fields;
    }
};

TEST_F(TicketsBulkTest, EachTicketSucceedsOrFailsOnItsOwn)
{
    const QList<qint64> t = createSome(5, u"Stapel"_s);
    // t[1] is stale (a colleague's edit), t[2] is resolved (no way back to waiting).
    ASSERT_EQ(patch(admin, t[1], {{u"title"_s, u"Von nebenan geändert"_s}}, 1).status, 200);
    ASSERT_EQ(patch(admin, t[2], {{u"status"_s, u"resolved"_s}}, 1).status, 200);
    const qint64 unknown = 999999;
    const QJsonArray targets{target(t[0], 1),    target(t[1], 1), target(t[2], 2),
                             target(unknown, 1), target(t[3], 1), target(t[4], 1)};
    const HttpResult r = bulk(
        {{u"tickets"_s, targets},
         {u"changes"_s, QJsonObject{{u"priority"_s, u"high"_s}, {u"status"_s, u"waiting"_s}}}});
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    EXPECT_EQ(r.object()[u"applied"_s].toInt(), 3);
    EXPECT_EQ(r.object()[u"failed"_s].toInt(), 3);
    const auto results = resultsById(r);
    ASSERT_EQ(results.size(), 6);
    // Results keep the order of the request.
    EXPECT_EQ(r.object()[u"results"_s][3][u"id"_s].toInteger(), unknown);
    for (const qint64 id : {t[0], t[3], t[4]}) {
        const QJsonObject res = results.value(id);
        EXPECT_EQ(res[u"status"_s].toInt(), 200);
        EXPECT_EQ(res[u"ticket"_s][u"priority"_s].toString(), u"high"_s);
        EXPECT_EQ(res[u"ticket"_s][u"status"_s].toString(), u"waiting"_s);
        EXPECT_EQ(res[u"ticket"_s][u"version"_s].toInteger(), 2);
        EXPECT_FALSE(res.contains(u"error"_s));
        EXPECT_EQ(staff.get(u"/tickets/%1"_s.arg(id)).object()[u"priority"_s].toString(),
                  u"high"_s);
    }
    EXPECT_EQ(results.value(t[1])[u"status"_s].toInt(), 412);
    EXPECT_EQ(results.value(t[1])[u"error"_s][u"code"_s].toString(), u"version_mismatch"_s);
    EXPECT_EQ(results.value(t[1])[u"error"_s][u"field"_s].toString(), u"version"_s);
    EXPECT_EQ(results.value(t[2])[u"status"_s].toInt(), 409);
    EXPECT_EQ(results.value(t[2])[u"error"_s][u"code"_s].toString(), u"illegal_transition"_s);
    EXPECT_EQ(results.value(unknown)[u"status"_s].toInt(), 404);
    EXPECT_FALSE(results.value(unknown).contains(u"ticket"_s));
    // The failed ones are untouched: not even the priority half of the change.
    const QJsonObject stale = staff.get(u"/tickets/%1"_s.arg(t[1])).object();
    EXPECT_EQ(stale[u"priority"_s].toString(), u"normal"_s);
    EXPECT_EQ(stale[u"version"_s].toInteger(), 2);
    const QJsonObject resolved = staff.get(u"/tickets/%1"_s.arg(t[2])).object();
    EXPECT_EQ(resolved[u"priority"_s].toString(), u"normal"_s);
    EXPECT_EQ(resolved[u"status"_s].toString(), u"resolved"_s);

    // An unknown assignee fails per ticket (422) as a PATCH does.
    const HttpResult nobody = bulk({{u"tickets"_s, QJsonArray{target(t[0], 2)}},
                                    {u"changes"_s, QJsonObject{{u"assigneeId"_s, 999}}}});
    ASSERT_EQ(nobody.status, 200) << nobody.body.toStdString();
    EXPECT_EQ(resultsById(nobody).value(t[0])[u"status"_s].toInt(), 422);
    EXPECT_EQ(resultsById(nobody).value(t[0])[u"error"_s][u"field"_s].toString(), u"assigneeId"_s);
}

TEST_F(TicketsBulkTest, HistoryEventsAndNotesPerTicketAsASingleEditMakesThem)
{
    const QList<qint64> t = createSome(4, u"Ereignisse"_s);
    EventClient staffEvents, codeUserEvents;
    ASSERT_TRUE(staffEvents.open(m_server.baseUrl(), staff.token()));
    ASSERT_TRUE(codeUserEvents.open(m_server.baseUrl(), userA.token()));
    // t[3] gets a single PATCH: the code user's frame of it is the yardstick.
    ASSERT_EQ(patch(staff, t[3], {{u"priority"_s, u"low"_s}}, 1).status, 200);
    const auto updatedOf = [](qint64 id) {
        return [id](const QJsonObject &e) {
            return e[u"type"_s] == u"ticket.updated"_s && e[u"ticketId"_s].toInteger() == id;
        };
    };
    const QJsonObject single = codeUserEvents.waitFor(updatedOf(t[3]));
    ASSERT_FALSE(single.isEmpty());

    const HttpResult r =
        bulk({{u"tickets"_s, QJsonArray{target(t[0], 1), target(t[1], 1), target(t[2], 1)}},
              {u"changes"_s, QJsonObject{{u"priority"_s, u"low"_s}}},
              {u"note"_s, QJsonObject{{u"body"_s, u"Sammelnotiz: Teile bestellt"_s}}}});
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    EXPECT_EQ(r.object()[u"applied"_s].toInt(), 3);
    for (const qint64 id : {t[0], t[1], t[2]}) {
        SCOPED_TRACE(id);
        EXPECT_EQ(historyFields(id).last(), u"priority"_s);
        const QJsonObject staffFrame = staffEvents.waitFor(updatedOf(id));
        EXPECT_EQ(staffFrame[u"data"_s][u"changes"_s].toObject(),
                  (QJsonObject{{u"priority"_s, u"low"_s}}));
        EXPECT_EQ(staffFrame[u"data"_s][u"version"_s].toInteger(), 2);
        const QJsonObject userFrame = codeUserEvents.waitFor(updatedOf(id));
        ASSERT_FALSE(userFrame.isEmpty());
        // The code user's frame has the shape a single edit's frame has.
        EXPECT_EQ(userFrame[u"data"_s].toObject().keys(), single[u"data"_s].toObject().keys());
        EXPECT_EQ(userFrame[u"data"_s][u"changes"_s].toObject(),
                  (QJsonObject{{u"priority"_s, u"low"_s}}));
        const QJsonArray notes = staff.get(u"/tickets/%1/notes"_s.arg(id)).items();
        ASSERT_EQ(notes.size(), 1);
        EXPECT_EQ(notes[0][u"body"_s].toString(), u"Sammelnotiz: Teile bestellt"_s);
        EXPECT_FALSE(staffEvents
                         .waitFor([&](const QJsonObject &e) {
                             return e[u"type"_s] == u"note.created"_s &&
                                    e[u"ticketId"_s].toInteger() == id;
                         })
                         .isEmpty());
    }
    // A message after the bulk call as sentinel: once the code user has it, any note frame
    // would have come before.
    ASSERT_EQ(staff.post(u"/tickets/%1/messages"_s.arg(t[0]), {{u"body"_s, u"Ende"_s}}).status,
              201);
    ASSERT_FALSE(codeUserEvents
                     .waitFor([&](const QJsonObject &e) {
                         return e[u"type"_s] == u"message.created"_s &&
                                e[u"ticketId"_s].toInteger() == t[0];
                     })
                     .isEmpty());
    for (const QJsonObject &f : codeUserEvents.frames())
        EXPECT_NE(f[u"type"_s].toString(), u"note.created"_s) << "a code user saw a note";
    // Setting what is already there changes nothing: no new version, history or event.
    const HttpResult same = bulk({{u"tickets"_s, QJsonArray{target(t[0], 2)}},
                                  {u"changes"_s, QJsonObject{{u"priority"_s, u"low"_s}}}});
    ASSERT_EQ(same.status, 200);
    EXPECT_EQ(resultsById(same).value(t[0])[u"ticket"_s][u"version"_s].toInteger(), 2);
}

TEST_F(TicketsBulkTest, TheQueryFormTakesWhatTheFilterMatchesNow)
{
    const QString word = u"Sammelwort"_s + QUuid::createUuid().toString(QUuid::Id128).left(6);
    const QList<qint64> t = createSome(3, word);
    ASSERT_EQ(patch(staff, t[2], {{u"status"_s, u"open"_s}}, 1).status, 200);
    const HttpResult r = bulk({{u"query"_s, QJsonObject{{u"q"_s, word}, {u"status"_s, u"new"_s}}},
                               {u"changes"_s, QJsonObject{{u"priority"_s, u"high"_s}}}});
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    const auto results = resultsById(r);
    EXPECT_EQ(results.keys().size(), 2);
    EXPECT_TRUE(results.contains(t[0]) && results.contains(t[1]));
    EXPECT_EQ(r.object()[u"applied"_s].toInt(), 2);
    EXPECT_EQ(staff.get(u"/tickets/%1"_s.arg(t[2])).object()[u"priority"_s].toString(),
              u"normal"_s);
    // A list of values works like `status=new,open`.
    const HttpResult both = bulk(
        {{u"query"_s, QJsonObject{{u"q"_s, word}, {u"status"_s, QJsonArray{u"new"_s, u"open"_s}}}},
         {u"changes"_s, QJsonObject{{u"priority"_s, u"low"_s}}}});
    ASSERT_EQ(both.status, 200) << both.body.toStdString();
    EXPECT_EQ(both.object()[u"applied"_s].toInt(), 3);

    // Filters are checked as GET /tickets checks them.
    const HttpResult list = staff.get(u"/tickets?status=bogus"_s);
    const HttpResult bad = bulk({{u"query"_s, QJsonObject{{u"status"_s, u"bogus"_s}}},
                                 {u"changes"_s, QJsonObject{{u"priority"_s, u"low"_s}}}});
    EXPECT_EQ(bad.status, list.status);
    EXPECT_EQ(bad.errorCode(), list.errorCode());
    EXPECT_EQ(problemFields(bad)[u"field"_s].toString(),
              u"query."_s + problemFields(list)[u"field"_s].toString());
    for (const QString &name : {u"sort"_s, u"limit"_s, u"cursor"_s}) {
        const HttpResult paging = bulk({{u"query"_s, QJsonObject{{name, u"1"_s}}},
                                        {u"changes"_s, QJsonObject{{u"priority"_s, u"low"_s}}}});
        EXPECT_EQ(paging.status, 422) << name.toStdString();
        EXPECT_EQ(problemFields(paging)[u"field"_s].toString(), u"query."_s + name);
    }
}

TEST_F(TicketsBulkTest, RepeatWithTheSameKeyGetsTheSameAnswer)
{
    const QList<qint64> t = createSome(2, u"Einmalig"_s);
    const QJsonObject body{{u"tickets"_s, QJsonArray{target(t[0], 1), target(t[1], 1)}},
                           {u"changes"_s, QJsonObject{{u"priority"_s, u"high"_s}}},
                           {u"note"_s, QJsonObject{{u"body"_s, u"Einmal"_s}}}};
    const HttpResult first = bulk(body, {{"Idempotency-Key", "bulk-1"}});
    ASSERT_EQ(first.status, 200) << first.body.toStdString();
    EXPECT_EQ(first.object()[u"applied"_s].toInt(), 2);
    const HttpResult again = bulk(body, {{"Idempotency-Key", "bulk-1"}});
    EXPECT_EQ(again.status, 200);
    EXPECT_EQ(again.header("idempotent-replayed"), "true");
    EXPECT_EQ(again.object(), first.object()) << "not a 412 against its own change";
    for (const qint64 id : t) {
        EXPECT_EQ(staff.versionOf(id), 2);
        EXPECT_EQ(staff.get(u"/tickets/%1/notes"_s.arg(id)).items().size(), 1);
    }
    QJsonObject other = body;
    other.insert(u"changes"_s, QJsonObject{{u"priority"_s, u"low"_s}});
    const HttpResult changed = bulk(other, {{"Idempotency-Key", "bulk-1"}});
    EXPECT_EQ(changed.status, 422);
    EXPECT_EQ(changed.errorCode(), u"idempotency_key_reused"_s);
    // Without a key the same body is a new request: now stale.
    const HttpResult unkeyed = bulk(body);
    ASSERT_EQ(unkeyed.status, 200);
    EXPECT_EQ(unkeyed.object()[u"failed"_s].toInt(), 2);
    EXPECT_EQ(resultsById(unkeyed).value(t[0])[u"status"_s].toInt(), 412);
}

TEST_F(TicketsBulkTest, BadInputIsRefusedAndChangesNothing)
{
    const qint64 id = idOf(create(userA, u"Ungültige Sammelbearbeitung"_s));
    const QJsonArray one{target(id, 1)};
    const QJsonObject low{{u"priority"_s, u"low"_s}};
    QJsonArray tooMany;
    for (int i = 1; i <= 1001; ++i)
        tooMany.append(target(i, 1));
    struct Case {
        QJsonObject body;
        int status;
        QString field;
    };
    const QList<Case> cases{
        {{{u"tickets"_s, one}, {u"changes"_s, low}, {u"macroId"_s, 999999}}, 422, u"macroId"_s},
        {{{u"changes"_s, low}}, 422, u"tickets"_s},
        {{{u"tickets"_s, one}, {u"query"_s, QJsonObject{}}, {u"changes"_s, low}}, 422, u"query"_s},
        {{{u"tickets"_s, one}}, 422, u"changes"_s},
        {{{u"tickets"_s, one}, {u"changes"_s, QJsonObject{}}}, 422, u"changes"_s},
        {{{u"tickets"_s, one}, {u"changes"_s, QJsonObject{{u"title"_s, u"Neu"_s}}}},
         422,
         u"changes.title"_s},
        {{{u"tickets"_s, one}, {u"changes"_s, QJsonObject{{u"priority"_s, u"urgent"_s}}}},
         422,
         u"changes.priority"_s},
        {{{u"tickets"_s, one}, {u"changes"_s, QJsonObject{{u"assigneeId"_s, u"7"_s}}}},
         400,
         u"changes.assigneeId"_s},
        {{{u"tickets"_s, one}, {u"changes"_s, u"high"_s}}, 400, u"changes"_s},
        {{{u"tickets"_s, QJsonArray{}}, {u"changes"_s, low}}, 422, u"tickets"_s},
        {{{u"tickets"_s, tooMany}, {u"changes"_s, low}}, 422, u"tickets"_s},
        {{{u"tickets"_s, QJsonArray{target(id, 0)}}, {u"changes"_s, low}},
         422,
         u"tickets[0].version"_s},
        {{{u"tickets"_s, QJsonArray{QJsonObject{{u"id"_s, id}}}}, {u"changes"_s, low}},
         422,
         u"tickets[0].version"_s},
        {{{u"tickets"_s, QJsonArray{target(id, 1), target(id, 1)}}, {u"changes"_s, low}},
         422,
         u"tickets[1].id"_s},
        {{{u"tickets"_s, one}, {u"note"_s, QJsonObject{{u"body"_s, u"  "_s}}}},
         422,
         u"note.body"_s},
        {{{u"tickets"_s, one}, {u"note"_s, QJsonObject{{u"text"_s, u"x"_s}}}}, 422, u"note.text"_s},
    };
    for (const Case &c : cases) {
        const HttpResult r = bulk(c.body);
        SCOPED_TRACE(QJsonDocument(c.body).toJson(QJsonDocument::Compact).left(200).toStdString());
        EXPECT_EQ(r.status, c.status) << r.body.toStdString();
        EXPECT_EQ(problemFields(r)[u"field"_s].toString(), c.field) << r.body.toStdString();
    }
    EXPECT_EQ(staff.versionOf(id), 1);
    EXPECT_TRUE(staff.get(u"/tickets/%1/notes"_s.arg(id)).items().isEmpty());
}

TEST(TicketsBulkLimitTest, AQueryMatchingMoreThanAThousandIsRefused)
{
    TestServer server{{true, {u"--generate"_s, u"1100"_s}}};
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    ApiClient staff{server.baseUrl()};
    ASSERT_FALSE(staff.loginStaff(demoLogin(u"agent"_s)).isEmpty());
    const QJsonObject before = staff.get(u"/tickets/facets"_s).object();
    ASSERT_GT(before[u"total"_s].toInteger(), 1000);
    const HttpResult r =
        staff.post(u"/tickets/bulk"_s, {{u"query"_s, QJsonObject{}},
                                        {u"changes"_s, QJsonObject{{u"priority"_s, u"high"_s}}}});
    EXPECT_EQ(r.status, 422) << r.body.left(400).toStdString();
    EXPECT_EQ(r.errorCode(), u"too_many"_s);
    EXPECT_EQ(staff.get(u"/tickets/facets"_s).object(), before) << "nothing changed";
    // The same filter narrowed below the limit applies to every match, beyond a page.
    const qint64 low = before[u"priority"_s][u"low"_s].toInteger();
    ASSERT_GT(low, 200);
    ASSERT_LE(low, 1000);
    const HttpResult narrowed =
        staff.post(u"/tickets/bulk"_s, {{u"query"_s, QJsonObject{{u"priority"_s, u"low"_s}}},
                                        {u"changes"_s, QJsonObject{{u"priority"_s, u"normal"_s}}}});
    ASSERT_EQ(narrowed.status, 200) << narrowed.body.left(400).toStdString();
    EXPECT_EQ(narrowed.object()[u"results"_s].toArray().size(), low);
    EXPECT_EQ(staff.get(u"/tickets/facets?priority=low"_s).object()[u"total"_s].toInteger(),
              narrowed.object()[u"failed"_s].toInteger());
}

} // namespace
