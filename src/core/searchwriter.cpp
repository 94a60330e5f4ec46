#include "searchsyntax.h"
#include "searchsyntax_p.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace core {
namespace {

using search::Field;

QString dateText(const SearchDate &d)
{
    return d.date.isValid() ? d.date.toString(Qt::ISODate) : QString::number(d.daysAgo) + u'd';
}

QString rangeText(const SearchDateRange &r)
{
    if (r.from && r.to)
        return *r.from == *r.to ? dateText(*r.from) : dateText(*r.from) + u".." + dateText(*r.to);
    // "After the day N days ago" reads as typed: created:>7d.
    if (r.from && !r.from->date.isValid() && r.from->daysAgo >= 0 && r.from->daysAgo < 36500)
        return u">"_s + QString::number(r.from->daysAgo + 1) + u'd';
    if (r.from)
        return u">="_s + dateText(*r.from);
    if (r.to)
        return u"<="_s + dateText(*r.to);
    return {};
}

// A free word that would read as something else bare: a term, a negation, a quote.
bool wordNeedsQuotes(const QString &word)
{
    static const QRegularExpression fieldLike(u"^-?[A-Za-z]+:"_s);
    return word.startsWith(u'-') || word.startsWith(u'"') || fieldLike.match(word).hasMatch();
}

// A value written so that it reads back as itself: quoted when bare it would read as
// something else (a staff member named "me" is not the keyword me).
QString valueText(SearchDirectory::Kind kind, const QString &name)
{
    const bool keyword =
        kind == SearchDirectory::Kind::Staff && (name.compare(u"me", Qt::CaseInsensitive) == 0 ||
                                                 name.compare(u"none", Qt::CaseInsensitive) == 0);
    return keyword || search::needsQuotes(name) ? search::quoted(name) : name;
}

class Writer
{
public:
    explicit Writer(const SearchDirectory &directory)
        : m_directory(directory)
    {}

    void term(Field field, const QStringList &values)
    {
        if (!values.isEmpty())
            m_parts.append(search::nameOf(field) + u':' + values.join(u','));
    }

    QStringList names(SearchDirectory::Kind kind, const QList<qint64> &ids) const
    {
        QStringList out;
        for (qint64 id : ids) {
            // Trimmed as the parser trims what it reads.
            const QString name = m_directory.nameOf(kind, id).trimmed();
            // "#id" also when the name would not read back as this one id.
            if (name.isEmpty() || m_directory.idsOf(kind, name) != QList<qint64>{id}) {
                out.append(u'#' + QString::number(id));
                continue;
            }
            out.append(valueText(kind, name));
        }
        return out;
    }

    void append(const QString &part) { m_parts.append(part); }
    QString text() const { return m_parts.join(u' '); }

private:
    const SearchDirectory &m_directory;
    QStringList m_parts;
};

template <typename T> QStringList strings(const QList<T> &values)
{
    QStringList out;
    for (const T &v : values)
        out.append(toString(v));
    return out;
}

} // namespace

QString searchText(const TicketQuery &query, const SearchExtras &extras,
                   const SearchDirectory &directory)
{
    using Kind = SearchDirectory::Kind;
    Writer w(directory);
    w.term(Field::Status, strings(query.statuses));
    w.term(Field::Priority, strings(query.priorities));
    w.term(Field::Visibility, strings(query.visibilities));
    QStringList assignee;
    if (query.assigneeMe)
        assignee.append(u"me"_s);
    if (query.assigneeNone)
        assignee.append(u"none"_s);
    w.term(Field::Assignee, assignee + w.names(Kind::Staff, query.assigneeIds));
    w.term(Field::Flow, w.names(Kind::Flow, query.flowIds));
    w.term(Field::Fleet, w.names(Kind::Fleet, query.fleetIds));
    w.term(Field::Device, w.names(Kind::Device, query.deviceIds));
    w.term(Field::Customer, w.names(Kind::Customer, query.customerIds));
    if (extras.created) {
        if (const QString range = rangeText(*extras.created); !range.isEmpty())
            w.term(Field::Created, {range});
    }

    // The parser appends the phrases' words to the free words: take them off again.
    // Any whitespace, as the parser splits (a text from elsewhere may hold more than one).
    static const QRegularExpression space(u"\\s+"_s);
    QStringList words = query.text.split(space, Qt::SkipEmptyParts);
    QStringList phraseWords;
    for (const QString &phrase : extras.phrases)
        phraseWords += phrase.split(space, Qt::SkipEmptyParts);
    if (words.size() >= phraseWords.size() &&
        words.mid(words.size() - phraseWords.size()) == phraseWords)
        words.resize(words.size() - phraseWords.size());
    for (const QString &word : std::as_const(words))
        w.append(wordNeedsQuotes(word) || word.contains(u'"') ? search::quoted(word) : word);
    for (const QString &phrase : extras.phrases)
        w.append(search::quoted(phrase));
    for (const QString &word : extras.excluded) {
        const bool bare = !word.contains(u' ') && !wordNeedsQuotes(word);
        w.append(u'-' + (bare ? word : search::quoted(word)));
    }
    return w.text();
}

SearchCompletion completeSearch(const QString &text, int cursor, const SearchDirectory &directory,
                                int max)
{
    cursor = std::clamp(cursor, 0, int(text.size()));
    SearchCompletion c;
    c.replaceStart = cursor;
    const QList<search::Token> tokens = search::tokenize(text);
    const search::Token *at = nullptr;
    for (const search::Token &t : tokens) {
        if (t.start < cursor && cursor <= t.start + t.length)
            at = &t;
    }
    auto offer = [&](const QStringList &all, const QString &prefix, const QString &suffix) {
        for (const QString &candidate : all) {
            if (c.candidates.size() >= max)
                break;
            if (candidate.startsWith(prefix, Qt::CaseInsensitive))
                c.candidates.append(candidate + suffix);
        }
    };
    if (!at) {
        offer(search::fieldNames(), QString(), u":"_s);
        return c;
    }
    if (!at->hasField || cursor < at->valueStart) {
        // A negated or quoted word takes no field name.
        if (at->negated || (!at->hasField && at->items.first().quoted))
            return c;
        c.replaceStart = at->start;
        c.replaceLength = cursor - at->start;
        offer(search::fieldNames(), text.mid(at->start, c.replaceLength), u":"_s);
        return c;
    }
    const std::optional<Field> field = search::fieldNamed(at->field);
    if (!field)
        return c;
    // The item the cursor is in: candidates replace it up to the cursor.
    const search::Item *item = &at->items.first();
    for (const search::Item &i : at->items) {
        if (i.start <= cursor)
            item = &i;
    }
    c.replaceStart = item->start;
    c.replaceLength = cursor - item->start;
    QString prefix = text.mid(item->start, cursor - item->start);
    if (prefix.startsWith(u'"'))
        prefix = prefix.mid(1);
    offer(search::keywordsOf(*field), prefix, QString());
    if (const auto kind = search::kindOf(*field); kind && c.candidates.size() < max) {
        const QStringList names = directory.completions(*kind, prefix, max - c.candidates.size());
        for (const QString &name : names)
            c.candidates.append(valueText(*kind, name));
    }
    return c;
}

} // namespace core
