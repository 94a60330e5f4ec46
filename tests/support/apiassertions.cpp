#include "apiassertions.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace testsupport {

// What an error body must never show: SQL, file paths, traces, internals.
bool leaksInternals(const QByteArray &body)
{
    const QByteArray lower = body.toLower();
    for (const char *word :
         {"select ",        "insert ",    "update ", "delete ",      "drop ",
          " where ",        "sqlite",     "qsql",    "syntax error", "no such table",
          "no such column", "constraint", "/work",   "/tmp",         "/home",
          ".cpp",           ".h:",        "stack",   "trace",        "exception",
          "assert",         "segfault",   "passwd",  "win.ini"}) {
        if (lower.contains(word))
            return true;
    }
    return false;
}

// {"error": {"code", "message", ["field"]}} and nothing else, with the expected status.
void expectError(const HttpResult &r, int status, const QString &field, const std::string &what)
{
    const std::string body = r.body.left(400).toStdString();
    EXPECT_EQ(r.status, status) << what << "\n  " << body;
    const QJsonObject e = r.object().value(u"error"_s).toObject();
    EXPECT_TRUE(r.object().size() == 1 && !e.isEmpty()) << what << ": not an error body: " << body;
    EXPECT_FALSE(e.value(u"code"_s).toString().isEmpty()) << what << ": " << body;
    EXPECT_FALSE(e.value(u"message"_s).toString().isEmpty()) << what << ": " << body;
    for (auto it = e.begin(); it != e.end(); ++it) {
        // Text members, and the limit of a 413 (`maxBytes`, a positive integer).
        const bool limit = it.key() == u"maxBytes" && status == 413 && it.value().isDouble() &&
                           it.value().toInteger() > 0;
        EXPECT_TRUE(limit ||
                    (QStringList({u"code"_s, u"message"_s, u"field"_s}).contains(it.key()) &&
                     it.value().isString()))
            << what << ": unexpected error member " << it.key().toStdString();
    }
    if (status == 413) // the limit, so that clients can say it in their language
        EXPECT_GT(e.value(u"maxBytes"_s).toInteger(), 0) << what << ": " << body;
    if (!field.isEmpty()) {
        EXPECT_EQ(e.value(u"field"_s).toString(), field) << what << ": " << body;
    }
    EXPECT_FALSE(leaksInternals(r.body)) << what << ": the error gives internals away: " << body;
    EXPECT_TRUE(r.header("content-type").startsWith("application/json")) << what;
}

} // namespace testsupport
