#pragma once

// Shared by the ticket table and queue filter suites: item-model tester failures as test
// failures, signal sequences as short strings, a signed-in client::ApiClient and the
// server's own answer for a query, fetched to the end.

#include "client/apiclient.h"
#include "core/ticketquery.h"
#include "testsupport.h"

#include <QAbstractItemModel>
#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QStringList>
#include <QTest>
#include <QUrl>
#include <gtest/gtest.h>
#include <memory>

namespace modeltest {

// QAbstractItemModelTester in Warning mode logs "FAIL! ..." under qt.modeltest: those
// become GoogleTest failures; everything else goes to the previous handler.
class TesterFailures
{
public:
    TesterFailures() { s_previous = qInstallMessageHandler(&handle); }
    ~TesterFailures() { qInstallMessageHandler(s_previous); }
    TesterFailures(const TesterFailures &) = delete;
    TesterFailures &operator=(const TesterFailures &) = delete;

    static std::unique_ptr<QAbstractItemModelTester> attach(QAbstractItemModel *model)
    {
        return std::make_unique<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::Warning);
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (type >= QtWarningMsg && context.category &&
            qstrcmp(context.category, "qt.modeltest") == 0) {
            ADD_FAILURE() << "QAbstractItemModelTester: " << message.toStdString();
            return;
        }
        if (s_previous)
            s_previous(type, context, message);
    }
    static inline QtMessageHandler s_previous = nullptr;
};

// The structural signals of a model as "rowsInserted(0,0) dataChanged(3,3:0-0) ...".
class SignalLog
{
public:
    explicit SignalLog(QAbstractItemModel *model)
    {
        using M = QAbstractItemModel;
        auto rows = [this](const char *name) {
            return [this, name](const QModelIndex &, int first, int last) {
                add(QString::fromLatin1(name) + u'(' + QString::number(first) + u',' +
                    QString::number(last) + u')');
            };
        };
        QObject::connect(model, &M::rowsInserted, &m_context, rows("rowsInserted"));
        QObject::connect(model, &M::rowsRemoved, &m_context, rows("rowsRemoved"));
        QObject::connect(
            model, &M::rowsMoved, &m_context,
            [this](const QModelIndex &, int first, int last, const QModelIndex &, int dest) {
                add(QStringLiteral("rowsMoved(%1,%2->%3)").arg(first).arg(last).arg(dest));
            });
        QObject::connect(model, &M::dataChanged, &m_context,
                         [this](const QModelIndex &tl, const QModelIndex &br) {
                             add(QStringLiteral("dataChanged(%1,%2:%3-%4)")
                                     .arg(tl.row())
                                     .arg(br.row())
                                     .arg(tl.column())
                                     .arg(br.column()));
                         });
        QObject::connect(model, &M::modelReset, &m_context,
                         [this] { add(QStringLiteral("modelReset")); });
        QObject::connect(model, &M::layoutChanged, &m_context,
                         [this] { add(QStringLiteral("layoutChanged")); });
    }

    QString text() const { return m_entries.join(u' '); }
    const QStringList &entries() const { return m_entries; }
    void clear() { m_entries.clear(); }
    bool contains(const QString &prefix) const
    {
        for (const QString &e : m_entries) {
            if (e.startsWith(prefix))
                return true;
        }
        return false;
    }

private:
    void add(const QString &entry) { m_entries.append(entry); }

    QObject m_context;
    QStringList m_entries;
};

// A client::ApiClient signed in as a demo staff member.
struct SignedInClient {
    QNetworkAccessManager nam;
    client::ApiClient api{&nam};

    bool signIn(const QString &baseUrl, const QString &login)
    {
        api.setBaseUrl(QUrl(baseUrl));
        bool done = false;
        bool ok = false;
        client::ApiJob *job = api.login(login, QStringLiteral("demo"));
        QObject::connect(job, &client::ApiJob::finished, &nam, [&](const client::ApiResult &r) {
            done = true;
            ok = r.ok();
        });
        return QTest::qWaitFor([&] { return done; }, 10000) && ok && api.myId() > 0;
    }
};

// Waits until every request `api` sent is answered and handled: the sentinel for "nothing
// late arrives any more", in place of waiting a fixed time.
inline bool allAnswered(const client::ApiClient &api, int timeoutMs = 10000)
{
    return QTest::qWaitFor([&] { return api.jobsInFlight() == 0; }, timeoutMs);
}

// GET /tickets for `query` page by page (limit 200) to the end: the server's full order.
inline QList<qint64> serverIds(testsupport::ApiClient &http, core::TicketQuery query)
{
    QList<qint64> ids;
    query.limit = core::TicketQuery::MaxLimit;
    query.cursor.clear();
    for (int guard = 0; guard < 1000; ++guard) {
        const testsupport::HttpResult r =
            http.get(QStringLiteral("/tickets?") + query.toUrlQuery().toString(QUrl::FullyEncoded));
        if (r.status != 200) {
            ADD_FAILURE() << "GET /tickets failed: " << r.status << " " << r.body.toStdString();
            return ids;
        }
        for (const QJsonValue &v : r.items())
            ids.append(v.toObject().value(QStringLiteral("id")).toInteger());
        query.cursor = r.object().value(QStringLiteral("nextCursor")).toString();
        if (query.cursor.isEmpty())
            break;
    }
    return ids;
}

// The facets `total` of a query.
inline int serverTotal(testsupport::ApiClient &http, const core::TicketQuery &query)
{
    QUrlQuery u = query.toUrlQuery();
    for (const QString &name :
         {QStringLiteral("sort"), QStringLiteral("limit"), QStringLiteral("cursor")})
        u.removeAllQueryItems(name);
    const testsupport::HttpResult r =
        http.get(QStringLiteral("/tickets/facets?") + u.toString(QUrl::FullyEncoded));
    return r.status == 200 ? r.object().value(QStringLiteral("total")).toInt(-1) : -1;
}

} // namespace modeltest
