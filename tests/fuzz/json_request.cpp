// Request bodies as the server's routes read them (src/server/api/*_api.cpp): the bytes are
// the body of a JSON request, read with core::JsonReader exactly as each route does before
// it touches the store: sign-in, device code, new ticket (staff and code user), ticket
// edit, message and note, rating, fleet change and absence. Whatever the bytes, a reader
// either gives values within the route's limits or one problem with a status and a code.
//
// The routes' readers live inside src/server/api (next to the store calls); the calls below
// mirror them and must be kept in step with them.
#include "core/enums.h"
#include "core/timeutil.h"
#include "core/validation.h"
#include "fuzzsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MaxId = std::numeric_limits<qint64>::max();

void checkProblem(const core::JsonReader &in)
{
    if (in.ok())
        return;
    const core::ApiProblem &p = *in.problem();
    FUZZ_CHECK(p.httpStatus == 400 || p.httpStatus == 422, QString::number(p.httpStatus));
    FUZZ_CHECK(!p.code.isEmpty() && !p.message.isEmpty(), p.code);
}

void checkText(const std::optional<QString> &v, int minLength, int maxLength, bool multiline)
{
    if (!v)
        return;
    FUZZ_CHECK(v->trimmed().size() >= minLength && v->size() <= maxLength, *v);
    FUZZ_CHECK(!core::checkText(*v, multiline), *v);
}

void checkInteger(const std::optional<qint64> &v, qint64 min, qint64 max)
{
    if (v)
        FUZZ_CHECK(*v >= min && *v <= max, QString::number(*v));
}

template <typename Parse> void enumField(core::JsonReader &in, const QString &key, Parse parse)
{
    const std::optional<QString> text = in.text(key, false, 1, 40);
    checkText(text, 1, 40, false);
    if (text && !parse(*text))
        in.fail(422, u"invalid_value"_s, u"This value is not one of the allowed ones."_s, key);
}

// auth_api.cpp login and deviceCode
void login(const QJsonObject &body)
{
    core::JsonReader in(body);
    in.allowOnly({u"login"_s, u"password"_s});
    checkText(in.text(u"login"_s, true, 1, core::MaxNameLength), 1, core::MaxNameLength, false);
    checkText(in.text(u"password"_s, true, 0, 1024), 0, 1024, false);
    checkProblem(in);
}

void deviceCode(const QJsonObject &body)
{
    core::JsonReader in(body);
    in.allowOnly({u"code"_s, u"name"_s});
    const auto code = in.text(u"code"_s, true, 1, 64);
    checkText(code, 1, 64, false);
    checkText(in.text(u"name"_s, true, 1, core::MaxNameLength), 1, core::MaxNameLength, false);
    if (code)
        (void)code->trimmed().toUpper();
    checkProblem(in);
}

// ticket_api.cpp readNewTicket (the part before the directory is asked)
void newTicket(const QJsonObject &body, bool staff)
{
    core::JsonReader in(body);
    QStringList allowed{u"flowId"_s, u"title"_s, u"description"_s, u"fields"_s};
    if (staff)
        allowed << u"deviceId"_s << u"visibility"_s << u"priority"_s << u"assigneeId"_s;
    in.allowOnly(allowed);
    checkInteger(in.integer(u"flowId"_s, true, 1, MaxId), 1, MaxId);
    checkText(in.text(u"title"_s, true, 1, core::MaxTitleLength), 1, core::MaxTitleLength, false);
    checkText(in.text(u"description"_s, false, 0, core::MaxBodyLength, true), 0,
              core::MaxBodyLength, true);
    (void)in.object(u"fields"_s, false);
    if (staff) {
        checkInteger(in.integer(u"deviceId"_s, true, 1, MaxId), 1, MaxId);
        enumField(in, u"visibility"_s, core::parseVisibility);
        enumField(in, u"priority"_s, core::parsePriority);
        bool isNull = false;
        checkInteger(in.nullableInteger(u"assigneeId"_s, 1, MaxId, &isNull), 1, MaxId);
    }
    checkProblem(in);
}

