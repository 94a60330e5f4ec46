#include "admincommand.h"

#include "core/validation.h"
#include "options.h"
#include "passwordinput.h"
#include "serve.h"
#include "staffaccounts.h"
#include "store/sqlite/connection.h"

#include <QCommandLineParser>
#include <QDir>

using namespace Qt::StringLiterals;

namespace server::cli {
namespace {

const QString Actions = u"create-staff, set-password or deactivate"_s;

QString checkedText(const QCommandLineParser &parser, const QString &option, QString *error)
{
    const QString value = parser.value(option).trimmed();
    if (value.isEmpty())
        *error = u"--%1 is required"_s.arg(option);
    else if (value.size() > core::MaxNameLength)
        *error = u"--%1 is longer than %2 characters"_s.arg(option).arg(core::MaxNameLength);
    return value;
}

int report(StaffAccounts::Outcome outcome, const QString &login, const QString &done)
{
    switch (outcome) {
    case StaffAccounts::Outcome::Ok:
        printLine(done);
        return 0;
    case StaffAccounts::Outcome::DuplicateLogin:
        return fail(u"a staff member with the login %1 exists already"_s.arg(login));
    case StaffAccounts::Outcome::UnknownLogin:
        return fail(u"there is no staff member with the login %1"_s.arg(login));
    case StaffAccounts::Outcome::Failed:
        break;
    }
    return fail(u"the database refused the change; nothing was changed"_s);
}

} // namespace

int runAdmin(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Manage staff accounts on the configured data, also while the server runs (it "
        "serves the change at once).\n\n"
        "  create-staff --login L --name N --role admin|agent\n"
        "  set-password --login L     (also ends the member's sessions)\n"
        "  deactivate --login L       (ends the member's sessions)\n\n"
        "Passwords are read from standard input (without echo on a terminal; one line when "
        "piped), at least %1 characters."_s.arg(MinPasswordLength));
    parser.addHelpOption();
    addDataOptions(parser);
    parser.addOptions({{u"login"_s, u"The staff member's sign-in name."_s, u"L"_s},
                       {u"name"_s, u"The staff member's display name (create-staff)."_s, u"N"_s},
                       {u"role"_s, u"admin or agent (create-staff)."_s, u"role"_s}});
    parser.addPositionalArgument(u"admin"_s, u"The admin command."_s);
    parser.addPositionalArgument(u"action"_s, Actions);
    parser.process(arguments);
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(1);
    if (positional.size() != 2 ||
        !QStringList{u"create-staff"_s, u"set-password"_s, u"deactivate"_s}.contains(action))
        return fail(u"admin wants one action: "_s + Actions);

    StartOptions options;
    QString error;
    if (!resolve(parser, &options, &error, {DataDirOption}))
        return fail(error);
    const QString login = checkedText(parser, u"login"_s, &error);
    QString name, role;
    if (action == u"create-staff") {
        name = checkedText(parser, u"name"_s, &error);
        role = parser.value(u"role"_s);
        if (error.isEmpty() && role != u"admin" && role != u"agent")
            error = u"--role wants admin or agent"_s;
    }
    if (!error.isEmpty())
        return fail(error);

    QString password;
    if (action != u"deactivate" &&
        !readPassword(u"Password for %1: "_s.arg(login), &password, &error))
        return fail(error);

    if (!QDir().mkpath(options.config.dataDir))
        return fail(u"cannot create the data folder "_s + options.config.dataDir);
    auto connection =
        sqlite::Connection::open(options.config.dataDir + u"/tickets.sqlite"_s, u"admin"_s, &error);
    if (!connection)
        return fail(error);
    StaffAccounts accounts(*connection);
    if (action == u"create-staff")
        return report(accounts.create(login, name, role, auth::hashPassword(password)), login,
                      u"Created the %1 %2 (%3)."_s.arg(role, login, name));
    if (action == u"set-password")
        return report(accounts.setPassword(login, auth::hashPassword(password)), login,
                      u"Set the password of %1 and ended their sessions."_s.arg(login));
    return report(accounts.deactivate(login), login,
                  u"Deactivated %1 and ended their sessions."_s.arg(login));
}

} // namespace server::cli
