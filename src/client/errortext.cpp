#include "errortext.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace client {

namespace {

// Refusals about one field of what was sent: the field is named as the API names it.
QString fieldText(const QString &code, const QString &field)
{
    if (code == u"missing_field")
        return field.isEmpty() ? QCoreApplication::translate("client::ServerError",
                                                             "Something required is missing.")
                               : QCoreApplication::translate("client::ServerError",
                                                             "\u201c%1\u201d is required.")
                                     .arg(field);
    if (code == u"too_long")
        return QCoreApplication::translate("client::ServerError", "\u201c%1\u201d is too long.")
            .arg(field);
    if (code == u"too_short")
        return QCoreApplication::translate("client::ServerError", "\u201c%1\u201d is too short.")
            .arg(field);
    if (code == u"too_many")
        return QCoreApplication::translate("client::ServerError",
                                           "\u201c%1\u201d has too many entries.")
            .arg(field);
    if (code == u"out_of_range")
        return QCoreApplication::translate("client::ServerError", "\u201c%1\u201d is out of range.")
            .arg(field);
    if (code == u"invalid_characters")
        return QCoreApplication::translate(
                   "client::ServerError",
                   "\u201c%1\u201d contains characters that are not allowed.")
            .arg(field);
    if (code == u"wrong_type" || code == u"invalid_value" || code == u"unknown_field" ||
        code == u"invalid_parameter")
        return field.isEmpty()
                   ? QCoreApplication::translate("client::ServerError",
                                                 "The server did not accept what was sent.")
                   : QCoreApplication::translate("client::ServerError",
                                                 "The server did not accept \u201c%1\u201d.")
                         .arg(field);
    return {};
}

} // namespace

QString serverErrorText(const QJsonObject &error, int status)
{
    const QString code = error.value(u"code"_s).toString();
    const QString field = error.value(u"field"_s).toString();
    if (QString text = fieldText(code, field); !text.isEmpty())
        return text;
    if (code == u"unauthorized")
        return QCoreApplication::translate("client::ServerError",
                                           "The session has ended: sign in again.");
    if (code == u"invalid_credentials")
        return QCoreApplication::translate("client::ServerError", "Login or password is wrong.");
    if (code == u"invalid_code")
        return QCoreApplication::translate("client::ServerError", "This device code is not known.");
    if (code == u"forbidden")
        return QCoreApplication::translate("client::ServerError",
                                           "You are not allowed to do this.");
    if (code == u"not_found")
        return QCoreApplication::translate(
            "client::ServerError", "This does not exist (any more), or it is not yours to see.");
    if (code == u"method_not_allowed")
        return QCoreApplication::translate("client::ServerError",
                                           "The server does not offer this.");
    if (code == u"version_mismatch")
        return QCoreApplication::translate("client::ServerError",
                                           "Someone else changed this in the meantime.");
    if (code == u"if_match_required")
        return QCoreApplication::translate(
            "client::ServerError",
            "The server needs to know which version was changed: reload and try again.");
    if (code == u"illegal_transition")
        return QCoreApplication::translate(
            "client::ServerError", "The ticket cannot go to this status from its current one.");
    if (code == u"ticket_closed")
        return QCoreApplication::translate("client::ServerError", "The ticket is closed.");
    if (code == u"internal_ticket")
        return QCoreApplication::translate(
            "client::ServerError",
            "The ticket is internal: its code user cannot read a message. Make it public first.");
    if (code == u"not_resolved")
        return QCoreApplication::translate("client::ServerError",
                                           "Only a resolved or closed ticket can be rated.");
    if (code == u"already_rated")
        return QCoreApplication::translate("client::ServerError",
                                           "This ticket has been rated already.");
    if (code == u"too_large") {
        const qint64 maxBytes = error.value(u"maxBytes"_s).toInteger();
        return maxBytes > 0
                   ? QCoreApplication::translate("client::ServerError",
                                                 "This is larger than the server accepts (at "
                                                 "most %1).")
                         .arg(QLocale().formattedDataSize(maxBytes))
                   : QCoreApplication::translate("client::ServerError",
                                                 "This is larger than the server accepts.");
    }
    if (code == u"unsupported_media_type")
        return QCoreApplication::translate("client::ServerError",
                                           "The server does not take this kind of content.");
    if (code == u"empty_file")
        return QCoreApplication::translate("client::ServerError", "The file is empty.");
    // The last three come from the server's HTTP front: a request it could not parse, a
    // request line or header over its limits.
    if (code == u"malformed_json" || code == u"bad_request" || code == u"uri_too_long" ||
        code == u"headers_too_large")
        return QCoreApplication::translate("client::ServerError",
                                           "The server could not read the request.");
    if (code == u"idempotency_key_reused" || code == u"invalid_idempotency_key")
        return QCoreApplication::translate("client::ServerError",
                                           "The request was sent twice with different contents.");
    if (code == u"too_many_files")
        return QCoreApplication::translate(
            "client::ServerError",
            "Too many files wait to be sent: send the files already added with a message first.");
    if (code == u"rate_limited" || status == 429)
        return QCoreApplication::translate("client::ServerError",
                                           "Too many attempts: wait a moment and try again.");
    if (code == u"busy")
        return QCoreApplication::translate(
            "client::ServerError",
            "The server is busy with other sign-ins: try again in a moment.");
    if (code == u"unavailable")
        return QCoreApplication::translate(
            "client::ServerError", "The server cannot take this right now: try again in a moment.");
    if (code == u"internal" || status >= 500)
        return QCoreApplication::translate(
            "client::ServerError", "The server could not complete the request. Try again later.");
    return {};
}

} // namespace client
