// Tickets against a real ticket-server: filters, sort and keyset pages, facets, single
// reads, creation, staff edits with If-Match, history and who may see what.
#include "store/sqlite/ticketsql.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

const QStringList kStatuses{u"new"_s, u"open"_s, u"waiting"_s, u"resolved"_s, u"closed"_s};
const QStringList kPriorities{u"low"_s, u"normal"_s, u"high"_s};

QString enc(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s, ","));
}

qint64 idOf(const QJsonObject &t)
{
    return t.value(u"id"_s).toInteger();
}

QList<qint64> ids(const QList<QJsonObject> &items)
{
    QList<qint64> out;
    for (const QJsonObject &t : items)
        out.append(idOf(t));
    return out;
}

// Every page of GET /tickets?query; fails the test when a page repeats a ticket.
QList<QJsonObject> listAll(ApiClient &api, const QString &query, int limit = 200)
{
    QList<QJsonObject> out;
    QSet<qint64> seen;
    QString cursor;
    for (int guard = 0; guard < 2000; ++guard) {
        const QString path = u"/tickets?limit=%1"_s.arg(limit) +
                             (query.isEmpty() ? QString() : u'&' + query) +
                             (cursor.isEmpty() ? QString() : u"&cursor="_s + enc(cursor));
        const HttpResult r = api.get(path);
        EXPECT_EQ(r.status, 200) << path.toStdString() << r.body.toStdString();
        if (r.status != 200)
            break;
        for (const QJsonValue &v : r.items()) {
            EXPECT_FALSE(seen.contains(idOf(v.toObject()))) << "repeated in " << path.toStdString();
            seen.insert(idOf(v.toObject()));
            out.append(v.toObject());
        }
        cursor = r.object().value(u"nextCursor"_s).toString();
        if (cursor.isEmpty())
            break;
    }
    return out;
}

// Whether a comes strictly before b under `sort`, ties by id in the last key's direction.
bool before(const QJsonObject &a, const QJsonObject &b, const QString &sort)
{
    bool descending = false;
    for (QString key : sort.split(u',')) {
        descending = key.startsWith(u'-');
        key.remove(u'-');
        auto value = [&](const QJsonObject &t) -> QString {
            if (key == u"priority")
                return QString::number(kPriorities.indexOf(t.value(key).toString()));
            if (key == u"status")
                return QString::number(kStatuses.indexOf(t.value(key).toString()));
            return t.value(key).toString(); // ISO times compare as text
        };
        const int c = value(a).compare(value(b));
        if (c != 0)
            return descending ? c > 0 : c < 0;
    }
    return descending ? idOf(a) > idOf(b) : idOf(a) < idOf(b);
}

QJsonObject problemFields(const HttpResult &r)
{
    return r.object().value(u"error"_s).toObject();
}

class TicketsTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite() { s_server = new TestServer; }
    static void TearDownTestSuite()
    {
        delete s_server;
        s_server = nullptr;
    }
    void SetUp() override
    {
        ASSERT_TRUE(s_server->isRunning()) << s_server->output().toStdString();
        ASSERT_FALSE(staff.loginStaff(demoLogin(u"agent"_s)).isEmpty());
        ASSERT_FALSE(admin.loginStaff(demoLogin(u"admin"_s)).isEmpty());
        ASSERT_FALSE(userA.loginDevice(demoDeviceCode(0), u"Feld A"_s).isEmpty());
        ASSERT_FALSE(userB.loginDevice(demoDeviceCode(1), u"Feld B"_s).isEmpty());
        staffId = staff.get(u"/me"_s).object().value(u"id"_s).toInteger();
    }

    // A valid problem report (flow 1 of the demo printer template), plus `extra`.
    static QJsonObject body(const QString &title, const QJsonObject &extra = {})
    {
        QJsonObject o{{u"flowId"_s, 1},
                      {u"title"_s, title},
                      {u"description"_s, u"Vom Tickettest angelegt."_s},
                      {u"fields"_s, QJsonObject{{u"since"_s, u"Heute"_s}, {u"usable"_s, true}}}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            o.insert(it.key(), it.value());
        return o;
    }
    QJsonObject create(ApiClient &as, const QString &title, const QJsonObject &extra = {})
    {
        const HttpResult r = as.post(u"/tickets"_s, body(title, extra));
        EXPECT_EQ(r.status, 201) << r.body.toStdString();
        return r.object();
    }
    HttpResult patch(ApiClient &as, qint64 id, const QJsonObject &changes, qint64 version)
    {
        return as.patch(u"/tickets/%1"_s.arg(id), changes,
                        {{"If-Match", '"' + QByteArray::number(version) + '"'}});
    }
    QList<qint64> search(ApiClient &as, const QString &q)
    {
        return ids(listAll(as, u"q="_s + enc(q)));
    }

    static TestServer *s_server;
    ApiClient staff{s_server->baseUrl()};
    ApiClient admin{s_server->baseUrl()};
    ApiClient userA{s_server->baseUrl()};
    ApiClient userB{s_server->baseUrl()};
    qint64 staffId = 0;
};

