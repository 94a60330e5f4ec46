// Bad input against a real ticket-server, part 2: ticket and conversation list
// parameters with junk (400 naming the parameter), full-text search with FTS operators,
// SQL and HTML in every text field (stored and returned verbatim, never executed), and
// attachments: path traversal and control characters in file names, missing types, uploads
// over the limit. Refusals must change nothing. Part 1: bad_input_test.cpp.
#include "apiassertions.h"
#include "testsupport.h"

#include <QDir>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QUrl>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

using Headers = ApiClient::Headers;
using Header = QPair<QByteArray, QByteArray>;

QString enc(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

// The strings that go into every text field.
const QStringList &nastyTexts()
{
    static const QStringList texts{u"'; DROP TABLE tickets; --"_s,
                                   u"\" OR 1=1 --"_s,
                                   u"Robert'); DELETE FROM messages WHERE ('1'='1"_s,
                                   u"<script>alert(1)</script>"_s,
                                   u"<b>x</b>&amp; <img src=x onerror=alert(1)>"_s,
                                   u"%00 %s %n {{7*7}} ${7*7} \\u0000 \\\""_s,
                                   u"Störung 🎫🔥 שלום עולם مرحبا بالعالم"_s};
    return texts;
}

class BadTextAndFilesTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_server.isRunning()) << m_server.output().toStdString();
        ASSERT_FALSE(staff.loginStaff(demoLogin(u"admin"_s)).isEmpty());
        ASSERT_FALSE(user.loginDevice(demoDeviceCode(0), u"Prüferin"_s).isEmpty());
        const QJsonObject created = createTicket(user, u"Ziel der schlechten Eingaben"_s);
        ASSERT_FALSE(created.isEmpty());
        ticketId = created.value(u"id"_s).toInteger();
        before = snapshot();
        ASSERT_GT(before.value(u"version"_s).toInteger(), 0);
        ASSERT_GE(before.value(u"tickets"_s).toInteger(), 1);
    }

    qint64 ticketCount()
    {
        const HttpResult r = staff.get(u"/tickets/facets"_s);
        EXPECT_EQ(r.status, 200) << r.body.toStdString();
        return r.object().value(u"total"_s).toInteger(-1);
    }
    // The ticket's attachments, the files on disk and the ticket count.
    QJsonObject snapshot()
    {
        const QJsonObject t = staff.get(u"/tickets/%1"_s.arg(ticketId)).object();
        const QDir files(m_server.dataDir() + u"/attachments"_s);
        return {{u"version"_s, t.value(u"version"_s)},
                {u"attachments"_s, t.value(u"attachments"_s)},
                {u"files"_s, files.entryList(QDir::Files | QDir::Hidden).size()},
                {u"tickets"_s, ticketCount()}};
    }
    void expectUnchanged(const std::string &what)
    {
        const QJsonObject now = snapshot();
        EXPECT_TRUE(now == before) << what << ": a refused request changed something\n  before: "
                                   << QJsonDocument(before).toJson().toStdString()
                                   << "\n  after: " << QJsonDocument(now).toJson().toStdString();
    }

    HttpResult upload(const QByteArray &disposition, const QByteArray &bytes = "data",
                      const QByteArray &type = "text/plain", const QString &query = {})
    {
        Headers headers{{"Content-Type", type}};
        if (!disposition.isEmpty())
            headers.append(Header("Content-Disposition", disposition));
        return user.send("POST", u"/tickets/%1/attachments"_s.arg(ticketId) + query, bytes,
                         headers);
    }

    TestServer m_server; // a fresh server and data folder per test
    ApiClient staff{m_server.baseUrl()};
    ApiClient user{m_server.baseUrl()};
    qint64 ticketId = 0;
    QJsonObject before;
};

