// Bad input against a real ticket-server, part 1: every JSON-taking endpoint gets
// malformed bodies, wrong types, unknown fields, out-of-range values, control characters
// and wrong media types. Each refusal must carry the contract's status and error shape,
// give nothing away (no SQL, paths, traces) and change nothing: after every refused
// request the ticket, its conversation and the ticket counts are read again and compared.
// Part 2 (bad_input_files_test.cpp): filters, SQL and HTML text, file names and uploads.
#include "apiassertions.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QTcpSocket>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

using Headers = ApiClient::Headers;
using Header = QPair<QByteArray, QByteArray>;

QByteArray toJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject with(QJsonObject o, const QString &key, const QJsonValue &value)
{
    o.insert(key, value);
    return o;
}

QJsonObject without(QJsonObject o, const QString &key)
{
    o.remove(key);
    return o;
}

// A single-line text with one control character in the middle.
QString withControl(char16_t c)
{
    return u"Vor"_s + QChar(c) + u"nach"_s;
}

// One request over a plain socket, without any Content-Type (QNetworkAccessManager always
// adds one to a request with a body).
HttpResult sendRaw(quint16 port, const QByteArray &method, const QString &path,
                   const QByteArray &token, const QByteArray &body, const Headers &headers = {})
{
    HttpResult r;
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, port);
    if (!socket.waitForConnected(10000))
        return r;
    QByteArray request = method + " /api/v1" + path.toUtf8() +
                         " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                         "Content-Length: " +
                         QByteArray::number(body.size()) + "\r\n";
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token + "\r\n";
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    socket.write(request + "\r\n" + body);
    QByteArray answer;
    while (socket.waitForReadyRead(10000))
        answer += socket.readAll();
    answer += socket.readAll();
    const qsizetype end = answer.indexOf("\r\n\r\n");
    const QList<QByteArray> head = answer.left(end).split('\n');
    r.status = head.value(0).split(' ').value(1).toInt();
    for (const QByteArray &line : head.mid(1)) {
        const qsizetype colon = line.indexOf(':');
        r.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    r.body = end < 0 ? QByteArray() : answer.mid(end + 4);
    r.json = QJsonDocument::fromJson(r.body).object();
    return r;
}

struct Case {
    std::string what;
    QByteArray body;
    int status;
    QString field = {};
};

Case jsonCase(const std::string &what, const QJsonObject &body, int status, const QString &field)
{
    return {what, toJson(body), status, field};
}

// Bodies that are no JSON object; `key` is a string field the endpoint knows.
QList<Case> malformedBodies(const QByteArray &key)
{
    const QByteArray k = '"' + key + '"';
    return {
        {"truncated JSON", "{" + k + ": \"abc", 400},
        {"JSON cut after a comma", "{" + k + ": \"abc\",", 400},
        {"a JSON array instead of an object", "[{" + k + ": \"abc\"}]", 400},
        {"invalid UTF-8 bytes in a string", "{" + k + ": \"a\xff\xfe z\"}", 400},
        {"overlong UTF-8 in a string", "{" + k + ": \"a\xc0\xaf z\"}", 400},
        {"a lone UTF-8 continuation byte", "{" + k + ": \"a\x80 z\"}", 400},
        {"an empty body", "", 400},
        {"JSON null", "null", 400},
        {"a JSON string", k, 400},
        {"a JSON number", "42", 400},
        {"garbage after the object", "{} x", 400},
        {"single quotes", "{'" + key + "': 'abc'}", 400},
        {"a trailing comma", "{" + k + ": \"abc\",}", 400},
        {"NaN", "{" + k + ": NaN}", 400},
        {"deep nesting", "{" + k + ": " + QByteArray(3000, '[') + QByteArray(3000, ']') + "}", 400},
    };
}

class BadInputTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_server.isRunning()) << m_server.output().toStdString();
        ASSERT_FALSE(staff.loginStaff(demoLogin(u"admin"_s)).isEmpty());
        ASSERT_FALSE(user.loginDevice(demoDeviceCode(0), u"Prüferin"_s).isEmpty());
        flow = user.get(u"/flows"_s).items().first().toObject();
        ASSERT_FALSE(flow.isEmpty());
        userTicket = {{u"flowId"_s, flow.value(u"id"_s)},
                      {u"title"_s, u"Gültiges Ticket"_s},
                      {u"description"_s, u"Eine Beschreibung.\nZweite Zeile."_s},
                      {u"fields"_s, requiredFieldValues(flow)}};
        staffTicket = with(userTicket, u"deviceId"_s, demoDeviceId(0));
        const QJsonObject created = createTicket(user, u"Ziel der schlechten Eingaben"_s);
        ASSERT_FALSE(created.isEmpty());
        ticketId = created.value(u"id"_s).toInteger();
        rebase();
        ASSERT_EQ(before.value(u"facetsStatus"_s).toInt(), 200);
        ASSERT_GT(before.value(u"version"_s).toInteger(), 0);
        ASSERT_TRUE(before.value(u"messages"_s).toObject().value(u"items"_s).isArray());
    }

    QString ticketPath(const QString &rest = {}) const
    {
        return u"/tickets/%1"_s.arg(ticketId) + rest;
    }

    // What a refused request must leave alone: the ticket counts, the ticket, its
    // messages and notes (read as an admin).
    QJsonObject snapshot()
    {
        const HttpResult facets = staff.get(u"/tickets/facets"_s);
        QJsonObject s{{u"facetsStatus"_s, facets.status}, {u"facets"_s, facets.object()}};
        const QJsonObject t = staff.get(ticketPath()).object();
        for (const QString &key : {u"version"_s, u"updatedAt"_s, u"title"_s, u"description"_s,
                                   u"status"_s, u"priority"_s, u"visibility"_s, u"assigneeId"_s,
                                   u"fields"_s, u"attachments"_s, u"rating"_s}) {
            s.insert(key, t.value(key));
        }
        s.insert(u"messages"_s, staff.get(ticketPath(u"/messages?limit=200"_s)).object());
        s.insert(u"notes"_s, staff.get(ticketPath(u"/notes?limit=200"_s)).object());
        return s;
    }
    void rebase() { before = snapshot(); }
    void expectUnchanged(const std::string &what)
    {
        const QJsonObject now = snapshot();
        EXPECT_TRUE(now == before) << what << ": a refused request changed something\n  before: "
                                   << toJson(before).left(2000).toStdString()
                                   << "\n  after:  " << toJson(now).left(2000).toStdString();
    }

    void refuse(ApiClient &as, const QByteArray &method, const QString &path, const Case &c,
                Headers headers = {{"Content-Type", "application/json"}})
    {
        const std::string what = method.toStdString() + ' ' + path.toStdString() + ", " + c.what;
        expectError(as.send(method, path, c.body, headers), c.status, c.field, what);
        expectUnchanged(what);
    }

    // The malformed bodies, the endpoint's own cases, wrong media types (415) and a body
    // over the JSON limit (413). `valid` is a body the endpoint would accept.
    void refuseAll(ApiClient &as, const QByteArray &method, const QString &path,
                   const QByteArray &key, const QJsonObject &valid, const QList<Case> &cases,
                   const Headers &extra = {})
    {
        Headers json = extra;
        json.append(Header("Content-Type", "application/json"));
        for (const Case &c : malformedBodies(key) + cases)
            refuse(as, method, path, c, json);
        for (const QByteArray type :
             {"text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded",
              "application/xml", "multipart/form-data; boundary=x", "application/jsonx",
              "text/json"}) {
            Headers h = extra;
            h.append(Header("Content-Type", type));
            refuse(as, method, path, {"Content-Type " + type.toStdString(), toJson(valid), 415}, h);
        }
        const std::string what = method.toStdString() + ' ' + path.toStdString();
        expectError(sendRaw(m_server.port(), method, path, as.token(), toJson(valid), extra), 415,
                    {}, what + ", no Content-Type");
        expectUnchanged(what + ", no Content-Type");
        const QByteArray huge = "{\"" + key + "\": \"" + QByteArray(1024 * 1024 + 10, 'x') + "\"}";
        refuse(as, method, path, {"a body over 1 MiB", huge, 413}, json);
    }

    TestServer m_server; // a fresh server and data folder per test
    ApiClient staff{m_server.baseUrl()};
    ApiClient user{m_server.baseUrl()};
    QJsonObject flow, userTicket, staffTicket, before;
    qint64 ticketId = 0;
};

