// Saved views with created ranges, in the real main window against a real ticket-server,
// by keyboard: a view saved from created:>7d keeps "-6d" (not a date), applying it writes
// the created term, phrases and -words back into the search box (relative stays relative),
// the heading says the range in its own words, and a range whose days cross today says so
// (heading and box) instead of "created until 01/01/1970".
#include "guiclient.h"
#include "testsupport.h"

#include "listheading.h"
#include "mainwindow.h"
#include "models/tickettablemodel.h"
#include "models/viewlist.h"
#include "saveviewdialog.h"
#include "searchboxcontroller.h"

#include <QAction>
#include <QApplication>
#include <QCompleter>
#include <QCoreApplication>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using guitest::Client;
using guitest::waitFor;
using testsupport::ApiClient;
using testsupport::TestServer;

static void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}

namespace {

QString heading(const char *source, int n = -1)
{
    return QCoreApplication::translate("ListHeading", source, nullptr, n);
}

class RelativeViewsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning());
        ASSERT_FALSE(agent.loginStaff(u"jonas"_s).isEmpty());
    }
    static QLineEdit *box(const Client &c) { return c.find<QLineEdit>("searchLineEdit"); }
    static QString title(const Client &c) { return c.find<QLabel>("queueTitleLabel")->text(); }
    static void type(const Client &c, const QString &text)
    {
        QLineEdit *b = box(c);
        b->setFocus();
        b->selectAll();
        QTest::keyClick(b, Qt::Key_Backspace);
        QTest::keyClicks(b, text);
        if (QCompleter *completer = c.window->findChild<QCompleter *>(u"searchCompleter"_s))
            completer->popup()->hide();
        QTest::keyClick(b, Qt::Key_Return);
    }
    static bool loaded(const Client &c)
    {
        return !c.table()->isLoading() && c.api.jobsInFlight() == 0;
    }
    static void activate(const Client &c)
    {
        ASSERT_TRUE(waitFor([&] {
            c.window->activateWindow();
            return QApplication::activeWindow() == c.window.get();
        }));
    }
    static void clearFilters(const Client &c)
    {
        QTest::mouseClick(c.find<QPushButton>("clearFiltersButton"), Qt::LeftButton);
        ASSERT_TRUE(waitFor([&] { return !c.table()->query().hasCreatedRange() && loaded(c); }));
        ASSERT_TRUE(box(c)->text().isEmpty());
    }

    TestServer server;
    ApiClient agent{server.baseUrl()};
    QTemporaryDir dir;
};

