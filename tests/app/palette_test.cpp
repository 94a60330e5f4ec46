// The command palette (Ctrl+K) by keyboard, against a real server: a ticket number opens
// that ticket also when the table does not show it; part of a menu action's text runs the
// action; Esc closes and gives the focus back.
#include "guiclient.h"
#include "testsupport.h"

#include "palette/palettecontroller.h"
#include "palette/palettewidget.h"
#include "statistics/statisticsview.h"

#include <QApplication>
#include <QLineEdit>
#include <QListView>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using guitest::Client;
using guitest::waitFor;
using testsupport::ApiClient;
using testsupport::TestServer;

namespace {

class PaletteTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning());
        ASSERT_FALSE(check.loginStaff(u"anna"_s).isEmpty());
    }
    // Ctrl+K where the user is (the table), as a person presses it.
    static PaletteWidget *openPalette(Client &c)
    {
        c.window->activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(c.window.get()));
        auto *table = c.find<QTableView>("ticketTableView");
        table->setFocus();
        QTest::keyClick(table, Qt::Key_K, Qt::ControlModifier);
        auto *palette = c.find<PaletteWidget>("paletteWidget");
        EXPECT_TRUE(waitFor([palette] { return palette->isVisible(); }));
        return palette;
    }

    TestServer server;
    ApiClient check{server.baseUrl()};
    QTemporaryDir dir;
};

TEST_F(PaletteTest, ATicketNumberOpensATicketTheTableDoesNotShow)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    const QJsonObject wanted = check.get(u"/tickets?limit=1"_s).items().first().toObject();
    const qint64 id = wanted.value(u"id"_s).toInteger();
    const QString number = wanted.value(u"number"_s).toString();
    // A search that matches nothing: the table is empty.
    auto *search = c.find<QLineEdit>("searchLineEdit");
    QTest::keyClicks(search, u"kein solches Ticket xyz"_s);
    ASSERT_TRUE(waitFor([&] { return c.table()->rowCount() == 0 && !c.table()->isLoading(); }));
    ASSERT_NE(c.window->document()->id(), id);

    const QString digits = number.mid(2).remove(QRegularExpression(u"^0+"_s));
    for (const QString &typed : QStringList{u"#"_s + digits, number.toLower()}) {
        SCOPED_TRACE(typed.toStdString());
        c.window->document()->open(0);
        PaletteWidget *palette = openPalette(c);
        auto *edit = c.find<QLineEdit>("paletteLineEdit");
        EXPECT_TRUE(edit->hasFocus());
        QTest::keyClicks(edit, typed);
        auto *list = c.find<QListView>("paletteListView");
        ASSERT_GT(list->model()->rowCount(), 0);
        EXPECT_EQ(list->currentIndex().data().toString(), u"Open "_s + number);
        QTest::keyClick(edit, Qt::Key_Return);
        EXPECT_FALSE(palette->isVisible());
        ASSERT_TRUE(waitFor(
            [&] { return c.window->document()->id() == id && c.window->document()->isLoaded(); }));
    }
    EXPECT_EQ(c.table()->rowCount(), 0); // the search stays as it was
}