// ticket_api.cpp readPatch
void patch(const QJsonObject &body)
{
    core::JsonReader in(body);
    in.allowOnly({u"priority"_s, u"status"_s, u"assigneeId"_s, u"visibility"_s, u"title"_s});
    if (body.isEmpty())
        in.fail(422, u"missing_field"_s, u"Give at least one."_s, {});
    enumField(in, u"priority"_s, core::parsePriority);
    enumField(in, u"status"_s, core::parseStatus);
    enumField(in, u"visibility"_s, core::parseVisibility);
    checkText(in.text(u"title"_s, false, 1, core::MaxTitleLength), 1, core::MaxTitleLength, false);
    if (in.has(u"assigneeId"_s)) {
        bool isNull = false;
        checkInteger(in.nullableInteger(u"assigneeId"_s, 1, MaxId, &isNull), 1, MaxId);
    }
    checkProblem(in);
}

// conversation_api.cpp create (messages and notes)
void post(const QJsonObject &body)
{
    constexpr int MaxAttachmentsPerPost = 20;
    core::JsonReader in(body);
    in.allowOnly({u"body"_s, u"attachmentIds"_s});
    const auto text = in.text(u"body"_s, true, 0, core::MaxBodyLength, true);
    checkText(text, 0, core::MaxBodyLength, true);
    const auto ids = in.stringList(u"attachmentIds"_s, false, MaxAttachmentsPerPost, 64);
    if (ids) {
        FUZZ_CHECK(ids->size() <= MaxAttachmentsPerPost, ids->join(u','));
        for (const QString &id : *ids)
            FUZZ_CHECK(id.size() <= 64 && !core::checkText(id, false), id);
    }
    if (in.ok())
        FUZZ_CHECK(text.has_value(), QString());
    checkProblem(in);
}

// rating_api.cpp rate
void rating(const QJsonObject &body)
{
    core::JsonReader in(body);
    in.allowOnly({u"stars"_s, u"comment"_s});
    const auto stars = in.integer(u"stars"_s, true, 1, 5);
    checkInteger(stars, 1, 5);
    checkText(in.text(u"comment"_s, false, 0, core::MaxCommentLength, true), 0,
              core::MaxCommentLength, true);
    if (in.ok())
        FUZZ_CHECK(stars.has_value(), QString());
    checkProblem(in);
}

// fleet_api.cpp readFleetChange (the reader parts) and readAbsence
void fleetChange(const QJsonObject &body)
{
    core::JsonReader in(body);
    in.allowOnly({u"strategy"_s, u"memberIds"_s, u"flowRules"_s});
    checkText(in.text(u"strategy"_s, false, 1, 40), 1, 40, false);
    checkProblem(in);
    const QJsonArray rules = body.value(u"flowRules"_s).toArray();
    for (qsizetype i = 0; i < rules.size() && i < 100; ++i) {
        core::JsonReader rule(rules[i].toObject());
        rule.allowOnly({u"flowId"_s, u"memberIds"_s});
        checkInteger(rule.integer(u"flowId"_s, true, 1, MaxId), 1, MaxId);
        checkProblem(rule);
    }
}

void absence(const QJsonObject &body)
{
    core::JsonReader in(body);
    in.allowOnly({u"absentFrom"_s, u"absentTo"_s});
    checkProblem(in);
    for (const QString &key : {u"absentFrom"_s, u"absentTo"_s}) {
        const QJsonValue v = body.value(key);
        if (!v.isString())
            continue;
        // A time the server accepts is one it can write again and read back the same.
        if (const std::optional<qint64> t = core::parseIsoUtc(v.toString())) {
            const QString written = core::toIsoUtc(*t);
            FUZZ_CHECK(core::parseIsoUtc(written) == t, v.toString() + u" -> "_s + written);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(fuzz::bytes(data, size).toByteArray(), &error);
    // The routes refuse what is not a JSON object before reading any field.
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return 0;
    const QJsonObject body = doc.object();
    login(body);
    deviceCode(body);
    newTicket(body, true);
    newTicket(body, false);
    patch(body);
    post(body);
    rating(body);
    fleetChange(body);
    absence(body);
    return 0;
}
