// The fleet management window, offscreen, against a real ticket-server: an administrator
// changes strategies, members, category rules and absences with mouse and keyboard; the server
// has the change at once, the next new ticket follows it, and another client sees it live.
#include "guiclient.h"
#include "testsupport.h"

#include "core/enums.h"
#include "core/timeutil.h"
#include "detailpane.h"
#include "fleets/fleetadmindialog.h"
#include "models/tickettablemodel.h"
#include "statistics/statisticsview.h"
#include "widgets/messagebanner.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QLibraryInfo>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using guitest::Client;
using guitest::waitFor;
using testsupport::ApiClient;

namespace {

constexpr qint64 Nord = 1;
constexpr qint64 Sued = 2;
constexpr int SuedDevice = 1; // demo device index of a Süd device

class FleetAdminDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_FALSE(check.loginStaff(u"anna"_s).isEmpty());
        for (const QJsonValue &s : check.get(u"/staff"_s).items())
            ids.insert(s[u"login"_s].toString(), s[u"id"_s].toInteger());
    }

    QJsonObject fleet(qint64 id)
    {
        for (const QJsonValue &f : check.get(u"/fleets"_s).items()) {
            if (f[u"id"_s].toInteger() == id)
                return f.toObject();
        }
        return {};
    }
    QJsonObject staffMember(const QString &login)
    {
        for (const QJsonValue &s : check.get(u"/staff"_s).items()) {
            if (s[u"login"_s].toString() == login)
                return s.toObject();
        }
        return {};
    }

    // The dialog of `c`'s window, opened through its menu action.
    static FleetAdminDialog *openDialog(Client &c)
    {
        EXPECT_TRUE(c.waitForRows());
        EXPECT_TRUE(waitFor([&c] {
            c.find<QAction>("fleetsAction")->trigger();
            return c.window->fleetsDialog() != nullptr;
        }));
        FleetAdminDialog *d = c.window->fleetsDialog();
        EXPECT_TRUE(d && d->isVisible());
        return d;
    }
    static void selectFleet(FleetAdminDialog *d, qint64 fleetId)
    {
        auto *list = d->findChild<QListWidget *>(u"fleetList"_s);
        for (int row = 0; row < list->count(); ++row) {
            QListWidgetItem *item = list->item(row);
            if (item->data(Qt::UserRole + 1).toLongLong() == fleetId) {
                QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                                  list->visualItemRect(item).center());
            }
        }
        EXPECT_EQ(d->currentFleetId(), fleetId);
    }
    // Steps the strategy box with the arrow keys to `strategy`; waits for the server.
    static void chooseStrategy(FleetAdminDialog *d, const QString &strategy)
    {
        auto *combo = d->findChild<QComboBox *>(u"strategyCombo"_s);
        combo->setFocus();
        QSignalSpy saved(d, &FleetAdminDialog::fleetSaved);
        const int target = combo->findData(int(*core::parseFleetStrategy(strategy)));
        ASSERT_GE(target, 0);
        const Qt::Key key = target > combo->currentIndex() ? Qt::Key_Down : Qt::Key_Up;
        const int steps = qAbs(target - combo->currentIndex());
        for (int i = 0; i < steps; ++i) {
            QTest::keyClick(combo, key);
            ASSERT_TRUE(waitFor([&] { return saved.count() == i + 1 && !d->isBusy(); }));
            EXPECT_TRUE(saved.last().at(1).toBool());
        }
        EXPECT_EQ(core::toString(core::FleetStrategy(combo->currentData().toInt())), strategy);
    }
    // A ticket from a code user of the Süd device, read back as staff.
    QJsonObject newSuedTicket(const QString &title)
    {
        ApiClient user(server.baseUrl());
        EXPECT_FALSE(user.loginDevice(testsupport::demoDeviceCode(SuedDevice)).isEmpty());
        const QJsonObject t = testsupport::createTicket(user, title);
        return check.get(u"/tickets/%1"_s.arg(t[u"id"_s].toInteger())).object();
    }

    testsupport::TestServer server;
    ApiClient check{server.baseUrl()};
    QHash<QString, qint64> ids;
    QTemporaryDir dir;
    QTemporaryDir otherDir;
};

