#include "pgtestdatabase.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace testsupport {
namespace {

QAtomicInt g_counter;

QString env(const char *name)
{
    return qEnvironmentVariable(name);
}

// Runs `sql` on a fresh connection to the maintenance database (libpq's defaults).
bool runMaintenance(const QString &sql, QString *error)
{
    const QString connection = u"pgtest-maintenance-%1"_s.arg(g_counter.fetchAndAddRelaxed(1));
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
        db.setConnectOptions(u"connect_timeout=10"_s);
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                *error = q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace

TestBackend testBackend()
{
    return env("TICKET_TEST_DATABASE") == u"postgresql" ? TestBackend::PostgreSql
                                                        : TestBackend::Sqlite;
}

PgTestDatabase::PgTestDatabase()
{
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
        m_error = u"the Qt PostgreSQL driver QPSQL is missing (scripts/install-deps.sh "
                  "installs libqt6sql6-psql)"_s;
        return;
    }
    const QString name = u"ticket_test_%1_%2_%3"_s.arg(QCoreApplication::applicationPid())
                             .arg(g_counter.fetchAndAddRelaxed(1))
                             .arg(QRandomGenerator::global()->generate(), 8, 16, QChar(u'0'));
    QString why;
    if (!runMaintenance(u"CREATE DATABASE "_s + name, &why)) {
        m_error = u"no PostgreSQL to test on (PGHOST=%1 PGPORT=%2 PGUSER=%3): %4\nThe tests "
                  "labelled postgres need a server: run them under pg_virtualenv as "
                  "scripts/test.sh does, e.g. `pg_virtualenv -v 15 ctest --preset default -L "
                  "postgres`."_s.arg(env("PGHOST"), env("PGPORT"), env("PGUSER"), why);
        return;
    }
    m_name = name;
}

PgTestDatabase::~PgTestDatabase()
{
    QString why;
    if (isValid() &&
        !runMaintenance(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(m_name), &why))
        qWarning("cannot drop the test database %s: %s", qPrintable(m_name), qPrintable(why));
}

QString PgTestDatabase::url() const
{
    QString out = u"postgresql://"_s;
    if (!env("PGUSER").isEmpty())
        out += env("PGUSER") + u'@';
    // A Unix socket folder is written percent-encoded, as libpq's URLs do.
    out += QString::fromUtf8(QUrl::toPercentEncoding(env("PGHOST")));
    if (!env("PGPORT").isEmpty())
        out += u':' + env("PGPORT");
    return out + u'/' + m_name;
}

} // namespace testsupport
