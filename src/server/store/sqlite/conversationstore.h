#pragma once

#include "store/store.h"

namespace server::sqlite {

class Connection;

class SqliteConversationStore final : public ConversationStore
{
public:
    explicit SqliteConversationStore(Connection &connection)
        : m_c(connection)
    {}
    std::optional<QList<core::Post>> messages(qint64 ticketId, qint64 afterSeq, int limit,
                                              const Caller &caller) override;
    std::optional<QList<core::Post>> notes(qint64 ticketId, qint64 afterSeq, int limit,
                                           const Caller &caller) override;
    PostOutcome addMessage(qint64 ticketId, const QString &body, const QStringList &attachmentIds,
                           const Caller &caller, qint64 now, core::Post *created) override;
    PostOutcome addNote(qint64 ticketId, const QString &body, const QStringList &attachmentIds,
                        const Caller &caller, qint64 now, core::Post *created) override;
    void addAttachment(const StoredAttachment &attachment, const Caller &caller) override;
    std::optional<StoredAttachment> attachment(const QString &id, const Caller &caller) override;
    qint64 unpostedUploads(const Caller &caller) override;

private:
    enum class Kind { Message, Note };
    bool canSee(qint64 ticketId, const Caller &caller);
    std::optional<QList<core::Post>> posts(Kind kind, qint64 ticketId, qint64 afterSeq, int limit,
                                           const Caller &caller);
    PostOutcome addPost(Kind kind, qint64 ticketId, const QString &body,
                        const QStringList &attachmentIds, const Caller &caller, qint64 now,
                        core::Post *created);
    // Whether every id names an unlinked attachment of this ticket uploaded by the caller
    // (and, for messages, a public one).
    bool attachmentsUsable(Kind kind, qint64 ticketId, const QStringList &ids,
                           const Caller &caller);

    Connection &m_c;
};

} // namespace server::sqlite
