// ?unread=true with other filters and cursor pages, and the unread facet counts, against a
// brute-force oracle over every page of GET /tickets (each summary's own `unread`).
#include "unread_fixture.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace unreadtest;

namespace {

class UnreadListTest : public UnreadTest
{
protected:
    // A mix: some tickets of each status and priority, some seen by the agent, some by the
    // agent and then changed by someone else, some created by the agent.
    void SetUp() override
    {
        UnreadTest::SetUp();
        for (int i = 0; i < 24; ++i) {
            const qint64 id = idOf(
                i % 5 == 0 ? create(staff, u"Eigen %1"_s.arg(i), {{u"deviceId"_s, demoDeviceId(0)}})
                           : adminTicket(u"Mix %1"_s.arg(i)));
            if (i % 3 == 0) {
                ASSERT_EQ(edit(admin, id,
                               {{u"priority"_s, kPriorities[i % 2 == 0 ? 2 : 0]},
                                {u"status"_s, kStatuses[1 + i % 4]}})
                              .status,
                          200);
            }
            if (i % 4 == 1) {
                ASSERT_EQ(
                    edit(admin, id, {{u"assigneeId"_s, i % 8 == 1 ? staffId : otherId}}).status,
                    200);
            }
            if (i % 2 == 0) {
                ASSERT_EQ(markSeenNow(staff, id).status, 200);
            }
            if (i % 6 == 0) {
                ASSERT_EQ(post(admin, id, u"notes"_s, u"Nachtrag"_s).status, 201);
            }
        }
    }

    static QList<qint64> unreadIds(const QList<QJsonObject> &all)
    {
        QList<qint64> out;
        for (const QJsonObject &t : all) {
            EXPECT_TRUE(t.value(u"unread"_s).isBool());
            if (t.value(u"unread"_s).toBool())
                out.append(idOf(t));
        }
        return out;
    }
    // The unread facets of `staff` against their own list's `unread` fields, under filters.
    void expectFacetsCountWhatTheListShows(ApiClient &staff)
    {
        for (const QString &f :
             {QString(), u"status=open"_s, u"priority=high,low"_s, u"assignee=me,none"_s,
              u"status=new&priority=normal&assignee=none"_s}) {
            const QList<QJsonObject> all = listAll(staff, f);
            const HttpResult r =
                staff.get(u"/tickets/facets"_s + (f.isEmpty() ? QString() : u'?' + f));
            ASSERT_EQ(r.status, 200) << r.body.toStdString();
            const QJsonObject unread = r.object().value(u"unread"_s).toObject();
            ASSERT_FALSE(unread.isEmpty()) << r.body.toStdString();
            qint64 total = 0;
            QHash<QString, qint64> byStatus, byPriority, byAssignee;
            for (const QJsonObject &t : all) {
                if (!t.value(u"unread"_s).toBool())
                    continue;
                ++total;
                ++byStatus[t.value(u"status"_s).toString()];
                ++byPriority[t.value(u"priority"_s).toString()];
                ++byAssignee[t.value(u"assigneeId"_s).isNull()
                                 ? u"null"_s
                                 : QString::number(t.value(u"assigneeId"_s).toInteger())];
            }
            EXPECT_EQ(unread.value(u"total"_s).toInteger(), total) << f.toStdString();
            // A dimension's counts ignore its own filter (as the plain facets): compare the
            // values the filter allows.
            for (const QString &s : kStatuses) {
                if (f.contains(u"status="_s) && !f.contains(s))
                    continue;
                EXPECT_EQ(unread[u"status"_s][s].toInteger(), byStatus.value(s))
                    << f.toStdString() << " " << s.toStdString();
            }
            for (const QString &p : kPriorities) {
                if (f.contains(u"priority="_s) && !f.contains(p))
                    continue;
                EXPECT_EQ(unread[u"priority"_s][p].toInteger(), byPriority.value(p))
                    << f.toStdString() << " " << p.toStdString();
            }
            if (!f.contains(u"assignee="_s)) {
                QHash<QString, qint64> got;
                for (const QJsonValue &v : unread.value(u"assignee"_s).toArray())
                    got[v[u"assigneeId"_s].isNull()
                            ? u"null"_s
                            : QString::number(v[u"assigneeId"_s].toInteger())] =
                        v[u"count"_s].toInteger();
                EXPECT_EQ(got, byAssignee) << f.toStdString();
            }
        }
    }
};

TEST_F(UnreadListTest, FilterMatchesTheOracleUnderEveryFilterAndPageSize)
{
    const QStringList filters{{},
                              u"status=new,open"_s,
                              u"priority=high"_s,
                              u"assignee=me"_s,
                              u"assignee=none&sort=-priority,createdAt"_s,
                              u"status=open,waiting&sort=status,-updatedAt"_s,
                              u"device=%1&sort=updatedAt"_s.arg(demoDeviceId(0)),
                              u"q=Mix"_s};
    for (const QString &f : filters) {
        const QList<qint64> oracle = unreadIds(listAll(staff, f));
        for (int limit : {1, 7, 200}) {
            const QString query = f.isEmpty() ? u"unread=true"_s : f + u"&unread=true"_s;
            const QList<QJsonObject> got = listAll(staff, query, limit);
            EXPECT_EQ(ids(got), oracle) << query.toStdString() << " limit " << limit;
            for (const QJsonObject &t : got)
                EXPECT_TRUE(t.value(u"unread"_s).toBool());
        }
    }
    // unread=false is no filter.
    EXPECT_EQ(ids(listAll(staff, u"unread=false"_s)), ids(listAll(staff, {})));
}

TEST_F(UnreadListTest, FacetsCountWhatTheListShows)
{
    expectFacetsCountWhatTheListShows(staff);
}

// The facets count unread tickets as all minus never notable minus read (unreadfacets.cpp):
// each part for each staff member, also for tickets from before migration 11 (no notable
// event: never unread, unless assigned by someone else) and with the plain counts cached.
TEST_F(UnreadListTest, FacetsCountWhatTheListShowsForEveryStaffMemberAndOldTickets)
{
    for (ApiClient *as : {&staff, &other, &admin}) {
        SCOPED_TRACE(as == &staff ? "agent" : as == &other ? "other agent" : "admin");
        expectFacetsCountWhatTheListShows(*as);
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"old"_s);
        db.setDatabaseName(m_server.dataDir() + u"/tickets.sqlite"_s);
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        // As migration 11 leaves older tickets: nothing notable; some still assigned to
        // someone by someone else since.
        ASSERT_TRUE(q.exec(u"UPDATE tickets SET notable_seq = -1, notable_actor = 0, "
                           "notable_other_seq = -1 WHERE id % 3 = 0"_s))
            << q.lastError().text().toStdString();
        ASSERT_GT(q.numRowsAffected(), 0);
        ASSERT_TRUE(q.exec(u"UPDATE tickets SET assigned_seq = -1 WHERE id % 6 = 0"_s));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"old"_s);
    for (ApiClient *as : {&staff, &other, &admin}) {
        SCOPED_TRACE(as == &staff   ? "agent, old"
                     : as == &other ? "other agent, old"
                                    : "admin, old");
        expectFacetsCountWhatTheListShows(*as);
    }
}

