// TicketDocument against a real ticket-server: edits with If-Match, the stale edit kept as
// the pending change (reload or re-apply), edits queued behind the one in flight, events.
#include "models/ticketdocument.h"
#include "ticketmodeltestsupport.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;
using models::TicketDocument;

namespace {

class TicketDocumentTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_FALSE(other.loginStaff(u"anna"_s).isEmpty());
        ASSERT_TRUE(client.signIn(server.baseUrl(), testsupport::demoLogin(u"agent"_s)));
        const QJsonObject t = testsupport::createTicket(other, u"Dokument"_s, {{u"deviceId"_s, 1}});
        id = t.value(u"id"_s).toInteger();
        ASSERT_GT(id, 0);
    }

    QJsonObject serverTicket() { return other.get(u"/tickets/%1"_s.arg(id)).object(); }

    // Another staff member's edit, straight to the server.
    QJsonObject otherEdits(const QJsonObject &change)
    {
        const testsupport::HttpResult r =
            other.patch(u"/tickets/%1"_s.arg(id), change,
                        {{"If-Match", '"' + QByteArray::number(other.versionOf(id)) + '"'}});
        EXPECT_EQ(r.status, 200) << r.body.toStdString();
        return r.object();
    }

    bool openAndWait(TicketDocument &doc)
    {
        QSignalSpy loaded(&doc, &TicketDocument::loaded);
        doc.open(id);
        return loaded.wait(10000) && doc.isLoaded();
    }

    static bool waitIdle(const TicketDocument &doc)
    {
        return QTest::qWaitFor([&] { return !doc.isBusy(); }, 10000);
    }

    modeltest::TesterFailures failures;
    testsupport::TestServer server;
    testsupport::ApiClient other{server.baseUrl()};
    modeltest::SignedInClient client;
    qint64 id = 0;
};

TEST_F(TicketDocumentTest, OpensTheTicketWithItsVersion)
{
    TicketDocument doc(&client.api);
    ASSERT_TRUE(openAndWait(doc));
    const QJsonObject server = serverTicket();
    EXPECT_EQ(doc.id(), id);
    EXPECT_EQ(doc.ticket().summary.id, id);
    EXPECT_EQ(doc.ticket().summary.title, u"Dokument"_s);
    EXPECT_EQ(doc.version(), server.value(u"version"_s).toInteger());
    EXPECT_EQ(doc.ticket().description, server.value(u"description"_s).toString());
    EXPECT_FALSE(doc.isBusy());

    doc.open(0);
    EXPECT_FALSE(doc.isLoaded());
    EXPECT_EQ(doc.id(), 0);
}

TEST_F(TicketDocumentTest, AnEditIsSentWithIfMatchAndTakesTheAnswer)
{
    TicketDocument doc(&client.api);
    ASSERT_TRUE(openAndWait(doc));
    const qint64 v = doc.version();
    QSignalSpy changed(&doc, &TicketDocument::changed);
    QSignalSpy busy(&doc, &TicketDocument::busyChanged);
    QSignalSpy conflicts(&doc, &TicketDocument::conflict);

    doc.setPriority(core::Priority::High);
    EXPECT_TRUE(doc.isBusy());
    ASSERT_TRUE(waitIdle(doc));
    EXPECT_EQ(changed.count(), 1);
    ASSERT_EQ(busy.count(), 2);
    EXPECT_TRUE(busy.at(0).at(0).toBool());
    EXPECT_FALSE(busy.at(1).at(0).toBool());
    EXPECT_EQ(conflicts.count(), 0);
    EXPECT_EQ(doc.version(), v + 1);
    EXPECT_EQ(doc.ticket().summary.priority, core::Priority::High);
    const QJsonObject server = serverTicket();
    EXPECT_EQ(server.value(u"priority"_s).toString(), u"high"_s);
    EXPECT_EQ(server.value(u"version"_s).toInteger(), v + 1);
}

TEST_F(TicketDocumentTest, ASecondEditWaitsForTheFirst)
{
    TicketDocument doc(&client.api);
    ASSERT_TRUE(openAndWait(doc));
    const qint64 v = doc.version();
    QSignalSpy conflicts(&doc, &TicketDocument::conflict);
    QSignalSpy busy(&doc, &TicketDocument::busyChanged);
    doc.setPriority(core::Priority::Low);
    doc.setStatus(core::Status::Open); // while the first is on its way
    doc.setTitle(u"Neuer Titel"_s);
    ASSERT_TRUE(waitIdle(doc));
    EXPECT_EQ(conflicts.count(), 0);
    EXPECT_EQ(busy.count(), 2); // busy once for the whole series
    // The queued edits go out together, on the version the first one brought.
    EXPECT_EQ(doc.version(), v + 2);
    const QJsonObject server = serverTicket();
    EXPECT_EQ(server.value(u"priority"_s).toString(), u"low"_s);
    EXPECT_EQ(server.value(u"status"_s).toString(), u"open"_s);
    EXPECT_EQ(server.value(u"title"_s).toString(), u"Neuer Titel"_s);
    EXPECT_EQ(server.value(u"version"_s).toInteger(), doc.version());
}

