// Unread per staff member: what makes a ticket unread (and what does not: one's own
// actions, an assignment to someone else, the clocks update of a first staff message),
// seen and unseen, who may see or set the marks, the ticket.seen event, and bad input.
#include "unread_fixture.h"

using namespace unreadtest;

namespace {

TEST_F(UnreadTest, NewTicketIsUnreadForOthersButNotForItsCreator)
{
    const qint64 id = idOf(adminTicket(u"Papierstau Fach 2"_s));
    EXPECT_FALSE(unread(admin, id));
    EXPECT_TRUE(unread(staff, id));
    EXPECT_TRUE(unread(other, id));
    // The creation answer itself is the creator's view.
    EXPECT_FALSE(create(admin, u"Zweites"_s, {{u"deviceId"_s, demoDeviceId(0)}})
                     .value(u"unread"_s)
                     .toBool(true));
}

TEST_F(UnreadTest, SeenThenEachNotableKindByAnotherMakesItUnreadAgain)
{
    const qint64 id = idOf(adminTicket(u"Toner leer"_s));
    struct Kind {
        const char *name;
        std::function<int()> act;
    };
    const QList<Kind> kinds{
        {"message by staff",
         [&] {
             return post(admin, id, u"messages"_s, u"Hallo"_s).status;
         }},
        {"note by staff",
         [&] {
             return post(admin, id, u"notes"_s, u"Intern"_s).status;
         }},
        {"status",
         [&] {
             return edit(admin, id, {{u"status"_s, u"open"_s}}).status;
         }},
        {"priority",
         [&] {
             return edit(admin, id, {{u"priority"_s, u"high"_s}}).status;
         }},
        {"message by code user",
         [&] {
             return post(userA, id, u"messages"_s, u"Geht wieder nicht"_s).status;
         }},
    };
    for (const Kind &k : kinds) {
        ASSERT_EQ(markSeenNow(staff, id).status, 200) << k.name;
        ASSERT_EQ(markSeenNow(admin, id).status, 200) << k.name;
        ASSERT_FALSE(unread(staff, id)) << k.name;
        const int status = k.act();
        ASSERT_TRUE(status == 200 || status == 201) << k.name << " " << status;
        EXPECT_TRUE(unread(staff, id)) << k.name;
        // The actor's own action is not news to them (the code user's is to everyone).
        EXPECT_EQ(unread(admin, id), QByteArray(k.name) == "message by code user") << k.name;
    }
}

TEST_F(UnreadTest, RatingIsNotable)
{
    const QJsonObject created = createTicket(userA, u"Bewertung"_s);
    const qint64 id = idOf(created);
    ASSERT_EQ(edit(admin, id, {{u"status"_s, u"resolved"_s}}).status, 200);
    ASSERT_EQ(markSeenNow(staff, id).status, 200);
    ASSERT_EQ(userA.post(u"/tickets/%1/rating"_s.arg(id), {{u"stars"_s, 5}}).status, 201);
    EXPECT_TRUE(unread(staff, id));
}

TEST_F(UnreadTest, OwnActionsLeaveItRead)
{
    const qint64 id = idOf(adminTicket(u"Eigenes"_s));
    ASSERT_EQ(markSeenNow(staff, id).status, 200);
    ASSERT_EQ(post(staff, id, u"messages"_s, u"Bin dran"_s).status, 201);
    ASSERT_EQ(post(staff, id, u"notes"_s, u"Notiz"_s).status, 201);
    ASSERT_EQ(edit(staff, id, {{u"status"_s, u"open"_s}, {u"priority"_s, u"low"_s}}).status, 200);
    ASSERT_EQ(edit(staff, id, {{u"assigneeId"_s, staffId}}).status, 200);
    EXPECT_FALSE(unread(staff, id));
    // ...and are news to everyone else.
    EXPECT_TRUE(unread(admin, id));
    EXPECT_TRUE(unread(other, id));
}

TEST_F(UnreadTest, FirstStaffMessageClockUpdateIsNoNews)
{
    // A code user's ticket without a staff message: my first one stops its first-reply
    // clock, which sends staff a ticket.updated with changes {clocks} besides the message.
    const qint64 id = idOf(createTicket(userA, u"Erste Antwort"_s));
    ASSERT_EQ(markSeenNow(staff, id).status, 200);
    ASSERT_EQ(markSeenNow(other, id).status, 200);
    EventClient events;
    ASSERT_TRUE(events.open(m_server.baseUrl(), other.token()));
    ASSERT_EQ(post(staff, id, u"messages"_s, u"Wir sehen nach"_s).status, 201);
    const QJsonObject message = events.waitFor([id](const QJsonObject &f) {
        return f.value(u"type"_s).toString() == u"message.created"_s &&
               f.value(u"ticketId"_s).toInteger() == id;
    });
    ASSERT_FALSE(message.isEmpty());
    const qint64 messageSeq = message.value(u"seq"_s).toInteger();
    qint64 clocksSeq = 0;
    for (const QJsonObject &f : events.frames()) {
        if (f.value(u"type"_s).toString() == u"ticket.updated"_s &&
            f.value(u"ticketId"_s).toInteger() == id &&
            f.value(u"data"_s)[u"changes"_s].toObject().contains(u"clocks"_s))
            clocksSeq = f.value(u"seq"_s).toInteger();
    }
    ASSERT_GT(clocksSeq, 0) << "the first staff message sends staff the clocks";
    // Mine: neither the message nor the clocks update is news to me.
    EXPECT_FALSE(unread(staff, id));
    for (const QJsonObject &t : listAll(staff, u"unread=true"_s))
        EXPECT_NE(idOf(t), id);
    // A colleague: only the message counts. Seen up to everything but the message, the
    // ticket is still unread; seen up to the message, it is read, whichever came last.
    ASSERT_EQ(markSeen(other, id, std::min(clocksSeq, messageSeq - 1)).status, 200);
    EXPECT_TRUE(unread(other, id));
    ASSERT_EQ(markSeen(other, id, messageSeq).status, 200);
    EXPECT_FALSE(unread(other, id));
}

TEST_F(UnreadTest, AssignmentIsNewsOnlyToTheOneWhoGetsIt)
{
    const qint64 id = idOf(adminTicket(u"Zuweisung"_s));
    for (ApiClient *as : {&staff, &other, &admin})
        ASSERT_EQ(markSeenNow(*as, id).status, 200);
    ASSERT_EQ(edit(admin, id, {{u"assigneeId"_s, otherId}}).status, 200);
    EXPECT_FALSE(unread(staff, id)) << "an assignment to someone else is not news to me";
    EXPECT_TRUE(unread(other, id));
    EXPECT_FALSE(unread(admin, id));
    // Title and visibility changes are not notable.
    ASSERT_EQ(markSeenNow(other, id).status, 200);
    ASSERT_EQ(edit(admin, id, {{u"title"_s, u"Neuer Titel"_s}}).status, 200);
    EXPECT_FALSE(unread(other, id));
    EXPECT_FALSE(unread(staff, id));
}

TEST_F(UnreadTest, SeenAndUnseen)
{
    const qint64 id = idOf(adminTicket(u"Gesehen"_s));
    const qint64 seq = latestSeq();
    HttpResult r = markSeen(staff, id, seq);
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    EXPECT_EQ(r.object().value(u"seq"_s).toInteger(), seq);
    EXPECT_FALSE(r.object().value(u"unread"_s).toBool(true));
    // A lower seq is ignored.
    r = markSeen(staff, id, 1);
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.object().value(u"seq"_s).toInteger(), seq);
    EXPECT_FALSE(unread(staff, id));
    // DELETE: unread again.
    r = markUnread(staff, id);
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    EXPECT_TRUE(r.object().value(u"unread"_s).toBool());
    EXPECT_TRUE(unread(staff, id));
    // Another staff member's marks are their own.
    EXPECT_TRUE(unread(other, id));
    ASSERT_EQ(markSeenNow(other, id).status, 200);
    EXPECT_TRUE(unread(staff, id));
    EXPECT_FALSE(unread(other, id));
    EXPECT_EQ(markSeen(staff, 999999, 1).status, 404);
}