TEST_F(BadInputTest, LoginRefusesBadBodies)
{
    ApiClient anon(m_server.baseUrl());
    const QJsonObject valid{{u"login"_s, demoLogin(u"agent"_s)}, {u"password"_s, u"demo"_s}};
    refuseAll(
        anon, "POST", u"/auth/login"_s, "login", valid,
        {jsonCase("login as a number", with(valid, u"login"_s, 5), 400, u"login"_s),
         jsonCase("login as null", with(valid, u"login"_s, QJsonValue()), 400, u"login"_s),
         jsonCase("password as an array", with(valid, u"password"_s, QJsonArray{u"demo"_s}), 400,
                  u"password"_s),
         jsonCase("unknown field role", with(valid, u"role"_s, u"admin"_s), 422, u"role"_s),
         jsonCase("unknown field isAdmin", with(valid, u"isAdmin"_s, true), 422, u"isAdmin"_s),
         jsonCase("login missing", without(valid, u"login"_s), 422, u"login"_s),
         jsonCase("login with BEL", with(valid, u"login"_s, withControl(0x07)), 422, u"login"_s),
         jsonCase("login of 121 characters", with(valid, u"login"_s, QString(121, u'a')), 422,
                  u"login"_s)});
    // None of this counted as a failed sign-in.
    EXPECT_FALSE(anon.loginStaff(demoLogin(u"agent"_s)).isEmpty());
}

TEST_F(BadInputTest, DeviceCodeRefusesBadBodies)
{
    ApiClient anon(m_server.baseUrl());
    const QJsonObject valid{{u"code"_s, demoDeviceCode(0)}, {u"name"_s, u"Herr Test"_s}};
    refuseAll(anon, "POST", u"/auth/device-code"_s, "name", valid,
              {jsonCase("code as a number", with(valid, u"code"_s, 1234), 400, u"code"_s),
               jsonCase("name as an object", with(valid, u"name"_s, QJsonObject{}), 400, u"name"_s),
               jsonCase("unknown field deviceId", with(valid, u"deviceId"_s, demoDeviceId(1)), 422,
                        u"deviceId"_s),
               jsonCase("unknown field role", with(valid, u"role"_s, u"admin"_s), 422, u"role"_s),
               jsonCase("empty name", with(valid, u"name"_s, u""_s), 422, u"name"_s),
               jsonCase("blank name", with(valid, u"name"_s, u"   "_s), 422, u"name"_s),
               jsonCase("name with a newline", with(valid, u"name"_s, withControl(u'\n')), 422,
                        u"name"_s),
               jsonCase("name with ESC", with(valid, u"name"_s, withControl(0x1b)), 422, u"name"_s),
               jsonCase("name of 121 characters", with(valid, u"name"_s, QString(121, u'n')), 422,
                        u"name"_s)});
    EXPECT_EQ(anon.post(u"/auth/device-code"_s, valid).status, 200);
}