TestServer *TicketsTest::s_server = nullptr;

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

TEST_F(TicketsTest, CodeUserCreatesPublicTicketOnTheirDevice)
{
    const HttpResult r = userA.post(u"/tickets"_s, body(u"Papierstau im Fach 2"_s));
    ASSERT_EQ(r.status, 201) << r.body.toStdString();
    const QJsonObject t = r.object();
    EXPECT_EQ(r.header("etag"), "\"1\"");
    EXPECT_EQ(t.value(u"deviceId"_s).toInteger(), demoDeviceId(0));
    EXPECT_EQ(t.value(u"visibility"_s).toString(), u"public"_s);
    EXPECT_EQ(t.value(u"status"_s).toString(), u"new"_s);
    EXPECT_EQ(t.value(u"number"_s).toString(), u"T-%1"_s.arg(idOf(t), 6, 10, QChar(u'0')));
    EXPECT_EQ(t.value(u"createdBy"_s)[u"type"_s].toString(), u"code_user"_s);
    EXPECT_EQ(t.value(u"createdBy"_s)[u"name"_s].toString(), u"Feld A"_s);
    EXPECT_EQ(t.value(u"fields"_s)[u"since"_s].toString(), u"Heute"_s);
    EXPECT_TRUE(t.value(u"assignment"_s).isNull());
    EXPECT_TRUE(ids(listAll(userA, {})).contains(idOf(t)));
    const QJsonArray history = userA.get(u"/tickets/%1/history"_s.arg(idOf(t))).items();
    ASSERT_EQ(history.size(), 1);
    EXPECT_EQ(history[0][u"field"_s].toString(), u"created"_s);
}

