#include "searchsyntax.h"
#include "searchsyntax_p.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace core {
namespace {

using search::Field;
using search::Item;
using search::Token;
using Reason = SearchProblem::Reason;

// Relative days are bounded so that resolving them stays within QDate's comfortable range.
constexpr int MaxDaysAgo = 36500;

template <typename T> void appendOnce(QList<T> &list, const T &value)
{
    if (!list.contains(value))
        list.append(value);
}

std::optional<SearchDate> parseDate(QStringView s)
{
    static const QRegularExpression relative(u"^(-?[0-9]{1,5})([dw])$"_s,
                                             QRegularExpression::CaseInsensitiveOption);
    if (s.compare(u"today", Qt::CaseInsensitive) == 0)
        return SearchDate{{}, 0};
    if (s.compare(u"yesterday", Qt::CaseInsensitive) == 0)
        return SearchDate{{}, 1};
    if (const auto m = relative.match(s.toString()); m.hasMatch()) {
        int days = m.captured(1).toInt();
        if (m.captured(2).compare(u"w", Qt::CaseInsensitive) == 0)
            days *= 7;
        if (days > MaxDaysAgo || days < -MaxDaysAgo)
            return std::nullopt;
        return SearchDate{{}, days};
    }
    static const QRegularExpression iso(u"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"_s);
    if (!iso.match(s.toString()).hasMatch())
        return std::nullopt;
    const QDate date = QDate::fromString(s.toString(), Qt::ISODate);
    return date.isValid() ? std::optional<SearchDate>(SearchDate{date, 0}) : std::nullopt;
}

SearchDate shifted(SearchDate d, int days)
{
    if (d.date.isValid())
        d.date = d.date.addDays(days);
    else
        d.daysAgo -= days;
    return d;
}

// created:X (that day), >X, >=X, <X, <=X, X..Y, X.. and ..Y; X is a date or "N days ago".
std::optional<SearchDateRange> parseDateRange(const QString &value)
{
    SearchDateRange range;
    if (const qsizetype dots = value.indexOf(u".."); dots >= 0) {
        const QStringView from = QStringView(value).left(dots);
        const QStringView to = QStringView(value).mid(dots + 2);
        if (from.isEmpty() && to.isEmpty())
            return std::nullopt;
        if (!from.isEmpty() && !(range.from = parseDate(from)))
            return std::nullopt;
        if (!to.isEmpty() && !(range.to = parseDate(to)))
            return std::nullopt;
        if (range.from && range.to && range.from->date.isValid() == range.to->date.isValid() &&
            range.from->resolve({2000, 1, 1}) > range.to->resolve({2000, 1, 1}))
            return std::nullopt; // an empty range of the same kind is surely a typo
        return range;
    }
    QStringView rest(value);
    QStringView op;
    for (QStringView candidate : {u">=", u"<=", u">", u"<"}) {
        if (rest.startsWith(candidate)) {
            op = candidate;
            rest = rest.mid(candidate.size());
            break;
        }
    }
    const std::optional<SearchDate> date = parseDate(rest);
    if (!date)
        return std::nullopt;
    if (op == u">=")
        range.from = date;
    else if (op == u">")
        range.from = shifted(*date, 1);
    else if (op == u"<=")
        range.to = date;
    else if (op == u"<")
        range.to = shifted(*date, -1);
    else
        range.from = range.to = date;
    return range;
}

class Parser
{
public:
    Parser(const SearchDirectory &directory, SearchParseResult &result, QDate today)
        : m_directory(directory)
        , m_result(result)
        , m_query(result.query)
        , m_today(today)
    {}

    void token(const Token &t)
    {
        if (t.unterminated)
            return problem(t.start, t.length, Reason::UnterminatedQuote);
        if (!t.hasField)
            return word(t);
        const std::optional<Field> field = search::fieldNamed(t.field);
        if (!field)
            return problem(t.start, t.length, Reason::UnknownField);
        if (t.negated)
            return problem(t.start, t.length, Reason::NegatedField);
        for (const Item &item : t.items) {
            if (item.value.trimmed().isEmpty())
                return problem(t.start, t.length, Reason::EmptyValue);
        }
        if (*field == Field::Created)
            return created(t);
        for (const Item &item : t.items)
            value(*field, item);
    }