TEST_F(FleetAdminDialogTest, ChangingTheStrategyDecidesTheNextTicket)
{
    Client anna(server.baseUrl(), dir.path());
    Client jonas(server.baseUrl(), otherDir.path(), u"jonas"_s);
    FleetAdminDialog *d = openDialog(anna);
    FleetAdminDialog *watching = openDialog(jonas); // an agent's window, read-only
    selectFleet(d, Sued);
    selectFleet(watching, Sued);
    ASSERT_EQ(fleet(Sued)[u"strategy"_s].toString(), u"least_open"_s);

    // Manual: the next ticket waits for a person.
    chooseStrategy(d, u"manual"_s);
    EXPECT_EQ(fleet(Sued)[u"strategy"_s].toString(), u"manual"_s);
    const QJsonObject waiting = newSuedTicket(u"Wartet auf jemanden"_s);
    EXPECT_TRUE(waiting[u"assigneeId"_s].isNull());

    // Round robin: Süd's members in turn (Sophie, Mia, Tobias, Anna), one after the other.
    chooseStrategy(d, u"round_robin"_s);
    EXPECT_EQ(fleet(Sued)[u"strategy"_s].toString(), u"round_robin"_s);
    QList<qint64> turn;
    for (const QJsonValue &id : fleet(Sued)[u"memberIds"_s].toArray())
        turn.append(id.toInteger());
    const QJsonObject first = newSuedTicket(u"Erstes reihum"_s);
    const QJsonObject second = newSuedTicket(u"Zweites reihum"_s);
    const qint64 a = first[u"assigneeId"_s].toInteger();
    const qint64 b = second[u"assigneeId"_s].toInteger();
    ASSERT_TRUE(turn.contains(a) && turn.contains(b));
    EXPECT_EQ(turn.indexOf(b), (turn.indexOf(a) + 1) % turn.size()); // all four are available
    EXPECT_EQ(second[u"assignment"_s][u"strategy"_s].toString(), u"round_robin"_s);

    // The client says who and why.
    const qint64 secondId = second[u"id"_s].toInteger();
    anna.window->showTicket(secondId);
    ASSERT_TRUE(waitFor([&] {
        return anna.window->document()->id() == secondId && anna.window->document()->isLoaded();
    }));
    auto *info = anna.find<QLabel>("assignmentInfoLabel");
    EXPECT_TRUE(info->text().startsWith(u"Automatically: fleet Süd, round robin"_s))
        << info->text().toStdString();

    // The agent's window followed every change through the event stream, without edits.
    auto *agentCombo = watching->findChild<QComboBox *>(u"strategyCombo"_s);
    EXPECT_TRUE(waitFor(
        [&] { return agentCombo->currentData().toInt() == int(core::FleetStrategy::RoundRobin); }));
    EXPECT_FALSE(agentCombo->isEnabled());
    EXPECT_TRUE(watching->findChild<QLabel *>(u"readOnlyLabel"_s)->isVisible());
    EXPECT_FALSE(watching->findChild<QLabel *>(u"readOnlyLabel"_s)->text().isEmpty());
}

