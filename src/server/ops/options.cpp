#include "options.h"

#include "config.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace server::ops {
namespace {

const QString LogFormatName = u"log-format"_s;
const QString MetricsListenName = u"metrics-listen"_s;
const QString HashQueueName = u"password-hash-queue"_s;

} // namespace

QList<QCommandLineOption> commandLineOptions()
{
    QCommandLineOption hashQueue(HashQueueName, u"Password hashes that may wait."_s, u"N"_s);
    hashQueue.setFlags(QCommandLineOption::HiddenFromHelp);
    return {
        QCommandLineOption(LogFormatName,
                           u"Access log on standard error, one line per request: text "
                           "(default), json or off."_s,
                           u"format"_s),
        QCommandLineOption(MetricsListenName,
                           u"Serve GET /metrics (Prometheus text format) on this address and "
                           "port, e.g. 127.0.0.1:9464 (default: no metrics listener)."_s,
                           u"host:port"_s),
        hashQueue,
    };
}

bool applyCommandLine(const QCommandLineParser &parser, OpsConfig *config, QString *error)
{
    if (parser.isSet(LogFormatName)) {
        const QString format = parser.value(LogFormatName);
        if (format == u"text")
            config->logFormat = LogFormat::Text;
        else if (format == u"json")
            config->logFormat = LogFormat::Json;
        else if (format == u"off")
            config->logFormat = LogFormat::Off;
        else {
            *error = u"--log-format wants text, json or off"_s;
            return false;
        }
    }
    if (parser.isSet(MetricsListenName)) {
        config->metrics = parseListen(parser.value(MetricsListenName), &config->metricsAddress,
                                      &config->metricsPort);
        if (!config->metrics) {
            *error = u"--metrics-listen wants host:port, e.g. 127.0.0.1:9464"_s;
            return false;
        }
    }
    if (parser.isSet(HashQueueName)) {
        bool ok = false;
        config->passwordHashQueue = parser.value(HashQueueName).toInt(&ok);
        if (!ok || config->passwordHashQueue < 0) {
            *error = u"--password-hash-queue wants a number"_s;
            return false;
        }
    }
    return true;
}

} // namespace server::ops
