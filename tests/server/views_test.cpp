// Saved views: GET/POST/PATCH/DELETE /api/v1/views. The same ownership rules as text
// modules and macros; the query is checked by the parser of GET /tickets, so that what
// GET /tickets refuses a view refuses too (422 on query.<parameter>), and what it takes
// GET /tickets takes.
#include "library_fixture.h"

#include <QUrlQuery>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;
using namespace librarytest;

namespace {

class ViewsTest : public LibraryTest
{
protected:
    static QJsonObject view(const QString &name, const QJsonObject &query)
    {
        return {{u"name"_s, name}, {u"query"_s, query}};
    }
};

TEST_F(ViewsTest, AViewIsTheOwnersAndKeepsItsQueryAndOrder)
{
    const QJsonObject query{{u"status"_s, u"new,open"_s},
                            {u"priority"_s, QJsonArray{u"high"_s}},
                            {u"assignee"_s, u"me,none"_s},
                            {u"q"_s, u"Tür & 100% \"zu\""_s},
                            {u"sort"_s, u"-priority,createdAt"_s}};
    const HttpResult created = agent.post(u"/views"_s, view(u"Dringend"_s, query));
    ASSERT_EQ(created.status, 201) << created.body.toStdString();
    const QJsonObject v = created.object();
    EXPECT_EQ(v[u"query"_s].toObject(), query);
    EXPECT_EQ(v[u"position"_s].toInteger(), 0);
    const QString one = u"/views/%1"_s.arg(v[u"id"_s].toInteger());
    EXPECT_EQ(agent.get(one).object(), v);
    EXPECT_EQ(otherAgent.get(one).status, 404);
    EXPECT_EQ(admin.patch(one, {{u"name"_s, u"X"_s}}).status, 404);
    EXPECT_EQ(otherAgent.del(one).status, 404);

    // The next one goes last; a position may be given.
    const HttpResult second = agent.post(u"/views"_s, view(u"Alle"_s, {}));
    ASSERT_EQ(second.status, 201) << second.body.toStdString();
    EXPECT_EQ(second.object()[u"position"_s].toInteger(), 1);
    const QString secondPath = u"/views/%1"_s.arg(second.object()[u"id"_s].toInteger());
    ASSERT_EQ(agent.patch(secondPath, {{u"position"_s, 0}}).status, 200);
    ASSERT_EQ(agent.patch(one, {{u"position"_s, 1}}).status, 200);
    const QJsonArray items = agent.get(u"/views"_s).items();
    ASSERT_EQ(items.size(), 2);
    EXPECT_EQ(items[0][u"name"_s], u"Alle"_s);
    EXPECT_EQ(items[1][u"name"_s], u"Dringend"_s);

    // Shared views: admins write them, all staff read them.
    QJsonObject team = view(u"Team"_s, query);
    team.insert(u"shared"_s, true);
    EXPECT_EQ(agent.post(u"/views"_s, team).status, 403);
    const HttpResult shared = admin.post(u"/views"_s, team);
    ASSERT_EQ(shared.status, 201) << shared.body.toStdString();
    const QString sharedPath = u"/views/%1"_s.arg(shared.object()[u"id"_s].toInteger());
    EXPECT_EQ(otherAgent.get(sharedPath).status, 200);
    EXPECT_EQ(otherAgent.patch(sharedPath, {{u"position"_s, 3}}).status, 403);
    EXPECT_EQ(otherAgent.del(sharedPath).status, 403);
    for (const QString &path : {u"/views"_s, sharedPath}) {
        EXPECT_EQ(codeUser.get(path).status, 403);
        EXPECT_EQ(anonymous.get(path).status, 401);
    }
    EXPECT_EQ(codeUser.post(u"/views"_s, view(u"C"_s, {})).status, 403);
    EXPECT_EQ(codeUser.patch(sharedPath, {{u"name"_s, u"C"_s}}).status, 403);
    EXPECT_EQ(codeUser.del(sharedPath).status, 403);
    EXPECT_EQ(agent.del(one).status, 204);
    EXPECT_EQ(agent.get(one).status, 404);
}

// Every query GET /tickets refuses, a view refuses on the same parameter (and the other
// way round: what a view takes, GET /tickets takes).
TEST_F(ViewsTest, TheQueryIsCheckedAsGetTicketsChecksIt)
{
    const QList<QJsonObject> refused{
        {{u"status"_s, u"gone"_s}},
        {{u"priority"_s, u"urgent,high"_s}},
        {{u"assignee"_s, u"you"_s}},
        {{u"flow"_s, u"-1"_s}},
        {{u"sort"_s, u"colour"_s}},
        {{u"sort"_s, u"priority,-priority"_s}},
        {{u"limit"_s, u"500"_s}},
        {{u"colour"_s, u"red"_s}},
        {{u"q"_s, QString(u"a\u0001b"_s).replace(u"\u0001"_s, QChar(1))}},
    };
    for (const QJsonObject &q : refused) {
        const QString parameter = q.begin().key();
        QUrlQuery url;
        url.addQueryItem(
            parameter, QString::fromLatin1(QUrl::toPercentEncoding(q.begin().value().toString())));
        EXPECT_EQ(agent.get(u"/tickets?"_s + url.toString(QUrl::FullyEncoded)).status, 400)
            << parameter.toStdString();
        const HttpResult r = agent.post(u"/views"_s, view(u"V"_s, q));
        EXPECT_EQ(r.status, 422) << r.body.toStdString();
        EXPECT_EQ(errorField(r), u"query."_s + parameter) << r.body.toStdString();
    }
    const QList<std::pair<QJsonObject, int>> wrong{
        {{{u"cursor"_s, u"abc"_s}}, 422},
        {{{u"status"_s, 1}}, 400},
        {{{u"status"_s, QJsonArray{1}}}, 400},
    };
    for (const auto &[q, status] : wrong) {
        const HttpResult r = agent.post(u"/views"_s, view(u"V"_s, q));
        EXPECT_EQ(r.status, status) << r.body.toStdString();
        EXPECT_EQ(errorField(r), u"query."_s + q.begin().key()) << r.body.toStdString();
    }
    const QList<std::pair<QJsonObject, QString>> bad{
        {{{u"name"_s, u""_s}, {u"query"_s, QJsonObject()}}, u"name"_s},
        {{{u"name"_s, QString(81, u'v')}, {u"query"_s, QJsonObject()}}, u"name"_s},
        {{{u"name"_s, u"V"_s}, {u"query"_s, u"status=new"_s}}, u"query"_s},
        {{{u"name"_s, u"V"_s}, {u"position"_s, -1}}, u"position"_s},
        {{{u"name"_s, u"V"_s}, {u"ownerId"_s, 1}}, u"ownerId"_s},
    };
    for (const auto &[body, field] : bad) {
        const HttpResult r = agent.post(u"/views"_s, body);
        EXPECT_GE(r.status, 400) << r.body.toStdString();
        EXPECT_EQ(errorField(r), field) << r.body.toStdString();
    }
    EXPECT_TRUE(agent.get(u"/views"_s).items().isEmpty());

    // A query a view takes is one GET /tickets takes.
    const QJsonObject ok{{u"status"_s, u"new"_s}, {u"fleet"_s, u"1,2"_s}, {u"limit"_s, u"20"_s}};
    ASSERT_EQ(agent.post(u"/views"_s, view(u"Neu"_s, ok)).status, 201);
    EXPECT_EQ(agent.get(u"/tickets?status=new&fleet=1,2&limit=20"_s).status, 200);
    // Names are unique per owner.
    const HttpResult twice = agent.post(u"/views"_s, view(u"neu"_s, ok));
    EXPECT_EQ(twice.status, 422);
    EXPECT_EQ(errorField(twice), u"name"_s);
}

} // namespace
