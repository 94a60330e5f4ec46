// The authorization matrix: every endpoint x {anonymous, code user of device A, code user of
// device B, agent, admin} x {public ticket P, internal ticket I}, with the statuses of the API
// contract. After every refused write, a re-read as admin shows that nothing changed (tickets,
// conversation, fleets, staff). What the allowed reads return to code users is checked in
// authz_outputs_test.cpp.
#include "testsupport.h"

#include <QJsonDocument>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

enum Role { Anonymous, CodeUserA, CodeUserB, Agent, Admin };

std::string roleName(Role role)
{
    static const char *const names[] = {"Anonymous", "CodeUserA", "CodeUserB", "Agent", "Admin"};
    return names[role];
}

// The expected status for each role, in Role order.
struct Expect {
    int anonymous, codeUserA, codeUserB, agent, admin;
    int of(Role role) const
    {
        const int byRole[] = {anonymous, codeUserA, codeUserB, agent, admin};
        return byRole[role];
    }
};

enum class Body { None, Json, File };

struct Row {
    const char *method;
    // Placeholders: {ticket} (in the path or body: the row runs once with P, once with I),
    // {deviceA}, {deviceB}, {template}, {customer}, {publicFile} (on P), {internalFile} (on
    // P), {fileOfI}.
    const char *path;
    Body kind;
    const char *body;  // also {flow}, {fields}, {adminLogin}, {codeA}
    Expect onPublic;   // the row as it is, or with {ticket} = P
    Expect onInternal; // with {ticket} = I; unused for rows without {ticket}
};

constexpr Expect Everyone{200, 200, 200, 200, 200};
constexpr Expect SignedIn{401, 200, 200, 200, 200};
constexpr Expect StaffOnly{401, 404, 404, 200, 200}; // code users learn nothing: 404
constexpr Expect SeenByA{401, 200, 404, 200, 200};
constexpr Expect StaffCreate{401, 404, 404, 201, 201};
constexpr Expect Unused{0, 0, 0, 0, 0};
// The staff's library (text modules, macros, views): code users are refused (403).
constexpr Expect Library{401, 403, 403, 200, 200};
constexpr Expect LibraryCreate{401, 403, 403, 201, 201};
constexpr Expect LibraryAdminWrite{401, 403, 403, 403, 200};
constexpr Expect AgentsOwn{401, 403, 403, 200, 404};
constexpr Expect AdminsOwn{401, 403, 403, 404, 200};