TEST_F(TicketDocumentTest, AStaleEditIsKeptAsThePendingChange)
{
    TicketDocument doc(&client.api);
    ASSERT_TRUE(openAndWait(doc));
    const qint64 v = doc.version();
    otherEdits({{u"status"_s, u"open"_s}}); // someone else was quicker

    QSignalSpy conflicts(&doc, &TicketDocument::conflict);
    QSignalSpy errors(&doc, &TicketDocument::errorOccurred);
    doc.setPriority(core::Priority::High);
    ASSERT_TRUE(conflicts.wait(10000));
    const QJsonObject expected{{u"priority"_s, u"high"_s}};
    EXPECT_EQ(conflicts.at(0).at(0).toJsonObject(), expected);
    EXPECT_EQ(doc.pendingChange(), expected);
    EXPECT_EQ(errors.count(), 0);
    EXPECT_FALSE(doc.isBusy());
    // Nothing changed here or on the server by us.
    EXPECT_EQ(doc.version(), v);
    EXPECT_EQ(doc.ticket().summary.priority, core::Priority::Normal);
    const QJsonObject server = serverTicket();
    EXPECT_EQ(server.value(u"priority"_s).toString(), u"normal"_s);
    EXPECT_EQ(server.value(u"version"_s).toInteger(), v + 1);

    // A further edit joins the kept change instead of failing again.
    doc.setVisibility(core::Visibility::Internal);
    EXPECT_EQ(conflicts.count(), 2);
    EXPECT_EQ(doc.pendingChange(),
              (QJsonObject{{u"priority"_s, u"high"_s}, {u"visibility"_s, u"internal"_s}}));
    EXPECT_FALSE(doc.isBusy());
}

TEST_F(TicketDocumentTest, ReapplySendsThePendingChangeOnTheNewVersion)
{
    TicketDocument doc(&client.api);
    ASSERT_TRUE(openAndWait(doc));
    otherEdits({{u"status"_s, u"open"_s}});
    QSignalSpy conflicts(&doc, &TicketDocument::conflict);
    doc.setPriority(core::Priority::High);
    ASSERT_TRUE(conflicts.wait(10000));

    doc.reapply();
    EXPECT_TRUE(doc.isBusy());
    ASSERT_TRUE(waitIdle(doc));
    EXPECT_EQ(conflicts.count(), 1);
    EXPECT_TRUE(doc.pendingChange().isEmpty());
    const QJsonObject server = serverTicket();
    EXPECT_EQ(server.value(u"priority"_s).toString(), u"high"_s);
    EXPECT_EQ(server.value(u"status"_s).toString(), u"open"_s); // theirs is kept too
    EXPECT_EQ(doc.version(), server.value(u"version"_s).toInteger());
    EXPECT_EQ(doc.ticket().summary.priority, core::Priority::High);
    EXPECT_EQ(doc.ticket().summary.status, core::Status::Open);
}

TEST_F(TicketDocumentTest, ReloadDiscardingKeepsTheServersValue)
{
    TicketDocument doc(&client.api);
    ASSERT_TRUE(openAndWait(doc));
    otherEdits({{u"priority"_s, u"low"_s}});
    QSignalSpy conflicts(&doc, &TicketDocument::conflict);
    doc.setPriority(core::Priority::High);
    ASSERT_TRUE(conflicts.wait(10000));

    QSignalSpy changed(&doc, &TicketDocument::changed);
    doc.reloadDiscarding();
    EXPECT_TRUE(doc.pendingChange().isEmpty());
    ASSERT_TRUE(changed.wait(10000));
    const QJsonObject server = serverTicket();
    EXPECT_EQ(server.value(u"priority"_s).toString(), u"low"_s);
    EXPECT_EQ(doc.ticket().summary.priority, core::Priority::Low);
    EXPECT_EQ(doc.version(), server.value(u"version"_s).toInteger());
    ASSERT_TRUE(modeltest::allAnswered(client.api)); // no discarded change went out late
    EXPECT_EQ(serverTicket().value(u"priority"_s).toString(), u"low"_s);
}

TEST_F(TicketDocumentTest, OtherErrorsLeaveTheTicketAsItWas)
{
    TicketDocument doc(&client.api);
    ASSERT_TRUE(openAndWait(doc));
    const qint64 v = doc.version();
    QSignalSpy errors(&doc, &TicketDocument::errorOccurred);
    QSignalSpy conflicts(&doc, &TicketDocument::conflict);
    doc.setAssignee(qint64(8)); // Klaus has left: not an active staff member
    ASSERT_TRUE(errors.wait(10000));
    const auto error = errors.at(0).at(0).value<client::ApiError>();
    EXPECT_EQ(error.status, 422);
    EXPECT_EQ(conflicts.count(), 0);
    EXPECT_TRUE(doc.pendingChange().isEmpty());
    EXPECT_EQ(doc.version(), v);
    EXPECT_FALSE(doc.isBusy());
    EXPECT_EQ(serverTicket().value(u"version"_s).toInteger(), v);
}

