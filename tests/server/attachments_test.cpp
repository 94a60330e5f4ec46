// Attachments against a real ticket-server: upload and download, limits, file names,
// internal files and linking them to messages.
#include "sharedservertest.h"

#include <QCryptographicHash>
#include <QTcpSocket>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

// One request over a plain socket: QNetworkAccessManager always adds a Content-Type to a
// request with a body, and this test needs one without.
int rawStatus(quint16 port, const QByteArray &request)
{
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, port);
    if (!socket.waitForConnected(10000))
        return 0;
    socket.write(request);
    QByteArray answer;
    while (!answer.contains("\r\n") && socket.waitForReadyRead(10000))
        answer += socket.readAll();
    const QList<QByteArray> statusLine = answer.left(answer.indexOf("\r\n")).split(' ');
    return statusLine.size() > 1 ? statusLine[1].toInt() : 0;
}

// A ticket created through the API (public, of the code user's device); its id.
qint64 newTicket(ApiClient &as, const QString &title = u"Anhang"_s)
{
    HttpResult failure;
    const QJsonObject t = createTicket(as, title, {}, &failure);
    EXPECT_FALSE(t.isEmpty()) << failure.body.toStdString();
    return t.value(u"id"_s).toInteger();
}

class AttachmentsTest : public SharedServerTest
{
protected:
    static HttpResult upload(ApiClient &as, qint64 ticket, const QByteArray &bytes,
                             const QByteArray &disposition, const QByteArray &type = "image/jpeg",
                             const QString &query = {})
    {
        ApiClient::Headers headers{{"Content-Type", type}};
        if (!disposition.isEmpty())
            headers.append({"Content-Disposition", disposition});
        return as.send("POST", u"/tickets/%1/attachments"_s.arg(ticket) + query, bytes, headers);
    }

    static QString nameOf(const HttpResult &r) { return r.object().value(u"name"_s).toString(); }
};

TEST_F(AttachmentsTest, UploadAndDownloadRoundTrip)
{
    const qint64 id = newTicket(user, u"Fehlerbild"_s);
    QByteArray bytes;
    for (int i = 0; i < 70000; ++i)
        bytes.append(char(i * 7 % 256));
    const HttpResult up =
        upload(user, id, bytes, "attachment; filename*=UTF-8''Fehlerbild%20Pumpe%20%C3%BC.jpg");
    ASSERT_EQ(up.status, 201) << up.body.toStdString();
    const QJsonObject a = up.object();
    EXPECT_EQ(a.value(u"name"_s).toString(), u"Fehlerbild Pumpe ü.jpg"_s);
    EXPECT_EQ(a.value(u"size"_s).toInteger(), bytes.size());
    EXPECT_EQ(a.value(u"contentType"_s).toString(), u"image/jpeg"_s);
    EXPECT_EQ(a.value(u"sha256"_s).toString().toLatin1(), sha256Hex(bytes));
    EXPECT_FALSE(a.value(u"internal"_s).toBool());
    const QString attachmentId = a.value(u"id"_s).toString();
    EXPECT_EQ(attachmentId.size(), 32);

    for (ApiClient *as : {&user, &staff}) {
        const HttpResult down = as->get(u"/attachments/"_s + attachmentId);
        ASSERT_EQ(down.status, 200);
        EXPECT_EQ(down.body, bytes);
        EXPECT_EQ(sha256Hex(down.body), sha256Hex(bytes));
        EXPECT_EQ(down.header("content-type"), "image/jpeg");
        EXPECT_EQ(down.header("x-content-type-options"), "nosniff");
        EXPECT_EQ(down.header("content-length"), QByteArray::number(bytes.size()));
        const QByteArray disposition = down.header("content-disposition");
        EXPECT_TRUE(disposition.startsWith("attachment;")) << disposition.toStdString();
        EXPECT_TRUE(disposition.contains("filename*=UTF-8''Fehlerbild%20Pumpe%20%C3%BC.jpg"))
            << disposition.toStdString();
        EXPECT_TRUE(disposition.contains("filename=\"Fehlerbild Pumpe _.jpg\""))
            << disposition.toStdString();
    }
    // Another device's code user and made-up ids get 404.
    EXPECT_EQ(other.get(u"/attachments/"_s + attachmentId).status, 404);
    EXPECT_EQ(user.get(u"/attachments/0123456789abcdef0123456789abcdef"_s).status, 404);
    EXPECT_EQ(user.get(u"/attachments/..%2F..%2Ftickets.sqlite"_s).status, 404);
    // The upload is listed with the ticket.
    EXPECT_TRUE(user.get(u"/tickets/%1"_s.arg(id)).body.contains(attachmentId.toLatin1()));
}

