#include "servicelevels.h"

#include "client/apiclient.h"
#include "client/apijob.h"
#include "core/types.h"

using namespace Qt::StringLiterals;

namespace models {

ServiceLevels::ServiceLevels(client::ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{}

ServiceLevels::~ServiceLevels() = default;

client::ApiJob *ServiceLevels::track(client::ApiJob *job)
{
    if (m_busy++ == 0)
        Q_EMIT busyChanged(true);
    connect(job, &client::ApiJob::finished, this, [this] {
        if (--m_busy == 0)
            Q_EMIT busyChanged(false);
    });
    return job;
}

void ServiceLevels::setTargets(const QJsonObject &targets)
{
    m_targets = targets;
    Q_EMIT targetsChanged();
}

void ServiceLevels::setHours(qint64 fleetId, const QJsonObject &hours)
{
    m_hours.insert(fleetId, hours);
    Q_EMIT hoursChanged(fleetId);
}

void ServiceLevels::loadTargets()
{
    client::ApiJob *job = track(m_api->get(u"/service-levels"_s));
    connect(job, &client::ApiJob::finished, this, [this](const client::ApiResult &result) {
        if (result.ok())
            setTargets(result.object());
        else
            Q_EMIT loadFailed(result.error.message);
    });
}

void ServiceLevels::loadHours(qint64 fleetId)
{
    client::ApiJob *job = track(m_api->get(u"/fleets/%1/business-hours"_s.arg(fleetId)));
    connect(job, &client::ApiJob::finished, this, [this, fleetId](const client::ApiResult &result) {
        if (result.ok())
            setHours(fleetId, result.object());
        else
            Q_EMIT loadFailed(result.error.message);
    });
}

void ServiceLevels::saveTargets(const QJsonObject &targets)
{
    client::ApiJob *job = track(m_api->put(u"/service-levels"_s, targets));
    connect(job, &client::ApiJob::finished, this, [this](const client::ApiResult &result) {
        if (result.ok())
            setTargets(result.object());
        Q_EMIT targetsSaved(result.ok(), result.ok() ? QString() : result.error.message,
                            result.error.field);
    });
}

void ServiceLevels::saveHours(qint64 fleetId, const QJsonObject &hours)
{
    client::ApiJob *job = track(m_api->put(u"/fleets/%1/business-hours"_s.arg(fleetId), hours));
    connect(job, &client::ApiJob::finished, this, [this, fleetId](const client::ApiResult &result) {
        if (result.ok())
            setHours(fleetId, result.object());
        Q_EMIT hoursSaved(fleetId, result.ok(), result.ok() ? QString() : result.error.message,
                          result.error.field);
    });
}

bool ServiceLevels::applyEvent(const core::Event &event)
{
    if (event.type != u"serviceLevels.updated")
        return false;
    const QJsonObject &data = event.data;
    if (data.value(u"serviceLevels").isObject())
        setTargets(data.value(u"serviceLevels").toObject());
    const qint64 fleetId = data.value(u"fleetId").toInteger();
    if (fleetId > 0 && data.value(u"businessHours").isObject())
        setHours(fleetId, data.value(u"businessHours").toObject());
    return true;
}

} // namespace models
