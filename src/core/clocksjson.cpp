#include "clocksjson.h"

#include "jsontext.h"
#include "timeutil.h"
#include "types.h"

#include <QJsonArray>
#include <QTimeZone>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace core {
namespace {

const char *const DayKeys[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

ApiProblem invalid(const QString &field, const QString &message)
{
    return {422, u"invalid_value"_s, message, field};
}

QString clockText(int minute)
{
    return u"%1:%2"_s.arg(minute / 60, 2, 10, QChar(u'0')).arg(minute % 60, 2, 10, QChar(u'0'));
}

// Minutes since midnight of "HH:MM" (00:00 to 24:00), -1 when it is not one.
int clockMinute(const QJsonValue &v)
{
    const QString s = v.toString();
    if (s.size() != 5 || s[2] != u':')
        return -1;
    bool okH = false, okM = false;
    const int h = s.left(2).toInt(&okH);
    const int m = s.mid(3).toInt(&okM);
    if (!okH || !okM || !s[0].isDigit() || !s[3].isDigit() || m > 59 || h > 24 || (h == 24 && m))
        return -1;
    return h * 60 + m;
}

QJsonValue minutesJson(const std::optional<qint64> &ms)
{
    return ms ? QJsonValue(*ms / 60000) : QJsonValue();
}

} // namespace

QJsonObject serviceLevelsToJson(const ServiceLevels &levels)
{
    QJsonObject o;
    for (int p = 0; p < PriorityCount; ++p)
        o.insert(toString(Priority(p)),
                 QJsonObject{{u"firstReplyMinutes"_s, minutesJson(levels[p].firstReply)},
                             {u"resolutionMinutes"_s, minutesJson(levels[p].resolution)}});
    return o;
}

std::variant<ServiceLevels, ApiProblem> serviceLevelsFromJson(const QJsonObject &o)
{
    ServiceLevels levels;
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!parsePriority(it.key()))
            return ApiProblem{422, u"unknown_field"_s, u"Unknown field."_s, it.key()};
    for (int p = 0; p < PriorityCount; ++p) {
        const QString key = toString(Priority(p));
        if (!o.contains(key))
            return ApiProblem{422, u"missing_field"_s, u"This field is required."_s, key};
        if (!o.value(key).isObject())
            return ApiProblem{
                400, u"wrong_type"_s,
                u"This field must be an object {firstReplyMinutes, resolutionMinutes}."_s, key};
        const QJsonObject targets = o.value(key).toObject();
        JsonReader in(targets);
        in.allowOnly({u"firstReplyMinutes"_s, u"resolutionMinutes"_s});
        std::optional<qint64> values[2];
        const QString names[2] = {u"firstReplyMinutes"_s, u"resolutionMinutes"_s};
        for (int i = 0; i < 2 && in.ok(); ++i) {
            if (!targets.contains(names[i])) {
                in.fail(422, u"missing_field"_s, u"This field is required (null: no target)."_s,
                        names[i]);
                break;
            }
            bool isNull = false;
            values[i] = in.nullableInteger(names[i], 0, MaxTargetMinutes, &isNull);
        }
        if (!in.ok()) {
            ApiProblem problem = *in.problem();
            problem.field = key + u'.' + problem.field;
            return problem;
        }
        levels[p].firstReply = values[0] ? std::optional(*values[0] * 60000) : std::nullopt;
        levels[p].resolution = values[1] ? std::optional(*values[1] * 60000) : std::nullopt;
    }
    return levels;
}

QJsonObject businessHoursToJson(const BusinessHours &hours)
{
    QJsonObject days;
    for (int d = 0; d < 7; ++d) {
        QJsonArray intervals;
        for (const OpeningInterval &i : hours.days[d])
            intervals.append(QJsonArray{clockText(i.startMinute), clockText(i.endMinute)});
        days.insert(QLatin1StringView(DayKeys[d]), intervals);
    }
    QJsonArray holidays;
    for (const QDate &date : hours.holidays)
        holidays.append(date.toString(Qt::ISODate));
    return {{u"timeZone"_s, QString::fromLatin1(hours.timeZone)},
            {u"days"_s, days},
            {u"holidays"_s, holidays}};
}