const Row matrix[] = {
    {"GET", "/health", Body::None, "", Everyone, Unused},
    {"POST", "/auth/login", Body::Json, R"({"login": "{adminLogin}", "password": "demo"})",
     Everyone, Unused},
    {"POST", "/auth/device-code", Body::Json, R"({"code": "{codeA}", "name": "Matrix"})", Everyone,
     Unused},
    {"GET", "/me", Body::None, "", SignedIn, Unused},
    {"GET", "/flows", Body::None, "", SignedIn, Unused},
    {"GET", "/devices", Body::None, "", SignedIn, Unused},
    {"GET", "/devices/{deviceA}", Body::None, "", SeenByA, Unused},
    {"GET", "/devices/{deviceB}", Body::None, "", {401, 404, 200, 200, 200}, Unused},
    {"GET", "/tickets", Body::None, "", SignedIn, Unused},
    {"GET", "/tickets/facets", Body::None, "", SignedIn, Unused},
    {"GET", "/staff", Body::None, "", StaffOnly, Unused},
    {"GET", "/templates", Body::None, "", StaffOnly, Unused},
    {"GET", "/templates/{template}", Body::None, "", StaffOnly, Unused},
    {"GET", "/customers/{customer}", Body::None, "", StaffOnly, Unused},
    {"GET", "/fleets", Body::None, "", StaffOnly, Unused},
    {"GET", "/stats/ratings", Body::None, "", StaffOnly, Unused},
    // Administration: admins only; agents are told no (403), code users learn nothing (404).
    // The bodies change nothing, so that the admin's success leaves the demo data alone.
    {"PATCH",
     "/fleets/{fleetA}",
     Body::Json,
     R"({"strategy": "{strategyA}"})",
     {401, 404, 404, 403, 200},
     Unused},
    {"PATCH",
     "/staff/{agent}",
     Body::Json,
     R"({"absentFrom": null, "absentTo": null})",
     {401, 404, 404, 403, 200},
     Unused},
    // Text modules: {sharedModule} is shared (admins write it), {agentModule} the agent's
    // personal one, {adminModule} the admin's: another staff member gets 404.
    {"GET", "/text-modules", Body::None, "", Library, Unused},
    {"POST", "/text-modules", Body::Json, R"({"name": "Matrix neu", "body": "Hallo {me.name}"})",
     LibraryCreate, Unused},
    {"POST",
     "/text-modules",
     Body::Json,
     R"({"name": "Matrix neu geteilt", "body": "Hallo", "shared": true})",
     {401, 403, 403, 403, 201},
     Unused},
    {"GET", "/text-modules/{sharedModule}", Body::None, "", Library, Unused},
    {"PATCH", "/text-modules/{sharedModule}", Body::Json, R"({"name": "Matrix geteilt"})",
     LibraryAdminWrite, Unused},
    {"GET", "/text-modules/{agentModule}", Body::None, "", AgentsOwn, Unused},
    {"PATCH", "/text-modules/{agentModule}", Body::Json, R"({"name": "Matrix eigen"})", AgentsOwn,
     Unused},
    {"GET", "/text-modules/{adminModule}", Body::None, "", AdminsOwn, Unused},
    {"PATCH", "/text-modules/{adminModule}", Body::Json, R"({"name": "Matrix Admin"})", AdminsOwn,
     Unused},
    {"DELETE", "/text-modules/{sharedModule}", Body::None, "", {401, 403, 403, 403, 204}, Unused},
    {"DELETE", "/text-modules/{agentModule}", Body::None, "", {401, 403, 403, 204, 404}, Unused},
    {"DELETE", "/text-modules/{adminModule}", Body::None, "", {401, 403, 403, 404, 204}, Unused},
    // Macros: the same rules.
    {"GET", "/macros", Body::None, "", Library, Unused},
    {"POST", "/macros", Body::Json,
     R"({"name": "Matrix neu", "note": {"body": "Hallo {me.name}"}})", LibraryCreate, Unused},
    {"POST",
     "/macros",
     Body::Json,
     R"({"name": "Matrix neu geteilt", "changes": {"priority": "high"}, "shared": true})",
     {401, 403, 403, 403, 201},
     Unused},
    {"GET", "/macros/{sharedMacro}", Body::None, "", Library, Unused},
    {"PATCH", "/macros/{sharedMacro}", Body::Json, R"({"name": "Matrix geteilt"})",
     LibraryAdminWrite, Unused},
    {"GET", "/macros/{agentMacro}", Body::None, "", AgentsOwn, Unused},
    {"PATCH", "/macros/{agentMacro}", Body::Json, R"({"name": "Matrix eigen"})", AgentsOwn, Unused},
    {"GET", "/macros/{adminMacro}", Body::None, "", AdminsOwn, Unused},
    {"PATCH", "/macros/{adminMacro}", Body::Json, R"({"name": "Matrix Admin"})", AdminsOwn, Unused},
    {"DELETE", "/macros/{sharedMacro}", Body::None, "", {401, 403, 403, 403, 204}, Unused},
    {"DELETE", "/macros/{agentMacro}", Body::None, "", {401, 403, 403, 204, 404}, Unused},
    {"DELETE", "/macros/{adminMacro}", Body::None, "", {401, 403, 403, 404, 204}, Unused},
    // Views: the same rules.
    {"GET", "/views", Body::None, "", Library, Unused},
    {"POST", "/views", Body::Json, R"({"name": "Matrix neu", "query": {"status": "new"}})",
     LibraryCreate, Unused},
    {"POST",
     "/views",
     Body::Json,
     R"({"name": "Matrix neu geteilt", "query": {"priority": "high"}, "shared": true})",
     {401, 403, 403, 403, 201},
     Unused},
    {"GET", "/views/{sharedView}", Body::None, "", Library, Unused},
    {"PATCH", "/views/{sharedView}", Body::Json, R"({"name": "Matrix geteilt"})", LibraryAdminWrite,
     Unused},
    {"GET", "/views/{agentView}", Body::None, "", AgentsOwn, Unused},
    {"PATCH", "/views/{agentView}", Body::Json, R"({"name": "Matrix eigen"})", AgentsOwn, Unused},
    {"GET", "/views/{adminView}", Body::None, "", AdminsOwn, Unused},
    {"PATCH", "/views/{adminView}", Body::Json, R"({"name": "Matrix Admin"})", AdminsOwn, Unused},
    {"DELETE", "/views/{sharedView}", Body::None, "", {401, 403, 403, 403, 204}, Unused},
    {"DELETE", "/views/{agentView}", Body::None, "", {401, 403, 403, 204, 404}, Unused},
    {"DELETE", "/views/{adminView}", Body::None, "", {401, 403, 403, 404, 204}, Unused},
    // A code user's body: staff must name the device (422); a staff body: code users may
    // not choose device or visibility (422).
    {"POST",
     "/tickets",
     Body::Json,
     R"({"flowId": {flow}, "title": "Matrix neu", "fields": {fields}})",
     {401, 201, 201, 422, 422},
     Unused},
    {"POST",
     "/tickets",
     Body::Json,
     R"({"flowId": {flow}, "title": "Matrix intern", "fields": {fields}, "deviceId": {deviceA},
         "visibility": "internal"})",
     {401, 422, 422, 201, 201},
     Unused},
    {"GET", "/tickets/{ticket}", Body::None, "", SeenByA, StaffOnly},
    {"PATCH",
     "/tickets/{ticket}",
     Body::Json,
     R"({"priority": "high"})",
     {401, 403, 404, 200, 200},
     StaffOnly},
    // Bulk edits: staff only, and code users are told no (403, the route is no secret);
    // {version} is the ticket's current version (read as admin).
    {"POST",
     "/tickets/bulk",
     Body::Json,
     R"({"tickets": [{"id": {ticket}, "version": {version}}], "changes": {"priority": "high"}})",
     {401, 403, 403, 200, 200},
     {401, 403, 403, 200, 200}},
    {"GET", "/tickets/{ticket}/history", Body::None, "", SeenByA, StaffOnly},
    {"GET", "/tickets/{ticket}/messages", Body::None, "", SeenByA, StaffOnly},
    {"POST",
     "/tickets/{ticket}/messages",
     Body::Json,
     R"({"body": "Matrix-Nachricht"})",
     {401, 201, 404, 201, 201},
     StaffCreate},
    {"GET", "/tickets/{ticket}/notes", Body::None, "", StaffOnly, StaffOnly},
    {"POST", "/tickets/{ticket}/notes", Body::Json, R"({"body": "Matrix-Notiz"})", StaffCreate,
     StaffCreate},
    {"POST",
     "/tickets/{ticket}/attachments",
     Body::File,
     "matrix",
     {401, 201, 404, 201, 201},
     StaffCreate},
    {"POST",
     "/tickets/{ticket}/attachments?internal=true",
     Body::File,
     "matrix",
     {401, 403, 404, 201, 201},
     StaffCreate},
    // P is not resolved yet (409 for its creator); staff never rate (403).
    {"POST",
     "/tickets/{ticket}/rating",
     Body::Json,
     R"({"stars": 5})",
     {401, 409, 404, 403, 403},
     {401, 404, 404, 403, 403}},
    {"GET", "/attachments/{publicFile}", Body::None, "", SeenByA, Unused},
    {"GET", "/attachments/{internalFile}", Body::None, "", StaffOnly, Unused},
    {"GET", "/attachments/{fileOfI}", Body::None, "", StaffOnly, Unused},
};