TEST_F(TicketDocumentTest, EventsMergeNewerVersionsAttachmentsAndRatings)
{
    TicketDocument doc(&client.api);
    ASSERT_TRUE(openAndWait(doc));
    QSignalSpy changed(&doc, &TicketDocument::changed);

    const QJsonObject updated = otherEdits({{u"priority"_s, u"high"_s}});
    core::Event e{1, u"ticket.updated"_s, id, 0, updated};
    e.data.insert(u"changes"_s, QJsonObject{{u"priority"_s, u"high"_s}});
    doc.applyEvent(e);
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(doc.ticket().summary.priority, core::Priority::High);
    EXPECT_EQ(doc.version(), updated.value(u"version"_s).toInteger());
    // The same update again, an older one, another ticket's: nothing.
    doc.applyEvent(e);
    core::Event foreign = e;
    foreign.ticketId = id + 1000;
    foreign.data.insert(u"version"_s, doc.version() + 5);
    doc.applyEvent(foreign);
    EXPECT_EQ(changed.count(), 1);

    const testsupport::HttpResult upload = testsupport::uploadTextFile(other, id, false);
    ASSERT_EQ(upload.status, 201) << upload.body.toStdString();
    const core::Event attachment{2, u"attachment.created"_s, id, 0, upload.object()};
    const qsizetype files = doc.ticket().attachments.size();
    doc.applyEvent(attachment);
    doc.applyEvent(attachment);
    EXPECT_EQ(doc.ticket().attachments.size(), files + 1);
    EXPECT_EQ(doc.ticket().attachments.last().id, upload.object().value(u"id"_s).toString());
    EXPECT_EQ(changed.count(), 2);

    doc.applyEvent(
        {3, u"rating.created"_s, id, 0, QJsonObject{{u"stars"_s, 4}, {u"comment"_s, u"Gut"_s}}});
    ASSERT_TRUE(doc.ticket().rating.has_value());
    EXPECT_EQ(doc.ticket().rating->stars, 4);
    EXPECT_EQ(doc.ticket().summary.ratingStars, 4);
    EXPECT_EQ(changed.count(), 3);
}

TEST_F(TicketDocumentTest, AnotherReassignmentBringsItsRecord)
{
    TicketDocument doc(&client.api);
    ASSERT_TRUE(openAndWait(doc));
    QSignalSpy changed(&doc, &TicketDocument::changed);
    const qint64 murat = 4;
    const QJsonObject updated = otherEdits({{u"assigneeId"_s, murat}});
    core::Event e{1, u"ticket.updated"_s, id, 0, updated};
    e.data.insert(u"changes"_s, QJsonObject{{u"assigneeId"_s, murat}});
    doc.applyEvent(e);
    EXPECT_EQ(doc.ticket().summary.assigneeId, murat);
    // The event carries no record of how: the document reads it (Anna, by hand).
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return doc.ticket().assignment.value(u"by"_s).toInteger() == 1; }, 10000));
    EXPECT_EQ(doc.ticket().assignment.value(u"assigneeId"_s).toInteger(), murat);
    EXPECT_EQ(changed.count(), 2);
}

TEST_F(TicketDocumentTest, AnUpdateDuringAnEditIsTakenAfterIt)
{
    TicketDocument doc(&client.api);
    ASSERT_TRUE(openAndWait(doc));
    // Built first: the synchronous helper runs the event loop, which would answer our PATCH.
    core::Event later{1, u"ticket.updated"_s, id, 0, serverTicket()};
    later.data.insert(u"version"_s, doc.version() + 2);
    later.data.insert(u"title"_s, u"Von woanders"_s);
    doc.setPriority(core::Priority::High);
    ASSERT_TRUE(doc.isBusy());
    // Announced while our PATCH is out: its version is compared once ours is in.
    doc.applyEvent(later);
    EXPECT_EQ(doc.ticket().summary.title, u"Dokument"_s);
    ASSERT_TRUE(waitIdle(doc));
    EXPECT_EQ(doc.ticket().summary.title, u"Von woanders"_s);
    EXPECT_EQ(doc.version(), later.data.value(u"version"_s).toInteger());
}

TEST_F(TicketDocumentTest, AnAnswerForThePreviousTicketIsIgnored)
{
    const QJsonObject second =
        testsupport::createTicket(other, u"Zweites Dokument"_s, {{u"deviceId"_s, 2}});
    ASSERT_FALSE(second.isEmpty());
    TicketDocument doc(&client.api);
    QSignalSpy loaded(&doc, &TicketDocument::loaded);
    doc.open(id);
    doc.open(second.value(u"id"_s).toInteger());
    ASSERT_TRUE(loaded.wait(10000));
    ASSERT_TRUE(modeltest::allAnswered(client.api)); // the first ticket's answer is in too
    EXPECT_EQ(loaded.count(), 1);
    EXPECT_EQ(doc.ticket().summary.id, second.value(u"id"_s).toInteger());
    EXPECT_EQ(doc.ticket().summary.title, u"Zweites Dokument"_s);
}

} // namespace
