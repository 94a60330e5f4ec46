#pragma once

#include <QObject>

class FleetAdminDialog;
class ServiceLevelsDialog;
class QWidget;
class StatisticsView;
namespace client {
class ApiClient;
class EventStream;
} // namespace client
namespace models {
class Directory;
class ServiceLevels;
} // namespace models
class QSettings;

// The main window's windows of their own: the rating statistics and fleet management,
// each created on first use, owned by the main window and closed with it.
class ToolWindowsController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolWindowsController)

public:
    struct Services {
        client::ApiClient *api;
        client::EventStream *events;
        models::Directory *directory;
        QSettings *settings;
    };
    // `window` owns the windows opened here.
    ToolWindowsController(QWidget *window, const Services &services);
    ~ToolWindowsController() override;

    // The rating statistics, loaded afresh.
    void showStatistics();
    StatisticsView *statisticsView() const { return m_statistics; }
    // Fleet management (administrators edit, agents read).
    void showFleets();
    FleetAdminDialog *fleetsDialog() const { return m_fleets; }
    // The response-clock targets and business hours (administrators only).
    void showServiceLevels();
    ServiceLevelsDialog *serviceLevelsDialog() const { return m_serviceLevels; }
    bool isAdmin() const;
    void closeAll();

Q_SIGNALS:
    // The statistics asked for a ticket.
    void openTicketRequested(qint64 id);
    // A notice for the message bar.
    void infoMessage(const QString &text);

private:
    QWidget *m_window;
    Services m_services;
    StatisticsView *m_statistics = nullptr;
    FleetAdminDialog *m_fleets = nullptr;
    models::ServiceLevels *m_levels = nullptr;
    ServiceLevelsDialog *m_serviceLevels = nullptr;
};
