#pragma once

#include "ratingstats.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

namespace client {
class ApiClient;
} // namespace client

namespace models {

// The period's ratings of 1 or 2 stars, newest first: the first page comes with the
// statistics, further pages through canFetchMore/fetchMore with the answer's cursor.
// Comments are shown as plain text (they come from code users).
class LowRatingsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LowRatingsModel)

public:
    enum Column {
        StarsColumn,
        DateColumn,
        TicketColumn,
        CommentColumn,
        AssigneeColumn,
        ColumnCount
    };
    // DisplayRole: formatted; SortRole: the raw value (stars, msecs, number, text).
    enum Role { TicketIdRole = Qt::UserRole + 1, SortRole };

    explicit LowRatingsModel(client::ApiClient *api, QObject *parent = nullptr);
    ~LowRatingsModel() override;

    // Names for the assignee column (ids the list does not know show as "#id").
    void setStaffNames(const QHash<qint64, QString> &names);
    // The statistics' first page; `query` asks for the next ones (a reset).
    void setFirstPage(const RatingStatsQuery &query, const QList<LowRating> &ratings,
                      const QString &nextCursor);
    void clear();

    const QList<LowRating> &ratings() const { return m_rows; }
    qint64 ticketIdAt(int row) const;
    int rowOfTicket(qint64 ticketId) const;
    bool isLoading() const { return m_job != nullptr; }
    // The staff member's name from the directory, else as the server gave it with the
    // rating, else "#id"; "Unassigned" for none.
    QString assigneeName(const LowRating &rating) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void pageLoaded(int rows);
    void errorOccurred(const client::ApiError &error);

private:
    void cancelJob();
    void appendPage(const client::ApiResult &result);

    client::ApiClient *m_api;
    RatingStatsQuery m_query;
    QList<LowRating> m_rows;
    QHash<qint64, int> m_rowByTicket;
    QHash<qint64, QString> m_staffNames;
    QString m_nextCursor;
    QPointer<client::ApiJob> m_job;
};

} // namespace models
