#pragma once

#include "opsconfig.h"

#include <QCommandLineOption>
#include <QList>

class QCommandLineParser;

namespace server::ops {

// The command-line options of the access log and the metrics listener:
// --log-format text|json|off, --metrics-listen ADDR:PORT (and, for tests, the hidden
// --password-hash-queue N).
QList<QCommandLineOption> commandLineOptions();
// Reads them from a parser that was given commandLineOptions(); false with *error set
// when a value is bad.
bool applyCommandLine(const QCommandLineParser &parser, OpsConfig *config, QString *error);

} // namespace server::ops
