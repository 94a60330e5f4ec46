#pragma once

#include "businesshours.h"
#include "clocks.h"
#include "validation.h"

#include <QJsonObject>
#include <variant>

// The JSON forms of the service-level settings (GET/PUT /api/v1/service-levels and
// /api/v1/fleets/{id}/business-hours, see docs/openapi.yaml) and their validation.
namespace core {

// Targets in whole business minutes, null = no target for that clock:
// {"high": {"firstReplyMinutes": 60, "resolutionMinutes": 480}, "normal": {…}, "low": {…}}
inline constexpr qint64 MaxTargetMinutes = 366LL * 24 * 60;
QJsonObject serviceLevelsToJson(const ServiceLevels &levels);
// All three priorities with both fields are required; anything else is a problem with
// its `field` ("high.firstReplyMinutes").
std::variant<ServiceLevels, ApiProblem> serviceLevelsFromJson(const QJsonObject &o);

// {"timeZone": "Europe/Berlin", "days": {"mon": [["08:00", "17:00"]], …, "sun": []},
//  "holidays": ["2026-12-24", …]}; a missing day has no hours; "24:00" ends a day.
inline constexpr int MaxIntervalsPerDay = 8;
inline constexpr int MaxHolidays = 500;
QJsonObject businessHoursToJson(const BusinessHours &hours);
std::variant<BusinessHours, ApiProblem> businessHoursFromJson(const QJsonObject &o);

// The hours of a fleet nobody set: around the clock in UTC, so targets still apply.
BusinessHours aroundTheClock();
// The demo's and the example: Mon–Fri 08:00–17:00 in Europe/Berlin.
BusinessHours officeHoursBerlin();
// The example targets (a business day is 9 h): high 1 h / 8 h, normal 4 h / 3
// days, low 1 day / 10 days.
ServiceLevels exampleServiceLevels();

} // namespace core
