#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>
#include <QString>
#include <optional>

// What the service-levels page shows in its fields and what it sends: targets in hours or
// days (a day of 9 business hours, like Mon–Fri 08:00–17:00), opening hours as
// "08:00–12:00, 13:00–17:00", holidays one date a line. Plain functions, so that the page
// only moves text; the server judges the values (and says what is wrong).
namespace models::servicelevelforms {

enum class Unit { Minutes, Hours, Days };
constexpr int MinutesPerDay = 9 * 60;

struct TargetText {
    QString number; // empty: no target
    Unit unit = Unit::Hours;
};

// The largest unit that shows `minutes` as a whole number (null: empty).
TargetText targetText(const QJsonValue &minutes);
// Empty text: null (no target). A number that is not one: nullopt (the page says so).
// Anything else goes as a whole number of minutes, also out of range: the server answers.
std::optional<QJsonValue> targetMinutes(const QString &number, Unit unit);

// [["08:00","12:00"],["13:00","17:00"]] <-> "08:00–12:00, 13:00–17:00" (empty: closed).
QString intervalsText(const QJsonArray &intervals);
// Pieces that are not "from–to" go as they are, for the server to refuse by name.
QJsonArray intervalsFrom(const QString &text);

QString holidaysText(const QJsonArray &holidays);
QJsonArray holidaysFrom(const QString &text);

// "high.firstReplyMinutes" -> "High priority, first reply" (the server's `field`).
QString fieldLabel(const QString &field);

} // namespace models::servicelevelforms
