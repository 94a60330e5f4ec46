#include "postgresstart.h"

#include "config.h"
#include "serve.h"
#include "store/postgres/connection.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace server::cli {
namespace {

// The first line of --database-password-file, without its line end.
bool readPassword(const QString &path, QString *password, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"--database-password-file %1: cannot be read: %2"_s.arg(path, file.errorString());
        return false;
    }
    QByteArray line = file.readLine(64 * 1024);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty()) {
        *error = u"--database-password-file %1: the first line is empty"_s.arg(path);
        return false;
    }
    *password = QString::fromUtf8(line);
    return true;
}

} // namespace

int startOnPostgres(const ServerConfig &config)
{
    const DatabaseUrl &url = config.database;
    postgres::ConnectionSettings settings{url.host, url.port, url.user, url.name, {}};
    QString error;
    if (!config.databasePasswordFile.isEmpty() &&
        !readPassword(config.databasePasswordFile, &settings.password, &error))
        return fail(error);
    auto connection = postgres::Connection::open(settings, u"ticket-start"_s, &error);
    if (!connection)
        return fail(error);
    if (!connection->migrate(&error))
        return fail(error);
    printLine(u"PostgreSQL database %1: schema version %2."_s.arg(url.toDisplayString())
                  .arg(connection->schemaVersion()));
    return fail(u"serving on PostgreSQL is not available yet: only the schema exists so far "
                "(see docs/postgresql.md); use sqlite:PATH or leave --database out"_s);
}

} // namespace server::cli
