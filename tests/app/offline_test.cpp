// What the user does while the server is unreachable is kept, shown as not yet sent, and
// sent when the server is back (issue 11): the real main window, offscreen, against a real
// ticket-server that the tests kill and restart.
#include "guiclient.h"
#include "testsupport.h"

#include "client/outbox.h"
#include "conversationtabs.h"
#include "models/postlistmodel.h"
#include "widgets/conflictbanner.h"
#include "widgets/messagebanner.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using guitest::Client;
using guitest::waitFor;
using testsupport::ApiClient;
using testsupport::TestServer;

namespace {

class OfflineTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning());
        ASSERT_FALSE(check.loginStaff(u"anna"_s).isEmpty());
    }
    QString priorityOf(qint64 id)
    {
        return check.get(u"/tickets/%1"_s.arg(id)).object().value(u"priority"_s).toString();
    }
    // Moves the priority combo box one step by keyboard; returns the value it shows then.
    static QString stepPriority(const Client &c, const QString &before)
    {
        auto *priority = c.find<QComboBox>("priorityComboBox");
        priority->setFocus();
        QTest::keyClick(priority, before == u"high" ? Qt::Key_Up : Qt::Key_Down);
        return priority->currentText();
    }

    TestServer server;
    ApiClient check{server.baseUrl()};
    QTemporaryDir dir;
};

TEST_F(OfflineTest, PriorityChangedWhileTheServerIsDownIsShownUnsentKeptAndSent)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    ASSERT_TRUE(waitFor([&] { return c.events.state() == client::EventStream::State::Connected; }));
    const qint64 id = c.table()->idAt(0);
    c.open(id);
    const QString before = priorityOf(id);

    server.killHard();
    const QString chosen = stepPriority(c, before);
    auto *unsent = c.find<QLabel>("unsentLabel");
    ASSERT_TRUE(waitFor([&] { return unsent->isVisible(); }));
    // The editor and the table both show the user's value, set apart as not yet sent.
    auto *priority = c.find<QComboBox>("priorityComboBox");
    EXPECT_EQ(priority->currentText(), chosen);
    EXPECT_TRUE(priority->font().italic());
    const QModelIndex cell =
        c.table()->index(c.table()->rowOf(id), models::TicketTableModel::PriorityColumn);
    EXPECT_EQ(cell.data().toString(), chosen);
    EXPECT_TRUE(cell.data(models::TicketTableModel::UnsentRole).toBool());
    EXPECT_TRUE(cell.data(Qt::FontRole).value<QFont>().italic());
    ASSERT_EQ(c.outbox.allItems().size(), 1);
    EXPECT_EQ(c.outbox.allItems().first().kind, client::OutboxItem::Kind::Edit);
    guitest::saveScreenshot(c.window.get(), u"offline-edit"_s);

    // On disk: the next start of the client finds it (and would send it).
    {
        QNetworkAccessManager nam;
        client::ApiClient signedOut(&nam);
        client::Outbox nextStart(&signedOut, dir.path() + u"/outbox.json"_s);
        EXPECT_TRUE(nextStart.pendingEdit(id).contains(u"priority"_s));
    }

    ASSERT_TRUE(server.restart()) << server.output().toStdString();
    ASSERT_TRUE(waitFor([&] { return priorityOf(id) != before; }, 30000));
    EXPECT_TRUE(waitFor([&] { return c.outbox.allItems().isEmpty() && !unsent->isVisible(); }));
    EXPECT_FALSE(priority->font().italic());
    EXPECT_FALSE(c.table()
                     ->index(c.table()->rowOf(id), models::TicketTableModel::PriorityColumn)
                     .data(models::TicketTableModel::UnsentRole)
                     .toBool());
    EXPECT_FALSE(c.find<ConflictBanner>("conflictBanner")->isVisible());
}

TEST_F(OfflineTest, OfflineEditMeetingAnotherChangeShowsTheConflictWithTheUsersValue)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    const qint64 id = c.table()->idAt(0);
    c.open(id);
    const QString before = priorityOf(id);
    // Our copy goes stale: the live stream is off, and someone else changes the ticket.
    c.events.stop();
    ApiClient jonas(server.baseUrl());
    jonas.loginStaff(u"jonas"_s);
    ASSERT_EQ(jonas.editTicket(id, {{u"title"_s, u"Von Jonas geändert"_s}}).status, 200);

    server.killHard();
    stepPriority(c, before);
    auto *unsent = c.find<QLabel>("unsentLabel");
    ASSERT_TRUE(waitFor([&] { return unsent->isVisible(); }));
    const QJsonObject mine = c.window->document()->unsentChange();
    ASSERT_TRUE(mine.contains(u"priority"_s));

    ASSERT_TRUE(server.restart()) << server.output().toStdString();
    auto *banner = c.find<ConflictBanner>("conflictBanner");
    ASSERT_TRUE(waitFor([&] { return banner->isVisible(); }, 30000));
    EXPECT_EQ(priorityOf(id), before); // nothing overwritten
    EXPECT_EQ(c.window->document()->pendingChange().value(u"priority"_s),
              mine.value(u"priority"_s));
    EXPECT_FALSE(unsent->isVisible());

    QTest::mouseClick(c.find<QPushButton>("reapplyButton"), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return priorityOf(id) == mine.value(u"priority"_s).toString(); }));
    EXPECT_EQ(check.get(u"/tickets/%1"_s.arg(id)).object().value(u"title"_s).toString(),
              u"Von Jonas geändert"_s);
}

