#include "configfile.h"

#include <QFile>
#include <QHash>

using namespace Qt::StringLiterals;

namespace server::cli {

bool readConfigFile(const QString &path, QList<ConfigEntry> *entries, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = u"%1: cannot be read: %2"_s.arg(path, file.errorString());
        return false;
    }
    QHash<QString, int> seen;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const auto fail = [&](const QString &reason) {
            *error = u"%1:%2: %3"_s.arg(path).arg(lineNumber).arg(reason);
            return false;
        };
        const qsizetype equals = line.indexOf(u'=');
        if (equals < 0)
            return fail(u"expected `key = value`"_s);
        ConfigEntry entry{lineNumber, line.left(equals).trimmed(), line.mid(equals + 1).trimmed()};
        if (entry.key.isEmpty())
            return fail(u"expected `key = value`"_s);
        if (entry.value.isEmpty())
            return fail(entry.key + u" has no value"_s);
        if (const int first = seen.value(entry.key))
            return fail(u"%1 is set twice (first on line %2)"_s.arg(entry.key).arg(first));
        seen.insert(entry.key, lineNumber);
        entries->append(entry);
    }
    if (file.error() != QFileDevice::NoError) {
        *error = u"%1: cannot be read: %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace server::cli
