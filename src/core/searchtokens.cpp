#include "searchsyntax_p.h"

#include <array>

using namespace Qt::StringLiterals;

namespace core::search {
namespace {

constexpr std::array<const char16_t *, 9> kFields{u"status",   u"priority", u"visibility",
                                                  u"assignee", u"flow",     u"fleet",
                                                  u"device",   u"customer", u"created"};

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

// Reads one item from `i`: a quoted part ("…", with \" and \\) and/or a bare part up to
// whitespace (and up to a comma in a field's value list).
Item readItem(const QString &text, qsizetype &i, bool stopAtComma, bool &unterminated)
{
    const qsizetype n = text.size();
    Item item;
    item.start = int(i);
    if (i < n && text[i] == u'"') {
        item.quoted = true;
        ++i;
        for (;;) {
            if (i >= n) {
                unterminated = true;
                break;
            }
            const QChar c = text[i];
            if (c == u'\\' && i + 1 < n && (text[i + 1] == u'"' || text[i + 1] == u'\\')) {
                item.value += text[i + 1];
                i += 2;
            } else if (c == u'"') {
                ++i;
                break;
            } else {
                item.value += c;
                ++i;
            }
        }
    }
    while (i < n && !text[i].isSpace() && !(stopAtComma && text[i] == u',')) {
        item.value += text[i];
        ++i;
    }
    item.length = int(i) - item.start;
    return item;
}

} // namespace

QStringList fieldNames()
{
    QStringList names;
    for (const char16_t *name : kFields)
        names.append(QString::fromUtf16(name));
    return names;
}

std::optional<Field> fieldNamed(const QString &lowerName)
{
    for (std::size_t i = 0; i < kFields.size(); ++i) {
        if (lowerName == QStringView(kFields[i]))
            return static_cast<Field>(i);
    }
    return std::nullopt;
}

QString nameOf(Field field)
{
    return QString::fromUtf16(kFields[std::size_t(field)]);
}

std::optional<SearchDirectory::Kind> kindOf(Field field)
{
    switch (field) {
    case Field::Assignee:
        return SearchDirectory::Kind::Staff;
    case Field::Flow:
        return SearchDirectory::Kind::Flow;
    case Field::Fleet:
        return SearchDirectory::Kind::Fleet;
    case Field::Device:
        return SearchDirectory::Kind::Device;
    case Field::Customer:
        return SearchDirectory::Kind::Customer;
    case Field::Status:
    case Field::Priority:
    case Field::Visibility:
    case Field::Created:
        break;
    }
    return std::nullopt;
}

QStringList keywordsOf(Field field)
{
    switch (field) {
    case Field::Status:
        return {u"new"_s, u"open"_s, u"waiting"_s, u"resolved"_s, u"closed"_s};
    case Field::Priority:
        return {u"low"_s, u"normal"_s, u"high"_s};
    case Field::Visibility:
        return {u"public"_s, u"internal"_s};
    case Field::Assignee:
        return {u"me"_s, u"none"_s};
    case Field::Flow:
    case Field::Fleet:
    case Field::Device:
    case Field::Customer:
    case Field::Created:
        break;
    }
    return {};
}

QList<Token> tokenize(const QString &text)
{
    QList<Token> tokens;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (text[i].isSpace()) {
            ++i;
            continue;
        }
        Token t;
        t.start = int(i);
        if (text[i] == u'-' && i + 1 < n && !text[i + 1].isSpace()) {
            t.negated = true;
            ++i;
        }
        qsizetype j = i;
        while (j < n && isAsciiLetter(text[j]))
            ++j;
        if (j > i && j < n && text[j] == u':') {
            t.hasField = true;
            t.field = text.mid(i, j - i).toLower();
            i = j + 1;
            t.valueStart = int(i);
            for (;;) {
                t.items.append(readItem(text, i, true, t.unterminated));
                if (i < n && text[i] == u',') {
                    ++i;
                    continue;
                }
                break;
            }
        } else {
            t.valueStart = int(i);
            t.items.append(readItem(text, i, false, t.unterminated));
        }
        t.length = int(i) - t.start;
        tokens.append(t);
    }
    return tokens;
}

bool needsQuotes(const QString &value)
{
    return value.isEmpty() || value.startsWith(u'#') || value.startsWith(u'"') ||
           std::any_of(value.cbegin(), value.cend(),
                       [](QChar c) { return c.isSpace() || c == u',' || c == u'"'; });
}

QString quoted(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', u"\\\\"_s);
    escaped.replace(u'"', u"\\\""_s);
    return u'"' + escaped + u'"';
}

} // namespace core::search