TEST_F(BadTextAndFilesTest, ListParametersWithJunkAreRefusedNamingTheParameter)
{
    const QList<QPair<QString, QString>> junk{
        {u"status=foo"_s, u"status"_s},
        {u"status="_s, u"status"_s},
        {u"status"_s, u"status"_s},
        {u"status=new,foo"_s, u"status"_s},
        {u"priority="_s, u"priority"_s},
        {u"priority=urgent"_s, u"priority"_s},
        {u"assignee=abc"_s, u"assignee"_s},
        {u"assignee=-1"_s, u"assignee"_s},
        {u"flow=-1"_s, u"flow"_s},
        {u"flow=abc"_s, u"flow"_s},
        {u"flow=1.5"_s, u"flow"_s},
        {u"visibility=secret"_s, u"visibility"_s},
        {u"device=1;DROP"_s, u"device"_s},
        {u"device="_s + enc(u"1; DROP TABLE tickets; --"_s), u"device"_s},
        {u"device="_s + enc(u"1 OR 1=1"_s), u"device"_s},
        {u"customer=x"_s, u"customer"_s},
        {u"fleet=0"_s, u"fleet"_s},
        {u"sort=title"_s, u"sort"_s},
        {u"sort=priority,priority"_s, u"sort"_s},
        {u"sort=-priority,priority"_s, u"sort"_s},
        {u"sort="_s, u"sort"_s},
        {u"sort=id"_s, u"sort"_s},
        {u"sort="_s + enc(u"createdAt; DROP TABLE tickets"_s), u"sort"_s},
        {u"sort="_s + enc(u"priority desc"_s), u"sort"_s},
        {u"limit=0"_s, u"limit"_s},
        {u"limit=201"_s, u"limit"_s},
        {u"limit=abc"_s, u"limit"_s},
        {u"limit=-5"_s, u"limit"_s},
        {u"limit=1.5"_s, u"limit"_s},
        {u"cursor=garbage"_s, u"cursor"_s},
        {u"cursor=!!!"_s, u"cursor"_s},
        {u"cursor="_s + enc(u"' OR 1=1 --"_s), u"cursor"_s},
        {u"cursor="_s +
             QString::fromLatin1(
                 QByteArray("{\"s\":\"x\",\"k\":[1]}").toBase64(QByteArray::Base64UrlEncoding)),
         u"cursor"_s},
        {u"foo=1"_s, u"foo"_s},
        {u"Status=new"_s, u"Status"_s},
        {u"status=new&status=open"_s, u"status"_s},
        {u"limit=10&limit=20"_s, u"limit"_s},
        {u"q=a&q=b"_s, u"q"_s}};
    for (const auto &[query, field] : junk) {
        for (ApiClient *as : {&staff, &user}) {
            for (const QString &path : {u"/tickets?"_s, u"/tickets/facets?"_s}) {
                expectError(as->get(path + query), 400, field,
                            QString(path + query).toStdString() +
                                (as == &user ? " (code user)" : ""));
            }
        }
    }
    EXPECT_EQ(
        staff.get(u"/tickets?status=new,open&priority=high&sort=-priority,createdAt&limit=5"_s)
            .status,
        200);

    const QString messages = u"/tickets/%1/messages?"_s.arg(ticketId);
    for (const auto &[query, field] :
         QList<QPair<QString, QString>>{{u"after=-1"_s, u"after"_s},
                                        {u"after=abc"_s, u"after"_s},
                                        {u"after=1.5"_s, u"after"_s},
                                        {u"after=1;DROP"_s, u"after"_s},
                                        {u"after=1&after=2"_s, u"after"_s},
                                        {u"after=1&cursor=2"_s, u"cursor"_s},
                                        {u"cursor=xyz"_s, u"cursor"_s},
                                        {u"limit=0"_s, u"limit"_s},
                                        {u"limit=201"_s, u"limit"_s},
                                        {u"foo=1"_s, u"foo"_s}}) {
        expectError(user.get(messages + query), 400, field,
                    QString(messages + query).toStdString());
        expectError(staff.get(u"/tickets/%1/notes?"_s.arg(ticketId) + query), 400, field,
                    "notes?" + query.toStdString());
    }
    // Ids in paths that are no ids: not found, in the error shape.
    for (const QString &id : {u"abc"_s, u"0"_s, u"-1"_s, u"1.0"_s, u"01"_s, u"1%3BDROP"_s,
                              u"99999999999999999999"_s, u"%27%20OR%201%3D1"_s}) {
        expectError(staff.get(u"/tickets/"_s + id), 404, {}, "/tickets/" + id.toStdString());
        expectError(staff.get(u"/tickets/"_s + id + u"/messages"_s), 404, {},
                    "/tickets/" + id.toStdString() + "/messages");
    }
}