TEST_F(FleetAdminDialogTest, MembersRulesAndTurnOrderByKeyboard)
{
    Client anna(server.baseUrl(), dir.path());
    FleetAdminDialog *d = openDialog(anna);
    selectFleet(d, Nord);
    QSignalSpy saved(d, &FleetAdminDialog::fleetSaved);
    auto *members = d->findChild<QListWidget *>(u"memberList"_s);
    const auto itemOf = [members](qint64 staffId) -> QListWidgetItem * {
        for (int row = 0; row < members->count(); ++row) {
            if (members->item(row)->data(Qt::UserRole + 1).toLongLong() == staffId)
                return members->item(row);
        }
        return nullptr;
    };
    const auto memberIds = [this] {
        QList<qint64> out;
        for (const QJsonValue &id : fleet(Nord)[u"memberIds"_s].toArray())
            out.append(id.toInteger());
        return out;
    };
    const QList<qint64> before = memberIds();
    ASSERT_TRUE(before.contains(ids[u"murat"_s]));
    ASSERT_FALSE(before.contains(ids[u"sophie"_s]));

    // Space on Murat's row takes him out of the fleet; on Sophie's puts her in, last.
    members->setFocus();
    members->setCurrentItem(itemOf(ids[u"murat"_s]));
    QTest::keyClick(members, Qt::Key_Space);
    ASSERT_TRUE(waitFor([&] { return saved.count() == 1 && !d->isBusy(); }));
    EXPECT_FALSE(memberIds().contains(ids[u"murat"_s]));
    members->setCurrentItem(itemOf(ids[u"sophie"_s]));
    QTest::keyClick(members, Qt::Key_Space);
    ASSERT_TRUE(waitFor([&] { return saved.count() == 2 && !d->isBusy(); }));
    EXPECT_EQ(memberIds().last(), ids[u"sophie"_s]);

    // Move up: Sophie one place earlier in turn; the focus stays on the list.
    members->setCurrentItem(itemOf(ids[u"sophie"_s]));
    QTest::mouseClick(d->findChild<QPushButton *>(u"moveUpButton"_s), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return saved.count() == 3 && !d->isBusy(); }));
    const QList<qint64> now = memberIds();
    EXPECT_EQ(now.at(now.size() - 2), ids[u"sophie"_s]);
    EXPECT_TRUE(saved.last().at(1).toBool());

    // Flow rule: tick Sophie under the first flow.
    auto *rules = d->findChild<QTreeWidget *>(u"ruleTree"_s);
    QTreeWidgetItem *flow = rules->topLevelItem(0);
    ASSERT_NE(flow, nullptr);
    const qint64 flowId = flow->data(0, Qt::UserRole + 1).toLongLong();
    QTreeWidgetItem *sophie = nullptr;
    for (int i = 0; i < flow->childCount(); ++i) {
        if (flow->child(i)->data(0, Qt::UserRole + 1).toLongLong() == ids[u"sophie"_s])
            sophie = flow->child(i);
    }
    ASSERT_NE(sophie, nullptr);
    rules->setFocus();
    flow->setExpanded(true);
    rules->setCurrentItem(sophie);
    QTest::keyClick(rules, Qt::Key_Space);
    ASSERT_TRUE(waitFor([&] { return saved.count() == 4 && !d->isBusy(); }));
    QList<qint64> ruleMembers;
    for (const QJsonValue &r : fleet(Nord)[u"flowRules"_s].toArray()) {
        if (r[u"flowId"_s].toInteger() == flowId) {
            for (const QJsonValue &m : r[u"memberIds"_s].toArray())
                ruleMembers.append(m.toInteger());
        }
    }
    EXPECT_EQ(ruleMembers, QList<qint64>{ids[u"sophie"_s]});
    EXPECT_EQ(rules->topLevelItem(0)->text(1), u"Sophie Wagner"_s);
}

