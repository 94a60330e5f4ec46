#pragma once

#include <QByteArray>
#include <QString>

namespace server {

// Attachment bytes in the data folder, under server-generated names only: nothing a
// client sends ever becomes part of a path.
class FileStore
{
public:
    explicit FileStore(const QString &directory);

    bool ensureDirectory() const;
    // Writes and syncs the bytes; returns the storage name, or empty on failure.
    QString save(const QByteArray &bytes) const;
    // Moves a file the HTTP front streamed an upload into (in this folder) into place;
    // returns the storage name, or empty on failure.
    QString adopt(const QString &incomingPath) const;
    // Removes the ".upload-*.part" files of uploads that never finished.
    void removeIncoming() const;
    QString pathOf(const QString &storageName) const;
    void remove(const QString &storageName) const;
    const QString &directory() const { return m_directory; }

private:
    QString m_directory;
};

} // namespace server