// Wrong types, out-of-range values and control characters in the fields a code user and
// staff share, and the flow's form fields.
QList<Case> sharedTicketCases(const QJsonObject &valid, const QJsonObject &flow)
{
    QList<Case> cases{
        jsonCase("flowId as a string", with(valid, u"flowId"_s, u"1"_s), 400, u"flowId"_s),
        jsonCase("flowId as a fraction", with(valid, u"flowId"_s, 1.5), 400, u"flowId"_s),
        jsonCase("flowId 0", with(valid, u"flowId"_s, 0), 422, u"flowId"_s),
        jsonCase("flowId -1", with(valid, u"flowId"_s, -1), 422, u"flowId"_s),
        jsonCase("flowId unknown", with(valid, u"flowId"_s, 999999), 422, u"flowId"_s),
        jsonCase("flowId missing", without(valid, u"flowId"_s), 422, u"flowId"_s),
        jsonCase("title as a number", with(valid, u"title"_s, 5), 400, u"title"_s),
        jsonCase("title as an array", with(valid, u"title"_s, QJsonArray{u"x"_s}), 400, u"title"_s),
        jsonCase("title missing", without(valid, u"title"_s), 422, u"title"_s),
        jsonCase("empty title", with(valid, u"title"_s, u""_s), 422, u"title"_s),
        jsonCase("blank title", with(valid, u"title"_s, u" \t "_s), 422, u"title"_s),
        jsonCase("title of 201 characters", with(valid, u"title"_s, QString(201, u't')), 422,
                 u"title"_s),
        jsonCase("title with BEL", with(valid, u"title"_s, withControl(0x07)), 422, u"title"_s),
        jsonCase("title with a newline", with(valid, u"title"_s, withControl(u'\n')), 422,
                 u"title"_s),
        jsonCase("title with NUL", with(valid, u"title"_s, withControl(0)), 422, u"title"_s),
        jsonCase("title with DEL", with(valid, u"title"_s, withControl(0x7f)), 422, u"title"_s),
        jsonCase("description as a number", with(valid, u"description"_s, 7), 400,
                 u"description"_s),
        jsonCase("description of 20001 characters",
                 with(valid, u"description"_s, QString(20001, u'd')), 422, u"description"_s),
        jsonCase("description with BEL", with(valid, u"description"_s, withControl(0x07)), 422,
                 u"description"_s),
        jsonCase("description with ESC", with(valid, u"description"_s, withControl(0x1b)), 422,
                 u"description"_s),
        jsonCase("fields as an array", with(valid, u"fields"_s, QJsonArray{}), 400, u"fields"_s),
        jsonCase("fields as a string", with(valid, u"fields"_s, u"x"_s), 400, u"fields"_s),
        jsonCase("unknown field id", with(valid, u"id"_s, 1), 422, u"id"_s),
        jsonCase("unknown field status", with(valid, u"status"_s, u"closed"_s), 422, u"status"_s),
        jsonCase("unknown field version", with(valid, u"version"_s, 9), 422, u"version"_s),
        jsonCase("unknown field createdBy", with(valid, u"createdBy"_s, QJsonObject{}), 422,
                 u"createdBy"_s),
        jsonCase("unknown field number", with(valid, u"number"_s, 7), 422, u"number"_s)};
    const QJsonObject fields = valid.value(u"fields"_s).toObject();
    auto withField = [&](const QString &key, const QJsonValue &v) {
        return with(valid, u"fields"_s, with(fields, key, v));
    };
    cases.append(
        jsonCase("unknown form field", withField(u"hacked"_s, 1), 422, u"fields.hacked"_s));
    for (const QJsonValue &v : flow.value(u"fields"_s).toArray()) {
        const QJsonObject f = v.toObject();
        const QString key = f.value(u"key"_s).toString(), type = f.value(u"type"_s).toString();
        const QString name = u"fields."_s + key;
        const std::string what = "form field " + key.toStdString();
        if (type == u"select") {
            cases.append(jsonCase(what + " off its options", withField(key, u"nope"_s), 422, name));
            cases.append(jsonCase(what + " as a number", withField(key, 3), 400, name));
        } else if (type == u"boolean") {
            cases.append(jsonCase(what + " as a string", withField(key, u"yes"_s), 400, name));
        } else if (type == u"number") {
            cases.append(jsonCase(what + " as a string", withField(key, u"12"_s), 400, name));
        } else {
            const int max = f.value(u"maxLength"_s).toInt(type == u"textarea" ? 20000 : 200);
            cases.append(jsonCase(what + " as a number", withField(key, 5), 400, name));
            cases.append(
                jsonCase(what + " too long", withField(key, QString(max + 1, u'f')), 422, name));
            cases.append(
                jsonCase(what + " with BEL", withField(key, withControl(0x07)), 422, name));
        }
    }
    return cases;
}

TEST_F(BadInputTest, CodeUserTicketCreationRefusesBadBodies)
{
    QList<Case> cases = sharedTicketCases(userTicket, flow);
    // Staff-only fields are unknown to code users.
    for (const auto &[key, value] :
         QList<QPair<QString, QJsonValue>>{{u"deviceId"_s, demoDeviceId(1)},
                                           {u"visibility"_s, u"internal"_s},
                                           {u"priority"_s, u"high"_s},
                                           {u"assigneeId"_s, 1}}) {
        cases.append(jsonCase("code user sets " + key.toStdString(), with(userTicket, key, value),
                              422, key));
    }
    refuseAll(user, "POST", u"/tickets"_s, "title", userTicket, cases);
    EXPECT_EQ(user.post(u"/tickets"_s, userTicket).status, 201);
}