TEST_F(FleetAdminDialogTest, AbsencesAreSetAndCleared)
{
    Client anna(server.baseUrl(), dir.path());
    FleetAdminDialog *d = openDialog(anna);
    QSignalSpy saved(d, &FleetAdminDialog::absenceSaved);
    auto *table = d->findChild<QTableWidget *>(u"absenceTable"_s);
    const auto select = [table](const QString &name) {
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, 0)->text() == name)
                table->setCurrentCell(row, 0);
        }
    };
    ASSERT_TRUE(staffMember(u"lena"_s)[u"absent"_s].toBool());

    // Lena is back.
    select(u"Lena Fischer"_s);
    auto *clear = d->findChild<QPushButton *>(u"clearAbsenceButton"_s);
    ASSERT_TRUE(clear->isEnabled());
    QTest::mouseClick(clear, Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return saved.count() == 1 && !d->isBusy(); }));
    EXPECT_FALSE(staffMember(u"lena"_s)[u"absent"_s].toBool());
    EXPECT_TRUE(staffMember(u"lena"_s)[u"absentFrom"_s].isNull());

    // Tobias is away from an hour ago until further notice.
    select(u"Tobias Becker"_s);
    const QDateTime from = QDateTime::currentDateTime().addSecs(-3600);
    d->findChild<QDateTimeEdit *>(u"absentFromEdit"_s)->setDateTime(from);
    d->findChild<QCheckBox *>(u"openEndedCheck"_s)->setChecked(true);
    QTest::mouseClick(d->findChild<QPushButton *>(u"setAbsenceButton"_s), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return saved.count() == 2 && !d->isBusy(); }));
    const QJsonObject tobias = staffMember(u"tobias"_s);
    EXPECT_TRUE(tobias[u"absent"_s].toBool());
    EXPECT_TRUE(tobias[u"absentTo"_s].isNull());
    EXPECT_LT(qAbs(core::parseIsoUtc(tobias[u"absentFrom"_s].toString()).value_or(0) -
                   from.toMSecsSinceEpoch()),
              60000);

    // "Back on" before "Absent from" is refused here, and nothing is sent.
    d->findChild<QCheckBox *>(u"openEndedCheck"_s)->setChecked(false);
    d->findChild<QDateTimeEdit *>(u"absentToEdit"_s)->setDateTime(from.addDays(-1));
    QTest::mouseClick(d->findChild<QPushButton *>(u"setAbsenceButton"_s), Qt::LeftButton);
    EXPECT_TRUE(d->findChild<MessageBanner *>(u"messageBanner"_s)->isVisible());
    EXPECT_FALSE(d->isBusy());
    EXPECT_TRUE(staffMember(u"tobias"_s)[u"absentTo"_s].isNull());
    // A valid change after it as a sentinel: its answer is the only one that arrives (a
    // request sent for the refused one would have been answered before it).
    d->findChild<QDateTimeEdit *>(u"absentToEdit"_s)->setDateTime(from.addDays(2));
    QTest::mouseClick(d->findChild<QPushButton *>(u"setAbsenceButton"_s), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return saved.count() >= 3 && !d->isBusy(); }));
    EXPECT_EQ(saved.count(), 3);
    EXPECT_FALSE(staffMember(u"tobias"_s)[u"absentTo"_s].isNull());
}

// Esc and Ctrl+W close the fleets window, as any window of its own.
TEST_F(FleetAdminDialogTest, EscapeAndCtrlWCloseTheWindow)
{
    Client anna(server.baseUrl(), dir.path());
    for (const QKeyCombination keys :
         {QKeyCombination(Qt::Key_Escape), QKeyCombination(Qt::ControlModifier, Qt::Key_W)}) {
        SCOPED_TRACE(QKeySequence(keys).toString().toStdString());
        FleetAdminDialog *d = openDialog(anna);
        ASSERT_NE(d, nullptr);
        // Window shortcuts go to the active window (the main window may take activation
        // back right after the dialog opened).
        ASSERT_TRUE(waitFor([d] {
            d->activateWindow();
            return QApplication::activeWindow() == d;
        }));
        auto *list = d->findChild<QListWidget *>(u"fleetList"_s);
        list->setFocus();
        QTest::keyClick(list, keys.key(), keys.keyboardModifiers());
        EXPECT_TRUE(waitFor([d] { return !d->isVisible(); }));
    }
}

// One word for the flow a ticket was created through, in every window: "Category" in
// English, "Kategorie" in German (the product's "kategorisiert"), never "Flow"/"Vorgang".
TEST_F(FleetAdminDialogTest, CategoryIsTheOneWordForFlowsInEveryWindow)
{
    for (const QString &language : {u"en"_s, u"de"_s}) {
        SCOPED_TRACE(language.toStdString());
        QTranslator translator;
        ASSERT_TRUE(translator.load(u":/i18n/ticket-backoffice_"_s + language));
        QCoreApplication::installTranslator(&translator);
        const QString word = language == u"de"_s ? u"Kategorie"_s : u"Category"_s;
        const QString other = language == u"de"_s ? u"Vorgang"_s : u"Flow"_s;
        {
            QTemporaryDir data;
            Client anna(server.baseUrl(), data.path());
            FleetAdminDialog *d = openDialog(anna);
            ASSERT_NE(d, nullptr);
            QStringList texts;
            texts.append(d->findChild<QGroupBox *>(u"rulesGroup"_s)->title().remove(u'&'));
            texts.append(d->findChild<QLabel *>(u"rulesHintLabel"_s)->text());
            texts.append(d->findChild<QTreeWidget *>(u"ruleTree"_s)->headerItem()->text(0));
            texts.append(anna.find<QLabel>("flowFilterLabel")->text().remove(u'&'));
            texts.append(anna.table()
                             ->headerData(models::TicketTableModel::FlowColumn, Qt::Horizontal)
                             .toString());
            anna.window->showStatistics();
            texts.append(anna.window->statisticsView()
                             ->findChild<QLabel *>(u"flowLabel"_s)
                             ->text()
                             .remove(u'&'));
            for (const QString &text : texts) {
                EXPECT_TRUE(text.contains(word, Qt::CaseInsensitive)) << text.toStdString();
                EXPECT_FALSE(text.contains(other, Qt::CaseInsensitive)) << text.toStdString();
            }
            d->close();
        }
        QCoreApplication::removeTranslator(&translator);
    }
}

