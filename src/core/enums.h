#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace core {

// Stored as integers in the database in this order, so that sorting by priority or
// status sorts by urgency or by the ticket's life cycle.
enum class Priority { Low = 0, Normal = 1, High = 2 };
enum class Status { New = 0, Open = 1, Waiting = 2, Resolved = 3, Closed = 4 };
enum class Visibility { Public = 0, Internal = 1 };
enum class Role { Agent, Admin, CodeUser };
// How a fleet assigns a new ticket: to the next member in turn, to the member with the
// fewest open tickets, or not at all (it waits in "New and unassigned").
enum class FleetStrategy { RoundRobin = 0, LeastOpen = 1, Manual = 2 };

inline constexpr int PriorityCount = 3;
inline constexpr int StatusCount = 5;
inline constexpr int FleetStrategyCount = 3;

QString toString(Priority p);
QString toString(Status s);
QString toString(Visibility v);
QString toString(Role r);
// "round_robin", "least_open", "manual": the API's and the database's names.
QString toString(FleetStrategy s);

std::optional<Priority> parsePriority(QStringView s);
std::optional<Status> parseStatus(QStringView s);
std::optional<Visibility> parseVisibility(QStringView s);
std::optional<Role> parseRole(QStringView s);
std::optional<FleetStrategy> parseFleetStrategy(QStringView s);

inline bool isStaff(Role r)
{
    return r == Role::Agent || r == Role::Admin;
}

} // namespace core