    void finish()
    {
        QStringList words = m_words;
        for (const QString &phrase : std::as_const(m_result.extras.phrases))
            words += phrase.split(u' ', Qt::SkipEmptyParts);
        m_query.text = words.join(u' ');
        // GET /tickets takes them as `exclude` and `phrase`, comma-separated: a comma
        // separates words in the full text anyway, so it becomes a space.
        auto terms = [](const QStringList &in) {
            QStringList out;
            for (QString term : in) {
                term = term.replace(u',', u' ').simplified();
                if (!term.isEmpty() && !out.contains(term, Qt::CaseInsensitive))
                    out.append(term);
            }
            return out;
        };
        m_query.excluded = terms(m_result.extras.excluded);
        m_query.phrases = terms(m_result.extras.phrases);
    }

private:
    void problem(int start, int length, Reason reason)
    {
        m_result.problems.append(SearchProblem{start, length, reason});
    }

    void word(const Token &t)
    {
        const Item &item = t.items.first();
        // Whitespace inside a phrase is one space: the server matches words anyway.
        const QString value = item.value.simplified();
        if (value.isEmpty())
            return problem(t.start, t.length, Reason::EmptyValue);
        if (t.negated)
            m_result.extras.excluded.append(value);
        else if (item.quoted && value.contains(u' '))
            m_result.extras.phrases.append(value);
        else
            m_words.append(value);
    }

    void created(const Token &t)
    {
        if (m_result.extras.created)
            return problem(t.start, t.length, Reason::RepeatedField);
        const std::optional<SearchDateRange> range =
            t.items.size() == 1 ? parseDateRange(t.items.first().value.trimmed()) : std::nullopt;
        if (!range)
            return problem(t.valueStart, t.start + t.length - t.valueStart, Reason::BadDate);
        // A calendar day and a relative one cross once enough days have passed.
        if (m_today.isValid() && range->from && range->to &&
            range->from->resolve(m_today) > range->to->resolve(m_today))
            return problem(t.valueStart, t.start + t.length - t.valueStart, Reason::ReversedRange);
        m_result.extras.created = range;
    }

    void value(Field field, const Item &item)
    {
        const QString v = item.value.trimmed();
        const QString lower = v.toLower();
        auto unknown = [&] {
            problem(item.start, item.length, Reason::UnknownValue);
        };
        switch (field) {
        case Field::Status:
            if (const auto s = parseStatus(lower))
                return appendOnce(m_query.statuses, *s);
            return unknown();
        case Field::Priority:
            if (const auto p = parsePriority(lower))
                return appendOnce(m_query.priorities, *p);
            return unknown();
        case Field::Visibility:
            if (const auto p = parseVisibility(lower))
                return appendOnce(m_query.visibilities, *p);
            return unknown();
        case Field::Assignee:
            // Quoted, "me" is a name like any other.
            if (!item.quoted && lower == u"me") {
                m_query.assigneeMe = true;
                return;
            }
            if (!item.quoted && lower == u"none") {
                m_query.assigneeNone = true;
                return;
            }
            return named(SearchDirectory::Kind::Staff, item, m_query.assigneeIds);
        case Field::Flow:
            return named(SearchDirectory::Kind::Flow, item, m_query.flowIds);
        case Field::Fleet:
            return named(SearchDirectory::Kind::Fleet, item, m_query.fleetIds);
        case Field::Device:
            return named(SearchDirectory::Kind::Device, item, m_query.deviceIds);
        case Field::Customer:
            return named(SearchDirectory::Kind::Customer, item, m_query.customerIds);
        case Field::Created:
            break;
        }
    }

    // A name through the directory, or "#12" for the id itself (unquoted only).
    void named(SearchDirectory::Kind kind, const Item &item, QList<qint64> &ids)
    {
        const QString v = item.value.trimmed();
        if (!item.quoted && v.startsWith(u'#')) {
            bool ok = false;
            const qint64 id = v.mid(1).toLongLong(&ok);
            if (ok && id > 0)
                return appendOnce(ids, id);
            return problem(item.start, item.length, Reason::UnknownValue);
        }
        const QList<qint64> found = m_directory.idsOf(kind, v);
        if (found.isEmpty())
            return problem(item.start, item.length, Reason::UnknownValue);
        if (found.size() > 1)
            return problem(item.start, item.length, Reason::AmbiguousName);
        appendOnce(ids, found.first());
    }

