#pragma once

#include <QList>
#include <QString>

namespace server::sqlite {

// Rows of the full-text table `search` carry their ticket in the rowid (migration 9):
// (ticket id << SearchTicketShift) + 0 for the ticket's title and description, + the
// message's seq for a message. A search turns its matches into tickets from the index
// alone (rowid >> shift), without reading a content row per match; a ticket's text row
// is found by its rowid. Up to 2^24 - 1 messages per ticket, ticket ids below 2^39.
constexpr int SearchTicketShift = 24;

// Versioned schema migrations, applied in order at start-up; PRAGMA user_version holds
// how many have run. Append new migrations; never edit one that has shipped.
const QList<QStringList> &migrations();

} // namespace server::sqlite
