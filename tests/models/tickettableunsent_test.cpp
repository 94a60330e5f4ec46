// TicketTableModel with edits waiting in the outbox (issue 11): the user's values are shown,
// an unsent assignee by name, and set apart from internal tickets in every role the view, its
// delegate and screen readers read.

#include "client/outbox.h"
#include "models/directory.h"
#include "models/ticketcells.h"
#include "models/tickettablemodel.h"
#include "ticketmodeltestsupport.h"

#include <QBrush>
#include <QFont>
#include <QIcon>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using models::TicketTableModel;

namespace {

class TicketTableUnsentTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning()) << server.output().toStdString();
        ASSERT_FALSE(http.loginStaff(u"anna"_s).isEmpty());
        ASSERT_TRUE(client.signIn(server.baseUrl(), u"anna"_s));
        // Signed out: its edits wait, as while the server is unreachable.
        offline.setBaseUrl(QUrl(server.baseUrl()));
        model.setOutbox(&outbox);
    }

    void load()
    {
        core::TicketQuery q;
        q.statuses = {core::Status::New, core::Status::Open, core::Status::Waiting};
        model.setQuery(q);
        ASSERT_TRUE(QTest::qWaitFor([&] { return !model.isLoading(); }, 15000));
        ASSERT_GT(model.rowCount(), 1);
    }
    void loadDirectory()
    {
        QSignalSpy loaded(&directory, &models::Directory::loaded);
        directory.load();
        ASSERT_TRUE(loaded.wait(15000));
    }
    QVariant cell(qint64 id, int column, int role = Qt::DisplayRole) const
    {
        return model.index(model.rowOf(id), column).data(role);
    }
    // A staff member other than the ticket's assignee.
    core::StaffMember otherMember(qint64 id)
    {
        const auto assignee = model.summary(id)->assigneeId;
        for (const core::StaffMember &m : directory.staffModel()->staff()) {
            if (m.id != assignee.value_or(0) && !m.name.isEmpty())
                return m;
        }
        ADD_FAILURE() << "no other staff member";
        return {};
    }

    testsupport::TestServer server;
    testsupport::ApiClient http{server.baseUrl()};
    modeltest::SignedInClient client;
    QNetworkAccessManager offlineNam;
    client::ApiClient offline{&offlineNam};
    QTemporaryDir dir;
    client::Outbox outbox{&offline, dir.path() + u"/outbox.json"_s};
    models::Directory directory{&client.api};
    modeltest::TesterFailures failures;
    TicketTableModel model{&client.api};
    std::unique_ptr<QAbstractItemModelTester> tester = modeltest::TesterFailures::attach(&model);
};

TEST_F(TicketTableUnsentTest, UnsentAssigneeShowsTheChosenMembersName)
{
    model.setDirectory(&directory);
    load();
    loadDirectory();
    const qint64 id = model.idAt(0);
    const core::StaffMember member = otherMember(id);
    outbox.enqueueEdit(id, {{u"assigneeId"_s, member.id}}, model.summary(id)->version);

    EXPECT_EQ(cell(id, TicketTableModel::AssigneeColumn).toString(), member.name);
    EXPECT_TRUE(cell(id, TicketTableModel::AssigneeColumn, TicketTableModel::UnsentRole).toBool());
    EXPECT_TRUE(
        cell(id, TicketTableModel::AssigneeColumn, TicketTableModel::UnsentValueRole).toBool());
    EXPECT_EQ(cell(id, TicketTableModel::AssigneeColumn, Qt::AccessibleTextRole).toString(),
              member.name + u" (not sent yet)"_s);

    // Unassigning offline shows no one, still as unsent.
    outbox.enqueueEdit(id, {{u"assigneeId"_s, QJsonValue::Null}}, model.summary(id)->version);
    EXPECT_EQ(cell(id, TicketTableModel::AssigneeColumn).toString(), u"—"_s);
    EXPECT_TRUE(
        cell(id, TicketTableModel::AssigneeColumn, TicketTableModel::UnsentValueRole).toBool());
}

TEST_F(TicketTableUnsentTest, NamesArrivingWithTheDirectoryRepaintTheUnsentAssignee)
{
    load();
    const qint64 id = model.idAt(0);
    model.setDirectory(&directory);
    // Before the directory is there, the id stands in for the name.
    const core::StaffMember someone = [&] {
        models::Directory names(&client.api);
        QSignalSpy loaded(&names, &models::Directory::loaded);
        names.load();
        EXPECT_TRUE(loaded.wait(15000));
        for (const core::StaffMember &m : names.staffModel()->staff()) {
            if (m.id != model.summary(id)->assigneeId.value_or(0))
                return m;
        }
        return core::StaffMember();
    }();
    ASSERT_GT(someone.id, 0);
    outbox.enqueueEdit(id, {{u"assigneeId"_s, someone.id}}, model.summary(id)->version);
    EXPECT_EQ(cell(id, TicketTableModel::AssigneeColumn).toString(), u"#%1"_s.arg(someone.id));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    loadDirectory();
    const int row = model.rowOf(id);
    const bool assigneeCellChanged = std::any_of(changed.cbegin(), changed.cend(), [&](auto &a) {
        const auto tl = a.at(0).template value<QModelIndex>();
        const auto br = a.at(1).template value<QModelIndex>();
        return tl.row() <= row && row <= br.row() &&
               tl.column() <= TicketTableModel::AssigneeColumn &&
               TicketTableModel::AssigneeColumn <= br.column();
    });
    EXPECT_TRUE(assigneeCellChanged);
    EXPECT_EQ(cell(id, TicketTableModel::AssigneeColumn).toString(), someone.name);
}

