#include "databaseurl.h"

#include <QDir>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace server {
namespace {

const QString Forms = u"sqlite:PATH or postgresql://user@host:port/dbname"_s;

std::optional<DatabaseUrl> wrong(QString *error, const QString &reason)
{
    *error = reason;
    return std::nullopt;
}

} // namespace

std::optional<DatabaseUrl> DatabaseUrl::parse(const QString &text, QString *error)
{
    DatabaseUrl url;
    if (text.startsWith(u"sqlite:"_s)) {
        const QString path = text.mid(7);
        if (path.isEmpty())
            return wrong(error, u"wants a file after sqlite:, e.g. sqlite:/srv/tickets.sqlite"_s);
        url.sqlitePath = QDir::cleanPath(QDir::current().absoluteFilePath(path));
        return url;
    }
    const QUrl parsed(text, QUrl::StrictMode);
    const QString scheme = parsed.scheme();
    if (scheme != u"postgresql" && scheme != u"postgres")
        return wrong(error, u"wants "_s + Forms);
    if (!parsed.isValid())
        return wrong(error, u"is not a valid URL (%1)"_s.arg(parsed.errorString()));
    if (parsed.userInfo(QUrl::FullyEncoded).contains(u':'))
        return wrong(error, u"must not contain a password: give it in PGPASSWORD, ~/.pgpass or "
                            "--database-password-file"_s);
    if (parsed.hasQuery() || parsed.hasFragment())
        return wrong(error, u"takes no parameters (?...) or fragment (#...): wants "_s + Forms);
    url.kind = Kind::PostgreSql;
    url.user = parsed.userName(QUrl::FullyDecoded);
    // QUrl keeps an encoded '/' in the host: a Unix socket folder, as libpq reads it.
    url.host = QUrl::fromPercentEncoding(parsed.host(QUrl::FullyEncoded).toUtf8());
    url.port = qMax(0, parsed.port());
    QString path = parsed.path(QUrl::FullyDecoded);
    if (path.startsWith(u'/'))
        path.remove(0, 1);
    if (path.contains(u'/'))
        return wrong(error, u"wants one database name after the host, e.g. "
                            "postgresql://ticket@db.example:5432/tickets"_s);
    url.name = path;
    return url;
}

QString DatabaseUrl::toDisplayString() const
{
    if (kind == Kind::Sqlite)
        return u"sqlite:"_s + sqlitePath;
    QString out = u"postgresql://"_s;
    if (!user.isEmpty())
        out += user + u'@';
    out += host;
    if (port > 0)
        out += u':' + QString::number(port);
    return out + u'/' + name;
}

} // namespace server