TEST_F(UnreadTest, BadInputChangesNothing)
{
    const qint64 id = idOf(adminTicket(u"Falsche Eingaben"_s));
    const qint64 seq = latestSeq();
    ASSERT_EQ(markSeen(staff, id, seq).status, 200);
    ASSERT_EQ(post(admin, id, u"notes"_s, u"neu"_s).status, 201); // unread again for staff
    auto put = [&](const QByteArray &body) {
        return staff.send("PUT", u"/tickets/%1/seen"_s.arg(id), body,
                          {{"Content-Type", "application/json"}});
    };
    const QList<QByteArray> bodies{
        R"({"seq":"5"})",  R"({"seq":-1})", R"({"seq":1.5})",
        R"({"seq":null})", R"({})",         R"({"seq":5,"x":1})",
        R"([5])",          R"(nonsense)",   R"({"seq":true})",
        R"({"seq":1e30})", QByteArray(),    R"({"seq":99999999999})" /* beyond the latest event */};
    for (const QByteArray &b : bodies) {
        const HttpResult r = put(b);
        EXPECT_GE(r.status, 400) << b.toStdString();
        EXPECT_LT(r.status, 500) << b.toStdString();
    }
    EXPECT_EQ(put(R"({"seq":99999999999})").status, 422);
    EXPECT_TRUE(unread(staff, id)) << "a refused mark must not have changed anything";
    EXPECT_EQ(staff
                  .send("PUT", u"/tickets/%1/seen?x=1"_s.arg(id), R"({"seq":1})",
                        {{"Content-Type", "application/json"}})
                  .status,
              400);
}

