#include "filestore.h"

#include "auth/tokens.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace server {

FileStore::FileStore(const QString &directory)
    : m_directory(directory)
{}

bool FileStore::ensureDirectory() const
{
    return QDir().mkpath(m_directory);
}

QString FileStore::save(const QByteArray &bytes) const
{
    const QString name = QString::fromLatin1(auth::randomHexId());
    QSaveFile file(pathOf(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return {};
    return name;
}

QString FileStore::adopt(const QString &incomingPath) const
{
    const QString name = QString::fromLatin1(auth::randomHexId());
    if (QFileInfo(incomingPath).absolutePath() != QFileInfo(m_directory).absoluteFilePath() ||
        !QFile::rename(incomingPath, pathOf(name)))
        return {};
    return name;
}

void FileStore::removeIncoming() const
{
    const QDir dir(m_directory);
    for (const QString &name :
         dir.entryList({QStringLiteral(".upload-*.part")}, QDir::Files | QDir::Hidden))
        QFile::remove(dir.filePath(name));
}

QString FileStore::pathOf(const QString &storageName) const
{
    return m_directory + QLatin1Char('/') + storageName;
}

void FileStore::remove(const QString &storageName) const
{
    QFile::remove(pathOf(storageName));
}

} // namespace server
