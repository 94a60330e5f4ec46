// Finding tickets in the real main window, offscreen, against a real ticket-server: the
// search box (numbers, devices, customers), what the list says about its filters, and
// the detail pane following the list.
#include "guiclient.h"
#include "testsupport.h"

#include "mainwindow.h"
#include "models/queuefilter.h"
#include "models/ticketdocument.h"
#include "models/tickettablemodel.h"
#include "ticketlistcontroller.h"

#include <QAbstractItemView>
#include <QCollator>
#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using guitest::Client;
using guitest::waitFor;
using testsupport::ApiClient;
using testsupport::TestServer;

namespace {

class FindingTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning());
        ASSERT_FALSE(check.loginStaff(u"anna"_s).isEmpty());
    }
    void search(const Client &c, const QString &text)
    {
        auto *box = c.find<QLineEdit>("searchLineEdit");
        box->clear();
        QTest::keyClicks(box, text);
        ASSERT_TRUE(
            waitFor([&] { return c.table()->query().text == text && !c.table()->isLoading(); }));
    }
    static qint64 currentRowId(const Client &c)
    {
        const QModelIndex current = c.find<QTableView>("ticketTableView")->currentIndex();
        return current.isValid() ? c.table()->idAt(current.row()) : 0;
    }

    TestServer server;
    ApiClient check{server.baseUrl()};
    QTemporaryDir dir;
};

TEST_F(FindingTest, ATicketNumberInTheSearchBoxGoesToThatTicket)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    ASSERT_GE(c.table()->rowCount(), 5);
    // In the list: "120"-style digits select its row.
    const qint64 listed = c.table()->idAt(4);
    search(c, QString::number(listed));
    ASSERT_TRUE(waitFor([&] { return currentRowId(c) == listed; }));
    EXPECT_TRUE(waitFor([&] { return c.window->document()->id() == listed; }));

    // Not in the list (closed, "All open" hides it): the client opens it all the same.
    const QJsonArray closed = check.get(u"/tickets?status=closed&limit=1"_s).items();
    ASSERT_EQ(closed.size(), 1);
    const qint64 hidden = closed.first().toObject().value(u"id"_s).toInteger();
    const QString number = closed.first().toObject().value(u"number"_s).toString();
    search(c, number);
    ASSERT_TRUE(waitFor(
        [&] { return c.window->document()->id() == hidden && c.window->document()->isLoaded(); }));
    EXPECT_EQ(c.window->document()->ticket().summary.number, number);
    EXPECT_EQ(c.table()->rowOf(hidden), -1);
    EXPECT_EQ(currentRowId(c), 0);
    if (c.table()->rowCount() == 0) { // the empty list says where the ticket is
        EXPECT_TRUE(c.find<QLabel>("emptyListLabel")->text().contains(number));
    }
}

TEST_F(FindingTest, TypingOneTwentyShowsTicketT000120)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    search(c, u"120"_s);
    ASSERT_TRUE(waitFor([&] {
        return c.window->document()->isLoaded() &&
               c.window->document()->ticket().summary.number == u"T-000120"_s;
    }));
    if (c.table()->rowOf(c.window->document()->id()) >= 0) {
        EXPECT_EQ(currentRowId(c), c.window->document()->id());
    }
}

TEST_F(FindingTest, TheDetailPaneFollowsTheListAfterASearch)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    const qint64 found = testsupport::createTicket(check, u"Einzigartiger Brummtonwandler"_s,
                                                   {{u"deviceId"_s, testsupport::demoDeviceId(0)}})
                             .value(u"id"_s)
                             .toInteger();
    ASSERT_TRUE(waitFor([&] { return c.table()->rowOf(found) >= 0; }));
    const qint64 other = c.table()->idAt(c.table()->rowOf(found) == 3 ? 2 : 3);
    c.open(other);

    // The search finds another ticket: it becomes the current one, not the one left behind.
    search(c, u"Brummtonwandler"_s);
    ASSERT_TRUE(waitFor([&] { return c.window->document()->id() == found; }));
    EXPECT_EQ(currentRowId(c), found);

    // Nothing found: the empty placeholder, not the last ticket.
    search(c, u"Nirgendwowortxyz"_s);
    EXPECT_EQ(c.table()->rowCount(), 0);
    EXPECT_TRUE(waitFor([&] { return c.window->document()->id() == 0; }));

    // The search cleared: the first row again.
    search(c, QString());
    ASSERT_TRUE(c.waitForRows());
    EXPECT_TRUE(waitFor([&] { return c.window->document()->id() == c.table()->idAt(0); }));
}