TEST_F(TicketsTest, CreationIsValidated)
{
    const qint64 totalBefore = staff.get(u"/tickets/facets"_s).object()[u"total"_s].toInteger();
    const QJsonObject okFields{{u"since"_s, u"Heute"_s}, {u"usable"_s, true}};
    auto fields = [&](const QJsonObject &changes) {
        QJsonObject f = okFields;
        for (auto it = changes.begin(); it != changes.end(); ++it)
            f.insert(it.key(), it.value());
        return QJsonObject{{u"fields"_s, f}};
    };
    struct Case {
        ApiClient *as;
        QJsonObject extra;
        int status;
        QString field;
    };
    const QList<Case> cases{
        {&userA, {{u"deviceId"_s, 1}}, 422, u"deviceId"_s},
        {&userA, {{u"visibility"_s, u"internal"_s}}, 422, u"visibility"_s},
        {&userA, {{u"assigneeId"_s, 2}}, 422, u"assigneeId"_s},
        {&userA, {{u"createdAt"_s, u"2020-01-01T00:00:00.000Z"_s}}, 422, u"createdAt"_s},
        {&userA, {{u"flowId"_s, 999}}, 422, u"flowId"_s},
        {&userA, {{u"flowId"_s, u"1"_s}}, 400, u"flowId"_s},
        {&userA, {{u"title"_s, u" "_s}}, 422, u"title"_s},
        {&userA, {{u"title"_s, QString(201, u'x')}}, 422, u"title"_s},
        {&userA, {{u"title"_s, u"zwei\nZeilen"_s}}, 422, u"title"_s},
        {&userA, {{u"description"_s, u"Steuerzeichen \u0001"_s}}, 422, u"description"_s},
        {&userA, {{u"fields"_s, QJsonObject{{u"since"_s, u"Heute"_s}}}}, 422, u"fields.usable"_s},
        {&userA, fields({{u"bogus"_s, 1}}), 422, u"fields.bogus"_s},
        {&userA, fields({{u"usable"_s, u"ja"_s}}), 400, u"fields.usable"_s},
        {&userA, fields({{u"since"_s, u"Morgen"_s}}), 422, u"fields.since"_s},
        {&userA, fields({{u"errorCode"_s, QString(41, u'E')}}), 422, u"fields.errorCode"_s},
        {&userA, {{u"fields"_s, u"keine"_s}}, 400, u"fields"_s},
        {&staff, {}, 422, u"deviceId"_s},
        {&staff, {{u"deviceId"_s, 4}, {u"flowId"_s, 3}}, 422, u"flowId"_s}, // a lift: no parts
        {&staff, {{u"deviceId"_s, 99999}}, 422, u"deviceId"_s},
        {&staff, {{u"deviceId"_s, 1}, {u"assigneeId"_s, 8}}, 422, u"assigneeId"_s}, // left
        {&staff, {{u"deviceId"_s, 1}, {u"assigneeId"_s, 999}}, 422, u"assigneeId"_s},
        {&staff, {{u"deviceId"_s, 1}, {u"priority"_s, u"urgent"_s}}, 422, u"priority"_s},
    };
    ApiClient lift{s_server->baseUrl()}; // demo device 4: a lift, which orders no parts
    ASSERT_FALSE(lift.loginDevice(demoDeviceCode(3)).isEmpty());
    const QList<Case> all = cases + QList<Case>{{&lift, {{u"flowId"_s, 3}}, 422, u"flowId"_s}};
    for (const Case &c : all) {
        const HttpResult r = c.as->post(u"/tickets"_s, body(u"Ungültig"_s, c.extra));
        EXPECT_EQ(r.status, c.status) << c.field.toStdString() << r.body.toStdString();
        EXPECT_EQ(problemFields(r).value(u"field"_s).toString(), c.field) << r.body.toStdString();
    }
    EXPECT_EQ(staff.get(u"/tickets/facets"_s).object()[u"total"_s].toInteger(), totalBefore);
}

TEST_F(TicketsTest, StaffCreatesInternalAssignedTicketsCodeUsersNeverSee)
{
    QJsonObject minimal = body(u"Ohne Beschreibung"_s, {{u"deviceId"_s, demoDeviceId(0)}});
    minimal.remove(u"description"_s);
    const HttpResult bare = staff.post(u"/tickets"_s, minimal);
    ASSERT_EQ(bare.status, 201) << bare.body.toStdString();
    EXPECT_EQ(bare.object().value(u"description"_s).toString(), QString());
    EXPECT_EQ(bare.object().value(u"priority"_s).toString(), u"normal"_s);
    const qint64 userTotal = userA.get(u"/tickets/facets"_s).object()[u"total"_s].toInteger();
    const QJsonObject t = create(staff, u"Interne Wartung planen"_s,
                                 {{u"deviceId"_s, demoDeviceId(0)},
                                  {u"visibility"_s, u"internal"_s},
                                  {u"priority"_s, u"high"_s},
                                  {u"assigneeId"_s, 2}});
    EXPECT_EQ(t.value(u"visibility"_s).toString(), u"internal"_s);
    EXPECT_EQ(t.value(u"priority"_s).toString(), u"high"_s);
    EXPECT_EQ(t.value(u"assigneeName"_s).toString(), u"Jonas Weber"_s);
    const QJsonObject a = t.value(u"assignment"_s).toObject();
    EXPECT_EQ(a.value(u"assigneeId"_s).toInteger(), 2);
    EXPECT_EQ(a.value(u"by"_s).toInteger(), staffId);
    EXPECT_TRUE(a.value(u"rule"_s).isNull());
    EXPECT_FALSE(a.value(u"at"_s).toString().isEmpty());
    EXPECT_EQ(userA.get(u"/tickets/%1"_s.arg(idOf(t))).status, 404);
    EXPECT_EQ(userA.get(u"/tickets/%1/history"_s.arg(idOf(t))).status, 404);
    EXPECT_FALSE(ids(listAll(userA, {})).contains(idOf(t)));
    EXPECT_EQ(userA.get(u"/tickets/facets"_s).object()[u"total"_s].toInteger(), userTotal);
}