constexpr qint64 MissingTicket = 999999999;

class AuthzMatrix : public ::testing::TestWithParam<Role>
{
protected:
    TestServer server;
    ApiClient anonymous{server.baseUrl()};
    ApiClient admin{server.baseUrl()};
    ApiClient agent{server.baseUrl()};
    ApiClient userA{server.baseUrl()};
    ApiClient userB{server.baseUrl()};
    qint64 publicId = 0, internalId = 0;
    QHash<QString, QString> values; // placeholder -> text

    ApiClient &client(Role role)
    {
        ApiClient *const byRole[] = {&anonymous, &userA, &userB, &agent, &admin};
        return *byRole[role];
    }

    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_FALSE(admin.loginStaff(demoLogin(u"admin"_s)).isEmpty());
        ASSERT_FALSE(agent.loginStaff(demoLogin(u"agent"_s)).isEmpty());
        ASSERT_FALSE(userA.loginDevice(demoDeviceCode(0), u"Nutzer A"_s).isEmpty());
        ASSERT_FALSE(userB.loginDevice(demoDeviceCode(1), u"Nutzer B"_s).isEmpty());
        const qint64 deviceA = demoDeviceId(0);

        // P: public, on device A, created by code user A, with a message carrying a public
        // file and a note carrying an internal one.
        publicId = createTicket(userA, u"Matrix öffentlich"_s).value(u"id"_s).toInteger();
        ASSERT_GT(publicId, 0);
        const QString publicFile =
            uploadTextFile(userA, publicId, false).object().value(u"id"_s).toString();
        const QString internalFile =
            uploadTextFile(admin, publicId, true).object().value(u"id"_s).toString();
        ASSERT_FALSE(publicFile.isEmpty());
        ASSERT_FALSE(internalFile.isEmpty());
        ASSERT_EQ(userA
                      .post(u"/tickets/%1/messages"_s.arg(publicId),
                            {{u"body"_s, u"Hallo"_s}, {u"attachmentIds"_s, QJsonArray{publicFile}}})
                      .status,
                  201);
        ASSERT_EQ(
            admin
                .post(u"/tickets/%1/notes"_s.arg(publicId),
                      {{u"body"_s, u"Intern"_s}, {u"attachmentIds"_s, QJsonArray{internalFile}}})
                .status,
            201);

