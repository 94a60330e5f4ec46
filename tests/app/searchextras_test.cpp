// The search box's created: ranges, -words and "exact phrases" filter the ticket table for
// real: typed into the real main window, offscreen, the rows are what the real server
// answers for the same query, and the words, phrases and days select what they say.
#include "guiclient.h"
#include "testsupport.h"

#include "mainwindow.h"
#include "models/tickettablemodel.h"

#include <QCompleter>
#include <QCoreApplication>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using guitest::Client;
using guitest::waitFor;
using testsupport::ApiClient;
using testsupport::TestServer;

namespace {

class SearchExtrasTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.isRunning());
        ASSERT_FALSE(check.loginStaff(u"anna"_s).isEmpty());
    }
    // Types into the search box and presses Enter, as a user would, and waits for the list.
    static void type(const Client &c, const QString &text)
    {
        auto *box = c.find<QLineEdit>("searchLineEdit");
        box->setFocus();
        box->selectAll();
        QTest::keyClick(box, Qt::Key_Backspace);
        QTest::keyClicks(box, text);
        if (QCompleter *completer = c.window->findChild<QCompleter *>(u"searchCompleter"_s))
            completer->popup()->hide();
        QTest::keyClick(box, Qt::Key_Return);
    }
    static QList<qint64> rows(const Client &c)
    {
        QList<qint64> out;
        for (int row = 0; row < c.table()->rowCount(); ++row)
            out.append(c.table()->idAt(row));
        return out;
    }
    // The first page the server answers for the table's query, asked separately.
    QList<qint64> serverPage(const Client &c)
    {
        // Relative days as the client resolves them: local day starts.
        core::TicketQuery q = c.table()->query().resolved(QDateTime::currentDateTime());
        q.cursor.clear();
        const testsupport::HttpResult r =
            check.get(u"/tickets?"_s + q.toUrlQuery().toString(QUrl::FullyEncoded));
        EXPECT_EQ(r.status, 200) << r.body.toStdString();
        QList<qint64> out;
        for (const QJsonValue &v : r.items())
            out.append(v.toObject().value(u"id"_s).toInteger());
        return out;
    }
    // Types `text` and waits until the table shows the server's answer for it.
    void search(const Client &c, const QString &text, const std::function<bool()> &sent)
    {
        type(c, text);
        ASSERT_TRUE(waitFor([&] {
            return sent() && !c.table()->isLoading() && c.api.jobsInFlight() == 0;
        })) << text.toStdString();
        EXPECT_EQ(rows(c), serverPage(c)) << text.toStdString();
        EXPECT_FALSE(c.find<QLabel>("searchProblemLabel")->isVisible()) << text.toStdString();
    }
    qint64 create(const QString &title)
    {
        return testsupport::createTicket(check, title,
                                         {{u"deviceId"_s, testsupport::demoDeviceId(0)}})
            .value(u"id"_s)
            .toInteger();
    }

    TestServer server;
    ApiClient check{server.baseUrl()};
    QTemporaryDir dir;
};

TEST_F(SearchExtrasTest, ExcludedWordsPhrasesAndCreatedDaysFilterTheTable)
{
    const qint64 a = create(u"Glockenspiel Zahnrad klemmt"_s);
    const qint64 b = create(u"Glockenspiel Zahnrad quietscht"_s);
    const qint64 c3 = create(u"Zahnrad am Glockenspiel lose"_s);
    Client c(server.baseUrl(), dir.path());
    ASSERT_TRUE(c.waitForRows());
    auto has = [&](std::initializer_list<qint64> want) {
        const QList<qint64> got = rows(c);
        return got.size() == qsizetype(want.size()) &&
               std::all_of(want.begin(), want.end(), [&](qint64 id) { return got.contains(id); });
    };

    search(c, u"glockenspiel -quietscht"_s,
           [&] { return c.table()->query().excluded == QStringList{u"quietscht"_s}; });
    EXPECT_TRUE(has({a, c3})) << rows(c).size();

    search(c, u"\"Glockenspiel Zahnrad\""_s,
           [&] { return c.table()->query().phrases == QStringList{u"Glockenspiel Zahnrad"_s}; });
    EXPECT_TRUE(has({a, b})) << rows(c).size();

    search(c, u"zahnrad -\"zahnrad quietscht\" created:>1d"_s,
           [&] { return c.table()->query().createdFromDaysAgo == 0; });
    EXPECT_TRUE(has({a, c3})) << rows(c).size();
    // The heading names the range and the excluded phrase beside the words.
    const QString heading = c.find<QLabel>("queueTitleLabel")->text();
    EXPECT_TRUE(heading.contains(u"zahnrad quietscht"_s)) << heading.toStdString();
    EXPECT_TRUE(heading.contains(QCoreApplication::translate("ListHeading", "created today")))
        << heading.toStdString();
    c.window->resize(1600, 1000);
    guitest::saveScreenshot(c.window.get(), u"search-extras"_s);

    // Before yesterday: none of today's tickets, but the demo's older ones.
    search(c, u"created:<1d"_s, [&] {
        return c.table()->query().createdToDaysAgo == 1 && c.table()->query().text.isEmpty();
    });
    EXPECT_FALSE(rows(c).isEmpty());
    for (qint64 id : {a, b, c3})
        EXPECT_FALSE(rows(c).contains(id));

    // Emptied: no range, words or phrases left in the query.
    search(c, QString(), [&] {
        const core::TicketQuery q = c.table()->query();
        return !q.createdTo && !q.createdToDaysAgo && q.excluded.isEmpty() && q.phrases.isEmpty();
    });
    EXPECT_TRUE(rows(c).contains(a));
}

} // namespace
