// GET /tickets' created range, excluded words and exact phrases (the search box's
// created:, -word and "exact phrase"): each against a brute-force oracle, through pages,
// facets and both text plans, bad values refused, and nothing a code user may not read
// decides what they find.
#include "store/sqlite/ticketpage.h"
#include "ticketpages.h"
#include "tickets_fixture.h"

#include <QJsonArray>
#include <QUrlQuery>

using namespace ticketstest;

namespace {

// The test server's database, read-only, for the page oracle.
class ReadOnlyDbForPages
{
public:
    explicit ReadOnlyDbForPages(const QString &dataDir)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"extras"_s);
        db.setDatabaseName(dataDir + u"/tickets.sqlite"_s);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        db.open();
    }
    ~ReadOnlyDbForPages() { QSqlDatabase::removeDatabase(u"extras"_s); }
    QSqlDatabase db() const { return QSqlDatabase::database(u"extras"_s, false); }
};

QList<qint64> without(const QList<qint64> &all, const QList<qint64> &gone)
{
    QList<qint64> out;
    for (qint64 id : all) {
        if (!gone.contains(id))
            out.append(id);
    }
    return out;
}

qint64 total(ApiClient &as, const QString &query)
{
    const HttpResult r = as.get(u"/tickets/facets?"_s + query);
    EXPECT_EQ(r.status, 200) << query.toStdString() << r.body.toStdString();
    return r.object().value(u"total"_s).toInteger(-1);
}

TEST_F(TicketsTest, CreatedRangeSelectsInclusiveFromExclusiveTo)
{
    const QList<QJsonObject> all = listAll(staff, {});
    ASSERT_GE(all.size(), 300);
    // Bounds taken from tickets' own times: the bound ticket is in at `from`, out at `to`.
    const QString from = all.at(all.size() * 2 / 3).value(u"createdAt"_s).toString();
    const QString to = all.at(all.size() / 3).value(u"createdAt"_s).toString();
    ASSERT_LT(from, to);
    auto inRange = [](const QJsonObject &t, const QString &lo, const QString &hi) {
        const QString at = t.value(u"createdAt"_s).toString(); // ISO times compare as text
        return (lo.isEmpty() || at >= lo) && (hi.isEmpty() || at < hi);
    };
    for (const auto &[lo, hi] :
         {std::pair{from, to}, std::pair{from, QString()}, std::pair{QString(), to}}) {
        QString query;
        if (!lo.isEmpty())
            query += u"createdFrom="_s + enc(lo);
        if (!hi.isEmpty())
            query += (query.isEmpty() ? u""_s : u"&"_s) + u"createdTo="_s + enc(hi);
        QList<qint64> expected;
        for (const QJsonObject &t : all) {
            if (inRange(t, lo, hi))
                expected.append(idOf(t));
        }
        ASSERT_FALSE(expected.isEmpty());
        ASSERT_LT(expected.size(), all.size());
        EXPECT_EQ(ids(listAll(staff, query, 37)), expected) << query.toStdString();
        EXPECT_EQ(total(staff, query), expected.size()) << query.toStdString();
        // With a status filter (the per-status union pages) and another sort.
        const QString open = query + u"&status=new,open,closed&sort=-priority,createdAt"_s;
        QList<QJsonObject> sorted;
        for (const QJsonObject &t : all) {
            if (inRange(t, lo, hi) &&
                QStringList{u"new"_s, u"open"_s, u"closed"_s}.contains(t[u"status"_s].toString()))
                sorted.append(t);
        }
        std::stable_sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
            return before(a, b, u"-priority,createdAt"_s);
        });
        EXPECT_EQ(ids(listAll(staff, open, 7)), ids(sorted)) << open.toStdString();
    }
}

TEST_F(TicketsTest, ExcludedWordsLeaveOutWhatTheWordFinds)
{
    const QList<qint64> all = ids(listAll(staff, {}));
    int compared = 0;
    for (const QString &word : {u"drucker"_s, u"papier"_s, u"bitte"_s, u"a"_s}) {
        for (ApiClient *as : {&staff, &userA}) {
            const QList<qint64> expected = without(ids(listAll(*as, {})), search(*as, word));
            const QString query = u"exclude="_s + word;
            EXPECT_EQ(ids(listAll(*as, query, 23)), expected) << word.toStdString();
            EXPECT_EQ(total(*as, query), expected.size()) << word.toStdString();
            compared += expected.size() < all.size() ? 1 : 0;
        }
    }
    EXPECT_GE(compared, 4) << "the words left out too little to compare";
}

