// The search box (`q`) of staff: ticket numbers, devices and customers besides the text,
// through indexes; code users' search stays on the text of what they may see.
#include "store/sqlite/ticketpage.h"
#include "store/sqlite/ticketrows.h"
#include "ticketpages.h"
#include "tickets_fixture.h"
#include "undo_migrations.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>

using namespace ticketstest;

namespace {

TEST_F(TicketsTest, StaffFindTicketsByNumberDeviceAndCustomer)
{
    const qint64 id = idOf(create(userA, u"Zahnriemen gerissen"_s));
    const QJsonObject full = staff.get(u"/tickets/%1"_s.arg(id)).object();
    const QString number = full.value(u"number"_s).toString();
    ASSERT_TRUE(number.startsWith(u"T-"_s)) << number.toStdString();
    const QJsonObject device = full.value(u"device"_s).toObject();
    const QJsonObject customer = full.value(u"customer"_s).toObject();
    ASSERT_FALSE(device.value(u"serial"_s).toString().isEmpty());
    ASSERT_FALSE(customer.value(u"number"_s).toString().isEmpty());

    // "T-000120", "t-000120", "000120" and "120" all name the ticket.
    for (const QString &q : {number, number.toLower(), number.mid(2), QString::number(id)}) {
        EXPECT_TRUE(search(staff, q).contains(id)) << q.toStdString();
    }
    for (const QString &q :
         {device.value(u"serial"_s).toString(), device.value(u"name"_s).toString(),
          customer.value(u"name"_s).toString(), customer.value(u"number"_s).toString()}) {
        EXPECT_TRUE(search(staff, q).contains(id)) << q.toStdString();
    }
    // A word of the device's name finds it by prefix, as the text does.
    const QString firstWord = device.value(u"name"_s).toString().split(u' ').first();
    EXPECT_TRUE(search(staff, firstWord.left(5)).contains(id)) << firstWord.toStdString();
    // Code users never find tickets by customer data.
    for (const QString &q :
         {customer.value(u"name"_s).toString(), customer.value(u"number"_s).toString()}) {
        EXPECT_FALSE(search(userA, q).contains(id)) << q.toStdString();
    }
    // The other filters still apply to what the search finds.
    EXPECT_FALSE(ids(listAll(staff, u"status=closed&q="_s + enc(number))).contains(id));
    EXPECT_TRUE(ids(listAll(staff, u"status=new&q="_s + enc(number))).contains(id));
}

TEST_F(TicketsTest, ARenamedDeviceIsFoundByItsNewName)
{
    const qint64 id = idOf(create(userA, u"Riemen"_s));
    const qint64 deviceId =
        staff.get(u"/tickets/%1"_s.arg(id)).object().value(u"deviceId"_s).toInteger();
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"rename"_s);
    db.setDatabaseName(m_server.dataDir() + u"/tickets.sqlite"_s);
    ASSERT_TRUE(db.open());
    {
        QSqlQuery q(db);
        ASSERT_TRUE(
            q.prepare(u"UPDATE devices SET name = 'Umbenannt Quarkmaschine' WHERE id = ?"_s));
        q.addBindValue(deviceId);
        ASSERT_TRUE(q.exec());
    }
    db.close();
    db = {};
    QSqlDatabase::removeDatabase(u"rename"_s);
    EXPECT_TRUE(search(staff, u"quarkmasch"_s).contains(id));
}

// A staff search reads the tickets it finds through indexes, never the whole table.
TEST_F(TicketsTest, StaffSearchUsesIndexes)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"plan"_s);
        db.setDatabaseName(m_server.dataDir() + u"/tickets.sqlite"_s);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        ASSERT_TRUE(db.open());
        for (const QString &text : {u"120"_s, u"Drucker"_s, u"T-000007 Hamburg"_s}) {
            core::TicketQuery query;
            query.text = text;
            using namespace server::sqlite;
            const ticketsql::Statement s =
                ticketsql::pageStatement(query, server::Caller{}, std::nullopt, 51);
            QSqlQuery q(db);
            ASSERT_TRUE(q.prepare(u"EXPLAIN QUERY PLAN "_s + s.sql));
            for (const QVariant &v : s.values)
                q.addBindValue(v);
            ASSERT_TRUE(q.exec());
            QStringList plan;
            while (q.next())
                plan.append(q.value(3).toString());
            for (const QString &line : std::as_const(plan)) {
                if (line.startsWith(u"SCAN t"_s) || line.startsWith(u"SCAN devices"_s) ||
                    line.startsWith(u"SCAN customers"_s)) {
                    ADD_FAILURE() << text.toStdString() << ": " << plan.join(u"; "_s).toStdString();
                }
            }
        }
    }
    QSqlDatabase::removeDatabase(u"plan"_s);
}