TEST_F(RelativeViewsTest, AViewOfTheLastDaysStaysRelativeAndFillsTheBoxAgain)
{
    Client c(server.baseUrl(), dir.path(), u"jonas"_s);
    ASSERT_TRUE(c.waitForRows());
    // All tickets (End in the queue list): the view holds no queue statuses.
    auto *queues = c.find<QListView>("queueListView");
    queues->setFocus();
    QTest::keyClick(queues, Qt::Key_End);
    ASSERT_TRUE(waitFor([&] { return c.table()->query().statuses.isEmpty() && loaded(c); }));
    type(c, u"created:>7d"_s);
    ASSERT_TRUE(waitFor([&] { return c.table()->query().createdFromDaysAgo == 6 && loaded(c); }));
    EXPECT_TRUE(title(c).contains(heading("created in the last %n day(s)", 7)))
        << title(c).toStdString();
    c.window->resize(1600, 1000);
    guitest::saveScreenshot(c.window.get(), u"heading-relative-range"_s);

    const QString terms = u"created:>7d \"nicht lesbar\" -Papier"_s;
    type(c, terms);
    ASSERT_TRUE(waitFor([&] { return !c.table()->query().phrases.isEmpty() && loaded(c); }));
    EXPECT_EQ(c.table()->query().createdFromDaysAgo, 6);

    // Saved: the server keeps "-6d", not today's date.
    c.find<QAction>("saveViewAction")->trigger();
    auto *dialog = c.window->findChild<SaveViewDialog *>(u"saveViewDialog"_s);
    ASSERT_NE(dialog, nullptr);
    auto *name = dialog->findChild<QLineEdit *>(u"viewNameLineEdit"_s);
    QTest::keyClicks(name, u"Letzte Woche"_s);
    QTest::keyClick(name, Qt::Key_Return);
    models::ViewList *views = c.window->views();
    ASSERT_TRUE(waitFor([&] { return views->rowCount() == 1; }));
    const QJsonArray stored = agent.get(u"/views"_s).items();
    ASSERT_EQ(stored.size(), 1);
    const QJsonObject query = stored[0].toObject().value(u"query"_s).toObject();
    EXPECT_EQ(query.value(u"createdFrom"_s).toString(), u"-6d"_s);
    EXPECT_FALSE(query.contains(u"createdTo"_s));
    EXPECT_EQ(query.value(u"phrase"_s).toString(), u"nicht lesbar"_s);
    EXPECT_FALSE(query.contains(u"status"_s));
    EXPECT_EQ(query.value(u"exclude"_s).toString(), u"Papier"_s);
    EXPECT_EQ(views->viewAt(0).query.createdFromDaysAgo, 6);

    // Cleared, then Ctrl+1: the box holds the view's terms again, the range still relative,
    // and the list is what the server answers for the range resolved today.
    clearFilters(c);
    activate(c);
    QTest::keyClick(c.find<QTableView>("ticketTableView"), Qt::Key_1, Qt::ControlModifier);
    ASSERT_TRUE(waitFor([&] { return c.table()->query().createdFromDaysAgo == 6 && loaded(c); }));
    EXPECT_EQ(box(c)->text(), terms);
    EXPECT_FALSE(c.find<QLabel>("searchProblemLabel")->isVisible());
    EXPECT_EQ(c.table()->query().phrases, QStringList{u"nicht lesbar"_s});
    EXPECT_EQ(c.table()->query().excluded, QStringList{u"Papier"_s});

    // From the sidebar by keyboard (Enter on the view's row): the same.
    clearFilters(c);
    auto *mine = c.find<QListView>("myViewsListView");
    mine->setFocus();
    mine->setCurrentIndex(views->index(0));
    QTest::keyClick(mine, Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return c.table()->query().createdFromDaysAgo == 6 && loaded(c); }));
    EXPECT_EQ(box(c)->text(), terms);
    c.window->resize(1600, 1000);
    box(c)->setCursorPosition(0);
    guitest::saveScreenshot(c.window.get(), u"view-applied-created-range"_s);
}

