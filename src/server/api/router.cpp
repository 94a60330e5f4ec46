#include "router.h"

using namespace Qt::StringLiterals;

namespace server::api {

qint64 Call::idParam(int i) const
{
    if (i < 0 || i >= params.size())
        return 0;
    bool ok = false;
    const qint64 id = params[i].toLongLong(&ok);
    return ok && id > 0 && params[i] == QString::number(id) ? id : 0;
}

void Router::add(const QByteArray &method, const QString &pattern, Access access, Handler handler)
{
    m_routes.append(
        {method, pattern.split(u'/', Qt::SkipEmptyParts), access, std::move(handler), {}});
}

void Router::addAsync(const QByteArray &method, const QString &pattern, Access access,
                      AsyncHandler handler)
{
    m_routes.append(
        {method, pattern.split(u'/', Qt::SkipEmptyParts), access, {}, std::move(handler)});
}

Router::Match Router::match(const QByteArray &method, const QStringList &segments) const
{
    Match result;
    for (const Route &route : m_routes) {
        if (route.pattern.size() != segments.size())
            continue;
        QStringList params;
        bool ok = true;
        for (qsizetype i = 0; ok && i < segments.size(); ++i) {
            const QString &p = route.pattern[i];
            if (p.startsWith(u'{'))
                params.append(segments[i]);
            else
                ok = p == segments[i];
        }
        if (!ok)
            continue;
        if (route.method == method) {
            result.route = &route;
            result.params = params;
            return result;
        }
        result.pathKnown = true;
    }
    return result;
}

QStringList Router::describe() const
{
    QStringList lines;
    for (const Route &route : m_routes) {
        QStringList pattern;
        for (const QString &p : route.pattern)
            pattern.append(p.startsWith(u'{') ? u"{id}"_s : p);
        lines.append(QString::fromLatin1(route.method) + u" /"_s + pattern.join(u'/'));
    }
    lines.sort();
    return lines;
}

} // namespace server::api