// A staff member's read tickets are counted from copies of their status, priority and
// assignee (ticket_seen, migration 13): they follow every change, by the reader (still
// read) and by someone else (unread again).
TEST_F(UnreadListTest, ReadTicketsAreCountedWhereTheyAreNow)
{
    const qint64 id = idOf(adminTicket(u"Gelesen"_s));
    ASSERT_EQ(markSeenNow(staff, id).status, 200);
    expectFacetsCountWhatTheListShows(staff);
    ASSERT_EQ(
        edit(staff, id,
             {{u"status"_s, u"open"_s}, {u"priority"_s, u"high"_s}, {u"assigneeId"_s, staffId}})
            .status,
        200);
    EXPECT_FALSE(unread(staff, id));
    expectFacetsCountWhatTheListShows(staff);
    ASSERT_EQ(edit(admin, id, {{u"priority"_s, u"low"_s}}).status, 200);
    EXPECT_TRUE(unread(staff, id));
    expectFacetsCountWhatTheListShows(staff);
    ASSERT_EQ(markSeenNow(staff, id).status, 200);
    ASSERT_EQ(edit(admin, id, {{u"assigneeId"_s, otherId}}).status, 200);
    expectFacetsCountWhatTheListShows(staff);
    expectFacetsCountWhatTheListShows(other);
}

TEST_F(UnreadListTest, UnreadCountsFollowSeenMarks)
{
    const qint64 before =
        staff.get(u"/tickets/facets"_s).object()[u"unread"_s][u"total"_s].toInteger();
    const QList<qint64> unreadNow = ids(listAll(staff, u"unread=true"_s));
    ASSERT_FALSE(unreadNow.isEmpty());
    ASSERT_EQ(markSeenNow(staff, unreadNow.first()).status, 200);
    EXPECT_EQ(staff.get(u"/tickets/facets"_s).object()[u"unread"_s][u"total"_s].toInteger(),
              before - 1);
    ASSERT_EQ(markUnread(staff, unreadNow.first()).status, 200);
    EXPECT_EQ(staff.get(u"/tickets/facets"_s).object()[u"unread"_s][u"total"_s].toInteger(),
              before);
}

} // namespace
