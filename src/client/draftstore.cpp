#include "draftstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace client {

namespace {

QString keyOf(qint64 ticketId, DraftStore::Kind kind)
{
    return u"%1/%2"_s.arg(ticketId).arg(kind == DraftStore::Kind::Note ? u'n' : u'm');
}

} // namespace

DraftStore::DraftStore(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_filePath(filePath)
{
    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadOnly))
        return; // no drafts yet
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString text = it.value().toString();
        if (!text.isEmpty())
            m_drafts.insert(it.key(), text);
    }
}

QString DraftStore::draft(qint64 ticketId, Kind kind) const
{
    return m_drafts.value(keyOf(ticketId, kind));
}

bool DraftStore::setDraft(qint64 ticketId, Kind kind, const QString &text)
{
    const QString key = keyOf(ticketId, kind);
    if (text.isEmpty()) {
        if (m_drafts.remove(key) == 0)
            return true;
    } else {
        if (m_drafts.value(key) == text)
            return true;
        m_drafts.insert(key, text);
    }
    QJsonObject o;
    for (auto it = m_drafts.cbegin(); it != m_drafts.cend(); ++it)
        o.insert(it.key(), it.value());
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QSaveFile file(m_filePath);
    const bool written = file.open(QIODevice::WriteOnly) &&
                         file.write(QJsonDocument(o).toJson(QJsonDocument::Compact)) >= 0 &&
                         file.commit();
    Q_EMIT draftChanged(ticketId, kind, text);
    return written;
}

} // namespace client