TEST_F(BadInputTest, StaffTicketCreationRefusesBadBodies)
{
    const QJsonObject &v = staffTicket;
    QList<Case> cases = sharedTicketCases(v, flow);
    cases += QList<Case>{
        jsonCase("priority urgent", with(v, u"priority"_s, u"urgent"_s), 422, u"priority"_s),
        jsonCase("priority in capitals", with(v, u"priority"_s, u"HIGH"_s), 422, u"priority"_s),
        jsonCase("priority as a number", with(v, u"priority"_s, 2), 400, u"priority"_s),
        jsonCase("empty priority", with(v, u"priority"_s, u""_s), 422, u"priority"_s),
        jsonCase("visibility secret", with(v, u"visibility"_s, u"secret"_s), 422, u"visibility"_s),
        jsonCase("visibility as a boolean", with(v, u"visibility"_s, true), 400, u"visibility"_s),
        jsonCase("deviceId as a string", with(v, u"deviceId"_s, u"1"_s), 400, u"deviceId"_s),
        jsonCase("deviceId 0", with(v, u"deviceId"_s, 0), 422, u"deviceId"_s),
        jsonCase("deviceId unknown", with(v, u"deviceId"_s, 999999), 422, u"deviceId"_s),
        jsonCase("deviceId missing", without(v, u"deviceId"_s), 422, u"deviceId"_s),
        jsonCase("assigneeId as a string", with(v, u"assigneeId"_s, u"me"_s), 400, u"assigneeId"_s),
        jsonCase("assigneeId 0", with(v, u"assigneeId"_s, 0), 422, u"assigneeId"_s),
        jsonCase("assigneeId unknown", with(v, u"assigneeId"_s, 999999), 422, u"assigneeId"_s),
        jsonCase("unknown field customerId", with(v, u"customerId"_s, 1), 422, u"customerId"_s),
        jsonCase("unknown field createdAt", with(v, u"createdAt"_s, u"2020-01-01T00:00:00.000Z"_s),
                 422, u"createdAt"_s)};
    refuseAll(staff, "POST", u"/tickets"_s, "title", v, cases);
    EXPECT_EQ(staff.post(u"/tickets"_s, with(v, u"priority"_s, u"high"_s)).status, 201);
}