// The window on a small screen and a large one, in English and German; with
// TICKET_SCREENSHOT_DIR set, the pictures are kept there (docs/screenshots).
TEST_F(FleetAdminDialogTest, RendersOnSmallAndLargeScreens)
{
    const QString folder = qEnvironmentVariable("TICKET_SCREENSHOT_DIR");
    for (const QString &language : {u"en"_s, u"de"_s}) {
        QTranslator translator;
        ASSERT_TRUE(translator.load(u":/i18n/ticket-backoffice_"_s + language));
        QCoreApplication::installTranslator(&translator);
        // Qt's own words (the Close button), as the application loads them.
        QTranslator qtTranslator;
        if (qtTranslator.load(QLocale(language), u"qtbase"_s, u"_"_s,
                              QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&qtTranslator);
        QLocale::setDefault(QLocale(language));
        {
            QTemporaryDir data;
            Client anna(server.baseUrl(), data.path());
            FleetAdminDialog *d = openDialog(anna);
            ASSERT_NE(d, nullptr);
            selectFleet(d, Nord);
            auto *rules = d->findChild<QTreeWidget *>(u"ruleTree"_s);
            rules->expandAll();
            // As it opens (fleets-LANG.png), then on a small and a large screen.
            ASSERT_TRUE(QTest::qWaitForWindowExposed(d));
            if (!folder.isEmpty()) {
                QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
                EXPECT_TRUE(
                    d->grab().save(QDir(folder).filePath(u"fleets-%1.png"_s.arg(language))));
            }
            for (const QSize size : {QSize(1024, 640), QSize(1600, 1000)}) {
                d->resize(size);
                ASSERT_TRUE(QTest::qWaitForWindowExposed(d));
                QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
                // The window fits the screen: nothing forces it larger.
                EXPECT_LE(d->width(), size.width());
                EXPECT_LE(d->height(), size.height());
                if (!folder.isEmpty()) {
                    EXPECT_TRUE(d->grab().save(
                        QDir(folder).filePath(u"fleets-%1x%2-%3.png"_s.arg(size.width())
                                                  .arg(size.height())
                                                  .arg(language))));
                }
            }
            d->close();
        }
        QCoreApplication::removeTranslator(&qtTranslator);
        QCoreApplication::removeTranslator(&translator);
        QLocale::setDefault(QLocale::system());
    }
}

TEST_F(FleetAdminDialogTest, ARefusedChangeSaysWhyAndShowsTheServersState)
{
    Client anna(server.baseUrl(), dir.path());
    FleetAdminDialog *d = openDialog(anna);
    selectFleet(d, Nord);
    auto *combo = d->findChild<QComboBox *>(u"strategyCombo"_s);
    ASSERT_EQ(combo->currentData().toInt(), int(core::FleetStrategy::RoundRobin));
    ASSERT_TRUE(server.stop()); // nobody answers
    QSignalSpy saved(d, &FleetAdminDialog::fleetSaved);
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down);
    ASSERT_TRUE(waitFor([&] { return saved.count() == 1; }, 40000));
    EXPECT_FALSE(saved.last().at(1).toBool());
    EXPECT_EQ(combo->currentData().toInt(),
              int(core::FleetStrategy::RoundRobin)); // what the server has
    auto *banner = d->findChild<MessageBanner *>(u"messageBanner"_s);
    EXPECT_TRUE(banner->isVisible());
}

} // namespace
