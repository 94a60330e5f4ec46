#pragma once

#include "librarylist.h"

#include <QSortFilterProxyModel>

class QSettings;

namespace models {

// The text modules (canned replies) the signed-in staff member may use: GET /text-modules,
// live on textModule.* events. How often each was inserted is counted here, locally, in
// the client's settings (when given), for the picker's "most used first".
class TextModuleList final : public LibraryList
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TextModuleList)

public:
    enum Role {
        ShortcutRole = FirstKindRole,
        LanguageRole, // "de", "en" or empty
        BodyRole,     // with its placeholders, as stored
        UseCountRole, // insertions counted on this computer
    };

    explicit TextModuleList(client::ApiClient *api, QSettings *usage = nullptr,
                            QObject *parent = nullptr);

    int useCount(qint64 id) const;
    // One more insertion of `id`: saved, and the row's UseCountRole changes.
    void recordUse(qint64 id);

protected:
    QVariant itemData(const QJsonObject &item, int role) const override;

private:
    QSettings *m_usage;
    QHash<qint64, int> m_useCounts;
};

// The picker's view of a TextModuleList: the modules matching what was typed after "/"
// (fuzzy on name and shortcut: the letters in order; the body by substring; case and
// accents ignored), best first: name or shortcut matches before body-only ones, then the
// most used, then those in the ticket's language (and those without one), then the
// closer match, then by name.
class TextModuleFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TextModuleFilter)

public:
    explicit TextModuleFilter(QObject *parent = nullptr);

    void setQuery(const QString &query);
    QString query() const { return m_query; }
    // "de", "en" or empty (no preference).
    void setLanguage(const QString &language);

    // How well `query` matches: -1 none, 0 best. Exposed for tests.
    static int matchScore(const QString &query, const QString &name, const QString &shortcut,
                          const QString &body);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    int scoreOf(const QModelIndex &source) const;

    QString m_query;
    QString m_language;
};

} // namespace models
