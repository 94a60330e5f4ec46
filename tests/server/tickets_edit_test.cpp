// Writing tickets against a real ticket-server: creation and its validation,
// idempotency, staff edits with If-Match, and history.
#include "tickets_fixture.h"

using namespace ticketstest;

namespace {

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
    // Device A is in the round-robin fleet Nord: assigned by its rule (assignment_test), a
    // record staff see and the code user does not.
    EXPECT_FALSE(t.contains(u"assignment"_s));
    EXPECT_FALSE(t.value(u"assigneeId"_s).isNull());
    EXPECT_EQ(
        staff.get(u"/tickets/%1"_s.arg(idOf(t))).object()[u"assignment"_s][u"by"_s].toString(),
        u"rule"_s);
    EXPECT_TRUE(ids(listAll(userA, {})).contains(idOf(t)));
    const QJsonArray history = userA.get(u"/tickets/%1/history"_s.arg(idOf(t))).items();
    ASSERT_EQ(history.size(), 2); // the `assignment` record is staff-only
    EXPECT_EQ(history[0][u"field"_s].toString(), u"created"_s);
    EXPECT_EQ(history[1][u"field"_s].toString(), u"assigneeId"_s);
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
    ApiClient lift{m_server.baseUrl()}; // demo device 4: a lift, which orders no parts
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
    EXPECT_EQ(again.header("etag"), first.header("etag")) << "the first answer again, headers too";
    EXPECT_FALSE(again.header("etag").isEmpty());
    EXPECT_EQ(search(staff, u"Quittungsdrucker "_s + QString::fromLatin1(key.left(8))).size(), 1);
    const HttpResult other =
        userA.post(u"/tickets"_s, body(title + u" anders"_s), {{"Idempotency-Key", key}});
    EXPECT_EQ(other.status, 422) << other.body.toStdString();
}

TEST_F(TicketsTest, StaffChangesTicketsWithIfMatch)
{
    // Unassigned at first (no fleet rule), so that the patch assigns.
    const qint64 id =
        idOf(create(staff, u"Walzenlager Fehlerbild"_s,
                    {{u"deviceId"_s, demoDeviceId(0)}, {u"assigneeId"_s, QJsonValue::Null}}));
    EventClient events;
    ASSERT_TRUE(events.open(m_server.baseUrl(), staff.token()));
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
    // The manual `assignment` record follows the changes (staff only).
    EXPECT_EQ(fields, (QStringList{u"created"_s, u"status"_s, u"priority"_s, u"assigneeId"_s,
                                   u"title"_s, u"assignment"_s}));
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

TEST_F(TicketsTest, RepeatedEditWithItsIdempotencyKeyGetsItsAnswerNotA412)
{
    // A client that lost the answer to its edit sends it again with the same key.
    const qint64 id = idOf(create(userA, u"Antwort verloren"_s));
    const QString path = u"/tickets/%1"_s.arg(id);
    const ApiClient::Headers headers{{"If-Match", "\"1\""}, {"Idempotency-Key", "edit-1"}};
    const HttpResult first = staff.patch(path, {{u"priority"_s, u"high"_s}}, headers);
    ASSERT_EQ(first.status, 200);
    const HttpResult again = staff.patch(path, {{u"priority"_s, u"high"_s}}, headers);
    EXPECT_EQ(again.status, 200);
    EXPECT_EQ(again.header("idempotent-replayed"), "true");
    EXPECT_EQ(again.object().value(u"version"_s).toInteger(), 2);
    EXPECT_EQ(staff.get(path).object().value(u"version"_s).toInteger(), 2);
    // Without the key, the same edit on the old version is stale.
    EXPECT_EQ(staff.patch(path, {{u"priority"_s, u"high"_s}}, {{"If-Match", "\"1\""}}).status, 412);
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
    // The automatic assignment's record (`assignment`) is for staff only.
    EXPECT_EQ(fields(staff),
              (QStringList{u"created"_s, u"assigneeId"_s, u"assignment"_s, u"visibility"_s,
                           u"status"_s, u"visibility"_s, u"priority"_s}));
    EXPECT_EQ(fields(userA), (QStringList{u"created"_s, u"assigneeId"_s, u"priority"_s}));
    const QJsonObject last = staff.get(u"/tickets/%1/history"_s.arg(id)).items().last().toObject();
    EXPECT_EQ(last.value(u"from"_s).toString(), u"normal"_s);
    EXPECT_EQ(last.value(u"to"_s).toString(), u"high"_s);
    EXPECT_EQ(last.value(u"actor"_s)[u"id"_s].toInteger(), staffId);
}

} // namespace
