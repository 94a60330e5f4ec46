#include "commandrun.h"

#include "testsupport.h"

#include <QFile>
#include <QProcess>

namespace testsupport {

CommandResult runServerCommand(const QStringList &arguments, const QByteArray &input, int timeoutMs)
{
    QProcess process;
    process.setProgram(serverExecutable());
    process.setArguments(arguments);
    process.start();
    CommandResult result;
    if (!process.waitForStarted(10000))
        return result;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
    } else if (process.exitStatus() == QProcess::NormalExit) {
        result.exitCode = process.exitCode();
    }
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

bool writeTextFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

} // namespace testsupport