        // I: internal, on device A, created by staff, with a note and a message with a file.
        internalId = createTicket(admin, u"Matrix intern"_s,
                                  {{u"deviceId"_s, deviceA}, {u"visibility"_s, u"internal"_s}})
                         .value(u"id"_s)
                         .toInteger();
        ASSERT_GT(internalId, 0);
        const QString fileOfI =
            uploadTextFile(admin, internalId, false).object().value(u"id"_s).toString();
        ASSERT_FALSE(fileOfI.isEmpty());
        ASSERT_EQ(admin
                      .post(u"/tickets/%1/messages"_s.arg(internalId),
                            {{u"body"_s, u"An alle"_s}, {u"attachmentIds"_s, QJsonArray{fileOfI}}})
                      .status,
                  201);
        ASSERT_EQ(
            admin.post(u"/tickets/%1/notes"_s.arg(internalId), {{u"body"_s, u"Notiz"_s}}).status,
            201);

        const QJsonObject device = admin.get(u"/devices/%1"_s.arg(deviceA)).object();
        const qint64 fleetA = device.value(u"fleetId"_s).toInteger();
        QString strategyA;
        for (const QJsonValue &f : admin.get(u"/fleets"_s).items()) {
            if (f[u"id"_s].toInteger() == fleetA)
                strategyA = f[u"strategy"_s].toString();
        }
        ASSERT_FALSE(strategyA.isEmpty());
        qint64 agentId = 0;
        for (const QJsonValue &m : admin.get(u"/staff"_s).items()) {
            if (m[u"login"_s].toString() == demoLogin(u"agent"_s))
                agentId = m[u"id"_s].toInteger();
        }
        ASSERT_GT(agentId, 0);
        const qint64 templateId = device.value(u"templateId"_s).toInteger();
        const QJsonArray flowIds =
            admin.get(u"/templates/%1"_s.arg(templateId)).object().value(u"flowIds"_s).toArray();
        ASSERT_FALSE(flowIds.isEmpty());
        QJsonObject flow;
        for (const QJsonValue &f : admin.get(u"/flows"_s).items()) {
            if (f.toObject().value(u"id"_s) == flowIds.first())
                flow = f.toObject();
        }
        ASSERT_FALSE(flow.isEmpty());
        const auto libraryItem = [](ApiClient &api, const QString &path, const QJsonObject &body) {
            return QString::number(api.post(path, body).object().value(u"id"_s).toInteger());
        };
        values = {
            {u"{sharedModule}"_s,
             libraryItem(
                 admin, u"/text-modules"_s,
                 {{u"name"_s, u"Matrix geteilt"_s}, {u"body"_s, u"Hallo"_s}, {u"shared"_s, true}})},
            {u"{agentModule}"_s,
             libraryItem(agent, u"/text-modules"_s,
                         {{u"name"_s, u"Matrix eigen"_s}, {u"body"_s, u"Hallo"_s}})},
            {u"{adminModule}"_s,
             libraryItem(admin, u"/text-modules"_s,
                         {{u"name"_s, u"Matrix Admin"_s}, {u"body"_s, u"Hallo"_s}})},
            {u"{sharedMacro}"_s,
             libraryItem(admin, u"/macros"_s,
                         {{u"name"_s, u"Matrix geteilt"_s},
                          {u"changes"_s, QJsonObject{{u"priority"_s, u"high"_s}}},
                          {u"shared"_s, true}})},
            {u"{agentMacro}"_s,
             libraryItem(agent, u"/macros"_s,
                         {{u"name"_s, u"Matrix eigen"_s},
                          {u"changes"_s, QJsonObject{{u"priority"_s, u"high"_s}}}})},
            {u"{adminMacro}"_s,
             libraryItem(admin, u"/macros"_s,
                         {{u"name"_s, u"Matrix Admin"_s},
                          {u"changes"_s, QJsonObject{{u"priority"_s, u"high"_s}}}})},
            {u"{sharedView}"_s, libraryItem(admin, u"/views"_s,
                                            {{u"name"_s, u"Matrix geteilt"_s},
                                             {u"query"_s, QJsonObject{{u"priority"_s, u"high"_s}}},
                                             {u"shared"_s, true}})},
            {u"{agentView}"_s,
             libraryItem(agent, u"/views"_s,
                         {{u"name"_s, u"Matrix eigen"_s},
                          {u"query"_s, QJsonObject{{u"priority"_s, u"high"_s}}}})},
            {u"{adminView}"_s,
             libraryItem(admin, u"/views"_s,
                         {{u"name"_s, u"Matrix Admin"_s},
                          {u"query"_s, QJsonObject{{u"priority"_s, u"high"_s}}}})},
            {u"{deviceA}"_s, QString::number(deviceA)},
            {u"{deviceB}"_s, QString::number(demoDeviceId(1))},
            {u"{template}"_s, QString::number(templateId)},
            {u"{customer}"_s, QString::number(device.value(u"customerId"_s).toInteger())},
            {u"{publicFile}"_s, publicFile},
            {u"{internalFile}"_s, internalFile},
            {u"{fileOfI}"_s, fileOfI},
            {u"{flow}"_s, QString::number(flow.value(u"id"_s).toInteger())},
            {u"{fields}"_s,
             QString::fromUtf8(
                 QJsonDocument(requiredFieldValues(flow)).toJson(QJsonDocument::Compact))},
            {u"{adminLogin}"_s, demoLogin(u"admin"_s)},
            {u"{codeA}"_s, demoDeviceCode(0)},
            {u"{fleetA}"_s, QString::number(fleetA)},
            {u"{strategyA}"_s, strategyA},
            {u"{agent}"_s, QString::number(agentId)},
        };
    }

    QString fill(QString text, qint64 ticketId) const
    {
        text.replace(u"{ticket}"_s, QString::number(ticketId));
        for (auto it = values.begin(); it != values.end(); ++it)
            text.replace(it.key(), it.value());
        return text;
    }

    HttpResult run(Role role, const Row &row, qint64 ticketId)
    {
        ApiClient::Headers headers;
        if (row.kind == Body::Json)
            headers.emplace_back("Content-Type", "application/json");
        if (row.kind == Body::File) {
            headers.emplace_back("Content-Type", "text/plain");
            headers.emplace_back("Content-Disposition", "attachment; filename*=UTF-8''matrix.txt");
        }
        // A current If-Match (fetched as admin): a refusal is about the caller, not the version.
        if (QByteArray(row.method) == "PATCH")
            headers.emplace_back("If-Match",
                                 '"' + QByteArray::number(admin.versionOf(ticketId)) + '"');
        QString body = QString::fromUtf8(row.body);
        if (body.contains(u"{version}"_s))
            body.replace(u"{version}"_s, QString::number(admin.versionOf(ticketId)));
        return client(role).send(row.method, fill(QString::fromUtf8(row.path), ticketId),
                                 fill(body, ticketId).toUtf8(), headers);
    }

    // Everything a write could change, read as admin: both tickets in full (version,
    // fields, attachments, rating), their messages and notes, and the number of tickets.
    QJsonObject snapshot()
    {
        QJsonObject s;
        for (const qint64 id : {publicId, internalId}) {
            const QString key = QString::number(id);
            s.insert(key, admin.get(u"/tickets/%1"_s.arg(id)).object());
            s.insert(key + u"/messages"_s,
                     admin.get(u"/tickets/%1/messages?limit=200"_s.arg(id)).items());
            s.insert(key + u"/notes"_s,
                     admin.get(u"/tickets/%1/notes?limit=200"_s.arg(id)).items());
        }
        s.insert(u"tickets"_s, admin.get(u"/tickets/facets"_s).object().value(u"total"_s));
        s.insert(u"fleets"_s, admin.get(u"/fleets"_s).items());
        s.insert(u"staff"_s, admin.get(u"/staff"_s).items());
        for (const QString &path : {u"/text-modules"_s, u"/macros"_s, u"/views"_s}) {
            s.insert(u"admin:"_s + path, admin.get(path).items());
            s.insert(u"agent:"_s + path, agent.get(path).items());
        }
        return s;
    }
};