TEST_F(BadTextAndFilesTest, FullTextSearchTakesAnyText)
{
    QStringList queries{u"NEAR("_s,
                        u"NEAR(a b, 2)"_s,
                        u"\""_s,
                        u"\"\"\""_s,
                        u"*"_s,
                        u"a*"_s,
                        u"*a"_s,
                        u"AND OR NOT"_s,
                        u"NOT"_s,
                        u"OR"_s,
                        u"title:x"_s,
                        u"description:x"_s,
                        u"{title}: x"_s,
                        u"^"_s,
                        u"^x"_s,
                        u"-x"_s,
                        u"+x"_s,
                        u"("_s,
                        u")"_s,
                        u"a:b:c"_s,
                        u"x AND"_s,
                        u"\\"_s,
                        u"'"_s,
                        u"''"_s,
                        u"%"_s,
                        u"_"_s,
                        u"%_%"_s,
                        u"1' OR '1'='1"_s,
                        u"🎫"_s,
                        u" "_s,
                        QString(200, u'a'),
                        u"a b c d e f g h"_s};
    queries += nastyTexts();
    const qint64 count = ticketCount();
    for (const QString &q : std::as_const(queries)) {
        for (ApiClient *as : {&staff, &user}) {
            const HttpResult list = as->get(u"/tickets?limit=200&q="_s + enc(q));
            EXPECT_EQ(list.status, 200) << q.toStdString() << ": " << list.body.toStdString();
            EXPECT_TRUE(list.object().value(u"items"_s).isArray()) << q.toStdString();
            const HttpResult facets = as->get(u"/tickets/facets?q="_s + enc(q));
            EXPECT_EQ(facets.status, 200) << q.toStdString() << ": " << facets.body.toStdString();
        }
    }
    // A NUL byte in the query: refused as the parameter, or simply searched; never a crash.
    const HttpResult nul = staff.get(u"/tickets?q=a%00b"_s);
    EXPECT_TRUE(nul.status == 200 || nul.status == 400) << nul.body.toStdString();
    if (nul.status == 400)
        expectError(nul, 400, u"q"_s, "q with NUL");
    // Invalid UTF-8 in the query: refused as the parameter, or searched; never a crash.
    const HttpResult badUtf8 = staff.get(u"/tickets?q=a%FF%FEb"_s);
    EXPECT_TRUE(badUtf8.status == 200 || badUtf8.status == 400) << badUtf8.body.toStdString();
    if (badUtf8.status == 400)
        expectError(badUtf8, 400, u"q"_s, "q with invalid UTF-8");
    EXPECT_EQ(ticketCount(), count);
    EXPECT_EQ(staff.get(u"/tickets"_s).status, 200);
}

