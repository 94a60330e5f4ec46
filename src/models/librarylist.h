#pragma once

#include "client/apijob.h" // complete type: isLoading() compares the QPointer inline
#include "client/apiresult.h"

#include <QAbstractListModel>
#include <QHash>
#include <QJsonObject>
#include <QPointer>

namespace client {
class ApiClient;
} // namespace client
namespace core {
struct Event;
}

namespace models {

// The staff's library items of one kind (text modules, macros) from GET <path>, ordered by
// name, kept live by applyEvent() on "<kind>.updated" (insert or change) and
// "<kind>.deleted". A reload applies the difference as row inserts, removals and
// dataChanged, never a reset. Shared items are announced to all staff; personal ones are
// their owner's and not announced, so the owner's own changes come through reload().
class LibraryList : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryList)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        SharedRole,
        OwnerIdRole,
        ItemRole, // the item's JSON as the server gave it (QJsonObject)
        FirstKindRole
    };

    // path: "/text-modules"; eventKind: "textModule".
    LibraryList(client::ApiClient *api, const QString &path, const QString &eventKind,
                QObject *parent = nullptr);
    ~LibraryList() override;

    void reload();
    bool isLoaded() const { return m_loaded; }
    bool isLoading() const { return m_job != nullptr; }
    // Whether `event` was one of this kind's (then it is applied).
    bool applyEvent(const core::Event &event);

    int rowOf(qint64 id) const { return m_rowById.value(id, -1); }
    qint64 idAt(int row) const;
    QJsonObject item(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void loaded();
    void errorOccurred(const client::ApiError &error);

protected:
    // The kind's own roles (FirstKindRole and up) and display text.
    virtual QVariant itemData(const QJsonObject &item, int role) const;

private:
    void take(const client::ApiResult &result);
    void upsert(const QJsonObject &item);
    void removeId(qint64 id);
    int sortedRow(const QJsonObject &item) const;
    void reindex(int from);

    client::ApiClient *m_api;
    QString m_path;
    QString m_eventKind;
    QList<QJsonObject> m_items;
    QHash<qint64, int> m_rowById;
    QPointer<client::ApiJob> m_job;
    bool m_loaded = false;
};

} // namespace models
