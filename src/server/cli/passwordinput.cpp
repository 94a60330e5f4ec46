#include "passwordinput.h"

#include <QList>
#include <cstdio>
#include <string>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace server::cli {
namespace {

bool readLine(QString *line)
{
    std::string bytes;
    int c = 0;
    bool any = false;
    while ((c = std::getchar()) != EOF) {
        any = true;
        if (c == '\n')
            break;
        bytes.push_back(char(c));
    }
    if (!bytes.empty() && bytes.back() == '\r')
        bytes.pop_back();
    *line = QString::fromStdString(bytes);
    return any;
}

// Reads a line from the terminal with its echo off.
bool readHidden(const QString &prompt, QString *line)
{
    std::fprintf(stderr, "%s", qPrintable(prompt));
    std::fflush(stderr);
    termios before{};
    const bool haveTerminal = ::tcgetattr(STDIN_FILENO, &before) == 0;
    if (haveTerminal) {
        termios silent = before;
        silent.c_lflag &= ~tcflag_t(ECHO);
        silent.c_lflag |= ECHONL;
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    const bool ok = readLine(line);
    if (haveTerminal)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &before);
    return ok;
}

} // namespace

bool readPassword(const QString &prompt, QString *password, QString *error)
{
    if (::isatty(STDIN_FILENO)) {
        QString again;
        if (!readHidden(prompt, password) || !readHidden(u"Repeat the password: "_s, &again)) {
            *error = u"no password was entered"_s;
            return false;
        }
        if (again != *password) {
            *error = u"the two passwords differ; nothing was changed"_s;
            return false;
        }
    } else if (!readLine(password)) {
        *error = u"no password on standard input (give it as one line)"_s;
        return false;
    }
    if (password->toUcs4().size() < MinPasswordLength) {
        *error = u"the password is too short: it needs at least %1 characters; nothing was "
                 "changed"_s.arg(MinPasswordLength);
        return false;
    }
    return true;
}

} // namespace server::cli
