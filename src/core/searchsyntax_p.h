#pragma once

// Internals shared by the search parser, writer and completion (searchsyntax.h).
#include "searchsyntax.h"

#include <QList>
#include <QString>
#include <optional>

namespace core::search {

enum class Field { Status, Priority, Visibility, Assignee, Flow, Fleet, Device, Customer, Created };

// The names as typed, in the order completion offers them and the writer writes them.
QStringList fieldNames();
std::optional<Field> fieldNamed(const QString &lowerName);
QString nameOf(Field field);
// The directory kind a field's names resolve through, if any.
std::optional<SearchDirectory::Kind> kindOf(Field field);
// The fixed values an enum field takes ("new", "open", ...; "me" and "none" for assignee).
QStringList keywordsOf(Field field);

// One value of a term: `new`, `"Aufzug Haupthaus"`; positions in UTF-16 units of the text.
struct Item {
    QString value; // unescaped
    int start = 0;
    int length = 0;
    bool quoted = false;
};

// One whitespace-separated term: a free word or phrase (no field) or field:items.
struct Token {
    int start = 0;
    int length = 0;
    bool negated = false;
    bool hasField = false;
    QString field; // lower case as typed, when hasField
    int valueStart = 0;
    QList<Item> items;
    bool unterminated = false;
};

QList<Token> tokenize(const QString &text);

// A value as the syntax reads it back: quoted (with \" and \\) when it has to be.
QString quoted(const QString &value);
bool needsQuotes(const QString &value);

} // namespace core::search