TEST_F(TicketsTest, IdempotencyKeyReplaysTheFirstAnswer)
{
    const QByteArray key = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const QString title = u"Einmalig Quittungsdrucker %1"_s.arg(QString::fromLatin1(key.left(8)));
    const HttpResult first = userA.post(u"/tickets"_s, body(title), {{"Idempotency-Key", key}});
    const HttpResult again = userA.post(u"/tickets"_s, body(title), {{"Idempotency-Key", key}});
    ASSERT_EQ(first.status, 201) << first.body.toStdString();
    EXPECT_EQ(again.status, 201);
    EXPECT_EQ(idOf(again.object()), idOf(first.object()));
    EXPECT_EQ(again.header("idempotent-replayed"), "true");
    EXPECT_EQ(search(staff, u"Quittungsdrucker "_s + QString::fromLatin1(key.left(8))).size(), 1);
    const HttpResult other =
        userA.post(u"/tickets"_s, body(title + u" anders"_s), {{"Idempotency-Key", key}});
    EXPECT_EQ(other.status, 422) << other.body.toStdString();
}

TEST_F(TicketsTest, StaffChangesTicketsWithIfMatch)
{
    const qint64 id = idOf(create(userA, u"Walzenlager Fehlerbild"_s));
    EventClient events;
    ASSERT_TRUE(events.open(s_server->baseUrl(), staff.token()));
    const HttpResult r = patch(staff, id,
                               {{u"status"_s, u"open"_s},
                                {u"priority"_s, u"high"_s},
                                {u"assigneeId"_s, staffId},
                                {u"title"_s, u"Quarzuhr tickt falsch"_s}},
                               1);
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    const QJsonObject t = r.object();
    EXPECT_EQ(t.value(u"version"_s).toInteger(), 2);
    EXPECT_EQ(r.header("etag"), "\"2\"");
    EXPECT_EQ(t.value(u"status"_s).toString(), u"open"_s);
    EXPECT_EQ(t.value(u"assigneeId"_s).toInteger(), staffId);
    EXPECT_EQ(t.value(u"assignment"_s)[u"by"_s].toInteger(), staffId);
    EXPECT_EQ(t.value(u"title"_s).toString(), u"Quarzuhr tickt falsch"_s);
    const QJsonObject updated = events.waitFor([&](const QJsonObject &e) {
        return e[u"type"_s] == u"ticket.updated"_s && e[u"ticketId"_s].toInteger() == id;
    });
    EXPECT_EQ(updated[u"data"_s][u"changes"_s][u"status"_s].toString(), u"open"_s);
    EXPECT_EQ(updated[u"data"_s][u"changes"_s][u"assigneeId"_s].toInteger(), staffId);
    EXPECT_EQ(updated[u"data"_s][u"version"_s].toInteger(), 2);
    EXPECT_TRUE(search(staff, u"quarzuhr"_s).contains(id));
    EXPECT_FALSE(search(staff, u"walzenlager"_s).contains(id));
    QStringList fields;
    for (const QJsonValue &h : staff.get(u"/tickets/%1/history"_s.arg(id)).items())
        fields.append(h[u"field"_s].toString());
    EXPECT_EQ(fields,
              (QStringList{u"created"_s, u"status"_s, u"priority"_s, u"assigneeId"_s, u"title"_s}));
    // A bare number works as If-Match too; resolving and reopening are legal.
    EXPECT_EQ(
        staff.patch(u"/tickets/%1"_s.arg(id), {{u"status"_s, u"resolved"_s}}, {{"If-Match", "2"}})
            .status,
        200);
    EXPECT_EQ(patch(staff, id, {{u"status"_s, u"open"_s}}, 3).status, 200);
    // Setting what is already there changes nothing.
    const HttpResult same = patch(staff, id, {{u"priority"_s, u"high"_s}}, 4);
    EXPECT_EQ(same.status, 200);
    EXPECT_EQ(same.object().value(u"version"_s).toInteger(), 4);
}