TEST_F(BadInputTest, TicketEditRefusesBadBodies)
{
    const Headers ifMatch{{"If-Match", '"' + QByteArray::number(staff.versionOf(ticketId)) + '"'}};
    const QString path = ticketPath();
    const QList<Case> cases{
        jsonCase("priority urgent", {{u"priority"_s, u"urgent"_s}}, 422, u"priority"_s),
        jsonCase("priority as a number", {{u"priority"_s, 3}}, 400, u"priority"_s),
        jsonCase("status done", {{u"status"_s, u"done"_s}}, 422, u"status"_s),
        jsonCase("status as a number", {{u"status"_s, 1}}, 400, u"status"_s),
        jsonCase("visibility secret", {{u"visibility"_s, u"secret"_s}}, 422, u"visibility"_s),
        jsonCase("assigneeId as a string", {{u"assigneeId"_s, u"x"_s}}, 400, u"assigneeId"_s),
        jsonCase("assigneeId as an array", {{u"assigneeId"_s, QJsonArray{1}}}, 400,
                 u"assigneeId"_s),
        jsonCase("assigneeId 0", {{u"assigneeId"_s, 0}}, 422, u"assigneeId"_s),
        jsonCase("assigneeId unknown", {{u"assigneeId"_s, 999999}}, 422, u"assigneeId"_s),
        jsonCase("title as a number", {{u"title"_s, 5}}, 400, u"title"_s),
        jsonCase("empty title", {{u"title"_s, u""_s}}, 422, u"title"_s),
        jsonCase("title of 201 characters", {{u"title"_s, QString(201, u't')}}, 422, u"title"_s),
        jsonCase("title with BEL", {{u"title"_s, withControl(0x07)}}, 422, u"title"_s),
        jsonCase("title with a newline", {{u"title"_s, withControl(u'\n')}}, 422, u"title"_s),
        jsonCase("unknown field version", {{u"version"_s, 99}}, 422, u"version"_s),
        jsonCase("unknown field id", {{u"id"_s, 1}}, 422, u"id"_s),
        jsonCase("unknown field description", {{u"description"_s, u"x"_s}}, 422, u"description"_s),
        jsonCase("unknown field deviceId", {{u"deviceId"_s, demoDeviceId(1)}}, 422, u"deviceId"_s),
        jsonCase("a valid change with an unknown field",
                 {{u"priority"_s, u"high"_s}, {u"hacked"_s, 1}}, 422, u"hacked"_s),
        jsonCase("no change at all", {}, 422, {})};
    refuseAll(staff, "PATCH", path, "title", {{u"priority"_s, u"high"_s}}, cases, ifMatch);
    const QByteArray body = toJson({{u"priority"_s, u"high"_s}});
    const Headers json{{"Content-Type", "application/json"}};
    refuse(staff, "PATCH", path, {"If-Match missing", body, 428}, json);
    refuse(staff, "PATCH", path, {"If-Match stale", body, 412},
           json + Headers{{"If-Match", "\"999\""}});
    refuse(staff, "PATCH", path, {"If-Match garbage", body, 400, u"If-Match"_s},
           json + Headers{{"If-Match", "\"1; DROP TABLE tickets\""}});
    EXPECT_EQ(staff.patch(path, {{u"priority"_s, u"high"_s}}, ifMatch).status, 200);
}

QList<Case> postCases(const QString &key)
{
    const QJsonObject v{{u"body"_s, u"Hallo"_s}};
    QJsonArray tooMany;
    for (int i = 0; i < 21; ++i)
        tooMany.append(u"0123456789abcdef0123456789abcd%1"_s.arg(i, 2, 10, QChar(u'0')));
    return {
        jsonCase("body as a number", with(v, key, 5), 400, key),
        jsonCase("body as null", with(v, key, QJsonValue()), 400, key),
        jsonCase("body as an object", with(v, key, QJsonObject{}), 400, key),
        jsonCase("attachmentIds as an object", with(v, u"attachmentIds"_s, QJsonObject{}), 400,
                 u"attachmentIds"_s),
        jsonCase("attachmentIds as a string", with(v, u"attachmentIds"_s, u"abc"_s), 400,
                 u"attachmentIds"_s),
        jsonCase("attachmentIds of numbers", with(v, u"attachmentIds"_s, QJsonArray{1}), 400,
                 u"attachmentIds"_s),
        jsonCase("21 attachmentIds", with(v, u"attachmentIds"_s, tooMany), 422, u"attachmentIds"_s),
        jsonCase("body missing", {}, 422, key),
        jsonCase("blank body", with(v, key, u" \n "_s), 422, key),
        jsonCase("body of 20001 characters", with(v, key, QString(20001, u'b')), 422, key),
        jsonCase("body with BEL", with(v, key, withControl(0x07)), 422, key),
        jsonCase("body with NUL", with(v, key, withControl(0)), 422, key),
        jsonCase("unknown field internal", with(v, u"internal"_s, true), 422, u"internal"_s),
        jsonCase("unknown field seq", with(v, u"seq"_s, 1), 422, u"seq"_s),
        jsonCase("unknown field author", with(v, u"author"_s, QJsonObject{}), 422, u"author"_s),
        jsonCase("unknown field ticketId", with(v, u"ticketId"_s, 1), 422, u"ticketId"_s)};
}

TEST_F(BadInputTest, MessagesAndNotesRefuseBadBodies)
{
    const QJsonObject valid{{u"body"_s, u"Hallo"_s}};
    for (const QString &kind : {u"/messages"_s, u"/notes"_s}) {
        ApiClient &as = kind == u"/messages" ? user : staff;
        refuseAll(as, "POST", ticketPath(kind), "body", valid, postCases(u"body"_s));
        refuse(as, "POST", ticketPath(kind + u"?foo=1"_s),
               {"unknown parameter", toJson(valid), 400, u"foo"_s});
        EXPECT_EQ(as.post(ticketPath(kind), valid).status, 201);
        rebase();
    }
}

