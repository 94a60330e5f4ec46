// Reading tickets against a real ticket-server: filters, full text, sort and keyset
// pages, facets, single reads and who may see what.
#include "store/sqlite/ticketpage.h"
#include "store/sqlite/ticketrows.h"
#include "ticketpages.h"
#include "tickets_fixture.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace ticketstest;

namespace {

TEST_F(TicketsTest, EachFilterSelectsExactlyTheMatchingTickets)
{
    const QList<QJsonObject> all = listAll(staff, {});
    ASSERT_GE(all.size(), 300);
    using Match = std::function<bool(const QJsonObject &)>;
    auto is = [](const QString &key, const QStringList &values) -> Match {
        return [=](const QJsonObject &t) {
            const QJsonValue v = t.value(key);
            return values.contains(v.isDouble() ? QString::number(v.toInteger())
                                   : v.isNull() ? u"none"_s
                                                : v.toString());
        };
    };
    const QString me = QString::number(staffId);
    const QList<std::pair<QString, Match>> cases{
        {u"status=open"_s, is(u"status"_s, {u"open"_s})},
        {u"status=new,waiting"_s, is(u"status"_s, {u"new"_s, u"waiting"_s})},
        {u"priority=high"_s, is(u"priority"_s, {u"high"_s})},
        {u"assignee=none"_s, is(u"assigneeId"_s, {u"none"_s})},
        {u"assignee=me"_s, is(u"assigneeId"_s, {me})},
        {u"assignee=none,4"_s, is(u"assigneeId"_s, {u"none"_s, u"4"_s})},
        {u"flow=3"_s, is(u"flowId"_s, {u"3"_s})},
        {u"visibility=internal"_s, is(u"visibility"_s, {u"internal"_s})},
        {u"device=1,4"_s, is(u"deviceId"_s, {u"1"_s, u"4"_s})},
        {u"customer=1"_s, is(u"customerName"_s, {u"Hanse Logistik GmbH"_s})},
        // Demo devices take fleets in turn: Nord, Süd, West, Nord, ...
        {u"fleet=2"_s,
         [](const QJsonObject &t) {
             return idOf(t) > 0 && t.value(u"deviceId"_s).toInteger() % 3 == 2;
         }},
        {u"status=new,open&priority=high&assignee=none"_s,
         [&](const QJsonObject &t) {
             return is(u"status"_s, {u"new"_s, u"open"_s})(t) &&
                    is(u"priority"_s, {u"high"_s})(t) && is(u"assigneeId"_s, {u"none"_s})(t);
         }},
    };
    for (const auto &[query, match] : cases) {
        QList<QJsonObject> expected;
        std::copy_if(all.begin(), all.end(), std::back_inserter(expected), match);
        EXPECT_FALSE(expected.isEmpty()) << query.toStdString();
        // Both lists come in the default order (-createdAt), so they compare as lists.
        EXPECT_EQ(ids(listAll(staff, query, 37)), ids(expected)) << query.toStdString();
    }
}

TEST_F(TicketsTest, FullTextFindsTitleDescriptionAndMessagesByPrefix)
{
    const QJsonObject t = create(userA, u"Zylinderkopfdichtung undicht"_s,
                                 {{u"description"_s, u"Kühlwasser tropft aus dem Gehäuse."_s}});
    const qint64 id = idOf(t);
    EXPECT_TRUE(search(staff, u"zylinder"_s).contains(id));
    EXPECT_TRUE(search(staff, u"Zylinderkopf kuhlwasser"_s).contains(id));
    EXPECT_TRUE(search(userA, u"gehäuse"_s).contains(id));
    EXPECT_FALSE(search(staff, u"zylinder nirgendwowort"_s).contains(id));
    EXPECT_FALSE(search(userB, u"zylinder"_s).contains(id));
    const HttpResult message =
        userA.post(u"/tickets/%1/messages"_s.arg(id), {{u"body"_s, u"Ventildeckel quietscht"_s}});
    ASSERT_EQ(message.status, 201) << message.body.toStdString();
    EXPECT_TRUE(search(staff, u"ventildeck"_s).contains(id));
    // FTS5 syntax in q is plain text, never an error.
    for (const QString &q : {u"\""_s, u"*"_s, u"NOT"_s, u"a OR b"_s, u"(x"_s, u"body:x"_s,
                             u"NEAR(a b)"_s, u"^x"_s, u"-"_s, u"\"\""_s, u"'"_s}) {
        const HttpResult r = staff.get(u"/tickets?q="_s + enc(q));
        EXPECT_EQ(r.status, 200) << q.toStdString() << r.body.toStdString();
    }
}

TEST_F(TicketsTest, SortedPagesCoverEveryTicketOnceInOrder)
{
    const qsizetype total = listAll(staff, {}).size();
    for (const QString &sort :
         {u"-createdAt"_s, u"createdAt"_s, u"-priority,createdAt"_s, u"status,-updatedAt"_s,
          u"priority"_s, u"-status,priority,-createdAt"_s, u"updatedAt"_s}) {
        const QList<QJsonObject> items = listAll(staff, u"sort="_s + sort, 23);
        EXPECT_EQ(items.size(), total) << sort.toStdString();
        for (qsizetype i = 1; i < items.size(); ++i)
            ASSERT_TRUE(before(items[i - 1], items[i], sort)) << sort.toStdString() << " at " << i;
    }
}

TEST_F(TicketsTest, PagesStayStableWhenTicketsArriveBetweenFetches)
{
    for (const QString &sort : {u"-createdAt"_s, u"createdAt"_s, u"-priority,createdAt"_s}) {
        const QList<qint64> before = ids(listAll(staff, u"sort="_s + sort));
        QList<qint64> seen;
        QString cursor;
        for (int page = 0; page < 100; ++page) {
            const HttpResult r = staff.get(u"/tickets?limit=40&sort="_s + sort +
                                           (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor));
            ASSERT_EQ(r.status, 200) << r.body.toStdString();
            for (const QJsonValue &v : r.items())
                seen.append(idOf(v.toObject()));
            if (page < 3)
                create(userA, u"Zwischendurch angelegt %1"_s.arg(page));
            cursor = r.object().value(u"nextCursor"_s).toString();
            if (cursor.isEmpty())
                break;
        }
        EXPECT_EQ(QSet<qint64>(seen.begin(), seen.end()).size(), seen.size()) << sort.toStdString();
        for (qint64 id : before)
            EXPECT_TRUE(seen.contains(id)) << sort.toStdString() << " lost " << id;
    }
}

TEST_F(TicketsTest, BadParametersAre400WithTheParameter)
{
    const QString otherSortCursor =
        staff.get(u"/tickets?limit=1&sort=createdAt"_s).object().value(u"nextCursor"_s).toString();
    const QString wrongArity = QString::fromLatin1(
        QByteArray(R"({"s":"-createdAt","k":[1]})")
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const QList<std::pair<QString, QString>> cases{
        {u"/tickets?bogus=1"_s, u"bogus"_s},
        {u"/tickets?sort=title"_s, u"sort"_s},
        {u"/tickets?sort=priority,-priority"_s, u"sort"_s},
        {u"/tickets?limit=0"_s, u"limit"_s},
        {u"/tickets?limit=201"_s, u"limit"_s},
        {u"/tickets?limit=ten"_s, u"limit"_s},
        {u"/tickets?status=done"_s, u"status"_s},
        {u"/tickets?status=open&status=new"_s, u"status"_s},
        {u"/tickets?assignee=someone"_s, u"assignee"_s},
        {u"/tickets?cursor=not-a-cursor"_s, u"cursor"_s},
        {u"/tickets?cursor="_s + wrongArity, u"cursor"_s},
        {u"/tickets?sort=-createdAt&cursor="_s + otherSortCursor, u"cursor"_s},
        {u"/tickets/facets?sort=priority"_s, u"sort"_s},
        {u"/tickets/facets?limit=5"_s, u"limit"_s},
        {u"/tickets/facets?cursor=x"_s, u"cursor"_s},
        {u"/tickets/facets?bogus=x"_s, u"bogus"_s},
    };
    for (const auto &[path, field] : cases) {
        const HttpResult r = staff.get(path);
        EXPECT_EQ(r.status, 400) << path.toStdString() << r.body.toStdString();
        EXPECT_EQ(r.errorCode(), u"invalid_parameter"_s) << path.toStdString();
        EXPECT_EQ(problemFields(r).value(u"field"_s).toString(), field) << path.toStdString();
    }
}

TEST_F(TicketsTest, FacetsEqualCountsOfTheListLeavingOutTheirOwnFilter)
{
    for (const QString &filter :
         {QString(), u"status=open,new&priority=high"_s, u"assignee=none&visibility=public"_s,
          u"device=1,2,3&q=drucker"_s, u"status=closed&assignee=2,3,none&flow=1"_s}) {
        const QUrlQuery query(filter);
        auto without = [&](const QString &key) {
            QUrlQuery q = query;
            q.removeAllQueryItems(key);
            return listAll(staff, q.toString(QUrl::FullyEncoded));
        };
        const HttpResult r = staff.get(u"/tickets/facets?"_s + filter);
        ASSERT_EQ(r.status, 200) << r.body.toStdString();
        const QJsonObject f = r.object();
        QHash<QString, qint64> status, priority, assignee;
        for (const QJsonObject &t : without(u"status"_s))
            ++status[t.value(u"status"_s).toString()];
        for (const QJsonObject &t : without(u"priority"_s))
            ++priority[t.value(u"priority"_s).toString()];
        for (const QJsonObject &t : without(u"assignee"_s))
            ++assignee[QString::number(t.value(u"assigneeId"_s).toInteger())];
        for (const QString &s : kStatuses)
            EXPECT_EQ(f.value(u"status"_s)[s].toInteger(-1), status.value(s))
                << filter.toStdString() << s.toStdString();
        for (const QString &p : kPriorities)
            EXPECT_EQ(f.value(u"priority"_s)[p].toInteger(-1), priority.value(p))
                << filter.toStdString();
        QHash<QString, qint64> got;
        for (const QJsonValue &v : f.value(u"assignee"_s).toArray())
            got.insert(QString::number(v[u"assigneeId"_s].toInteger()), v[u"count"_s].toInteger());
        EXPECT_EQ(got, assignee) << filter.toStdString();
        EXPECT_EQ(f.value(u"total"_s).toInteger(), listAll(staff, filter).size())
            << filter.toStdString();
    }
}

// Facets are cached per filter and scope: every create and change must show at once.
TEST_F(TicketsTest, FacetsFollowEveryTicketChange)
{
    const QString path = u"/tickets/facets?status=new,open&priority=high"_s;
    auto facets = [&](ApiClient &as, const QString &p) {
        const HttpResult r = as.get(p);
        EXPECT_EQ(r.status, 200) << r.body.toStdString();
        return r.object();
    };
    auto count = [](const QJsonObject &f, const QString &dim, const QString &key) {
        return f.value(dim)[key].toInteger();
    };
    const QJsonObject f0 = facets(staff, path);
    EXPECT_EQ(facets(staff, path), f0);
    const qint64 userTotal = facets(userA, u"/tickets/facets"_s)[u"total"_s].toInteger();
    const QJsonObject t = create(staff, u"Facettenprobe Lichtschranke"_s,
                                 {{u"deviceId"_s, demoDeviceId(0)},
                                  {u"priority"_s, u"high"_s},
                                  {u"assigneeId"_s, QJsonValue::Null}});
    const QJsonObject f1 = facets(staff, path);
    EXPECT_EQ(count(f1, u"status"_s, u"new"_s), count(f0, u"status"_s, u"new"_s) + 1);
    EXPECT_EQ(count(f1, u"priority"_s, u"high"_s), count(f0, u"priority"_s, u"high"_s) + 1);
    EXPECT_EQ(f1[u"total"_s].toInteger(), f0[u"total"_s].toInteger() + 1);
    EXPECT_EQ(facets(userA, u"/tickets/facets"_s)[u"total"_s].toInteger(), userTotal + 1);
    ASSERT_EQ(patch(staff, idOf(t), {{u"status"_s, u"open"_s}}, 1).status, 200);
    const QJsonObject f2 = facets(staff, path);
    EXPECT_EQ(count(f2, u"status"_s, u"new"_s), count(f0, u"status"_s, u"new"_s));
    EXPECT_EQ(count(f2, u"status"_s, u"open"_s), count(f0, u"status"_s, u"open"_s) + 1);
    ASSERT_EQ(patch(staff, idOf(t), {{u"priority"_s, u"low"_s}}, 2).status, 200);
    const QJsonObject f3 = facets(staff, path);
    EXPECT_EQ(count(f3, u"status"_s, u"open"_s), count(f0, u"status"_s, u"open"_s));
    EXPECT_EQ(count(f3, u"priority"_s, u"low"_s), count(f0, u"priority"_s, u"low"_s) + 1);
    EXPECT_EQ(f3[u"total"_s].toInteger(), f0[u"total"_s].toInteger());
    const QString mine = u"/tickets/facets?status=open&priority=low&assignee=me"_s;
    const qint64 mineBefore = facets(staff, mine)[u"total"_s].toInteger();
    ASSERT_EQ(patch(staff, idOf(t), {{u"assigneeId"_s, staffId}}, 3).status, 200);
    EXPECT_EQ(facets(staff, mine)[u"total"_s].toInteger(), mineBefore + 1);
    EXPECT_EQ(facets(admin, mine)[u"total"_s].toInteger(),
              ids(listAll(admin, u"status=open&priority=low&assignee=me"_s)).size())
        << "assignee=me is the asking staff member's";
    ASSERT_EQ(patch(staff, idOf(t), {{u"visibility"_s, u"internal"_s}}, 4).status, 200);
    EXPECT_EQ(facets(userA, u"/tickets/facets"_s)[u"total"_s].toInteger(), userTotal);
}

TEST_F(TicketsTest, GetAnswersTheFullTicketWithETagOr404)
{
    const qint64 id = idOf(listAll(staff, u"device=1&visibility=public"_s, 5).first());
    const HttpResult r = staff.get(u"/tickets/%1"_s.arg(id));
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    const QJsonObject t = r.object();
    EXPECT_EQ(r.header("etag"), '"' + QByteArray::number(t.value(u"version"_s).toInteger()) + '"');
    for (const QString &key : {u"description"_s, u"fields"_s, u"device"_s, u"customer"_s,
                               u"attachments"_s, u"createdBy"_s, u"assignment"_s, u"rating"_s})
        EXPECT_TRUE(t.contains(key)) << key.toStdString();
    EXPECT_FALSE(t.value(u"device"_s)[u"templateName"_s].toString().isEmpty());
    EXPECT_FALSE(t.value(u"device"_s)[u"fleetName"_s].toString().isEmpty());
    const QJsonObject seen = userA.get(u"/tickets/%1"_s.arg(id)).object();
    EXPECT_EQ(idOf(seen), id);
    EXPECT_FALSE(seen.contains(u"customer"_s));
    EXPECT_FALSE(seen.contains(u"customerName"_s));
    EXPECT_FALSE(seen.value(u"device"_s).toObject().contains(u"fleetId"_s));
    for (const QJsonObject &mine : listAll(userA, {})) {
        const QJsonObject full = userA.get(u"/tickets/%1"_s.arg(idOf(mine))).object();
        for (const QJsonValue &a : full.value(u"attachments"_s).toArray())
            EXPECT_FALSE(a[u"internal"_s].toBool()) << idOf(mine);
    }
    for (const QString &bad : {u"999999"_s, u"abc"_s, u"0"_s, u"-1"_s, u"01"_s, u"1e3"_s}) {
        EXPECT_EQ(staff.get(u"/tickets/"_s + bad).status, 404) << bad.toStdString();
        EXPECT_EQ(staff.get(u"/tickets/"_s + bad + u"/history"_s).status, 404);
    }
}

TEST_F(TicketsTest, HostileTextIsStoredAndSearchedVerbatim)
{
    const QString title = u"<script>alert(1)</script> '; DROP TABLE tickets;-- Rakel"_s;
    const QString description = u"<b>fett</b> \" OR 1=1 -- %s {{x}}"_s;
    const qint64 id = idOf(create(userA, title, {{u"description"_s, description}}));
    const QJsonObject t = staff.get(u"/tickets/%1"_s.arg(id)).object();
    EXPECT_EQ(t.value(u"title"_s).toString(), title);
    EXPECT_EQ(t.value(u"description"_s).toString(), description);
    for (const QString &q : {u"'; DROP TABLE tickets;--"_s, u"<script>"_s, u"\" OR 1=1 --"_s}) {
        const QList<QJsonObject> found = listAll(staff, u"q="_s + enc(q));
        ASSERT_TRUE(ids(found).contains(id)) << q.toStdString();
        EXPECT_EQ(found[ids(found).indexOf(id)].value(u"title"_s).toString(), title);
    }
    EXPECT_GE(listAll(staff, {}).size(), 300);
}

TEST_F(TicketsTest, CodeUsersSeeOnlyPublicTicketsOfTheirDevice)
{
    const qint64 id = idOf(create(userA, u"Gerät A Angelegenheit Nockenwelle"_s));
    EXPECT_EQ(userB.get(u"/tickets/%1"_s.arg(id)).status, 404);
    EXPECT_EQ(userB.get(u"/tickets/%1/history"_s.arg(id)).status, 404);
    const QList<QJsonObject> mine = listAll(userB, {});
    EXPECT_FALSE(ids(mine).contains(id));
    for (const QJsonObject &t : mine) {
        EXPECT_EQ(t.value(u"deviceId"_s).toInteger(), demoDeviceId(1));
        EXPECT_EQ(t.value(u"visibility"_s).toString(), u"public"_s);
        EXPECT_FALSE(t.contains(u"customerName"_s));
    }
    const QJsonObject facets = userB.get(u"/tickets/facets"_s).object();
    EXPECT_EQ(facets.value(u"total"_s).toInteger(), mine.size());
    qint64 sum = 0;
    for (const QString &s : kStatuses)
        sum += facets.value(u"status"_s)[s].toInteger();
    EXPECT_EQ(sum, mine.size());
    EXPECT_TRUE(search(userB, u"nockenwelle"_s).isEmpty());
    EXPECT_TRUE(listAll(userB, u"device=%1"_s.arg(demoDeviceId(0))).isEmpty());
    EXPECT_TRUE(listAll(userB, u"customer=5"_s).isEmpty());
    EXPECT_EQ(userB.get(u"/tickets/facets?device=%1"_s.arg(demoDeviceId(0)))
                  .object()[u"total"_s]
                  .toInteger(),
              0);
}

// Opens the test server's database read-only for EXPLAIN and brute-force checks.
class ReadOnlyDb
{
public:
    ReadOnlyDb(const QString &name, const QString &dataDir)
        : m_name(name)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(dataDir + u"/tickets.sqlite"_s);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        db.open();
    }
    ~ReadOnlyDb() { QSqlDatabase::removeDatabase(m_name); }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
};

core::TicketQuery parsedQuery(const QString &params)
{
    auto parsed = core::TicketQuery::fromUrlQuery(QUrlQuery(params));
    EXPECT_TRUE(std::holds_alternative<core::TicketQuery>(parsed)) << params.toStdString();
    return std::get<core::TicketQuery>(parsed);
}

// Pages find their ids through an index (never a table scan); the main queues of staff
// and code users walk one in order, with no sort step, on the first page and later ones.
TEST_F(TicketsTest, QueuePagesUseAnIndex)
{
    ReadOnlyDb plan(u"plan"_s, m_server.dataDir());
    ASSERT_TRUE(plan.db().isOpen());
    const server::Caller staffCaller;
    const server::Caller codeUser{core::Role::CodeUser, 1, demoDeviceId(0), {}, {}, 0};
    struct Case {
        QString params;
        server::Caller caller;
        bool inOrder;
    };
    for (const Case &c :
         {Case{u"status=new,open&priority=high&sort=-priority,createdAt"_s, staffCaller, true},
          Case{u"status=new,open,waiting&sort=-createdAt"_s, staffCaller, true},
          Case{u"status=open,closed&assignee=none&sort=status,-updatedAt"_s, staffCaller, true},
          Case{u"sort=-createdAt"_s, staffCaller, true},
          Case{u"sort=-priority,createdAt"_s, staffCaller, true},
          Case{u"sort=priority"_s, staffCaller, true}, Case{u"status=closed"_s, staffCaller, true},
          Case{u"device=3&assignee=none"_s, staffCaller, false},
          Case{u"sort=-createdAt"_s, codeUser, true},
          // The search box's created: range, -words and phrases.
          Case{u"createdFrom=2023-01-01T00:00:00Z&createdTo=2024-01-01T00:00:00Z"_s, staffCaller,
               true},
          Case{u"status=new,open&createdFrom=2023-01-01T00:00:00Z&sort=-priority,createdAt"_s,
               staffCaller, true},
          Case{u"createdTo=2024-01-01T00:00:00Z"_s, codeUser, true},
          Case{u"exclude=drucker,papier&sort=-createdAt"_s, staffCaller, true},
          Case{u"status=new,open&exclude=drucker&sort=-createdAt"_s, staffCaller, true},
          Case{u"exclude=drucker"_s, codeUser, true},
          Case{u"q=drucker&phrase=bitte%20papier&exclude=toner"_s, staffCaller, false}}) {
        const core::TicketQuery query = parsedQuery(c.params);
        QList<qint64> cursor; // a row in the middle: high priority, open, in 2023
        for (const core::SortKey &key : query.sort)
            cursor.append(key.field == core::SortKey::Field::Priority ? 2
                          : key.field == core::SortKey::Field::Status ? 1
                                                                      : 1700000000000);
        cursor.append(100);
        for (bool secondPage : {false, true}) {
            using namespace server::sqlite;
            const ticketsql::Statement s = ticketsql::pageStatement(
                query, c.caller, secondPage ? std::optional(cursor) : std::nullopt, 51);
            QSqlQuery q(plan.db());
            ASSERT_TRUE(q.prepare(u"EXPLAIN QUERY PLAN "_s + s.sql));
            for (const QVariant &v : s.values)
                q.addBindValue(v);
            ASSERT_TRUE(q.exec());
            QStringList inner; // the page's id query, materialized first
            bool inside = false;
            while (q.next()) {
                const QString line = q.value(3).toString();
                inside = (inside || line.startsWith(u"MATERIALIZE"_s)) && line != u"SCAN page";
                if (inside && !line.startsWith(u"MATERIALIZE"_s))
                    inner.append(line);
            }
            const std::string what = c.params.toStdString() + (secondPage ? " (page 2): " : ": ") +
                                     inner.join(u"; "_s).toStdString();
            ASSERT_FALSE(inner.isEmpty()) << what;
            for (const QString &line : inner) {
                if (line.startsWith(u"SCAN"_s) || line.startsWith(u"SEARCH"_s)) {
                    // A text's match set reads its tickets by rowid, the primary key.
                    EXPECT_TRUE(line.contains(u"INDEX"_s) || line.contains(u"PRIMARY KEY"_s))
                        << what;
                }
            }
            if (c.inOrder) {
                EXPECT_FALSE(inner.join(u' ').contains(u"TEMP B-TREE"_s)) << what;
            }
        }
    }
}

// The union pages (one ordered range per status and priority, merged) against every
// ticket filtered and sorted here, with small pages that cross from range to range.
TEST_F(TicketsTest, UnionPagesEqualABruteForceOrder)
{
    for (int i = 0; i < 8; ++i) // some tickets with equal creation times, ties go by id
        create(userA, u"Gleichzeitig %1"_s.arg(i));
    ReadOnlyDb brute(u"brute"_s, m_server.dataDir());
    ASSERT_TRUE(brute.db().isOpen());
    QList<core::TicketSummary> all; // the sort columns, and filter columns in other fields
    QHash<qint64, qint64> fleetOf;
    QSqlQuery rows(brute.db());
    ASSERT_TRUE(rows.exec(u"SELECT id, status, priority, created_at, updated_at, assignee_id, "
                          "visibility, flow_id, fleet_id FROM tickets"_s));
    while (rows.next()) {
        core::TicketSummary t;
        t.id = rows.value(0).toLongLong();
        t.status = core::Status(rows.value(1).toInt());
        t.priority = core::Priority(rows.value(2).toInt());
        t.createdAt = rows.value(3).toLongLong();
        t.updatedAt = rows.value(4).toLongLong();
        if (!rows.value(5).isNull())
            t.assigneeId = rows.value(5).toLongLong();
        t.visibility = core::Visibility(rows.value(6).toInt());
        t.flowId = rows.value(7).toLongLong();
        fleetOf.insert(t.id, rows.value(8).toLongLong());
        all.append(t);
    }
    ASSERT_GE(all.size(), 300);
    const server::Caller caller{core::Role::Agent, staffId, 0, {}, {}, 0};
    using namespace server::sqlite;
    for (const QString &params :
         {u"status=new,open&priority=high&sort=-priority,createdAt"_s,
          u"status=new,open,waiting&sort=-createdAt"_s,
          u"status=open,closed&sort=status,-updatedAt"_s,
          u"status=resolved,new&priority=low,high&sort=-status,priority,createdAt"_s,
          u"status=closed,open,new&assignee=none,me&sort=updatedAt"_s,
          u"status=open,waiting,closed,new&visibility=internal&sort=-priority,-createdAt"_s,
          u"status=new,closed&fleet=2&flow=1,2&sort=priority,-status,createdAt"_s}) {
        const core::TicketQuery query = parsedQuery(params);
        QList<core::TicketSummary> expected;
        for (const core::TicketSummary &t : std::as_const(all)) {
            if (query.matches(t, staffId) &&
                (query.fleetIds.isEmpty() || query.fleetIds.contains(fleetOf.value(t.id))))
                expected.append(t);
        }
        std::sort(expected.begin(), expected.end(), [&](const auto &a, const auto &b) {
            return ticketrows::comesBefore(a, b, query.sort);
        });
        ASSERT_GE(expected.size(), 3) << params.toStdString();
        ASSERT_TRUE(ticketsql::unionPage(query, caller, std::nullopt, 8)) << params.toStdString();
        for (int limit : {1, 7, 50}) {
            const QList<qint64> seen =
                pagedIds(brute.db(), query, caller, ticketsql::TextPlan::MatchSet, limit);
            QList<qint64> want;
            for (const core::TicketSummary &t : std::as_const(expected))
                want.append(t.id);
            EXPECT_EQ(seen, want) << params.toStdString() << " limit " << limit;
        }
    }
    // And through the API: the same pages as the whole list filtered and sorted here.
    const QList<QJsonObject> every = listAll(staff, {});
    for (const auto &[filter, sort] :
         {std::pair{u"status=new,open&priority=high"_s, u"-priority,createdAt"_s},
          std::pair{u"status=open,waiting,closed"_s, u"-status,-updatedAt"_s}}) {
        const core::TicketQuery query = parsedQuery(filter);
        QList<QJsonObject> expected;
        for (const QJsonObject &t : every) {
            if (query.matches(core::TicketSummary::fromJson(t), staffId))
                expected.append(t);
        }
        std::sort(expected.begin(), expected.end(),
                  [&](const QJsonObject &a, const QJsonObject &b) { return before(a, b, sort); });
        EXPECT_EQ(ids(listAll(staff, filter + u"&sort="_s + sort, 9)), ids(expected))
            << filter.toStdString();
    }
}

TEST(TicketSql, MatchExpressionQuotesEveryToken)
{
    using server::sqlite::ticketsql::matchExpression;
    EXPECT_EQ(matchExpression(u"  drucker  a\"b OR "_s), u"\"drucker\"* \"a\"\"b\"* \"OR\"*"_s);
    EXPECT_EQ(matchExpression(u"x y"_s, false), u"\"x\" \"y\""_s);
    EXPECT_TRUE(matchExpression(u" \t "_s).isEmpty());
}

TEST(TicketSql, CursorsRoundTripAndRefuseOtherSorts)
{
    using namespace server::sqlite::ticketsql;
    const QList<core::SortKey> sort{{core::SortKey::Field::Priority, true},
                                    {core::SortKey::Field::CreatedAt, false}};
    const QString cursor = encodeCursor(sort, {2, 1700000000123, 42});
    EXPECT_EQ(decodeCursor(cursor, sort), (QList<qint64>{2, 1700000000123, 42}));
    EXPECT_FALSE(decodeCursor(cursor, {{core::SortKey::Field::Priority, false}}));
    EXPECT_FALSE(decodeCursor(cursor + u"!"_s, sort));
    EXPECT_FALSE(decodeCursor(QString(), sort));
}

} // namespace