TEST_F(TicketsTest, StaleIfMatchIs412AndKeepsTheFirstChange)
{
    const qint64 id = idOf(create(userA, u"Gleichzeitig bearbeitet"_s));
    ASSERT_EQ(patch(staff, id, {{u"priority"_s, u"low"_s}}, 1).status, 200);
    const HttpResult late = patch(admin, id, {{u"priority"_s, u"high"_s}}, 1);
    EXPECT_EQ(late.status, 412);
    EXPECT_EQ(late.errorCode(), u"version_mismatch"_s);
    const QJsonObject t = staff.get(u"/tickets/%1"_s.arg(id)).object();
    EXPECT_EQ(t.value(u"priority"_s).toString(), u"low"_s);
    EXPECT_EQ(t.value(u"version"_s).toInteger(), 2);
}

TEST_F(TicketsTest, EditsNeedIfMatchLegalTransitionsAndValidBodies)
{
    const qint64 id = idOf(create(userA, u"Regeln der Bearbeitung"_s));
    const QString path = u"/tickets/%1"_s.arg(id);
    const HttpResult missing = staff.patch(path, {{u"priority"_s, u"low"_s}});
    EXPECT_EQ(missing.status, 428);
    EXPECT_EQ(missing.errorCode(), u"if_match_required"_s);
    EXPECT_EQ(staff.patch(path, {{u"priority"_s, u"low"_s}}, {{"If-Match", "abc"}}).status, 400);
    EXPECT_EQ(staff.patch(path, {{u"priority"_s, u"low"_s}}, {{"If-Match", "W/\"1\""}}).status,
              400);
    const QList<std::pair<QJsonObject, int>> bad{
        {{}, 422},
        {{{u"bogus"_s, 1}}, 422},
        {{{u"version"_s, 5}}, 422},
        {{{u"status"_s, u"done"_s}}, 422},
        {{{u"priority"_s, 2}}, 400},
        {{{u"assigneeId"_s, 8}}, 422},
        {{{u"assigneeId"_s, u"2"_s}}, 400},
        {{{u"title"_s, u""_s}}, 422},
    };
    for (const auto &[changes, status] : bad)
        EXPECT_EQ(patch(staff, id, changes, 1).status, status)
            << QJsonDocument(changes).toJson().toStdString();
    EXPECT_EQ(patch(staff, 999999, {{u"priority"_s, u"low"_s}}, 1).status, 404);
    ASSERT_EQ(patch(staff, id, {{u"status"_s, u"closed"_s}}, 1).status, 200);
    const HttpResult back = patch(staff, id, {{u"status"_s, u"waiting"_s}}, 2);
    EXPECT_EQ(back.status, 409);
    EXPECT_EQ(back.errorCode(), u"illegal_transition"_s);
    EXPECT_EQ(patch(staff, id, {{u"status"_s, u"new"_s}}, 2).status, 409);
    EXPECT_EQ(patch(staff, id, {{u"status"_s, u"open"_s}}, 2).status, 200);
    EXPECT_EQ(userA.versionOf(id), 3);
}

TEST_F(TicketsTest, CodeUsersCannotEdit)
{
    const qint64 id = idOf(create(userA, u"Nur ansehen"_s));
    const HttpResult own = patch(userA, id, {{u"priority"_s, u"high"_s}}, 1);
    EXPECT_EQ(own.status, 403);
    EXPECT_EQ(own.errorCode(), u"forbidden"_s);
    EXPECT_EQ(patch(userB, id, {{u"priority"_s, u"high"_s}}, 1).status, 404);
    const qint64 internal = idOf(create(
        staff, u"Intern"_s, {{u"deviceId"_s, demoDeviceId(0)}, {u"visibility"_s, u"internal"_s}}));
    EXPECT_EQ(patch(userA, internal, {{u"priority"_s, u"high"_s}}, 1).status, 404);
    EXPECT_EQ(staff.versionOf(id), 1);
}

