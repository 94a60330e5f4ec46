#pragma once

#include <QStringList>

namespace server::cli {

// `ticket-server admin create-staff|set-password|deactivate ...` (arguments as given to
// the program). Returns the exit code.
int runAdmin(const QStringList &arguments);

} // namespace server::cli
