// ticket-server: the shared API of the staff backoffice and the code users' mobile app.
#include "cli/admincommand.h"
#include "cli/backupcommand.h"
#include "cli/options.h"
#include "cli/serve.h"
#include "core/version.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

const QString Description = uR"(The Ticket Backoffice server API (/api/v1).

Operator's commands, on the data of --config and --data-dir (see `ticket-server COMMAND --help`):
  admin create-staff --login L --name N --role admin|agent
                           Add a staff member; the password is read from standard input.
  admin set-password --login L
                           Set a staff member's password (from standard input).
  admin deactivate --login L
                           Deactivate a staff member and end their sessions.
  backup DIR               Copy the database and attachments to DIR, also while the server
                           runs, with a manifest of counts and SHA-256 checksums.
  restore DIR              Restore a backup into the data folder (not while a server uses it).)"_s;

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"ticket-server"_s);
    QCoreApplication::setOrganizationName(u"ticket-backoffice"_s);
    QCoreApplication::setApplicationVersion(QString::fromLatin1(core::Version));

    const QStringList arguments = QCoreApplication::arguments();
    const QString command = arguments.value(1);
    if (command == u"admin")
        return server::cli::runAdmin(arguments);
    if (command == u"backup" || command == u"restore")
        return server::cli::runBackupCommand(arguments);

    QCommandLineParser parser;
    parser.setApplicationDescription(Description);
    parser.addHelpOption();
    parser.addVersionOption();
    server::cli::addServerOptions(parser);
    parser.process(arguments);
    if (!parser.positionalArguments().isEmpty()) {
        const QString given = parser.positionalArguments().constFirst();
        if (given == u"admin" || given == u"backup" || given == u"restore")
            return server::cli::fail(
                u"put the command first: ticket-server %1 [options] ..."_s.arg(given));
        return server::cli::fail(u"unknown command %1 (see --help)"_s.arg(given));
    }

    server::cli::StartOptions options;
    QString error;
    if (!server::cli::resolve(parser, &options, &error))
        return server::cli::fail(error);
    return server::cli::serve(app, options);
}
