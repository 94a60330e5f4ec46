#pragma once

#include "ratingstats.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <array>

namespace models {

// CSV as in RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled,
// lines end with CRLF.
namespace csv {

QString field(const QString &text);
QString line(const QStringList &fields);
// Text from strangers (comments, titles, names) that a spreadsheet would take for a formula
// (it starts with = + - @, a tab or a carriage return) gets a leading apostrophe.
QString guardFormula(const QString &text);
// Parses CSV text (with or without a UTF-8 byte order mark) into rows of fields.
QList<QStringList> parse(const QString &text);

} // namespace csv

// The export of the statistics view: the period and filters, the figures against the
// previous period, the trend, the five breakdowns and the low ratings shown (with their
// comments), as sections separated by empty lines: what the view shows, in its order
// (the breakdowns as the table is sorted), times in the zone the view shows them in,
// named in the column's heading. Numbers in C notation (a point, no
// grouping) so that they read back the same anywhere; UTF-8 with a byte order mark, which
// spreadsheets need to see the encoding. Headings are translated.
struct RatingStatsCsvInput {
    const RatingStats *stats = nullptr;
    QList<LowRating> lowRatings; // those loaded in the view (the first page and more)
    QHash<qint64, QString> staffNames;
    QString filterDescription; // "Fleet: Nord; Customer: …", empty: none
    // The breakdowns in the order shown; a dimension left empty takes the server's order.
    std::array<QList<BreakdownRow>, DimensionCount> breakdowns;
    QTimeZone timeZone = QTimeZone::systemTimeZone(); // of the times written
};
QByteArray ratingStatsCsv(const RatingStatsCsvInput &input);

} // namespace models
