#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace client {
class ApiClient;
class ApiJob;
struct ApiResult;
} // namespace client
namespace core {
struct Event;
}

namespace models {

// The response-clock settings as the server holds them: the targets per priority
// (GET/PUT /service-levels) and each fleet's business hours (GET/PUT
// /fleets/{id}/business-hours). The service-levels page only shows and edits; every request
// goes from here. What the server answers (or an event says) replaces what is held; a
// refused change leaves it as it was.
class ServiceLevels final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceLevels)

public:
    explicit ServiceLevels(client::ApiClient *api, QObject *parent = nullptr);
    ~ServiceLevels() override;

    void loadTargets();
    void loadHours(qint64 fleetId);
    // {high, normal, low} each {firstReplyMinutes, resolutionMinutes}.
    void saveTargets(const QJsonObject &targets);
    // {timeZone, days, holidays}.
    void saveHours(qint64 fleetId, const QJsonObject &hours);
    // serviceLevels.updated (another admin's change): what it carries replaces what is held.
    bool applyEvent(const core::Event &event);

    bool targetsLoaded() const { return !m_targets.isEmpty(); }
    const QJsonObject &targets() const { return m_targets; }
    // Empty until loaded.
    QJsonObject hours(qint64 fleetId) const { return m_hours.value(fleetId); }
    bool busy() const { return m_busy > 0; }

Q_SIGNALS:
    void targetsChanged();
    void hoursChanged(qint64 fleetId);
    // The server took the change (`ok`) or refused it: `error` in the user's words, `field`
    // the server's name of the offending place (may be empty).
    void targetsSaved(bool ok, const QString &error, const QString &field);
    void hoursSaved(qint64 fleetId, bool ok, const QString &error, const QString &field);
    void loadFailed(const QString &error);
    void busyChanged(bool busy);

private:
    client::ApiJob *track(client::ApiJob *job);
    void setTargets(const QJsonObject &targets);
    void setHours(qint64 fleetId, const QJsonObject &hours);

    client::ApiClient *m_api;
    QJsonObject m_targets;
    QHash<qint64, QJsonObject> m_hours;
    int m_busy = 0;
};

} // namespace models
