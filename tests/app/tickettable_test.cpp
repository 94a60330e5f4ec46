// The ticket table of the real main window against a real ticket-server (issue 11): an
// edit made while the server is unreachable shows the user's values, an assignee by name,
// marked apart from an internal ticket.
#include "guiclient.h"
#include "testsupport.h"

#include "client/outbox.h"
#include "models/ticketcells.h"

#include <QBrush>
#include <QComboBox>
#include <QFont>
#include <QIcon>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using guitest::Client;
using guitest::waitFor;
using models::TicketTableModel;

namespace {

class TicketTableTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning());
        ASSERT_FALSE(check.loginStaff(u"anna"_s).isEmpty());
    }

    testsupport::TestServer server;
    testsupport::ApiClient check{server.baseUrl()};
    QTemporaryDir dir;
};

TEST_F(TicketTableTest, UnsentEditShowsTheAssigneesNameAndIsMarkedApartFromInternal)
{
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    TicketTableModel *table = c.table();
    ASSERT_GT(table->rowCount(), 3);
    const auto cell = [&](qint64 ticket, int column, int role = Qt::DisplayRole) {
        return table->index(table->rowOf(ticket), column).data(role);
    };
    // The second row's ticket is (made) internal; the third gets the unsent edit. Not the
    // first: that one is selected, and the selection's colours would hide the marking.
    const qint64 internalId = table->idAt(1);
    const qint64 id = table->idAt(2);
    if (table->summary(internalId)->visibility != core::Visibility::Internal) {
        ASSERT_EQ(check.editTicket(internalId, {{u"visibility"_s, u"internal"_s}}).status, 200);
    }
    ASSERT_TRUE(waitFor([&] {
        return cell(internalId, 0, TicketTableModel::VisibilityRole).toInt() ==
               int(core::Visibility::Internal);
    }));

    // A staff member other than the ticket's assignee, as the assignee picker offers them.
    const qint64 assignee = table->summary(id)->assigneeId.value_or(0);
    QString name;
    qint64 memberId = 0;
    for (const QJsonValue &v : check.get(u"/staff"_s).items()) {
        const QJsonObject m = v.toObject();
        if (m.value(u"id"_s).toInteger() != assignee && m.value(u"active"_s).toBool(true)) {
            memberId = m.value(u"id"_s).toInteger();
            name = m.value(u"name"_s).toString();
            break;
        }
    }
    ASSERT_GT(memberId, 0);
    // The directory has the names before the server goes away: the assignee filter lists
    // Anyone, Me, Unassigned, then the staff, filled when the directory arrived.
    auto *assigneeFilter = c.find<QComboBox>("assigneeFilterComboBox");
    ASSERT_NE(assigneeFilter, nullptr);
    ASSERT_TRUE(waitFor([&] { return assigneeFilter->count() > 3; }));

    server.killHard();
    const QString priority =
        table->summary(id)->priority == core::Priority::High ? u"normal"_s : u"high"_s;
    c.outbox.enqueueEdit(id, {{u"assigneeId"_s, memberId}, {u"priority"_s, priority}},
                         table->summary(id)->version);
    ASSERT_TRUE(waitFor([&] {
        return cell(id, TicketTableModel::NumberColumn, TicketTableModel::UnsentRole).toBool();
    }));

    // The chosen member by name, not "—", in the unsent colour.
    EXPECT_EQ(cell(id, TicketTableModel::AssigneeColumn).toString().toStdString(),
              name.toStdString());
    EXPECT_EQ(
        cell(id, TicketTableModel::AssigneeColumn, Qt::ForegroundRole).value<QBrush>().color(),
        models::TicketCells::unsentColor());
    EXPECT_TRUE(cell(id, TicketTableModel::NumberColumn, Qt::DecorationRole).canConvert<QIcon>());
    // The rest of the unsent row as usual; the internal row italic, in the usual colour.
    EXPECT_FALSE(cell(id, TicketTableModel::TitleColumn, Qt::FontRole).value<QFont>().italic());
    EXPECT_TRUE(
        cell(internalId, TicketTableModel::TitleColumn, Qt::FontRole).value<QFont>().italic());
    EXPECT_FALSE(cell(internalId, TicketTableModel::AssigneeColumn, Qt::ForegroundRole).isValid());
    EXPECT_FALSE(cell(internalId, TicketTableModel::NumberColumn, Qt::DecorationRole).isValid());

    auto *view = c.find<QTableView>("ticketTableView");
    ASSERT_NE(view, nullptr);
    // Room for the assignee column in the picture: a wide window, most of it the table.
    c.window->resize(1800, 700);
    c.find<QSplitter>("mainSplitter")->setSizes({0, 1300, 500});
    view->scrollToTop();
    guitest::saveScreenshot(view, u"table-unsent-internal"_s);
}

} // namespace
