// The statistics view, offscreen, against a real ticket-server with the demo data: the
// charts' series hold the server's figures, the empty state shows for a period without
// ratings, a double click on a low rating opens its ticket, the exports write their files
// and the layout persists.
#include "statisticsviewfixture.h"

#include <QScreen>

using namespace statisticstest;

namespace {

TEST_F(StatisticsViewTest, ChartsHoldTheServersFigures)
{
    auto view = makeView();
    load(view.get(), Last12Months);
    const RatingStats expected = answer(view->source()->query());
    ASSERT_GT(expected.summary.count, 50); // the demo data
    EXPECT_FALSE(view->isShowingEmptyState());

    // Headline figures, in the user's locale.
    EXPECT_EQ(child<QLabel>(view.get(), "countValueLabel")->text(),
              QLocale().toString(expected.summary.count));
    EXPECT_EQ(child<QLabel>(view.get(), "averageValueLabel")->text(),
              models::averageText(expected.summary.average));
    EXPECT_EQ(child<QLabel>(view.get(), "satisfiedValueLabel")->text(),
              models::shareText(expected.summary.satisfiedShare));
    EXPECT_EQ(child<QLabel>(view.get(), "responseRateValueLabel")->text(),
              models::shareText(expected.summary.responseRate));
    EXPECT_FALSE(child<QLabel>(view.get(), "averageChangeLabel")->text().isEmpty());

    // The histogram: three stacked sets (1–2, 3, 4–5 stars) that add up to the distribution.
    const QList<statistics::SeriesValues> stars = view->chartSeries(Chart::Stars);
    ASSERT_EQ(stars.size(), 3);
    for (int i = 0; i < 5; ++i) {
        double sum = 0;
        for (const auto &set : stars)
            sum += set.points.value(i).y();
        EXPECT_EQ(sum, expected.summary.distribution[size_t(i)]) << i + 1 << " stars";
    }
    EXPECT_EQ(view->chartCategories(Chart::Stars).size(), 5);

    // The trend: one point per month with ratings, the previous period behind it.
    const QList<statistics::SeriesValues> trend = view->chartSeries(Chart::Trend);
    ASSERT_EQ(trend.size(), 2);
    QList<QPointF> current;
    for (qsizetype i = 0; i < expected.series.size(); ++i) {
        if (expected.series.at(i).average)
            current.append(QPointF(double(i), *expected.series.at(i).average));
    }
    EXPECT_EQ(trend.at(1).points, current);
    EXPECT_EQ(expected.series.size(), 12);
    const RatingStats previous = answer(view->source()->query().previousPeriod());
    QList<QPointF> before;
    for (qsizetype i = 0; i < previous.series.size() && i < expected.series.size(); ++i) {
        if (previous.series.at(i).average)
            before.append(QPointF(double(i), *previous.series.at(i).average));
    }
    EXPECT_EQ(trend.at(0).points, before);

    // Per staff member, sorted by average (best first): the model's first rows are the
    // chart's bars (as many as have room), an average from few ratings marked "(n = 4)".
    const auto *breakdown = view->breakdownModel();
    ASSERT_EQ(breakdown->rows().size(), expected.breakdownFor(models::Dimension::Staff).size());
    const qsizetype shown = view->chartCategories(Chart::Breakdown).size();
    ASSERT_GE(shown, std::min<qsizetype>(5, breakdown->rowCount()));
    QList<double> averages;
    QStringList names;
    for (int row = 0; row < breakdown->rowCount() && row < shown; ++row) {
        const models::BreakdownRow &r = breakdown->rows().at(row);
        averages.append(r.average.value_or(0));
        names.append(breakdown->nameAt(row) +
                     (r.count < 5 ? u" (n = %1)"_s.arg(r.count) : QString()));
    }
    EXPECT_TRUE(std::is_sorted(averages.rbegin(), averages.rend()));
    const QList<statistics::SeriesValues> bars = view->chartSeries(Chart::Breakdown);
    ASSERT_EQ(bars.size(), 1);
    EXPECT_EQ(ys(bars.at(0)), averages);
    EXPECT_EQ(view->chartCategories(Chart::Breakdown), names);

    // Sorted by the number of ratings, the bars show the counts.
    child<QComboBox>(view.get(), "sortComboBox")->setCurrentIndex(1);
    QList<double> counts;
    for (const models::BreakdownRow &row : breakdown->rows())
        counts.append(row.count);
    counts = counts.mid(0, view->chartCategories(Chart::Breakdown).size());
    EXPECT_TRUE(std::is_sorted(counts.rbegin(), counts.rend()));
    EXPECT_EQ(ys(view->chartSeries(Chart::Breakdown).at(0)), counts);

    // Switched to customers.
    auto *dimension = child<QComboBox>(view.get(), "dimensionComboBox");
    dimension->setCurrentIndex(dimension->findData(int(models::Dimension::Customer)));
    const auto &customers = expected.breakdownFor(models::Dimension::Customer);
    EXPECT_EQ(breakdown->rowCount(), customers.size());
    const QStringList customerBars = view->chartCategories(Chart::Breakdown);
    EXPECT_TRUE(std::any_of(customerBars.begin(), customerBars.end(), [&](const QString &bar) {
        return bar.startsWith(customers.first().name);
    }));

    // The low ratings, newest first.
    ASSERT_FALSE(expected.lowRatings.isEmpty());
    EXPECT_EQ(view->lowRatingsModel()->ticketIdAt(0), expected.lowRatings.first().ticketId);
}

TEST_F(StatisticsViewTest, EmptyPeriodShowsTheEmptyState)
{
    auto view = makeView();
    auto *from = child<QDateEdit>(view.get(), "fromDateEdit");
    auto *to = child<QDateEdit>(view.get(), "toDateEdit");
    child<QComboBox>(view.get(), "periodComboBox")->setCurrentIndex(CustomPeriod);
    EXPECT_TRUE(from->isVisible());
    from->setDate(QDate(2001, 3, 1));
    to->setDate(QDate(2001, 3, 31));
    load(view.get(), CustomPeriod);
    EXPECT_EQ(view->source()->query().from, QDate(2001, 3, 1));
    EXPECT_EQ(view->source()->query().to, QDate(2001, 4, 1));
    EXPECT_TRUE(view->isShowingEmptyState());
    EXPECT_TRUE(child<QLabel>(view.get(), "emptyLabel")->isVisible());
    EXPECT_EQ(child<QLabel>(view.get(), "emptyLabel")->text(), u"No ratings in this period"_s);
    EXPECT_EQ(child<QLabel>(view.get(), "countValueLabel")->text(), u"0"_s);
    EXPECT_EQ(view->lowRatingsModel()->rowCount(), 0);

    // Back to a period with ratings: the charts return.
    load(view.get(), Last12Months);
    EXPECT_FALSE(view->isShowingEmptyState());
}

TEST_F(StatisticsViewTest, DoubleClickOnALowRatingAsksForItsTicket)
{
    auto view = makeView();
    load(view.get(), Last12Months);
    auto *table = child<QTableView>(view.get(), "lowRatingsTableView");
    ASSERT_GT(view->lowRatingsModel()->rowCount(), 1);
    QSignalSpy open(view.get(), &StatisticsView::openTicketRequested);
    const QModelIndex index =
        view->lowRatingsModel()->index(1, models::LowRatingsModel::CommentColumn);
    table->scrollTo(index);
    const QPoint at = table->visualRect(index).center();
    doubleClick(table, at);
    ASSERT_EQ(open.size(), 1);
    EXPECT_EQ(open.at(0).at(0).toLongLong(), view->lowRatingsModel()->ticketIdAt(1));
}

TEST_F(StatisticsViewTest, ExportsWriteTheirFiles)
{
    auto view = makeView();
    load(view.get(), Last12Months);
    const RatingStats &stats = view->source()->stats();
    QMenu *menu = child<QToolButton>(view.get(), "exportButton")->menu();
    ASSERT_NE(menu, nullptr);
    QList<QAction *> actions;
    for (QAction *a : menu->actions()) {
        if (!a->isSeparator())
            actions.append(a);
    }
    ASSERT_EQ(actions.size(), 5); // CSV, three charts, PDF

    const QString csvPath = dir.filePath(u"ratings.csv"_s);
    dialogs.nextSaveFileName(csvPath);
    actions.at(0)->trigger();
    QFile csv(csvPath);
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = models::csv::parse(QString::fromUtf8(csv.readAll()));
    bool foundCount = false;
    for (const QStringList &row : rows) {
        if (row.value(0) == u"Ratings"_s && row.size() == 3) {
            EXPECT_EQ(row.at(1), QString::number(stats.summary.count));
            foundCount = true;
            break;
        }
    }
    EXPECT_TRUE(foundCount);

    for (int i = 0; i < statistics::ChartCount; ++i) {
        const QString png = dir.filePath(u"chart%1.png"_s.arg(i));
        dialogs.nextSaveFileName(png);
        actions.at(1 + i)->trigger();
        const QImage image(png);
        EXPECT_FALSE(image.isNull()) << png.toStdString();
        EXPECT_GT(image.width(), 100);
    }

    const QString pdfPath = dir.filePath(u"ratings.pdf"_s);
    dialogs.nextSaveFileName(pdfPath);
    actions.at(4)->trigger();
    QFile pdf(pdfPath);
    ASSERT_TRUE(pdf.open(QIODevice::ReadOnly));
    EXPECT_TRUE(pdf.read(5) == "%PDF-");
    EXPECT_GT(pdf.size(), 5000);
}

TEST_F(StatisticsViewTest, ChoicesAndLayoutPersist)
{
    {
        auto view = makeView();
        load(view.get(), Last12Months);
        auto *dimension = child<QComboBox>(view.get(), "dimensionComboBox");
        dimension->setCurrentIndex(dimension->findData(int(models::Dimension::Fleet)));
        child<QComboBox>(view.get(), "sortComboBox")->setCurrentIndex(1);
        view->hide();
    }
    EXPECT_EQ(settings.value(u"statistics/period"_s).toInt(), Last12Months);
    auto view = makeView();
    EXPECT_EQ(child<QComboBox>(view.get(), "periodComboBox")->currentIndex(), Last12Months);
    EXPECT_EQ(view->breakdownModel()->dimension(), models::Dimension::Fleet);
    EXPECT_EQ(view->breakdownModel()->sortColumn(), models::BreakdownModel::CountColumn);
    EXPECT_EQ(child<QComboBox>(view.get(), "sortComboBox")->currentIndex(), 1);
}

TEST_F(StatisticsViewTest, MainWindowOpensTheStatisticsAndTheirTickets)
{
    client::EventStream events;
    client::Outbox outbox(&api, dir.filePath(u"outbox.json"_s));
    client::DraftStore drafts(dir.filePath(u"drafts.json"_s));
    events.setEndpoint(api.baseUrl(), api.token());
    MainWindow window(AppContext{&api, &events, &outbox, &drafts, &settings, u"test"_s, u"anna"_s});
    window.resize(1400, 900);
    window.show();
    window.start();

    auto *action = window.findChild<QAction *>(u"statisticsAction"_s);
    ASSERT_NE(action, nullptr);
    EXPECT_EQ(action->shortcut(), QKeySequence(u"Ctrl+Shift+S"_s));
    action->trigger();
    StatisticsView *view = window.statisticsView();
    ASSERT_NE(view, nullptr);
    EXPECT_TRUE(view->isWindow());
    EXPECT_TRUE(view->isVisible());
    // Found using it at 1024×640: the first opening was 1280×900, its edges off the screen.
    // (The offscreen test screen is 800×800: narrower than the view's least width.)
    const QSize available = view->screen()->availableGeometry().size();
    const QSize least = view->minimumSizeHint();
    EXPECT_LE(view->width(), std::max(available.width(), least.width()));
    EXPECT_LE(view->height(), std::max(available.height(), least.height()));
    load(view, Last12Months);
    ASSERT_GT(view->lowRatingsModel()->rowCount(), 0);

    // A resolved ticket is not in the default queue: it opens in the detail pane anyway.
    const qint64 id = view->lowRatingsModel()->ticketIdAt(0);
    auto *table = child<QTableView>(view, "lowRatingsTableView");
    const QModelIndex index = view->lowRatingsModel()->index(0, 0);
    doubleClick(table, table->visualRect(index).center());
    ASSERT_TRUE(
        waitFor([&] { return window.document()->id() == id && window.document()->isLoaded(); }));
    window.close();
}

TEST_F(StatisticsViewTest, ANewRatingIsAnnouncedAndTakenInOnRefresh)
{
    QTemporaryDir clientDir;
    guitest::Client c(server.baseUrl(), clientDir.path());
    c.window->showStatistics();
    StatisticsView *view = c.window->statisticsView();
    ASSERT_NE(view, nullptr);
    load(view, Last12Months);
    const int before = view->source()->stats().summary.count;
    ASSERT_TRUE(waitFor([&] { return c.events.state() == client::EventStream::State::Connected; }));

    // A code user's ticket, resolved by staff and rated by its code user.
    testsupport::ApiClient user(server.baseUrl());
    ASSERT_FALSE(user.loginDevice(testsupport::demoDeviceCode(0)).isEmpty());
    const qint64 id = testsupport::createTicket(user, u"Bitte bewerten"_s)[u"id"_s].toInteger();
    ASSERT_EQ(http.editTicket(id, {{u"status"_s, u"resolved"_s}}).status, 200);
    ASSERT_EQ(user.post(u"/tickets/%1/rating"_s.arg(id), {{u"stars"_s, 5}}).status, 201);

    // Announced, not reloaded under the reader's eyes.
    ASSERT_TRUE(waitFor([&] { return view->newRatings() == 1; }));
    // (No translator here: the source text, "%n new rating(s)…".)
    EXPECT_TRUE(child<QLabel>(view, "statusLabel")->text().startsWith(u"1 new rating"_s))
        << child<QLabel>(view, "statusLabel")->text().toStdString();
    EXPECT_EQ(view->source()->stats().summary.count, before);

    QSignalSpy loaded(view->source(), &models::RatingStatsSource::loaded);
    view->refresh();
    ASSERT_TRUE(waitFor([&] { return loaded.size() == 1 && !view->source()->isLoading(); }));
    EXPECT_EQ(view->source()->stats().summary.count, before + 1);
    EXPECT_EQ(view->newRatings(), 0);
    EXPECT_TRUE(child<QLabel>(view, "statusLabel")->text().startsWith(u"Updated"_s));
}

// Staff names on the bar chart are readable on a small screen and a large one: QtCharts
// puts "..." for a name whose row is too low or too narrow, which it did for every name
// below about 1,400 px. Long names are shortened in the middle, keeping their start.

} // namespace

