#include "config.h"

namespace server {

std::optional<qint64> parseByteSize(const QString &text)
{
    QString t = text.trimmed().toUpper();
    qint64 factor = 1;
    if (t.endsWith(u'K'))
        factor = 1024;
    else if (t.endsWith(u'M'))
        factor = 1024 * 1024;
    else if (t.endsWith(u'G'))
        factor = 1024LL * 1024 * 1024;
    if (factor != 1)
        t.chop(1);
    bool ok = false;
    const qint64 n = t.toLongLong(&ok);
    if (!ok || n <= 0 || n > (qint64(1) << 40) / factor)
        return std::nullopt;
    return n * factor;
}

bool parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon < 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535)
        return false;
    QHostAddress a = host.isEmpty() ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(host);
    if (a.isNull())
        return false;
    *address = a;
    *port = quint16(p);
    return true;
}

} // namespace server
