// Saved views and the search syntax in the real main window, offscreen, against a real
// ticket-server, driven by keyboard: saving a view and jumping to it with Ctrl+1, a shared
// view reaching an agent, a reorder kept by the server, search terms ticking the sidebar
// (and back), a term not understood sending nothing, and umlauts in quoted names.
#include "guiclient.h"
#include "testsupport.h"

#include "client/apiclient.h"
#include "mainwindow.h"
#include "models/queuefilter.h"
#include "models/tickettablemodel.h"
#include "models/viewlist.h"
#include "saveviewdialog.h"
#include "searchboxcontroller.h"
#include "viewscontroller.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using guitest::Client;
using guitest::waitFor;
using testsupport::ApiClient;
using testsupport::TestServer;

namespace {

// docs/screenshots at both sizes, with an open completion popup painted in (it is a window
// of its own, which grab() leaves out).
void saveScreenshotsAt(const Client &c, const QString &name)
{
    const QString dir = qEnvironmentVariable("TICKET_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    const QString language = qEnvironmentVariable("TICKET_SCREENSHOT_LANGUAGE", u"en"_s);
    const QSize before = c.window->size();
    for (const QSize size : {QSize(1600, 1000), QSize(1024, 640)}) {
        c.window->resize(size);
        for (int i = 0; i < 3; ++i) {
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QCoreApplication::processEvents();
        }
        QPixmap shot = c.window->grab();
        if (QCompleter *completer = c.window->findChild<QCompleter *>(u"searchCompleter"_s);
            completer && completer->popup()->isVisible()) {
            QWidget *popup = completer->popup();
            QWidget *box = completer->widget();
            popup->move(box->mapToGlobal(QPoint(0, box->height())));
            QPainter painter(&shot);
            painter.drawPixmap(c.window->mapFromGlobal(popup->mapToGlobal(QPoint(0, 0))),
                               popup->grab());
        }
        shot.save(dir + u'/' + name + u'-' + QString::number(size.width()) + u'x' +
                  QString::number(size.height()) + u'-' + language + u".png"_s);
    }
    c.window->resize(before);
}

// QTest::keyClicks takes ASCII only: other characters go as key events with their text
// (Latin-1 letters' keys are their upper-case code points, e.g. Qt::Key_Udiaeresis).
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar ch : text) {
        if (ch.unicode() < 0x80) {
            QTest::keyClick(widget, ch.toLatin1());
            continue;
        }
        const auto key = Qt::Key(ch.toUpper().unicode());
        QTest::sendKeyEvent(QTest::Press, widget, key, QString(ch), Qt::NoModifier);
        QTest::sendKeyEvent(QTest::Release, widget, key, QString(ch), Qt::NoModifier);
    }
}

// Opens the context menu of `row` of `list` (as the menu key does) and chooses the entry
// `source` (untranslated, of ViewsController), by keyboard, once the menu is up.
void chooseFromContextMenu(QListView *list, int row, const char *source)
{
    const QString entry = QCoreApplication::translate("ViewsController", source);
    bool chosen = false;
    QTimer::singleShot(0, list, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        ASSERT_NE(menu, nullptr);
        for (QAction *action : menu->actions()) {
            if (action->text() == entry) {
                menu->setActiveAction(action);
                QTest::keyClick(menu, Qt::Key_Return);
                chosen = true;
                return;
            }
        }
        menu->close();
    });
    const QRect rect = list->visualRect(list->model()->index(row, 0));
    QContextMenuEvent event(QContextMenuEvent::Keyboard, rect.center(),
                            list->viewport()->mapToGlobal(rect.center()));
    QCoreApplication::sendEvent(list->viewport(), &event);
    EXPECT_TRUE(chosen) << source;
}

class ViewsGuiTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning());
        ASSERT_FALSE(admin.loginStaff(u"anna"_s).isEmpty());
        ASSERT_FALSE(agent.loginStaff(u"jonas"_s).isEmpty());
    }
    static QLineEdit *box(const Client &c) { return c.find<QLineEdit>("searchLineEdit"); }
    // Types into the search box and presses Enter, as a user would.
    static void type(const Client &c, const QString &text)
    {
        QLineEdit *b = box(c);
        b->setFocus();
        b->selectAll();
        QTest::keyClick(b, Qt::Key_Backspace);
        typeText(b, text);
        if (QCompleter *completer = c.window->findChild<QCompleter *>(u"searchCompleter"_s))
            completer->popup()->hide();
        QTest::keyClick(b, Qt::Key_Return);
    }
    static bool loaded(const Client &c)
    {
        return !c.table()->isLoading() && c.api.jobsInFlight() == 0;
    }
    static QList<int> ticked(const Client &c, const char *list)
    {
        auto *view = c.find<QListView>(list);
        QList<int> out;
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QModelIndex index = view->model()->index(row, 0);
            if (index.data(Qt::CheckStateRole).toInt() == Qt::Checked)
                out.append(index.data(models::FacetListModel::ValueRole).toInt());
        }
        return out;
    }
    // Every loaded row has this priority and status.
    static bool rowsAre(const Client &c, core::Priority priority, core::Status status)
    {
        for (int row = 0; row < c.table()->rowCount(); ++row) {
            const core::TicketSummary *t = c.table()->summary(c.table()->idAt(row));
            if (!t || t->priority != priority || t->status != status)
                return false;
        }
        return true;
    }
    static void activate(const Client &c)
    {
        ASSERT_TRUE(waitFor([&] {
            c.window->activateWindow();
            return QApplication::activeWindow() == c.window.get();
        }));
    }
    void saveViewAs(const Client &c, const QString &name)
    {
        c.find<QAction>("saveViewAction")->trigger();
        auto *dialog = c.window->findChild<SaveViewDialog *>(u"saveViewDialog"_s);
        ASSERT_NE(dialog, nullptr);
        auto *nameEdit = dialog->findChild<QLineEdit *>(u"viewNameLineEdit"_s);
        typeText(nameEdit, name);
        QTest::keyClick(nameEdit, Qt::Key_Return);
    }

    TestServer server;
    ApiClient admin{server.baseUrl()};
    ApiClient agent{server.baseUrl()};
    QTemporaryDir dir;
};