TEST_F(FindingTest, ATicketOpenedFromElsewhereIsSelectedWhenListed)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    const qint64 listed = c.table()->idAt(3);
    c.window->showTicket(listed);
    EXPECT_EQ(currentRowId(c), listed);
    EXPECT_TRUE(waitFor([&] { return c.window->document()->id() == listed; }));

    const QJsonArray closed = check.get(u"/tickets?status=closed&limit=1"_s).items();
    ASSERT_EQ(closed.size(), 1);
    const qint64 hidden = closed.first().toObject().value(u"id"_s).toInteger();
    c.window->showTicket(hidden);
    EXPECT_TRUE(waitFor([&] { return c.window->document()->id() == hidden; }));
    EXPECT_EQ(currentRowId(c), 0); // no row claims to be the open ticket
}

} // namespace

namespace {

void tick(QListView *view, int value)
{
    QAbstractItemModel *model = view->model();
    const QModelIndex index =
        model->match(model->index(0, 0), models::FacetListModel::ValueRole, value).value(0);
    ASSERT_TRUE(index.isValid());
    model->setData(index, Qt::Checked, Qt::CheckStateRole);
}

TEST_F(FindingTest, AStatusOrPriorityIsMarkedByItsTickAlone)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    for (const char *name : {"statusListView", "priorityListView"}) {
        auto *view = c.find<QListView>(name);
        view->setFocus(Qt::OtherFocusReason);
        QTest::keyClick(view, Qt::Key_Down);
        QTest::keyClick(view, Qt::Key_Down);
        const QModelIndex current = view->currentIndex();
        ASSERT_TRUE(current.isValid()) << name;
        // Moving onto a row is not ticking it, and nothing may look ticked that is not:
        // no highlighted row beside the tick boxes.
        EXPECT_NE(current.data(Qt::CheckStateRole).toInt(), int(Qt::Checked)) << name;
        EXPECT_FALSE(view->selectionModel()->hasSelection()) << name;
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(view->model()->index(0, 0)).center());
        EXPECT_FALSE(view->selectionModel()->hasSelection()) << name;
        QTest::keyClick(view, Qt::Key_Space); // Space ticks the current row
        EXPECT_EQ(view->currentIndex().data(Qt::CheckStateRole).toInt(), int(Qt::Checked)) << name;
    }
}

TEST_F(FindingTest, TheHeadingNamesEveryFilterAndAnEmptyListSaysWhy)
{
    const qint64 id = testsupport::createTicket(check, u"Schnarrendes Zahnradgetriebe"_s,
                                                {{u"deviceId"_s, testsupport::demoDeviceId(0)},
                                                 {u"priority"_s, u"low"_s}})
                          .value(u"id"_s)
                          .toInteger();
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    auto *title = c.find<QLabel>("queueTitleLabel");
    auto *clear = c.find<QPushButton>("clearFiltersButton");
    auto *empty = c.find<QWidget>("emptyListFrame");
    auto *searchAll = c.find<QPushButton>("searchAllButton");
    EXPECT_FALSE(clear->isVisible());
    EXPECT_FALSE(empty->isVisible());

    tick(c.find<QListView>("statusListView"), int(core::Status::New));
    tick(c.find<QListView>("priorityListView"), int(core::Priority::High));
    // The box holds the ticks as terms (they are one filter): the words go after them.
    auto *box = c.find<QLineEdit>("searchLineEdit");
    ASSERT_TRUE(waitFor([&] { return box->text() == u"status:new priority:high"_s; }))
        << box->text().toStdString();
    box->end(false);
    QTest::keyClicks(box, u" Zahnradgetr"_s);
    ASSERT_TRUE(waitFor([&] { return c.table()->query().text == u"Zahnradgetr"_s; }));
    ASSERT_TRUE(waitFor([&] { return c.table()->rowCount() == 0 && !c.table()->isLoading(); }));
    EXPECT_TRUE(title->text().startsWith(u"All open · New · High · “Zahnradgetr” · "_s))
        << title->text().toStdString();
    EXPECT_TRUE(clear->isVisible());
    ASSERT_TRUE(waitFor([&] { return empty->isVisible(); }));
    EXPECT_TRUE(c.find<QLabel>("emptyListLabel")->text().contains(u"Zahnradgetr"_s));
    EXPECT_TRUE(searchAll->isVisible());

    // "Search all tickets": the queue "All tickets", no filters, the same search.
    QTest::mouseClick(searchAll, Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return c.table()->rowOf(id) >= 0 && !c.table()->isLoading(); }));
    EXPECT_EQ(c.table()->query().text, u"Zahnradgetr"_s);
    EXPECT_TRUE(c.table()->query().priorities.isEmpty());
    EXPECT_TRUE(title->text().startsWith(u"All tickets · “Zahnradgetr” · "_s))
        << title->text().toStdString();
    EXPECT_FALSE(empty->isVisible());

    // One click clears the search as well.
    tick(c.find<QListView>("priorityListView"), int(core::Priority::Low));
    QTest::mouseClick(clear, Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] {
        return c.table()->query().text.isEmpty() && c.table()->query().priorities.isEmpty();
    }));
    EXPECT_TRUE(c.find<QLineEdit>("searchLineEdit")->text().isEmpty());
    EXPECT_FALSE(title->text().contains(u'“')) << title->text().toStdString();
    EXPECT_FALSE(clear->isVisible());
}

} // namespace