// The server counts days in its zone (Europe/Berlin here). Staff whose own date is another
// day (late in London, early in Samoa) still see the days up to the server's today, with
// today's ratings: the first answer names the zone and the period follows it, once.
TEST_F(StatisticsViewTest, ThePeriodEndsOnTheServersTodayWhereverTheClientIs)
{
    const QTimeZone berlin("Europe/Berlin");
    const QDateTime nowThere = QDateTime::currentDateTime().toTimeZone(berlin);
    // A zone whose date is always another day than Berlin's right now.
    TimeZoneGuard tz(nowThere.time().hour() < 12 ? "Pacific/Pago_Pago" : "Pacific/Kiritimati");
    ASSERT_NE(QDate::currentDate(), nowThere.date());

    testsupport::ApiClient user(server.baseUrl());
    ASSERT_FALSE(user.loginDevice(testsupport::demoDeviceCode(1)).isEmpty());
    const qint64 id = testsupport::createTicket(user, u"Heute bewertet"_s)[u"id"_s].toInteger();
    ASSERT_EQ(http.editTicket(id, {{u"status"_s, u"resolved"_s}}).status, 200);
    ASSERT_EQ(user.post(u"/tickets/%1/rating"_s.arg(id), {{u"stars"_s, 2}}).status, 201);

    auto view = makeView();
    load(view.get(), Last90Days);
    const models::RatingStatsQuery q = view->source()->query();
    const QDate berlinToday = QDateTime::currentDateTime().toTimeZone(berlin).date();
    EXPECT_EQ(q.to, berlinToday.addDays(1));
    EXPECT_EQ(q.from, berlinToday.addDays(-89));
    // Today's rating is among the low ones shown.
    bool found = false;
    for (const models::LowRating &r : view->source()->stats().lowRatings)
        found = found || r.ticketId == id;
    EXPECT_TRUE(found);
    EXPECT_EQ(view->source()->stats().summary.count, answer(q).summary.count);
    // Kept for the next start: its first request already asks for Berlin's days.
    EXPECT_EQ(settings.value(u"statistics/timeZone"_s).toString(), u"Europe/Berlin"_s);
}