TEST_F(ViewsGuiTest, TermsTickTheSidebarSaveAsViewAndCtrl1JumpsBack)
{
    Client c(server.baseUrl(), dir.path(), u"jonas"_s);
    ASSERT_TRUE(c.waitForRows());
    type(c, u"priority:high status:open"_s);
    ASSERT_TRUE(waitFor([&] {
        return c.table()->query().priorities == QList<core::Priority>{core::Priority::High} &&
               c.table()->query().statuses == QList<core::Status>{core::Status::Open} && loaded(c);
    }));
    EXPECT_EQ(ticked(c, "priorityListView"), QList<int>{int(core::Priority::High)});
    EXPECT_EQ(ticked(c, "statusListView"), QList<int>{int(core::Status::Open)});
    ASSERT_GT(c.table()->rowCount(), 0);
    EXPECT_TRUE(rowsAre(c, core::Priority::High, core::Status::Open));
    const int matching = c.table()->rowCount();

    saveViewAs(c, u"Heißes Offenes"_s);
    models::ViewList *views = c.window->views();
    ASSERT_TRUE(waitFor([&] { return views->rowCount() == 1; }));
    EXPECT_TRUE(c.window->findChild<SaveViewDialog *>(u"saveViewDialog"_s) == nullptr ||
                !c.window->findChild<SaveViewDialog *>(u"saveViewDialog"_s)->isVisible());
    const QJsonArray stored = agent.get(u"/views"_s).items();
    ASSERT_EQ(stored.size(), 1);
    EXPECT_EQ(stored[0].toObject().value(u"name"_s).toString(), u"Heißes Offenes"_s);
    const QJsonObject query = stored[0].toObject().value(u"query"_s).toObject();
    EXPECT_EQ(query.value(u"priority"_s).toString(), u"high"_s);
    EXPECT_EQ(query.value(u"status"_s).toString(), u"open"_s);
    ASSERT_TRUE(waitFor([&] { return c.find<QListView>("myViewsListView")->isVisible(); }));
    EXPECT_TRUE(waitFor(
        [&] { return views->index(0).data(models::ViewList::CountRole).toInt() >= matching; }));
    // Ctrl+1 at once, its filters still the ones shown: the heading names the view.
    activate(c);
    QTest::keyClick(c.find<QTableView>("ticketTableView"), Qt::Key_1, Qt::ControlModifier);
    EXPECT_TRUE(waitFor([&] {
        return c.find<QLabel>("queueTitleLabel")->text().startsWith(u"Heißes Offenes · "_s);
    })) << c.find<QLabel>("queueTitleLabel")->text().toStdString();

    // The same name again: the server's refusal in the dialog, which stays open.
    saveViewAs(c, u"heißes offenes"_s);
    auto *dialog = c.window->findChild<SaveViewDialog *>(u"saveViewDialog"_s);
    auto *error = dialog->findChild<QLabel *>(u"viewErrorLabel"_s);
    ASSERT_TRUE(waitFor([&] { return error->isVisible(); }));
    EXPECT_EQ(error->text(),
              QCoreApplication::translate("SaveViewDialog",
                                          "A view of this name exists already. Choose another "
                                          "name."));
    EXPECT_TRUE(dialog->isVisible());
    QTest::keyClick(dialog->findChild<QLineEdit *>(u"viewNameLineEdit"_s), Qt::Key_Escape);
    ASSERT_TRUE(waitFor([&] { return !dialog->isVisible(); }));
    EXPECT_EQ(views->rowCount(), 1);

    // Cleared, then Ctrl+1: the view's filters again, the sidebar and the box with them.
    QTest::mouseClick(c.find<QPushButton>("clearFiltersButton"), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return c.table()->query().priorities.isEmpty() && loaded(c); }));
    EXPECT_TRUE(box(c)->text().isEmpty());
    activate(c);
    QTest::keyClick(c.find<QTableView>("ticketTableView"), Qt::Key_1, Qt::ControlModifier);
    ASSERT_TRUE(waitFor([&] {
        return c.table()->query().priorities == QList<core::Priority>{core::Priority::High} &&
               c.table()->query().statuses == QList<core::Status>{core::Status::Open} && loaded(c);
    }));
    EXPECT_TRUE(rowsAre(c, core::Priority::High, core::Status::Open));
    EXPECT_EQ(c.table()->rowCount(), matching);
    EXPECT_EQ(ticked(c, "priorityListView"), QList<int>{int(core::Priority::High)});
    EXPECT_EQ(box(c)->text(), u"status:open priority:high"_s);
    auto *mine = c.find<QListView>("myViewsListView");
    EXPECT_TRUE(mine->selectionModel()->isRowSelected(0));
    EXPECT_TRUE(waitFor([&] {
        return c.find<QLabel>("queueTitleLabel")->text().startsWith(u"Heißes Offenes · "_s);
    })) << c.find<QLabel>("queueTitleLabel")->text().toStdString();
    EXPECT_TRUE(
        views->index(0)
            .data(Qt::ToolTipRole)
            .toString()
            .endsWith(QKeySequence(Qt::CTRL | Qt::Key_1).toString(QKeySequence::NativeText) +
                      u')'));
    // Another filter: the view is no longer the one shown.
    type(c, u"status:open priority:high Drucker"_s);
    ASSERT_TRUE(waitFor([&] { return c.table()->query().text == u"Drucker"_s; }));
    EXPECT_FALSE(mine->selectionModel()->isRowSelected(0));
    EXPECT_TRUE(waitFor([&] {
        const QString all = c.find<QListView>("queueListView")
                                ->model()
                                ->index(models::QueueListModel().rowOf(models::Queue::All), 0)
                                .data()
                                .toString();
        return c.find<QLabel>("queueTitleLabel")->text().startsWith(all + u" · "_s);
    })) << c.find<QLabel>("queueTitleLabel")->text().toStdString();
}

