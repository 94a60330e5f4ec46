#pragma once

#include "client/apiresult.h"
#include "core/ticketquery.h"

#include <QAbstractListModel>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointer>

namespace client {
class ApiClient;
class ApiJob;
} // namespace client

namespace models {

// A saved view of GET/POST/PATCH/DELETE /api/v1/views.
struct SavedView {
    qint64 id = 0;
    QString name;
    core::TicketQuery query; // filters and sort (no limit, no cursor)
    bool shared = false;
    qint64 ownerId = 0;
    qint64 position = 0;
};

// A view's `query` object (GET /tickets parameters by name) and back. Parameters the
// client does not understand make an empty query (std::nullopt).
QJsonObject viewQueryJson(const core::TicketQuery &query);
std::optional<core::TicketQuery> viewQueryFrom(const QJsonObject &json);

// The saved views the signed-in staff member may use: personal ones first, then the shared
// ones, each section in its `position` order. Every row has a live count (/tickets/facets
// `total` of its query). Rows move within their section (moveRows, or drag and drop in a
// view), and the new order is stored on the server as `position`s.
// DisplayRole name, CountRole int (-1 unknown), IdRole, SharedRole, OwnerRole, PositionRole.
class ViewList final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ViewList)

public:
    // UnreadCountRole: how many of the view's tickets are unread for me (facets `unread`).
    enum Role {
        IdRole = Qt::UserRole + 1,
        CountRole,
        SharedRole,
        OwnerRole,
        PositionRole,
        UnreadCountRole = Qt::UserRole + 10,
    };

    explicit ViewList(client::ApiClient *api, QObject *parent = nullptr);
    ~ViewList() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    // Drag and drop inside a view of this model: the dragged views' ids, and a drop moves
    // them (also where a view does not use moveRows itself).
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    // One row within its section; the other rows' positions follow (PATCH per changed row).
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                  const QModelIndex &destinationParent, int destinationChild) override;

    // GET /views (again); rows are updated in place. `loaded` when in.
    void load();
    bool isLoaded() const { return m_loaded; }
    // Every view's count again (debounced by the caller: cheap, one request per view).
    void refreshCounts();

    const QList<SavedView> &views() const { return m_views; }
    const SavedView &viewAt(int row) const { return m_views.at(row); }
    int rowOf(qint64 id) const;
    // The first row of the shared section (== rowCount() without shared views).
    int sharedStart() const;

    // The writes return their job: its finished() carries the server's refusal (e.g. 422 on
    // a name taken) for the caller to show; the model changes only on success.
    client::ApiJob *create(const QString &name, const core::TicketQuery &query, bool shared);
    client::ApiJob *rename(qint64 id, const QString &name);
    client::ApiJob *setShared(qint64 id, bool shared);
    client::ApiJob *remove(qint64 id);
    // Moves a view to `row` of its own section (0 = its first); false when out of range.
    bool move(qint64 id, int row);

Q_SIGNALS:
    void loaded();
    void created(qint64 id);
    // Reading the list or counts, or storing an order, failed (writes: see their jobs).
    void errorOccurred(const client::ApiError &error);

private:
    void apply(const QList<SavedView> &views);
    void upsert(const SavedView &view);
    void removeRow(int row);
    int sortedRow(const SavedView &view, int ignoreRow) const;
    // The row a drop lands before, or -1 when it cannot land there.
    int dropTarget(const QMimeData *data, int row, const QModelIndex &parent, qint64 *id) const;
    client::ApiJob *patchView(qint64 id, const QJsonObject &body);
    void fetchCount(const SavedView &view);

    client::ApiClient *m_api;
    QList<SavedView> m_views;
    QHash<qint64, int> m_counts;       // view id -> count
    QHash<qint64, int> m_unreadCounts; // view id -> unread count
    bool m_loaded = false;
    int m_generation = 0;
    QList<QPointer<client::ApiJob>> m_countJobs;
};

} // namespace models