TEST_F(TicketsTest, HistoryShowsCodeUsersPublicFactsOnly)
{
    const qint64 id = idOf(create(userA, u"Verlauf prüfen"_s));
    ASSERT_EQ(patch(staff, id, {{u"visibility"_s, u"internal"_s}}, 1).status, 200);
    ASSERT_EQ(patch(staff, id, {{u"status"_s, u"open"_s}}, 2).status, 200);
    ASSERT_EQ(patch(staff, id, {{u"visibility"_s, u"public"_s}}, 3).status, 200);
    ASSERT_EQ(patch(staff, id, {{u"priority"_s, u"high"_s}}, 4).status, 200);
    auto fields = [&](ApiClient &as) {
        QStringList out;
        for (const QJsonValue &h : as.get(u"/tickets/%1/history"_s.arg(id)).items())
            out.append(h[u"field"_s].toString());
        return out;
    };
    EXPECT_EQ(fields(staff), (QStringList{u"created"_s, u"visibility"_s, u"status"_s,
                                          u"visibility"_s, u"priority"_s}));
    EXPECT_EQ(fields(userA), (QStringList{u"created"_s, u"priority"_s}));
    const QJsonObject last = staff.get(u"/tickets/%1/history"_s.arg(id)).items().last().toObject();
    EXPECT_EQ(last.value(u"from"_s).toString(), u"normal"_s);
    EXPECT_EQ(last.value(u"to"_s).toString(), u"high"_s);
    EXPECT_EQ(last.value(u"actor"_s)[u"id"_s].toInteger(), staffId);
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

// Pages find their ids through an index (never a table scan); the main queues of staff
// and code users walk one in order, with no sort step, on the first page and later ones.
TEST_F(TicketsTest, QueuePagesUseAnIndex)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"plan"_s);
    db.setDatabaseName(s_server->dataDir() + u"/tickets.sqlite"_s);
    db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
    ASSERT_TRUE(db.open());
    const server::Caller staffCaller;
    const server::Caller codeUser{core::Role::CodeUser, 1, demoDeviceId(0), {}, {}, 0};
    struct Case {
        QString params;
        server::Caller caller;
        bool inOrder;
    };
    for (const Case &c :
         {Case{u"status=new,open&priority=high&sort=-priority,createdAt"_s, staffCaller, false},
          Case{u"sort=-createdAt"_s, staffCaller, true},
          Case{u"sort=-priority,createdAt"_s, staffCaller, true},
          Case{u"sort=priority"_s, staffCaller, true}, Case{u"status=closed"_s, staffCaller, true},
          Case{u"device=3&assignee=none"_s, staffCaller, false},
          Case{u"sort=-createdAt"_s, codeUser, true}}) {
        auto parsed = core::TicketQuery::fromUrlQuery(QUrlQuery(c.params));
        const auto &query = std::get<core::TicketQuery>(parsed);
        QList<qint64> cursor; // a row in the middle: high priority, open, in 2023
        for (const core::SortKey &key : query.sort)
            cursor.append(key.field == core::SortKey::Field::Priority ? 2
                          : key.field == core::SortKey::Field::Status ? 1
                                                                      : 1700000000000);
        cursor.append(100);
        for (bool secondPage : {false, true}) {
            using namespace server::sqlite;
            ticketsql::Where where = ticketsql::filters(query, c.caller);
            if (secondPage)
                where.add(ticketsql::after(query, cursor));
            QSqlQuery q(db);
            ASSERT_TRUE(
                q.prepare(u"EXPLAIN QUERY PLAN "_s + ticketsql::listStatement(where, query.sort)));
            for (const QVariant &v : where.values)
                q.addBindValue(v);
            q.addBindValue(51);
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
            EXPECT_TRUE(inner.first().contains(u"INDEX"_s)) << what;
            if (c.inOrder) {
                EXPECT_FALSE(inner.join(u' ').contains(u"TEMP B-TREE"_s)) << what;
            }
        }
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"plan"_s);
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
