#include "backup.h"

#include "manifest.h"
#include "serve.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace server::cli {
namespace {

// A connection to one database file, removed again when this goes.
class ScopedDatabase
{
public:
    ScopedDatabase(const QString &path, const QString &name)
        : m_name(name)
    {
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        m_db.setDatabaseName(path);
        m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
        m_db.open();
    }
    ~ScopedDatabase()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase &db() { return m_db; }
    qint64 number(const QString &sql)
    {
        QSqlQuery q(m_db);
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }

private:
    QString m_name;
    QSqlDatabase m_db;
};

bool snapshot(const QString &dbPath, const QString &copyPath, QString *error)
{
    ScopedDatabase source(dbPath, u"backup-source"_s);
    if (!source.db().isOpen()) {
        *error = u"cannot open the database: "_s + source.db().lastError().text();
        return false;
    }
    QSqlQuery q(source.db());
    q.prepare(u"VACUUM INTO ?"_s);
    q.addBindValue(copyPath);
    if (!q.exec()) {
        *error = u"cannot copy the database: "_s + q.lastError().text();
        return false;
    }
    return true;
}

// Reads the copy's counts and attachment file names into the manifest.
bool describe(const QString &copyPath, Manifest *manifest, QStringList *storageNames,
              QString *error)
{
    ScopedDatabase copy(copyPath, u"backup-copy"_s);
    manifest->schemaVersion = int(copy.number(u"PRAGMA user_version"_s));
    manifest->tickets = copy.number(u"SELECT COUNT(*) FROM tickets"_s);
    manifest->messages = copy.number(u"SELECT COUNT(*) FROM messages"_s);
    manifest->attachments = copy.number(u"SELECT COUNT(*) FROM attachments"_s);
    QSqlQuery q(copy.db());
    if (manifest->tickets < 0 || !q.exec(u"SELECT storage_name FROM attachments"_s)) {
        *error = u"cannot read the copied database"_s;
        return false;
    }
    while (q.next())
        storageNames->append(q.value(0).toString());
    return true;
}

} // namespace

int makeBackup(const QString &dataDir, const QString &target)
{
    const QString dbPath = dataDir + u"/tickets.sqlite"_s;
    if (!QFile::exists(dbPath))
        return fail(u"there is no database in %1"_s.arg(dataDir));
    const QDir out(target);
    if (out.exists() && !out.isEmpty())
        return fail(u"%1 exists and is not empty: back up into a new folder"_s.arg(target));
    if (!QDir().mkpath(out.filePath(u"attachments"_s)))
        return fail(u"cannot create %1"_s.arg(target));
    // It holds password and token hashes: for the owner only, wherever it is put.
    QFile::setPermissions(out.absolutePath(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    Manifest manifest;
    manifest.version = QCoreApplication::applicationVersion();
    manifest.createdAt = QDateTime::currentMSecsSinceEpoch();
    QString error;
    QStringList storageNames;
    if (!snapshot(dbPath, out.filePath(Manifest::Database), &error) ||
        !describe(out.filePath(Manifest::Database), &manifest, &storageNames, &error))
        return fail(error);
    // Files are never changed once written, and a committed row's file is never removed:
    // each file the snapshot names is there to copy, whatever the server does meanwhile.
    for (const QString &name : std::as_const(storageNames)) {
        const QString relative = u"attachments/"_s + name;
        if (!QFile::copy(dataDir + u'/' + relative, out.filePath(relative)))
            return fail(u"cannot copy the attachment file %1"_s.arg(relative));
    }
    for (const QString &relative : QStringList{Manifest::Database} + storageNames) {
        const QString name =
            relative == Manifest::Database ? relative : u"attachments/"_s + relative;
        const QString sum = sha256OfFile(out.filePath(name));
        if (sum.isEmpty())
            return fail(u"cannot read back %1"_s.arg(out.filePath(name)));
        manifest.files.insert(name, sum);
    }
    QSaveFile file(out.filePath(Manifest::FileName));
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(manifest.toJson()).toJson()) < 0 || !file.commit())
        return fail(u"cannot write the manifest: "_s + file.errorString());
    printLine(u"Backed up %1 tickets, %2 messages and %3 attachments to %4."_s.arg(manifest.tickets)
                  .arg(manifest.messages)
                  .arg(manifest.attachments)
                  .arg(QDir(target).absolutePath()));
    return 0;
}

} // namespace server::cli
