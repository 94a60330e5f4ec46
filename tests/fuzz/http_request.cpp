// server::http::parseRequest on any bytes a stranger may send to the server's port: the
// front's own parser and checks (limits, framing, smuggling) without sockets. Whatever it
// accepts must respect the limits it was given.
#include "fuzzsupport.h"
#include "http/parse.h"

using namespace Qt::StringLiterals;

namespace {

server::http::Limits limits()
{
    server::http::Limits l;
    // Small limits, so that the fuzzer reaches them with short inputs.
    l.maxHeaderBytes = 2048;
    l.maxRequestLineBytes = 512;
    l.maxHeaderFields = 20;
    l.maxJsonBytes = 4096;
    l.maxUploadBytes = 8192;
    l.isUpload = [](const server::http::Request &r) {
        return r.method == "POST" && r.segments.size() == 5 && r.segments.last() == u"attachments";
    };
    return l;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const server::http::Limits l = limits();
    const auto parsed = server::http::parseRequest(fuzz::bytes(data, size), l);
    if (const auto *refusal = std::get_if<server::http::Response>(&parsed)) {
        FUZZ_CHECK(refusal->status >= 400 && refusal->status < 500,
                   QString::number(refusal->status));
        return 0;
    }
    const server::http::Request &r = std::get<server::http::Request>(parsed);
    FUZZ_CHECK(!r.method.isEmpty(), u"no method"_s);
    FUZZ_CHECK(r.headers.size() <= l.maxHeaderFields, QString::number(r.headers.size()));
    FUZZ_CHECK(r.body.size() <= l.maxUploadBytes, QString::number(r.body.size()));
    if (!l.isUpload(r))
        FUZZ_CHECK(r.body.size() <= l.maxJsonBytes, QString::number(r.body.size()));
    for (const QString &segment : r.segments)
        FUZZ_CHECK(!segment.contains(u'/') || r.path.contains(u"%2F"_s, Qt::CaseInsensitive) ||
                       r.path.contains(u'/'),
                   segment);
    return 0;
}
