#pragma once

#include "client/apijob.h"
#include "client/apiresult.h"
#include "core/ticketquery.h"
#include "core/types.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <functional>

namespace client {
class ApiClient;
class Outbox;
} // namespace client

namespace models {

class Directory;

// The ticket queue: rows are the server's filtered, sorted list, fetched a page at a time
// (canFetchMore/fetchMore with the keyset cursor). Live events change rows in place
// (insert/remove/dataChanged, never a reset), so selection and scroll position survive.
class TicketTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketTableModel)

public:
    enum Column {
        PriorityColumn,
        NumberColumn,
        TitleColumn,
        DeviceColumn,
        CustomerColumn,
        FlowColumn,
        StatusColumn,
        AssigneeColumn,
        UpdatedColumn,
        RatingColumn,
        DueColumn, // DueCell: time left on the response clocks
        ColumnCount
    };
    // DisplayRole: formatted text; SortRole: the raw value (enum as int, msecs, ...).
    enum Role {
        IdRole = Qt::UserRole + 1, // qint64 ticket id
        SortRole,
        VersionRole,
        PriorityRole,    // int(core::Priority)
        StatusRole,      // int(core::Status)
        VisibilityRole,  // int(core::Visibility)
        UnsentRole,      // bool: the row shows the user's edits that wait in the outbox
        UnsentValueRole, // bool: this cell shows a value of such an edit (TicketCells)
        UnreadRole,      // bool: unread for me (bold, a dot at the title: see unreadcells.h)
    };

    explicit TicketTableModel(client::ApiClient *api, QObject *parent = nullptr);
    ~TicketTableModel() override;

    // A new filter or sort: the rows are replaced by the new first page (a reset).
    void setQuery(const core::TicketQuery &query);
    const core::TicketQuery &query() const { return m_query; }
    // Fetches the loaded range again and merges it into the rows (no reset): after a
    // resync or reconnect.
    void reload();
    // ticket.created / ticket.updated / message.created / rating.created: rows change in
    // place; a ticket that stops matching the query leaves, unless it is pinned.
    void applyEvent(const core::Event &event);
    // The ticket the user is on stays in the view even when it stops matching; when the
    // pin moves away, a ticket that no longer matches leaves.
    void setPinnedTicket(qint64 id);
    // The signed-in staff member (for the `assignee=me` filter when matching events).
    void setMyId(qint64 id) { m_myId = id; }
    // Rows show the edits waiting there (set apart, see TicketCells) until confirmed.
    void setOutbox(client::Outbox *outbox);
    // Names of staff members: an unsent assignee change knows the member's id only.
    void setDirectory(const Directory *directory);

    // The server's representation of a ticket (an edit's or a bulk call's answer): its row
    // changes in place, leaves or comes as an event's would.
    void applyTicket(const QJsonObject &ticket);

    // My unread mark of a loaded row (PUT/DELETE /seen, a ticket.seen event, or news by
    // someone else). Events carry no `unread`: a row keeps its mark across them.
    void setUnread(qint64 id, bool unread);

    int rowOf(qint64 id) const; // -1 if not loaded
    qint64 idAt(int row) const;
    const core::TicketSummary *summary(qint64 id) const;
    bool isLoading() const { return m_job != nullptr; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // The time the Due column counts from (msecs since the epoch); tests inject one.
    using Clock = std::function<qint64()>;
    void setClock(Clock clock);
    // The Due column's cells again (dataChanged of that column only): once a minute.
    void refreshDue();

    // Sorts through the server's allow-list (priority, number = created, status, updated,
    // due);
    // other columns are not sortable and leave the order as it is.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    static bool isSortable(int column);

Q_SIGNALS:
    void loadingChanged(bool loading);
    // A page arrived: `first` after setQuery()/reload.
    void pageLoaded(bool first, int rows);
    void errorOccurred(const client::ApiError &error);

private:
    static constexpr int PageSize = 100;

    QList<core::SortKey> effectiveSort() const;
    // The server's order: the sort keys, ties by id in the last key's direction.
    bool lessThan(const core::TicketSummary &a, const core::TicketSummary &b) const;
    bool isJudgeable() const;
    bool matches(const core::TicketSummary &t) const;
    bool inLoadedRange(const core::TicketSummary &t) const;
    int sortedPosition(const core::TicketSummary &t, int exclude = -1) const;
    void reindex(int from);
    void insertRow(int row, const core::TicketSummary &t);
    void removeRowAt(int row);
    void moveRowTo(int from, int to);
    void replaceRow(int row, const core::TicketSummary &t);
    void cancelJob();
    void setLoading(client::ApiJob *job);
    void fetchPage(bool first);
    void onPage(const client::ApiResult &result, bool first);
    void takeCursor(const client::ApiResult &result, const QJsonArray &items);
    void appendPage(const QJsonArray &items);
    void fetchReloadPage(const QString &cursor);
    void onReloadPage(const client::ApiResult &result);
    void mergeReload();
    void fetchTicket(qint64 id);
    void applySummary(const core::TicketSummary &t);
    void unsentAssigneesChanged();

    client::ApiClient *m_api;
    client::Outbox *m_outbox = nullptr;
    QPointer<const Directory> m_directory;
    core::TicketQuery m_query;
    QList<core::TicketSummary> m_rows;
    QHash<qint64, int> m_rowOf;
    QString m_nextCursor;
    bool m_atEnd = false;
    QPointer<client::ApiJob> m_job;
    qint64 m_pinned = 0;
    qint64 m_myId = 0;
    bool m_active = false;       // setQuery() was called
    bool m_failed = false;       // the last page failed: no automatic fetchMore
    bool m_hasCursorRow = false; // m_cursorRow holds the last page's last row
    core::TicketSummary m_cursorRow;
    bool m_pinnedStale = false; // the pinned row no longer matches: it leaves on unpin
    bool m_reloading = false;
    int m_reloadTarget = 0;
    QList<core::TicketSummary> m_reloadRows;
    QSet<qint64> m_touched;  // ids events changed while a reload was under way
    QSet<qint64> m_fetching; // ids asked for after activity on an unloaded row
    Clock m_clock;
    QTimer m_dueTimer;
};

} // namespace models
