#include "backup.h"

#include "datalock.h"
#include "manifest.h"
#include "serve.h"
#include "store/sqlite/schema.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace server::cli {
namespace {

// What a data folder holds of the server's state (the lock file stays).
const QStringList DataEntries{u"tickets.sqlite"_s, u"tickets.sqlite-wal"_s, u"tickets.sqlite-shm"_s,
                              u"attachments"_s};

std::optional<Manifest> readManifest(const QDir &source, QString *error)
{
    QFile file(source.filePath(Manifest::FileName));
    if (!file.open(QIODevice::ReadOnly)) {
        *error =
            u"%1 is not a backup: it has no readable %2"_s.arg(source.path(), Manifest::FileName);
        return std::nullopt;
    }
    auto manifest = Manifest::fromJson(QJsonDocument::fromJson(file.readAll()).object());
    if (!manifest)
        *error = u"%1 is not a backup of this program (%2 is not one)"_s.arg(source.path(),
                                                                             Manifest::FileName);
    return manifest;
}

bool verify(const QDir &source, const Manifest &manifest, QString *error)
{
    for (auto it = manifest.files.cbegin(); it != manifest.files.cend(); ++it) {
        const QString &name = it.key();
        if (name.contains(u"..") || name.startsWith(u'/') ||
            (name != Manifest::Database && !name.startsWith(u"attachments/"))) {
            *error = u"the backup's manifest names a file outside it: "_s + name;
            return false;
        }
        const QString sum = sha256OfFile(source.filePath(name));
        if (sum.isEmpty() || sum != it.value()) {
            *error = u"the backup %1 fails its checksums: %2 %3; nothing was restored"_s.arg(
                source.path(), name, sum.isEmpty() ? u"is missing"_s : u"has changed"_s);
            return false;
        }
    }
    return true;
}

bool copyInto(const QDir &source, const Manifest &manifest, const QDir &staging, QString *error)
{
    if (!staging.mkpath(u"attachments"_s)) {
        *error = u"cannot create "_s + staging.path();
        return false;
    }
    for (const QString &name : manifest.files.keys()) {
        if (!QFile::copy(source.filePath(name), staging.filePath(name))) {
            *error = u"cannot copy %1 into the data folder"_s.arg(name);
            return false;
        }
    }
    return true;
}

// Moves the folder's current data aside; returns where (empty when there was none).
QString moveAside(const QDir &data, QString *error)
{
    const QString aside =
        u"replaced-"_s + QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    bool any = false;
    for (const QString &entry : DataEntries) {
        if (!QFileInfo::exists(data.filePath(entry)))
            continue;
        if ((!any && !data.mkpath(aside)) ||
            !QFile::rename(data.filePath(entry), data.filePath(aside + u'/' + entry))) {
            *error = u"cannot move %1 aside"_s.arg(data.filePath(entry));
            return {};
        }
        any = true;
    }
    return any ? data.filePath(aside) : QString();
}

} // namespace

int restoreBackup(const QString &dataDir, const QString &source)
{
    const QDir from(source);
    const QDir data(dataDir);
    QString error;
    if (!QDir().mkpath(dataDir))
        return fail(u"cannot create the data folder "_s + dataDir);
    const std::unique_ptr<DataLock> lock = DataLock::acquire(dataDir, &error);
    if (!lock)
        return fail(error + u": stop it before restoring; nothing was restored"_s);
    const std::optional<Manifest> manifest = readManifest(from, &error);
    if (!manifest || !verify(from, *manifest, &error))
        return fail(error);
    if (manifest->schemaVersion > sqlite::migrations().size())
        return fail(u"the backup was made by a newer ticket-server (%1, schema %2; this one "
                    "knows schema %3); nothing was restored"_s.arg(manifest->version)
                        .arg(manifest->schemaVersion)
                        .arg(sqlite::migrations().size()));

    const QDir staging(data.filePath(u".restore-staging"_s));
    QDir(staging).removeRecursively();
    if (!copyInto(from, *manifest, staging, &error)) {
        QDir(staging).removeRecursively();
        return fail(error + u"; nothing was restored"_s);
    }
    const QString aside = moveAside(data, &error);
    if (!error.isEmpty())
        return fail(error);
    for (const QString &entry : {Manifest::Database, u"attachments"_s}) {
        if (!QFile::rename(staging.filePath(entry), data.filePath(entry)))
            return fail(u"cannot move the restored %1 into place (the restored copy is in %2, "
                        "the previous data in %3)"_s.arg(entry, staging.path(), aside));
    }
    QDir(staging).removeRecursively();
    printLine(u"Restored %1 tickets, %2 messages and %3 attachments from %4 into %5."_s
                  .arg(manifest->tickets)
                  .arg(manifest->messages)
                  .arg(manifest->attachments)
                  .arg(from.absolutePath(), dataDir));
    if (!aside.isEmpty())
        printLine(u"The data the folder held before is in %1."_s.arg(aside));
    return 0;
}

} // namespace server::cli
