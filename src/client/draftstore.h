#pragma once

#include <QHash>
#include <QObject>
#include <QString>

namespace client {

// Unsent message and note texts per ticket, kept in a file so that they survive a restart
// or a crash. Written atomically on every change (callers debounce keystrokes). One store
// serves every composer of the session (main window and ticket windows): draftChanged()
// lets the others on the same ticket take the text.
class DraftStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DraftStore)

public:
    enum class Kind { Message, Note };
    explicit DraftStore(const QString &filePath, QObject *parent = nullptr);
    QString draft(qint64 ticketId, Kind kind) const;
    // Empty text removes the draft. Returns false when the file could not be written.
    bool setDraft(qint64 ticketId, Kind kind, const QString &text);

Q_SIGNALS:
    // The draft's text is now `text` (empty: removed), whoever set it.
    void draftChanged(qint64 ticketId, client::DraftStore::Kind kind, const QString &text);

private:
    QString m_filePath;
    QHash<QString, QString> m_drafts; // "<ticketId>/m" or "<ticketId>/n" -> text
};

} // namespace client
