#pragma once

// Runs ticket-server as an operator's command (admin, backup, restore, a start that
// should fail) and collects what it printed.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace testsupport {

struct CommandResult {
    int exitCode = -1; // -1: did not start or did not end in time
    QString out;
    QString err;
};

// `ticket-server <arguments>` with `input` on its standard input (then closed).
CommandResult runServerCommand(const QStringList &arguments, const QByteArray &input = {},
                               int timeoutMs = 60000);

// Writes `text` to `path` (a configuration file for a test); false when it cannot.
bool writeTextFile(const QString &path, const QByteArray &text);

} // namespace testsupport
