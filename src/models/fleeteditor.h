#pragma once

#include <QObject>
#include <QString>
#include <optional>

namespace client {
class ApiClient;
struct ApiResult;
} // namespace client
namespace core {
struct Fleet;
}

namespace models {

class Directory;

// Sends an administrator's fleet and absence changes to the server and puts the server's
// answer into the directory, so that the fleets window only says what the user did. One
// change at a time: the next starts from the server's answer to this one (busy()).
class FleetEditor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetEditor)

public:
    FleetEditor(client::ApiClient *api, Directory *directory, QObject *parent = nullptr);

    bool busy() const { return m_busy; }
    // PATCH /fleets/{id} so that the server's fleet becomes `wanted`.
    void saveFleet(const core::Fleet &wanted);
    // PATCH /staff/{id}: absent from `from` to `to` (open-ended without `to`); both empty
    // clears the absence.
    void saveAbsence(qint64 staffId, std::optional<qint64> from, std::optional<qint64> to);

Q_SIGNALS:
    void busyChanged(bool busy);
    // The server took the change (`ok`) or refused it with `error` (the server's words);
    // the directory holds the server's state either way.
    void fleetSaved(qint64 fleetId, bool ok, const QString &error);
    void absenceSaved(qint64 staffId, bool ok, const QString &error);

private:
    void setBusy(bool busy);

    client::ApiClient *m_api;
    Directory *m_directory;
    bool m_busy = false;
};

} // namespace models
