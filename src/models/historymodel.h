#pragma once

#include "client/apijob.h"
#include "client/apiresult.h"
#include "core/types.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>

namespace client {
class ApiClient;
} // namespace client

namespace models {

// Who changed what and when on one ticket, oldest first. DisplayRole: one translated
// sentence ("Anna Schmidt changed the priority from Normal to High").
class HistoryModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryModel)

public:
    enum Role { AtRole = Qt::UserRole + 1, ActorRole, FieldRole, FromRole, ToRole };

    explicit HistoryModel(client::ApiClient *api, QObject *parent = nullptr);
    ~HistoryModel() override;
    void setTicket(qint64 ticketId);
    qint64 ticketId() const { return m_ticketId; }
    // ticket.updated of this ticket: the history is fetched again, new entries appended.
    void applyEvent(const core::Event &event);
    // Staff names for ids in assignee changes.
    void setStaffNames(const QHash<qint64, QString> &names);

    // Why the status is what it is when it did not come from someone's edit: "Reopened by
    // K. Jäger's message · 9:03 PM" after a code user's answer; empty otherwise.
    QString statusReason() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void errorOccurred(const client::ApiError &error);

private:
    void fetch();
    void onFetched(const client::ApiResult &result);
    QString sentence(const core::HistoryEntry &entry) const;
    QString assigneeText(const QJsonValue &value) const;
    static QList<core::HistoryEntry> withoutRepeats(const QList<core::HistoryEntry> &entries);

    client::ApiClient *m_api;
    qint64 m_ticketId = 0;
    QList<core::HistoryEntry> m_entries;
    QHash<qint64, QString> m_names;
    QPointer<client::ApiJob> m_job;
    quint64 m_generation = 0;  // bumped per setTicket(): answers for an older one are dropped
    bool m_fetchAgain = false; // an update came while a fetch was running
};

} // namespace models
