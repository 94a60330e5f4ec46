#include "options.h"

#include "configfile.h"

#include <QCommandLineParser>
#include <QDir>
#include <QHash>
#include <QStandardPaths>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace server::cli {

const QString ConfigOption = u"config"_s;
const QString DataDirOption = u"data-dir"_s;

namespace {

using Apply = std::function<QString(const QString &, StartOptions &)>;

// A whole number in [low, high] into *target (any integer type).
template <typename T>
QString number(const QString &value, qint64 low, qint64 high, T *target, const QString &wants)
{
    bool ok = false;
    const qint64 n = value.trimmed().toLongLong(&ok);
    if (!ok || n < low || n > high)
        return wants;
    *target = T(n);
    return {};
}

template <typename Field> Apply positive(Field field)
{
    return [field](const QString &value, StartOptions &o) {
        return number(value, 1, 1'000'000'000, &(o.config.*field), u"wants a positive number"_s);
    };
}

template <typename Field> Apply seconds(Field field)
{
    return [field](const QString &value, StartOptions &o) {
        qint64 s = 0;
        const QString wrong =
            number(value, 1, 366LL * 24 * 3600, &s, u"wants a number of seconds up to a year"_s);
        if (wrong.isEmpty())
            o.config.*field = s * 1000;
        return wrong;
    };
}

template <typename Field> Apply byteSize(Field field, const QString &example)
{
    return [field, example](const QString &value, StartOptions &o) -> QString {
        const auto bytes = parseByteSize(value);
        if (!bytes)
            return u"wants a size such as "_s + example;
        o.config.*field = *bytes;
        return QString();
    };
}

Apply flag(bool StartOptions::*field)
{
    return [field](const QString &value, StartOptions &o) {
        if (value != u"true" && value != u"false")
            return u"wants true or false"_s;
        o.*field = value == u"true";
        return QString();
    };
}

std::vector<OptionSpec> makeSpecs()
{
    using S = OptionScope;
    return {
        {u"listen"_s, u"host:port"_s,
         u"Address and port, e.g. 127.0.0.1:8080 (port 0: any free port; default "
         "127.0.0.1:8080)."_s,
         S::Anywhere,
         [](const QString &v, StartOptions &o) {
             return parseListen(v, &o.config.address, &o.config.port)
                        ? QString()
                        : u"wants host:port, e.g. 127.0.0.1:8080"_s;
         }},
        {DataDirOption, u"dir"_s, u"Folder of the database and attachments."_s, S::Anywhere,
         [](const QString &v, StartOptions &o) {
             o.config.dataDir = v;
             return QString();
         }},
        {u"database"_s, u"url"_s,
         u"The database: sqlite:PATH (default: tickets.sqlite in the data folder) or "
         "postgresql://user@host:port/dbname (no password in the URL: PGPASSWORD, ~/.pgpass "
         "or --database-password-file)."_s,
         S::Anywhere,
         [](const QString &v, StartOptions &o) {
             QString error;
             const auto url = DatabaseUrl::parse(v, &error);
             if (url)
                 o.config.database = *url;
             return error;
         }},
        {u"database-password-file"_s, u"file"_s,
         u"Read the PostgreSQL password from the first line of this file."_s, S::Anywhere,
         [](const QString &v, StartOptions &o) {
             o.config.databasePasswordFile = QDir::current().absoluteFilePath(v);
             return QString();
         }},
        {u"seed-demo"_s,
         {},
         u"Seed the demo data into an empty database."_s,
         S::Anywhere,
         flag(&StartOptions::seedDemo)},
        {u"generate"_s, u"N"_s, u"Add N synthetic tickets, then serve."_s, S::Anywhere,
         [](const QString &v, StartOptions &o) {
             return number(v, 0, 100'000'000, &o.generate, u"wants a number of tickets"_s);
         }},
        {u"max-upload"_s, u"size"_s,
         u"Attachment size limit in bytes (K, M or G suffix allowed; default 25M)."_s, S::Anywhere,
         byteSize(&ServerConfig::maxUploadBytes, u"25M"_s)},
        {u"time-zone"_s, u"zone"_s,
         u"Time zone of the rating statistics' days, weeks and months (IANA id; default "
         "Europe/Berlin)."_s,
         S::Anywhere,
         [](const QString &v, StartOptions &o) {
             if (!QTimeZone(v.toUtf8()).isValid())
                 return u"wants an IANA time zone such as Europe/Berlin"_s;
             o.config.timeZone = v.toUtf8();
             return QString();
         }},
        {u"trusted-proxy"_s, u"addr,..."_s,
         u"Reverse proxies (IP addresses or CIDR ranges, comma-separated) whose "
         "X-Forwarded-For names the client for the sign-in limits and the access log; from "
         "any other peer the header is ignored (default: none)."_s,
         S::Anywhere,
         [](const QString &v, StartOptions &o) {
             QString wrong;
             const auto proxies = http::TrustedProxies::parse(v, &wrong);
             if (proxies)
                 o.config.trustedProxies = *proxies;
             return wrong;
         }},
        {u"max-connections"_s, u"N"_s,
         u"Open connections at most (default 4096, kept below the file-descriptor limit)."_s,
         S::Anywhere, positive(&ServerConfig::maxConnections)},
        {u"max-connections-per-address"_s, u"N"_s,
         u"Open connections from one client address at most (default 256)."_s, S::Anywhere,
         positive(&ServerConfig::maxConnectionsPerAddress)},
        {u"workers"_s, u"N"_s,
         u"Threads that answer requests, each with its own database connection (default: one "
         "per core)."_s,
         S::Anywhere, positive(&ServerConfig::workers)},
        // For tests: the front's times and bounds, shorter than anyone would run with.
        {u"header-timeout-ms"_s, u"ms"_s, u"Header timeout."_s, S::TestOnly,
         positive(&ServerConfig::headerTimeoutMsecs)},
        {u"idle-timeout-ms"_s, u"ms"_s, u"Keep-alive idle timeout."_s, S::TestOnly,
         positive(&ServerConfig::idleTimeoutMsecs)},
        {u"min-body-rate"_s, u"bytes"_s, u"Bytes per second."_s, S::TestOnly,
         positive(&ServerConfig::minBodyBytesPerSecond)},
        {u"ws-queue"_s, u"size"_s, u"Event stream send queue."_s, S::TestOnly,
         byteSize(&ServerConfig::webSocketQueueBytes, u"1M"_s)},
        {u"demo-accounts"_s,
         {},
         u"Print the demo logins and device codes as JSON and exit."_s,
         S::CommandLineOnly,
         flag(&StartOptions::demoAccounts)},
        {u"print-routes"_s,
         {},
         u"Print the API routes and exit."_s,
         S::CommandLineOnly,
         flag(&StartOptions::printRoutes)},
        {u"device-code-failures-per-minute"_s, u"N"_s,
         u"Wrong device codes the whole server checks per minute before it checks codes only "
         "from addresses that have not failed yet (default 120)."_s,
         S::Anywhere,
         [](const QString &v, StartOptions &o) {
             return number(v, 1, 1'000'000'000, &o.config.signIn.deviceCodeFailuresPerMinute,
                           u"wants a positive number"_s);
         }},
        {u"staff-session-seconds"_s, u"N"_s,
         u"How long a staff sign-in lasts (default 43200: 12 hours)."_s, S::Anywhere,
         seconds(&ServerConfig::staffTokenMsecs)},
        {u"code-user-session-seconds"_s, u"N"_s,
         u"How long a code user's sign-in lasts (default 2592000: 30 days)."_s, S::Anywhere,
         seconds(&ServerConfig::codeUserTokenMsecs)},
        {u"tls-cert"_s, u"file"_s,
         u"Serve HTTPS and the event stream over WSS on the --listen port with this PEM "
         "certificate (chain, server certificate first); with --tls-key. TLS 1.2 and 1.3 only; "
         "SIGHUP reads both again."_s,
         S::Anywhere,
         [](const QString &v, StartOptions &o) {
             o.tlsCert = v;
             return QString();
         }},
        {u"tls-key"_s, u"file"_s, u"The unencrypted PEM private key of --tls-cert."_s, S::Anywhere,
         [](const QString &v, StartOptions &o) {
             o.tlsKey = v;
             return QString();
         }},
        // The operator's view (ops/): the access log and the metrics listener.
        {u"log-format"_s, u"format"_s,
         u"Access log on standard error, one line per request: text (default), json or off."_s,
         S::Anywhere,
         [](const QString &v, StartOptions &o) {
             static const QHash<QString, ops::LogFormat> formats{{u"text"_s, ops::LogFormat::Text},
                                                                 {u"json"_s, ops::LogFormat::Json},
                                                                 {u"off"_s, ops::LogFormat::Off}};
             if (!formats.contains(v))
                 return u"wants text, json or off"_s;
             o.config.ops.logFormat = formats.value(v);
             return QString();
         }},
        {u"metrics-listen"_s, u"host:port"_s,
         u"Serve GET /metrics (Prometheus text format) on this address and port, e.g. "
         "127.0.0.1:9464 (default: no metrics listener)."_s,
         S::Anywhere,
         [](const QString &v, StartOptions &o) {
             o.config.ops.metrics =
                 parseListen(v, &o.config.ops.metricsAddress, &o.config.ops.metricsPort);
             return o.config.ops.metrics ? QString() : u"wants host:port, e.g. 127.0.0.1:9464"_s;
         }},
        {u"password-hash-queue"_s, u"N"_s, u"Password hashes that may wait."_s, S::TestOnly,
         [](const QString &v, StartOptions &o) {
             return number(v, 0, 1'000'000, &o.config.ops.passwordHashQueue, u"wants a number"_s);
         }},
    };
}

const OptionSpec *findSpec(const QString &name)
{
    for (const OptionSpec &spec : optionSpecs()) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

QCommandLineOption toOption(const OptionSpec &spec)
{
    QCommandLineOption option(spec.name, spec.help);
    if (!spec.valueName.isEmpty())
        option.setValueName(spec.valueName);
    if (spec.scope == OptionScope::TestOnly)
        option.setFlags(QCommandLineOption::HiddenFromHelp);
    return option;
}

QCommandLineOption configOption()
{
    return QCommandLineOption(
        ConfigOption,
        u"Read options from FILE: `key = value` lines whose keys are the long option names "
        "(flags: true or false), `#` comment lines; options on the command line win."_s,
        u"FILE"_s);
}

bool applyFile(const QString &path, StartOptions *options, QString *error)
{
    QList<ConfigEntry> entries;
    if (!readConfigFile(path, &entries, error))
        return false;
    for (const ConfigEntry &entry : std::as_const(entries)) {
        const OptionSpec *spec = findSpec(entry.key);
        QString wrong;
        if (!spec || entry.key == ConfigOption)
            wrong = u"unknown key %1"_s.arg(entry.key);
        else if (spec->scope == OptionScope::TestOnly)
            wrong = u"%1 is for tests only, not for the configuration file"_s.arg(entry.key);
        else if (spec->scope == OptionScope::CommandLineOnly)
            wrong = u"%1 is a command-line action, not a setting"_s.arg(entry.key);
        else if (const QString bad = spec->apply(entry.value, *options); !bad.isEmpty())
            wrong = entry.key + u' ' + bad;
        if (!wrong.isEmpty()) {
            *error = u"%1:%2: %3"_s.arg(path).arg(entry.line).arg(wrong);
            return false;
        }
    }
    return true;
}

} // namespace

const std::vector<OptionSpec> &optionSpecs()
{
    static const std::vector<OptionSpec> specs = makeSpecs();
    return specs;
}

void addServerOptions(QCommandLineParser &parser)
{
    parser.addOption(configOption());
    for (const OptionSpec &spec : optionSpecs())
        parser.addOption(toOption(spec));
}

void addDataOptions(QCommandLineParser &parser)
{
    parser.addOption(configOption());
    parser.addOption(toOption(*findSpec(DataDirOption)));
}

bool resolve(const QCommandLineParser &parser, StartOptions *options, QString *error,
             const QStringList &names)
{
    if (parser.isSet(ConfigOption) && !applyFile(parser.value(ConfigOption), options, error))
        return false;
    for (const OptionSpec &spec : optionSpecs()) {
        if ((!names.isEmpty() && !names.contains(spec.name)) || !parser.isSet(spec.name))
            continue;
        const QString wrong =
            spec.apply(spec.valueName.isEmpty() ? u"true"_s : parser.value(spec.name), *options);
        if (!wrong.isEmpty()) {
            *error = u"--%1 %2"_s.arg(spec.name, wrong);
            return false;
        }
    }
    QString &dir = options->config.dataDir;
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    dir = QDir(dir).absolutePath();
    return true;
}

} // namespace server::cli
