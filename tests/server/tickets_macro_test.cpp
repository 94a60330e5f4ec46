// POST /tickets/bulk with `macroId`: the macro's changes ("me" is the caller), note and
// message per ticket in that ticket's transaction, placeholders filled per ticket, the
// request's own changes and note over the macro's, internal tickets refusing the message,
// macros the caller cannot see, who may call it, and idempotency.
#include "tickets_fixture.h"

#include <QJsonArray>

using namespace ticketstest;

namespace {

QJsonObject target(qint64 id, qint64 version)
{
    return {{u"id"_s, id}, {u"version"_s, version}};
}

QHash<qint64, QJsonObject> resultsById(const HttpResult &r)
{
    QHash<qint64, QJsonObject> out;
    for (const QJsonValue &v : r.object().value(u"results"_s).toArray())
        out.insert(v[u"id"_s].toInteger(), v.toObject());
    return out;
}

class TicketsMacroTest : public TicketsTest
{
protected:
    void SetUp() override
    {
        TicketsTest::SetUp();
        ASSERT_FALSE(otherAgent.loginStaff(demoLogin(u"agent"_s, 1)).isEmpty());
        meName = staff.get(u"/me"_s).object().value(u"name"_s).toString();
        ASSERT_FALSE(meName.isEmpty());
    }
    // A personal macro of `as`: status waiting, assignee "me", a note and a message.
    qint64 sparePartMacro(ApiClient &as, const QString &name = u"Ersatzteil bestellt"_s)
    {
        const HttpResult r = as.post(
            u"/macros"_s,
            {{u"name"_s, name},
             {u"changes"_s, QJsonObject{{u"status"_s, u"waiting"_s}, {u"assigneeId"_s, u"me"_s}}},
             {u"note"_s, QJsonObject{{u"body"_s, u"Bestellt für {device.name} von {me.name}"_s}}},
             {u"message"_s,
              QJsonObject{{u"body"_s, u"Hallo {codeUser.name}, das Ersatzteil zu {ticket.number} "
                                      "({ticket.title}) ist unterwegs.{cursor} Gruß, "
                                      "{me.firstName}"_s}}}});
        EXPECT_EQ(r.status, 201) << r.body.toStdString();
        return r.object().value(u"id"_s).toInteger();
    }
    QList<qint64> createSome(int n, const QString &title)
    {
        QList<qint64> out;
        for (int i = 0; i < n; ++i)
            out.append(idOf(create(userA, u"%1 %2"_s.arg(title).arg(i))));
        return out;
    }
    HttpResult apply(ApiClient &as, qint64 macroId, const QList<qint64> &t,
                     const QJsonObject &extra = {}, const ApiClient::Headers &headers = {})
    {
        QJsonArray targets;
        for (const qint64 id : t)
            targets.append(target(id, staff.versionOf(id)));
        QJsonObject body{{u"tickets"_s, targets}, {u"macroId"_s, macroId}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        return as.post(u"/tickets/bulk"_s, body, headers);
    }

    ApiClient otherAgent{m_server.baseUrl()};
    QString meName;
};

TEST_F(TicketsMacroTest, AppliesChangesNoteAndFilledMessageToEachTicket)
{
    const qint64 macro = sparePartMacro(staff);
    const QList<qint64> t = createSome(3, u"Drucker klemmt"_s);
    EventClient codeUserEvents;
    ASSERT_TRUE(codeUserEvents.open(m_server.baseUrl(), userA.token()));
    const HttpResult r = apply(staff, macro, t);
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    EXPECT_EQ(r.object()[u"applied"_s].toInt(), 3);
    const QString firstName = meName.section(u' ', 0, 0);
    for (const qint64 id : t) {
        SCOPED_TRACE(id);
        const QJsonObject result = resultsById(r).value(id);
        ASSERT_EQ(result[u"status"_s].toInt(), 200);
        EXPECT_EQ(result[u"ticket"_s][u"status"_s].toString(), u"waiting"_s);
        EXPECT_EQ(result[u"ticket"_s][u"assigneeId"_s].toInteger(), staffId) << "\"me\"";
        const QJsonObject ticket = staff.get(u"/tickets/%1"_s.arg(id)).object();
        const QJsonArray notes = staff.get(u"/tickets/%1/notes"_s.arg(id)).items();
        ASSERT_EQ(notes.size(), 1);
        EXPECT_EQ(
            notes[0][u"body"_s].toString(),
            u"Bestellt für %1 von %2"_s.arg(ticket[u"device"_s][u"name"_s].toString(), meName));
        const QJsonArray messages = userA.get(u"/tickets/%1/messages"_s.arg(id)).items();
        ASSERT_EQ(messages.size(), 1);
        EXPECT_EQ(messages[0][u"body"_s].toString(),
                  u"Hallo Feld A, das Ersatzteil zu %1 (%2) ist unterwegs. Gruß, %3"_s.arg(
                      ticket[u"number"_s].toString(), ticket[u"title"_s].toString(), firstName));
        // History as a single edit makes it.
        QStringList fields;
        for (const QJsonValue &h : staff.get(u"/tickets/%1/history"_s.arg(id)).items())
            fields.append(h[u"field"_s].toString());
        EXPECT_TRUE(fields.contains(u"status"_s) && fields.contains(u"assigneeId"_s))
            << fields.join(u',').toStdString();
        // The code user has the message, never the note.
        EXPECT_FALSE(codeUserEvents
                         .waitFor([&](const QJsonObject &e) {
                             return e[u"type"_s] == u"message.created"_s &&
                                    e[u"ticketId"_s].toInteger() == id;
                         })
                         .isEmpty());
        EXPECT_EQ(userA.get(u"/tickets/%1/notes"_s.arg(id)).status, 404);
    }
    for (const QJsonObject &f : codeUserEvents.frames())
        EXPECT_NE(f[u"type"_s].toString(), u"note.created"_s) << "a code user saw a note";
}

TEST_F(TicketsMacroTest, TheRequestsChangesAndNoteOverrideTheMacros)
{
    const qint64 macro = sparePartMacro(staff);
    const QList<qint64> t = createSome(1, u"Übersteuert"_s);
    const HttpResult r =
        apply(staff, macro, t,
              {{u"changes"_s, QJsonObject{{u"status"_s, u"open"_s}, {u"priority"_s, u"high"_s}}},
               {u"note"_s, QJsonObject{{u"body"_s, u"Eigene Notiz {ticket.number}"_s}}}});
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    const QJsonObject ticket = resultsById(r).value(t[0])[u"ticket"_s].toObject();
    EXPECT_EQ(ticket[u"status"_s].toString(), u"open"_s);
    EXPECT_EQ(ticket[u"priority"_s].toString(), u"high"_s);
    EXPECT_EQ(ticket[u"assigneeId"_s].toInteger(), staffId) << "the macro's other changes stay";
    const QJsonArray notes = staff.get(u"/tickets/%1/notes"_s.arg(t[0])).items();
    ASSERT_EQ(notes.size(), 1);
    EXPECT_EQ(notes[0][u"body"_s].toString(), u"Eigene Notiz {ticket.number}"_s)
        << "the request's note is taken as written";
    EXPECT_EQ(userA.get(u"/tickets/%1/messages"_s.arg(t[0])).items().size(), 1);
}

TEST_F(TicketsMacroTest, AMessageOnAnInternalTicketRefusesThatTicketOnly)
{
    const qint64 macro = sparePartMacro(staff);
    const QList<qint64> t = createSome(2, u"Intern"_s);
    ASSERT_EQ(patch(staff, t[1], {{u"visibility"_s, u"internal"_s}}, 1).status, 200);
    const QJsonObject before = staff.get(u"/tickets/%1"_s.arg(t[1])).object();
    ASSERT_NE(before[u"assigneeId"_s].toInteger(), staffId);
    const HttpResult r = apply(staff, macro, t);
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    EXPECT_EQ(r.object()[u"applied"_s].toInt(), 1);
    EXPECT_EQ(r.object()[u"failed"_s].toInt(), 1);
    const QJsonObject refused = resultsById(r).value(t[1]);
    EXPECT_EQ(refused[u"status"_s].toInt(), 422);
    EXPECT_EQ(refused[u"error"_s][u"code"_s].toString(), u"internal_ticket"_s);
    EXPECT_EQ(refused[u"error"_s][u"field"_s].toString(), u"macroId"_s);
    EXPECT_FALSE(refused[u"error"_s][u"message"_s].toString().isEmpty());
    // Nothing of it changed: status, assignee, version, notes, messages.
    const QJsonObject ticket = staff.get(u"/tickets/%1"_s.arg(t[1])).object();
    EXPECT_EQ(ticket[u"status"_s].toString(), u"new"_s);
    EXPECT_EQ(ticket[u"assigneeId"_s], before[u"assigneeId"_s]);
    EXPECT_EQ(ticket[u"version"_s].toInteger(), 2);
    EXPECT_TRUE(staff.get(u"/tickets/%1/notes"_s.arg(t[1])).items().isEmpty());
    EXPECT_TRUE(staff.get(u"/tickets/%1/messages"_s.arg(t[1])).items().isEmpty());
    EXPECT_EQ(resultsById(r).value(t[0])[u"status"_s].toInt(), 200);
    // A macro that makes the ticket public first may write to it.
    const HttpResult open =
        apply(staff, macro, {t[1]}, {{u"changes"_s, QJsonObject{{u"visibility"_s, u"public"_s}}}});
    EXPECT_EQ(resultsById(open).value(t[1])[u"status"_s].toInt(), 200) << open.body.toStdString();
}

TEST_F(TicketsMacroTest, AnotherStaffMembersPersonalMacroIsNoMacro)
{
    const qint64 mine = sparePartMacro(otherAgent, u"Nur meins"_s);
    const QList<qint64> t = createSome(1, u"Fremd"_s);
    for (const qint64 id : {mine, qint64(999999)}) {
        const HttpResult r = apply(staff, id, t);
        EXPECT_EQ(r.status, 422) << r.body.toStdString();
        EXPECT_EQ(r.errorCode(), u"invalid_value"_s);
        EXPECT_EQ(problemFields(r)[u"field"_s].toString(), u"macroId"_s);
    }
    EXPECT_EQ(staff.versionOf(t[0]), 1);
    // Its owner may; a shared one (admin's) any staff member may.
    EXPECT_EQ(apply(otherAgent, mine, t).object()[u"applied"_s].toInt(), 1);
    const HttpResult shared =
        admin.post(u"/macros"_s, {{u"name"_s, u"Geteilt hoch"_s},
                                  {u"shared"_s, true},
                                  {u"changes"_s, QJsonObject{{u"priority"_s, u"high"_s}}}});
    ASSERT_EQ(shared.status, 201) << shared.body.toStdString();
    const HttpResult r = apply(staff, idOf(shared.object()), t);
    EXPECT_EQ(r.object()[u"applied"_s].toInt(), 1) << r.body.toStdString();
    EXPECT_EQ(staff.get(u"/tickets/%1"_s.arg(t[0])).object()[u"priority"_s], u"high"_s);
    // Bad macro ids are bad input.
    const QJsonArray one{target(t[0], staff.versionOf(t[0]))};
    EXPECT_EQ(staff.post(u"/tickets/bulk"_s, {{u"tickets"_s, one}, {u"macroId"_s, u"x"_s}}).status,
              400);
    EXPECT_EQ(staff.post(u"/tickets/bulk"_s, {{u"tickets"_s, one}, {u"macroId"_s, 0}}).status, 422);
}

TEST_F(TicketsMacroTest, OnlyStaffApplyMacrosAndOncePerKey)
{
    const qint64 macro = sparePartMacro(staff);
    const QList<qint64> t = createSome(2, u"Rechte"_s);
    EXPECT_EQ(apply(userA, macro, t).status, 403);
    ApiClient anonymous{m_server.baseUrl()};
    EXPECT_EQ(apply(anonymous, macro, t).status, 401);
    EXPECT_EQ(staff.versionOf(t[0]), 1);

    const HttpResult first = apply(staff, macro, t, {}, {{"Idempotency-Key", "macro-1"}});
    ASSERT_EQ(first.status, 200) << first.body.toStdString();
    EXPECT_EQ(first.object()[u"applied"_s].toInt(), 2);
    // Same key, same body (the versions as first sent): the first answer again.
    QJsonArray targets{target(t[0], 1), target(t[1], 1)};
    const HttpResult again =
        staff.post(u"/tickets/bulk"_s, {{u"tickets"_s, targets}, {u"macroId"_s, macro}},
                   {{"Idempotency-Key", "macro-1"}});
    EXPECT_EQ(again.header("idempotent-replayed"), "true");
    EXPECT_EQ(again.object(), first.object());
    for (const qint64 id : t) {
        EXPECT_EQ(staff.get(u"/tickets/%1/notes"_s.arg(id)).items().size(), 1);
        EXPECT_EQ(staff.get(u"/tickets/%1/messages"_s.arg(id)).items().size(), 1);
    }
}

} // namespace
