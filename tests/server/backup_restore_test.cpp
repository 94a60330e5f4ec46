// ticket-server backup DIR / restore DIR: a consistent copy under a write load, a restore
// that answers as the original did, refused under a running server or for a backup whose
// files fail their checksums.
#include "commandrun.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

CommandResult backup(const QString &dataDir, const QString &target)
{
    return runServerCommand({u"backup"_s, u"--data-dir"_s, dataDir, target});
}

CommandResult restore(const QString &dataDir, const QString &source)
{
    return runServerCommand({u"restore"_s, u"--data-dir"_s, dataDir, source});
}

QString fileHash(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

// What the backup's database says, read with a connection of its own.
struct BackupContents {
    QString integrity;
    QSet<qint64> ticketIds;
};

BackupContents readBackup(const QString &dbPath)
{
    BackupContents contents;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"backup-check"_s);
        db.setDatabaseName(dbPath);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(u"PRAGMA integrity_check"_s) && q.next())
                contents.integrity = q.value(0).toString();
            q.exec(u"SELECT id FROM tickets"_s);
            while (q.next())
                contents.ticketIds.insert(q.value(0).toLongLong());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"backup-check"_s);
    return contents;
}

QJsonObject manifestOf(const QString &backupDir)
{
    QFile file(backupDir + u"/manifest.json"_s);
    return file.open(QIODevice::ReadOnly) ? parseObject(file.readAll()) : QJsonObject();
}

} // namespace

TEST(BackupRestoreTest, ABackupUnderWriteLoadIsConsistentAndHoldsEveryAcknowledgedTicket)
{
    TestServer server;
    ASSERT_TRUE(server.isRunning());
    ApiClient user(server.baseUrl());
    ASSERT_FALSE(user.loginDevice(demoDeviceCode(0)).isEmpty());
    QList<qint64> acknowledged;
    for (int i = 0; i < 20; ++i) {
        const qint64 id = createTicket(user, u"Before %1"_s.arg(i)).value(u"id"_s).toInteger();
        ASSERT_GT(id, 0);
        acknowledged.append(id);
    }
    ASSERT_EQ(uploadTextFile(user, acknowledged.constLast(), false).status, 201);

    QTemporaryDir out;
    const QString target = out.filePath(u"backup"_s);
    QProcess process;
    process.start(serverExecutable(), {u"backup"_s, u"--data-dir"_s, server.dataDir(), target});
    ASSERT_TRUE(process.waitForStarted(10000));
    // The server goes on taking writes while the backup runs.
    int during = 0;
    while (process.state() != QProcess::NotRunning && during < 2000) {
        HttpResult failure;
        const QJsonObject t = createTicket(user, u"During %1"_s.arg(during), {}, &failure);
        ASSERT_FALSE(t.isEmpty()) << failure.body.toStdString();
        ++during;
    }
    if (process.state() != QProcess::NotRunning)
        ASSERT_TRUE(process.waitForFinished(60000));
    RecordProperty("ticketsCreatedDuringTheBackup", during);
    std::printf("tickets created during the backup: %d\n", during);
    ASSERT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    // ... and after it.
    EXPECT_FALSE(createTicket(user, u"After"_s).isEmpty());

    // It holds password hashes: for its owner only.
    EXPECT_EQ(QFileInfo(target).permissions() & (QFile::ReadGroup | QFile::ReadOther), 0);
    const BackupContents contents = readBackup(target + u"/tickets.sqlite"_s);
    EXPECT_EQ(contents.integrity, u"ok"_s);
    for (qint64 id : std::as_const(acknowledged))
        EXPECT_TRUE(contents.ticketIds.contains(id)) << "ticket " << id << " is missing";

    const QJsonObject manifest = manifestOf(target);
    EXPECT_EQ(manifest.value(u"format"_s).toInt(), 1);
    EXPECT_FALSE(manifest.value(u"version"_s).toString().isEmpty());
    EXPECT_FALSE(manifest.value(u"createdAt"_s).toString().isEmpty());
    const QJsonObject counts = manifest.value(u"counts"_s).toObject();
    EXPECT_EQ(counts.value(u"tickets"_s).toInteger(), contents.ticketIds.size());
    EXPECT_GT(counts.value(u"messages"_s).toInteger(), 0);
    EXPECT_GT(counts.value(u"attachments"_s).toInteger(), 0);
    // Every file of the backup is in the manifest with its checksum.
    const QJsonObject sums = manifest.value(u"sha256"_s).toObject();
    EXPECT_EQ(sums.size(), counts.value(u"attachments"_s).toInteger() + 1);
    for (auto it = sums.constBegin(); it != sums.constEnd(); ++it)
        EXPECT_EQ(fileHash(target + u'/' + it.key()), it.value().toString())
            << it.key().toStdString();
}

