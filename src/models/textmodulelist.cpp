#include "textmodulelist.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace models {
namespace {

QString usageKey(qint64 id)
{
    return u"textModuleUsage/%1"_s.arg(id);
}

// Case-folded, without accents: "Grüße" matches "grusse".
QString folded(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D).toCaseFolded();
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            out.append(c);
    }
    return out;
}

// 0: prefix, 1: at a word's start, 2: inside, 3: the letters in order; -1: none.
int fuzzy(const QString &query, const QString &text)
{
    if (text.startsWith(query))
        return 0;
    const qsizetype at = text.indexOf(query);
    if (at > 0)
        return text.at(at - 1).isLetterOrNumber() ? 2 : 1;
    qsizetype from = 0;
    for (const QChar c : query) {
        if (c.isSpace())
            continue;
        from = text.indexOf(c, from);
        if (from < 0)
            return -1;
        ++from;
    }
    return 3;
}

} // namespace

TextModuleList::TextModuleList(client::ApiClient *api, QSettings *usage, QObject *parent)
    : LibraryList(api, u"/text-modules"_s, u"textModule"_s, parent)
    , m_usage(usage)
{}

int TextModuleList::useCount(qint64 id) const
{
    if (const auto it = m_useCounts.constFind(id); it != m_useCounts.cend())
        return *it;
    return m_usage ? m_usage->value(usageKey(id), 0).toInt() : 0;
}

void TextModuleList::recordUse(qint64 id)
{
    const int count = useCount(id) + 1;
    m_useCounts.insert(id, count);
    if (m_usage)
        m_usage->setValue(usageKey(id), count);
    const int row = rowOf(id);
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row), {UseCountRole});
}

QVariant TextModuleList::itemData(const QJsonObject &item, int role) const
{
    switch (role) {
    case ShortcutRole:
        return item.value(u"shortcut"_s).toString();
    case LanguageRole:
        return item.value(u"language"_s).toString();
    case BodyRole:
        return item.value(u"body"_s).toString();
    case UseCountRole:
        return useCount(item.value(u"id"_s).toInteger());
    default:
        return {};
    }
}

TextModuleFilter::TextModuleFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    sort(0);
}

void TextModuleFilter::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    invalidate();
}

void TextModuleFilter::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    invalidate();
}

int TextModuleFilter::matchScore(const QString &query, const QString &name, const QString &shortcut,
                                 const QString &body)
{
    const QString q = folded(query.trimmed());
    if (q.isEmpty())
        return 0;
    const int s = fuzzy(q, folded(shortcut));
    const int n = fuzzy(q, folded(name));
    int best = -1;
    for (const int score : {s, n}) {
        if (score >= 0 && (best < 0 || score < best))
            best = score;
    }
    if (best >= 0)
        return best;
    return folded(body).contains(q) ? 4 : -1;
}

int TextModuleFilter::scoreOf(const QModelIndex &source) const
{
    return matchScore(m_query, source.data(LibraryList::NameRole).toString(),
                      source.data(TextModuleList::ShortcutRole).toString(),
                      source.data(TextModuleList::BodyRole).toString());
}

bool TextModuleFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    return scoreOf(sourceModel()->index(sourceRow, 0, sourceParent)) >= 0;
}

bool TextModuleFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int ls = scoreOf(left);
    const int rs = scoreOf(right);
    const bool lBodyOnly = ls >= 4;
    const bool rBodyOnly = rs >= 4;
    if (lBodyOnly != rBodyOnly)
        return rBodyOnly;
    const int lu = left.data(TextModuleList::UseCountRole).toInt();
    const int ru = right.data(TextModuleList::UseCountRole).toInt();
    if (lu != ru)
        return lu > ru;
    if (!m_language.isEmpty()) {
        const auto fits = [this](const QModelIndex &i) {
            const QString l = i.data(TextModuleList::LanguageRole).toString();
            return l.isEmpty() ? 1 : l == m_language ? 0 : 2;
        };
        const int lf = fits(left);
        const int rf = fits(right);
        if (lf != rf)
            return lf < rf;
    }
    if (ls != rs)
        return ls < rs;
    return left.row() < right.row(); // the source is ordered by name
}

} // namespace models
