#pragma once

#include <QJsonObject>
#include <QString>

// What a window says about a failed request, in the user's language. The server explains
// its refusals in English (its API is for programs too); the client says the same in the
// language of the window for every code the server uses, and keeps the server's words as
// the error's `detail`.
namespace client {

// The translated sentence for the server's error object ({code, message, field,
// maxBytes}) of an answer with HTTP `status`, or an empty string when the code is not one
// of the server's.
QString serverErrorText(const QJsonObject &error, int status);

} // namespace client
