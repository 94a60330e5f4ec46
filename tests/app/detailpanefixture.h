#pragma once
// A DetailPane on its own, signed in as anna on a fresh demo server: the fixture of
// detailpane_test and ticketheader_test.
#include "detailpane.h"

#include "client/apiclient.h"
#include "dialogs.h"
#include "models/directory.h"
#include "models/ticketdocument.h"
#include "scripteddialogs.h"
#include "testsupport.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <functional>
#include <gtest/gtest.h>
#include <memory>

namespace detailpanetest {

using namespace Qt::StringLiterals;

// Everything a pane needs, signed in as anna, on a fresh demo server.
struct Session {
    explicit Session(const testsupport::TestServer::Options &options)
        : server(options)
        , http(server.baseUrl())
        , api(&nam)
        , directory(&api)
        , document(&api)
    {}
    testsupport::TestServer server;
    testsupport::ApiClient http;
    QNetworkAccessManager nam;
    client::ApiClient api;
    models::Directory directory;
    models::TicketDocument document;
    guitest::ScriptedDialogs dialogs;
    std::unique_ptr<DetailPane> pane;
};

inline bool waitFor(const std::function<bool()> &condition, int timeoutMs = 10000)
{
    return QTest::qWaitFor(condition, timeoutMs);
}

// With TICKET_SCREENSHOT_DIR set, keeps a picture of the widget there for a look.
inline void keepPicture(QWidget *widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("TICKET_SCREENSHOT_DIR");
    if (!folder.isEmpty()) {
        EXPECT_TRUE(widget->grab().save(QDir(folder).filePath(name)));
    }
}

class DetailPaneFixture : public ::testing::Test
{
protected:
    void SetUp() override { start({}); }

    void start(const testsupport::TestServer::Options &options)
    {
        s.reset();
        s = std::make_unique<Session>(options);
        ASSERT_TRUE(s->server.isRunning()) << s->server.output().toStdString();
        ASSERT_FALSE(s->http.loginStaff(u"anna"_s).isEmpty());
        s->api.setBaseUrl(QUrl(s->server.baseUrl()));
        QSignalSpy loggedIn(s->api.login(u"anna"_s, u"demo"_s), &client::ApiJob::finished);
        ASSERT_TRUE(loggedIn.wait(10000));
        ASSERT_TRUE(loggedIn.first().first().value<client::ApiResult>().ok());
        ASSERT_NE(s->api.myId(), 0);
        s->directory.load();
        ASSERT_TRUE(waitFor([this] { return s->directory.isLoaded(); }));
        s->pane = std::make_unique<DetailPane>(&s->document, &s->directory, &s->api);
        Dialogs::install(s->pane.get(), &s->dialogs);
        s->pane->resize(700, 900);
        s->pane->show();
    }

    template <typename T> T *child(const char *name)
    {
        T *w = s->pane->findChild<T *>(QLatin1String(name));
        EXPECT_NE(w, nullptr) << name;
        return w;
    }

    void open(qint64 id)
    {
        s->document.open(id);
        ASSERT_TRUE(waitFor([&] { return s->document.isLoaded(); }));
    }

    // Waits until the document is idle again (its edit answered and shown).
    bool settled()
    {
        return waitFor([this] { return !s->document.isBusy(); });
    }

    QJsonObject onServer(qint64 id) { return s->http.get(u"/tickets/%1"_s.arg(id)).object(); }

    qint64 newTicket(const QString &title)
    {
        // Unassigned (no fleet rule): the tests start from "Unassigned".
        const QJsonObject t = testsupport::createTicket(
            s->http, title,
            {{u"deviceId"_s, testsupport::demoDeviceId(0)}, {u"assigneeId"_s, QJsonValue::Null}});
        EXPECT_FALSE(t.isEmpty());
        return t.value(u"id"_s).toInteger();
    }

    QJsonObject staffMember(const QString &login)
    {
        for (const QJsonValue &v : s->http.get(u"/staff"_s).items()) {
            if (v.toObject().value(u"login"_s).toString() == login)
                return v.toObject();
        }
        return {};
    }

    std::unique_ptr<Session> s;
};

} // namespace detailpanetest