TEST_F(PaletteTest, AMenuActionRunsByPartOfItsName)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    PaletteWidget *palette = openPalette(c);
    auto *edit = c.find<QLineEdit>("paletteLineEdit");
    auto *list = c.find<QListView>("paletteListView");
    // Every enabled menu action is there, without its mnemonic, with its shortcut.
    const QModelIndex reload =
        list->model()
            ->match(list->model()->index(0, 0), Qt::DisplayRole, u"Reload"_s, 1, Qt::MatchExactly)
            .value(0);
    ASSERT_TRUE(reload.isValid());
    EXPECT_EQ(reload.data(models::PaletteModel::DetailRole).toString(),
              QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText));
    // Down and Up move while the cursor stays in the line edit.
    QTest::keyClick(edit, Qt::Key_Down);
    EXPECT_EQ(list->currentIndex().row(), 1);
    QTest::keyClick(edit, Qt::Key_PageDown);
    EXPECT_GT(list->currentIndex().row(), 1);
    QTest::keyClick(edit, Qt::Key_Up);
    QTest::keyClick(edit, Qt::Key_PageUp);
    EXPECT_EQ(list->currentIndex().row(), 0);

    // Esc closes it; the focus is back where it was.
    QTest::keyClick(edit, Qt::Key_Escape);
    EXPECT_FALSE(palette->isVisible());
    EXPECT_TRUE(waitFor([&] { return c.find<QTableView>("ticketTableView")->hasFocus(); }));

    // From a text field too (which would take Ctrl+K to delete to the end of its line).
    auto *search = c.find<QLineEdit>("searchLineEdit");
    search->setFocus();
    QTest::keyClicks(search, u"Drucker"_s);
    search->setCursorPosition(2);
    QTest::keyClick(search, Qt::Key_K, Qt::ControlModifier);
    ASSERT_TRUE(waitFor([&] { return palette->isVisible(); }));
    EXPECT_EQ(search->text(), u"Drucker"_s);
    QTest::keyClick(edit, Qt::Key_Escape);
    EXPECT_TRUE(waitFor([&] { return search->hasFocus(); }));

    openPalette(c);
    EXPECT_TRUE(edit->text().isEmpty()); // a fresh start every time
    QTest::keyClicks(edit, u"statist"_s);
    // The action first; text modules whose names hold the letters in order come after it.
    ASSERT_GE(list->model()->rowCount(), 1);
    EXPECT_EQ(list->currentIndex().data().toString(), u"Rating statistics…"_s);
    QTest::keyClick(edit, Qt::Key_Enter);
    ASSERT_TRUE(waitFor(
        [&] { return c.window->statisticsView() && c.window->statisticsView()->isVisible(); }));
}

TEST_F(PaletteTest, AClickRunsAnEntryAndNothingMatchingSaysSo)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    // Another part's entries (the lead's views, text modules) come in through the API.
    QString ran;
    c.window->palette()->setEntries(u"view"_s,
                                    {{u"view"_s, u"Go to view Wartend"_s, u"View"_s, u"42"_s}},
                                    [&ran](const QString &key) { ran = key; });
    openPalette(c);
    auto *edit = c.find<QLineEdit>("paletteLineEdit");
    auto *list = c.find<QListView>("paletteListView");
    QTest::keyClicks(edit, u"zzqqxx"_s);
    EXPECT_TRUE(c.find<QWidget>("paletteEmptyLabel")->isVisible());
    EXPECT_FALSE(list->isVisible());
    edit->clear();
    QTest::keyClicks(edit, u"gtvw"_s); // Go To View Wartend
    ASSERT_TRUE(list->isVisible());
    const QModelIndex first = list->model()->index(0, 0);
    ASSERT_EQ(first.data().toString(), u"Go to view Wartend"_s);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(first).center());
    EXPECT_EQ(ran, u"42"_s);
    EXPECT_FALSE(c.find<PaletteWidget>("paletteWidget")->isVisible());
}

// On a large and a small screen the panel lies within the window, below its top, with rows
// to choose from (and docs/screenshots shows it with a filter typed).
TEST_F(PaletteTest, FitsLargeAndSmallWindows)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    c.open(c.table()->idAt(0));
    for (const QSize size : {QSize(1600, 1000), QSize(1024, 640)}) {
        SCOPED_TRACE(size.width());
        c.window->resize(size);
        ASSERT_TRUE(waitFor([&] { return c.window->size() == size; }));
        PaletteWidget *palette = openPalette(c);
        auto *edit = c.find<QLineEdit>("paletteLineEdit");
        QTest::keyClicks(edit, u"st"_s);
        auto *list = c.find<QListView>("paletteListView");
        ASSERT_GT(list->model()->rowCount(), 3);
        EXPECT_TRUE(c.window->rect().contains(palette->geometry()));
        EXPECT_GE(palette->width(), std::min(600, size.width() - 40));
        const QRect lastShown =
            list->visualRect(list->model()->index(std::min(list->model()->rowCount(), 8) - 1, 0));
        EXPECT_LE(lastShown.bottom(), list->viewport()->height());
        guitest::saveScreenshot(c.window.get(),
                                u"palette-%1x%2"_s.arg(size.width()).arg(size.height()));
        QTest::keyClick(edit, Qt::Key_Escape);
        EXPECT_FALSE(palette->isVisible());
    }
}

} // namespace
