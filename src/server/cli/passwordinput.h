#pragma once

#include <QString>

namespace server::cli {

// Passwords are taken from standard input only, never from the command line (where
// `ps` and the shell's history would show them).
inline constexpr int MinPasswordLength = 10;

// On a terminal: prompts on stderr without echo, twice, and wants both the same. Piped:
// reads one line. Returns false with the message.
bool readPassword(const QString &prompt, QString *password, QString *error);

} // namespace server::cli
