// The service-levels page (issue 14, response clocks), offscreen against a real
// ticket-server: an administrator opens it by keyboard, changes the high priority's
// first-reply target and saves; the server has it, a high ticket's Due cell follows, and a
// second client gets both live. Bad input shows the server's reason and changes nothing.
#include "guiclient.h"
#include "testsupport.h"

#include "models/duecell.h"
#include "models/labels.h"
#include "models/servicelevelforms.h"
#include "models/tickettablemodel.h"
#include "servicelevels/servicelevelsdialog.h"
#include "widgets/messagebanner.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using guitest::Client;
using guitest::waitFor;
using models::TicketTableModel;
using testsupport::ApiClient;

namespace {

class ServiceLevelsPageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_FALSE(check.loginStaff(u"anna"_s).isEmpty());
    }

    QJsonValue highFirstReply()
    {
        return check.get(u"/service-levels"_s).object()[u"high"_s][u"firstReplyMinutes"_s];
    }
    // A high ticket of the table whose first-reply clock runs.
    static qint64 runningHighTicket(const Client &c)
    {
        models::TicketTableModel *table = c.table();
        for (int row = 0; row < table->rowCount(); ++row) {
            const core::TicketSummary *t = table->summary(table->idAt(row));
            if (t->priority == core::Priority::High && t->clocks && !t->clocks->firstReplyAt &&
                t->clocks->firstReplyDue &&
                (t->status == core::Status::New || t->status == core::Status::Open))
                return t->id;
        }
        return 0;
    }
    static QString dueText(const Client &c, qint64 id)
    {
        return c.table()
            ->index(c.table()->rowOf(id), TicketTableModel::DueColumn)
            .data()
            .toString();
    }
    // Ctrl+Shift+L in the table, as a person presses it.
    static ServiceLevelsDialog *openByKeyboard(Client &c)
    {
        EXPECT_TRUE(waitFor([&c] { return c.find<QAction>("serviceLevelsAction")->isVisible(); }));
        c.window->activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(c.window.get()));
        auto *table = c.find<QTableView>("ticketTableView");
        table->setFocus();
        QTest::keyClick(table, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        auto *d = c.window->findChild<ServiceLevelsDialog *>(u"serviceLevelsDialog"_s);
        EXPECT_NE(d, nullptr);
        if (!d)
            return nullptr;
        EXPECT_TRUE(waitFor([d] {
            return d->isVisible() &&
                   !d->findChild<QLineEdit *>(u"highFirstReplyEdit"_s)->text().isEmpty();
        }));
        return d;
    }
    static QLineEdit *highEdit(ServiceLevelsDialog *d)
    {
        return d->findChild<QLineEdit *>(u"highFirstReplyEdit"_s);
    }
    // Types `text` into the high first-reply field (in days or the unit shown), saves with
    // Alt+S.
    static void typeAndSave(ServiceLevelsDialog *d, const QString &text, bool days)
    {
        QLineEdit *edit = highEdit(d);
        ASSERT_TRUE(waitFor([edit] { return QApplication::focusWidget() == edit; }))
            << "the high first-reply field has the focus when the page opens";
        QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Tab);
        auto *unit = d->findChild<QComboBox *>(u"highFirstReplyUnit"_s);
        EXPECT_EQ(QApplication::focusWidget(), unit);
        if (days) // the last unit
            QTest::keyClick(unit, Qt::Key_End);
        // As a person waits for it: the button is off while the page still loads (the
        // fleets' hours), and Alt+S then did nothing on a slow build.
        ASSERT_TRUE(waitFor(
            [d] { return d->findChild<QPushButton *>(u"saveTargetsButton"_s)->isEnabled(); }));
        QTest::keyClick(unit, Qt::Key_S, Qt::AltModifier);
    }
    void saveScreenshots(Client &c, QWidget *dialog, const QString &name)
    {
        const QString dir = qEnvironmentVariable("TICKET_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        const QString language = qEnvironmentVariable("TICKET_SCREENSHOT_LANGUAGE", u"en"_s);
        for (const QSize size : {QSize(1600, 1000), QSize(1024, 640)}) {
            c.window->resize(size);
            for (int i = 0; i < 3; ++i) {
                QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
                QCoreApplication::processEvents();
            }
            QPixmap shot = c.window->grab();
            if (dialog) { // a window of its own: painted in, centred as it opens
                QPainter painter(&shot);
                const QPixmap page = dialog->grab();
                painter.drawPixmap((size.width() - page.width()) / 2,
                                   (size.height() - page.height()) / 2, page);
            }
            shot.save(dir + u'/' + name + u'-' + QString::number(size.width()) + u'x' +
                      QString::number(size.height()) + u'-' + language + u".png"_s);
        }
    }

    testsupport::TestServer server;
    ApiClient check{server.baseUrl()};
    QTemporaryDir dir;
    QTemporaryDir otherDir;
};

