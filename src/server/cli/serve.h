#pragma once

#include <QString>

class QCoreApplication;

namespace server::cli {

struct StartOptions;

// Opens the store in the data folder, seeds or generates what was asked for, and serves
// until SIGINT or SIGTERM. Returns the process's exit code.
int serve(QCoreApplication &app, const StartOptions &options);

// Prints "ticket-server: <message>" on stderr; returns 1 (the exit code of a failure).
int fail(const QString &message);
// One line on stdout, flushed.
void printLine(const QString &line);

} // namespace server::cli
