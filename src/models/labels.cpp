#include "labels.h"

#include <QCoreApplication>
#include <QLocale>

namespace models {

QString statusLabel(core::Status status)
{
    switch (status) {
    case core::Status::New:
        return QCoreApplication::translate("models", "New");
    case core::Status::Open:
        return QCoreApplication::translate("models", "Open");
    case core::Status::Waiting:
        return QCoreApplication::translate("models", "Waiting");
    case core::Status::Resolved:
        return QCoreApplication::translate("models", "Resolved");
    case core::Status::Closed:
        return QCoreApplication::translate("models", "Closed");
    }
    return {};
}

QString priorityLabel(core::Priority priority)
{
    switch (priority) {
    case core::Priority::Low:
        return QCoreApplication::translate("models", "Low");
    case core::Priority::Normal:
        return QCoreApplication::translate("models", "Normal");
    case core::Priority::High:
        return QCoreApplication::translate("models", "High");
    }
    return {};
}

QString visibilityLabel(core::Visibility visibility)
{
    return visibility == core::Visibility::Internal
               ? QCoreApplication::translate("models", "Internal")
               : QCoreApplication::translate("models", "Public");
}

QString starsText(int stars)
{
    if (stars <= 0)
        return {};
    stars = qMin(stars, 5);
    return QString(stars, QChar(0x2605)) + QString(5 - stars, QChar(0x2606));
}

QString shortDateTime(qint64 msecsUtc)
{
    if (msecsUtc <= 0)
        return {};
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(msecsUtc).toLocalTime();
    const QLocale locale;
    if (local.date() == QDate::currentDate())
        return locale.toString(local.time(), QLocale::ShortFormat);
    return locale.toString(local, QLocale::ShortFormat);
}

QString longDateTime(qint64 msecsUtc)
{
    if (msecsUtc <= 0)
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(msecsUtc).toLocalTime(),
                              QLocale::LongFormat);
}

QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return {};
    QString html = text.toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QLatin1String("<br>"));
    return QLatin1String("<p style=\"white-space:pre-wrap\">") + html + QLatin1String("</p>");
}

QColor priorityColor(core::Priority priority)
{
    switch (priority) {
    case core::Priority::Low:
        return QColor(0x6b, 0x8e, 0x9e);
    case core::Priority::Normal:
        return QColor(0x3b, 0x82, 0xc4);
    case core::Priority::High:
        return QColor(0xd9, 0x48, 0x3b);
    }
    return {};
}

QColor statusColor(core::Status status)
{
    switch (status) {
    case core::Status::New:
        return QColor(0x8e, 0x44, 0xad);
    case core::Status::Open:
        return QColor(0x29, 0x80, 0xb9);
    case core::Status::Waiting:
        return QColor(0xe6, 0x7e, 0x22);
    case core::Status::Resolved:
        return QColor(0x27, 0xae, 0x60);
    case core::Status::Closed:
        return QColor(0x7f, 0x8c, 0x8d);
    }
    return {};
}

} // namespace models
