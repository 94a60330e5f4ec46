#include "accesslog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace server::ops {
namespace {

// Client-chosen text (the method of an unknown route) stays one printable token.
QByteArray token(const QByteArray &text)
{
    QByteArray out;
    for (char c : text.left(32))
        out.append(c > 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
    return out.isEmpty() ? QByteArray("-") : out;
}

} // namespace

AccessLog::AccessLog(LogFormat format, std::FILE *out)
    : m_format(format)
    , m_out(out)
{}

QByteArray AccessLog::formatLine(const AccessRecord &r, LogFormat format)
{
    const QString time =
        QDateTime::fromMSecsSinceEpoch(r.time, Qt::UTC).toString(Qt::ISODateWithMs);
    const QString client = r.client.isNull() ? u"-"_s : r.client.toString();
    const QString ms = QString::number(r.msecs, 'f', 1);
    if (format == LogFormat::Json) {
        QJsonObject o{{u"time"_s, time},
                      {u"client"_s, client},
                      {u"method"_s, QString::fromLatin1(token(r.method))},
                      {u"route"_s, r.route},
                      {u"status"_s, r.status},
                      {u"ms"_s, ms.toDouble()},
                      {u"user"_s, r.user.isEmpty() ? QJsonValue() : QJsonValue(r.user)}};
        return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    }
    return (time + u' ' + client + u' ' + QString::fromLatin1(token(r.method)) + u' ' + r.route +
            u' ' + QString::number(r.status) + u' ' + ms + u"ms "_s +
            (r.user.isEmpty() ? u"-"_s : r.user) + u'\n')
        .toUtf8();
}

void AccessLog::write(const AccessRecord &record)
{
    if (!enabled())
        return;
    const QByteArray line = formatLine(record, m_format);
    QMutexLocker lock(&m_mutex);
    std::fwrite(line.constData(), 1, size_t(line.size()), m_out);
    std::fflush(m_out);
}

} // namespace server::ops