TEST_F(ViewsGuiTest, TickingTheSidebarRewritesTheTerms)
{
    Client c(server.baseUrl(), dir.path(), u"jonas"_s);
    ASSERT_TRUE(c.waitForRows());
    type(c, u"Drucker"_s);
    ASSERT_TRUE(waitFor([&] { return c.table()->query().text == u"Drucker"_s; }));
    auto *statuses = c.find<QListView>("statusListView");
    statuses->setFocus();
    statuses->setCurrentIndex(statuses->model()->index(0, 0)); // "New"
    QTest::keyClick(statuses, Qt::Key_Space);
    ASSERT_TRUE(waitFor([&] { return box(c)->text() == u"status:new Drucker"_s; }))
        << box(c)->text().toStdString();
    EXPECT_EQ(c.table()->query().text, u"Drucker"_s);
}

TEST_F(ViewsGuiTest, AnUnknownTermIsShownAndNothingIsSent)
{
    Client c(server.baseUrl(), dir.path(), u"jonas"_s);
    ASSERT_TRUE(c.waitForRows());
    ASSERT_TRUE(waitFor([&] { return loaded(c); }));
    const core::TicketQuery before = c.table()->query();
    int sent = 0;
    QObject::connect(&c.nam, &QNetworkAccessManager::finished, [&] { ++sent; });
    type(c, u"priority:high foo:bar"_s);
    auto *problem = c.find<QLabel>("searchProblemLabel");
    ASSERT_TRUE(waitFor([&] { return problem->isVisible(); }));
    EXPECT_TRUE(problem->text().contains(u"foo:bar"_s)) << problem->text().toStdString();
    EXPECT_EQ(box(c)->toolTip(), problem->text());
    EXPECT_EQ(c.api.jobsInFlight(), 0);
    EXPECT_EQ(sent, 0);
    EXPECT_EQ(c.table()->query(), before);
    EXPECT_TRUE(ticked(c, "priorityListView").isEmpty());
    saveScreenshotsAt(c, u"search-problem"_s);

    // Mended: searched, the message gone.
    type(c, u"priority:high \"foo:bar\""_s);
    ASSERT_TRUE(waitFor([&] {
        return c.table()->query().priorities == QList<core::Priority>{core::Priority::High};
    }));
    EXPECT_FALSE(problem->isVisible());
}

TEST_F(ViewsGuiTest, UmlautsInQuotedDeviceNamesCompleteAndFilter)
{
    Client c(server.baseUrl(), dir.path(), u"jonas"_s);
    ASSERT_TRUE(c.waitForRows());
    const qint64 duesseldorf = testsupport::demoDeviceId(5);
    ASSERT_TRUE(waitFor([&] { return c.find<QComboBox>("deviceFilterComboBox")->count() > 5; }));
    QLineEdit *b = box(c);
    b->setFocus();
    typeText(b, u"device:\"Aufzug Haupthaus (Dü"_s);
    QCompleter *completer = c.window->findChild<QCompleter *>(u"searchCompleter"_s);
    ASSERT_NE(completer, nullptr);
    ASSERT_TRUE(waitFor([&] { return completer->popup()->isVisible(); }));
    EXPECT_EQ(completer->completionModel()->index(0, 0).data().toString(),
              u"\"Aufzug Haupthaus (Düsseldorf)\""_s);
    saveScreenshotsAt(c, u"search-completion"_s);
    QTest::keyClick(completer->popup(), Qt::Key_Down);
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return b->text() == u"device:\"Aufzug Haupthaus (Düsseldorf)\""_s; }))
        << b->text().toStdString();
    QTest::keyClick(b, Qt::Key_Return);
    ASSERT_TRUE(waitFor(
        [&] { return c.table()->query().deviceIds == QList<qint64>{duesseldorf} && loaded(c); }));
    EXPECT_EQ(c.find<QComboBox>("deviceFilterComboBox")->currentData().toLongLong(), duesseldorf);
    for (int row = 0; row < c.table()->rowCount(); ++row)
        EXPECT_EQ(c.table()->summary(c.table()->idAt(row))->deviceId, duesseldorf);
}