// SQL, HTML, format strings, emoji and right-to-left text in titles, descriptions, form
// fields, messages, notes, names and comments: stored and returned exactly, as JSON.
TEST_F(BadTextAndFilesTest, SqlAndHtmlAreStoredAndReturnedVerbatim)
{
    const qint64 count = ticketCount();
    const QJsonObject flow = user.get(u"/flows"_s).items().first().toObject();
    int created = 0;
    for (const QString &s : nastyTexts()) {
        const std::string what = s.toStdString();
        // A code user of this name creates a ticket with it everywhere.
        ApiClient author(m_server.baseUrl());
        const HttpResult session =
            author.post(u"/auth/device-code"_s, {{u"code"_s, demoDeviceCode(0)}, {u"name"_s, s}});
        ASSERT_EQ(session.status, 200) << what << ": " << session.body.toStdString();
        author.setToken(session.object().value(u"token"_s).toString().toLatin1());
        EXPECT_EQ(session.object().value(u"codeUser"_s).toObject().value(u"name"_s).toString(), s);
        EXPECT_EQ(author.get(u"/me"_s).object().value(u"name"_s).toString(), s) << what;

        QJsonObject fields = requiredFieldValues(flow);
        QStringList textKeys;
        for (const QJsonValue &v : flow.value(u"fields"_s).toArray()) {
            const QJsonObject f = v.toObject();
            const QString type = f.value(u"type"_s).toString();
            if ((type == u"text" || type == u"textarea") &&
                f.value(u"maxLength"_s).toInt(200) >= s.size()) {
                fields.insert(f.value(u"key"_s).toString(), s);
                textKeys.append(f.value(u"key"_s).toString());
            }
        }
        const QString description = s + u"\n\t"_s + s;
        const HttpResult made = author.post(u"/tickets"_s, {{u"flowId"_s, flow.value(u"id"_s)},
                                                            {u"title"_s, s},
                                                            {u"description"_s, description},
                                                            {u"fields"_s, fields}});
        ASSERT_EQ(made.status, 201) << what << ": " << made.body.toStdString();
        ++created;
        EXPECT_TRUE(made.header("content-type").startsWith("application/json"));
        EXPECT_EQ(made.header("x-content-type-options"), "nosniff");
        const qint64 id = made.object().value(u"id"_s).toInteger();
        const QString path = u"/tickets/%1"_s.arg(id);
        for (ApiClient *as : {&author, &staff}) {
            const QJsonObject t = as->get(path).object();
            EXPECT_EQ(t.value(u"title"_s).toString(), s) << what;
            EXPECT_EQ(t.value(u"description"_s).toString(), description) << what;
            for (const QString &key : std::as_const(textKeys))
                EXPECT_EQ(t.value(u"fields"_s).toObject().value(key).toString(), s) << what;
        }
        bool listed = false;
        for (const QJsonValue &v : staff.get(u"/tickets?limit=200&sort=-createdAt"_s).items()) {
            if (v.toObject().value(u"id"_s).toInteger() == id) {
                listed = true;
                EXPECT_EQ(v.toObject().value(u"title"_s).toString(), s) << what;
            }
        }
        EXPECT_TRUE(listed) << what;

        // Message (by the code user of that name) and note.
        const HttpResult message = author.post(path + u"/messages"_s, {{u"body"_s, s}});
        ASSERT_EQ(message.status, 201) << what << ": " << message.body.toStdString();
        const QJsonObject m = staff.get(path + u"/messages"_s).items().last().toObject();
        EXPECT_EQ(m.value(u"body"_s).toString(), s) << what;
        EXPECT_EQ(m.value(u"author"_s).toObject().value(u"name"_s).toString(), s) << what;
        ASSERT_EQ(staff.post(path + u"/notes"_s, {{u"body"_s, QString(s + u'\n' + s)}}).status,
                  201);
        EXPECT_EQ(staff.get(path + u"/notes"_s).items().last().toObject().value(u"body"_s),
                  QJsonValue(s + u'\n' + s))
            << what;

        // Staff edit the title to it, resolve, and the reporter rates with it.
        const QString title = s + u" (bearbeitet)"_s;
        const HttpResult edited =
            staff.patch(path, {{u"title"_s, title}, {u"status"_s, u"resolved"_s}},
                        {{"If-Match", '"' + QByteArray::number(staff.versionOf(id)) + '"'}});
        ASSERT_EQ(edited.status, 200) << what << ": " << edited.body.toStdString();
        EXPECT_EQ(author.get(path).object().value(u"title"_s).toString(), title) << what;
        const HttpResult rated =
            author.post(path + u"/rating"_s, {{u"stars"_s, 3}, {u"comment"_s, description}});
        ASSERT_EQ(rated.status, 201) << what << ": " << rated.body.toStdString();
        EXPECT_EQ(rated.object().value(u"comment"_s).toString(), description) << what;
        EXPECT_EQ(staff.get(path).object().value(u"rating"_s).toObject().value(u"comment"_s),
                  QJsonValue(description))
            << what;

        // The same text as a login and password is just a wrong sign-in.
        ApiClient anon(m_server.baseUrl());
        expectError(anon.post(u"/auth/login"_s, {{u"login"_s, s}, {u"password"_s, s}}), 401, {},
                    "login " + what);
        // And as a search: answered, and the tables are still there.
        const HttpResult found = staff.get(u"/tickets?limit=200&q="_s + enc(s));
        EXPECT_EQ(found.status, 200) << what << ": " << found.body.toStdString();
    }
    const HttpResult search = staff.get(u"/tickets?limit=200&q="_s + enc(u"alert"_s));
    EXPECT_FALSE(search.items().isEmpty()) << search.body.toStdString();
    EXPECT_EQ(staff.get(u"/tickets?limit=200"_s).status, 200);
    EXPECT_EQ(ticketCount(), count + created);
}

