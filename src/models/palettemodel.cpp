#include "palettemodel.h"

#include <algorithm>

namespace models {

namespace {

bool isWordStart(QStringView folded, qsizetype i)
{
    if (i == 0)
        return true;
    const QChar before = folded.at(i - 1);
    return !before.isLetterOrNumber();
}

} // namespace

PaletteModel::PaletteModel(QObject *parent)
    : QAbstractListModel(parent)
{}

PaletteModel::~PaletteModel() = default;

QString PaletteModel::fold(const QString &text)
{
    // Decomposed, the accents are marks of their own that can be left out: "ä" -> "a".
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        const QChar::Category category = c.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining ||
            category == QChar::Mark_Enclosing)
            continue;
        out.append(c.toCaseFolded());
    }
    // "ß" folds to itself; people type "ss".
    out.replace(QChar(0x00DF), QLatin1String("ss"));
    return out;
}

int PaletteModel::score(QStringView typed, QStringView folded)
{
    if (typed.isEmpty())
        return 0;
    // A contiguous hit beats any scattered one; at a word start and early, better still.
    qsizetype at = folded.indexOf(typed);
    if (at >= 0) {
        qsizetype best = at;
        for (qsizetype i = at; i >= 0 && !isWordStart(folded, best);
             i = folded.indexOf(typed, i + 1)) {
            if (isWordStart(folded, i))
                best = i;
        }
        int s = 1000 + int(typed.size()) * 10 - int(std::min<qsizetype>(best, 100));
        if (isWordStart(folded, best))
            s += 200;
        if (best == 0)
            s += 100;
        return s - int(std::min<qsizetype>(folded.size(), 200)) / 10;
    }
    // A subsequence: each character after the previous one, preferring to land on a word
    // start when one comes before the next plain occurrence is passed.
    int s = 0;
    qsizetype pos = 0;
    qsizetype previous = -2;
    for (const QChar c : typed) {
        if (c == u' ')
            continue; // words typed apart may stand apart or together
        const qsizetype j = folded.indexOf(c, pos);
        if (j < 0)
            return -1;
        qsizetype hit = j;
        if (j != previous + 1 && !isWordStart(folded, j)) {
            // A word start with this character a little later counts for more.
            for (qsizetype k = folded.indexOf(c, j + 1); k >= 0 && k < j + 12;
                 k = folded.indexOf(c, k + 1)) {
                if (isWordStart(folded, k)) {
                    hit = k;
                    break;
                }
            }
        }
        s += 10;
        if (hit == previous + 1)
            s += 15;
        if (isWordStart(folded, hit))
            s += 20;
        s -= int(std::min<qsizetype>(hit - pos, 10));
        previous = hit;
        pos = hit + 1;
    }
    return std::min(s, 999); // below every contiguous hit
}

void PaletteModel::setEntries(const QString &kind, const QList<Entry> &entries)
{
    QList<Item> items;
    items.reserve(m_items.size() + entries.size());
    qsizetype insertAt = -1;
    for (const Item &item : std::as_const(m_items)) {
        if (item.entry.kind == kind) {
            if (insertAt < 0)
                insertAt = items.size();
            continue;
        }
        items.append(item);
    }
    QList<Item> added;
    added.reserve(entries.size());
    for (const Entry &e : entries)
        added.append({e, fold(e.text)});
    if (insertAt < 0)
        insertAt = items.size();
    items.insert(insertAt, added.size(), Item{});
    std::move(added.begin(), added.end(), items.begin() + insertAt);
    m_items = std::move(items);
    refilter();
}

void PaletteModel::addProvider(const Provider &provider)
{
    m_providers.append(provider);
    refilter();
}

void PaletteModel::setFilter(const QString &typed)
{
    m_typed = typed;
    refilter();
}

void PaletteModel::refilter()
{
    // The whole list changes with a keystroke (order included): one reset is cheaper for
    // the view than thousands of row moves, and nothing here is selected across it.
    beginResetModel();
    m_rows.clear();
    m_provided.clear();
    for (const Provider &provider : std::as_const(m_providers)) {
        for (const Entry &e : provider(m_typed))
            m_provided.append({e, fold(e.text)});
    }
    const QString typed = fold(m_typed.simplified());
    int order = 0;
    // Offered for what was typed: first, in their order.
    for (const Item &item : std::as_const(m_provided))
        m_rows.append({&item, 1 << 20, order++});
    m_rows.reserve(m_provided.size() + m_items.size());
    const qsizetype firstStatic = m_rows.size();
    for (const Item &item : std::as_const(m_items)) {
        const int s = score(typed, item.folded);
        if (s >= 0)
            m_rows.append({&item, s, order++});
    }
    if (!typed.isEmpty()) {
        std::stable_sort(m_rows.begin() + firstStatic, m_rows.end(),
                         [](const Match &a, const Match &b) { return a.score > b.score; });
    }
    endResetModel();
}

PaletteModel::Entry PaletteModel::entry(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    return m_rows.at(row).item->entry;
}

int PaletteModel::entryCount() const
{
    return int(m_items.size());
}

int PaletteModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PaletteModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Match &m = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return m.item->entry.text;
    case KindRole:
        return m.item->entry.kind;
    case DetailRole:
        return m.item->entry.detail;
    case KeyRole:
        return m.item->entry.key;
    case ScoreRole:
        return m.score;
    default:
        return {};
    }
}

QHash<int, QByteArray> PaletteModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(DetailRole, "detail");
    names.insert(KeyRole, "key");
    names.insert(ScoreRole, "score");
    return names;
}

} // namespace models