TEST_F(ViewsGuiTest, ASharedViewOfAnAdminReachesAnAgentAndReorderPersists)
{
    for (const QString &name : {u"Eins"_s, u"Zwei"_s, u"Drei"_s}) {
        ASSERT_EQ(agent
                      .post(u"/views"_s,
                            {{u"name"_s, name}, {u"query"_s, QJsonObject{{u"status"_s, u"new"_s}}}})
                      .status,
                  201);
    }
    Client c(server.baseUrl(), dir.path(), u"jonas"_s);
    models::ViewList *views = c.window->views();
    ASSERT_TRUE(waitFor([&] { return views->rowCount() == 3; }));
    EXPECT_FALSE(c.find<QListView>("sharedViewsListView")->isVisible());

    // Made while the agent's window is open: it comes with the event stream.
    ASSERT_EQ(admin
                  .post(u"/views"_s, {{u"name"_s, u"Team: hohe Priorität"_s},
                                      {u"query"_s, QJsonObject{{u"priority"_s, u"high"_s}}},
                                      {u"shared"_s, true}})
                  .status,
              201);
    ASSERT_TRUE(waitFor([&] { return views->rowCount() == 4; }, 15000));
    EXPECT_TRUE(views->viewAt(3).shared);
    ASSERT_TRUE(waitFor([&] { return c.find<QListView>("sharedViewsListView")->isVisible(); }));
    EXPECT_TRUE(c.find<QListView>("sharedViewsListView")->isRowHidden(0));
    EXPECT_FALSE(c.find<QListView>("sharedViewsListView")->isRowHidden(3));
    // An agent cannot drag shared views.
    EXPECT_FALSE(c.find<QListView>("sharedViewsListView")->dragEnabled());

    // "Drei" to the top, as a drag does (QListView's internal move calls moveRows).
    ASSERT_TRUE(views->moveRows({}, 2, 1, {}, 0));
    ASSERT_TRUE(waitFor([&] { return c.api.jobsInFlight() == 0; }));
    QStringList order;
    QJsonArray items = agent.get(u"/views"_s).items();
    QList<std::pair<qint64, QString>> personal;
    for (const QJsonValue &v : items) {
        if (!v.toObject().value(u"shared"_s).toBool())
            personal.append({v.toObject().value(u"position"_s).toInteger(),
                             v.toObject().value(u"name"_s).toString()});
    }
    std::sort(personal.begin(), personal.end());
    for (const auto &p : personal)
        order.append(p.second);
    EXPECT_EQ(order, (QStringList{u"Drei"_s, u"Eins"_s, u"Zwei"_s}));
    c.window->viewsController()->applyRow(3);
    ASSERT_TRUE(waitFor([&] { return c.table()->query().priorities.size() == 1 && loaded(c); }));
    saveScreenshotsAt(c, u"views-sidebar"_s);
}

