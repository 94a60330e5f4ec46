#include "timeutil.h"

#include <QDateTime>

namespace core {
namespace {

// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm): ISO times are
// written for every row of every list, so this avoids QDateTime on the hot path.
void civilFromDays(qint64 z, int &year, unsigned &month, unsigned &day)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    day = doy - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = int(yoe + era * 400 + (month <= 2 ? 1 : 0));
}

void put(char *&p, unsigned value, int digits)
{
    for (int i = digits - 1; i >= 0; --i) {
        p[i] = char('0' + value % 10);
        value /= 10;
    }
    p += digits;
}

} // namespace

QString toIsoUtc(qint64 msecsSinceEpoch)
{
    constexpr qint64 MsPerDay = 86400000;
    qint64 days = msecsSinceEpoch / MsPerDay;
    qint64 rest = msecsSinceEpoch % MsPerDay;
    if (rest < 0) {
        rest += MsPerDay;
        --days;
    }
    int year = 0;
    unsigned month = 0, day = 0;
    civilFromDays(days, year, month, day);
    if (year < 0 || year > 9999) // outside what four digits say: let Qt write it
        return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC).toString(Qt::ISODateWithMs);
    char buffer[24];
    char *p = buffer;
    put(p, unsigned(year), 4);
    *p++ = '-';
    put(p, month, 2);
    *p++ = '-';
    put(p, day, 2);
    *p++ = 'T';
    put(p, unsigned(rest / 3600000), 2);
    *p++ = ':';
    put(p, unsigned(rest / 60000 % 60), 2);
    *p++ = ':';
    put(p, unsigned(rest / 1000 % 60), 2);
    *p++ = '.';
    put(p, unsigned(rest % 1000), 3);
    *p++ = 'Z';
    return QString::fromLatin1(buffer, p - buffer);
}

std::optional<qint64> parseIsoUtc(const QString &text)
{
    const QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        return std::nullopt;
    return dt.toMSecsSinceEpoch();
}

qint64 nowMsecs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace core