    const SearchDirectory &m_directory;
    SearchParseResult &m_result;
    TicketQuery &m_query;
    QDate m_today;
    QStringList m_words;
};

// The same check as GET /tickets makes, so that the client never sends what the server
// refuses: the terms of the parameter it names are the problem.
void refuseWhatTheServerWould(SearchParseResult &result, const QList<Token> &tokens, int size)
{
    const auto checked = TicketQuery::fromUrlQuery(result.query.toUrlQuery());
    const ApiProblem *refused = std::get_if<ApiProblem>(&checked);
    if (!refused)
        return;
    for (const Token &t : tokens) {
        const bool phrase = !t.hasField && !t.negated && !t.items.isEmpty() &&
                            t.items.first().quoted && t.items.first().value.contains(u' ');
        const QString parameter = t.hasField ? t.field : t.negated ? u"exclude"_s : u"q"_s;
        if (parameter == refused->field || (phrase && refused->field == u"phrase"))
            result.problems.append(SearchProblem{t.start, t.length, Reason::Refused});
    }
    // Sort, limit or cursor come from the base, not the text: all of it is the problem.
    if (result.problems.isEmpty())
        result.problems.append(SearchProblem{0, size, Reason::Refused});
}

} // namespace

QStringList searchFieldNames()
{
    return search::fieldNames();
}

SearchParseResult parseSearch(const QString &text, const SearchDirectory &directory,
                              const TicketQuery &base, QDate today)
{
    SearchParseResult result;
    // Sort and page size stay; a cursor belongs to the old filter's pages.
    result.query.sort = base.sort;
    result.query.limit = base.limit;
    Parser parser(directory, result, today);
    const QList<Token> tokens = search::tokenize(text);
    for (const Token &t : tokens)
        parser.token(t);
    parser.finish();
    if (result.ok())
        refuseWhatTheServerWould(result, tokens, int(text.size()));
    return result;
}

TicketQuery heldQuery(const SearchParseResult &parse, const QDateTime &now)
{
    TicketQuery q = parse.query;
    q.createdFrom.reset();
    q.createdTo.reset();
    q.createdFromDaysAgo.reset();
    q.createdToDaysAgo.reset();
    if (!parse.extras.created)
        return q;
    const SearchDateRange &range = *parse.extras.created;
    const QDate today = now.date();
    auto startOf = [&](QDate day) {
        return QDateTime(day, QTime(0, 0), now.timeZone()).toMSecsSinceEpoch();
    };
    if (range.from) {
        const SearchDate &d = *range.from;
        if (!d.date.isValid() && d.daysAgo >= 0)
            q.createdFromDaysAgo = d.daysAgo;
        else
            q.createdFrom = startOf(d.resolve(today));
    }
    if (range.to) {
        // The exclusive end: the start of the day after.
        const SearchDate &d = *range.to;
        if (d.date.isValid())
            q.createdTo = startOf(d.date.addDays(1));
        else if (d.daysAgo - 1 > TicketQuery::MaxDaysAgo)
            q.createdTo = startOf(d.resolve(today).addDays(1));
        else if (d.daysAgo >= 1)
            q.createdToDaysAgo = d.daysAgo - 1;
        // else: today or later, no end at all
    }
    return q;
}

TicketQuery resolvedQuery(const SearchParseResult &parse, const QDateTime &now)
{
    return heldQuery(parse, now).resolved(now);
}

SearchExtras searchExtrasOf(const TicketQuery &query, const QDateTime &now)
{
    SearchExtras extras;
    extras.phrases = query.phrases;
    extras.excluded = query.excluded;
    auto dayOf = [&](qint64 msecs) {
        return QDateTime::fromMSecsSinceEpoch(msecs, now.timeZone()).date();
    };
    SearchDateRange range;
    if (query.createdFromDaysAgo)
        range.from = SearchDate{{}, *query.createdFromDaysAgo};
    else if (query.createdFrom)
        range.from = SearchDate{dayOf(*query.createdFrom), 0};
    if (query.createdToDaysAgo)
        range.to = SearchDate{{}, *query.createdToDaysAgo + 1};
    else if (query.createdTo)
        range.to = SearchDate{dayOf(*query.createdTo - 1), 0};
    if (range.from || range.to)
        extras.created = range;
    return extras;
}

} // namespace core
