#pragma once

#include <QString>

namespace server::cli {

// Copies the database (VACUUM INTO: one consistent snapshot while the server goes on
// writing) and the attachment files it names into `target` (new or empty), with
// manifest.json. Returns the exit code.
int makeBackup(const QString &dataDir, const QString &target);

// Restores a backup made by makeBackup into the data folder after checking every file's
// checksum; refuses while a server holds the data folder's lock. What the folder held
// before is moved into a `replaced-<time>` folder in it. Returns the exit code.
int restoreBackup(const QString &dataDir, const QString &source);

} // namespace server::cli
