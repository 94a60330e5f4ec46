#pragma once

#include "client/eventstream.h"

#include <QObject>

class ElidedLabel;
class QLabel;
class QStatusBar;
namespace client {
class ApiClient;
class Outbox;
} // namespace client

// The status bar: whether the server is reachable and the live stream is up, who is
// signed in where, and how many sends wait in the outbox. A dropped connection is shown
// here; nothing typed meanwhile is lost (drafts and the outbox keep it).
class ConnectionController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionController)

public:
    ConnectionController(QStatusBar *bar, client::ApiClient *api, client::EventStream *events,
                         client::Outbox *outbox, const QString &serverLabel,
                         const QString &userName, QObject *parent = nullptr);

    QString connectionText() const;

private:
    void update();

    client::ApiClient *m_api;
    client::EventStream *m_events;
    client::Outbox *m_outbox;
    ElidedLabel *m_connectionLabel;
    QLabel *m_outboxLabel;
    QLabel *m_userLabel;
    QString m_serverLabel;
    bool m_reachable = true;
};