TEST(BackupRestoreTest, AServerOnTheRestoredFolderAnswersAsTheOriginalDid)
{
    TestServer original;
    ASSERT_TRUE(original.isRunning());
    ApiClient user(original.baseUrl());
    ASSERT_FALSE(user.loginDevice(demoDeviceCode(0)).isEmpty());
    const qint64 id = createTicket(user, u"Kept across a restore"_s).value(u"id"_s).toInteger();
    ASSERT_GT(id, 0);
    const HttpResult up = uploadTextFile(user, id, false);
    ASSERT_EQ(up.status, 201);
    const QString attachmentId = up.object().value(u"id"_s).toString();
    ApiClient staff(original.baseUrl());
    ASSERT_FALSE(staff.loginStaff(demoLogin(u"admin"_s)).isEmpty());
    const HttpResult ticketBefore = staff.get(u"/tickets/%1"_s.arg(id));
    const HttpResult fileBefore = staff.get(u"/attachments/"_s + attachmentId);
    ASSERT_EQ(ticketBefore.status, 200);
    ASSERT_EQ(fileBefore.status, 200);

    QTemporaryDir out;
    const QString target = out.filePath(u"backup"_s);
    const CommandResult made = backup(original.dataDir(), target);
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();

    TestServer restored({false, {}});
    ASSERT_TRUE(restored.stop());
    const CommandResult back = restore(restored.dataDir(), target);
    ASSERT_EQ(back.exitCode, 0) << back.err.toStdString();
    ASSERT_TRUE(restored.restart()) << restored.output().toStdString();

    ApiClient staffAfter(restored.baseUrl());
    ASSERT_FALSE(staffAfter.loginStaff(demoLogin(u"admin"_s)).isEmpty());
    const HttpResult ticketAfter = staffAfter.get(u"/tickets/%1"_s.arg(id));
    EXPECT_EQ(ticketAfter.status, 200);
    EXPECT_EQ(ticketAfter.json, ticketBefore.json);
    const HttpResult fileAfter = staffAfter.get(u"/attachments/"_s + attachmentId);
    EXPECT_EQ(fileAfter.status, 200);
    EXPECT_EQ(fileAfter.body, fileBefore.body);
    EXPECT_EQ(fileAfter.header("content-type"), fileBefore.header("content-type"));
    EXPECT_EQ(fileAfter.header("content-disposition"), fileBefore.header("content-disposition"));
    // The code user's sign-in came along too.
    user.get(u"/me"_s);
    ApiClient sameUser(restored.baseUrl());
    sameUser.setToken(user.token());
    EXPECT_EQ(sameUser.get(u"/tickets/%1"_s.arg(id)).status, 200);
}

TEST(BackupRestoreTest, RestoreIsRefusedWhileAServerUsesTheFolder)
{
    TestServer server;
    ASSERT_TRUE(server.isRunning());
    QTemporaryDir out;
    const QString target = out.filePath(u"backup"_s);
    ASSERT_EQ(backup(server.dataDir(), target).exitCode, 0);
    const QString before = fileHash(server.dataDir() + u"/tickets.sqlite"_s);

    const CommandResult r = restore(server.dataDir(), target);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"(process %1) is using the data folder"_s.arg(server.pid())))
        << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"stop it before restoring"_s)) << r.err.toStdString();
    EXPECT_EQ(fileHash(server.dataDir() + u"/tickets.sqlite"_s), before);
    ApiClient api(server.baseUrl());
    EXPECT_FALSE(api.loginStaff(demoLogin(u"admin"_s)).isEmpty());

    // A second server on the same folder is refused just as well.
    const CommandResult twin =
        runServerCommand({u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, server.dataDir()});
    EXPECT_EQ(twin.exitCode, 1);
    EXPECT_TRUE(twin.err.contains(u"is using the data folder"_s)) << twin.err.toStdString();
}

