// The staff library where staff work, by keyboard against a real server (issue 13): a
// macro applied through the palette to three selected tickets changes all three on the
// server; the palette's "Go to view" applies a saved view; its "Insert text module" fills
// the open ticket's reply; the table's context menu offers the macros and the ticket window.
#include "guiclient.h"
#include "testsupport.h"

#include "conversationtabs.h"
#include "librarycontroller.h"
#include "models/macrolist.h"
#include "models/queuefilter.h"
#include "models/textmodulelist.h"
#include "models/viewlist.h"
#include "palette/palettewidget.h"
#include "tableactions.h"
#include "ticketlistcontroller.h"
#include "widgets/messagebanner.h"

#include <QAction>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using guitest::Client;
using guitest::waitFor;

namespace {

class LibraryTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning());
        ASSERT_FALSE(check.loginStaff(u"anna"_s).isEmpty());
    }
    QJsonObject ticket(qint64 id) { return check.get(u"/tickets/%1"_s.arg(id)).object(); }
    QTableView *focusTable(Client &c)
    {
        auto *view = c.find<QTableView>("ticketTableView");
        c.open(c.table()->idAt(0));
        c.window->activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(c.window.get()));
        view->setFocus(Qt::OtherFocusReason);
        EXPECT_TRUE(waitFor([&] { return view->hasFocus(); }));
        return view;
    }
    // Ctrl+K, `typed`, and Enter on the first hit, which must be `expected`.
    static void runFromPalette(Client &c, QWidget *from, const QString &typed,
                               const QString &expected)
    {
        QTest::keyClick(from, Qt::Key_K, Qt::ControlModifier);
        auto *palette = c.find<PaletteWidget>("paletteWidget");
        ASSERT_TRUE(waitFor([palette] { return palette->isVisible(); }));
        auto *edit = c.find<QLineEdit>("paletteLineEdit");
        QTest::keyClicks(edit, typed);
        auto *list = c.find<QListView>("paletteListView");
        ASSERT_TRUE(waitFor([&] { return list->currentIndex().isValid(); }));
        EXPECT_EQ(list->currentIndex().data().toString(), expected);
        QTest::keyClick(edit, Qt::Key_Return);
        EXPECT_FALSE(palette->isVisible());
    }

    guitest::Language english{u"en"_s};
    testsupport::TestServer server;
    testsupport::ApiClient check{server.baseUrl()};
    QTemporaryDir dir;
};

TEST_F(LibraryTest, AMacroFromThePaletteChangesThreeSelectedTicketsOnTheServer)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    models::MacroList *macros = c.window->macros();
    ASSERT_TRUE(waitFor([&] { return macros->rowCount() == 4; }));
    const QModelIndex answered =
        macros->match(macros->index(0), Qt::DisplayRole, u"Anfrage beantwortet"_s).value(0);
    ASSERT_TRUE(answered.isValid());
    QList<qint64> ids;
    for (int row = 0; row < 3; ++row) {
        ids.append(c.table()->idAt(row));
        if (ticket(ids.last()).value(u"status"_s).toString() != u"open") {
            ASSERT_EQ(check.editTicket(ids.last(), {{u"status"_s, u"open"_s}}).status, 200);
        }
    }
    QTableView *view = focusTable(c);
    for (int i = 0; i < 2; ++i)
        QTest::keyClick(view, Qt::Key_J, Qt::ShiftModifier);
    ASSERT_EQ(c.window->ticketList()->selectedIds(), ids);

    runFromPalette(c, view, u"anfrage beantw"_s, u"Apply macro › Anfrage beantwortet"_s);
    ASSERT_TRUE(waitFor([&] {
        return std::all_of(ids.cbegin(), ids.cend(), [&](qint64 id) {
            return ticket(id).value(u"status"_s).toString() == u"resolved";
        });
    }));
    // Its internal note is on each of them.
    for (qint64 id : ids) {
        const QJsonArray notes = check.get(u"/tickets/%1/notes"_s.arg(id)).items();
        ASSERT_FALSE(notes.isEmpty());
        EXPECT_EQ(notes.last()[u"body"_s].toString(), u"Allgemeine Anfrage beantwortet."_s);
        // The table follows: resolved, or gone from a queue of open tickets.
        EXPECT_TRUE(waitFor([&] {
            const core::TicketSummary *row = c.table()->summary(id);
            return !row || row->status == core::Status::Resolved;
        }));
    }
    // Undo takes back the status, not the notes: the offer and the undo say so.
    auto *banner = c.find<MessageBanner>("messageBanner");
    EXPECT_TRUE(waitFor([&] { return banner->message().contains(u"keeps the notes"_s); }))
        << banner->message().toStdString();
    c.window->tableActions()->findChild<QAction *>(u"undoBulkAction"_s)->trigger();
    EXPECT_TRUE(waitFor([&] { return banner->message().contains(u"messages added stay"_s); }))
        << banner->message().toStdString();
    EXPECT_EQ(banner->kind(), MessageBanner::Kind::Info) << "done as asked is no warning";
    for (qint64 id : ids) {
        EXPECT_EQ(ticket(id).value(u"status"_s).toString(), u"open"_s);
        EXPECT_EQ(check.get(u"/tickets/%1/notes"_s.arg(id)).items().last()[u"body"_s].toString(),
                  u"Allgemeine Anfrage beantwortet."_s);
    }
}

