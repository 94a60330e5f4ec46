#pragma once

#include "client/apijob.h"
#include "client/apiresult.h"
#include "client/outbox.h"
#include "core/types.h"

#include <QAbstractListModel>
#include <QList>
#include <QPointer>
#include <QSet>

namespace client {
class ApiClient;
class Outbox;
} // namespace client

namespace models {

// The messenger conversation or the internal notes of one ticket, ordered by server
// sequence, followed by this client's sends still in the outbox (pending, or failed
// with the reason). DisplayRole: the body (plain text, never markup).
class PostListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PostListModel)

public:
    enum class Kind { Messages, Notes };
    enum Role {
        IdRole = Qt::UserRole + 1, // qint64 (0 while pending)
        SeqRole,
        AuthorNameRole,
        AuthorTypeRole, // "staff", "code_user", "system"
        BodyRole,
        CreatedAtRole,   // QDateTime (local time)
        AttachmentsRole, // QVariantList of QVariantMap {id, name, size, contentType}
        PendingRole,     // bool: in the outbox, not yet confirmed
        FailedRole,      // QString: why the server refused it (empty: not failed)
        OutboxKeyRole,   // QString: the outbox item's key (pending rows)
        MineRole,        // bool: written by the signed-in staff member
    };

    PostListModel(client::ApiClient *api, client::Outbox *outbox, Kind kind,
                  QObject *parent = nullptr);
    ~PostListModel() override;

    Kind kind() const { return m_kind; }
    // Loads the ticket's posts (0: empty). Rows are replaced (a reset: another ticket).
    void setTicket(qint64 ticketId);
    qint64 ticketId() const { return m_ticketId; }
    // message.created / note.created of this ticket: appended when its seq is new.
    void applyEvent(const core::Event &event);
    bool isLoading() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void errorOccurred(const client::ApiError &error);

private:
    void fetchPage(qint64 after);
    void onPage(const client::ApiResult &result);
    void finishLoading();
    void setLoading(bool loading);
    // Inserts a confirmed post at its seq position unless its id or seq is already here.
    void insertPost(const core::Post &post);
    // Makes the pending rows match the outbox (insert/remove/dataChanged, no reset).
    void refreshPending();
    void onSent(const client::OutboxItem &item, const core::Post &post);
    client::OutboxItem::Kind outboxKind() const;
    QVariant postData(const core::Post &post, int role) const;
    QVariant pendingData(const client::OutboxItem &item, int role) const;

    client::ApiClient *m_api;
    client::Outbox *m_outbox;
    Kind m_kind;
    qint64 m_ticketId = 0;
    QList<core::Post> m_posts;                // confirmed, ordered by seq
    QList<client::OutboxItem> m_pendingItems; // rows after m_posts
    QSet<qint64> m_postIds;
    QList<core::Post> m_early;     // events and sends that came while loading
    QSet<QString> m_confirmedKeys; // outbox items already shown as their post
    QPointer<client::ApiJob> m_job;
    quint64 m_generation = 0; // bumped per setTicket(): answers for an older one are dropped
    bool m_loading = false;
};

} // namespace models