TEST_F(AttachmentsTest, ActiveContentIsServedAsOpaqueBytes)
{
    const qint64 id = newTicket(user, u"HTML"_s);
    const QByteArray html = "<html><script>alert(1)</script></html>";
    for (const QByteArray &type : {QByteArray("text/html"), QByteArray("image/svg+xml"),
                                   QByteArray("application/x-whatever")}) {
        const HttpResult up = upload(user, id, html, "attachment; filename=\"x.html\"", type);
        ASSERT_EQ(up.status, 201) << up.body.toStdString();
        EXPECT_EQ(up.object().value(u"contentType"_s).toString().toLatin1(), type);
        const HttpResult down =
            user.get(u"/attachments/"_s + up.object().value(u"id"_s).toString());
        EXPECT_EQ(down.header("content-type"), "application/octet-stream");
        EXPECT_EQ(down.body, html);
    }
}

TEST_F(AttachmentsTest, ContentTypeIsRequired)
{
    const qint64 id = newTicket(user, u"Ohne Typ"_s);
    const QByteArray head = "POST /api/v1/tickets/" + QByteArray::number(id) +
                            "/attachments HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                            user.token() +
                            "\r\nContent-Disposition: attachment; filename=\"a.txt\"\r\n"
                            "Content-Length: 5\r\nConnection: close\r\n";
    EXPECT_EQ(rawStatus(server().port(), head + "\r\nhello"), 415);
    EXPECT_EQ(rawStatus(server().port(), head + "Content-Type: text/plain\r\n\r\nhello"), 201);
    EXPECT_EQ(upload(user, id, "hello", "attachment; filename=a.txt", "text").status, 415);
    EXPECT_EQ(upload(user, id, "hello", "attachment; filename=a.txt", "a b/c").status, 415);
}

TEST_F(AttachmentsTest, FileNamesAreSanitized)
{
    const qint64 id = newTicket(user, u"Dateinamen"_s);
    EXPECT_EQ(nameOf(upload(user, id, "x", "attachment; filename=\"../../etc/passwd\"")),
              u"passwd"_s);
    EXPECT_EQ(nameOf(upload(user, id, "x", "attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd")),
              u"passwd"_s);
    EXPECT_EQ(nameOf(upload(user, id, "x", "attachment; filename=\"..\\\\..\\\\boot.ini\"")),
              u"boot.ini"_s);
    EXPECT_EQ(nameOf(upload(user, id, "x", "attachment; filename*=UTF-8''a%01b%0D%0Ac%7F.txt")),
              u"abc.txt"_s);
    EXPECT_EQ(nameOf(upload(user, id, "x", "attachment; filename*=UTF-8''evil%E2%80%AEgpj.exe")),
              u"evilgpj.exe"_s);
    // filename* wins over filename.
    EXPECT_EQ(nameOf(upload(user, id, "x",
                            "attachment; filename=\"fallback.txt\"; filename*=UTF-8''echt.txt")),
              u"echt.txt"_s);
    const HttpResult longName =
        upload(user, id, "x", "attachment; filename=\"" + QByteArray(400, 'n') + ".pdf\"");
    ASSERT_EQ(longName.status, 201);
    EXPECT_EQ(nameOf(longName).size(), 255);
    EXPECT_TRUE(nameOf(longName).endsWith(u".pdf"_s));

    for (const QByteArray &bad :
         {QByteArray("attachment; filename=\"..\""), QByteArray("attachment; filename=\".\""),
          QByteArray("attachment; filename=\"a/..\""), QByteArray("attachment; filename=\"\""),
          QByteArray("attachment; filename*=UTF-8''%01%02"), QByteArray("attachment"),
          QByteArray()}) {
        const HttpResult r = upload(user, id, "x", bad);
        EXPECT_EQ(r.status, 422) << bad.toStdString();
        EXPECT_FALSE(r.body.contains("passwd"));
    }
    EXPECT_EQ(upload(user, id, QByteArray(), "attachment; filename=empty.txt").status, 422);
}

