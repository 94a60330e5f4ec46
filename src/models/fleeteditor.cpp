#include "fleeteditor.h"

#include "client/apiclient.h"
#include "client/apijob.h"
#include "core/timeutil.h"
#include "core/types.h"
#include "directory.h"
#include "fleetedits.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace models {

namespace {

QJsonValue timeOrNull(std::optional<qint64> msecs)
{
    return msecs ? QJsonValue(core::toIsoUtc(*msecs)) : QJsonValue(QJsonValue::Null);
}

} // namespace

FleetEditor::FleetEditor(client::ApiClient *api, Directory *directory, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_directory(directory)
{}

void FleetEditor::saveFleet(const core::Fleet &wanted)
{
    const qint64 fleetId = wanted.id;
    setBusy(true);
    client::ApiJob *job = m_api->patch(u"/fleets/%1"_s.arg(fleetId), fleetPatchBody(wanted));
    connect(job, &client::ApiJob::finished, this, [this, fleetId](const client::ApiResult &result) {
        if (result.ok())
            m_directory->replaceFleet(core::Fleet::fromJson(result.object()));
        setBusy(false);
        Q_EMIT fleetSaved(fleetId, result.ok(), result.ok() ? QString() : result.error.message);
    });
}

void FleetEditor::saveAbsence(qint64 staffId, std::optional<qint64> from, std::optional<qint64> to)
{
    setBusy(true);
    client::ApiJob *job =
        m_api->patch(u"/staff/%1"_s.arg(staffId), QJsonObject{{u"absentFrom"_s, timeOrNull(from)},
                                                              {u"absentTo"_s, timeOrNull(to)}});
    connect(job, &client::ApiJob::finished, this, [this, staffId](const client::ApiResult &result) {
        if (result.ok())
            m_directory->replaceStaffMember(core::StaffMember::fromJson(result.object()));
        setBusy(false);
        Q_EMIT absenceSaved(staffId, result.ok(), result.ok() ? QString() : result.error.message);
    });
}

void FleetEditor::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace models
