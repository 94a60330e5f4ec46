#include "clockwatch.h"

#include "client/apiclient.h"
#include "client/apijob.h"
#include "models/notificationpolicy.h"

#include <QJsonArray>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

ClockWatch::ClockWatch(client::ApiClient *api, models::NotificationPolicy *policy, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_policy(policy)
{
    m_timer.setInterval(IntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ClockWatch::check);
}

ClockWatch::~ClockWatch() = default;

void ClockWatch::check()
{
    m_timer.start(); // the next one a whole interval from now
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
    const QUrlQuery query{{u"assignee"_s, u"me"_s},
                          {u"due"_s, u"soon"_s},
                          {u"sort"_s, u"due"_s},
                          {u"limit"_s, u"100"_s}};
    m_job = m_api->get(u"/tickets"_s, query);
    connect(m_job, &client::ApiJob::finished, this, [this](const client::ApiResult &result) {
        if (!result.ok())
            return; // offline or refused: the next round asks again
        QList<core::TicketSummary> tickets;
        for (const QJsonValue &v : result.object().value(u"items"_s).toArray())
            tickets.append(core::TicketSummary::fromJson(v.toObject()));
        m_policy->checkClocks(tickets);
        Q_EMIT checked(int(tickets.size()));
    });
}
