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

inline constexpr int PriorityCount = 3;
inline constexpr int StatusCount = 5;

QString toString(Priority p);
QString toString(Status s);
QString toString(Visibility v);
QString toString(Role r);

std::optional<Priority> parsePriority(QStringView s);
std::optional<Status> parseStatus(QStringView s);
std::optional<Visibility> parseVisibility(QStringView s);
std::optional<Role> parseRole(QStringView s);

inline bool isStaff(Role r)
{
    return r == Role::Agent || r == Role::Admin;
}

} // namespace core
