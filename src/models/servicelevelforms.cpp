#include "servicelevelforms.h"

#include "core/enums.h"
#include "labels.h"

#include <QLocale>
#include <QRegularExpression>
#include <QStringList>
#include <cmath>

using namespace Qt::StringLiterals;

namespace models::servicelevelforms {

TargetText targetText(const QJsonValue &minutes)
{
    if (!minutes.isDouble())
        return {};
    const qint64 m = minutes.toInteger();
    const QLocale locale;
    if (m > 0 && m % MinutesPerDay == 0)
        return {locale.toString(m / MinutesPerDay), Unit::Days};
    if (m % 60 == 0)
        return {locale.toString(m / 60), Unit::Hours};
    return {locale.toString(m), Unit::Minutes};
}

std::optional<QJsonValue> targetMinutes(const QString &number, Unit unit)
{
    const QString text = number.trimmed();
    if (text.isEmpty())
        return QJsonValue(QJsonValue::Null);
    bool ok = false;
    double value = QLocale().toDouble(text, &ok);
    if (!ok)
        value = QLocale::c().toDouble(text, &ok);
    if (!ok || !std::isfinite(value) || std::abs(value) > 1e9)
        return std::nullopt;
    const int factor = unit == Unit::Days ? MinutesPerDay : unit == Unit::Hours ? 60 : 1;
    return QJsonValue(qint64(std::llround(value * factor)));
}

QString intervalsText(const QJsonArray &intervals)
{
    QStringList parts;
    for (const QJsonValue &interval : intervals) {
        const QJsonArray pair = interval.toArray();
        parts.append(u"%1–%2"_s.arg(pair.at(0).toString(), pair.at(1).toString()));
    }
    return parts.join(u", "_s);
}

QJsonArray intervalsFrom(const QString &text)
{
    QJsonArray intervals;
    static const QRegularExpression separator(u"[,;]"_s);
    static const QRegularExpression dash(u"\\s*[-–—]\\s*"_s);
    for (const QString &piece : text.split(separator, Qt::SkipEmptyParts)) {
        const QString trimmed = piece.trimmed();
        if (trimmed.isEmpty())
            continue;
        QJsonArray pair;
        for (const QString &time : trimmed.split(dash))
            pair.append(time.trimmed());
        intervals.append(pair);
    }
    return intervals;
}

QString holidaysText(const QJsonArray &holidays)
{
    QStringList lines;
    for (const QJsonValue &day : holidays)
        lines.append(day.toString());
    return lines.join(u'\n');
}

QJsonArray holidaysFrom(const QString &text)
{
    QJsonArray days;
    static const QRegularExpression separator(u"[\\s,;]+"_s);
    for (const QString &day : text.split(separator, Qt::SkipEmptyParts))
        days.append(day);
    return days;
}

QString fieldLabel(const QString &field)
{
    const QStringList parts = field.split(u'.');
    if (parts.size() != 2)
        return {};
    const std::optional<core::Priority> priority = core::parsePriority(parts.at(0));
    if (!priority)
        return {};
    const QString clock = parts.at(1) == u"firstReplyMinutes"
                              ? QCoreApplication::translate("models::ServiceLevels", "first reply")
                              : QCoreApplication::translate("models::ServiceLevels", "resolution");
    return QCoreApplication::translate("models::ServiceLevels", "%1 priority, %2")
        .arg(priorityLabel(*priority), clock);
}

} // namespace models::servicelevelforms