TEST_F(RelativeViewsTest, ARangeWhoseDaysCrossSaysSoInTheHeadingAndTheBox)
{
    // From tomorrow (local) to three days ago: no day at all today.
    const QDate tomorrow = QDate::currentDate().addDays(1);
    const QString from = QDateTime(tomorrow, QTime(0, 0)).toUTC().toString(Qt::ISODateWithMs);
    const testsupport::HttpResult saved = agent.post(
        u"/views"_s,
        {{u"name"_s, u"Verkehrt"_s},
         {u"query"_s, QJsonObject{{u"createdFrom"_s, from}, {u"createdTo"_s, u"-2d"_s}}}});
    ASSERT_EQ(saved.status, 201) << saved.body.toStdString();
    Client c(server.baseUrl(), dir.path(), u"jonas"_s);
    ASSERT_TRUE(c.waitForRows());
    ASSERT_TRUE(waitFor([&] { return c.window->views()->rowCount() == 1; }));
    activate(c);
    QTest::keyClick(c.find<QTableView>("ticketTableView"), Qt::Key_1, Qt::ControlModifier);
    ASSERT_TRUE(waitFor([&] { return c.table()->query().createdToDaysAgo == 2 && loaded(c); }));
    EXPECT_EQ(c.table()->rowCount(), 0);
    // Not "created until 01/01/1970": the empty list's heading says why nothing is listed
    // (the title names the view).
    auto *empty = c.find<QLabel>("emptyListLabel");
    ASSERT_TRUE(waitFor([&] { return empty->isVisible(); }));
    EXPECT_TRUE(empty->text().contains(heading("created: no day (the range is reversed)")))
        << empty->text().toStdString();
    EXPECT_FALSE(empty->text().contains(u"1970"_s)) << empty->text().toStdString();
    // The box holds the term and marks it as a problem.
    EXPECT_EQ(box(c)->text(), u"created:"_s + tomorrow.toString(Qt::ISODate) + u"..3d"_s);
    auto *problem = c.find<QLabel>("searchProblemLabel");
    EXPECT_TRUE(problem->isVisible());
    // The list was asked for (and is empty): the box does not claim it was not searched.
    const auto lead = [](const char *text) {
        return SearchBoxController::tr(text).section(u"%1"_s, 0, 0);
    };
    EXPECT_FALSE(problem->text().startsWith(lead("Not searched: %1")))
        << problem->text().toStdString();
    EXPECT_TRUE(problem->text().startsWith(lead("Searched, but: %1")))
        << problem->text().toStdString();
    // Another filter beside the view's: the title lists the range in the same words.
    c.window->findChild<QListView *>(u"priorityListView"_s)
        ->model()
        ->setData(c.window->findChild<QListView *>(u"priorityListView"_s)->model()->index(0, 0),
                  Qt::Checked, Qt::CheckStateRole);
    ASSERT_TRUE(waitFor([&] { return !c.table()->query().priorities.isEmpty() && loaded(c); }));
    EXPECT_TRUE(title(c).contains(heading("created: no day (the range is reversed)")))
        << title(c).toStdString();
    EXPECT_FALSE(title(c).contains(u"1970"_s)) << title(c).toStdString();
}

// The heading's words for created ranges on 2026-12-07.
TEST(ListHeadingText, CreatedRangesInTheirOwnWords)
{
    const QTimeZone zone(3600);
    const QDateTime now(QDate(2026, 12, 7), QTime(15, 0), zone);
    auto at = [&](QDate day) {
        return QDateTime(day, QTime(0, 0), zone).toMSecsSinceEpoch();
    };
    auto date = [](QDate day) {
        return QLocale().toString(day, QLocale::ShortFormat);
    };
    struct Row {
        std::optional<int> fromDays;
        std::optional<int> toDays;
        std::optional<qint64> from;
        std::optional<qint64> to;
        QString expected;
    };
    const QList<Row> table = {
        {6, {}, {}, {}, heading("created in the last %n day(s)", 7)},
        {0, {}, {}, {}, heading("created today")},
        {{}, 2, {}, {}, heading("created %n or more day(s) ago", 3)},
        {14, 6, {}, {}, heading("created %1 to %2 days ago").arg(14).arg(7)},
        {1, 0, {}, {}, heading("created yesterday")},
        {3, 2, {}, {}, heading("created %n day(s) ago", 3)},
        {{},
         {},
         at({2026, 11, 1}),
         at({2026, 12, 1}),
         heading("created %1 – %2").arg(date({2026, 11, 1}), date({2026, 11, 30}))},
        {{}, {}, at({2026, 11, 1}), {}, heading("created from %1").arg(date({2026, 11, 1}))},
        {{},
         2,
         at({2026, 12, 1}),
         {},
         heading("created %1 – %2").arg(date({2026, 12, 1}), date({2026, 12, 4}))},
        // Days that cross, and what an old client kept for them.
        {{}, 2, at({2026, 12, 6}), {}, heading("created: no day (the range is reversed)")},
        {{}, {}, {}, 1, heading("created: no day (the range is reversed)")},
        {{}, {}, {}, {}, QString()},
    };
    for (const Row &row : table) {
        core::TicketQuery q;
        q.createdFromDaysAgo = row.fromDays;
        q.createdToDaysAgo = row.toDays;
        q.createdFrom = row.from;
        q.createdTo = row.to;
        EXPECT_EQ(ListHeading::createdText(q, now), row.expected) << row.expected.toStdString();
    }
}

} // namespace
