#include "toolwindowscontroller.h"

#include "fleets/fleetadmindialog.h"
#include "servicelevels/servicelevelsdialog.h"
#include "statistics/statisticsview.h"

#include "client/apiclient.h"
#include "client/eventstream.h"
#include "core/types.h"
#include "models/directory.h"
#include "models/servicelevels.h"

using namespace Qt::StringLiterals;

ToolWindowsController::ToolWindowsController(QWidget *window, const Services &services)
    : QObject(window)
    , m_window(window)
    , m_services(services)
{}

ToolWindowsController::~ToolWindowsController() = default;

void ToolWindowsController::showStatistics()
{
    if (!m_statistics) {
        // A window of its own, owned by the main window; it does not keep the application
        // running.
        m_statistics =
            new StatisticsView(m_services.api, m_services.directory, m_services.settings, m_window);
        m_statistics->setObjectName(u"statisticsView"_s);
        m_statistics->setWindowFlag(Qt::Window);
        m_statistics->setAttribute(Qt::WA_QuitOnClose, false);
        connect(m_statistics, &StatisticsView::openTicketRequested, this,
                &ToolWindowsController::openTicketRequested);
        connect(m_services.events, &client::EventStream::eventReceived, m_statistics,
                [this](const core::Event &event) {
                    if (event.type == u"rating.created")
                        m_statistics->noteNewRating();
                });
    }
    m_statistics->show();
    m_statistics->raise();
    m_statistics->activateWindow();
    m_statistics->refresh();
}

void ToolWindowsController::showFleets()
{
    if (!m_services.directory->isLoaded()) {
        Q_EMIT infoMessage(tr("Fleets are still loading. Try again in a moment."));
        return;
    }
    if (!m_fleets) {
        m_fleets = new FleetAdminDialog(m_services.api, m_services.directory, isAdmin(), m_window);
        m_fleets->setObjectName(u"fleetAdminDialog"_s);
        m_fleets->setAttribute(Qt::WA_QuitOnClose, false);
    }
    m_fleets->show();
    m_fleets->raise();
    m_fleets->activateWindow();
}

bool ToolWindowsController::isAdmin() const
{
    const std::optional<core::StaffMember> me =
        m_services.directory->staffMember(m_services.api->myId());
    return me && me->role == core::Role::Admin;
}

void ToolWindowsController::showServiceLevels()
{
    if (!m_services.directory->isLoaded()) {
        Q_EMIT infoMessage(tr("Fleets are still loading. Try again in a moment."));
        return;
    }
    if (!isAdmin()) { // the menu offers it to administrators only
        Q_EMIT infoMessage(tr("Only administrators change the service levels."));
        return;
    }
    if (!m_serviceLevels) {
        m_levels = new models::ServiceLevels(m_services.api, this);
        // Another administrator's change shows at once.
        connect(m_services.events, &client::EventStream::eventReceived, m_levels,
                [this](const core::Event &event) { m_levels->applyEvent(event); });
        m_serviceLevels = new ServiceLevelsDialog(m_levels, m_services.directory, m_window);
        m_serviceLevels->setObjectName(u"serviceLevelsDialog"_s);
        m_serviceLevels->setAttribute(Qt::WA_QuitOnClose, false);
    }
    m_serviceLevels->refresh();
    m_serviceLevels->show();
    m_serviceLevels->raise();
    m_serviceLevels->activateWindow();
}

void ToolWindowsController::closeAll()
{
    if (m_statistics)
        m_statistics->close(); // it belongs to the main window
    if (m_fleets)
        m_fleets->close();
    if (m_serviceLevels)
        m_serviceLevels->close();
}
