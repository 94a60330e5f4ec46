#include "myunreadcount.h"

#include "client/apiclient.h"
#include "client/apijob.h"
#include "models/queuefilter.h"

#include <QDateTime>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

MyUnreadCount::MyUnreadCount(client::ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
    m_debounce.setSingleShot(true);
    connect(&m_debounce, &QTimer::timeout, this, &MyUnreadCount::fetch);
}

MyUnreadCount::~MyUnreadCount() = default;

void MyUnreadCount::refresh(int delayMs)
{
    m_debounce.start(std::max(0, delayMs));
}

void MyUnreadCount::fetch()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
    // The queue's filters as the sidebar asks them (without paging and order).
    QUrlQuery query =
        models::queueQuery(models::Queue::Mine).resolved(QDateTime::currentDateTime()).toUrlQuery();
    for (const QString &name : {u"sort"_s, u"limit"_s, u"cursor"_s})
        query.removeAllQueryItems(name);
    m_job = m_api->get(u"/tickets/facets"_s, query);
    connect(m_job, &client::ApiJob::finished, this, [this](const client::ApiResult &result) {
        if (!result.ok())
            return;
        const QJsonValue total = result.object().value(u"unread"_s).toObject().value(u"total"_s);
        if (!total.isDouble())
            return;
        const int count = total.toInt();
        if (count == m_count)
            return;
        m_count = count;
        Q_EMIT changed(count);
    });
}