TEST_F(BadTextAndFilesTest, FileNamesLoseTheirPathsAndControlCharacters)
{
    const QList<QPair<QByteArray, QString>> cleaned{
        {"attachment; filename=\"../../etc/passwd\"", u"passwd"_s},
        {"attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd", u"passwd"_s},
        {"attachment; filename=\"/etc/passwd\"", u"passwd"_s},
        {"attachment; filename=\"..\\\\..\\\\win.ini\"", u"win.ini"_s},
        {"attachment; filename*=UTF-8''..%5C..%5Cwin.ini", u"win.ini"_s},
        {"attachment; filename*=UTF-8''C%3A%5CWindows%5Cwin.ini", u"win.ini"_s},
        {"attachment; filename*=UTF-8''a%0D%0Ab.txt", u"ab.txt"_s},
        {"attachment; filename*=UTF-8''%07bell%00.txt", u"bell.txt"_s},
        {"attachment; filename*=UTF-8''tab%09name%1B%5B31m.txt", u"tabname[31m.txt"_s},
        {"attachment; filename*=UTF-8''x.txt%0D%0ASet-Cookie%3A%20a%3Db",
         u"x.txtSet-Cookie: a=b"_s},
        {"attachment; filename*=UTF-8''evil%E2%80%AEtxt.exe", u"eviltxt.exe"_s}};
    int stored = 0;
    for (const auto &[disposition, expected] : cleaned) {
        const HttpResult r = upload(disposition);
        ASSERT_EQ(r.status, 201) << disposition.toStdString() << ": " << r.body.toStdString();
        ++stored;
        const QString name = r.object().value(u"name"_s).toString();
        EXPECT_EQ(name, expected) << disposition.toStdString();
        EXPECT_FALSE(name.contains(u'/') || name.contains(u'\\')) << name.toStdString();
        for (QChar c : name)
            EXPECT_FALSE(c.unicode() < 0x20 || c.unicode() == 0x7f) << disposition.toStdString();
        // The download names it safely too: no line breaks, no quote breaking out.
        const HttpResult down = user.get(u"/attachments/"_s + r.object().value(u"id"_s).toString());
        ASSERT_EQ(down.status, 200);
        const QByteArray cd = down.header("content-disposition");
        EXPECT_TRUE(cd.startsWith("attachment")) << cd.toStdString();
        EXPECT_FALSE(cd.contains('\r') || cd.contains('\n') || cd.contains('/'))
            << cd.toStdString();
        EXPECT_FALSE(down.headers.contains("set-cookie"));
        EXPECT_EQ(down.header("x-content-type-options"), "nosniff");
    }
    // Invalid UTF-8 in a name: refused, or stored without the broken bytes.
    const HttpResult broken = upload("attachment; filename*=UTF-8''a%FF%FEb.txt");
    EXPECT_TRUE(broken.status == 201 || broken.status == 422) << broken.body.toStdString();
    if (broken.status == 201) {
        ++stored;
        EXPECT_FALSE(broken.object().value(u"name"_s).toString().contains(QChar(0xfffd)));
    }
    EXPECT_EQ(
        staff.get(u"/tickets/%1"_s.arg(ticketId)).object().value(u"attachments"_s).toArray().size(),
        before.value(u"attachments"_s).toArray().size() + stored);
    // Nothing usable left: 422, and nothing stored.
    before = snapshot();
    for (const QByteArray &bad :
         {QByteArray("attachment; filename=\"\""), QByteArray("attachment; filename=\".\""),
          QByteArray("attachment; filename=\"..\""), QByteArray("attachment; filename=\"../..\""),
          QByteArray("attachment; filename=\"/\""), QByteArray("attachment; filename=\"   \""),
          QByteArray("attachment; filename*=UTF-8''%00"),
          QByteArray("attachment; filename*=UTF-8''%0D%0A"),
          QByteArray("attachment; filename*=UTF-8''..%2F..%2F")}) {
        expectError(upload(bad), 422, {}, bad.toStdString());
        expectUnchanged(bad.toStdString());
    }
}