namespace {

TEST_F(FindingTest, DeviceAndCustomerFiltersAreSortedSearchableAndShownWhole)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    for (const char *name : {"deviceFilterComboBox", "customerFilterComboBox"}) {
        auto *box = c.find<QComboBox>(name);
        ASSERT_TRUE(waitFor([&] { return box->count() > 2; })) << name;
        QCollator collator;
        collator.setNumericMode(true);
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        int widest = 0;
        for (int i = 1; i < box->count(); ++i) {
            if (i > 1) {
                EXPECT_LE(collator.compare(box->itemText(i - 1), box->itemText(i)), 0)
                    << name << ": " << box->itemText(i - 1).toStdString() << " before "
                    << box->itemText(i).toStdString();
            }
            EXPECT_EQ(box->itemData(i, Qt::ToolTipRole).toString(), box->itemText(i));
            widest = qMax(widest, box->fontMetrics().horizontalAdvance(box->itemText(i)));
        }
        EXPECT_GE(box->view()->minimumWidth(), widest) << name;
        ASSERT_TRUE(box->isEditable()) << name;
        ASSERT_NE(box->completer(), nullptr);
        EXPECT_EQ(box->completer()->filterMode(), Qt::MatchContains) << name;
    }

    // Typing a part of a device's name offers it; taking the offer filters by it.
    auto *devices = c.find<QComboBox>("deviceFilterComboBox");
    const int pick = devices->count() - 1;
    const QString whole = devices->itemText(pick);
    const qint64 deviceId = devices->itemData(pick).toLongLong();
    const QString part = whole.mid(whole.size() / 3, 5);
    devices->lineEdit()->setFocus();
    devices->lineEdit()->selectAll();
    QTest::keyClicks(devices->lineEdit(), part);
    QAbstractItemView *popup = devices->completer()->popup();
    ASSERT_TRUE(waitFor([&] { return popup->isVisible(); })) << part.toStdString();
    const QModelIndexList offered = popup->model()->match(
        popup->model()->index(0, 0), Qt::DisplayRole, whole, 1, Qt::MatchExactly);
    ASSERT_EQ(offered.size(), 1) << part.toStdString();
    popup->setCurrentIndex(offered.first());
    QTest::keyClick(popup, Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return c.table()->query().deviceIds == QList<qint64>{deviceId}; }));
    EXPECT_EQ(devices->toolTip(), whole);
}

TEST_F(FindingTest, TheDetailPaneLinksToAllTicketsOfTheDeviceAndCustomer)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    ASSERT_TRUE(waitFor([&] { return c.find<QComboBox>("customerFilterComboBox")->count() > 1; }));
    const qint64 id = c.table()->idAt(1);
    c.open(id);
    const core::Ticket &t = c.window->document()->ticket();
    ASSERT_TRUE(t.customer.has_value());
    const qint64 deviceId = t.summary.deviceId;
    const qint64 customerId = t.customer->id;
    QTest::mouseClick(c.find<QToolButton>("deviceTicketsButton"), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return c.table()->query().deviceIds == QList<qint64>{deviceId}; }));
    EXPECT_EQ(c.find<QComboBox>("deviceFilterComboBox")->currentData().toLongLong(), deviceId);
    ASSERT_TRUE(waitFor([&] { return c.table()->rowCount() > 0 && !c.table()->isLoading(); }));
    for (int r = 0; r < c.table()->rowCount(); ++r) {
        EXPECT_EQ(c.table()->summary(c.table()->idAt(r))->deviceId, deviceId);
    }
    ASSERT_TRUE(waitFor([&] { return c.window->document()->isLoaded(); }));
    QTest::mouseClick(c.find<QToolButton>("customerTicketsButton"), Qt::LeftButton);
    ASSERT_TRUE(
        waitFor([&] { return c.table()->query().customerIds == QList<qint64>{customerId}; }));
    EXPECT_EQ(c.find<QComboBox>("customerFilterComboBox")->currentData().toLongLong(), customerId);
}

} // namespace
