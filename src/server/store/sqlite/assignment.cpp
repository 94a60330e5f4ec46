#include "assignment.h"

#include "connection.h"
#include "core/timeutil.h"

using namespace Qt::StringLiterals;

namespace server::sqlite {

AssignmentDecision assignOnCreate(Connection &c, const NewTicket &ticket, qint64 fleetId,
                                  const Caller &caller, qint64 now)
{
    Q_UNUSED(c)
    Q_UNUSED(fleetId)
    AssignmentDecision d;
    if (ticket.assigneeId && caller.isStaff()) {
        d.assigneeId = ticket.assigneeId;
        d.assignment = manualAssignment(ticket.assigneeId, caller, now);
    }
    return d;
}

QJsonObject manualAssignment(std::optional<qint64> assigneeId, const Caller &by, qint64 now)
{
    return {{u"assigneeId"_s, core::optionalId(assigneeId)},
            {u"by"_s, by.id},
            {u"rule"_s, QJsonValue::Null},
            {u"at"_s, core::toIsoUtc(now)}};
}

} // namespace server::sqlite
