#include "apiresult.h"

namespace client {

bool ApiError::isTransient() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
        return true;
    case Kind::Http:
        return status >= 500 || status == 429;
    default:
        return false;
    }
}

QByteArray ApiResult::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

qint64 ApiResult::etagVersion() const
{
    QByteArray etag = header("ETag").trimmed();
    if (etag.startsWith("W/"))
        etag = etag.mid(2);
    if (etag.size() >= 2 && etag.startsWith('"') && etag.endsWith('"'))
        etag = etag.mid(1, etag.size() - 2);
    bool ok = false;
    const qint64 v = etag.toLongLong(&ok);
    return ok ? v : -1;
}

} // namespace client