TEST_F(AttachmentsTest, InternalFilesAreInvisibleToCodeUsers)
{
    const qint64 id = newTicket(user, u"Interne Datei"_s);
    EXPECT_EQ(
        upload(user, id, "x", "attachment; filename=a.pdf", "application/pdf", u"?internal=true"_s)
            .status,
        403);
    EXPECT_EQ(
        upload(user, id, "x", "attachment; filename=a.pdf", "application/pdf", u"?internal=yes"_s)
            .status,
        400);
    const HttpResult up =
        upload(staff, id, "%PDF-1.4 Lieferschein", "attachment; filename=lieferschein.pdf",
               "application/pdf", u"?internal=true"_s);
    ASSERT_EQ(up.status, 201) << up.body.toStdString();
    EXPECT_TRUE(up.object().value(u"internal"_s).toBool());
    const QString attachmentId = up.object().value(u"id"_s).toString();

    EXPECT_EQ(user.get(u"/attachments/"_s + attachmentId).status, 404);
    EXPECT_EQ(staff.get(u"/attachments/"_s + attachmentId).status, 200);
    const HttpResult asUser = user.get(u"/tickets/%1"_s.arg(id));
    ASSERT_EQ(asUser.status, 200);
    EXPECT_FALSE(asUser.body.contains(attachmentId.toLatin1()));
    EXPECT_FALSE(asUser.body.contains("lieferschein"));
    EXPECT_TRUE(staff.get(u"/tickets/%1"_s.arg(id)).body.contains(attachmentId.toLatin1()));

    // On a note it is fine; on a message it is not.
    const HttpResult message =
        user.post(u"/tickets/%1/messages"_s.arg(id),
                  {{u"body"_s, u"x"_s}, {u"attachmentIds"_s, QJsonArray{attachmentId}}});
    EXPECT_EQ(message.status, 422);
    const HttpResult note = staff.post(
        u"/tickets/%1/notes"_s.arg(id),
        {{u"body"_s, u"Lieferschein anbei"_s}, {u"attachmentIds"_s, QJsonArray{attachmentId}}});
    ASSERT_EQ(note.status, 201) << note.body.toStdString();
    EXPECT_EQ(note.object().value(u"attachments"_s).toArray().at(0).toObject().value(u"id"_s),
              QJsonValue(attachmentId));
    const HttpResult notes = staff.get(u"/tickets/%1/notes"_s.arg(id));
    EXPECT_EQ(notes.items().at(0).toObject().value(u"attachments"_s).toArray().size(), 1);
}

