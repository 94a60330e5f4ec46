#include "enums.h"

#include <array>

namespace core {
namespace {

constexpr std::array<const char16_t *, 3> kPriorities{u"low", u"normal", u"high"};
constexpr std::array<const char16_t *, 5> kStatuses{u"new", u"open", u"waiting", u"resolved",
                                                    u"closed"};
constexpr std::array<const char16_t *, 2> kVisibilities{u"public", u"internal"};
constexpr std::array<const char16_t *, 3> kRoles{u"agent", u"admin", u"code_user"};
constexpr std::array<const char16_t *, 3> kFleetStrategies{u"round_robin", u"least_open",
                                                           u"manual"};

template <typename E, std::size_t N>
std::optional<E> parseName(const std::array<const char16_t *, N> &names, QStringView s)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (s == QStringView(names[i]))
            return static_cast<E>(i);
    }
    return std::nullopt;
}

} // namespace

QString toString(Priority p)
{
    return QString::fromUtf16(kPriorities[int(p)]);
}
QString toString(Status s)
{
    return QString::fromUtf16(kStatuses[int(s)]);
}
QString toString(Visibility v)
{
    return QString::fromUtf16(kVisibilities[int(v)]);
}
QString toString(Role r)
{
    return QString::fromUtf16(kRoles[int(r)]);
}
QString toString(FleetStrategy s)
{
    return QString::fromUtf16(kFleetStrategies[int(s)]);
}

std::optional<Priority> parsePriority(QStringView s)
{
    return parseName<Priority>(kPriorities, s);
}
std::optional<Status> parseStatus(QStringView s)
{
    return parseName<Status>(kStatuses, s);
}
std::optional<Visibility> parseVisibility(QStringView s)
{
    return parseName<Visibility>(kVisibilities, s);
}
std::optional<Role> parseRole(QStringView s)
{
    return parseName<Role>(kRoles, s);
}
std::optional<FleetStrategy> parseFleetStrategy(QStringView s)
{
    return parseName<FleetStrategy>(kFleetStrategies, s);
}

} // namespace core