std::variant<BusinessHours, ApiProblem> businessHoursFromJson(const QJsonObject &o)
{
    JsonReader in(o);
    in.allowOnly({u"timeZone"_s, u"days"_s, u"holidays"_s});
    const auto zone = in.text(u"timeZone"_s, true, 1, 64);
    const auto days = in.object(u"days"_s, true);
    if (!in.ok())
        return *in.problem();
    BusinessHours hours;
    hours.timeZone = zone->toUtf8();
    if (!QTimeZone::isTimeZoneIdAvailable(hours.timeZone))
        return invalid(u"timeZone"_s, u"Not a known IANA time zone (e.g. Europe/Berlin)."_s);
    for (auto it = days->begin(); it != days->end(); ++it) {
        const auto *key = std::find_if(std::begin(DayKeys), std::end(DayKeys), [&](const char *k) {
            return it.key() == QLatin1StringView(k);
        });
        const QString field = u"days."_s + it.key();
        if (key == std::end(DayKeys))
            return ApiProblem{422, u"unknown_field"_s,
                              u"Days are mon, tue, wed, thu, fri, sat, sun."_s, field};
        if (!it.value().isArray())
            return ApiProblem{400, u"wrong_type"_s,
                              u"This field must be an array of [\"HH:MM\", \"HH:MM\"] pairs."_s,
                              field};
        const QJsonArray list = it.value().toArray();
        if (list.size() > MaxIntervalsPerDay)
            return ApiProblem{422, u"too_many"_s,
                              u"A day allows at most %1 intervals."_s.arg(MaxIntervalsPerDay),
                              field};
        QList<OpeningInterval> intervals;
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString at = field + u"[%1]"_s.arg(i);
            const QJsonArray pair = list[i].toArray();
            const int from = pair.size() == 2 ? clockMinute(pair[0]) : -1;
            const int to = pair.size() == 2 ? clockMinute(pair[1]) : -1;
            if (from < 0 || to < 0)
                return invalid(at, u"An interval is [\"HH:MM\", \"HH:MM\"], 00:00 to 24:00."_s);
            if (from >= to)
                return invalid(at, u"An interval must end after it starts."_s);
            intervals.append({from, to});
        }
        std::sort(intervals.begin(), intervals.end(),
                  [](auto a, auto b) { return a.startMinute < b.startMinute; });
        for (qsizetype i = 1; i < intervals.size(); ++i)
            if (intervals[i].startMinute < intervals[i - 1].endMinute)
                return invalid(field, u"Intervals of a day must not overlap."_s);
        hours.days[key - std::begin(DayKeys)] = intervals;
    }
    if (o.contains(u"holidays"_s)) {
        if (!o.value(u"holidays"_s).isArray())
            return ApiProblem{400, u"wrong_type"_s, u"This field must be an array of dates."_s,
                              u"holidays"_s};
        const QJsonArray list = o.value(u"holidays"_s).toArray();
        if (list.size() > MaxHolidays)
            return ApiProblem{422, u"too_many"_s,
                              u"At most %1 holidays are allowed."_s.arg(MaxHolidays),
                              u"holidays"_s};
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString text = list[i].toString();
            const QDate date = QDate::fromString(text, Qt::ISODate);
            if (text.size() != 10 || !date.isValid())
                return invalid(u"holidays[%1]"_s.arg(i), u"A holiday is a date YYYY-MM-DD."_s);
            if (hours.holidays.contains(date))
                return invalid(u"holidays[%1]"_s.arg(i), u"This date is listed twice."_s);
            hours.holidays.append(date);
        }
        std::sort(hours.holidays.begin(), hours.holidays.end());
    }
    return hours;
}

BusinessHours aroundTheClock()
{
    BusinessHours hours;
    hours.timeZone = "UTC";
    for (auto &day : hours.days)
        day = {{0, 1440}};
    return hours;
}

BusinessHours officeHoursBerlin()
{
    BusinessHours hours;
    hours.timeZone = "Europe/Berlin";
    for (int d = 0; d < 5; ++d)
        hours.days[d] = {{8 * 60, 17 * 60}};
    return hours;
}

ServiceLevels exampleServiceLevels()
{
    constexpr qint64 Minute = 60000;
    constexpr qint64 Day = 9 * 60 * Minute; // a business day of Mon–Fri 08:00–17:00
    ServiceLevels levels;
    levels[int(Priority::High)] = {60 * Minute, 8 * 60 * Minute};
    levels[int(Priority::Normal)] = {4 * 60 * Minute, 3 * Day};
    levels[int(Priority::Low)] = {Day, 10 * Day};
    return levels;
}

// TicketClockFields (types.h): kept here, beside the other clock JSON.
void TicketClockFields::appendJson(QByteArray &out) const
{
    JsonText o(out);
    const auto time = [&o](const char *key, const std::optional<qint64> &at) {
        if (at)
            o.string(key, toIsoUtc(*at));
        else
            o.null(key);
    };
    o.raw("breached", [this](QByteArray &text) {
        text += '[';
        for (qsizetype i = 0; i < breached.size(); ++i)
            text += (i ? ",\"" : "\"") + breached[i].toLatin1() + '"';
        text += ']';
    });
    time("firstReplyAt", firstReplyAt);
    time("firstReplyDue", firstReplyDue);
    time("pausedSince", pausedSince);
    time("resolutionDue", resolutionDue);
    o.close();
}

TicketClockFields TicketClockFields::fromJson(const QJsonObject &o)
{
    const auto time = [&o](const char *key) -> std::optional<qint64> {
        const QJsonValue v = o.value(QLatin1StringView(key));
        return v.isString() ? parseIsoUtc(v.toString()) : std::nullopt;
    };
    TicketClockFields c;
    c.firstReplyDue = time("firstReplyDue");
    c.resolutionDue = time("resolutionDue");
    c.firstReplyAt = time("firstReplyAt");
    c.pausedSince = time("pausedSince");
    for (const QJsonValue &v : o.value(u"breached").toArray())
        c.breached.append(v.toString());
    return c;
}

} // namespace core