TEST_F(TicketTableUnsentTest, UnsentValuesAndInternalTicketsAreMarkedApart)
{
    load();
    const qint64 internalId = model.idAt(0);
    const qint64 unsentId = model.idAt(1);
    for (const auto &[id, visibility] : {std::pair{internalId, core::Visibility::Internal},
                                         std::pair{unsentId, core::Visibility::Public}}) {
        if (model.summary(id)->visibility != visibility) {
            const QString value = core::toString(visibility);
            ASSERT_EQ(http.editTicket(id, {{u"visibility"_s, value}}).status, 200);
        }
    }
    model.reload();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model.isLoading(); }, 15000));
    ASSERT_EQ(cell(internalId, 0, TicketTableModel::VisibilityRole).toInt(),
              int(core::Visibility::Internal));
    const QString priority =
        model.summary(unsentId)->priority == core::Priority::High ? u"normal"_s : u"high"_s;
    outbox.enqueueEdit(unsentId, {{u"priority"_s, priority}}, model.summary(unsentId)->version);

    using T = TicketTableModel;
    // The internal ticket: the whole row in italics, in the usual colour, no clock; the
    // title's tooltip and every cell's accessible description say "internal".
    for (int column = 0; column < T::ColumnCount; ++column) {
        EXPECT_TRUE(cell(internalId, column, Qt::FontRole).value<QFont>().italic()) << column;
        EXPECT_FALSE(cell(internalId, column, Qt::ForegroundRole).isValid()) << column;
        EXPECT_FALSE(cell(internalId, column, T::UnsentRole).toBool()) << column;
        EXPECT_TRUE(cell(internalId, column, Qt::AccessibleDescriptionRole)
                        .toString()
                        .contains(u"Internal"_s))
            << column;
    }
    EXPECT_TRUE(cell(internalId, T::TitleColumn, Qt::ToolTipRole).toString().contains(u"internal"));
    EXPECT_TRUE(cell(internalId, T::TitleColumn, Qt::AccessibleTextRole)
                    .toString()
                    .endsWith(u"(internal)"));
    EXPECT_FALSE(cell(internalId, T::NumberColumn, Qt::DecorationRole).canConvert<QIcon>());

    // The unsent edit: its value in the unsent colour, a clock at the number, and the
    // tooltip and accessible text saying it is not sent; the rest of the row as usual.
    const QVariant foreground = cell(unsentId, T::PriorityColumn, Qt::ForegroundRole);
    ASSERT_TRUE(foreground.canConvert<QBrush>());
    EXPECT_EQ(foreground.value<QBrush>().color(), models::TicketCells::unsentColor());
    EXPECT_TRUE(cell(unsentId, T::PriorityColumn, T::UnsentValueRole).toBool());
    EXPECT_TRUE(cell(unsentId, T::PriorityColumn, Qt::AccessibleTextRole)
                    .toString()
                    .endsWith(u"(not sent yet)"_s));
    EXPECT_EQ(cell(unsentId, T::PriorityColumn, Qt::ToolTipRole).toString(),
              u"Your change is waiting to be sent."_s);
    const QVariant clock = cell(unsentId, T::NumberColumn, Qt::DecorationRole);
    ASSERT_TRUE(clock.canConvert<QIcon>());
    EXPECT_FALSE(clock.value<QIcon>().isNull());
    EXPECT_TRUE(cell(unsentId, T::NumberColumn, Qt::AccessibleTextRole)
                    .toString()
                    .endsWith(u"(changes not sent yet)"_s));
    for (int column : {T::TitleColumn, T::DeviceColumn, T::StatusColumn, T::AssigneeColumn}) {
        EXPECT_FALSE(cell(unsentId, column, Qt::FontRole).value<QFont>().italic()) << column;
        EXPECT_FALSE(cell(unsentId, column, Qt::ForegroundRole).isValid()) << column;
        EXPECT_FALSE(cell(unsentId, column, T::UnsentValueRole).toBool()) << column;
        EXPECT_TRUE(cell(unsentId, column, T::UnsentRole).toBool()) << column;
        EXPECT_TRUE(cell(unsentId, column, Qt::AccessibleDescriptionRole).isNull()) << column;
    }
}

} // namespace