TEST_F(LibraryTest, TheContextMenuOffersTheMacrosAndTheTicketWindow)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    ASSERT_TRUE(waitFor([&] { return c.window->macros()->rowCount() == 4; }));
    focusTable(c);
    QMenu menu;
    c.window->tableActions()->fillContextMenu(&menu);
    QStringList texts;
    for (const QAction *a : menu.actions())
        texts.append(a->text());
    EXPECT_TRUE(texts.contains(u"Apply ma&cro"_s)) << texts.join(u'|').toStdString();
    EXPECT_TRUE(texts.contains(u"Open in &window"_s)) << texts.join(u'|').toStdString();
    auto *macroMenu = c.window->findChild<QMenu *>(u"macroMenu"_s);
    ASSERT_TRUE(macroMenu);
    EXPECT_EQ(macroMenu->actions().size(), 4);
    EXPECT_TRUE(macroMenu->isEnabled());
    EXPECT_FALSE(macroMenu->actions().first()->toolTip().isEmpty()); // what it does
}

TEST_F(LibraryTest, ThePaletteGoesToAViewAndInsertsATextModule)
{
    ASSERT_EQ(check
                  .post(u"/views"_s, {{u"name"_s, u"Hohe Priorität"_s},
                                      {u"query"_s, QJsonObject{{u"priority"_s, u"high"_s}}}})
                  .status,
              201);
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    ASSERT_TRUE(waitFor([&] { return c.window->views()->rowCount() == 1; }));
    QTableView *view = focusTable(c);
    runFromPalette(c, view, u"hohe prio"_s, u"Go to view Hohe Priorität"_s);
    EXPECT_TRUE(waitFor([&] {
        return c.table()->query().priorities == QList<core::Priority>{core::Priority::High};
    }));

    // A text module into the open ticket's reply, its placeholders filled.
    models::TextModuleList *modules = c.window->textModules();
    ASSERT_TRUE(waitFor([&] { return modules->rowCount() > 0; }));
    ASSERT_TRUE(c.waitForRows());
    const qint64 id = c.table()->idAt(0);
    c.open(id);
    ASSERT_TRUE(waitFor([&] { return c.window->document()->isLoaded(); }));
    const QString number = c.window->document()->ticket().summary.number;
    QModelIndex withNumber;
    for (int row = 0; row < modules->rowCount() && !withNumber.isValid(); ++row) {
        if (modules->index(row)
                .data(models::TextModuleList::BodyRole)
                .toString()
                .contains(u"{ticket.number}"_s))
            withNumber = modules->index(row);
    }
    ASSERT_TRUE(withNumber.isValid()) << "a demo module with {ticket.number}";
    const QString name = withNumber.data().toString();
    view->setFocus();
    runFromPalette(c, view, name, u"Insert text module "_s + name);
    auto *reply = c.find<QPlainTextEdit>("messageTextEdit");
    EXPECT_TRUE(waitFor([&] { return reply->hasFocus(); }));
    EXPECT_TRUE(reply->toPlainText().contains(number)) << reply->toPlainText().toStdString();
    EXPECT_FALSE(reply->toPlainText().contains(u"{ticket.number}"_s));
}

} // namespace
