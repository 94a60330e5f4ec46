#include "connectioncontroller.h"

#include "client/apiclient.h"
#include "client/outbox.h"
#include "widgets/elidedlabel.h"

#include <QLabel>
#include <QStatusBar>

using namespace Qt::StringLiterals;

ConnectionController::ConnectionController(QStatusBar *bar, client::ApiClient *api,
                                           client::EventStream *events, client::Outbox *outbox,
                                           const QString &serverLabel, const QString &userName,
                                           QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_events(events)
    , m_outbox(outbox)
    , m_connectionLabel(new ElidedLabel(bar))
    , m_outboxLabel(new QLabel(bar))
    , m_userLabel(new QLabel(bar))
    , m_serverLabel(serverLabel)
{
    for (QLabel *label : {static_cast<QLabel *>(m_connectionLabel), m_outboxLabel, m_userLabel})
        label->setTextFormat(Qt::PlainText);
    m_connectionLabel->setObjectName(u"connectionLabel"_s);
    m_outboxLabel->setObjectName(u"outboxLabel"_s);
    m_userLabel->setObjectName(u"userLabel"_s);
    bar->addWidget(m_connectionLabel, 1);
    bar->addPermanentWidget(m_outboxLabel);
    bar->addPermanentWidget(m_userLabel);
    m_userLabel->setText(tr("Signed in as %1").arg(userName));

    connect(m_events, &client::EventStream::stateChanged, this, &ConnectionController::update);
    connect(m_api, &client::ApiClient::reachabilityChanged, this, [this](bool reachable) {
        m_reachable = reachable;
        update();
    });
    connect(m_outbox, &client::Outbox::changed, this, &ConnectionController::update);
    update();
}

QString ConnectionController::connectionText() const
{
    if (!m_reachable)
        return tr("● Server unreachable (%1): retrying. Your drafts and unsent messages are "
                  "kept.")
            .arg(m_serverLabel);
    switch (m_events->state()) {
    case client::EventStream::State::Connected:
        return tr("● Connected to %1 · live").arg(m_serverLabel);
    case client::EventStream::State::Connecting:
        return tr("● Connecting to %1…").arg(m_serverLabel);
    case client::EventStream::State::Reconnecting:
        return tr("● Connection to %1 lost: reconnecting… Nothing you type is lost.")
            .arg(m_serverLabel);
    case client::EventStream::State::Disconnected:
        break;
    }
    return tr("● Not connected to %1").arg(m_serverLabel);
}

void ConnectionController::update()
{
    const bool live = m_reachable && m_events->state() == client::EventStream::State::Connected;
    const bool trying = m_events->state() == client::EventStream::State::Connecting;
    m_connectionLabel->setFullText(connectionText());
    m_connectionLabel->setStyleSheet(live     ? u"color: #1e8e3e;"_s
                                     : trying ? QString()
                                              : u"color: #c5221f; font-weight: 600;"_s);
    int pending = 0, failed = 0;
    for (const client::OutboxItem &item : m_outbox->allItems())
        (item.error.isEmpty() ? pending : failed)++;
    QString text;
    if (pending)
        text = tr("%n unsent", nullptr, pending);
    if (failed)
        text += (text.isEmpty() ? QString() : u" · "_s) + tr("%n refused", nullptr, failed);
    m_outboxLabel->setText(text);
    m_outboxLabel->setVisible(!text.isEmpty());
}
