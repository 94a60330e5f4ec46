// Sign-in for staff (login and password) and code users (a device's code), the caller
// and the health check.
#include "apicontext.h"
#include "auth/passwordhasher.h"
#include "auth/passwords.h"
#include "auth/tokens.h"
#include "core/timeutil.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using server::http::Response;

namespace server::api {
namespace {

Response tooManyAttempts(int retryAfterSeconds)
{
    return Response::error(429, u"rate_limited"_s, u"Too many failed attempts. Try again later."_s)
        .withHeader("Retry-After", QByteArray::number(retryAfterSeconds));
}

// Every hashing slot and the queue behind them are taken.
Response busy()
{
    return Response::error(503, u"busy"_s, u"Too many sign-ins at once. Try again shortly."_s)
        .withHeader("Retry-After", "1");
}

struct PasswordCheck {
    bool verified = false;
    QByteArray rehashed; // a new Argon2id hash to store, when the old one is outdated
};

QString addressKey(const Call &call)
{
    // The client, not the peer, only behind a trusted proxy (--trusted-proxy).
    return u"addr:"_s + call.request.client.toString();
}

// Issues a token for the caller and stores its hash, in one transaction after `first` (if
// given) succeeded. Empty when it could not be stored: a token the server does not know
// would be refused on its first use.
QByteArray issueToken(ApiContext &ctx, Caller &caller, qint64 now, qint64 lifetime,
                      const std::function<bool()> &first = {})
{
    const QByteArray token = auth::generateToken();
    caller.expiresAt = now + lifetime;
    caller.tokenHash = auth::hashToken(token);
    const bool stored = ctx.store.write([&] {
        return (!first || first()) && ctx.store.auth().saveToken(caller.tokenHash, caller, now);
    });
    return stored ? token : QByteArray();
}

// The sign-in was right but its session could not be stored (the database is locked or
// failing): nothing was issued, the client may try again.
Response notStored()
{
    return Response::error(503, u"unavailable"_s,
                           u"The sign-in could not be stored. Try again shortly."_s)
        .withHeader("Retry-After", "1");
}

void login(Call &call, const http::Responder &responder, ApiContext &ctx)
{
    auto body = jsonBody(call, ctx);
    if (auto *r = std::get_if<Response>(&body))
        return responder.send(*r);
    core::JsonReader in(std::get<QJsonObject>(body));
    in.allowOnly({u"login"_s, u"password"_s});
    const auto loginName = in.text(u"login"_s, true, 1, core::MaxNameLength);
    const auto password = in.text(u"password"_s, true, 0, 1024);
    if (!in.ok())
        return responder.send(Response::problem(*in.problem()));

    const QString account = *loginName;
    const QString address = addressKey(call);
    if (int wait = ctx.signInLimits.reserveLogin(account, address, call.now))
        return responder.send(tooManyAttempts(wait));

    std::optional<StaffCredentials> found = ctx.store.auth().staffCredentials(*loginName);
    std::optional<auth::PasswordHash> stored;
    if (found)
        stored = auth::PasswordHash{found->salt, found->hash, found->iterations};
    const QString pw = *password;
    auto checked = ctx.passwordHasher.run([pw, stored] {
        // Unknown logins cost the same hashing as known ones: timing does not tell them
        // apart. A correct password under an old (PBKDF2) hash is hashed anew.
        PasswordCheck check;
        check.verified = auth::verifyPassword(pw, stored ? *stored : auth::dummyHash());
        if (check.verified && stored && auth::needsRehash(*stored))
            check.rehashed = auth::hashPassword(pw).hash;
        return check;
    });
    if (!checked) {
        ctx.signInLimits.loginSucceeded(account, address); // not counted as a failure
        return responder.send(busy());
    }
    checked->then(ctx.owner, [&ctx, found, account, address, responder,
                              identify = call.identify](PasswordCheck check) {
        const qint64 now = core::nowMsecs();
        if (!check.verified || !found || !found->staff.active) {
            ctx.signInLimits.loginFailed(account, address, now);
            return responder.send(
                Response::error(401, u"invalid_credentials"_s, u"Login or password is wrong."_s));
        }
        ctx.signInLimits.loginSucceeded(account, address);
        if (!check.rehashed.isEmpty()) {
            ctx.store.write([&] {
                ctx.store.auth().replacePasswordHash(found->staff.id, found->hash, check.rehashed);
                return true;
            });
        }
        Caller caller{found->staff.role, found->staff.id, 0, found->staff.name, {}, 0};
        if (identify)
            identify(caller.scope());
        const QByteArray token = issueToken(ctx, caller, now, ctx.config.staffTokenMsecs);
        if (token.isEmpty())
            return responder.send(notStored());
        responder.send(Response::json(200, {{u"token"_s, QString::fromLatin1(token)},
                                            {u"expiresAt"_s, core::toIsoUtc(caller.expiresAt)},
                                            {u"user"_s, found->staff.toJson(now)}}));
    });
}

Response deviceCode(Call &call, ApiContext &ctx)
{
    auto body = jsonBody(call, ctx);
    if (auto *r = std::get_if<Response>(&body))
        return *r;
    core::JsonReader in(std::get<QJsonObject>(body));
    in.allowOnly({u"code"_s, u"name"_s});
    const auto code = in.text(u"code"_s, true, 1, 64);
    const auto name = in.text(u"name"_s, true, 1, core::MaxNameLength);
    if (!in.ok())
        return Response::problem(*in.problem());

    const QString address = addressKey(call);
    if (int wait = ctx.signInLimits.reserveDeviceCode(address, call.now))
        return tooManyAttempts(wait);
    std::optional<core::Device> device = ctx.store.auth().deviceByCode(code->trimmed().toUpper());
    if (!device) {
        ctx.signInLimits.deviceCodeFailed(address, call.now);
        return Response::error(401, u"invalid_code"_s, u"This device code is not known."_s,
                               u"code"_s);
    }
    ctx.signInLimits.deviceCodeSucceeded(address);
    Caller caller{core::Role::CodeUser, 0, device->id, name->trimmed(), {}, 0};
    // The code user and their token in one transaction: no code user without a session.
    const QByteArray token = issueToken(ctx, caller, call.now, ctx.config.codeUserTokenMsecs, [&] {
        caller.id = ctx.store.auth().createCodeUser(device->id, caller.name, call.now);
        return caller.id > 0;
    });
    if (token.isEmpty())
        return notStored();
    if (call.identify)
        call.identify(caller.scope());
    return Response::json(200, {{u"token"_s, QString::fromLatin1(token)},
                                {u"expiresAt"_s, core::toIsoUtc(caller.expiresAt)},
                                {u"codeUser"_s, QJsonObject{{u"id"_s, caller.id},
                                                            {u"name"_s, caller.name},
                                                            {u"deviceId"_s, device->id}}},
                                {u"device"_s, device->toJson(false)}});
}

Response me(const Call &call)
{
    QJsonObject o{{u"type"_s, call.caller.kind()},
                  {u"id"_s, call.caller.id},
                  {u"name"_s, call.caller.name},
                  {u"role"_s, core::toString(call.caller.role)},
                  {u"expiresAt"_s, core::toIsoUtc(call.caller.expiresAt)}};
    if (!call.caller.isStaff())
        o.insert(u"deviceId"_s, call.caller.deviceId);
    return Response::json(200, o);
}

} // namespace

void registerAuthRoutes(Router &router, ApiContext &ctx)
{
    router.addAsync("POST", u"/api/v1/auth/login"_s, Access::Anyone,
                    [&ctx](Call &call, const http::Responder &r) { login(call, r, ctx); });
    router.add("POST", u"/api/v1/auth/device-code"_s, Access::Anyone,
               [&ctx](Call &call) { return deviceCode(call, ctx); });
    router.add("GET", u"/api/v1/me"_s, Access::SignedIn, [](Call &call) { return me(call); });
    router.add("GET", u"/api/v1/health"_s, Access::Anyone, [](Call &) {
        return Response::json(
            200, {{u"status"_s, u"ok"_s}, {u"version"_s, QCoreApplication::applicationVersion()}});
    });
}

} // namespace server::api