TEST_F(ServiceLevelsPageTest, AdminChangesTheHighFirstReplyTargetAndTheDueColumnFollows)
{
    Client anna(server.baseUrl(), dir.path());
    Client other(server.baseUrl(), otherDir.path()); // the same admin at another desk
    ASSERT_TRUE(anna.waitForRows());
    ASSERT_TRUE(other.waitForRows());
    ASSERT_EQ(highFirstReply(), QJsonValue(60));
    const qint64 id = runningHighTicket(anna);
    ASSERT_NE(id, 0) << "a high ticket whose first-reply clock runs";
    ASSERT_TRUE(waitFor([&] { return other.table()->rowOf(id) >= 0; }));
    const qint64 oldDue = *anna.table()->summary(id)->clocks->firstReplyDue;
    const QString oldText = dueText(anna, id);
    ASSERT_FALSE(oldText.isEmpty());
    saveScreenshots(anna, nullptr, u"due-column"_s);
    anna.window->resize(1400, 900);

    ServiceLevelsDialog *watching = openByKeyboard(other);
    ASSERT_NE(watching, nullptr);
    ServiceLevelsDialog *d = openByKeyboard(anna);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(highEdit(d)->text(), u"1");
    saveScreenshots(anna, d, u"service-levels"_s);
    if (qEnvironmentVariableIsSet("TICKET_SCREENSHOT_DIR")) {
        auto *tabs = d->findChild<QTabWidget *>(u"tabs"_s);
        tabs->setCurrentIndex(1);
        EXPECT_TRUE(waitFor([d] {
            return !d->findChild<QComboBox *>(u"timeZoneCombo"_s)->currentText().isEmpty();
        }));
        saveScreenshots(anna, d, u"service-levels-hours"_s);
        tabs->setCurrentIndex(0);
        highEdit(d)->setFocus();
    }
    anna.window->resize(1400, 900);

    // 3 days: 3 × 9 business hours.
    QSignalSpy saved(d, &ServiceLevelsDialog::targetsSaved);
    typeAndSave(d, u"3"_s, true);
    ASSERT_TRUE(saved.wait(10000));
    EXPECT_TRUE(saved.first().at(0).toBool());
    EXPECT_EQ(highFirstReply(), QJsonValue(3 * 540));

    // The server moved the ticket's clock; both tables show it, without a click.
    const QJsonObject ticket = check.get(u"/tickets/%1"_s.arg(id)).object();
    const qint64 newDue =
        *core::TicketClockFields::fromJson(ticket[u"clocks"_s].toObject()).firstReplyDue;
    ASSERT_GT(newDue, oldDue);
    for (Client *c : {&anna, &other}) {
        EXPECT_TRUE(waitFor([&] {
            const core::TicketSummary *t = c->table()->summary(id);
            return t && t->clocks && t->clocks->firstReplyDue == newDue;
        }));
        EXPECT_NE(dueText(*c, id), oldText);
        EXPECT_EQ(
            dueText(*c, id),
            models::DueCell(*c->table()->summary(id), QDateTime::currentMSecsSinceEpoch()).text());
    }
    // The other desk's open page shows the new target live.
    EXPECT_TRUE(waitFor([watching] { return highEdit(watching)->text() == u"3"; }));
    EXPECT_EQ(watching->findChild<QComboBox *>(u"highFirstReplyUnit"_s)->currentData().toInt(),
              int(models::servicelevelforms::Unit::Days));
}

TEST_F(ServiceLevelsPageTest, NegativeTargetShowsTheServersReasonAndChangesNothing)
{
    Client anna(server.baseUrl(), dir.path());
    ASSERT_TRUE(anna.waitForRows());
    ServiceLevelsDialog *d = openByKeyboard(anna);
    ASSERT_NE(d, nullptr);
    QSignalSpy saved(d, &ServiceLevelsDialog::targetsSaved);
    typeAndSave(d, u"-2"_s, false);
    ASSERT_TRUE(saved.wait(10000));
    EXPECT_FALSE(saved.first().at(0).toBool());
    auto *banner = d->findChild<MessageBanner *>(u"messageBanner"_s);
    EXPECT_TRUE(banner->isVisible());
    EXPECT_EQ(banner->kind(), MessageBanner::Kind::Error);
    EXPECT_TRUE(banner->message().contains(
        models::servicelevelforms::fieldLabel(u"high.firstReplyMinutes"_s)))
        << banner->message().toStdString();
    EXPECT_EQ(highFirstReply(), QJsonValue(60));
    EXPECT_EQ(highEdit(d)->text(), u"-2"); // kept, to be put right
}

