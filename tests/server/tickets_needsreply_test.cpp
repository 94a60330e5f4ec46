// The code user's answer moves the ticket (waiting or resolved to open, with the reason in
// history and event; staff messages never move it), and the needs-reply queue
// (?awaiting=staff and its facet count) against a brute-force oracle.
#include "unread_fixture.h"

using namespace unreadtest;

namespace {

using NeedsReplyTest = UnreadTest;

QString statusOf(ApiClient &as, qint64 id)
{
    return as.get(u"/tickets/%1"_s.arg(id)).object().value(u"status"_s).toString();
}

TEST_F(NeedsReplyTest, CodeUsersAnswerReopensWaitingAndResolvedTickets)
{
    for (const QString &from : {u"waiting"_s, u"resolved"_s}) {
        const qint64 id = idOf(createTicket(userA, u"Antwort "_s + from));
        ASSERT_EQ(edit(staff, id, {{u"status"_s, from}}).status, 200);
        EventClient staffEvents, codeUserEvents;
        ASSERT_TRUE(staffEvents.open(m_server.baseUrl(), admin.token()));
        ASSERT_TRUE(codeUserEvents.open(m_server.baseUrl(), userA.token()));
        const qint64 version = staff.versionOf(id);
        ASSERT_EQ(post(userA, id, u"messages"_s, u"Leider nein"_s).status, 201);
        EXPECT_EQ(statusOf(staff, id), u"open"_s) << from.toStdString();
        EXPECT_EQ(staff.versionOf(id), version + 1) << "a status change is an edit";

        const QJsonArray history = staff.get(u"/tickets/%1/history"_s.arg(id)).items();
        ASSERT_FALSE(history.isEmpty());
        const QJsonObject last = history.last().toObject();
        EXPECT_EQ(last[u"field"_s].toString(), u"status"_s);
        EXPECT_EQ(last[u"from"_s].toString(), from);
        EXPECT_EQ(last[u"to"_s].toString(), u"open"_s);
        EXPECT_EQ(last[u"reason"_s].toString(), u"code_user_message"_s);
        EXPECT_EQ(last[u"actor"_s][u"type"_s].toString(), u"code_user"_s);
        // The code user sees it in their ticket's history too.
        const QJsonArray theirs = userA.get(u"/tickets/%1/history"_s.arg(id)).items();
        ASSERT_FALSE(theirs.isEmpty());
        EXPECT_EQ(theirs.last()[u"reason"_s].toString(), u"code_user_message"_s);

        auto reopened = [&](const QJsonObject &f) {
            return f[u"type"_s].toString() == u"ticket.updated"_s &&
                   f[u"ticketId"_s].toInteger() == id;
        };
        for (EventClient *c : {&staffEvents, &codeUserEvents}) {
            const QJsonObject e = c->waitFor(reopened);
            EXPECT_EQ(e[u"data"_s][u"changes"_s][u"status"_s].toString(), u"open"_s);
            EXPECT_EQ(e[u"data"_s][u"reason"_s].toString(), u"code_user_message"_s);
            EXPECT_FALSE(e[u"data"_s].toObject().contains(u"unread"_s));
        }
    }
}

TEST_F(NeedsReplyTest, StaffMessagesAndOtherStatusesLeaveTheStatus)
{
    const qint64 id = idOf(createTicket(userA, u"Warten"_s));
    ASSERT_EQ(edit(staff, id, {{u"status"_s, u"waiting"_s}}).status, 200);
    ASSERT_EQ(post(staff, id, u"messages"_s, u"Bitte Foto schicken"_s).status, 201);
    EXPECT_EQ(statusOf(staff, id), u"waiting"_s);
    ASSERT_EQ(post(staff, id, u"notes"_s, u"Intern"_s).status, 201);
    EXPECT_EQ(statusOf(staff, id), u"waiting"_s);

    const qint64 fresh = idOf(createTicket(userA, u"Neu"_s));
    ASSERT_EQ(post(userA, fresh, u"messages"_s, u"Noch etwas"_s).status, 201);
    EXPECT_EQ(statusOf(staff, fresh), u"new"_s) << "only waiting and resolved move";

    const qint64 closed = idOf(createTicket(userA, u"Zu"_s));
    ASSERT_EQ(edit(staff, closed, {{u"status"_s, u"closed"_s}}).status, 200);
    EXPECT_EQ(post(userA, closed, u"messages"_s, u"Hallo?"_s).status, 409);
    EXPECT_EQ(statusOf(staff, closed), u"closed"_s);
}

TEST_F(NeedsReplyTest, AwaitingStaffFollowsTheLastMessage)
{
    const qint64 id = idOf(createTicket(userA, u"Braucht Antwort"_s));
    auto awaiting = [&] {
        return ids(listAll(staff, u"awaiting=staff"_s)).contains(id);
    };
    EXPECT_FALSE(awaiting());
    ASSERT_EQ(post(userA, id, u"messages"_s, u"Frage"_s).status, 201);
    EXPECT_TRUE(awaiting());
    ASSERT_EQ(post(staff, id, u"notes"_s, u"Notiz ist keine Antwort"_s).status, 201);
    EXPECT_TRUE(awaiting());
    ASSERT_EQ(post(staff, id, u"messages"_s, u"Antwort"_s).status, 201);
    EXPECT_FALSE(awaiting());
    ASSERT_EQ(post(userA, id, u"messages"_s, u"Nachfrage"_s).status, 201);
    EXPECT_TRUE(awaiting());
    // Internal or closed: not in the queue.
    ASSERT_EQ(edit(staff, id, {{u"visibility"_s, u"internal"_s}}).status, 200);
    EXPECT_FALSE(awaiting());
    ASSERT_EQ(edit(staff, id, {{u"visibility"_s, u"public"_s}}).status, 200);
    EXPECT_TRUE(awaiting());
    ASSERT_EQ(edit(staff, id, {{u"status"_s, u"closed"_s}}).status, 200);
    EXPECT_FALSE(awaiting());
}

TEST_F(NeedsReplyTest, FilterAndFacetAgreeWithAnOracle)
{
    // The oracle: the last message of each ticket, read from its conversation.
    for (int i = 0; i < 6; ++i) {
        const qint64 id = idOf(createTicket(i % 2 ? userA : userB, u"Orakel %1"_s.arg(i)));
        ApiClient &author = i % 2 ? userA : userB;
        ASSERT_EQ(post(author, id, u"messages"_s, u"Frage"_s).status, 201);
        if (i % 3 == 0) {
            ASSERT_EQ(post(staff, id, u"messages"_s, u"Antwort"_s).status, 201);
        }
    }
    for (const QString &f : {QString(), u"status=new,open"_s, u"priority=normal"_s,
                             u"assignee=none&sort=-priority,createdAt"_s, u"unread=true"_s}) {
        QList<qint64> oracle;
        for (const QJsonObject &t : listAll(staff, f)) {
            if (t[u"visibility"_s].toString() != u"public"_s ||
                t[u"status"_s].toString() == u"closed"_s)
                continue;
            const QJsonArray messages =
                staff.get(u"/tickets/%1/messages?limit=200"_s.arg(idOf(t))).items();
            if (!messages.isEmpty() &&
                messages.last()[u"author"_s][u"type"_s].toString() == u"code_user"_s)
                oracle.append(idOf(t));
        }
        const QString query = f.isEmpty() ? u"awaiting=staff"_s : f + u"&awaiting=staff"_s;
        for (int limit : {3, 200})
            EXPECT_EQ(ids(listAll(staff, query, limit)), oracle) << query.toStdString();
        const QString filters = f.section(u"&sort="_s, 0, 0); // facets take no sort
        const QJsonObject facets =
            staff.get(u"/tickets/facets"_s + (filters.isEmpty() ? QString() : u'?' + filters))
                .object();
        EXPECT_EQ(facets[u"awaitingStaff"_s].toInteger(-1), oracle.size())
            << f.toStdString() << QJsonDocument(facets).toJson().toStdString();
    }
}

TEST_F(NeedsReplyTest, CodeUsersAndBadValues)
{
    const qint64 id = idOf(createTicket(userA, u"Gerät fragt"_s));
    ASSERT_EQ(post(userA, id, u"messages"_s, u"Frage"_s).status, 201);
    // Staff only, as customer and fleet filters: for code users it matches nothing.
    const HttpResult theirs = userA.get(u"/tickets?awaiting=staff"_s);
    EXPECT_EQ(theirs.status, 200);
    EXPECT_TRUE(theirs.items().isEmpty());
    EXPECT_FALSE(userA.get(u"/tickets/facets"_s).object().contains(u"awaitingStaff"_s));
    EXPECT_EQ(anonymous.get(u"/tickets?awaiting=staff"_s).status, 401);
    for (const QString &bad :
         {u"awaiting=code_user"_s, u"awaiting="_s, u"awaiting=staff&awaiting=staff"_s})
        EXPECT_EQ(staff.get(u"/tickets?"_s + bad).status, 400) << bad.toStdString();
}

} // namespace
