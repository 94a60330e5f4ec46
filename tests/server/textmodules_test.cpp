// Text modules: GET/POST/PATCH/DELETE /api/v1/text-modules. Personal modules are their
// owner's only (404 to other staff), shared ones are read by all staff and written by
// admins (403 for an agent), code users are refused (403); names, languages and the
// placeholders of the body are checked at save; changes of shared modules are staff-only
// events; schema migration 10 makes the tables in an earlier database.
#include "library_fixture.h"
#include "undo_migrations.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;
using namespace librarytest;

namespace {

class TextModulesTest : public LibraryTest
{
protected:
    static QJsonObject module(const QString &name, const QJsonObject &extra = {})
    {
        QJsonObject o{{u"name"_s, name},
                      {u"shortcut"_s, u"gruss"_s},
                      {u"language"_s, u"de"_s},
                      {u"body"_s, u"Guten Tag {codeUser.name}, zu {ticket.number}: {cursor}"_s}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            o.insert(it.key(), it.value());
        return o;
    }
};

TEST_F(TextModulesTest, PersonalModulesAreTheOwnersOnly)
{
    const HttpResult created = agent.post(u"/text-modules"_s, module(u"Begrüßung"_s));
    ASSERT_EQ(created.status, 201) << created.body.toStdString();
    const QJsonObject m = created.object();
    const qint64 id = m[u"id"_s].toInteger();
    EXPECT_GT(id, 0);
    EXPECT_EQ(m[u"name"_s], u"Begrüßung"_s);
    EXPECT_EQ(m[u"shortcut"_s], u"gruss"_s);
    EXPECT_EQ(m[u"language"_s], u"de"_s);
    EXPECT_FALSE(m[u"shared"_s].toBool());
    EXPECT_GT(m[u"ownerId"_s].toInteger(), 0);
    EXPECT_EQ(agent.get(u"/text-modules/%1"_s.arg(id)).object(), m);
    EXPECT_TRUE(idsOf(agent.get(u"/text-modules"_s)).contains(id));

    // Another agent and even an admin do not see it, nor change or delete it.
    for (ApiClient *other : {&otherAgent, &admin}) {
        EXPECT_FALSE(idsOf(other->get(u"/text-modules"_s)).contains(id));
        EXPECT_EQ(other->get(u"/text-modules/%1"_s.arg(id)).status, 404);
        EXPECT_EQ(other->patch(u"/text-modules/%1"_s.arg(id), {{u"name"_s, u"Weg"_s}}).status, 404);
        EXPECT_EQ(other->del(u"/text-modules/%1"_s.arg(id)).status, 404);
    }
    // The same name is fine for another owner.
    EXPECT_EQ(otherAgent.post(u"/text-modules"_s, module(u"Begrüßung"_s)).status, 201);

    const HttpResult patched =
        agent.patch(u"/text-modules/%1"_s.arg(id), {{u"language"_s, QJsonValue::Null}});
    ASSERT_EQ(patched.status, 200) << patched.body.toStdString();
    EXPECT_TRUE(patched.object()[u"language"_s].isNull());
    EXPECT_EQ(patched.object()[u"body"_s], m[u"body"_s]);
    EXPECT_EQ(agent.del(u"/text-modules/%1"_s.arg(id)).status, 204);
    EXPECT_EQ(agent.get(u"/text-modules/%1"_s.arg(id)).status, 404);
}

TEST_F(TextModulesTest, SharedModulesAreWrittenByAdminsOnly)
{
    EXPECT_EQ(agent.post(u"/text-modules"_s, module(u"Geteilt"_s, {{u"shared"_s, true}})).status,
              403);
    const HttpResult created =
        admin.post(u"/text-modules"_s, module(u"Geteilt"_s, {{u"shared"_s, true}}));
    ASSERT_EQ(created.status, 201) << created.body.toStdString();
    const qint64 id = created.object()[u"id"_s].toInteger();
    EXPECT_TRUE(created.object()[u"shared"_s].toBool());
    EXPECT_EQ(agent.get(u"/text-modules/%1"_s.arg(id)).status, 200);
    EXPECT_TRUE(idsOf(otherAgent.get(u"/text-modules"_s)).contains(id));
    EXPECT_EQ(agent.patch(u"/text-modules/%1"_s.arg(id), {{u"name"_s, u"Meins"_s}}).status, 403);
    EXPECT_EQ(agent.del(u"/text-modules/%1"_s.arg(id)).status, 403);
    EXPECT_EQ(agent.get(u"/text-modules/%1"_s.arg(id)).object()[u"name"_s], u"Geteilt"_s);

    // An agent's personal module cannot be made shared by them.
    const qint64 own =
        agent.post(u"/text-modules"_s, module(u"Eigen"_s)).object()[u"id"_s].toInteger();
    EXPECT_EQ(agent.patch(u"/text-modules/%1"_s.arg(own), {{u"shared"_s, true}}).status, 403);
    EXPECT_FALSE(agent.get(u"/text-modules/%1"_s.arg(own)).object()[u"shared"_s].toBool());

    EXPECT_EQ(admin.patch(u"/text-modules/%1"_s.arg(id), {{u"name"_s, u"Geteilt 2"_s}}).status,
              200);
    EXPECT_EQ(admin.del(u"/text-modules/%1"_s.arg(id)).status, 204);
    EXPECT_EQ(agent.get(u"/text-modules/%1"_s.arg(id)).status, 404);
}

TEST_F(TextModulesTest, CodeUsersAndAnonymousAreRefused)
{
    const qint64 id = admin.post(u"/text-modules"_s, module(u"Geteilt"_s, {{u"shared"_s, true}}))
                          .object()[u"id"_s]
                          .toInteger();
    ASSERT_GT(id, 0);
    const QString one = u"/text-modules/%1"_s.arg(id);
    EXPECT_EQ(codeUser.get(u"/text-modules"_s).status, 403);
    EXPECT_EQ(codeUser.get(one).status, 403);
    EXPECT_EQ(codeUser.post(u"/text-modules"_s, module(u"X"_s)).status, 403);
    EXPECT_EQ(codeUser.patch(one, {{u"name"_s, u"X"_s}}).status, 403);
    EXPECT_EQ(codeUser.del(one).status, 403);
    EXPECT_EQ(anonymous.get(u"/text-modules"_s).status, 401);
    EXPECT_EQ(anonymous.get(one).status, 401);
    EXPECT_EQ(anonymous.post(u"/text-modules"_s, module(u"X"_s)).status, 401);
    EXPECT_EQ(anonymous.patch(one, {{u"name"_s, u"X"_s}}).status, 401);
    EXPECT_EQ(anonymous.del(one).status, 401);
    EXPECT_EQ(admin.get(one).object()[u"name"_s], u"Geteilt"_s);
}

TEST_F(TextModulesTest, BadInputIsRefusedWithTheField)
{
    struct Case {
        QJsonObject body;
        int status;
        QString field;
    };
    const QList<Case> cases{
        {module(u"A"_s, {{u"colour"_s, u"red"_s}}), 422, u"colour"_s},
        {module(u"A"_s, {{u"ownerId"_s, 1}}), 422, u"ownerId"_s},
        {module(u""_s), 422, u"name"_s},
        {module(u"   "_s), 422, u"name"_s},
        {module(QString(81, u'x')), 422, u"name"_s},
        {module(u"A"_s, {{u"language"_s, u"fr"_s}}), 422, u"language"_s},
        {module(u"A"_s, {{u"body"_s, u"Hallo {ticket.numbr}"_s}}), 422, u"body"_s},
        {module(u"A"_s, {{u"body"_s, u"Hallo {}"_s}}), 422, u"body"_s},
        {module(u"A"_s, {{u"shortcut"_s, u"zwei Worte"_s}}), 422, u"shortcut"_s},
        {QJsonObject{{u"name"_s, u"Ohne Text"_s}}, 422, u"body"_s},
    };
    const qsizetype before = agent.get(u"/text-modules"_s).items().size();
    for (const Case &c : cases) {
        const HttpResult r = agent.post(u"/text-modules"_s, c.body);
        EXPECT_EQ(r.status, c.status) << r.body.toStdString();
        EXPECT_EQ(errorField(r), c.field) << r.body.toStdString();
    }
    EXPECT_EQ(agent.get(u"/text-modules"_s).items().size(), before);

    // Every placeholder of the contract is accepted.
    const QString all = u"{ticket.number} {ticket.title} {device.name} {device.serial} "
                        "{device.location} {codeUser.name} {me.name} {me.firstName} {cursor}"_s;
    ASSERT_EQ(agent.post(u"/text-modules"_s, module(QString(80, u'x'), {{u"body"_s, all}})).status,
              201);
    // Names are unique per owner, whatever the case.
    const HttpResult first = agent.post(u"/text-modules"_s, module(u"Doppelt"_s));
    ASSERT_EQ(first.status, 201);
    const HttpResult twice = agent.post(u"/text-modules"_s, module(u"doppelt"_s));
    EXPECT_EQ(twice.status, 422);
    EXPECT_EQ(errorField(twice), u"name"_s);
    const qint64 id =
        agent.post(u"/text-modules"_s, module(u"Anders"_s)).object()[u"id"_s].toInteger();
    const HttpResult renamed =
        agent.patch(u"/text-modules/%1"_s.arg(id), {{u"name"_s, u"Doppelt"_s}});
    EXPECT_EQ(renamed.status, 422);
    EXPECT_EQ(errorField(renamed), u"name"_s);
    const HttpResult badPatch =
        agent.patch(u"/text-modules/%1"_s.arg(id), {{u"body"_s, u"{me.lastName}"_s}});
    EXPECT_EQ(badPatch.status, 422);
    EXPECT_EQ(errorField(badPatch), u"body"_s);
    EXPECT_EQ(agent.patch(u"/text-modules/%1"_s.arg(id), QJsonObject{}).status, 422);
    EXPECT_EQ(agent.get(u"/text-modules/%1"_s.arg(id)).object()[u"name"_s], u"Anders"_s);
}

TEST_F(TextModulesTest, SharedChangesAreStaffOnlyEvents)
{
    EventClient staffStream, userStream;
    ASSERT_TRUE(staffStream.open(server.baseUrl(), otherAgent.token()));
    ASSERT_TRUE(userStream.open(server.baseUrl(), codeUser.token()));
    // A personal module is nobody else's business: no event.
    ASSERT_EQ(agent.post(u"/text-modules"_s, module(u"Privat"_s)).status, 201);
    const qint64 id = admin.post(u"/text-modules"_s, module(u"Geteilt"_s, {{u"shared"_s, true}}))
                          .object()[u"id"_s]
                          .toInteger();
    const QJsonObject updated = staffStream.waitFor(
        [](const QJsonObject &f) { return f[u"type"_s] == u"textModule.updated"_s; });
    ASSERT_FALSE(updated.isEmpty());
    EXPECT_EQ(updated[u"data"_s][u"id"_s].toInteger(), id);
    ASSERT_EQ(admin.del(u"/text-modules/%1"_s.arg(id)).status, 204);
    const QJsonObject deleted = staffStream.waitFor(
        [](const QJsonObject &f) { return f[u"type"_s] == u"textModule.deleted"_s; });
    EXPECT_EQ(deleted[u"data"_s][u"id"_s].toInteger(), id);

    // A ticket event after them: once the code user has it, theirs would have come.
    const qint64 ticket = createTicket(codeUser, u"Nach den Textbausteinen"_s)[u"id"_s].toInteger();
    EXPECT_FALSE(userStream
                     .waitFor([ticket](const QJsonObject &f) {
                         return f[u"type"_s] == u"ticket.created"_s &&
                                f[u"ticketId"_s].toInteger() == ticket;
                     })
                     .isEmpty());
    for (const QJsonObject &f : userStream.frames())
        EXPECT_FALSE(f[u"type"_s].toString().startsWith(u"textModule"_s));
    int events = 0;
    for (const QJsonObject &f : staffStream.frames())
        events += f[u"type"_s].toString().startsWith(u"textModule"_s) ? 1 : 0;
    EXPECT_EQ(events, 2) << "the personal module was announced";
}

// POST takes an Idempotency-Key as other POSTs do: the same key again gives the first
// answer and stores nothing twice.
TEST_F(TextModulesTest, ARepeatedPostWithTheSameKeyStoresOnce)
{
    const ApiClient::Headers key{{"Idempotency-Key", "modul-1"}};
    const HttpResult first = agent.post(u"/text-modules"_s, module(u"Einmal"_s), key);
    ASSERT_EQ(first.status, 201) << first.body.toStdString();
    const HttpResult again = agent.post(u"/text-modules"_s, module(u"Einmal"_s), key);
    EXPECT_EQ(again.status, 201) << again.body.toStdString();
    EXPECT_EQ(again.object(), first.object());
    int named = 0;
    for (const QJsonValue &v : agent.get(u"/text-modules"_s).items())
        named += v[u"name"_s] == u"Einmal"_s ? 1 : 0;
    EXPECT_EQ(named, 1);
}

// An admin who makes a shared module personal owns it from then on; the others hear that
// it is gone and no longer see it.
TEST_F(TextModulesTest, ASharedModuleMadePersonalIsTheAdminsAndGoneForOthers)
{
    const qint64 id =
        admin.post(u"/text-modules"_s, module(u"Bald privat"_s, {{u"shared"_s, true}}))
            .object()[u"id"_s]
            .toInteger();
    ASSERT_GT(id, 0);
    EventClient staffStream;
    ASSERT_TRUE(staffStream.open(server.baseUrl(), agent.token()));
    const HttpResult patched = admin.patch(u"/text-modules/%1"_s.arg(id), {{u"shared"_s, false}});
    ASSERT_EQ(patched.status, 200) << patched.body.toStdString();
    EXPECT_FALSE(patched.object()[u"shared"_s].toBool());
    EXPECT_EQ(agent.get(u"/text-modules/%1"_s.arg(id)).status, 404);
    const QJsonObject deleted = staffStream.waitFor(
        [](const QJsonObject &f) { return f[u"type"_s] == u"textModule.deleted"_s; });
    EXPECT_EQ(deleted[u"data"_s][u"id"_s].toInteger(), id);
}

// The demo data: six German and six English shared modules, each one that the API takes.
TEST_F(TextModulesTest, TheDemoHasSixGermanAndSixEnglishModules)
{
    const QJsonArray items = agent.get(u"/text-modules"_s).items();
    int de = 0, en = 0;
    for (const QJsonValue &v : items) {
        EXPECT_TRUE(v[u"shared"_s].toBool());
        de += v[u"language"_s] == u"de"_s ? 1 : 0;
        en += v[u"language"_s] == u"en"_s ? 1 : 0;
        QJsonObject copy = v.toObject();
        for (const QString &key : {u"id"_s, u"shared"_s, u"ownerId"_s})
            copy.remove(key);
        const HttpResult r = agent.post(u"/text-modules"_s, copy);
        EXPECT_EQ(r.status, 201) << r.body.toStdString();
    }
    EXPECT_EQ(de, 6);
    EXPECT_EQ(en, 6);
}

// Schema migration 10 makes the library's tables in a database of version 9.
TEST_F(TextModulesTest, AnEarlierDatabaseGetsTheTables)
{
    ASSERT_TRUE(server.stop());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"downgrade"_s);
        db.setDatabaseName(server.dataDir() + u"/tickets.sqlite"_s);
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        const QStringList downgrade =
            undomigrations::after(10) + QStringList{u"DROP TABLE text_modules"_s,
                                                    u"DROP TABLE macros"_s, u"DROP TABLE views"_s,
                                                    u"PRAGMA user_version = 9"_s};
        for (const QString &sql : downgrade) {
            ASSERT_TRUE(q.exec(sql)) << sql.toStdString() << q.lastError().text().toStdString();
        }
    }
    QSqlDatabase::removeDatabase(u"downgrade"_s);
    ASSERT_TRUE(server.restart()) << server.output().toStdString();
    ApiClient again(server.baseUrl());
    ASSERT_FALSE(again.loginStaff(demoLogin(u"agent"_s)).isEmpty());
    EXPECT_EQ(again.post(u"/text-modules"_s, module(u"Nach dem Upgrade"_s)).status, 201);
    EXPECT_EQ(again.get(u"/text-modules"_s).items().size(), 1);
}

} // namespace
