#pragma once

// The fixture of the selection suites (selection_test, selection_edges_test): the real
// main window against a real ticket-server, a check client, and helpers to select by keyboard.
#include "guiclient.h"
#include "testsupport.h"

#include "conversationtabs.h"
#include "models/bulkeditor.h"
#include "shortcutsdialog.h"
#include "tableactions.h"
#include "ticketlistcontroller.h"
#include "widgets/messagebanner.h"
#include "widgets/selectionbar.h"

#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <gtest/gtest.h>

namespace selectiontest {

using namespace Qt::StringLiterals;
using guitest::Client;
using guitest::waitFor;

class SelectionTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning());
        ASSERT_FALSE(check.loginStaff(u"anna"_s).isEmpty());
    }
    QString priorityOf(qint64 id)
    {
        return check.get(u"/tickets/"_s + QString::number(id))
            .object()
            .value(u"priority"_s)
            .toString();
    }
    // The window active and the table focused on the first row, as a user starts.
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
    // The first five rows' tickets set to `priority` on the server, seen in the table.
    QList<qint64> firstFive(Client &c, const QString &priority)
    {
        QList<qint64> ids;
        for (int row = 0; row < 5; ++row)
            ids.append(c.table()->idAt(row));
        for (qint64 id : ids) {
            if (priorityOf(id) != priority) {
                EXPECT_EQ(check.editTicket(id, {{u"priority"_s, priority}}).status, 200);
            }
        }
        EXPECT_TRUE(waitFor([&] {
            return std::all_of(ids.cbegin(), ids.cend(), [&](qint64 id) {
                const core::TicketSummary *t = c.table()->summary(id);
                return t && core::toString(t->priority) == priority;
            });
        }));
        return ids;
    }
    void selectFiveByKeyboard(Client &c, QTableView *view)
    {
        for (int i = 0; i < 4; ++i)
            QTest::keyClick(view, Qt::Key_J, Qt::ShiftModifier);
        ASSERT_EQ(c.window->ticketList()->selectedIds().size(), 5);
    }

    guitest::Language english{u"en"_s}; // plural forms as the user reads them
    testsupport::TestServer server;
    testsupport::ApiClient check{server.baseUrl()};
    QTemporaryDir dir;
};

} // namespace selectiontest
