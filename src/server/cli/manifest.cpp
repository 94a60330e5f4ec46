#include "manifest.h"

#include "core/timeutil.h"

#include <QCryptographicHash>
#include <QFile>

using namespace Qt::StringLiterals;

namespace server::cli {

QJsonObject Manifest::toJson() const
{
    QJsonObject checksums;
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        checksums.insert(it.key(), it.value());
    return {{u"format"_s, Format},
            {u"version"_s, version},
            {u"createdAt"_s, core::toIsoUtc(createdAt)},
            {u"schemaVersion"_s, schemaVersion},
            {u"counts"_s, QJsonObject{{u"tickets"_s, tickets},
                                      {u"messages"_s, messages},
                                      {u"attachments"_s, attachments}}},
            {u"sha256"_s, checksums}};
}

std::optional<Manifest> Manifest::fromJson(const QJsonObject &json)
{
    if (json.value(u"format"_s).toInt() != Format || !json.value(u"sha256"_s).isObject())
        return std::nullopt;
    Manifest m;
    m.version = json.value(u"version"_s).toString();
    m.schemaVersion = json.value(u"schemaVersion"_s).toInt();
    const QJsonObject counts = json.value(u"counts"_s).toObject();
    m.tickets = counts.value(u"tickets"_s).toInteger();
    m.messages = counts.value(u"messages"_s).toInteger();
    m.attachments = counts.value(u"attachments"_s).toInteger();
    const QJsonObject checksums = json.value(u"sha256"_s).toObject();
    for (auto it = checksums.constBegin(); it != checksums.constEnd(); ++it)
        m.files.insert(it.key(), it.value().toString());
    if (!m.files.contains(Database))
        return std::nullopt;
    return m;
}

QString sha256OfFile(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace server::cli