TEST_F(AttachmentsTest, MessagesTakeOnlyTheirTicketsUnlinkedFiles)
{
    const qint64 id = newTicket(user, u"Mit Anhang"_s);
    const qint64 otherTicket = newTicket(user, u"Anderes Ticket"_s);
    const QString mine = upload(user, id, "log", "attachment; filename=log.txt", "text/plain")
                             .object()
                             .value(u"id"_s)
                             .toString();
    const QString foreign =
        upload(user, otherTicket, "log", "attachment; filename=log.txt", "text/plain")
            .object()
            .value(u"id"_s)
            .toString();
    ASSERT_FALSE(mine.isEmpty());
    ASSERT_FALSE(foreign.isEmpty());
    const QString path = u"/tickets/%1/messages"_s.arg(id);

    const HttpResult wrong =
        user.post(path, {{u"body"_s, u"x"_s}, {u"attachmentIds"_s, QJsonArray{mine, foreign}}});
    EXPECT_EQ(wrong.status, 422);
    EXPECT_EQ(wrong.object().value(u"error"_s).toObject().value(u"field"_s).toString(),
              u"attachmentIds"_s);
    EXPECT_EQ(
        user.post(path, {{u"body"_s, u"x"_s},
                         {u"attachmentIds"_s, QJsonArray{u"0123456789abcdef0123456789abcdef"_s}}})
            .status,
        422);
    EXPECT_TRUE(user.get(path).items().isEmpty());

    // A file alone is a message too; the body may then be empty.
    const HttpResult ok =
        user.post(path, {{u"body"_s, u""_s}, {u"attachmentIds"_s, QJsonArray{mine}}});
    ASSERT_EQ(ok.status, 201) << ok.body.toStdString();
    EXPECT_EQ(ok.object().value(u"attachments"_s).toArray().at(0).toObject().value(u"name"_s),
              QJsonValue(u"log.txt"_s));
    const HttpResult listed = user.get(path);
    ASSERT_EQ(listed.items().size(), 1);
    EXPECT_EQ(listed.items().at(0).toObject().value(u"attachments"_s).toArray().size(), 1);
    // Linked once only.
    EXPECT_EQ(user.post(path, {{u"body"_s, u"noch mal"_s}, {u"attachmentIds"_s, QJsonArray{mine}}})
                  .status,
              422);
    // Another device's code user cannot upload to this ticket.
    EXPECT_EQ(upload(other, id, "x", "attachment; filename=x.txt", "text/plain").status, 404);
}

TEST_F(AttachmentsTest, UploadReplaysWithIdempotencyKey)
{
    const qint64 id = newTicket(user, u"Idempotent"_s);
    const ApiClient::Headers headers{{"Content-Type", "text/plain"},
                                     {"Content-Disposition", "attachment; filename=a.txt"},
                                     {"Idempotency-Key", "upload-1"}};
    const QString path = u"/tickets/%1/attachments"_s.arg(id);
    const HttpResult first = user.send("POST", path, "abc", headers);
    ASSERT_EQ(first.status, 201);
    const HttpResult again = user.send("POST", path, "abc", headers);
    EXPECT_EQ(again.status, 201);
    EXPECT_EQ(again.body, first.body);
    EXPECT_EQ(user.send("POST", path, "abcd", headers).status, 422);
}

TEST(AttachmentLimitTest, UploadsOverTheLimitAreRefused)
{
    TestServer server(TestServer::Options{true, {u"--max-upload"_s, u"1K"_s}});
    ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
    ApiClient user(server.baseUrl());
    ASSERT_FALSE(user.loginDevice(demoDeviceCode(0)).isEmpty());
    const qint64 id = newTicket(user);
    const QString path = u"/tickets/%1/attachments"_s.arg(id);
    const ApiClient::Headers headers{{"Content-Type", "application/octet-stream"},
                                     {"Content-Disposition", "attachment; filename=blob.bin"}};
    const HttpResult tooLarge = user.send("POST", path, QByteArray(1025, 'x'), headers);
    EXPECT_EQ(tooLarge.status, 413);
    EXPECT_EQ(tooLarge.errorCode(), u"too_large"_s);
    EXPECT_EQ(tooLarge.object()[u"error"_s][u"maxBytes"_s].toInteger(),
              1024); // for the client's words
    EXPECT_EQ(user.send("POST", path, QByteArray(1024, 'x'), headers).status, 201);
}

} // namespace
