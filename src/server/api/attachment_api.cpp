// Attachments: upload as the raw request body, download always as a file.
#include "apicontext.h"
#include "auth/tokens.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;
using server::http::Response;

Q_LOGGING_CATEGORY(lcAttachments, "ticket.attachments")

namespace server::api {
namespace {

constexpr int MaxNameLength = 255;

// "type/subtype" (RFC 9110 tokens), lower-cased without parameters; empty when invalid.
QString mediaType(const QByteArray &header)
{
    static const QRegularExpression pattern(
        u"^[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+$"_s);
    const QString essence = QString::fromLatin1(header.split(';').first().trimmed()).toLower();
    return pattern.match(essence).hasMatch() && essence.size() <= 255 ? essence : QString();
}

// The parameters of a Content-Disposition value, names lower-cased; quoted strings
// unescaped.
QHash<QString, QByteArray> dispositionParams(const QByteArray &value)
{
    QHash<QString, QByteArray> params;
    qsizetype i = value.indexOf(';');
    while (i >= 0 && i < value.size()) {
        ++i; // past ';'
        const qsizetype eq = value.indexOf('=', i);
        if (eq < 0)
            break;
        const QString name = QString::fromLatin1(value.mid(i, eq - i).trimmed()).toLower();
        i = eq + 1;
        while (i < value.size() && (value[i] == ' ' || value[i] == '\t'))
            ++i;
        QByteArray v;
        if (i < value.size() && value[i] == '"') {
            for (++i; i < value.size() && value[i] != '"'; ++i) {
                if (value[i] == '\\' && i + 1 < value.size())
                    ++i;
                v += value[i];
            }
            i = value.indexOf(';', i);
        } else {
            const qsizetype end = value.indexOf(';', i);
            v = value.mid(i, end < 0 ? -1 : end - i).trimmed();
            i = end;
        }
        if (!params.contains(name))
            params.insert(name, v);
    }
    return params;
}

// The file name the client sent: filename* (RFC 8187, UTF-8 or ISO-8859-1) wins over
// filename (UTF-8 if it decodes as such, else Latin-1).
QString clientFileName(const QByteArray &disposition)
{
    const QHash<QString, QByteArray> params = dispositionParams(disposition);
    const QByteArray extended = params.value(u"filename*"_s);
    const qsizetype q1 = extended.indexOf('\''), q2 = extended.indexOf('\'', q1 + 1);
    if (q1 > 0 && q2 > q1) {
        const QByteArray charset = extended.left(q1).toLower();
        const QByteArray bytes = QByteArray::fromPercentEncoding(extended.mid(q2 + 1));
        if (charset == "utf-8")
            return QString::fromUtf8(bytes);
        if (charset == "iso-8859-1")
            return QString::fromLatin1(bytes);
    }
    const QByteArray plain = params.value(u"filename"_s);
    const QString utf8 = QString::fromUtf8(plain);
    return utf8.contains(QChar::ReplacementCharacter) ? QString::fromLatin1(plain) : utf8;
}

// Only the last path component, without control or bidirectional-override characters;
// empty when nothing usable is left.
QString sanitizedName(const QString &raw)
{
    QString name = raw.mid(qMax(raw.lastIndexOf(u'/'), raw.lastIndexOf(u'\\')) + 1);
    QString clean;
    for (QChar c : std::as_const(name)) {
        const char16_t u = c.unicode();
        const bool control = u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0);
        const bool bidi = (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) ||
                          u == 0x200e || u == 0x200f;
        if (!control && !bidi && u != 0xfffd)
            clean += c;
    }
    clean = clean.trimmed();
    if (clean.isEmpty() || clean.count(u'.') == clean.size())
        return {};
    if (clean.size() > MaxNameLength) {
        // Keep a short extension: it is what tells the type.
        const qsizetype dot = clean.lastIndexOf(u'.');
        const QString ext = dot > 0 && clean.size() - dot <= 16 ? clean.mid(dot) : QString();
        qsizetype keep = MaxNameLength - ext.size();
        if (clean.at(keep - 1).isHighSurrogate())
            --keep;
        clean = clean.left(keep) + ext;
    }
    return clean;
}

} // namespace