TEST_F(BadTextAndFilesTest, UploadsWithoutUsableTypeOrParametersStoreNothing)
{
    const QByteArray name = "attachment; filename=\"a.txt\"";
    for (const QByteArray &type : {QByteArray("text"), QByteArray("a b/c"), QByteArray("/"),
                                   QByteArray("text/"), QByteArray("text/plain/x")}) {
        expectError(upload(name, "data", type), 415, {}, "Content-Type " + type.toStdString());
        expectUnchanged("Content-Type " + type.toStdString());
    }
    // No Content-Type at all (QNetworkAccessManager would add one).
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, m_server.port());
    ASSERT_TRUE(socket.waitForConnected(10000));
    socket.write("POST /api/v1/tickets/" + QByteArray::number(ticketId) +
                 "/attachments HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                 user.token() + "\r\nContent-Disposition: " + name +
                 "\r\nContent-Length: 4\r\nConnection: close\r\n\r\ndata");
    QByteArray answer;
    while (socket.waitForReadyRead(10000))
        answer += socket.readAll();
    EXPECT_TRUE(answer.startsWith("HTTP/1.1 415")) << answer.toStdString();
    expectUnchanged("no Content-Type");

    expectError(upload(name, "data", "text/plain", u"?internal=maybe"_s), 400, u"internal"_s,
                "internal=maybe");
    expectError(upload(name, "data", "text/plain", u"?name=x"_s), 400, u"name"_s, "name=x");
    expectError(upload(name, QByteArray()), 422, {}, "an empty file");
    expectUnchanged("bad parameters");
}

TEST_F(BadTextAndFilesTest, ActiveContentIsServedAsAnAttachment)
{
    for (const QByteArray &type :
         {QByteArray("text/html"), QByteArray("image/svg+xml"), QByteArray("text/javascript")}) {
        const HttpResult up = upload("attachment; filename=\"x.html\"",
                                     "<html><script>alert(1)</script></html>", type);
        ASSERT_EQ(up.status, 201) << up.body.toStdString();
        const HttpResult down =
            user.get(u"/attachments/"_s + up.object().value(u"id"_s).toString());
        ASSERT_EQ(down.status, 200);
        EXPECT_EQ(down.body, "<html><script>alert(1)</script></html>");
        EXPECT_TRUE(down.header("content-disposition").startsWith("attachment"));
        EXPECT_EQ(down.header("x-content-type-options"), "nosniff");
        EXPECT_EQ(down.header("content-type"), "application/octet-stream") << type.toStdString();
    }
}

TEST(BadInputUploadLimitTest, UploadsOverTheLimitAre413AndStoreNothing)
{
    TestServer server(TestServer::Options{true, {u"--max-upload"_s, u"1K"_s}});
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    ApiClient user(server.baseUrl());
    ASSERT_FALSE(user.loginDevice(demoDeviceCode(0)).isEmpty());
    const qint64 id = createTicket(user, u"Zu groß"_s).value(u"id"_s).toInteger();
    ASSERT_GT(id, 0);
    const QString path = u"/tickets/%1/attachments"_s.arg(id);
    const Headers headers{{"Content-Type", "application/octet-stream"},
                          {"Content-Disposition", "attachment; filename=blob.bin"}};
    const QDir files(server.dataDir() + u"/attachments"_s);
    const qsizetype filesBefore = files.entryList(QDir::Files | QDir::Hidden).size();
    for (const qsizetype size : {qsizetype(1025), qsizetype(4096), qsizetype(3 * 1024 * 1024)}) {
        const HttpResult r = user.send("POST", path, QByteArray(size, 'x'), headers);
        expectError(r, 413, {}, "upload of " + std::to_string(size) + " bytes");
        EXPECT_TRUE(user.get(u"/tickets/%1"_s.arg(id))
                        .object()
                        .value(u"attachments"_s)
                        .toArray()
                        .isEmpty());
        EXPECT_EQ(files.entryList(QDir::Files | QDir::Hidden).size(), filesBefore);
    }
    EXPECT_EQ(user.send("POST", path, QByteArray(1024, 'x'), headers).status, 201);
}

} // namespace
