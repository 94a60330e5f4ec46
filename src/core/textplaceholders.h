#pragma once

// The placeholders of text modules and macro notes and messages ({ticket.number},
// {me.firstName}, {cursor}, ...), shared by the server (validation at save, filling when a
// macro is applied) and the client (filling when a text module is inserted): one list,
// one way to fill.
#include <QString>
#include <QStringList>

namespace core {

struct Ticket;

// Every placeholder name, without braces: "ticket.number", ..., "cursor".
const QStringList &textPlaceholders();

// The first "{name}" in `text` that is not a placeholder (as written, with braces), or an
// empty string when every one is known.
QString unknownPlaceholder(const QString &text);

// What the placeholders stand for in one ticket, written by one staff member.
struct PlaceholderValues {
    QString ticketNumber;
    QString ticketTitle;
    QString deviceName;
    QString deviceSerial;
    QString deviceLocation;
    QString codeUserName;
    QString meName;
    QString meFirstName;

    // The ticket's values (the code user is who created it, when a code user did), and
    // the writer's name; the first name is the name's first word.
    static PlaceholderValues of(const Ticket &ticket, const QString &meName);
};

struct FilledText {
    QString text;
    qsizetype cursor = -1; // where {cursor} stood in `text`, or -1
};

// `text` with every known placeholder replaced by its value. The first {cursor} is removed
// and its position kept in `cursor`; further ones are removed. Unknown "{...}" stay as
// written.
FilledText fillPlaceholders(const QString &text, const PlaceholderValues &values);

} // namespace core
