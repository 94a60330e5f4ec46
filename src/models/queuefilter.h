#pragma once

#include "client/apiresult.h"
#include "core/ticketquery.h"

#include <QAbstractListModel>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

namespace client {
class ApiClient;
class ApiJob;
} // namespace client

namespace models {

// The built-in queues of the sidebar. The values are stored in the settings: new ones go at
// the end (the sidebar's order is QueueListModel's).
enum class Queue {
    NewUnassigned,
    Mine,
    AllOpen,
    Waiting,
    RecentlyResolved,
    Internal,
    All,
    NeedsReply, // awaiting=staff: the code user's message is the last one
};

// The query a queue stands for (statuses, assignee, visibility, sort).
core::TicketQuery queueQuery(Queue queue);

// The sidebar's queue list: one row per Queue with its live count (facets `total` of the
// queue combined with the extra filters) and how many of those are unread for me (facets
// `unread.total`). DisplayRole "Name", CountRole and UnreadCountRole int (-1 unknown).
class QueueListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueListModel)

public:
    // UnreadCountRole: the same number in every model with counts (see CountDelegate).
    enum Role { QueueRole = Qt::UserRole + 1, CountRole, UnreadCountRole = Qt::UserRole + 10 };
    explicit QueueListModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Queue queueAt(int row) const;
    int rowOf(Queue queue) const;
    void setCount(Queue queue, int count);
    void setUnreadCount(Queue queue, int count);

private:
    QList<int> m_counts;       // by row
    QList<int> m_unreadCounts; // by row
};

// A filter group of the sidebar (statuses or priorities): one checkable row per value with
// its count from /tickets/facets. No row checked: no filter on that dimension.
// DisplayRole "Name", CountRole int, ValueRole int(enum), Qt::CheckStateRole (editable).
class FacetListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FacetListModel)

public:
    enum class Dimension { Status, Priority };
    enum Role { ValueRole = Qt::UserRole + 1, CountRole, UnreadCountRole = Qt::UserRole + 10 };
    explicit FacetListModel(Dimension dimension, QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // The facets answer's object for this dimension ({"new": 3, ...}).
    void setCounts(const QJsonObject &counts);
    // The same for the unread ones (the answer's `unread` object for this dimension).
    void setUnreadCounts(const QJsonObject &counts);
    QList<int> checkedValues() const; // enum values as int
    void setCheckedValues(const QList<int> &values);
    Dimension dimension() const { return m_dimension; }

Q_SIGNALS:
    void checkedChanged();

private:
    QString valueKey(int value) const; // the API's name of a value ("new", "high")

    Dimension m_dimension;
    QList<int> m_values; // enum value of each row
    QList<int> m_counts;
    QList<int> m_unreadCounts;
    QList<bool> m_checked;
};

// The sidebar's state: chosen queue, checked statuses/priorities (they override the
// queue's own), and the extra filters (search text, assignee, flow, visibility, device,
// customer). Builds the table's query and keeps every count live through /tickets/facets
// (debounced; refreshed on events).
class QueueFilter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueFilter)

public:
    QueueFilter(client::ApiClient *api, QObject *parent = nullptr);

    QueueListModel *queues() { return &m_queues; }
    FacetListModel *statuses() { return &m_statuses; }
    FacetListModel *priorities() { return &m_priorities; }

    Queue queue() const { return m_queue; }
    bool setQueue(Queue queue);
    // Extra filters: only assignee*, flowIds, visibilities, deviceIds, customerIds, fleetIds,
    // text, the created range (relative days kept), excluded and phrases of `extra` are used.
    bool setExtraFilters(const core::TicketQuery &extra);
    const core::TicketQuery &extraFilters() const { return m_extra; }
    bool setText(const QString &text);
    // Keeps the user's sort across queue changes (empty: the queue's default).
    void setSort(const QList<core::SortKey> &sort);

    // The choices beside the queue as one query: ticked statuses and priorities and the
    // extra filters (what the search box shows as terms).
    core::TicketQuery overrides() const;
    // Sets all of them at once (one queryChanged); the queue and sort stay.
    bool setOverrides(const core::TicketQuery &overrides);
    // A saved view's query: the queue "All" with its filters and sort.
    void applyView(const core::TicketQuery &view);

    core::TicketQuery query() const;
    // Asks the server for every count again (debounced by `delayMs`).
    void refreshCounts(int delayMs = 300);

Q_SIGNALS:
    void queryChanged(const core::TicketQuery &query);
    void errorOccurred(const client::ApiError &error);
    // A round of counts goes out (saved views count along).
    void countsRequested();

private:
    void emitChanged();
    void fetchCounts();

    client::ApiClient *m_api;
    QueueListModel m_queues;
    FacetListModel m_statuses{FacetListModel::Dimension::Status};
    FacetListModel m_priorities{FacetListModel::Dimension::Priority};
    Queue m_queue = Queue::AllOpen;
    core::TicketQuery m_extra;
    QList<core::SortKey> m_sort;
    QTimer m_debounce;
    bool m_batch = false; // several setters, one queryChanged
    int m_generation = 0;
    int m_reportedGeneration = 0; // the count round whose error was already reported
    // The query last announced by queryChanged. std::optional: GCC 12 warns wrongly about
    // two default-constructed TicketQuery members in one constructor.
    std::optional<core::TicketQuery> m_emitted;
    QList<QPointer<client::ApiJob>> m_countJobs;
};

} // namespace models
