#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QString>
#include <functional>

namespace models {

// The command palette's list: entries of several kinds ("action", "ticket", "view",
// "textmodule", ...) filtered by a fuzzy match of what is typed, best first. The match is
// a subsequence of the typed characters in the entry's text, case- and accent-insensitive
// ("prio" finds "Priorität", "stat" "Rating statistics…"), scored by contiguous runs, word
// starts and the position of the first hit. Static entries come per kind (setEntries);
// a provider computes entries from the typed text itself (e.g. "123" -> "Open T-000123")
// and its entries come first. The model knows no widgets: the palette view runs an
// entry by its kind and key.
class PaletteModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaletteModel)

public:
    struct Entry {
        QString kind;   // who runs it: "action", "ticket", ... (the caller's word)
        QString text;   // what is shown and matched: "Rating statistics…"
        QString detail; // shown on the right: a shortcut ("Ctrl+Shift+S"), a hint
        QString key;    // the kind's own id of the entry (an action's index, a ticket id)
    };
    // Computes entries for the typed text (empty list: nothing to offer for it).
    using Provider = std::function<QList<Entry>(const QString &typed)>;

    enum Role {
        KindRole = Qt::UserRole + 1,
        DetailRole,
        KeyRole,
        ScoreRole, // int, higher is better
    };

    explicit PaletteModel(QObject *parent = nullptr);
    ~PaletteModel() override;

    // Replaces the entries of `kind` (an empty list removes them). Re-filters.
    void setEntries(const QString &kind, const QList<Entry> &entries);
    // Adds a provider asked on every change of the typed text.
    void addProvider(const Provider &provider);
    // The typed text: filters the entries (empty: all of them, in their order).
    void setFilter(const QString &typed);
    QString filter() const { return m_typed; }

    Entry entry(int row) const;
    int entryCount() const; // all entries, whatever the filter

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Lower case without accents or other marks: "Priorität" -> "prioritat".
    static QString fold(const QString &text);
    // The score of `typed` (already folded) in `folded`, or -1 when it is no subsequence.
    static int score(QStringView typed, QStringView folded);

private:
    struct Item {
        Entry entry;
        QString folded;
    };
    struct Match {
        const Item *item;
        int score;
        int order;
    };
    void refilter();

    QList<Item> m_items; // in the order they came, kinds in the order first set
    QList<Item> m_provided;
    QList<Provider> m_providers;
    QList<Match> m_rows;
    QString m_typed;
};

} // namespace models