TEST_F(OfflineTest, RefusedOfflineEditOfAnotherTicketIsSaidAndAStaleOneWaitsForItsTicket)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    qint64 open = 0;
    for (int row = 0; row < c.table()->rowCount() && !open; ++row) {
        if (c.table()->summary(c.table()->idAt(row))->status == core::Status::Open)
            open = c.table()->idAt(row);
    }
    ASSERT_NE(open, 0);
    const qint64 other = c.table()->idAt(c.table()->idAt(0) == open ? 1 : 0);
    c.open(other);
    const qint64 version =
        check.get(u"/tickets/%1"_s.arg(open)).object().value(u"version"_s).toInteger();
    auto *banner = c.find<MessageBanner>("messageBanner");

    // Left from offline, refused for good (open cannot go back to new): said and dropped.
    c.outbox.enqueueEdit(open, {{u"status"_s, u"new"_s}}, version);
    ASSERT_TRUE(waitFor([&] { return banner->isVisible(); }));
    EXPECT_TRUE(banner->message().contains(u"not accepted"_s)) << banner->message().toStdString();
    EXPECT_TRUE(waitFor([&] { return c.outbox.allItems().isEmpty(); }));

    // Made on a version someone else has moved past: kept until its ticket is opened.
    ASSERT_EQ(check.editTicket(open, {{u"title"_s, u"Inzwischen geändert"_s}}).status, 200);
    c.outbox.enqueueEdit(open, {{u"priority"_s, u"low"_s}}, version);
    ASSERT_TRUE(waitFor([&] { return banner->message().contains(u"Someone else"_s); }));
    ASSERT_EQ(c.outbox.allItems().size(), 1);
    c.open(open);
    auto *conflict = c.find<ConflictBanner>("conflictBanner");
    ASSERT_TRUE(waitFor([&] { return conflict->isVisible(); }));
    EXPECT_EQ(c.window->document()->pendingChange().value(u"priority"_s).toString(), u"low"_s);
    EXPECT_TRUE(c.outbox.allItems().isEmpty());
}

TEST_F(OfflineTest, ReloadWhileTheServerIsDownKeepsWhatIsShown)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    qint64 id = 0;
    for (int row = 0; row < c.table()->rowCount() && !id; ++row) {
        const core::Status status = c.table()->summary(c.table()->idAt(row))->status;
        if (status != core::Status::Resolved && status != core::Status::Closed)
            id = c.table()->idAt(row);
    }
    ASSERT_NE(id, 0);
    ASSERT_EQ(check.post(u"/tickets/%1/messages"_s.arg(id), {{u"body"_s, u"Schon da"_s}}).status,
              201);
    c.open(id);
    auto *messages = c.find<QListView>("messageListView");
    ASSERT_TRUE(waitFor([&] { return messages->model()->rowCount() > 0; }));
    const int shownMessages = messages->model()->rowCount();
    const int shownRows = c.table()->rowCount();
    // Everything the opening asked for is in (notes, history, counts): no earlier request
    // fails on the dead server and speaks first.
    ASSERT_TRUE(waitFor([&] { return c.api.jobsInFlight() == 0; }));

    server.killHard();
    c.find<QAction>("reloadAction")->trigger();
    auto *banner = c.find<MessageBanner>("messageBanner");
    EXPECT_TRUE(waitFor([&] {
        return banner->isVisible() && banner->message().contains(u"Could not refresh"_s);
    })) << banner->message().toStdString();
    // Sentinel: a second F5 has gone the same way (its probe answered after everything the
    // first one started), and the table loads nothing.
    banner->clear();
    c.find<QAction>("reloadAction")->trigger();
    ASSERT_TRUE(waitFor([&] { return banner->isVisible(); }));
    EXPECT_FALSE(c.table()->isLoading());
    EXPECT_EQ(messages->model()->rowCount(), shownMessages);
    EXPECT_EQ(c.table()->rowCount(), shownRows);
    EXPECT_TRUE(c.window->document()->isLoaded());
    EXPECT_EQ(c.window->document()->id(), id);
    guitest::saveScreenshot(c.window.get(), u"offline-reload"_s);
}

} // namespace
