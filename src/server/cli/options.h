#pragma once

#include "config.h"

#include <QString>
#include <functional>
#include <vector>

class QCommandLineParser;

namespace server::cli {

// Everything a start of ticket-server is told: the server's configuration and what to do
// before serving.
struct StartOptions {
    ServerConfig config;
    bool seedDemo = false;
    qint64 generate = 0;
    bool demoAccounts = false;
    bool printRoutes = false;
    // --tls-cert and --tls-key (both or neither): HTTPS and WSS, see tlsoptions.h.
    QString tlsCert;
    QString tlsKey;
};

// Where an option may be given.
enum class OptionScope {
    Anywhere,        // the command line and the configuration file
    CommandLineOnly, // an action such as --print-routes
    TestOnly,        // hidden from --help, refused in the configuration file
};

// One option: its declaration and how its value is applied. The one list of options
// (options.cpp) serves --help, the command line and the configuration file alike.
struct OptionSpec {
    QString name;      // the long option name, also the configuration file's key
    QString valueName; // empty: a flag ("true"/"false" in the configuration file)
    QString help;
    OptionScope scope = OptionScope::Anywhere;
    // Applies a value; returns what is wrong with it ("wants ..."), or an empty string.
    std::function<QString(const QString &value, StartOptions &options)> apply;
};

const std::vector<OptionSpec> &optionSpecs();

// The --config option, and the names of the options a subcommand shares with the server.
extern const QString ConfigOption;
extern const QString DataDirOption;

// Adds every option of optionSpecs() and --config to the parser.
void addServerOptions(QCommandLineParser &parser);
// Adds --config and --data-dir only (for the operator's subcommands).
void addDataOptions(QCommandLineParser &parser);

// Reads the configuration file named by --config (if any), then applies the options
// given on the command line over it (only those of `names`, or all of optionSpecs() when
// empty), and settles the data folder (absolute; the platform's default when none is
// given). Returns false with the message for stderr.
bool resolve(const QCommandLineParser &parser, StartOptions *options, QString *error,
             const QStringList &names = {});

} // namespace server::cli
