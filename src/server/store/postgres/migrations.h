#pragma once

#include <QList>
#include <QStringList>

namespace server::postgres {

// PostgreSQL's own numbered schema migrations (not SQLite's: migration 1 is the whole
// baseline, the schema SQLite has after its 14). Applied in order at start-up, each in
// one transaction, under an advisory lock (Connection::migrate); table schema_version
// holds one row per applied migration. Append new ones; never edit one that has shipped.
const QList<QStringList> &migrations();

} // namespace server::postgres
