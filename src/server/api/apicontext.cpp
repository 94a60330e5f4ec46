#include "apicontext.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;
using server::http::Response;

namespace server::api {

std::variant<QJsonObject, Response> jsonBody(const Call &call, const ApiContext &ctx)
{
    const QByteArray type = call.request.header("content-type").split(';').first().trimmed();
    if (type.toLower() != "application/json")
        return Response::error(415, u"unsupported_media_type"_s,
                               u"Send the body as application/json."_s);
    if (call.request.body.size() > ctx.config.maxJsonBytes)
        return Response::tooLarge(
            u"The request body is too large (%1 bytes at most)."_s.arg(ctx.config.maxJsonBytes),
            ctx.config.maxJsonBytes);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(call.request.body, &error);
    if (error.error != QJsonParseError::NoError)
        return Response::error(400, u"malformed_json"_s,
                               u"The body is not valid JSON: "_s + error.errorString() + u'.');
    if (!doc.isObject())
        return Response::error(400, u"malformed_json"_s, u"The body must be a JSON object."_s);
    return doc.object();
}

Response writeTransaction(ApiContext &ctx, const std::function<Response()> &work)
{
    Response response;
    const bool committed = ctx.store.write([&] {
        response = work();
        return response.isSuccess();
    });
    if (!committed && response.isSuccess())
        return Response::internalError();
    return response;
}

namespace {

// The key of a write that carries an Idempotency-Key: who, which key, which request.
struct IdempotentWrite {
    QString scope;
    QString key;
    QByteArray requestHash;
};

// nullopt without a key; a response when the key is bad.
std::variant<std::monostate, IdempotentWrite, Response> idempotentWrite(const Call &call)
{
    const QByteArray keyBytes = call.request.header("idempotency-key");
    if (keyBytes.isEmpty())
        return std::monostate{};
    const QString key = QString::fromUtf8(keyBytes);
    if (key.size() > 200 || key.contains(u'\uFFFD'))
        return Response::error(400, u"invalid_idempotency_key"_s,
                               u"Idempotency-Key must be at most 200 characters."_s);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(call.request.method);
    hash.addData(call.request.path.toUtf8());
    hash.addData(call.request.query.toString(QUrl::FullyEncoded).toUtf8());
    if (call.request.hasBodyFile()) { // a streamed upload: the same bytes, read from disk
        QFile body(call.request.bodyFile);
        if (!body.open(QIODevice::ReadOnly) || !hash.addData(&body))
            return Response::internalError();
    } else {
        hash.addData(call.request.body);
    }
    return IdempotentWrite{call.caller.scope(), key, hash.result()};
}

// The stored answer of an earlier request with the same key, or 422 when that request
// was another one.
Response replay(const IdempotentWrite &write, const StoredResponse &stored)
{
    if (stored.requestHash != write.requestHash)
        return Response::error(422, u"idempotency_key_reused"_s,
                               u"This Idempotency-Key was used with another request."_s);
    Response r;
    r.status = stored.status;
    r.body = stored.body;
    r.headers = stored.headers;
    return r.withHeader("Idempotent-Replayed", "true");
}

} // namespace

Response writeOnce(Call &call, ApiContext &ctx, const std::function<Response()> &work)
{
    auto checked = idempotentWrite(call);
    if (auto *r = std::get_if<Response>(&checked))
        return *r;
    if (std::holds_alternative<std::monostate>(checked))
        return writeTransaction(ctx, work);
    const IdempotentWrite &write = std::get<IdempotentWrite>(checked);
    if (auto stored = ctx.store.idempotency().find(write.scope, write.key))
        return replay(write, *stored);
    return writeTransaction(ctx, [&] {
        // Within the transaction nobody else can have stored the key meanwhile.
        Response r = work();
        if (r.isSuccess())
            ctx.store.idempotency().save(
                write.scope, write.key, {write.requestHash, r.status, r.body, r.headers}, call.now);
        return r;
    });
}

Response writeOnceInParts(Call &call, ApiContext &ctx, const std::function<Response()> &work)
{
    auto checked = idempotentWrite(call);
    if (auto *r = std::get_if<Response>(&checked))
        return *r;
    if (std::holds_alternative<std::monostate>(checked))
        return work();
    const IdempotentWrite &write = std::get<IdempotentWrite>(checked);
    if (auto stored = ctx.store.idempotency().find(write.scope, write.key))
        return replay(write, *stored);
    // Requests run one at a time on the store's thread: nobody stores the key between the
    // look-up above and the save below.
    const Response r = work();
    if (!r.isSuccess())
        return r;
    const bool saved = ctx.store.write([&] {
        ctx.store.idempotency().save(write.scope, write.key,
                                     {write.requestHash, r.status, r.body, r.headers}, call.now);
        return true;
    });
    return saved ? r : Response::internalError();
}

QJsonObject page(const QJsonArray &items, const QString &nextCursor)
{
    return {{u"items"_s, items},
            {u"nextCursor"_s, nextCursor.isEmpty() ? QJsonValue() : QJsonValue(nextCursor)}};
}

std::variant<int, Response> limitParam(const Call &call, int defaultLimit)
{
    if (!call.request.query.hasQueryItem(u"limit"_s))
        return defaultLimit;
    bool ok = false;
    const int limit = call.request.query.queryItemValue(u"limit"_s).toInt(&ok);
    if (!ok || limit < 1 || limit > 200)
        return Response::error(400, u"invalid_parameter"_s,
                               u"limit must be a number from 1 to 200."_s, u"limit"_s);
    return limit;
}

std::optional<Response> onlyParams(const Call &call, const QStringList &allowed)
{
    for (const auto &[name, value] : call.request.query.queryItems()) {
        if (!allowed.contains(name))
            return Response::error(400, u"invalid_parameter"_s, u"Unknown parameter."_s, name);
    }
    return std::nullopt;
}

} // namespace server::api
