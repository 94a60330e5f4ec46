#include "backupcommand.h"

#include "backup.h"
#include "options.h"
#include "serve.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace server::cli {

int runBackupCommand(const QStringList &arguments)
{
    const bool backup = arguments.value(1) == u"backup";
    QCommandLineParser parser;
    parser.setApplicationDescription(
        backup ? u"Copy the database and the attachments of the configured data folder into "
                 "DIR (a new or empty folder), also while the server runs, with manifest.json "
                 "(version, time, counts and the SHA-256 of every file)."_s
               : u"Restore the backup in DIR into the configured data folder. Refused while a "
                 "server uses the folder, and when a file of the backup fails its checksum. "
                 "What the folder held is moved into replaced-<time> in it."_s);
    parser.addHelpOption();
    addDataOptions(parser);
    parser.addPositionalArgument(arguments.value(1), u"The command."_s);
    parser.addPositionalArgument(u"DIR"_s, u"The backup's folder."_s);
    parser.process(arguments);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return fail(u"%1 wants one folder: ticket-server %1 DIR"_s.arg(arguments.value(1)));

    StartOptions options;
    QString error;
    if (!resolve(parser, &options, &error, {DataDirOption}))
        return fail(error);
    return backup ? makeBackup(options.config.dataDir, positional.at(1))
                  : restoreBackup(options.config.dataDir, positional.at(1));
}

} // namespace server::cli