TEST_F(TicketsTest, PhrasesMatchAdjacentWordsInTextsAndMessages)
{
    const qint64 a = idOf(create(userA, u"Quasselstrippe Zylinderkopf defekt"_s));
    const qint64 b = idOf(create(userA, u"Zylinderkopf an der Quasselstrippe"_s));
    const qint64 c = idOf(create(userA, u"Zylinderkopf tropft"_s));
    const qint64 d = idOf(create(userA, u"Zylinderkopf leckt"_s));
    ASSERT_EQ(staff
                  .post(u"/tickets/%1/messages"_s.arg(c),
                        {{u"body"_s, u"Die QUASSELSTRIPPE, Zylinderkopf!"_s}})
                  .status,
              201);
    for (ApiClient *as : {&staff, &userA}) {
        EXPECT_EQ(ids(listAll(*as, u"phrase="_s + enc(u"quasselstrippe zylinderkopf"_s))),
                  (QList<qint64>{c, a}));
        EXPECT_EQ(ids(listAll(*as, u"q=zylinderkopf&exclude=quasselstrippe"_s)), QList<qint64>{d});
        // An excluded phrase leaves out only where the words stand together.
        EXPECT_EQ(
            ids(listAll(*as, u"q=zylinderkopf&exclude="_s + enc(u"quasselstrippe zylinderkopf"_s))),
            (QList<qint64>{d, b}));
        // Repeated and comma-separated phrases must all be there.
        EXPECT_EQ(ids(listAll(*as, u"phrase=zylinderkopf%20defekt&phrase=quasselstrippe"_s)),
                  QList<qint64>{a});
        EXPECT_EQ(ids(listAll(*as, u"phrase=zylinderkopf%20leckt,quasselstrippe"_s)),
                  QList<qint64>{});
        EXPECT_EQ(total(*as, u"q=zylinderkopf&phrase=quasselstrippe%20zylinderkopf"_s), 2);
    }
    // Both text plans page alike with the new filters (the oracle of the search tests).
    ReadOnlyDbForPages db(m_server.dataDir());
    const server::Caller staffCaller{core::Role::Agent, staffId, 0, {}, {}, 0};
    const server::Caller codeUser{core::Role::CodeUser, 1, demoDeviceId(0), {}, {}, 0};
    using server::sqlite::ticketsql::TextPlan;
    for (const QString &params :
         {u"q=e&exclude=drucker,papier"_s, u"q=zylinderkopf&phrase=quasselstrippe"_s,
          u"q=a&exclude=bitte&sort=-priority,createdAt"_s,
          u"phrase=zylinderkopf&exclude=leckt&status=new,open&sort=-updatedAt"_s}) {
        auto parsed = core::TicketQuery::fromUrlQuery(QUrlQuery(params));
        ASSERT_TRUE(std::holds_alternative<core::TicketQuery>(parsed)) << params.toStdString();
        const core::TicketQuery query = std::get<core::TicketQuery>(parsed);
        for (const server::Caller &caller : {staffCaller, codeUser}) {
            const QList<qint64> whole = pagedIds(db.db(), query, caller, TextPlan::MatchSet, 200);
            for (int limit : {1, 7}) {
                EXPECT_EQ(pagedIds(db.db(), query, caller, TextPlan::WalkInOrder, limit), whole)
                    << params.toStdString() << " limit " << limit;
                EXPECT_EQ(pagedIds(db.db(), query, caller, TextPlan::MatchSet, limit), whole)
                    << params.toStdString() << " limit " << limit;
            }
        }
    }
}