std::optional<Response> admitUpload(const Call &call, ApiContext &ctx)
{
    const qint64 ticketId = call.idParam(0);
    if (ticketId == 0)
        return Response::notFound();
    if (auto refusal = onlyParams(call, {u"internal"_s}))
        return *refusal;
    const QStringList internalValues = call.request.query.allQueryItemValues(u"internal"_s);
    if (internalValues.size() > 1 || (internalValues.size() == 1 && internalValues[0] != u"true" &&
                                      internalValues[0] != u"false"))
        return Response::error(400, u"invalid_parameter"_s, u"internal must be true or false."_s,
                               u"internal"_s);
    const bool internal = internalValues.value(0) == u"true";
    const auto ticket = ctx.store.tickets().ticket(ticketId, call.caller);
    if (!ticket)
        return Response::notFound();
    if (internal && !call.caller.isStaff())
        return Response::error(403, u"forbidden"_s, u"Only staff upload internal files."_s,
                               u"internal"_s);
    if (mediaType(call.request.header("content-type")).isEmpty())
        return Response::error(415, u"unsupported_media_type"_s,
                               u"Send the file's type as Content-Type (type/subtype)."_s);
    return std::nullopt;
}

namespace {

Response upload(Call &call, ApiContext &ctx)
{
    // Checked again: a request may come without the front's admission (tests).
    if (std::optional<Response> refusal = admitUpload(call, ctx))
        return *refusal;
    const qint64 ticketId = call.idParam(0);
    const bool internal = call.request.query.queryItemValue(u"internal"_s) == u"true";
    const QString contentType = mediaType(call.request.header("content-type"));
    // The front streams the body to a file (bodyFile) and refuses more than the limit
    // before it is read; a request built without the front (tests) carries it in `body`.
    const qint64 size = call.request.bodySize();
    if (size > ctx.config.maxUploadBytes)
        return Response::tooLarge(u"The file is larger than the server accepts (%1 bytes)."_s.arg(
                                      ctx.config.maxUploadBytes),
                                  ctx.config.maxUploadBytes);
    if (size == 0)
        return Response::error(422, u"empty_file"_s, u"The file is empty."_s);
    const QByteArray disposition = call.request.header("content-disposition");
    if (disposition.isEmpty())
        return Response::error(422, u"missing_field"_s,
                               u"Name the file in Content-Disposition: attachment; "
                               "filename*=UTF-8''<name>."_s,
                               u"Content-Disposition"_s);
    const QString name = sanitizedName(clientFileName(disposition));
    if (name.isEmpty())
        return Response::error(422, u"invalid_value"_s, u"The file name is not usable."_s,
                               u"Content-Disposition"_s);

    QCryptographicHash sha256(QCryptographicHash::Sha256);
    if (call.request.hasBodyFile()) {
        QFile incoming(call.request.bodyFile);
        if (!incoming.open(QIODevice::ReadOnly) || !sha256.addData(&incoming)) {
            qCWarning(lcAttachments) << "cannot read a streamed upload";
            return Response::internalError();
        }
    } else {
        sha256.addData(call.request.body);
    }
    StoredAttachment stored;
    stored.ticketId = ticketId;
    stored.meta.name = name;
    stored.meta.size = size;
    stored.meta.contentType = contentType;
    stored.meta.sha256 = QString::fromLatin1(sha256.result().toHex());
    stored.meta.internal = internal;
    stored.meta.createdAt = call.now;
    stored.meta.uploadedBy = call.caller.ref();

    // The bytes go to disk first (only when this is not a replay), the row after; a
    // failed transaction takes the file with it.
    QString savedAs;
    Response response = writeOnce(call, ctx, [&]() -> Response {
        // Inside: a replay of an upload that was stored gives its answer, quota or not.
        if (!call.caller.isStaff() &&
            ctx.store.conversation().unpostedUploads(call.caller) >= ctx.config.maxUnpostedUploads)
            return Response::error(429, u"too_many_files"_s,
                                   u"Too many files that no message carries yet: send them with "
                                   "a message first."_s);
        savedAs = call.request.hasBodyFile() ? ctx.files.adopt(call.request.bodyFile)
                                             : ctx.files.save(call.request.body);
        if (savedAs.isEmpty()) {
            qCWarning(lcAttachments) << "cannot save an upload to the attachment folder";
            return Response::internalError();
        }
        stored.storageName = savedAs;
        stored.meta.id = QString::fromLatin1(auth::randomHexId());
        ctx.store.conversation().addAttachment(stored, call.caller);
        // Read back: the insert reports no failure of its own.
        const auto check = ctx.store.conversation().attachment(stored.meta.id, call.caller);
        if (!check)
            return Response::internalError();
        return Response::json(201, check->meta.toJson());
    });
    if (!response.isSuccess() && !savedAs.isEmpty())
        ctx.files.remove(savedAs);
    return response;
}

// Types a browser may show inline without risk; everything else (HTML, SVG, scripts)
// is served as opaque bytes.
QByteArray servedType(const QString &stored)
{
    static const QStringList safe{u"image/png"_s,        u"image/jpeg"_s, u"image/gif"_s,
                                  u"image/webp"_s,       u"image/bmp"_s,  u"application/pdf"_s,
                                  u"text/plain"_s,       u"text/csv"_s,   u"application/zip"_s,
                                  u"application/json"_s, u"audio/mpeg"_s, u"video/mp4"_s,
                                  u"audio/ogg"_s,        u"video/webm"_s, u"application/gzip"_s};
    return safe.contains(stored) ? stored.toLatin1() : QByteArray("application/octet-stream");
}

QByteArray contentDisposition(const QString &name)
{
    QByteArray ascii;
    for (QChar c : name) {
        const char16_t u = c.unicode();
        ascii += u >= 0x20 && u < 0x7f && u != u'"' && u != u'\\' && u != u'%' ? char(u) : '_';
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" +
           QUrl::toPercentEncoding(name, "!#$&+^`|");
}

Response download(Call &call, ApiContext &ctx)
{
    static const QRegularExpression idPattern(u"^[0-9a-f]{32}$"_s);
    const QString id = call.params.value(0);
    if (!idPattern.match(id).hasMatch())
        return Response::notFound();
    if (auto refusal = onlyParams(call, {}))
        return *refusal;
    const auto stored = ctx.store.conversation().attachment(id, call.caller);
    if (!stored)
        return Response::notFound();
    const QString path = ctx.files.pathOf(stored->storageName);
    if (!QFileInfo(path).isFile()) {
        qCWarning(lcAttachments) << "attachment file missing:" << stored->meta.id;
        return Response::internalError();
    }
    Response r;
    r.status = 200;
    r.filePath = path; // streamed by the front as the client takes it
    r.contentType = servedType(stored->meta.contentType);
    // X-Content-Type-Options: nosniff and Cache-Control: no-store come with every answer
    // (ApiServer::handle).
    r.withHeader("Content-Disposition", contentDisposition(stored->meta.name))
        .withHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    return r;
}

} // namespace

void registerAttachmentRoutes(Router &router, ApiContext &ctx)
{
    router.add("POST", u"/api/v1/tickets/{id}/attachments"_s, Access::SignedIn,
               [&ctx](Call &call) { return upload(call, ctx); });
    router.add("GET", u"/api/v1/attachments/{id}"_s, Access::SignedIn,
               [&ctx](Call &call) { return download(call, ctx); });
}

} // namespace server::api