TEST_F(ViewsGuiTest, AnAdminSavesASharedViewThatAnAgentUses)
{
    QTemporaryDir agentDir;
    {
        Client anna(server.baseUrl(), dir.path(), u"anna"_s);
        ASSERT_TRUE(anna.waitForRows());
        models::ViewList *views = anna.window->views();
        ASSERT_TRUE(waitFor([&] { return views->isLoaded(); }));
        type(anna, u"priority:high"_s);
        ASSERT_TRUE(waitFor([&] { return anna.table()->query().priorities.size() == 1; }));
        // Admins are told once the directory is in: the dialog then offers sharing.
        ASSERT_TRUE(
            waitFor([&] { return anna.find<QListView>("sharedViewsListView")->dragEnabled(); }));
        anna.find<QAction>("saveViewAction")->trigger();
        auto *dialog = anna.window->findChild<SaveViewDialog *>(u"saveViewDialog"_s);
        ASSERT_NE(dialog, nullptr);
        auto *shared = dialog->findChild<QCheckBox *>(u"viewSharedCheckBox"_s);
        ASSERT_TRUE(shared->isVisibleTo(dialog));
        auto *name = dialog->findChild<QLineEdit *>(u"viewNameLineEdit"_s);
        // The dialog has the keyboard, as for a person (the table's single keys stay there).
        dialog->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(dialog));
        ASSERT_TRUE(waitFor([&] { return name->hasFocus(); }));
        typeText(name, u"Dringend (Team)"_s);
        shared->setFocus(Qt::TabFocusReason);
        QTest::keyClick(shared, Qt::Key_Space);
        ASSERT_TRUE(shared->isChecked());
        QTest::keyClick(name, Qt::Key_Return);
        ASSERT_TRUE(waitFor([&] { return views->rowCount() == 1 && views->viewAt(0).shared; }));

        // A personal one shared afterwards through the context menu.
        type(anna, u"status:waiting"_s);
        ASSERT_TRUE(waitFor([&] { return anna.table()->query().statuses.size() == 1; }));
        saveViewAs(anna, u"Wartend (Anna)"_s);
        ASSERT_TRUE(waitFor([&] { return views->rowCount() == 2; }));
        ASSERT_FALSE(views->viewAt(0).shared);
        auto *mine = anna.find<QListView>("myViewsListView");
        ASSERT_TRUE(waitFor([&] { return mine->isVisible(); }));
        chooseFromContextMenu(mine, 0, "&Shared with all staff");
        ASSERT_TRUE(waitFor([&] { return views->sharedStart() == 0; }));
    }
    Client jonas(server.baseUrl(), agentDir.path(), u"jonas"_s);
    ASSERT_TRUE(jonas.waitForRows());
    models::ViewList *views = jonas.window->views();
    ASSERT_TRUE(waitFor([&] { return views->rowCount() == 2; }));
    EXPECT_EQ(views->sharedStart(), 0);
    EXPECT_EQ(views->viewAt(0).name, u"Dringend (Team)"_s);
    activate(jonas);
    QTest::keyClick(jonas.find<QTableView>("ticketTableView"), Qt::Key_1, Qt::ControlModifier);
    ASSERT_TRUE(waitFor([&] {
        return jonas.table()->query().priorities == QList<core::Priority>{core::Priority::High} &&
               loaded(jonas);
    }));
    EXPECT_TRUE(jonas.find<QListView>("sharedViewsListView")->selectionModel()->isRowSelected(0));
    // The view is the whole query Anna saw: her queue "All open" and the priority.
    EXPECT_EQ(box(jonas)->text(), u"status:new,open,waiting priority:high"_s);
}

TEST_F(ViewsGuiTest, TheContextMenuRenamesAndDeletesOwnViews)
{
    ASSERT_EQ(agent.post(u"/views"_s, {{u"name"_s, u"Alt"_s}, {u"query"_s, QJsonObject{}}}).status,
              201);
    Client c(server.baseUrl(), dir.path(), u"jonas"_s);
    models::ViewList *views = c.window->views();
    ASSERT_TRUE(waitFor([&] { return views->rowCount() == 1; }));
    auto *list = c.find<QListView>("myViewsListView");
    ASSERT_TRUE(waitFor([&] { return list->isVisible(); }));

    chooseFromContextMenu(list, 0, "&Rename…");
    auto *dialog = c.window->findChild<SaveViewDialog *>(u"renameViewDialog"_s);
    ASSERT_NE(dialog, nullptr);
    auto *name = dialog->findChild<QLineEdit *>(u"viewNameLineEdit"_s);
    EXPECT_EQ(name->text(), u"Alt"_s);
    typeText(name, u"Neu für Jonas"_s); // replaces the selected name
    QTest::keyClick(name, Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return views->viewAt(0).name == u"Neu für Jonas"_s; }));
    EXPECT_EQ(agent.get(u"/views"_s).items().first().toObject().value(u"name"_s).toString(),
              u"Neu für Jonas"_s);

    c.dialogs.answerNext(QMessageBox::Yes);
    chooseFromContextMenu(list, 0, "&Delete");
    ASSERT_TRUE(waitFor([&] { return views->rowCount() == 0; }));
    EXPECT_TRUE(agent.get(u"/views"_s).items().isEmpty());
    EXPECT_FALSE(list->isVisible());
}

} // namespace
