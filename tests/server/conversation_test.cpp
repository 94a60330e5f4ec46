// Messages and internal notes against a real ticket-server: order, paging, idempotency,
// visibility and the staff-only notes.
#include "sharedservertest.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThread>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

class ConversationTest : public SharedServerTest
{
protected:
    HttpResult post(ApiClient &as, qint64 ticket, const QString &body,
                    const ApiClient::Headers &headers = {}, const QString &kind = u"messages"_s)
    {
        return as.post(u"/tickets/%1/%2"_s.arg(ticket).arg(kind), {{u"body"_s, body}}, headers);
    }

    static QList<qint64> seqs(const HttpResult &r)
    {
        QList<qint64> out;
        for (const QJsonValue &v : r.items())
            out.append(v.toObject().value(u"seq"_s).toInteger());
        return out;
    }
};

TEST_F(ConversationTest, MessagesAreListedInServerOrder)
{
    const qint64 id = newTicket(user, u"Drucker zieht kein Papier ein"_s);
    ASSERT_GT(id, 0);
    ASSERT_EQ(post(user, id, u"Erste Nachricht"_s).status, 201);
    const HttpResult second = post(staff, id, u"Antwort vom Support\nmit zwei Zeilen"_s);
    ASSERT_EQ(second.status, 201) << second.body.toStdString();
    EXPECT_EQ(second.object().value(u"seq"_s).toInteger(), 2);
    EXPECT_EQ(second.object().value(u"author"_s).toObject().value(u"type"_s).toString(),
              u"staff"_s);
    EXPECT_EQ(second.object().value(u"body"_s).toString(),
              u"Antwort vom Support\nmit zwei Zeilen"_s);
    ASSERT_EQ(post(user, id, u"Dritte"_s).status, 201);
    ASSERT_EQ(post(user, id, u"Vierte"_s).status, 201);

    const HttpResult all = user.get(u"/tickets/%1/messages"_s.arg(id));
    ASSERT_EQ(all.status, 200) << all.body.toStdString();
    EXPECT_EQ(seqs(all), (QList<qint64>{1, 2, 3, 4}));
    EXPECT_TRUE(all.object().value(u"nextCursor"_s).isNull());
    const QJsonObject first = all.items().at(0).toObject();
    EXPECT_EQ(first.value(u"author"_s).toObject().value(u"type"_s).toString(), u"code_user"_s);
    EXPECT_EQ(first.value(u"author"_s).toObject().value(u"name"_s).toString(), u"Field User"_s);
    EXPECT_EQ(first.value(u"ticketId"_s).toInteger(), id);

    EXPECT_EQ(seqs(user.get(u"/tickets/%1/messages?after=2"_s.arg(id))), (QList<qint64>{3, 4}));
    EXPECT_TRUE(seqs(user.get(u"/tickets/%1/messages?after=4"_s.arg(id))).isEmpty());

    const HttpResult page1 = staff.get(u"/tickets/%1/messages?limit=3"_s.arg(id));
    EXPECT_EQ(seqs(page1), (QList<qint64>{1, 2, 3}));
    const QString cursor = page1.object().value(u"nextCursor"_s).toString();
    ASSERT_FALSE(cursor.isEmpty());
    const HttpResult page2 =
        staff.get(u"/tickets/%1/messages?limit=3&cursor=%2"_s.arg(id).arg(cursor));
    EXPECT_EQ(seqs(page2), (QList<qint64>{4}));
    EXPECT_TRUE(page2.object().value(u"nextCursor"_s).isNull());
}

TEST_F(ConversationTest, ListParametersAreChecked)
{
    const qint64 id = newTicket(user, u"Parameter"_s);
    for (const QString &query :
         {u"after=-1"_s, u"after=abc"_s, u"after=1.5"_s, u"foo=1"_s, u"limit=0"_s, u"limit=201"_s,
          u"after=1&after=2"_s, u"after=1&cursor=2"_s}) {
        const HttpResult r = user.get(u"/tickets/%1/messages?"_s.arg(id) + query);
        EXPECT_EQ(r.status, 400) << query.toStdString();
        EXPECT_EQ(r.errorCode(), u"invalid_parameter"_s) << query.toStdString();
    }
    EXPECT_EQ(user.get(u"/tickets/%1/messages?after=0"_s.arg(id)).status, 200);
    EXPECT_EQ(user.get(u"/tickets/abc/messages"_s).status, 404);
    EXPECT_EQ(user.get(u"/tickets/999999/messages"_s).status, 404);
}

TEST_F(ConversationTest, IdempotencyKeyReplaysTheFirstAnswer)
{
    const qint64 id = newTicket(user, u"Doppelt gesendet"_s);
    const ApiClient::Headers key{{"Idempotency-Key", "msg-1"}};
    const HttpResult first = post(user, id, u"Nur einmal"_s, key);
    ASSERT_EQ(first.status, 201);
    const HttpResult again = post(user, id, u"Nur einmal"_s, key);
    EXPECT_EQ(again.status, 201);
    EXPECT_EQ(again.body, first.body);
    EXPECT_EQ(again.header("idempotent-replayed"), "true");
    EXPECT_EQ(post(user, id, u"Ein anderer Text"_s, key).status, 422);
    EXPECT_EQ(user.get(u"/tickets/%1/messages"_s.arg(id)).items().size(), 1);
}