TEST_P(AuthzMatrix, EveryEndpointAnswersTheContractsStatus)
{
    const Role role = GetParam();
    for (const Row &row : matrix) {
        const bool perTicket =
            QByteArray(row.path).contains("{ticket}") || QByteArray(row.body).contains("{ticket}");
        for (const qint64 ticketId : {publicId, internalId}) {
            if (!perTicket && ticketId == internalId)
                continue;
            const int expected = (ticketId == publicId ? row.onPublic : row.onInternal).of(role);
            const bool write = QByteArray(row.method) != "GET";
            const std::string what = roleName(role) + ' ' + row.method + ' ' +
                                     fill(QString::fromUtf8(row.path), ticketId).toStdString() +
                                     (perTicket ? (ticketId == publicId ? " (P)" : " (I)") : "");
            SCOPED_TRACE(what);
            const QJsonObject before = write ? snapshot() : QJsonObject();
            const HttpResult r = run(role, row, ticketId);
            EXPECT_EQ(r.status, expected) << r.body.left(400).toStdString();
            if (r.status >= 400) {
                EXPECT_FALSE(r.errorCode().isEmpty()) << "no error envelope";
                if (write) {
                    const QJsonObject after = snapshot();
                    EXPECT_TRUE(after == before)
                        << "a refused write changed something\nbefore: "
                        << QJsonDocument(before).toJson().toStdString()
                        << "\nafter: " << QJsonDocument(after).toJson().toStdString();
                }
            }
            // A hidden ticket answers exactly like one that does not exist.
            if (perTicket && expected == 404) {
                const HttpResult missing = run(role, row, MissingTicket);
                EXPECT_EQ(missing.status, r.status);
                EXPECT_EQ(missing.body, r.body) << "the answer tells hidden from missing";
            }
        }
    }
}

TEST_P(AuthzMatrix, EventStreamNeedsASignInAndLogoutEndsTheSession)
{
    const Role role = GetParam();
    ApiClient &api = client(role);
    EventClient events;
    EXPECT_EQ(events.open(server.baseUrl(), api.token()), role != Anonymous);
    EXPECT_EQ(api.send("POST", u"/auth/logout"_s, {}).status, role == Anonymous ? 401 : 204);
    EXPECT_EQ(api.get(u"/me"_s).status, 401);
    EXPECT_EQ(api.get(u"/tickets/%1"_s.arg(publicId)).status, 401);
    EventClient afterLogout;
    EXPECT_FALSE(afterLogout.open(server.baseUrl(), api.token()));
}

INSTANTIATE_TEST_SUITE_P(Roles, AuthzMatrix,
                         ::testing::Values(Anonymous, CodeUserA, CodeUserB, Agent, Admin),
                         [](const ::testing::TestParamInfo<Role> &info) {
                             return roleName(info.param);
                         });

} // namespace