// Internal notes are never searched, and code users never match by customer data: neither
// an excluded word nor a phrase tells a code user what they may not read.
TEST_F(TicketsTest, CodeUsersExcludeAndFindOnlyByWhatTheyMayRead)
{
    const QJsonObject created = create(userA, u"Nockenwellenversteller rasselt"_s);
    const qint64 id = idOf(created);
    ASSERT_EQ(
        staff.post(u"/tickets/%1/notes"_s.arg(id), {{u"body"_s, u"Geheimwort Kulanz"_s}}).status,
        201);
    const QString customer = staff.get(u"/tickets/%1"_s.arg(id))
                                 .object()[u"customer"_s][u"name"_s]
                                 .toString()
                                 .split(u' ')
                                 .first();
    ASSERT_FALSE(customer.isEmpty());
    const QString base = u"q=nockenwellenversteller"_s;
    for (ApiClient *as : {&staff, &userA}) {
        EXPECT_EQ(ids(listAll(*as, base)), QList<qint64>{id});
        EXPECT_EQ(ids(listAll(*as, base + u"&exclude=geheimwort"_s)), QList<qint64>{id});
        EXPECT_EQ(ids(listAll(*as, base + u"&phrase=geheimwort%20kulanz"_s)), QList<qint64>{});
    }
    // Staff exclude by the customer, as `q` finds by it; a code user's list stays as it was.
    EXPECT_EQ(ids(listAll(staff, base + u"&exclude="_s + enc(customer))), QList<qint64>{});
    EXPECT_EQ(ids(listAll(userA, base + u"&exclude="_s + enc(customer))), QList<qint64>{id});
    EXPECT_EQ(total(userA, base + u"&exclude="_s + enc(customer)), 1);
}

TEST_F(TicketsTest, BadRangesWordsAndPhrasesAreRefused)
{
    const QList<std::tuple<QString, int, QString>> cases{
        {u"createdFrom=yesterday"_s, 400, u"createdFrom"_s},
        {u"createdTo=2026-11-01"_s, 400, u"createdTo"_s},
        {u"createdFrom=2026-11-01T00:00:00"_s, 400, u"createdFrom"_s}, // no zone
        {u"createdFrom=2026-12-01T00:00:00Z&createdTo=2026-11-01T00:00:00Z"_s, 422,
         u"createdFrom"_s},
        {u"createdFrom=2026-11-01T00:00:00Z&createdTo=2026-11-01T00:00:00Z"_s, 422,
         u"createdFrom"_s},
        {u"exclude="_s, 400, u"exclude"_s},
        {u"exclude=%2D%2D"_s, 400, u"exclude"_s},
        {u"exclude="_s + QString(201, u'x'), 400, u"exclude"_s},
        {u"phrase=a%0Ab"_s, 400, u"phrase"_s},
        {u"phrase=,,"_s, 400, u"phrase"_s},
        {u"phrase=a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u"_s, 400, u"phrase"_s},
    };
    for (const auto &[query, status, field] : cases) {
        for (const QString &path : {u"/tickets?"_s, u"/tickets/facets?"_s}) {
            const HttpResult r = staff.get(path + query);
            EXPECT_EQ(r.status, status) << path.toStdString() << query.toStdString();
            EXPECT_EQ(problemFields(r).value(u"field"_s).toString(), field)
                << query.toStdString() << r.body.toStdString();
        }
    }
    // A view's query and the bulk call's query are validated the same way.
    const HttpResult view = staff.post(
        u"/views"_s, {{u"name"_s, u"Verkehrt"_s},
                      {u"query"_s, QJsonObject{{u"createdFrom"_s, u"2026-12-01T00:00:00Z"_s},
                                               {u"createdTo"_s, u"2026-11-01T00:00:00Z"_s}}}});
    EXPECT_EQ(view.status, 422) << view.body.toStdString();
    const HttpResult bulk =
        staff.post(u"/tickets/bulk"_s, {{u"query"_s, QJsonObject{{u"phrase"_s, u"--"_s}}},
                                        {u"changes"_s, QJsonObject{{u"priority"_s, u"high"_s}}}});
    EXPECT_EQ(bulk.status, 400) << bulk.body.toStdString();
    EXPECT_EQ(problemFields(bulk).value(u"field"_s).toString(), u"query.phrase"_s);
    // A view keeps them and answers them back.
    const HttpResult saved = staff.post(
        u"/views"_s, {{u"name"_s, u"Ohne Drucker"_s},
                      {u"query"_s, QJsonObject{{u"exclude"_s, QJsonArray{u"drucker"_s}},
                                               {u"phrase"_s, u"bitte Papier"_s},
                                               {u"createdFrom"_s, u"2026-11-01T00:00:00Z"_s}}}});
    EXPECT_EQ(saved.status, 201) << saved.body.toStdString();
}

} // namespace
