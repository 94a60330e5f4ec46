#pragma once

#include "core/enums.h"

#include <QColor>
#include <QDateTime>
#include <QString>

// Translated, user-visible names of the domain's enumerations and shared formatting, so
// that the table, the sidebar and the detail pane say the same thing.
namespace models {

QString statusLabel(core::Status status);
QString priorityLabel(core::Priority priority);
QString visibilityLabel(core::Visibility visibility);
// "problem_report" style flow keys are named by the server; this is for fallbacks.
QString starsText(int stars); // "★★★★☆"
// Local date and time in the user's locale (short format); today's dates show the time only.
QString shortDateTime(qint64 msecsUtc);
QString longDateTime(qint64 msecsUtc);
// The accent colour of a priority / status (for dots and badges; readable on light and dark).
QColor priorityColor(core::Priority priority);
// A tooltip that shows `text` literally: Qt renders tooltips that look like HTML as rich
// text, and ticket content comes from strangers.
QString plainToolTip(const QString &text);
QColor statusColor(core::Status status);

} // namespace models
