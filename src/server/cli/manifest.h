#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <optional>

namespace server::cli {

// manifest.json of a backup: what it holds and the SHA-256 of every file in it.
struct Manifest {
    static constexpr int Format = 1;
    static inline const QString FileName = QStringLiteral("manifest.json");
    static inline const QString Database = QStringLiteral("tickets.sqlite");

    QString version; // of the ticket-server that made it
    qint64 createdAt = 0;
    int schemaVersion = 0;
    qint64 tickets = 0;
    qint64 messages = 0;
    qint64 attachments = 0;
    QMap<QString, QString> files; // path in the backup -> SHA-256 (hex)

    QJsonObject toJson() const;
    static std::optional<Manifest> fromJson(const QJsonObject &json);
};

// The SHA-256 of a file in hex, or empty when it cannot be read.
QString sha256OfFile(const QString &path);

} // namespace server::cli
