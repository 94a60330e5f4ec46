#pragma once

#include <QList>
#include <QString>

namespace server::cli {

// One `key = value` line of a configuration file.
struct ConfigEntry {
    int line = 0;
    QString key;
    QString value;
};

// Reads `key = value` lines; `#` starts a comment line, blank lines are skipped. Returns
// false with "FILE:LINE: reason" (or "FILE: reason") when the file cannot be read or a
// line is not of that form, or a key comes twice.
bool readConfigFile(const QString &path, QList<ConfigEntry> *entries, QString *error);

} // namespace server::cli
