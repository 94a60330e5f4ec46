#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace client {
class ApiClient;
class ApiJob;
} // namespace client

// The server's unread count of the queue "My tickets" for me: `unread.total` of
// GET /tickets/facets with the queue's filters. refresh() asks again (debounced); the
// notification controller calls it whenever the sidebar's counts are asked again, which the
// event stream's ticket events (ticket.seen included) and reconnects do.
class MyUnreadCount final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MyUnreadCount)

public:
    static constexpr int DebounceMs = 300;

    MyUnreadCount(client::ApiClient *api, QObject *parent);
    ~MyUnreadCount() override;

    void refresh(int delayMs = DebounceMs);
    int count() const { return m_count; } // -1: not known yet

Q_SIGNALS:
    void changed(int count);

private:
    void fetch();

    client::ApiClient *m_api;
    QTimer m_debounce;
    QPointer<client::ApiJob> m_job;
    int m_count = -1;
};
