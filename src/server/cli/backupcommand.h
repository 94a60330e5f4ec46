#pragma once

#include <QStringList>

namespace server::cli {

// `ticket-server backup DIR` and `ticket-server restore DIR` (arguments as given to the
// program). Returns the exit code.
int runBackupCommand(const QStringList &arguments);

} // namespace server::cli