// Migration 9 puts the ticket into the search rowid (store/sqlite/schema.h): a database
// whose rows were numbered one by one, as before it, finds the same after an upgrade.
TEST_F(TicketsTest, SearchRowsOfAnEarlierDatabaseAreRenumberedByTicket)
{
    const qint64 id = idOf(create(userA, u"Zahnstangenlenkung klemmt"_s));
    ASSERT_EQ(staff.post(u"/tickets/%1/messages"_s.arg(id), {{u"body"_s, u"Kurbelwellensensor"_s}})
                  .status,
              201);
    ASSERT_TRUE(m_server.stop());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"downgrade"_s);
        db.setDatabaseName(m_server.dataDir() + u"/tickets.sqlite"_s);
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        for (const QString &sql :
             undomigrations::after(10) +
                 QStringList{
                     u"CREATE VIRTUAL TABLE old_search USING fts5(body, ticket_id UNINDEXED, kind "
                     "UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')"_s,
                     u"INSERT INTO old_search (body, ticket_id, kind) SELECT body, ticket_id, kind "
                     "FROM search ORDER BY kind, ticket_id DESC"_s,
                     u"DROP TABLE search"_s, u"ALTER TABLE old_search RENAME TO search"_s,
                     // Nor had it the tables of later migrations.
                     u"DROP TABLE text_modules"_s, u"DROP TABLE macros"_s, u"DROP TABLE views"_s,
                     u"PRAGMA user_version = 8"_s}) {
            ASSERT_TRUE(q.exec(sql)) << sql.toStdString() << q.lastError().text().toStdString();
        }
        ASSERT_TRUE(q.exec(u"SELECT COUNT(*) FROM search WHERE rowid >> 24 != ticket_id"_s));
        ASSERT_TRUE(q.next());
        ASSERT_GT(q.value(0).toInt(), 0) << "the rows should be numbered as before migration 9";
    }
    QSqlDatabase::removeDatabase(u"downgrade"_s);

    ASSERT_TRUE(m_server.restart()) << m_server.output().toStdString();
    ApiClient again(m_server.baseUrl()); // the port may have changed
    ASSERT_FALSE(again.loginStaff(u"anna"_s).isEmpty());
    EXPECT_EQ(search(again, u"Zahnstangenlenkung"_s), QList<qint64>{id});
    EXPECT_EQ(search(again, u"Kurbelwellensensor"_s), QList<qint64>{id});
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"upgraded"_s);
        db.setDatabaseName(m_server.dataDir() + u"/tickets.sqlite"_s);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(u"SELECT COUNT(*), SUM(rowid >> 24 != ticket_id), SUM(kind = 't'), "
                           "(SELECT COUNT(*) FROM tickets), (SELECT COUNT(*) FROM messages) "
                           "FROM search"_s));
        ASSERT_TRUE(q.next());
        EXPECT_EQ(q.value(1).toInt(), 0);
        EXPECT_EQ(q.value(2).toInt(), q.value(3).toInt()) << "one text row per ticket";
        EXPECT_EQ(q.value(0).toInt(), q.value(3).toInt() + q.value(4).toInt());
    }
    QSqlDatabase::removeDatabase(u"upgraded"_s);
}

// A broad word walks the tickets in the page's order and looks each up in the match set
// (TextPlan::WalkInOrder, for speed); it must find the same tickets in the same order, page
// by page, as the match set read and sorted, for staff and code users, sorts and filters.
TEST_F(TicketsTest, ABroadTextWalkedInOrderPagesLikeTheMatchSet)
{
    for (int i = 0; i < 3; ++i)
        create(userA, u"Bitte Papier nachfüllen %1"_s.arg(i));
    QSqlDatabase::addDatabase(u"QSQLITE"_s, u"walk"_s);
    {
        QSqlDatabase db = QSqlDatabase::database(u"walk"_s, false);
        db.setDatabaseName(m_server.dataDir() + u"/tickets.sqlite"_s);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        ASSERT_TRUE(db.open());
        const server::Caller staffCaller{core::Role::Agent, staffId, 0, {}, {}, 0};
        const qint64 deviceA = testsupport::demoDeviceId(0);
        const server::Caller codeUser{core::Role::CodeUser, 1, deviceA, {}, {}, 0};
        // Every row, whoever wrote it (demo seed, creation, messages), names its ticket in
        // the rowid (store/sqlite/schema.h): the search reads the ticket from there.
        QSqlQuery rows(db);
        ASSERT_TRUE(rows.exec(u"SELECT COUNT(*), SUM(rowid >> 24 != ticket_id) FROM search"_s));
        ASSERT_TRUE(rows.next());
        EXPECT_GT(rows.value(0).toInt(), 300);
        EXPECT_EQ(rows.value(1).toInt(), 0);
        rows.finish();
        using server::sqlite::ticketsql::TextPlan;
        int compared = 0;
        for (const QString &params :
             {u"q=bitte"_s, u"q=a"_s, u"q=drucker&sort=-createdAt"_s,
              u"q=e&sort=-priority,createdAt"_s, u"q=bitte&status=new,open&sort=-updatedAt"_s,
              u"q=e&sort=status,-updatedAt&assignee=none"_s, u"q=T-000007 e"_s}) {
            auto parsed = core::TicketQuery::fromUrlQuery(QUrlQuery(params));
            ASSERT_TRUE(std::holds_alternative<core::TicketQuery>(parsed)) << params.toStdString();
            const core::TicketQuery query = std::get<core::TicketQuery>(parsed);
            for (const server::Caller &caller : {staffCaller, codeUser}) {
                const QList<qint64> all = pagedIds(db, query, caller, TextPlan::MatchSet, 200);
                for (int limit : {1, 7, 50}) {
                    EXPECT_EQ(pagedIds(db, query, caller, TextPlan::WalkInOrder, limit), all)
                        << params.toStdString() << " limit " << limit
                        << (caller.isStaff() ? " staff" : " code user");
                }
                compared += all.isEmpty() ? 0 : 1;
            }
        }
        EXPECT_GE(compared, 7) << "the words found too little to compare";
    }
    QSqlDatabase::removeDatabase(u"walk"_s);
}

} // namespace