TEST_F(UnreadTest, AuthorizationForEveryRole)
{
    const QJsonObject mine = createTicket(userA, u"Vom Gerät"_s);
    const qint64 id = idOf(mine);
    // Anonymous: 401.
    EXPECT_EQ(markSeen(anonymous, id, 1).status, 401);
    EXPECT_EQ(markUnread(anonymous, id).status, 401);
    // Code users: the staff-only route does not exist for them (as /notes).
    EXPECT_EQ(markSeen(userA, id, 1).status, 404);
    EXPECT_EQ(markUnread(userA, id).status, 404);
    // ...and they never see the field: single, list, creation, filter, facets.
    EXPECT_FALSE(mine.contains(u"unread"_s));
    EXPECT_FALSE(userA.get(u"/tickets/%1"_s.arg(id)).object().contains(u"unread"_s));
    const QList<QJsonObject> all = listAll(userA, {});
    ASSERT_FALSE(all.isEmpty());
    for (const QJsonObject &t : all)
        EXPECT_FALSE(t.contains(u"unread"_s));
    const HttpResult filtered = userA.get(u"/tickets?unread=true"_s);
    EXPECT_EQ(filtered.status, 200);
    EXPECT_TRUE(filtered.items().isEmpty());
    const QJsonObject facets = userA.get(u"/tickets/facets"_s).object();
    EXPECT_FALSE(facets.contains(u"unread"_s));
    EXPECT_FALSE(facets.contains(u"awaitingStaff"_s));
    // Staff: both roles may mark.
    EXPECT_EQ(markSeenNow(staff, id).status, 200);
    EXPECT_EQ(markSeenNow(admin, id).status, 200);
    EXPECT_EQ(staff.get(u"/tickets?unread=maybe"_s).status, 400);
}

TEST_F(UnreadTest, SeenEventReachesOnlyThatStaffMember)
{
    const qint64 id = idOf(createTicket(userA, u"Ereignis"_s));
    EventClient mine, others, codeUser;
    ASSERT_TRUE(mine.open(m_server.baseUrl(), staff.token()));
    ASSERT_TRUE(others.open(m_server.baseUrl(), other.token()));
    ASSERT_TRUE(codeUser.open(m_server.baseUrl(), userA.token()));
    const qint64 before = latestSeq();
    ASSERT_EQ(markSeen(staff, id, before).status, 200);
    const QJsonObject seen = mine.waitFor(
        [](const QJsonObject &f) { return f.value(u"type"_s).toString() == u"ticket.seen"_s; });
    EXPECT_EQ(seen.value(u"data"_s)[u"ticketId"_s].toInteger(), id);
    EXPECT_EQ(seen.value(u"data"_s)[u"seq"_s].toInteger(), before);
    // A later public event as the sentinel: by then the seen event would have arrived.
    ASSERT_EQ(post(admin, id, u"messages"_s, u"Sentinel"_s).status, 201);
    auto hasMessage = [](const QJsonObject &f) {
        return f.value(u"type"_s).toString() == u"message.created"_s;
    };
    EXPECT_FALSE(others.waitFor(hasMessage).isEmpty());
    EXPECT_FALSE(codeUser.waitFor(hasMessage).isEmpty());
    for (const EventClient *c : {&others, &codeUser}) {
        for (const QJsonObject &f : c->frames()) {
            EXPECT_NE(f.value(u"type"_s).toString(), u"ticket.seen"_s);
            EXPECT_FALSE(QJsonDocument(f).toJson().contains("\"unread\""));
        }
    }
    // Replays: the same.
    for (ApiClient *as : {&other, &userA, &staff}) {
        EventClient replay;
        ASSERT_TRUE(replay.open(m_server.baseUrl(), as->token(), before));
        replay.waitFor(hasMessage);
        bool got = false;
        for (const QJsonObject &f : replay.frames())
            got = got || f.value(u"type"_s).toString() == u"ticket.seen"_s;
        EXPECT_EQ(got, as == &staff);
    }
}

} // namespace
