#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace client {
class ApiClient;
class ApiJob;
} // namespace client
namespace models {
class NotificationPolicy;
}

// Feeds the NotificationPolicy's clock warnings: once a minute (and on check()) it asks the
// server for my tickets with a clock due soon, GET /tickets?assignee=me&due=soon, and hands
// them to NotificationPolicy::checkClocks(), which warns once per ticket and due time when
// one is at most 15 minutes away.
// Why a poll and not the ticket list the window holds: the list holds only the queue shown
// (and only its loaded page), while the clocks of all my tickets matter; and a due time
// comes closer without any event. The server's "soon" (at most one business hour left, no
// clock breached yet) covers every due time 15 minutes of wall time away, walks an index
// (clock_soon) and answers a handful of rows: one small request a minute.
class ClockWatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClockWatch)

public:
    static constexpr int IntervalMs = 60'000;

    ClockWatch(client::ApiClient *api, models::NotificationPolicy *policy, QObject *parent);
    ~ClockWatch() override;

    // Asks now (and again every IntervalMs); a request still running is replaced.
    void check();

Q_SIGNALS:
    // An answer was handed to the policy (for tests): the tickets it listed.
    void checked(int tickets);

private:
    client::ApiClient *m_api;
    models::NotificationPolicy *m_policy;
    QTimer m_timer;
    QPointer<client::ApiJob> m_job;
};