TEST_F(ServiceLevelsPageTest, BusinessHoursAreSavedPerFleetAndBadHoursAreRefused)
{
    Client anna(server.baseUrl(), dir.path());
    ASSERT_TRUE(anna.waitForRows());
    ServiceLevelsDialog *d = openByKeyboard(anna);
    ASSERT_NE(d, nullptr);
    QTest::keyClick(highEdit(d), Qt::Key_B, Qt::AltModifier); // the Business hours tab
    auto *monday = d->findChild<QLineEdit *>(u"monEdit"_s);
    ASSERT_TRUE(waitFor([monday] { return monday->isVisible() && !monday->text().isEmpty(); }));
    const qint64 fleetId = d->currentFleetId();
    const QString path = u"/fleets/%1/business-hours"_s.arg(fleetId);
    const QJsonValue before = check.get(path).object()[u"days"_s][u"mon"_s];

    QSignalSpy saved(d, &ServiceLevelsDialog::hoursSaved);
    monday->setFocus();
    QTest::keyClick(monday, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(monday, u"8-17"_s);
    QTest::keyClick(monday, Qt::Key_S, Qt::AltModifier);
    ASSERT_TRUE(saved.wait(10000));
    EXPECT_FALSE(saved.last().at(0).toBool());
    auto *banner = d->findChild<MessageBanner *>(u"messageBanner"_s);
    EXPECT_TRUE(banner->isVisible());
    EXPECT_EQ(banner->kind(), MessageBanner::Kind::Error);
    EXPECT_EQ(check.get(path).object()[u"days"_s][u"mon"_s], before);

    QTest::keyClick(monday, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(monday, u"07:30-12:00, 13:00-16:00"_s);
    QTest::keyClick(monday, Qt::Key_S, Qt::AltModifier);
    ASSERT_TRUE(saved.wait(10000));
    EXPECT_TRUE(saved.last().at(0).toBool());
    EXPECT_EQ(check.get(path).object()[u"days"_s][u"mon"_s],
              QJsonValue(QJsonArray{QJsonArray{u"07:30"_s, u"12:00"_s},
                                    QJsonArray{u"13:00"_s, u"16:00"_s}}));
    EXPECT_EQ(monday->text(), u"07:30–12:00, 13:00–16:00");
}

TEST_F(ServiceLevelsPageTest, ABreachedResolutionIsRedInTheTable)
{
    Client anna(server.baseUrl(), dir.path());
    ASSERT_TRUE(anna.waitForRows());
    qint64 id = 0;
    for (int row = 0; row < anna.table()->rowCount() && !id; ++row) {
        const core::TicketSummary *t = anna.table()->summary(anna.table()->idAt(row));
        if (t->clocks && t->clocks->breached.contains(u"resolution"))
            id = t->id;
    }
    ASSERT_NE(id, 0) << "the demo has a ticket whose resolution is overdue";
    const QModelIndex cell =
        anna.table()->index(anna.table()->rowOf(id), TicketTableModel::DueColumn);
    EXPECT_EQ(cell.data(Qt::ForegroundRole).value<QBrush>().color(),
              models::DueCell::breachedColor());
    EXPECT_TRUE(cell.data(Qt::ToolTipRole).toString().contains(u"overdue"));
    // Opened, the detail pane says the due times in a line of its own, red as well.
    anna.open(id);
    auto *due = anna.find<QLabel>("dueValueLabel");
    const core::TicketSummary *t = anna.table()->summary(id);
    ASSERT_TRUE(waitFor([&] {
        return anna.window->document()->id() == id && due->isVisible() &&
               due->text().contains(u"resolution due "_s +
                                    models::shortDateTime(*t->clocks->resolutionDue));
    })) << due->text().toStdString();
    EXPECT_EQ(due->palette().color(QPalette::WindowText), models::DueCell::breachedColor());
}

TEST_F(ServiceLevelsPageTest, AgentsHaveNoServiceLevelsEntry)
{
    Client jonas(server.baseUrl(), dir.path(), u"jonas"_s);
    ASSERT_TRUE(jonas.waitForRows());
    ASSERT_TRUE(waitFor([&] { return jonas.window->tableModel()->rowCount() > 0; }));
    auto *action = jonas.find<QAction>("serviceLevelsAction");
    // The directory (and with it the role) is in once the fleets are.
    ASSERT_TRUE(waitFor([&] {
        jonas.window->showFleets();
        return jonas.window->fleetsDialog() != nullptr;
    }));
    EXPECT_FALSE(action->isVisible());
    action->trigger();
    EXPECT_EQ(jonas.window->findChild<ServiceLevelsDialog *>(u"serviceLevelsDialog"_s), nullptr);
}

} // namespace
