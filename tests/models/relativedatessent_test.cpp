// Relative created days on their way out of the client: a saved view's query keeps them
// ("-6d", so that the view stays "the last 7 days"), while a bulk call's query carries them
// resolved in local time (as the list the user sees was asked), and a live-updated row is
// judged by the range of today.
#include "client/apijob.h"
#include "core/ticketquery.h"
#include "core/timeutil.h"
#include "models/bulkeditor.h"
#include "models/viewlist.h"

#include <QDateTime>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

static void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}

namespace {

core::TicketQuery lastSevenDays()
{
    core::TicketQuery q;
    q.createdFromDaysAgo = 6;
    q.createdToDaysAgo = 0;
    return q;
}

qint64 localStartOfDaysAgo(int days)
{
    return QDateTime(QDate::currentDate().addDays(-days), QTime(0, 0)).toMSecsSinceEpoch();
}

TEST(RelativeDatesSent, AViewKeepsThemRelative)
{
    const QJsonObject json = models::viewQueryJson(lastSevenDays());
    EXPECT_EQ(json.value(u"createdFrom"_s).toString(), u"-6d"_s);
    EXPECT_EQ(json.value(u"createdTo"_s).toString(), u"-0d"_s);
    const std::optional<core::TicketQuery> back = models::viewQueryFrom(json);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->createdFromDaysAgo, 6);
    EXPECT_EQ(back->createdToDaysAgo, 0);
}

TEST(RelativeDatesSent, TheBulkQueryCarriesLocalDayStarts)
{
    const QJsonObject json = models::BulkEditor::queryJson(lastSevenDays());
    EXPECT_EQ(json.value(u"createdFrom"_s).toString(), core::toIsoUtc(localStartOfDaysAgo(6)));
    EXPECT_EQ(json.value(u"createdTo"_s).toString(), core::toIsoUtc(localStartOfDaysAgo(0)));
}

TEST(RelativeDatesSent, LiveRowsAreJudgedByTodaysRange)
{
    core::TicketQuery today;
    today.createdFromDaysAgo = 0;
    core::TicketSummary t;
    t.createdAt = QDateTime::currentMSecsSinceEpoch();
    EXPECT_TRUE(today.matches(t, 1));
    t.createdAt = localStartOfDaysAgo(3);
    EXPECT_FALSE(today.matches(t, 1));
    core::TicketQuery older;
    older.createdToDaysAgo = 2;
    EXPECT_TRUE(older.matches(t, 1));
}

} // namespace
