// The rating statistics models: a known answer of GET /stats/ratings becomes the expected
// structs, rows and series; the breakdown and low-ratings models pass the item-model tester;
// the CSV export reads back to the same figures; the source and paging against a real
// server.
#include "ratingstatsknown.h"

using namespace ratingstatstest;

namespace {

TEST_F(RatingStatsTest, ParsesTheKnownAnswer)
{
    const RatingStats s = knownStats();
    EXPECT_EQ(s.groupBy, models::GroupBy::Week);
    EXPECT_EQ(s.timeZone, u"Europe/Berlin"_s);
    EXPECT_EQ(s.from, QDateTime(QDate(2026, 10, 31), QTime(23, 0), Qt::UTC).toMSecsSinceEpoch());
    EXPECT_EQ(s.summary.count, 10);
    EXPECT_DOUBLE_EQ(s.summary.average.value_or(0), 3.7);
    EXPECT_EQ(s.summary.distribution, (std::array<int, 5>{1, 1, 2, 3, 3}));
    EXPECT_DOUBLE_EQ(s.summary.satisfiedShare.value_or(0), 0.6);
    EXPECT_EQ(s.summary.resolvedCount, 20);
    EXPECT_DOUBLE_EQ(s.summary.responseRate.value_or(0), 0.5);
    // Null is "no value", not zero; zero stays zero.
    EXPECT_EQ(s.summary.previous.count, 0);
    EXPECT_FALSE(s.summary.previous.average.has_value());
    EXPECT_FALSE(s.summary.previous.satisfiedShare.has_value());
    EXPECT_EQ(s.summary.previous.responseRate, std::optional<double>(0.0));
    EXPECT_FALSE(s.isEmpty());
    ASSERT_EQ(s.series.size(), 3);
    EXPECT_EQ(s.series.at(0).bucket, QDate(2026, 10, 26));
    EXPECT_EQ(s.series.at(0).count, 0);
    EXPECT_FALSE(s.series.at(0).average.has_value());
    EXPECT_EQ(s.series.at(1).count, 4);
    EXPECT_DOUBLE_EQ(s.series.at(1).average.value_or(0), 4.25);

    const auto &staff = s.breakdownFor(Dimension::Staff);
    ASSERT_EQ(staff.size(), 3);
    EXPECT_EQ(staff.at(0).id, 6);
    EXPECT_EQ(staff.at(0).name, u"Tobias Becker"_s);
    EXPECT_EQ(staff.at(1).id, 0);
    EXPECT_TRUE(staff.at(1).name.isEmpty());
    EXPECT_EQ(s.breakdownFor(Dimension::Customer).size(), 2);
    EXPECT_EQ(s.breakdownFor(Dimension::Template).at(0).name, u"=cmd|' /C calc'!A0"_s);

    ASSERT_EQ(s.lowRatings.size(), 3);
    EXPECT_EQ(s.lowRatings.at(2).assigneeName, u"Mia Hoffmann"_s);
    EXPECT_EQ(s.previousFrom,
              QDateTime(QDate(2026, 9, 30), QTime(22, 0), Qt::UTC).toMSecsSinceEpoch());
    EXPECT_EQ(s.previousTo, s.from);
    EXPECT_EQ(s.lowRatings.at(0).ticketId, 220);
    EXPECT_EQ(s.lowRatings.at(0).number, u"T-000220"_s);
    EXPECT_EQ(s.lowRatings.at(0).stars, 2);
    EXPECT_EQ(s.lowRatings.at(0).assigneeId, 1);
    EXPECT_EQ(s.lowRatings.at(1).assigneeId, 0);
    EXPECT_EQ(s.nextCursor, u"1794929972875.56"_s);
}

TEST_F(RatingStatsTest, RefusesAnAnswerOfAnotherShape)
{
    bool ok = true;
    const RatingStats s = models::parseRatingStats(
        QJsonDocument::fromJson(R"({"summary": {"count": 3}, "series": []})").object(), &ok);
    EXPECT_FALSE(ok);
    EXPECT_TRUE(s.isEmpty());
}

TEST_F(RatingStatsTest, QueryOfPresetsAndFilters)
{
    const QDate today(2026, 11, 26);
    RatingStatsQuery q = RatingStatsQuery::forPreset(RatingStatsQuery::Preset::Last7Days, today);
    EXPECT_EQ(q.from, QDate(2026, 11, 20));
    EXPECT_EQ(q.to, QDate(2026, 11, 27));
    EXPECT_EQ(q.groupBy, models::GroupBy::Day);

    q = RatingStatsQuery::forPreset(RatingStatsQuery::Preset::Last90Days, today);
    EXPECT_EQ(q.from.daysTo(q.to), 90);
    EXPECT_EQ(q.groupBy, models::GroupBy::Week);

    q = RatingStatsQuery::forPreset(RatingStatsQuery::Preset::Last12Months, today);
    EXPECT_EQ(q.from, QDate(2025, 12, 1));
    EXPECT_EQ(q.groupBy, models::GroupBy::Month);
    const RatingStatsQuery previous = q.previousPeriod();
    EXPECT_EQ(previous.from, QDate(2024, 12, 1));
    EXPECT_EQ(previous.to, QDate(2025, 12, 1));

    // A custom period includes both days, in either order.
    q = RatingStatsQuery::forPreset(RatingStatsQuery::Preset::Custom, today, QDate(2001, 3, 31),
                                    QDate(2001, 3, 1));
    EXPECT_EQ(q.from, QDate(2001, 3, 1));
    EXPECT_EQ(q.to, QDate(2001, 4, 1));
    EXPECT_EQ(q.previousPeriod().from, QDate(2001, 1, 29));

    q.setFilter(Dimension::Staff, 6);
    q.setFilter(Dimension::Customer, 9);
    q.setFilter(Dimension::Fleet, 0);
    q.filters[size_t(Dimension::Flow)] = {1, 3};
    q.limit = 20;
    q.cursor = u"17.5"_s;
    EXPECT_EQ(q.toUrlQuery().toString(QUrl::FullyEncoded),
              u"from=2001-03-01&to=2001-04-01&groupBy=day&assignee=6&flow=1,3&customer=9"
              "&limit=20&cursor=17.5"_s);
}

TEST_F(RatingStatsTest, BreakdownRowsSortAndSwitch)
{
    BreakdownModel model;
    auto tester = modeltest::TesterFailures::attach(&model);
    modeltest::SignalLog log(&model);
    model.setStats(knownStats());
    // The server's order until sorted.
    EXPECT_EQ(column(model, BreakdownModel::NameColumn),
              (QStringList{u"Tobias Becker"_s, u"Unassigned"_s, u"Jonas Weber"_s}));
    EXPECT_EQ(column(model, BreakdownModel::CountColumn), (QStringList{u"5"_s, u"3"_s, u"2"_s}));
    // Fewer than five ratings: the figures say on how many they rest, in a light colour.
    EXPECT_EQ(column(model, BreakdownModel::AverageColumn),
              (QStringList{u"4.20"_s, u"2.00 (n = 3)"_s, u"4.50 (n = 2)"_s}));
    EXPECT_EQ(column(model, BreakdownModel::SatisfiedColumn),
              (QStringList{u"80.0%"_s, u"0.0% (n = 3)"_s, u"100.0% (n = 2)"_s}));
    const auto few = [&model](int row) {
        return model.index(row, BreakdownModel::AverageColumn)
            .data(BreakdownModel::FewRatingsRole)
            .toBool();
    };
    EXPECT_FALSE(few(0));
    EXPECT_TRUE(few(1));
    EXPECT_TRUE(few(2));
    EXPECT_FALSE(
        model.index(2, BreakdownModel::AverageColumn).data(Qt::ToolTipRole).toString().isEmpty());
    EXPECT_EQ(model.headerData(BreakdownModel::NameColumn, Qt::Horizontal).toString(),
              u"Staff member"_s);

    // A selection survives sorting.
    const QPersistentModelIndex jonas = model.index(2, BreakdownModel::NameColumn);
    log.clear();
    model.sort(BreakdownModel::AverageColumn, Qt::DescendingOrder);
    EXPECT_EQ(log.text(), u"layoutChanged"_s);
    EXPECT_EQ(column(model, BreakdownModel::NameColumn),
              (QStringList{u"Jonas Weber"_s, u"Tobias Becker"_s, u"Unassigned"_s}));
    EXPECT_EQ(jonas.row(), 0);
    model.sort(BreakdownModel::CountColumn, Qt::AscendingOrder);
    EXPECT_EQ(column(model, BreakdownModel::CountColumn), (QStringList{u"2"_s, u"3"_s, u"5"_s}));
    EXPECT_EQ(jonas.row(), 0);
    // By name, the group without a name last.
    model.sort(BreakdownModel::NameColumn, Qt::AscendingOrder);
    EXPECT_EQ(column(model, BreakdownModel::NameColumn),
              (QStringList{u"Jonas Weber"_s, u"Tobias Becker"_s, u"Unassigned"_s}));

    // Another dimension keeps the sort.
    model.sort(BreakdownModel::AverageColumn, Qt::AscendingOrder);
    model.setDimension(Dimension::Customer);
    EXPECT_EQ(model.headerData(BreakdownModel::NameColumn, Qt::Horizontal).toString(),
              u"Customer"_s);
    EXPECT_EQ(column(model, BreakdownModel::NameColumn),
              (QStringList{u"Rheinufer Büropark GmbH & Co. KG, Köln"_s, u"No customer"_s}));
    EXPECT_EQ(model.index(0, BreakdownModel::AverageColumn).data(BreakdownModel::SortRole),
              QVariant(3.5));
    EXPECT_EQ(model.index(1, 0).data(BreakdownModel::IdRole).toLongLong(), 0);

    model.setStats({});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(RatingStatsTest, LowRatingRowsArePlainText)
{
    QNetworkAccessManager nam;
    client::ApiClient api(&nam);
    LowRatingsModel model(&api);
    auto tester = modeltest::TesterFailures::attach(&model);
    const RatingStats stats = knownStats();
    model.setStaffNames({{1, u"Anna Schmidt"_s}});
    model.setFirstPage({}, stats.lowRatings, {});
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_FALSE(model.canFetchMore({}));
    EXPECT_EQ(column(model, LowRatingsModel::StarsColumn),
              (QStringList{u"★★☆☆☆"_s, u"★☆☆☆☆"_s, u"★☆☆☆☆"_s}));
    EXPECT_EQ(column(model, LowRatingsModel::TicketColumn),
              (QStringList{u"T-000220  Notrufknopf ohne Funktion"_s, u"T-000137  Lift, \"stuck\""_s,
                           u"T-000096  Drucker"_s}));
    EXPECT_EQ(model.index(2, LowRatingsModel::CommentColumn).data().toString(), u"(no comment)"_s);
    // Comments on one line; the tooltip shows them whole and literally (no HTML).
    EXPECT_EQ(model.index(1, LowRatingsModel::CommentColumn).data().toString(),
              u"Nobody called back. Twice, in fact, \"really\"."_s);
    EXPECT_EQ(model.index(1, LowRatingsModel::CommentColumn).data(Qt::ToolTipRole).toString(),
              u"<p style=\"white-space:pre-wrap\">Nobody called back.<br>Twice, in fact, "
              "&quot;really&quot;.</p>"_s);
    // Names from the directory, else as the server gave them.
    EXPECT_EQ(column(model, LowRatingsModel::AssigneeColumn),
              (QStringList{u"Anna Schmidt"_s, u"Unassigned"_s, u"Mia Hoffmann"_s}));
    EXPECT_EQ(model.index(0, 0).data(LowRatingsModel::TicketIdRole).toLongLong(), 220);
    EXPECT_EQ(
        model.index(0, LowRatingsModel::DateColumn).data(LowRatingsModel::SortRole).toLongLong(),
        stats.lowRatings.at(0).createdAt);
    EXPECT_EQ(model.rowOfTicket(137), 1);
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(RatingStatsTest, CsvQuotesAndGuards)
{
    using namespace models::csv;
    EXPECT_EQ(field(u"plain"_s), u"plain"_s);
    EXPECT_EQ(field(u"a,b"_s), u"\"a,b\""_s);
    EXPECT_EQ(field(u"say \"hi\""_s), u"\"say \"\"hi\"\"\""_s);
    EXPECT_EQ(field(u"two\nlines"_s), u"\"two\nlines\""_s);
    EXPECT_EQ(line({u"a"_s, u""_s, u"c,d"_s}), u"a,,\"c,d\"\r\n"_s);
    for (const QString &danger : {u"=1+2"_s, u"+49 30"_s, u"-2"_s, u"@SUM(A1)"_s, u"\tx"_s})
        EXPECT_EQ(guardFormula(danger), u'\'' + danger) << danger.toStdString();
    EXPECT_EQ(guardFormula(u"fine = good"_s), u"fine = good"_s);
    EXPECT_EQ(guardFormula(QString()), QString());

    const QList<QStringList> rows = parse(QChar(0xfeff) + u"a,\"b,\"\"c\"\"\r\nd\",\r\n\r\nlast"_s);
    ASSERT_EQ(rows.size(), 3);
    EXPECT_EQ(rows.at(0), (QStringList{u"a"_s, u"b,\"c\"\r\nd"_s, u""_s}));
    EXPECT_TRUE(rows.at(1).isEmpty());
    EXPECT_EQ(rows.at(2), QStringList{u"last"_s});
}

TEST_F(RatingStatsTest, CsvExportReadsBackTheFigures)
{
    const RatingStats stats = knownStats();
    models::RatingStatsCsvInput input;
    input.stats = &stats;
    input.lowRatings = stats.lowRatings;
    input.staffNames = {{1, u"Anna Schmidt"_s}};
    input.filterDescription = u"Fleet: West"_s;
    input.timeZone = QTimeZone("Europe/Berlin");
    const QByteArray bytes = models::ratingStatsCsv(input);
    ASSERT_TRUE(bytes.startsWith("\xEF\xBB\xBF"));
    EXPECT_TRUE(bytes.contains("\r\n"));
    const QList<QStringList> rows = models::csv::parse(QString::fromUtf8(bytes));

    const auto find = [&rows](const QString &first, int from = 0) -> QStringList {
        for (qsizetype i = from; i < rows.size(); ++i) {
            if (!rows.at(i).isEmpty() && rows.at(i).first() == first)
                return rows.at(i);
        }
        ADD_FAILURE() << "no row " << first.toStdString();
        return {};
    };
    // The period's days in Berlin, the last one included.
    EXPECT_EQ(find(u"Rating statistics"_s),
              (QStringList{u"Rating statistics"_s, u"2026-11-01"_s, u"2026-11-30"_s}));
    EXPECT_EQ(find(u"Previous period"_s),
              (QStringList{u"Previous period"_s, u"2026-10-01"_s, u"2026-10-31"_s}));
    EXPECT_EQ(find(u"Filters"_s), (QStringList{u"Filters"_s, u"Fleet: West"_s}));
    EXPECT_EQ(find(u"Ratings"_s), (QStringList{u"Ratings"_s, u"10"_s, u"0"_s}));
    EXPECT_EQ(find(u"Average stars"_s), (QStringList{u"Average stars"_s, u"3.7"_s, u""_s}));
    EXPECT_EQ(find(u"Satisfied share"_s), (QStringList{u"Satisfied share"_s, u"0.6"_s, u""_s}));
    EXPECT_EQ(find(u"Response rate"_s), (QStringList{u"Response rate"_s, u"0.5"_s, u"0"_s}));
    EXPECT_EQ(find(u"Resolved tickets"_s), (QStringList{u"Resolved tickets"_s, u"20"_s, u"4"_s}));
    EXPECT_EQ(find(u"1 star"_s), (QStringList{u"1 star"_s, u"1"_s, u"0"_s}));
    EXPECT_EQ(find(u"5 stars"_s), (QStringList{u"5 stars"_s, u"3"_s, u"0"_s}));
    EXPECT_EQ(find(u"2026-11-09"_s),
              (QStringList{u"2026-11-09"_s, u"6"_s, u"3.3333"_s, u"0.5"_s, u""_s}));
    EXPECT_EQ(find(u"Tobias Becker"_s),
              (QStringList{u"Tobias Becker"_s, u"5"_s, u"4.2"_s, u"0.8"_s, u"0.6667"_s, u"0.5"_s}));
    EXPECT_EQ(find(u"Unassigned"_s),
              (QStringList{u"Unassigned"_s, u"3"_s, u"2"_s, u"0"_s, u""_s, u""_s}));
    EXPECT_EQ(find(u"First reply in time"_s),
              (QStringList{u"First reply in time"_s, u"0.75"_s, u""_s}));
    EXPECT_EQ(find(u"Resolved in time"_s), (QStringList{u"Resolved in time"_s, u"0.4"_s, u"1"_s}));
    EXPECT_EQ(find(u"Resolved tickets with a target"_s),
              (QStringList{u"Resolved tickets with a target"_s, u"5"_s, u"2"_s}));
    // Commas and quotes in names survive; text that looks like a formula is defused.
    EXPECT_EQ(find(u"Rheinufer Büropark GmbH & Co. KG, Köln"_s).value(3), u"0.5714"_s);
    EXPECT_EQ(find(u"'=cmd|' /C calc'!A0"_s).value(1), u"10"_s);

    // Times as the view shows them: local (here Berlin, UTC+1 in November), the zone named.
    const QStringList header = find(u"Low rating given (Europe/Berlin)"_s);
    EXPECT_EQ(header, (QStringList{u"Low rating given (Europe/Berlin)"_s, u"Stars"_s, u"Ticket"_s,
                                   u"Title"_s, u"Comment"_s, u"Credited to"_s}));
    EXPECT_EQ(
        find(u"2026-11-25 19:33"_s),
        (QStringList{u"2026-11-25 19:33"_s, u"2"_s, u"T-000220"_s, u"Notrufknopf ohne Funktion"_s,
                     u"'=HYPERLINK(\"http://evil\",\"click\")"_s, u"Anna Schmidt"_s}));
    EXPECT_EQ(
        find(u"2026-11-17 16:39"_s),
        (QStringList{u"2026-11-17 16:39"_s, u"1"_s, u"T-000137"_s, u"Lift, \"stuck\""_s,
                     u"Nobody called back.\nTwice, in fact, \"really\"."_s, u"Unassigned"_s}));
    EXPECT_EQ(find(u"2026-11-10 09:00"_s).value(5), u"Mia Hoffmann"_s);
}

// The breakdowns are written in the order given (the table's), not the server's.
TEST_F(RatingStatsTest, CsvExportKeepsTheOrderShown)
{
    const RatingStats stats = knownStats();
    models::BreakdownModel model;
    model.setStats(stats);
    model.sort(models::BreakdownModel::NameColumn, Qt::AscendingOrder);
    models::RatingStatsCsvInput input;
    input.stats = &stats;
    QStringList expected;
    for (int d = 0; d < models::DimensionCount; ++d)
        input.breakdowns[size_t(d)] = model.rowsFor(models::Dimension(d));
    for (const models::BreakdownRow &row : input.breakdowns[size_t(models::Dimension::Staff)])
        expected.append(row.id == 0 ? u"Unassigned"_s : row.name);
    ASSERT_GT(expected.size(), 1);
    QStringList serverOrder;
    for (const models::BreakdownRow &row : stats.breakdownFor(models::Dimension::Staff))
        serverOrder.append(row.id == 0 ? u"Unassigned"_s : row.name);
    ASSERT_NE(expected, serverOrder); // else the test proves nothing

    const QList<QStringList> rows =
        models::csv::parse(QString::fromUtf8(models::ratingStatsCsv(input)));
    QStringList written;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows.at(i).value(0) != u"Staff member"_s)
            continue;
        for (qsizetype j = i + 1; j < rows.size() && !rows.at(j).isEmpty(); ++j)
            written.append(rows.at(j).first());
        break;
    }
    EXPECT_EQ(written, expected);
}

// Against the real server with its demo data (97 ratings over the last months).
class RatingStatsServerTest : public RatingStatsTest
{
protected:
    void SetUp() override
    {
        RatingStatsTest::SetUp();
        ASSERT_TRUE(server.isRunning());
        ASSERT_TRUE(client.signIn(server.baseUrl(), u"anna"_s));
        ASSERT_FALSE(http.loginStaff(u"anna"_s).isEmpty());
    }
    testsupport::TestServer server;
    modeltest::SignedInClient client;
    testsupport::ApiClient http{server.baseUrl()};
};

TEST_F(RatingStatsServerTest, SourceLoadsTheAnswerAndThePreviousTrend)
{
    models::RatingStatsSource source(&client.api);
    QSignalSpy loaded(&source, &models::RatingStatsSource::loaded);
    QSignalSpy loading(&source, &models::RatingStatsSource::loadingChanged);
    const RatingStatsQuery query =
        RatingStatsQuery::forPreset(RatingStatsQuery::Preset::Last12Months, QDate::currentDate());
    source.load(query);
    EXPECT_TRUE(source.isLoading());
    ASSERT_TRUE(QTest::qWaitFor([&] { return loaded.size() == 1; }, 15000));
    EXPECT_FALSE(source.isLoading());
    EXPECT_EQ(loading.size(), 2);

    const testsupport::HttpResult raw =
        http.get(u"/stats/ratings?"_s + query.toUrlQuery().toString(QUrl::FullyEncoded));
    ASSERT_EQ(raw.status, 200);
    bool ok = false;
    const RatingStats expected = models::parseRatingStats(raw.object(), &ok);
    ASSERT_TRUE(ok);
    const RatingStats &got = source.stats();
    EXPECT_GT(got.summary.count, 0);
    EXPECT_EQ(got.summary.count, expected.summary.count);
    EXPECT_EQ(got.summary.distribution, expected.summary.distribution);
    EXPECT_EQ(got.series.size(), 12);
    EXPECT_EQ(got.previousSeries.size(), 12);
    EXPECT_EQ(got.series.first().bucket, query.from);
    EXPECT_EQ(got.previousSeries.first().bucket, query.from.addYears(-1));
}

TEST_F(RatingStatsServerTest, SourceReportsARefusedQuery)
{
    models::RatingStatsSource source(&client.api);
    QSignalSpy failed(&source, &models::RatingStatsSource::errorOccurred);
    QSignalSpy loaded(&source, &models::RatingStatsSource::loaded);
    RatingStatsQuery query;
    query.from = QDate(2026, 5, 1);
    query.to = QDate(2026, 4, 1); // before `from`: 400
    source.load(query);
    ASSERT_TRUE(QTest::qWaitFor([&] { return failed.size() == 1; }, 15000));
    EXPECT_EQ(failed.at(0).at(0).value<client::ApiError>().status, 400);
    ASSERT_TRUE(modeltest::allAnswered(client.api));
    EXPECT_EQ(loaded.size(), 0);
    EXPECT_FALSE(source.isLoading());
}

TEST_F(RatingStatsServerTest, LowRatingsPageToTheEnd)
{
    RatingStatsQuery query =
        RatingStatsQuery::forPreset(RatingStatsQuery::Preset::Last12Months, QDate::currentDate());
    // All low ratings in one answer, as the reference.
    query.limit = 200;
    const testsupport::HttpResult all =
        http.get(u"/stats/ratings?"_s + query.toUrlQuery().toString(QUrl::FullyEncoded));
    ASSERT_EQ(all.status, 200);
    QList<qint64> expected;
    for (const QJsonValue &v :
         all.object().value(u"lowRatings"_s).toObject().value(u"items"_s).toArray())
        expected.append(v.toObject().value(u"ticketId"_s).toInteger());
    ASSERT_GT(expected.size(), 4);

    query.limit = 3;
    const testsupport::HttpResult first =
        http.get(u"/stats/ratings?"_s + query.toUrlQuery().toString(QUrl::FullyEncoded));
    ASSERT_EQ(first.status, 200);
    bool ok = false;
    const RatingStats stats = models::parseRatingStats(first.object(), &ok);
    ASSERT_TRUE(ok);

    LowRatingsModel model(&client.api);
    auto tester = modeltest::TesterFailures::attach(&model);
    modeltest::SignalLog log(&model);
    model.setFirstPage(query, stats.lowRatings, stats.nextCursor);
    EXPECT_EQ(model.rowCount(), 3);
    EXPECT_FALSE(stats.nextCursor.isEmpty()) << first.body.right(300).toStdString();
    // The tester itself fetches more when the model resets: wait for that page, too.
    for (int guard = 0; guard < 100; ++guard) {
        ASSERT_TRUE(QTest::qWaitFor([&] { return !model.isLoading(); }, 15000));
        if (!model.canFetchMore({}))
            break;
        const int before = model.rowCount();
        model.fetchMore({});
        EXPECT_TRUE(model.isLoading());
        ASSERT_TRUE(QTest::qWaitFor([&] { return !model.isLoading(); }, 15000));
        EXPECT_GT(model.rowCount(), before);
    }
    QList<qint64> got;
    for (int row = 0; row < model.rowCount(); ++row)
        got.append(model.ticketIdAt(row));
    EXPECT_EQ(got, expected);
    EXPECT_TRUE(log.text().startsWith(u"modelReset rowsInserted(3,5)"_s))
        << log.text().toStdString();
}

} // namespace
