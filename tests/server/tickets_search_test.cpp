// The search box (`q`) of staff: ticket numbers, devices and customers besides the text,
// through indexes; code users' search stays on the text of what they may see.
#include "store/sqlite/ticketpage.h"
#include "tickets_fixture.h"

#include <QSqlDatabase>
#include <QSqlQuery>

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

} // namespace