TEST_F(ConversationTest, BodiesAreValidated)
{
    const qint64 id = newTicket(user, u"Validierung"_s);
    const QString path = u"/tickets/%1/messages"_s.arg(id);
    EXPECT_EQ(post(user, id, u""_s).status, 422);
    EXPECT_EQ(post(user, id, u"   \n "_s).status, 422);
    EXPECT_EQ(post(user, id, QString(20001, u'x')).status, 422);
    EXPECT_EQ(post(user, id, QString(20000, u'x')).status, 201);
    EXPECT_EQ(post(user, id, u"Steuerzeichen \u0007"_s).errorCode(), u"invalid_characters"_s);
    EXPECT_EQ(user.post(path, {{u"body"_s, u"x"_s}, {u"authorId"_s, 1}}).errorCode(),
              u"unknown_field"_s);
    EXPECT_EQ(user.post(path, {{u"body"_s, 5}}).status, 400);
    EXPECT_EQ(user.send("POST", path, "{", {{"Content-Type", "application/json"}}).status, 400);
    EXPECT_EQ(user.send("POST", path, "body=x", {{"Content-Type", "text/plain"}}).status, 415);
    EXPECT_EQ(user.get(path).items().size(), 1);
}

TEST_F(ConversationTest, HiddenTicketsDoNotExistForCodeUsers)
{
    const qint64 mine = newTicket(user, u"Nur für Gerät A"_s);
    const HttpResult hidden = other.get(u"/tickets/%1/messages"_s.arg(mine));
    EXPECT_EQ(hidden.status, 404);
    EXPECT_EQ(hidden.body, other.get(u"/tickets/999999/messages"_s).body);
    EXPECT_EQ(post(other, mine, u"Hallo?"_s).status, 404);

    const qint64 internal =
        newTicket(staff, u"Interne Wartung"_s,
                  {{u"deviceId"_s, demoDeviceId(0)}, {u"visibility"_s, u"internal"_s}});
    ASSERT_GT(internal, 0);
    ASSERT_EQ(post(staff, internal, u"Intern"_s).status, 201);
    EXPECT_EQ(user.get(u"/tickets/%1/messages"_s.arg(internal)).status, 404);
    EXPECT_EQ(post(user, internal, u"Hallo?"_s).status, 404);
    EXPECT_EQ(staff.get(u"/tickets/%1/messages"_s.arg(internal)).items().size(), 1);
}

TEST_F(ConversationTest, NotesAreForStaffOnly)
{
    const qint64 id = newTicket(user, u"Notizen"_s);
    const HttpResult note = post(staff, id, u"Kunde zweimal angerufen"_s, {}, u"notes"_s);
    ASSERT_EQ(note.status, 201) << note.body.toStdString();
    EXPECT_EQ(note.object().value(u"seq"_s).toInteger(), 1);

    const HttpResult read = user.get(u"/tickets/%1/notes"_s.arg(id));
    EXPECT_EQ(read.status, 404);
    EXPECT_FALSE(read.body.contains("angerufen"));
    EXPECT_EQ(post(user, id, u"Ich schreibe eine Notiz"_s, {}, u"notes"_s).status, 404);

    const HttpResult notes = staff.get(u"/tickets/%1/notes"_s.arg(id));
    ASSERT_EQ(notes.status, 200);
    ASSERT_EQ(notes.items().size(), 1);
    EXPECT_EQ(notes.items().at(0).toObject().value(u"body"_s).toString(),
              u"Kunde zweimal angerufen"_s);
    // Notes are no messages.
    EXPECT_TRUE(user.get(u"/tickets/%1/messages"_s.arg(id)).items().isEmpty());
}

TEST_F(ConversationTest, ClosedTicketsTakeNoMessages)
{
    const qint64 id = newTicket(user, u"Wird geschlossen"_s);
    const qint64 version = staff.versionOf(id);
    ASSERT_GT(version, 0);
    const HttpResult closed = staff.patch(u"/tickets/%1"_s.arg(id), {{u"status"_s, u"closed"_s}},
                                          {{"If-Match", '"' + QByteArray::number(version) + '"'}});
    ASSERT_EQ(closed.status, 200) << closed.body.toStdString();
    const HttpResult r = post(user, id, u"Noch eine Frage"_s);
    EXPECT_EQ(r.status, 409);
    EXPECT_EQ(r.errorCode(), u"ticket_closed"_s);
    EXPECT_EQ(post(staff, id, u"Noch eine Antwort"_s).status, 409);
    EXPECT_EQ(post(staff, id, u"Notiz nach Abschluss"_s, {}, u"notes"_s).status, 201);
}

TEST_F(ConversationTest, MessageTouchesTheTicketButNotItsVersion)
{
    const qint64 id = newTicket(user, u"Zeitstempel"_s);
    const HttpResult before = staff.get(u"/tickets/%1"_s.arg(id));
    ASSERT_EQ(before.status, 200);
    QThread::msleep(20);
    ASSERT_EQ(post(user, id, u"zahnradgetriebe klemmt"_s).status, 201);
    const HttpResult after = staff.get(u"/tickets/%1"_s.arg(id));
    EXPECT_EQ(after.object().value(u"version"_s), before.object().value(u"version"_s));
    EXPECT_GT(after.object().value(u"updatedAt"_s).toString(),
              before.object().value(u"updatedAt"_s).toString());

    // The message is in the full-text index (kind 'm'), the note is not.
    ASSERT_EQ(post(staff, id, u"geheimnotiz"_s, {}, u"notes"_s).status, 201);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"conversation-check"_s);
    db.setDatabaseName(server().dataDir() + u"/tickets.sqlite"_s);
    ASSERT_TRUE(db.open());
    {
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(u"SELECT kind, ticket_id FROM search WHERE search MATCH "
                           "'zahnradgetriebe OR geheimnotiz'"_s));
        ASSERT_TRUE(q.next());
        EXPECT_EQ(q.value(0).toString(), u"m"_s);
        EXPECT_EQ(q.value(1).toLongLong(), id);
        EXPECT_FALSE(q.next());
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"conversation-check"_s);
}

} // namespace