TEST_F(BadInputTest, RatingRefusesBadBodies)
{
    ASSERT_EQ(staff
                  .patch(ticketPath(), {{u"status"_s, u"resolved"_s}},
                         {{"If-Match", '"' + QByteArray::number(staff.versionOf(ticketId)) + '"'}})
                  .status,
              200);
    rebase();
    const QJsonObject v{{u"stars"_s, 4}, {u"comment"_s, u"Gut."_s}};
    const QString path = ticketPath(u"/rating"_s);
    refuseAll(
        user, "POST", path, "comment", v,
        {jsonCase("stars 0", with(v, u"stars"_s, 0), 422, u"stars"_s),
         jsonCase("stars 6", with(v, u"stars"_s, 6), 422, u"stars"_s),
         jsonCase("stars -1", with(v, u"stars"_s, -1), 422, u"stars"_s),
         jsonCase("stars 1e9", with(v, u"stars"_s, 1e9), 422, u"stars"_s),
         jsonCase("stars as a string", with(v, u"stars"_s, u"5"_s), 400, u"stars"_s),
         jsonCase("stars as a fraction", with(v, u"stars"_s, 4.5), 400, u"stars"_s),
         jsonCase("stars as a boolean", with(v, u"stars"_s, true), 400, u"stars"_s),
         jsonCase("stars as null", with(v, u"stars"_s, QJsonValue()), 400, u"stars"_s),
         jsonCase("stars as an array", with(v, u"stars"_s, QJsonArray{5}), 400, u"stars"_s),
         jsonCase("stars missing", without(v, u"stars"_s), 422, u"stars"_s),
         jsonCase("comment as a number", with(v, u"comment"_s, 5), 400, u"comment"_s),
         jsonCase("comment of 2001 characters", with(v, u"comment"_s, QString(2001, u'c')), 422,
                  u"comment"_s),
         jsonCase("comment with BEL", with(v, u"comment"_s, withControl(0x07)), 422, u"comment"_s),
         jsonCase("unknown field ticketId", with(v, u"ticketId"_s, 1), 422, u"ticketId"_s),
         jsonCase("unknown field createdBy", with(v, u"createdBy"_s, 1), 422, u"createdBy"_s),
         jsonCase("unknown field assigneeId", with(v, u"assigneeId"_s, 1), 422, u"assigneeId"_s)});
    refuse(user, "POST", path + u"?stars=5"_s, {"unknown parameter", toJson(v), 400, u"stars"_s});
    // Nothing of the above was stored: the one rating is still possible.
    const HttpResult rated = user.post(path, v);
    EXPECT_EQ(rated.status, 201) << rated.body.toStdString();
}

} // namespace

namespace {

TEST_F(BadInputTest, BulkEditRefusesBadBodies)
{
    const QJsonObject one{{u"id"_s, ticketId}, {u"version"_s, before.value(u"version"_s)}};
    const QJsonObject valid{{u"tickets"_s, QJsonArray{one}},
                            {u"note"_s, QJsonObject{{u"body"_s, u"Gültig"_s}}}};
    refuseAll(
        staff, "POST", u"/tickets/bulk"_s, "query", valid,
        {jsonCase("no such macro", with(valid, u"macroId"_s, 999999), 422, u"macroId"_s),
         jsonCase("macroId as text", with(valid, u"macroId"_s, u"1"_s), 400, u"macroId"_s),
         jsonCase("tickets as an object", with(valid, u"tickets"_s, one), 400, u"tickets"_s),
         jsonCase("query as a string",
                  without(with(valid, u"query"_s, u"status=new"_s), u"tickets"_s), 400, u"query"_s),
         jsonCase("note with BEL", with(valid, u"note"_s, QJsonObject{{u"body"_s, withControl(7)}}),
                  422, u"note.body"_s)});
    EXPECT_EQ(staff.post(u"/tickets/bulk"_s, valid).object()[u"applied"_s].toInt(), 1);
}

} // namespace