TEST(BackupRestoreTest, ABackupThatFailsItsChecksumsIsRefused)
{
    TestServer source;
    ASSERT_TRUE(source.isRunning());
    QTemporaryDir out;
    const QString target = out.filePath(u"backup"_s);
    ASSERT_EQ(backup(source.dataDir(), target).exitCode, 0);
    const QStringList files = QDir(target + u"/attachments"_s).entryList(QDir::Files);
    ASSERT_FALSE(files.isEmpty());

    for (const QString &name :
         QStringList{u"attachments/"_s + files.constFirst(), u"tickets.sqlite"_s}) {
        SCOPED_TRACE(name.toStdString());
        QFile file(target + u'/' + name);
        ASSERT_TRUE(file.open(QIODevice::ReadWrite));
        file.seek(file.size() / 2);
        char byte = 0;
        ASSERT_TRUE(file.getChar(&byte));
        file.seek(file.size() / 2);
        ASSERT_TRUE(file.putChar(char(byte ^ 0x01)));
        file.close();

        QTemporaryDir data;
        const CommandResult r = restore(data.path(), target);
        EXPECT_EQ(r.exitCode, 1);
        EXPECT_TRUE(r.err.contains(u"fails its checksums: %1 has changed"_s.arg(name)))
            << r.err.toStdString();
        EXPECT_FALSE(QFile::exists(data.filePath(u"tickets.sqlite"_s)));

        ASSERT_TRUE(file.open(QIODevice::ReadWrite)); // mend it for the next round
        file.seek(file.size() / 2);
        file.putChar(byte);
        file.close();
    }
    QTemporaryDir data;
    EXPECT_EQ(restore(data.path(), target).exitCode, 0);
}

TEST(BackupRestoreTest, WrongFoldersAreRefused)
{
    TestServer server;
    ASSERT_TRUE(server.isRunning());
    QTemporaryDir out;
    ASSERT_TRUE(QFile(out.filePath(u"something"_s)).open(QIODevice::WriteOnly));
    const CommandResult full = backup(server.dataDir(), out.path());
    EXPECT_EQ(full.exitCode, 1);
    EXPECT_TRUE(full.err.contains(u"is not empty"_s)) << full.err.toStdString();

    QTemporaryDir data;
    const CommandResult notBackup = restore(data.path(), out.path());
    EXPECT_EQ(notBackup.exitCode, 1);
    EXPECT_TRUE(notBackup.err.contains(u"is not a backup"_s)) << notBackup.err.toStdString();

    const CommandResult noData = backup(data.filePath(u"empty"_s), out.filePath(u"b"_s));
    EXPECT_EQ(noData.exitCode, 1);
    EXPECT_TRUE(noData.err.contains(u"there is no database"_s)) << noData.err.toStdString();
}

TEST(BackupRestoreTest, ABackupOfANewerSchemaIsRefused)
{
    TestServer source;
    ASSERT_TRUE(source.isRunning());
    QTemporaryDir out;
    const QString target = out.filePath(u"backup"_s);
    ASSERT_EQ(backup(source.dataDir(), target).exitCode, 0);
    QJsonObject manifest = manifestOf(target);
    manifest.insert(u"schemaVersion"_s, 9999);
    QFile file(target + u"/manifest.json"_s);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(manifest).toJson());
    file.close();

    QTemporaryDir data;
    const CommandResult r = restore(data.path(), target);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"made by a newer ticket-server"_s)) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(data.filePath(u"tickets.sqlite"_s)));
}
