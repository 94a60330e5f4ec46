// Macros: GET/POST/PATCH/DELETE /api/v1/macros. The same ownership rules as text modules
// (personal: the owner's only; shared: admins write them; code users 403), and the
// macro's own checks: changes as a ticket PATCH checks them, "me" as assignee, note and
// message bodies with the placeholders of text modules.
#include "library_fixture.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;
using namespace librarytest;

namespace {

class MacrosTest : public LibraryTest
{
protected:
    static QJsonObject sparePart(const QString &name, const QJsonObject &extra = {})
    {
        QJsonObject o{
            {u"name"_s, name},
            {u"changes"_s, QJsonObject{{u"status"_s, u"waiting"_s}, {u"assigneeId"_s, u"me"_s}}},
            {u"note"_s, QJsonObject{{u"body"_s, u"Ersatzteil bestellt"_s}}},
            {u"message"_s,
             QJsonObject{{u"body"_s, u"Ihr Ersatzteil zu {ticket.number} ist unterwegs."_s}}}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            o.insert(it.key(), it.value());
        return o;
    }
};

TEST_F(MacrosTest, PersonalAndSharedMacrosFollowTheOwnershipRules)
{
    const HttpResult created = agent.post(u"/macros"_s, sparePart(u"Ersatzteil"_s));
    ASSERT_EQ(created.status, 201) << created.body.toStdString();
    const QJsonObject m = created.object();
    const QString one = u"/macros/%1"_s.arg(m[u"id"_s].toInteger());
    EXPECT_EQ(m[u"changes"_s][u"assigneeId"_s], u"me"_s);
    EXPECT_EQ(m[u"changes"_s][u"status"_s], u"waiting"_s);
    EXPECT_EQ(m[u"note"_s][u"body"_s], u"Ersatzteil bestellt"_s);
    EXPECT_FALSE(m[u"shared"_s].toBool());
    EXPECT_EQ(agent.get(one).object(), m);
    EXPECT_EQ(otherAgent.get(one).status, 404);
    EXPECT_EQ(admin.patch(one, {{u"name"_s, u"X"_s}}).status, 404);
    EXPECT_EQ(otherAgent.del(one).status, 404);
    for (const QJsonValue &v : otherAgent.get(u"/macros"_s).items())
        EXPECT_TRUE(v[u"shared"_s].toBool()) << "another's personal macro is listed";

    EXPECT_EQ(agent.post(u"/macros"_s, sparePart(u"Geteilt"_s, {{u"shared"_s, true}})).status, 403);
    const HttpResult shared =
        admin.post(u"/macros"_s, sparePart(u"Geteilt"_s, {{u"shared"_s, true}}));
    ASSERT_EQ(shared.status, 201) << shared.body.toStdString();
    const QString sharedPath = u"/macros/%1"_s.arg(shared.object()[u"id"_s].toInteger());
    EXPECT_EQ(otherAgent.get(sharedPath).status, 200);
    EXPECT_EQ(otherAgent.patch(sharedPath, {{u"note"_s, QJsonValue::Null}}).status, 403);
    EXPECT_EQ(otherAgent.del(sharedPath).status, 403);

    for (const QString &path : {u"/macros"_s, sharedPath}) {
        EXPECT_EQ(codeUser.get(path).status, 403);
        EXPECT_EQ(anonymous.get(path).status, 401);
    }
    EXPECT_EQ(codeUser.post(u"/macros"_s, sparePart(u"C"_s)).status, 403);
    EXPECT_EQ(codeUser.patch(sharedPath, {{u"name"_s, u"C"_s}}).status, 403);
    EXPECT_EQ(codeUser.del(sharedPath).status, 403);
    EXPECT_EQ(anonymous.post(u"/macros"_s, sparePart(u"C"_s)).status, 401);

    const HttpResult patched =
        agent.patch(one, {{u"message"_s, QJsonValue::Null},
                          {u"changes"_s, QJsonObject{{u"priority"_s, u"high"_s}}}});
    ASSERT_EQ(patched.status, 200) << patched.body.toStdString();
    EXPECT_TRUE(patched.object()[u"message"_s].isNull());
    EXPECT_EQ(patched.object()[u"changes"_s].toObject(), (QJsonObject{{u"priority"_s, u"high"_s}}));
    EXPECT_EQ(agent.del(one).status, 204);
    EXPECT_EQ(agent.get(one).status, 404);
}

TEST_F(MacrosTest, BadInputIsRefusedWithTheField)
{
    struct Case {
        QJsonObject body;
        int status;
        QString field;
    };
    const auto changes = [](const QJsonObject &c) {
        return sparePart(u"M"_s, {{u"changes"_s, c}});
    };
    const QList<Case> cases{
        {sparePart(u"M"_s, {{u"macroId"_s, 1}}), 422, u"macroId"_s},
        {sparePart(u""_s), 422, u"name"_s},
        {sparePart(QString(81, u'x')), 422, u"name"_s},
        {changes({{u"title"_s, u"Neu"_s}}), 422, u"changes.title"_s},
        {changes({{u"priority"_s, u"urgent"_s}}), 422, u"changes.priority"_s},
        {changes({{u"status"_s, u"gone"_s}}), 422, u"changes.status"_s},
        {changes({{u"visibility"_s, u"secret"_s}}), 422, u"changes.visibility"_s},
        {changes({{u"assigneeId"_s, u"you"_s}}), 422, u"changes.assigneeId"_s},
        {changes({{u"assigneeId"_s, 999999}}), 422, u"changes.assigneeId"_s},
        {changes({{u"assigneeId"_s, 1.5}}), 400, u"changes.assigneeId"_s},
        {sparePart(u"M"_s, {{u"changes"_s, u"high"_s}}), 400, u"changes"_s},
        {sparePart(u"M"_s, {{u"note"_s, QJsonObject{{u"text"_s, u"x"_s}}}}), 422, u"note.text"_s},
        {sparePart(u"M"_s, {{u"note"_s, QJsonObject{{u"body"_s, u""_s}}}}), 422, u"note.body"_s},
        {sparePart(u"M"_s, {{u"message"_s, QJsonObject{{u"body"_s, u"{ticket.nr}"_s}}}}), 422,
         u"message.body"_s},
        {QJsonObject{{u"name"_s, u"Leer"_s}}, 422, u"changes"_s},
    };
    const qsizetype before = agent.get(u"/macros"_s).items().size();
    for (const Case &c : cases) {
        const HttpResult r = agent.post(u"/macros"_s, c.body);
        EXPECT_EQ(r.status, c.status) << r.body.toStdString();
        EXPECT_EQ(errorField(r), c.field) << r.body.toStdString();
    }
    EXPECT_EQ(agent.get(u"/macros"_s).items().size(), before);

    // An existing staff member, null (unassign) and a note alone are fine.
    qint64 staffId = 0;
    for (const QJsonValue &s : admin.get(u"/staff"_s).items()) {
        if (s[u"login"_s].toString() == demoLogin(u"agent"_s, 1))
            staffId = s[u"id"_s].toInteger();
    }
    ASSERT_GT(staffId, 0);
    EXPECT_EQ(agent.post(u"/macros"_s, changes({{u"assigneeId"_s, staffId}})).status, 201);
    EXPECT_EQ(agent
                  .post(u"/macros"_s,
                        sparePart(u"N"_s, {{u"changes"_s,
                                            QJsonObject{{u"assigneeId"_s, QJsonValue::Null}}}}))
                  .status,
              201);
    const HttpResult noteOnly =
        agent.post(u"/macros"_s, {{u"name"_s, u"Nur Notiz"_s},
                                  {u"note"_s, QJsonObject{{u"body"_s, u"Notiz"_s}}}});
    ASSERT_EQ(noteOnly.status, 201) << noteOnly.body.toStdString();
    EXPECT_EQ(noteOnly.object()[u"changes"_s].toObject(), QJsonObject());
    // Names are unique per owner.
    const HttpResult twice = agent.post(u"/macros"_s, changes({{u"priority"_s, u"low"_s}}));
    EXPECT_EQ(twice.status, 422);
    EXPECT_EQ(errorField(twice), u"name"_s);
    // A change that would leave nothing is refused and changes nothing.
    const QString path = u"/macros/%1"_s.arg(noteOnly.object()[u"id"_s].toInteger());
    EXPECT_EQ(agent.patch(path, {{u"note"_s, QJsonValue::Null}}).status, 422);
    EXPECT_EQ(agent.get(path).object(), noteOnly.object());
}

// The demo data: four shared macros, each one that the API takes.
TEST_F(MacrosTest, TheDemoHasFourSharedMacros)
{
    const QJsonArray items = agent.get(u"/macros"_s).items();
    EXPECT_EQ(items.size(), 4);
    for (const QJsonValue &v : items) {
        EXPECT_TRUE(v[u"shared"_s].toBool());
        QJsonObject copy = v.toObject();
        for (const QString &key : {u"id"_s, u"shared"_s, u"ownerId"_s})
            copy.remove(key);
        const HttpResult r = agent.post(u"/macros"_s, copy);
        EXPECT_EQ(r.status, 201) << r.body.toStdString();
    }
}

} // namespace
